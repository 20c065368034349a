"""What people call the things the registry acts on: a lexicon of resources, from scheduling products' vocabulary.

Each entry is (resource, strong, weak): regular expressions over the lower-cased request. A strong phrase names the
resource outright ("event type", "booking link"); a weak one hints at it ("host", "offers"). Entries are ordered
from the most specific resource to the most general: a phrase found is blanked out before later entries are read,
so "meeting type" is an event type and not a meeting, and "MS Teams" a video tool and not a team. When a request
names several resources, the earliest in this order is the one acted on and the others are its context
("the webhooks of event type 5" acts on webhooks; "the schedule of org user 7" on a schedule).

Resource names are those :func:`cal_actions.search.model.action_resource` reads from action names.
"""

from __future__ import annotations

#: A phone number in international form.
_NUMBER = r"\+\d[\d ()-]{6,}\d"
#: An email address; it starts after a space or an opening mark (from anywhere, matching costs the square of a word).
_ADDRESS = r"(?<![^\s(<,;:\"'])[^\s@]+@\S+"
_BOOKED = r"(bookings?|events?|appointments?|meetings?|calls?|sessions?)"
#: Someone did not come to a booking.
NO_SHOW = (r"\bno[- ]?shows?\b|\b(didn'?t|did not|never) (show|turn(ed)? up|join(ed)?)\b|\bnever showed\b"
           r"|\bnot (having )?(shown|turned) up\b"
           r"|\bnobody\b.{0,40}\b(showed|turned up|joined|came)\b|\babsent\b")

RESOURCES: tuple[tuple[str, str, str], ...] = (
    # an address or a number verified (or to verify) so workflows may send to it; a code sent to a number or an
    # address verifies it
    (
        "verified-phone",
        r"\bverified (phone |mobile |cell )?numbers?\b|\bverified (phones?|mobiles?)\b"
        r"|\b(phone|mobile|cell)( numbers?)? (\w+ ){0,2}(verified|verification)\b"
        r"|\bnumbers? (are|is|were|was) verified\b"
        r"|\b(verify|verifying)\s+(\w+\s+){0,2}?(" + _NUMBER + r"|phones?\b|mobiles?\b|(phone )?numbers?\b)"
        r"|\b(text|texts|texting|sms|txt)\s+(\w+\s+){0,3}?codes?\b(\s+(to|at|on)\s+" + _NUMBER + r")?"
        r"|\bcodes?\b[^.;!?]{0,25}?(" + _NUMBER + r"|\b(phone|mobile|cell)\b)|" + _NUMBER + r"[^.;!?]{0,25}?\bcodes?\b",
        "",
    ),
    (
        "verified-email",
        r"\bverified (e-?mail )?(address(es)?|e-?mails?)\b"
        r"|\b(e-?mail )?address(es)? (\w+ ){0,3}(verified|verification)\b|\be-?mails? (\w+ ){0,3}verified\b"
        r"|\bverif\w* (of|for) (that|the|this|my|our|an?) (e-?mail )?address\b"
        r"|\b(verify|verifying|confirm)\s+(\w+\s+){0,2}?(" + _ADDRESS + r"|e-?mail\b|address\b)"
        r"|\b(e-?mail|send|mail)\w*\s+(\w+\s+){0,3}?codes?\b(\s+to\s+" + _ADDRESS + r")?"
        r"|" + _ADDRESS + r"[^.;!?]{0,25}?\bcodes?\b|\bcodes?\b[^.;!?]{0,40}?" + _ADDRESS,
        "",
    ),
    # what a booking left in other apps, and the links that add it to one
    ("recording", r"\brecordings?\b|\brecorded\b|\btaped\b|\bvideo (files?|replays?)\b|\breplays?\b", ""),
    ("transcript", r"\btranscri(pt|pts|bed|ption|ptions)\b|\bwritten (text|version)\b|\bwhat was said\b", ""),
    (
        "booking-reference",
        r"\b(booking )?references?\b|\bexternal (event |meeting )?u?ids?\b"
        r"|\b(calendar|video) (side|records?|entr(y|ies))\b"
        r"|\b(lives?|living|exists?|shows? up) in (other|external|third[- ]party|connected)"
        r" (systems?|apps?|tools?|services?)\b"
        r"|\b(event|meeting)s? did (it|this|that|the booking) create\b"
        r"|\b(calendar event|video meeting)s? (and|or|&|\+) (\w+ )?(video meeting|calendar event|meeting)s?"
        r"( records?)?\b",
        "",
    ),
    (
        "calendar-link",
        r"\badd[- ]to[- ]calendar\b|\.?\bics (files?|attachments?|invites?)\b"
        r"|\b(calendar )?(links?|buttons?) (that|which|to|for|of) ((drop|add|put|save)s? )?(the |this |that |my |a )?"
        r"(booking|meeting|appointment|call|session)s?\b(?! (types?|kinds?)\b)",
        "",
    ),
    (
        "delegation-credential",
        r"\bdelegation( credentials?)?\b|\bdomain[- ]wide (delegation|access)\b|\bservice[- ]accounts?\b",
        "",
    ),
    (
        "routing-form",
        r"\brouting forms?\b|\b(intake|qualification|qualifying|lead|screening|contact|signup|sign-up) forms?\b"
        r"|\bform (responses?|submissions?|answers?|entries)\b"
        r"|\b(respons|submission|answer)\w* (to|of|on) (the |a |our )?[\w' ]{0,20}\bform\b"
        r"|\broute[sd]? (them|people|leads?|visitors?|prospects?|requests?)\b",
        r"\bforms?\b",
    ),
    (
        "workflow",
        r"\bworkflows?\b|\bautomations?\b"
        r"|\b(automated|automatic|auto)[- ]?(reminders?|emails?|sms|texts?|messages?|follow[- ]ups?)\b"
        r"|\breminders?\b|\bfollow[- ]ups?\b",
        "",
    ),
    ("invite-link", r"\binvit\w* links?\b|\b(join|signup|sign-up) links?\b|\binvite tokens?\b", ""),
    # the ids a connected calendar is known by are read from the list of calendars, whatever is done with them next
    ("calendar",
     r"\b(need|want|get|give me|find|what('s| is| are)|look up|show)\b.{0,20}\b(external|credential)[ -]?ids?\b", ""),
    (
        "ics-feed",
        r"\.ics\b|\bics\b|\bi-?cal\b|\bwebcal\b|\b(calendar|ical|ics) (feed|subscription)s?\b|\bfeed (url|link)s?\b"
        r"|\bsubscription (url|link)\b|\bsubscribe (to|me to)\b(?! (\S+ ){0,3}(events?|notifications?|updates?)\b)"
        r"|\bread-only calendar\b",
        r"\bfeeds?\b",
    ),
    (
        "selected-calendar",
        r"\bselected calendars?\b|\b(for|against|of) (conflicts?|clash\w*|double[- ]bookings?|overlaps?)\b"
        r"|\bconflict[- ]check\w*|\bcount(s|ed|ing)? (against|toward|towards|in)\b|\binto account\b"
        r"|\b(block|blocks|blocking) (my |our )?(\w+ )?(availability|free time|slots?)\b"
        r"|\b(looking|look|checking|check) at\b"
        r".{0,40}\b(clash\w*|conflicts?)\b"
        # a calendar treated as busy, or one people must not book over, is checked for conflicts
        r"|\b(treat\w*|count\w*|mark\w*)\s+(\w+\s+){0,3}as busy\b|\b(book|booked|booking) over\b",
        r"\bclash\w*",
    ),
    (
        "destination-calendar",
        r"\bdestination calendars?\b|\b(new|future|incoming|upcoming) " + _BOOKED + r"\b.{0,40}"
        r"\b(go|goes|written|write|added|add|put|land(s|ing)?|saved|created|end up|appear|show up)\b"
        r"|\b(write|put|add|save|create|send|place) (the |my |our )?((new|future|upcoming) )?(events? for (my |our )?)?"
        + _BOOKED
        + r"\b.{0,25}\b(in|into|to|on|onto) (my |our |the )?[\w-]+( \w+)? calendar\b"
        r"|\b(where|which calendar)\b.{0,30}" + _BOOKED + r"\b.{0,20}\b(written|added|put|go|goes|land|created|saved)\b"
        # "events from bookings should land in sam@acme.com's calendar", "the events written to my work calendar"
        r"|\b(events?|bookings?)\b.{0,25}\b(written|added|saved|created|land(s|ing)?|end(s|ing)? up|show(s|ing)? up)"
        r" (in|into|to|on|onto) (my |our |the )?[\w@.'-]+( \w+)? calendar\b"
        # "write new meeting events into Outlook"
        r"|\b(write|put|save|send|place)\b.{0,40}\b(in|into|to|onto) (my |our |the )?(\w+ )?"
        r"(outlook|g-?cal|google calendar|icloud|office ?365|exchange)\b",
        "",
    ),
    (
        "busy-time",
        r"\bbusy\b|\bblocked (intervals?|times?|periods?|slots?|hours?)\b|\boccup(ied|ying|y)\b"
        r"|\btaken (times?|slots?|blocks?)\b|\b(times?|slots?|blocks?|hours?) (are |is )?already taken\b"
        r"|\bwhat'?s blocking my (\w+ )?calendars?\b|\bblocked (between|on|from|during|at)\b",
        r"\bconflicts?\b",
    ),
    (
        "reservation",
        r"\breservations?\b|\breserv(e|ed|ing)\b"
        # one holds a role or an option as one has it, and "we hold" a token has it
        r"|(?<!\bwe )(?<!\bi )(?<!\bstill )(?<!\balready )\bhold(s|ing)?\b"
        r"(?! (which |what |the |an? |any )?(\w+ )?(roles?|admin|rights|options?|values?|tags?|attributes?)\b)"
        r"|\bpencil(led|ed)? in\b|\bon hold\b"
        r"|\block (it |that |this )?(time |slot )?in\b|\btemporar(y|ily)\b"
        # kept from being taken, but not booked yet
        r"|\bfrom being (taken|booked|grabbed)\b|\b(don'?t|not|without) book(ing)? it( yet)?\b",
        "",
    ),
    (
        "slot",
        r"\bslots?\b|\b(open|free|available|bookable) ((start|booking|meeting) )?(times?|spots?|hours?|windows?)\b"
        r"|\bopenings?\b"
        r"|\bavailab\w* (of|for|on) (the |an? |my |our |this )?(event[- ]?type|meeting type|\w+ (call|meeting"
        r"|consult\w*)"
        r"|\d)|\bwhen (could|can|might) (someone|people|anyone|they|clients?|customers?|i|we)\b.{0,20}"
        r"\b(book|meet|grab|get|take|reserve)\b"
        r"|\b(am i|are we|is \w+|are they) (free|available)\b|\bfree (on|at|tomorrow|today|next|this)\b|\bwhen am i\b"
        r"|\b(times?|spots?|hours?|days?) (are|is) (still )?(open|free|available|bookable)\b"
        r"|\b(which|what) (times?|spots?|hours?|days?) (can|could|are|is)\b",
        r"\bfree\b|\bavailable\b",
    ),
    # a no-show is recorded on a booking, whoever else the request names ("nobody from Acme joined the call")
    ("booking", NO_SHOW, ""),
    (
        "webhook",
        r"\bwebhooks?\b|\b(callback|notify|notification|ping|hook) (urls?|endpoints?)\b|\bzapier\b|\bn8n\b"
        r"|\b(notify|ping|post to|call) https?://"
        r"|\b(notify|ping|post to|call) (my |our |the |a )?(\w+ ){0,2}(urls?|endpoints?|servers?|backends?|relays?)\b"
        r"|\bevent subscriptions?\b|\bhooks?\b(?! (\w+ )?up\b)"
        # what happens to bookings, delivered as it happens: "subscribe to booking cancelled events"
        r"|\bsubscribe (to|me to) (\S+ ){0,3}(events?|notifications?|updates?)\b",
        r"\bendpoints?\b|\bnotify\b|\bping\b|\bhttps?://",
    ),
    ("token", r"\b(access|refresh) tokens?\b", r"\btokens?\b"),
    (
        "phone-call",
        r"\bphone( calls?)?\b|\b(dial|ring) (out|them|the)\b|\bcall (them|the (attendee"
        r"|invitee)s?) on\b|\bcall (this|that|a|the|their|my) (\w+ )?number\b|\b(ai|voice) (agent|assistant|bot)s?\b"
        # a number in international form is dialled; Cal.ai is the voice agent that places the calls
        r"|(?<![\w+])\+\d[\d ()-]{6,}\d\b|\bcal\.?ai\b|\boutbound (\w+ )?calls?\b",
        "",
    ),
    (
        "conferencing",
        r"\bconferenc\w*|\bvideo( (tool|app|call|conferenc\w*|option|provider|link|platform|meeting)s?)?\b|\bzoom\b"
        r"|\bgoogle meet\b|\bmeet\b|\b(ms|microsoft) teams\b|\bwebex\b|\bwhereby\b|\bdaily(\.co)?\b|\bjitsi\b"
        r"|\bgotomeeting\b|\b(online |video )?meeting (app|tool|link|software|provider|platform|service)s?\b",
        "",
    ),
    ("stripe", r"\bstripe\b|\bpayments?\b|\bpaid\b|\bbilling\b|\bcharg(e|ed|ing)\b|\bcredit cards?\b", ""),
    (
        "attribute-option",
        r"\battribute (options?|values?|choices)\b"
        r"|\b(options?|values?|choices) (\(?(id )?#?\d+\)? )?(of|for) (the |an? |this )?[\w' ]{0,20}attribute\b"
        r"|\btagged\b|\b(another|new|extra|one more|more) (options?|values?|choices?)\b"
        r"|\b(options?|values?|choices?) (to|from|on|in) (the |an? |this )?[\w' ]{0,20}attribute\b"
        # "what values can the Seniority attribute take", "which choices does the region attribute have"
        r"|\b(options|values|choices)\b [\w' ]{0,30}\battribute\b"
        r"|\battributes? (needs?|has|have|should (have|get)|is missing|lacks?|gets?)\b[\w' ]{0,20}"
        r"\b(options?|values?|choices?)\b"
        r"|\b(choice|option)s? (under|within)\b"
        r"|\b(options?|values?|choices?) #?\d+ (of|for|on|in|under|from) (the )?attribute\b"
        # a tag or a value taken off someone is an option they held
        r"|\b(take|remove|strip|drop)\s+(\S+\s+){0,3}(tags?|values?|options?|choices?) (off|from)\b"
        # attributes given to a person are the options they hold
        r"|\battributes? (\w+ ){0,2}(assigned|given|set) (to|for|on)\b",
        r"(?<!meeting )(?<!booking )\boptions?\b|\bvalues?\b|\bchoices\b|\btags?\b",
    ),
    (
        "attribute",
        r"\battributes?\b|\bcustom (\w+ )?(fields?|propert(y|ies)|data)\b|\b(fields?|propert(y|ies)) (on|of|for) "
        r"(people|users|members|employees)\b",
        r"\bpropert(y|ies)\b|\bfields?\b",
    ),
    (
        "out-of-office",
        # a person's time away as an entry of its own; "out of office" alone stays a schedule's time off
        r"\bout[- ]of[- ]office (entr(y|ies)|records?|periods?|status)\b"
        r"|\bo\.?o\.?o( (entr(y|ies)|records?|periods?|status))?\b"
        r"|\b(mark\w*|put|record\w*|log\w*)\b[\w' ]{0,30}\bout[- ]of[- ]office\b"
        r"|\b(covers?|covering|stands? in) for\b|\bredirect\w* (\w+ ){0,3}bookings?\b"
        # time away kept as entries, someone put on leave, someone else covering their bookings, who is away
        r"|\b(time[- ]off|vacation|holiday|leave|absence|away|pto)s? (entr(y|ies)|records?|periods?)\b"
        r"|\bon (leave|pto|sabbatical|parental leave|sick leave)\b|\bcover(s|ing)? (their|his|her) (\w+ )?bookings\b"
        r"|\b(who|anyone|anybody|someone)( \w+){0,4} (is|are|will be) (away|out|off)\b",
        "",
    ),
    (
        "schedule",
        r"\bschedules?\b|\bavailabilit(y|ies)\b|\b(working|work|office|business|opening) hours\b|\btime off\b"
        r"|\bdays? off\b|\bout of office\b|\bvacation\b|\bholidays?\b|\boverrides?\b|\bblock (that|the|a|this) day\b"
        r"|\bwork(ing)? (from )?\d{1,2}(:\d\d)?\s*(am|pm)?\s*(to|-|till|until)\b|\b(what|which) hours\b",
        r"\bhours\b|\bshift\b|\b(mon|tue|wed|thu|fri)\w*\s*(-|to|through|thru)\s*(mon|tue|wed|thu|fri|sat|sun)",
    ),
    (
        "managed-org",
        r"\bmanaged (org|organi[sz]ation)s?\b|\b(orgs?|organi[sz]ations?) (we|i) (manage|run)\b"
        r"|\bsub-?(org|organi[sz]ation)s?\b|\bchild (org|organi[sz]ation)s?\b",
        "",
    ),
    (
        "managed-user",
        r"\bmanaged users?\b|\bplatform users?\b|\busers? (of|on|in|under) (our |my |the )?(oauth|platform|app|client)"
        # "the users our platform app created", "users provisioned under my platform OAuth client"
        r"|\busers?\b[\w' ]{0,40}?\b(oauth|platform) (clients?|apps?)\b"
        r"|\b(oauth|platform) (client|app)'?s? users?\b",
        "",
    ),
    (
        "oauth-client",
        r"\b(oauth|platform) (clients?|apps?|applications?)\b|\bclient (id|secret)s?\b"
        # a client named by its id
        r"|\bclient\b(?= [a-z]*_?[a-z]*\d\w*\b)",
        "",
    ),
    (
        "private-link",
        r"\bprivate (booking |scheduling )?(links?|urls?)\b"
        r"|\b(one[- ]time|single[- ]use|one[- ]off|expiring|secret|hashed|hidden|limited) (booking |scheduling )?"
        r"(links?|urls?)\b",
        "",
    ),
    (
        # "do I belong to an organization" asks which one: its id
        "org",
        # "org id 9" gives the organization: it asks for no id
        r"\borg(ani[sz]ation)?'?s? id\b(?!\s*(is\s+|=\s*|:\s*)?#?\d)|\borgid\b(?!\s*(is\s+|=\s*|:\s*)?#?\d)"
        r"|\b(which|what) (org|organi[sz]ation|company)\b"
        r"|\b(belong|belongs|am i|are we)( \w+)? (to|in|part of|a member of) an? (org|organi[sz]ation)\b",
        "",
    ),
    ("team", r"\b(which|what) teams?\b|\bteams? (i|we)('m| am| are)? (belong|on|in|part)\b", ""),
    (
        "membership",
        r"\bmemberships?\b|\bmembers?\b(?! (hosting|as hosts?)\b)|\broles?\b|\badmin (rights|access)\b"
        r"|\bwho('s| is| are) (in|on)\b"
        r"|\bbelongs? to\b|\bpart of\b|\bpeople (in|on)\b|\bjoin(s|ed|ing)?\b|\binvite\w*|\bkick\b"
        r"|\bpromot\w*|\bdemot\w*",
        r"\badmins?\b|\bowners?\b|\bteammates?\b",
    ),
    # a booking made from what was held or picked: "turn that into a real appointment on event type 812"
    ("booking", r"\b(turn|convert|make) (that|it|this|them|the \w+) into (an? )?(real |proper |actual |confirmed )?"
     r"(bookings?|appointments?|meetings?)\b", ""),
    (
        "event-type",
        r"\bevent[- ]?types?\b|\b(an?|new)\s+(round[- ]robin|collective)\s+(\w+\s+)?(event|meeting|session)s?\b"
        # a team's events are its event types: "the 'Intake' event from our Legal team"
        r"|\bteam'?s?(\s+\w+){0,3}?\s+events?\b(?![- ]?types?\b)"
        r"|\bevents?\s+(from|of|on|for|in)\s+(the |our |my |this |that )?([\w']+ ){0,3}?team\b"
        r"|\b(hosting|as (an? |co-?)?hosts?)\b"
        r"|\b(meeting|appointment|session|booking|call|service|event) (types?|kinds?)\b"
        r"|\b(types?|kinds?) of (meetings?|appointments?|calls?|sessions?|events?)\b"
        r"|\b(booking|scheduling) (links?|pages?)\b|\b(meeting|booking|appointment) options\b"
        r"|\b(can|could) (\w+ )?book\b|\bbookable\b|\boffer(s|ed|ing)?\b"
        r"|\bservices?\b"
        # a length is set on the event type, not on one booking
        r"|\b\d+[- ]?min(ute)?s?\b.{0,15}\b(instead|long|rather)\b|\b(longer|shorter|lengthen|shorten)\b"
        r"|\btoo (short|long)\b"
        # a buffer is kept around every booking of an event type
        r"|\bhours? long\b|\bbuffers?\b|\bbreathing room\b|\bpadding\b|\b\d+[- ]?min(ute)?s? (gap|break)\b"
        # a length set ("bump it to 45 minutes", "should be 45 minutes") is the event type's
        r"|\bto \d+[- ]?min(ute)?s?\b(?! (later|earlier|before|after|from|past|early|late))"
        r"|\b(should|must|needs? to|has to) be \d+[- ]?min(ute)?s?\b",
        r"\bhosts?\b|\bround[- ]robin\b|\bcollective\b|\bgap\b|\bnotice\b",
    ),
    (
        "booking",
        r"\bbookings?\b|\bappointments?\b|\bmeetings?\b|\bcalls?\b|\bsessions?\b|\bdemos?\b|\binterviews?\b"
        r"|\bon (my|the|our) (\w+ )?(calendar|diary|agenda)\b|\bconsult\w*"
        r"|\b1:1\b|\bone[- ]on[- ]one\b|\bbook\b|\bbooked\b"
        r"|(?<!cal )(?<!calendar )\bsync\b(?!\s+(ok|okay|fine|working|healthy|status|broken|still)\b)"
        r"|\bintro\b|\bcatch[- ]?up\b",
        r"\bevents?\b|\bagenda\b",
    ),
    (
        "me",
        # "set that up for my account" names whose it is, not what to change
        r"(?<!for )(?<!to )\bmy (own )?(cal(\.com)? )?account\b"
        r"|\bmy (own )?(cal(\.com)? )?(profile|email|e-mail|username|user ?name|display name|name"
        r"|time ?zone|details"
        r"|settings|locale|language|week start|avatar|bio)\b|\bwho am i\b|\blogged in\b|\babout me\b",
        "",
    ),
    (
        "timezone",
        r"\b(list|which|what|all|supported|available|valid|every) (of the )?(\w+ )?time ?zones\b"
        r"|\btime ?zones? (list|supported|available)\b",
        r"\btime ?zones?\b",
    ),
    (
        # who is added to or taken from a team or an organization is a membership, unless another thing was named
        "membership",
        r"\b(add|put|bring|assign|remove|kick|drop|take)\b[\w' ]{1,30}?\b(to|into|onto|in|on|from|out of|off) "
        r"(?:(the|my|our|this|a|an|that)('s)? (\w+ ){0,2}?(team|org|organi[sz]ation|company)\b"
        r"|(team|org) #?\d+\b(?!'s))",
        "",
    ),
    ("team", r"\bteams?\b|\bsquads?\b|\bdepartments?\b", r"\bgroups?\b"),
    ("user", r"\busers?\b|\busernames?\b|\bemployees?\b|\bpeople\b|\bperson\b|\bstaff\b", r"\baccounts?\b"),
    ("calendar", r"\bcalendars?\b|\bg-?cal\b|\bgmail\b|\boutlook\b|\bicloud\b|\bexchange\b|\bcaldav\b|\boffice ?365\b"
        r"|\b(google|microsoft|apple) accounts?\b", ""),
)

#: Registry words a named resource adds to the request, so the actions about it share terms with it.
RESOURCE_TERMS: dict[str, str] = {
    "booking-reference": "booking reference",
    "recording": "booking recording",
    "transcript": "booking transcript",
    "calendar-link": "booking calendar link",
    "verified-email": "verified email",
    "verified-phone": "verified phone",
    "routing-form": "routing form",
    "workflow": "workflow",
    "invite-link": "invite link",
    "delegation-credential": "delegation credential",
    "out-of-office": "out of office",
    "managed-org": "managed org",
    "oauth-client": "oauth client",
    "private-link": "private link",
    "ics-feed": "ics feed",
    "selected-calendar": "selected calendar",
    "destination-calendar": "destination calendar",
    "busy-time": "busy time",
    "reservation": "slot reservation",
    "slot": "available slot",
    "webhook": "webhook",
    "token": "token",
    "phone-call": "phone call",
    "conferencing": "conferencing app",
    "stripe": "stripe",
    "attribute-option": "attribute option",
    "attribute": "attribute",
    "schedule": "schedule",
    "managed-user": "managed user",
    "membership": "membership",
    "event-type": "event type",
    "booking": "booking",
    "me": "me",
    "org": "org id",
    "timezone": "timezone",
    "team": "team",
    "user": "user",
    "calendar": "calendar",
}

"""What a model reads of a result: the envelope made compact, with nothing of meaning lost.

Every token a tool result puts into a model's context is paid for, and Cal.com's answers are
mostly nulls, ``false`` flags, empty lists and wrappers. :func:`compact_result` is a pure
projection of an :class:`ActionResult` (plus the action and the call's arguments, for the
requested time zone and paging) onto what the adapters hand a model:

- A member that is ``null``, ``false``, ``""``, ``[]`` or ``{}`` is left out, at any depth, so a
  missing field reads as false, none or empty (:data:`READING_NOTE` tells the model once). A field
  that names an id, uid, email, start, end or time (:func:`is_kept_field`) keeps any other value
  (an empty one included). List items are never removed, whatever they hold: positions may matter.
- A timestamp with zero seconds loses them: ``2030-03-04T09:00:00.000Z`` → ``2030-03-04T09:00Z``.
- Cal.com's paged list ``{"data": [...], "pagination": {...}}`` becomes the list; when later pages
  hold more, ``"more": {"total": 53, "next": {"skip": 10, "take": 10}}`` says how to get them.
- Free slots ``{date: [{"start": ISO}, ...]}`` become ``{"timeZone": zone, "days": {date: ["09:00",
  ...]}}`` in the requested zone (``"09:00-09:30"`` for the range format). A slot whose wall time
  would not tell its instant (an hour the zone repeats) is written whole, so no instant is lost.
- Data whose JSON passes :data:`MAX_DATA_CHARS` is cut by whole items of its main list (never a
  field inside an item), and ``"truncated"`` says so: ``"showing 20 of 57 items — use take/skip"``.

- A member that holds a secret (:data:`SECRET_KEYS`: a webhook's ``secret``, a managed user's tokens, a
  new API key or OAuth client secret) reads ``"***"``, and ``"withheld"`` says which were masked: a model
  needs to know a secret exists, never its value, which code reads from ``cal.execute(...).data``.

The result is one JSON object with ``data``, ``successful`` and ``error`` (and ``more``,
``truncated`` or ``withheld`` when they apply). Failures and dry runs (the request that would have
been sent, sensitive arguments and credentials already masked) are returned exactly as they are.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cal_actions.action import Action
    from cal_actions.result import ActionResult

__all__ = [
    "MAX_DATA_CHARS",
    "READING_NOTE",
    "SECRET_KEYS",
    "compact_json",
    "compact_result",
    "identifiers",
    "is_identifier",
    "is_kept_field",
]

#: What a model must know to read compact results; said once, where a model reads the tools' rules.
READING_NOTE = (
    "Tool results are compact: a missing field is false, null or empty; slots are {timeZone, days: {date: [start "
    'times in that zone]}}; "more" gives the total and the next skip/take of a list with further pages; '
    '"truncated" says items were left out and how to get them.'
)

#: The most characters of compact JSON a result's data may take (about 5,000 o200k tokens). Measured on the
#: sandbox (benchmarks/compactness.py): every single-resource answer and each typical read fits many times over,
#: as do a month of 15-minute slots (about 7,000 in the range format) and a page of 20 bookings (about 12,600);
#: a page of 100 bookings (Cal.com's default size, about 63,000) is cut to 25, the 518 (legacy) time zones to 322.
MAX_DATA_CHARS = 16_000

#: Members of Cal.com's answers that carry a secret, from the response schemas of the live document: the
#: ``secret`` of webhooks (user, team, event type, OAuth client) and of OAuth clients, a managed user's
#: ``accessToken`` and ``refreshToken``, a new ``apiKey`` (API key refresh, managed organizations), a new OAuth
#: client's ``clientSecret``; and a delegation credential's key, should an answer ever carry it. Not masked: an
#: invitation ``token`` (made to be shared, as its ``inviteLink``), a recording's ``shareToken`` and a meeting
#: ``password`` (given to attendees).
SECRET_KEYS = frozenset(
    {"secret", "accessToken", "refreshToken", "apiKey", "clientSecret", "serviceAccountKey", "private_key"}
)
MASK = "***"
WITHHELD = "masked: secrets are withheld from the model; code reads them from cal.execute(...).data"

_SECONDS = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d):00(?:\.0+)?(Z|[+-]\d\d:?\d\d)?$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_ID_SUFFIXES = ("Id", "Ids", "Uid", "Uids", "uid")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_identifier(key: str) -> bool:
    """Whether a member named ``key`` holds an id, uid or email."""
    return key == "id" or key.endswith(_ID_SUFFIXES) or key.lower().endswith(("email", "emails"))


def is_kept_field(key: str) -> bool:
    """Whether a member named ``key`` is an id, uid, email, start, end or time: left out only when null or false."""
    lower = key.lower()
    return is_identifier(key) or lower.endswith(("start", "end", "time")) or lower.startswith(("start", "end"))


def identifiers(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every id, uid and email in ``value`` at any depth, as (member name, value) pairs: the values of identifier
    fields (and of their lists), and any text that is an email address. What compaction must never lose."""
    if isinstance(value, dict):
        return [pair for name, item in value.items() for pair in identifiers(item, str(name))]
    if isinstance(value, list):
        return [pair for item in value for pair in identifiers(item, key)]
    if isinstance(value, bool) or not isinstance(value, str | int):
        return []
    return [(key, value)] if is_identifier(key) or (isinstance(value, str) and _EMAIL.match(value)) else []


def compact_result(result: ActionResult, action: Action | str | None = None, arguments: Any = None) -> dict[str, Any]:
    """The envelope as a model should read it; see the module's rules. Pure: reads and changes nothing else.

    ``action`` (an :class:`Action`, or a name or alias of the package's registry) and ``arguments`` (the call's,
    as a dict) are optional: without them paging hints name no arguments and slots are read as UTC. A result
    obtained without a request (``attempts == 0``: a dry run's request description) is returned as it is.
    """
    envelope: dict[str, Any] = result.model_dump(mode="json")
    if not result.successful or result.attempts == 0:  # an error, or a dry run's request: shown as they are
        return envelope
    found = _action(action)
    args = arguments if isinstance(arguments, dict) else {}
    withheld: set[str] = set()
    data, more = _unpage(_prune(envelope["data"], withheld), found, args)
    data = _slots(data, args) or data
    data, truncated, more = _cap(data, more, found, args)
    compact: dict[str, Any] = {"data": data, "successful": True, "error": None}
    if more:
        compact["more"] = more
    if truncated:
        compact["truncated"] = truncated
    if withheld:
        compact["withheld"] = f"{', '.join(sorted(withheld))} {WITHHELD}"
    return compact


def compact_json(value: Any) -> str:
    """JSON text without spaces between tokens: spaces after ``,`` and ``:`` cost tokens and say nothing."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _prune(value: Any, withheld: set[str]) -> Any:
    """Leave out empty members at any depth, shorten whole-minute timestamps and mask secrets, adding the
    names of those masked to ``withheld``."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            item = _prune(item, withheld)
            if item is None or (_empty(item) and (item is False or not is_kept_field(str(key)))):
                continue
            if key in SECRET_KEYS:
                withheld.add(key)
                item = MASK
            kept[key] = item
        return kept
    if isinstance(value, list):
        return [_prune(item, withheld) for item in value]
    if isinstance(value, str) and value[10:11] == "T":  # cheap test first: most text is not a timestamp
        return _minutes(value)
    return value


def _minutes(text: str) -> str:
    """``2030-03-04T09:00:00.000Z`` → ``2030-03-04T09:00Z``; any other text as it is."""
    whole = _SECONDS.match(text)
    return text if whole is None else whole[1] + (whole[2] or "")


def _empty(value: Any) -> bool:
    return value is False or (isinstance(value, str | list | dict) and not value)


def _action(action: Action | str | None) -> Action | None:
    if action is None or not isinstance(action, str):
        return action
    from cal_actions import registry

    return registry.get(action) if action in registry else None


def _fields(action: Action | None) -> set[str]:
    return set() if action is None else set(action.params.model_fields)


# --- paged lists -----------------------------------------------------------------------------


def _unpage(data: Any, action: Action | None, args: dict[str, Any]) -> tuple[Any, dict[str, Any] | None]:
    """Cal.com's ``{"data": [...], "pagination": {...}}`` → the items, and a hint when pages follow."""
    if not (isinstance(data, dict) and isinstance(data.get("data"), list) and set(data) <= {"data", "pagination"}):
        return data, None
    items: list[Any] = data["data"]
    page = data.get("pagination") or {}
    if not (page.get("hasNextPage") or _int(page.get("remainingItems"))):
        return items, None
    take = _int(args.get("take")) or _int(page.get("itemsPerPage")) or len(items)
    return items, _more(page.get("totalItems"), _int(args.get("skip")) + len(items), take, action)


def _more(total: Any, skip: int, take: int, action: Action | None) -> dict[str, Any]:
    """The paging hint: the total when known, and the arguments that fetch what follows when the action pages."""
    more: dict[str, Any] = {"total": total} if _int(total) else {}
    if {"skip", "take"} <= _fields(action):
        more["next"] = {"skip": skip, "take": take}
    return more


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# --- slots -----------------------------------------------------------------------------------


def _slots(data: Any, args: dict[str, Any]) -> dict[str, Any] | None:
    """Free slots grouped by day in the requested zone, each written as its wall time there."""
    if not _looks_like_slots(data):
        return None
    name = args["timeZone"] if isinstance(args.get("timeZone"), str) else "UTC"
    zone = _zone(name)
    if zone is None:
        return None
    days: dict[str, list[Any]] = {}
    try:
        for slots in data.values():
            for slot in slots:
                start = _instant(slot["start"]).astimezone(zone)
                entry = _slot(slot, start)
                days.setdefault(f"{start.year:04d}-{start.month:02d}-{start.day:02d}", []).append(entry)
    except (TypeError, ValueError):
        return None  # not the ISO times slots carry: leave the data as it came
    return {"timeZone": name, "days": dict(sorted(days.items()))}


def _looks_like_slots(data: Any) -> bool:
    if not isinstance(data, dict) or not data:
        return False
    days = all(isinstance(day, str) and _DATE.match(day) and isinstance(slots, list) for day, slots in data.items())
    return days and all(
        isinstance(slot, dict) and isinstance(slot.get("start"), str) for slots in data.values() for slot in slots
    )


def _zone(name: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _instant(text: Any) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a slot time without an offset")
    return moment


def _slot(slot: dict[str, Any], start: datetime) -> Any:
    """``"09:00"`` or ``"09:00-09:30"``; an object when the slot carries more than its times, or when a wall time
    would not tell the instant (the second pass of an hour the zone repeats, a range of a day or more): then the
    times are written whole, with their offsets."""
    end = _instant(slot["end"]).astimezone(start.tzinfo) if isinstance(slot.get("end"), str) else None
    plain = _unique(start) and (end is None or (_unique(end) and timedelta(0) < end - start < timedelta(days=1)))
    extras = {key: value for key, value in slot.items() if key not in ("start", "end")}
    write = _clock if plain else _timestamp
    if plain and not extras:
        return write(start) if end is None else f"{write(start)}-{write(end)}"
    return {"start": write(start), **({} if end is None else {"end": write(end)}), **extras}


def _unique(moment: datetime) -> bool:
    """Whether the wall time names one instant in its zone (not the second pass of a repeated hour)."""
    return moment.replace(fold=0).utcoffset() == moment.utcoffset()


def _clock(moment: datetime) -> str:
    if moment.second or moment.microsecond:
        return moment.time().isoformat()
    return f"{moment.hour:02d}:{moment.minute:02d}"  # strftime costs several times more, once per slot


def _timestamp(moment: datetime) -> str:
    return _minutes(moment.isoformat())


# --- size cap --------------------------------------------------------------------------------


def _cap(
    data: Any, more: dict[str, Any] | None, action: Action | None, args: dict[str, Any]
) -> tuple[Any, str | None, dict[str, Any] | None]:
    """Cut whole items of the main list until the data fits; say what was left out and how to get it."""
    if len(compact_json(data)) <= MAX_DATA_CHARS:
        return data, None, more
    found = _main_collection(data)
    if found is None:
        return data, None, more  # one object: it is shown whole, never stripped of fields
    key, collection = found
    shown = _fitting(data, key, collection)
    pageable = key is None and {"skip", "take"} <= _fields(action)
    if pageable:  # the next call starts after the last item shown, asking for a page that fits
        skip = _int(args.get("skip"))
        total = more.get("total") if more else skip + len(collection)
        more = _more(total, skip + shown, shown, action)
    what = "days" if key == "days" else f"{key} items" if key else "items"
    note = f"showing {shown} of {len(collection)} {what} — {_how(action, key, pageable)}"
    return _with(data, key, collection, shown), note, more


def _main_collection(data: Any) -> tuple[str | None, Any] | None:
    """The list to cut: the data itself, the slots' days, or an object's largest list; ``None`` if none."""
    if isinstance(data, list):
        return (None, data) if len(data) > 1 else None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("days"), dict) and "timeZone" in data:
        return ("days", data["days"]) if len(data["days"]) > 1 else None
    lists = [(len(compact_json(value)), key) for key, value in data.items() if isinstance(value, list)]
    lists = [(size, key) for size, key in lists if len(data[key]) > 1]
    if not lists:
        return None
    key = max(lists)[1]
    return key, data[key]


def _fitting(data: Any, key: str | None, collection: Any) -> int:
    """How many leading items fit (at least one). Compact JSON joins members with bare commas, so the text's
    length is what surrounds the collection, plus each item's own length, plus one comma between two."""
    if isinstance(collection, dict):
        sizes = [len(compact_json({name: value})) - 2 for name, value in collection.items()]
    else:
        sizes = [len(compact_json(item)) for item in collection]
    length = len(compact_json(_with(data, key, collection, 0)))
    for count, size in enumerate(sizes):
        length += size + (count > 0)
        if length > MAX_DATA_CHARS:
            return max(count, 1)
    return len(sizes)


def _with(data: Any, key: str | None, collection: Any, count: int) -> Any:
    cut = dict(list(collection.items())[:count]) if isinstance(collection, dict) else collection[:count]
    return cut if key is None else {**data, key: cut}


def _how(action: Action | None, key: str | None, pageable: bool) -> str:
    """How to reach what was cut: the next page, a shorter range, a narrower request, or nothing."""
    if key == "days":
        return "ask for fewer days"
    if pageable:
        return "use take/skip"
    if action is not None and any(not field.is_required() for field in action.params.model_fields.values()):
        return "narrow the request"
    return "the rest is left out"

"""Abbreviations and slips in a request, spelled as the search knows them before the request is read."""

from __future__ import annotations

import pytest

from cal_actions import registry
from cal_actions.search import index_for


def top(query: str) -> str:
    found = registry.search(query, k=1)
    return found[0].name if found else ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("resched bkg 55c2 to fri", {"CAL_RESCHEDULE_BOOKING"}),
        ("what url does my webhok point to", {"CAL_GET_WEBHOOK", "CAL_LIST_WEBHOOKS"}),
        ("cancl my 3pm", {"CAL_CANCEL_BOOKING"}),
        ("evnt types", {"CAL_LIST_EVENT_TYPES"}),
        ("del webhook 12", {"CAL_DELETE_WEBHOOK"}),
        ("org memebers", {"CAL_LIST_ORG_MEMBERSHIPS", "CAL_LIST_ORG_USERS"}),
        ("bkgs tomorrow", {"CAL_LIST_BOOKINGS"}),
        ("rm evt typ 12", {"CAL_DELETE_EVENT_TYPE"}),
        ("list org attrs", {"CAL_LIST_ORG_ATTRIBUTES"}),
        ("team mbrships for team 9", {"CAL_LIST_TEAM_MEMBERSHIPS"}),
        ("upcoming bkgs w/ alice@acme.io", {"CAL_LIST_BOOKINGS"}),
        ("get managed usr 55", {"CAL_GET_MANAGED_USER"}),
    ],
)
def test_abbreviations_and_slips_reach_the_action(query: str, expected: set[str]) -> None:
    assert top(query) in expected


@pytest.mark.parametrize(
    ("word", "spelled"),
    [
        ("resched", "reschedule"),  # cut short, before a slip ("reached")
        ("bkg", "booking"), ("bkgs", "bookings"), ("evnt", "event"), ("cancl", "cancel"), ("webhks", "webhooks"),
        ("mbrships", "memberships"), ("usr", "user"), ("memebers", "members"), ("disconect", "disconnect"),
        ("rm", "remove"), ("dec", "december"),  # the table: two letters, and a month rather than "decline"
    ],
)
def test_a_word_the_search_does_not_know_is_spelled_as_one_it_does(word: str, spelled: str) -> None:
    assert index_for(registry).spelling.word(word) == spelled


@pytest.mark.parametrize(
    "text",
    [
        "take care of it even if a kid can hand it over",  # everyday words, however close to a known one
        "ping Ana and Dave about the CRM",  # names and acronyms
        "post to https://crm.example/hook or jane@acme.io",  # addresses
        "booking 55c2, team 4, event type 7",  # known words and ids
    ],
)
def test_everyday_words_names_and_addresses_are_left_as_they_are(text: str) -> None:
    assert index_for(registry).spelling.spell(text) == text

"""The shapes the differential test compares (runs without the server)."""

from __future__ import annotations

from typing import Any

from tests.real.shape import differences, message, shape
from tests.real.test_differential import Divergence, divergences


def test_a_shape_keeps_keys_and_types_not_values() -> None:
    answer = {"id": 7, "uid": "abc", "ok": True, "hosts": [{"id": 1, "name": None}, {"id": 2, "name": "Ada"}]}
    assert shape(answer) == {"hosts": [{"id": "number", "name": "str"}], "id": "number", "ok": "bool", "uid": "str"}
    assert shape({"id": 8, "uid": "xyz", "ok": False, "hosts": []})["hosts"] == []


def test_differences_name_missing_keys_and_types_but_not_nulls_empty_lists_or_metadata() -> None:
    server = shape({"id": 1, "icsUid": "a@Cal.com", "rating": None, "tags": ["x"], "metadata": {"a": 1},
                    "user": {"id": 1}})
    sandbox = shape({"id": "1", "rating": 4, "tags": [], "extra": True, "user": {"id": 1, "bio": None}})
    assert differences(sandbox, server) == [
        "data.icsUid: the sandbox lacks it",
        "data.extra: only the sandbox has it",
        "data.id: str in the sandbox, number on the server",
        "data.user.bio: only the sandbox has it",
    ]


def test_messages_compare_without_their_ids() -> None:
    assert message("HTTP 404: Booking with uid=6g215NvRVGydP54SCg7wXH not found") == (
        "HTTP #: Booking with uid=<id> not found")
    assert message("HTTP 404 NotFoundException: Team (12) not found") == "HTTP # NotFoundException: Team (#) not found"


def test_steps_are_matched_by_label_and_facts_by_value() -> None:
    step = {"status": 200, "successful": True, "shape": {"id": "number"}, "error": None, "fact": None}
    real: list[dict[str, Any]] = [
        {**step, "label": "get"},
        {**step, "label": "count", "status": None, "shape": None, "fact": 2},
        {**step, "label": "only here", "status": 404, "successful": False, "shape": "null",
         "error": "HTTP # NotFoundException: gone"},
    ]
    sandbox = [{**real[0], "status": 201}, {**real[1], "fact": 3}]
    assert divergences(sandbox, real) == [
        Divergence("only here", "only on the server"),
        Divergence("get", "status: 201 in the sandbox, 200 on the server"),
        Divergence("count", "fact", "sandbox 3, server 2"),
    ]

"""Settings a type checker must refuse: each line below is one error under ``mypy --strict``."""

from __future__ import annotations

from cal_actions import Cal

Cal(policy="bogus")
Cal(max_retries="3")
Cal(api_kye="cal_test_x")

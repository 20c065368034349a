"""The one envelope every execution returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ActionResult(BaseModel):
    """``{data, successful, error}``. On failure ``data`` is always ``None``.

    ``status_code``, ``attempts`` (requests sent, read-backs included) and ``reconciled`` describe
    how the result was obtained; they are excluded from ``model_dump()`` so the envelope an agent
    sees has exactly three keys. ``reconciled`` is true when a write got no answer and its outcome
    was read back from Cal.com instead (``data`` is then what the read returned).
    """

    model_config = ConfigDict(frozen=True)

    data: Any | None = None
    successful: bool
    error: str | None = None
    status_code: int | None = Field(None, exclude=True, repr=False)
    attempts: int = Field(0, exclude=True, repr=False)
    reconciled: bool = Field(False, exclude=True, repr=False)

    @classmethod
    def success(
        cls, data: Any, *, status_code: int | None = None, attempts: int = 1, reconciled: bool = False
    ) -> ActionResult:
        # Plain construction: ``data`` is Any (taken as it is, not copied), and pydantic-core validates the
        # rest faster than model_construct's Python loop over the fields.
        return cls(
            data=data, successful=True, error=None, status_code=status_code, attempts=attempts, reconciled=reconciled
        )

    @classmethod
    def failure(cls, error: str, *, status_code: int | None = None, attempts: int = 0) -> ActionResult:
        return cls(
            data=None, successful=False, error=error, status_code=status_code, attempts=attempts, reconciled=False
        )

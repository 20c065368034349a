"""The one envelope every execution returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr


class ActionResult(BaseModel):
    """``{data, successful, error}``. On failure ``data`` is always ``None``.

    ``status_code`` and ``attempts`` describe how the result was obtained; they are kept out
    of ``model_dump()`` so the envelope an agent sees has exactly three keys.
    """

    model_config = ConfigDict(frozen=True)

    data: Any = None
    successful: bool
    error: str | None = None

    _status_code: int | None = PrivateAttr(default=None)
    _attempts: int = PrivateAttr(default=0)

    @property
    def status_code(self) -> int | None:
        return self._status_code

    @property
    def attempts(self) -> int:
        return self._attempts

    @classmethod
    def success(cls, data: Any, *, status_code: int | None = None, attempts: int = 1) -> ActionResult:
        # model_construct: the values are ours and already valid; validation would only cost time per call
        result = cls.model_construct(data=data, successful=True, error=None)
        result._status_code, result._attempts = status_code, attempts
        return result

    @classmethod
    def failure(cls, error: str, *, status_code: int | None = None, attempts: int = 0) -> ActionResult:
        result = cls(data=None, successful=False, error=error)
        result._status_code, result._attempts = status_code, attempts
        return result

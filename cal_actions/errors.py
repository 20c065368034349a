"""Failures inside the executor. None escapes ``execute``: each becomes an envelope error.

CalActionsError
├── UnknownActionError      no action has that name or alias
├── InvalidInputError       arguments rejected before any request
├── MissingCredentialsError the route needs a credential the client does not have
├── APIStatusError          Cal.com answered with an error status or an error envelope
├── DecodeError             a success status whose body is not JSON
└── TokenRefreshError       a managed user's access token could not be renewed
"""

from __future__ import annotations


class CalActionsError(Exception):
    status_code: int | None = None


class UnknownActionError(CalActionsError, KeyError):
    """``args``: the name asked for, then the closest known names (possibly none)."""

    def __init__(self, name: object, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(name, suggestions)
        self.name = name
        self.suggestions = suggestions

    def __str__(self) -> str:
        if not isinstance(self.name, str):
            return f"an action name is a string such as 'CAL_GET_ME', not {type(self.name).__name__}"
        names = list(self.suggestions)
        hint = f"; did you mean {', '.join(names[:-1]) + ' or ' if names[:-1] else ''}{names[-1]}?" if names else ""
        return f"unknown action {self.name!r}{hint}"


class InvalidInputError(CalActionsError):
    pass


class MissingCredentialsError(CalActionsError):
    pass


class APIStatusError(CalActionsError):
    def __init__(self, message: str, *, status_code: int, code: str | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code


class DecodeError(CalActionsError):
    def __init__(self, message: str, *, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class TokenRefreshError(CalActionsError):
    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code

"""Errors a sandbox handler raises; each becomes Cal.com's error envelope with its status code."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    status = 500
    code: str | None = "InternalServerErrorException"
    reason = "Internal Server Error"

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadRequest(ApiError):
    status = 400
    code = "BadRequestException"
    reason = "Bad Request"


class InvalidInput(ApiError):
    """A 400 from Cal.com's own input checks (zod, booking responses) rather than the validation pipe."""

    status = 400
    code = "BAD_REQUEST"
    reason = "Bad Request"


class LibraryError(ApiError):
    """A 400 thrown by Cal.com's shared booking libraries (their ``HttpError``), which carries no error code."""

    status = 400
    code = None
    reason = "Bad Request"


class Unauthorized(ApiError):
    status = 401
    code = "UnauthorizedException"
    reason = "Unauthorized"


class Forbidden(ApiError):
    status = 403
    code = "ForbiddenException"
    reason = "Forbidden"


class NotFound(ApiError):
    status = 404
    code = "NotFoundException"
    reason = "Not Found"


class Conflict(ApiError):
    status = 409
    code = "ConflictException"
    reason = "Conflict"


class Unprocessable(ApiError):
    status = 422
    code = "UnprocessableEntityException"
    reason = "Unprocessable Entity"


class RecordExists(ApiError):
    """A unique constraint hit: Cal.com's database error filter answers 409 with this wording."""

    status = 409
    code = "CONFLICT"
    reason = "Conflict"

    def __init__(self) -> None:
        super().__init__("Invalid Input: Trying to create a record that already exists.")


class TrpcBadRequest(ApiError):
    """Cal.com's answer when a query it shares with its web app (the booking lists) refuses the input."""

    status = 400
    code = "TRPCError"
    reason = "Bad Request"

    def __init__(self) -> None:
        super().__init__("Bad request: Please check your request data and try again")


def pipe_error(message: str) -> BadRequest:
    """The answer of Cal.com's input pipes (bookings, slots): one message, the same in details."""
    return BadRequest(message, details={"message": message, "error": "Bad Request", "statusCode": 400})


def validation_error(messages: list[str]) -> BadRequest:
    """Cal.com's validation pipe answer: the first reason as message, all of them in details."""
    details = {"message": messages, "error": "Bad Request", "statusCode": 400}
    return BadRequest(messages[0] if len(messages) == 1 else "; ".join(messages), details=details)


class PayloadTooLarge(ApiError):
    status = 413
    code = "PayloadTooLargeException"
    reason = "Payload Too Large"


class StateFileError(Exception):
    """A ``db`` path that cannot hold sandbox state (missing folder, another program's file); raised before
    anything is written to it."""

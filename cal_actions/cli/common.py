"""What the commands share: messages, argument types, finding an action and building the one client.

Credentials come only from the environment (``CAL_API_KEY`` …), never from the command line,
so they stay out of shell history and process listings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from cal_actions.policy import POLICIES

if TYPE_CHECKING:
    from cal_actions.action import Action
    from cal_actions.errors import UnknownActionError
    from cal_actions.http.client import AsyncCal, Cal
    from cal_actions.sandbox.app import Sandbox

    Client = TypeVar("Client", Cal, AsyncCal)

DB_VARIABLE = "CAL_SANDBOX_DB"


def fail(message: str) -> NoReturn:
    """Stop the command: the message goes to stderr and the exit status is 1."""
    raise SystemExit(f"cal-actions: {message}")


def misuse(message: str) -> NoReturn:
    """Stop the command for options that do not go together: the message goes to stderr and the exit status is
    2, as for any other usage error."""
    remark(message)
    raise SystemExit(2)


def remark(message: str) -> None:
    """One line on stderr, for the user and never for a pipe reading stdout."""
    print(f"cal-actions: {message}", file=sys.stderr, flush=True)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


# -- argument types: argparse turns their errors into a usage message and exit status 2 ----------


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def port_number(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return int(text)


def url_path(text: str) -> str:
    """A URL path as a server matches it: from its leading slash."""
    if not text.startswith("/"):
        raise argparse.ArgumentTypeError(f"a URL path starts with /, e.g. /{text.lstrip('/')}; not {text!r}")
    return text


def name_list(text: str) -> list[str]:
    names = [item.strip() for item in text.split(",") if item.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one name (comma-separated)")
    return names


def arguments_text(text: str) -> str:
    """``--args``: JSON itself, ``@FILE`` for a file's content or ``-`` for standard input."""
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = Path(text[1:]).expanduser()
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise argparse.ArgumentTypeError(f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise argparse.ArgumentTypeError(f"cannot read {path}: {error}") from None
    return text


# -- actions -----------------------------------------------------------------------------------


def unknown_action(error: UnknownActionError) -> str:
    """The registry's own message (with its "did you mean"), plus where to look."""
    return f"{error} (see 'cal-actions list' or 'cal-actions search')"


def find_action(name: str) -> Action:
    from cal_actions import registry
    from cal_actions.errors import UnknownActionError

    try:
        return registry.get(name)
    except UnknownActionError as error:
        fail(unknown_action(error))


# -- the client --------------------------------------------------------------------------------


def add_client_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command that executes actions; :func:`client` reads them."""
    parser.add_argument("--sandbox", action="store_true", help="execute on the embedded Cal.com sandbox, not the API")
    parser.add_argument(
        "--db", metavar="FILE", help=f"sandbox state file, with --sandbox (default: {DB_VARIABLE}, else in memory)"
    )
    parser.add_argument("--base-url", help="API base URL (default: CAL_BASE_URL or https://api.cal.com)")
    guard = parser.add_mutually_exclusive_group()
    guard.add_argument("--policy", choices=POLICIES, help="refuse actions that change data, or that delete or cancel")
    guard.add_argument(
        "--read-only", dest="policy", action="store_const", const="read_only", help="the same as --policy read_only"
    )
    parser.add_argument("--dry-run", action="store_true", help="return each request (credentials masked), send nothing")


def client(args: argparse.Namespace, kind: type[Client]) -> Client:
    """The one place a command builds its client: the same settings reach the sandbox and Cal.com."""
    if args.db is not None and not args.sandbox:
        misuse("--db names a sandbox state file: add --sandbox (without it the command would run against Cal.com)")
    if args.base_url is not None and args.sandbox:
        misuse("--base-url and --sandbox exclude each other: the sandbox answers in this process")
    settings: dict[str, Any] = {"policy": args.policy, "dry_run": args.dry_run or None}
    sandbox = open_sandbox(args.db) if args.sandbox else None
    try:
        return kind(base_url=args.base_url, **settings) if sandbox is None else kind.sandbox(sandbox, **settings)
    except (TypeError, ValueError) as error:  # a setting the client refuses, from an option or a CAL_* variable
        if sandbox is not None:
            sandbox.close()
        fail(str(error))


def cannot_listen(host: str, port: int, error: OSError, advice: str) -> NoReturn:
    """A server that could not bind (the port taken, an unknown or foreign host): one line, no traceback."""
    fail(f"cannot listen on {host}:{port} ({error.strerror or type(error).__name__}); {advice}")


def release(cal: Cal | AsyncCal) -> None:
    """Close the sandbox a client built by :func:`client` runs on (the client itself is closed by its owner)."""
    emulator = getattr(cal, "emulator", None)
    if emulator is not None:
        emulator.close()


@contextmanager
def sync_client(args: argparse.Namespace) -> Iterator[Cal]:
    from cal_actions.http.client import Cal

    cal = client(args, Cal)
    try:
        with cal:
            yield cal
    finally:
        release(cal)


def state_path(db: str | None) -> str | None:
    """The sandbox state file: ``--db``, else ``CAL_SANDBOX_DB``, else none (in memory)."""
    return db or os.environ.get(DB_VARIABLE) or None


def open_sandbox(db: str | None, *, required: bool = False, existing: bool = False) -> Sandbox:
    """The sandbox on :func:`state_path`, else in memory; a file it cannot use is a message. ``existing``: a
    command that only reads refuses a file that is not there (a typo) instead of making a fresh one."""
    from cal_actions.sandbox.app import Sandbox
    from cal_actions.sandbox.errors import StateFileError

    path = state_path(db)
    if path is not None and existing and not Path(path).exists():
        fail(f"the sandbox state file {path} does not exist: give the file the sandbox keeps its state in")
    if path is None:
        if required:
            fail(f"this command needs the sandbox's state file: give --db FILE or set {DB_VARIABLE}")
        remark(f"no --db or {DB_VARIABLE}: a fresh in-memory sandbox (state is lost on exit)")
    try:
        return Sandbox(path)
    except StateFileError as error:
        fail(str(error))

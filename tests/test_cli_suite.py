"""Every command, with good and bad input, the three ways a shell user runs it.

Each case runs in-process (``main``), as the installed console script with its output read to
the end, and as the console script piped into a reader that has already gone (``| head``). The
exit status must be the case's own (141, as for any program, when a gone reader made its output
fail) and no ``Traceback`` or ``Exception ignored`` may reach stdout or stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cal_actions import Cal
from cal_actions.cli import BROKEN_PIPE, main

SCRIPT = shutil.which("cal-actions", path=str(Path(sys.executable).parent))
MARY = {"name": "Mary", "email": "mary@example.com", "timeZone": "Europe/London"}
BOOKING = {"eventTypeId": 2, "start": "2031-03-05T09:00:00Z", "attendee": MARY}


@dataclass
class Case:
    argv: list[str]
    code: int
    stdin: str = ""
    env: dict[str, str] = field(default_factory=dict)
    #: a fragment the output (stdout or stderr) must contain
    says: str = ""


@dataclass
class Files:
    db: Path
    scratch: Path  # a state file that reset may empty while other cases read the outbox of ``db``
    arguments: Path
    foreign: Path
    busy_port: int
    typo: Path  # a state file name nobody made: read-only commands must not create it


def _cases(files: Files) -> dict[str, Case]:
    db, port = str(files.db), str(files.busy_port)
    unreachable = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    signed = {"CAL_WEBHOOK_SECRET": "listen-secret"}
    return {
        "help": Case(["--help"], 0, says="COMMAND"),
        "list": Case(["list"], 0, says="CAL_CREATE_BOOKING"),
        "list-json": Case(["list", "--json"], 0, says='"parameters"'),
        "list-tag": Case(["list", "--tag", "webhooks"], 0, says="CAL_CREATE_WEBHOOK"),
        "list-empty-tag": Case(["list", "--tag", ""], 1, says="unknown tag(s) ;"),
        "list-unknown-tag": Case(["list", "--tag", "nope"], 1, says="attributes, bookings, calendars"),
        "describe": Case(["describe", "CAL_CREATE_BOOKING"], 0, says="cal-api-version: 2024-08-13"),
        "examples": Case(["describe", "CAL_CREATE_BOOKING"], 0, says='  {"eventTypeSlug": "30min", "username"'),
        "describe-typo": Case(["describe", "CAL_CREATE_BOKING"], 1, says="did you mean CAL_CREATE_BOOKING"),
        "schema": Case(["schema", "CAL_CREATE_BOOKING"], 0, says='"required"'),
        "schema-no-name": Case(["schema"], 2, says="the following arguments are required: name"),
        "search": Case(["search", "cancel my meeting with Anna", "-k", "3"], 0, says="CAL_CANCEL_BOOKING"),
        "search-json": Case(["search", "list my webhooks", "--json"], 0, says='"score"'),
        "search-k-0": Case(["search", "anything", "-k", "0"], 2, says="must be 1 or more"),
        "call-sandbox": Case(["call", "CAL_GET_ME", "--sandbox"], 0, says='"username": "ada"'),
        "call-sandbox-db-file-args": Case(
            ["call", "CAL_LIST_BOOKINGS", "--sandbox", "--db", db, "--args", f"@{files.arguments}"], 0, says="uid"
        ),
        "call-stdin-args": Case(
            ["call", "CAL_LIST_BOOKINGS", "--sandbox", "--db", db, "--args", "-"], 0, stdin='{"take": 1}', says="uid"
        ),
        "call-dry-run": Case(["call", "CAL_GET_ME", "--dry-run"], 0, env={"CAL_API_KEY": "cal_x"}, says='"***"'),
        "call-read-only": Case(
            ["call", "CAL_DELETE_WEBHOOK", "--sandbox", "--read-only", "--args", '{"webhookId": "w"}'],
            1,
            says="blocked",
        ),
        "call-args-null": Case(
            ["call", "CAL_GET_ME", "--sandbox", "--args", "null"], 1, says="arguments must be a JSON object, not null"
        ),
        "call-bad-json": Case(["call", "CAL_GET_BOOKING", "--sandbox", "--args", "{oops"], 1, says="JSON"),
        "call-invalid-input": Case(["call", "CAL_GET_BOOKING", "--sandbox"], 1, says="bookingUid"),
        "call-bad-key": Case(
            ["call", "CAL_GET_ME", "--dry-run"], 1, env={"CAL_API_KEY": "cal_live_\udcc3"}, says="api_key holds char"
        ),
        "call-no-key": Case(["call", "CAL_GET_ME"], 1, says="needs api_key (CAL_API_KEY)"),
        "call-refused": Case(["call", "CAL_GET_ME"], 1, env={"CAL_API_KEY": "cal_x"}, says="network error"),
        "call-bad-base-url": Case(["call", "CAL_GET_ME", "--base-url", "api.cal.com"], 1, says="absolute http(s) URL"),
        "call-bad-api-versions": Case(
            ["call", "CAL_GET_ME", "--sandbox"], 1, env={"CAL_API_VERSIONS": "booking=2024-08-13"}, says="controller"
        ),
        "mcp-bad-base-url": Case(["mcp"], 1, env={"CAL_BASE_URL": "ftp://cal.example"}, says="absolute http(s) URL"),
        "call-db-without-sandbox": Case(["call", "CAL_GET_ME", "--db", db], 2, says="add --sandbox"),
        "call-typo": Case(["call", "CAL_GET_MEE", "--sandbox"], 1, says="did you mean CAL_GET_ME"),
        "call-missing-args-file": Case(["call", "CAL_GET_ME", "--args", "@/no/such.json"], 2, says="no such file"),
        "call-foreign-db": Case(
            ["call", "CAL_GET_ME", "--sandbox", "--db", str(files.foreign)], 1, says="not a sandbox database"
        ),
        "outbox": Case(["sandbox", "outbox", "--db", db], 0, says="BOOKING_CREATED"),
        "outbox-json": Case(["sandbox", "outbox", "--db", db, "--json"], 0, says="X-Cal-Signature-256"),
        "outbox-missing-folder": Case(["sandbox", "outbox", "--db", "/no/such/folder/s.db"], 1, says="does not exist"),
        "outbox-typo": Case(["sandbox", "outbox", "--db", str(files.typo)], 1, says=f"{files.typo} does not exist"),
        "reset": Case(["sandbox", "reset", "--db", str(files.scratch)], 0, says="seeded state"),
        "reset-foreign": Case(["sandbox", "reset", "--db", str(files.foreign)], 1, says="not a sandbox database"),
        "serve-bad-port": Case(["sandbox", "serve", "--port", "70000"], 2, says="from 0 to 65535"),
        "serve-busy-port": Case(["sandbox", "serve", "--port", port], 1, says=f"127.0.0.1:{port}"),
        "sandbox-no-subcommand": Case(["sandbox"], 2, says="required"),
        "listen-busy-port": Case(["webhooks", "listen", "--port", port], 1, env=signed, says=f"127.0.0.1:{port} (Addr"),
        "listen-foreign-host": Case(
            ["webhooks", "listen", "--host", "192.0.2.1", "--port", "0"], 1, env=signed, says="on 192.0.2.1:0 ("
        ),
        "listen-path-without-slash": Case(
            ["webhooks", "listen", "--path", "hooks"], 2, env=signed, says="a URL path starts with /, e.g. /hooks"
        ),
        "mcp-help": Case(["mcp", "--help"], 0, says="presets:"),
        "mcp-unknown-preset": Case(["mcp", "--preset", "nope"], 2, says="unknown preset 'nope'"),
        "mcp-db-without-sandbox": Case(["mcp", "--db", db], 2, says="add --sandbox"),
        "demo": Case(["demo"], 0, says="subscriber got BOOKING_CANCELLED"),
        "demo-unreachable-model": Case(["demo"], 1, env=unreachable, says="did not answer"),
        "no-command": Case([], 2, says="required: COMMAND"),
        "unknown-command": Case(["book"], 2, says="invalid choice"),
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    folder = tmp_path_factory.mktemp("cli-suite")
    arguments = folder / "arguments.json"
    arguments.write_text(json.dumps({"status": ["upcoming"], "take": 2}))
    with Cal.sandbox(db=str(folder / "s.db")) as cal:  # one delivery in the outbox, whatever order cases run in
        assert cal.execute("CAL_CREATE_BOOKING", BOOKING).successful
        cal.emulator.close()
    foreign = folder / "foreign.sqlite"
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"not really")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        yield Files(folder / "s.db", folder / "scratch.db", arguments, foreign, port, folder / "typo.db")
    assert not (folder / "typo.db").exists(), "reading the outbox of a missing file created it"


CASE_NAMES = list(_cases(Files(Path("x"), Path("x"), Path("x"), Path("x"), 1, Path("x"))))
#: Kept out of every run: a real account or model must never be reached from the tests.
SCRUBBED = (
    "CAL_API_KEY",
    "CAL_ACCESS_TOKEN",
    "CAL_REFRESH_TOKEN",
    "CAL_CLIENT_ID",
    "CAL_CLIENT_SECRET",
    "CAL_SANDBOX_DB",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
)


def _environment(case: Case) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in SCRUBBED}
    return {**env, "CAL_BASE_URL": "http://127.0.0.1:9", "NO_COLOR": "1", **case.env}


def _clean(text: str) -> None:
    assert "Traceback" not in text and "Exception ignored" not in text, text[-3000:]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_in_process(
    name: str, files: Files, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = _cases(files)[name]
    for key, value in _environment(case).items():
        monkeypatch.setenv(key, value)
    for key in SCRUBBED:
        if key not in case.env:
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(case.stdin))
    try:
        code = main(case.argv)
    except SystemExit as stopped:  # argparse and fail() end this way; the interpreter prints the message
        code = stopped.code if isinstance(stopped.code, int) else 1
        if isinstance(stopped.code, str):
            print(stopped.code, file=sys.stderr)
    output = capsys.readouterr()
    _clean(output.out + output.err)
    assert code == case.code, output.out[-2000:] + output.err[-2000:]
    assert case.says in output.out + output.err


def _start(case: Case, *, reader_gone: bool) -> subprocess.Popen[str]:
    assert SCRIPT is not None, "the console script is installed with the package (pip install -e .)"
    process = subprocess.Popen(
        [SCRIPT, *case.argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(case),
        text=True,
    )
    assert process.stdout is not None
    if reader_gone:
        process.stdout.close()  # like `| head` that has already exited: every write to stdout fails
    return process


def _finish(process: subprocess.Popen[str], case: Case) -> tuple[int, str, str]:
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    try:
        process.stdin.write(case.stdin)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the command did not read its input
    out = "" if process.stdout.closed else process.stdout.read()
    err = process.stderr.read()
    return process.wait(timeout=60), out, err


#: Through the console script: a good and a bad run of every command (each run is a new interpreter).
SCRIPT_CASES = [
    "help", "no-command", "list-json", "list-unknown-tag", "examples", "describe-typo", "schema", "schema-no-name",
    "search", "search-k-0", "call-sandbox", "call-bad-key", "call-stdin-args", "call-dry-run", "call-bad-base-url",
    "call-db-without-sandbox", "call-missing-args-file", "call-foreign-db", "outbox-json", "outbox-missing-folder",
    "outbox-typo", "call-args-null", "reset", "reset-foreign", "serve-busy-port", "listen-busy-port",
    "listen-path-without-slash", "mcp-help", "mcp-unknown-preset", "mcp-bad-base-url", "demo",
    "demo-unreachable-model",
]  # fmt: skip


@pytest.mark.parametrize("name", SCRIPT_CASES)
def test_console_script(name: str, files: Files) -> None:
    case = _cases(files)[name]
    unpiped, piped = _start(case, reader_gone=False), _start(case, reader_gone=True)  # side by side: half the wait
    code, out, err = _finish(unpiped, case)
    piped_code, _, piped_err = _finish(piped, case)
    _clean(out + err)
    assert code == case.code, out[-2000:] + err[-2000:]
    assert case.says in out + err
    _clean(piped_err)
    # argparse ignores a failed write of its help and exits 0; every command's own output reports the pipe.
    assert piped_code == (BROKEN_PIPE if out and "--help" not in case.argv else case.code), piped_err[-2000:]


@pytest.mark.parametrize("argv", [["list", "--json"], ["schema", "CAL_CREATE_BOOKING"], ["describe", "CAL_GET_ME"]])
def test_piped_into_head(argv: list[str]) -> None:
    """The shell pipeline itself: `cal-actions … | head -n 1` prints one line and nothing else."""
    assert SCRIPT is not None
    pipeline = subprocess.run(
        f"set -o pipefail; '{SCRIPT}' {' '.join(argv)} | head -n 1",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=_environment(Case(argv, 0)),
        timeout=60,
    )
    _clean(pipeline.stdout + pipeline.stderr)
    assert len(pipeline.stdout.splitlines()) == 1 and pipeline.stderr == ""
    assert pipeline.returncode in (0, BROKEN_PIPE)  # 0 when everything fitted in the pipe before head left


def test_serve_answers_and_stops_on_ctrl_c(files: Files) -> None:
    assert SCRIPT is not None
    server = subprocess.Popen(
        [SCRIPT, "sandbox", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(Case([], 0)),
        text=True,
    )
    assert server.stdout is not None
    try:
        base_url = server.stdout.readline().split()[-1]
        with Cal(api_key="cal_wrong", base_url=base_url, max_retries=0) as cal:
            assert cal.execute("CAL_GET_ME").status_code == 401
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    _clean(out + err)
    assert server.returncode == 130, "Ctrl-C ends every command with 130"
    assert "in-memory sandbox" in err

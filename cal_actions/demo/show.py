"""Readable terminal output for the demo: who speaks, which tool runs, what came back."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

Message = dict[str, Any]


class Printer:
    """Prints each turn; colour only on a terminal and never when ``NO_COLOR`` is set."""

    def __init__(self, out: TextIO | None = None, *, width: int = 600) -> None:
        self.out = out or sys.stdout
        self.width = width
        self.colour = self.out.isatty() and "NO_COLOR" not in os.environ

    def _paint(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def line(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def heading(self, text: str) -> None:
        self.line()
        self.line(self._paint("1", f"== {text}"))

    def user(self, text: str) -> None:
        self.line()
        self.line(self._paint("1;34", "user  ") + text)

    def assistant(self, message: Message) -> None:
        if message.get("content"):
            self.line(self._paint("1;32", "model ") + message["content"])
        for call in message.get("tool_calls") or []:
            function = call["function"]
            self.line(self._paint("33", "  call  ") + f"{function['name']} {self._short(function['arguments'])}")

    def tool_result(self, call: dict[str, Any], output: Message) -> None:
        envelope = json.loads(output["content"])
        if envelope["successful"]:
            verdict = self._paint("32", "ok")
            detail = self._short(json.dumps(envelope["data"], ensure_ascii=False))
        else:
            verdict = self._paint("31", "failed")
            detail = envelope["error"]
        self.line(f"  {verdict:<6} {call['function']['name']}: {detail}")

    def _short(self, text: str) -> str:
        return text if len(text) <= self.width else f"{text[: self.width]}… ({len(text)} chars)"

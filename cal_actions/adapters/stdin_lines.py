"""Standard input as an async stream of lines that a stop does not wait for.

The MCP SDK reads standard input in a worker thread; stopping the server (Ctrl-C) waits for that
thread, which only the client's next line or the end of input frees, so the server would not stop.
"""

from __future__ import annotations

import codecs
import os
import queue
import sys
import threading

import anyio


class StdinLines(anyio.AsyncFile[str]):
    """Lines of a descriptor (standard input), read in a daemon thread: it ends with the process, abandoning
    the read it is blocked in. It reads the descriptor itself (``os.read``), since a blocked read of
    ``sys.stdin`` would hold the lock the interpreter takes to close it on the way out."""

    def __init__(self, fd: int = 0) -> None:
        super().__init__(sys.stdin)  # for the base class only: lines come from the descriptor
        self._fd = fd
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, name="cal-actions stdin", daemon=True).start()

    def _read(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pending = ""
        while chunk := self._chunk():
            *lines, pending = (pending + decoder.decode(chunk)).split("\n")
            for line in lines:
                self._lines.put(line + "\n")
        if pending := pending + decoder.decode(b"", final=True):
            self._lines.put(pending)
        self._lines.put("")  # the end of input

    def _chunk(self) -> bytes:
        try:
            return os.read(self._fd, 65536)
        except OSError:  # a closed or unreadable descriptor ends the input
            return b""

    async def readline(self) -> str:
        try:
            return await anyio.to_thread.run_sync(self._lines.get, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            self._lines.put("")  # wakes the worker thread left waiting, so the process can exit
            raise

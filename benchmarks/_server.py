"""A minimal keep-alive HTTP/1.1 server on 127.0.0.1 standing in for Cal.com in the benchmarks.

It runs in its own process (``python benchmarks/_server.py`` prints its port, then serves until
stdin closes), so the client under test never shares a GIL with it. Every request gets the same
small success envelope, the shape Cal.com answers ``GET /v2/me`` with.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys

BODY = json.dumps(
    {"status": "success", "data": {"id": 1, "email": "ada@example.com", "timeZone": "Europe/London"}}
).encode()
RESPONSE = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
    + f"content-length: {len(BODY)}\r\n\r\n".encode()
    + BODY
)


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):  # client gone, or shutting down
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # the parent closing stdin is the signal to stop
    server.close()


if __name__ == "__main__":
    asyncio.run(main())

"""Start the server named in ``mcp_client_config.json`` the way an MCP client would, and list its tools.

    CAL_API_KEY=cal_live_… python examples/mcp_client.py

``${NAME}`` in the configuration is replaced from the environment, as clients that read this
``mcpServers`` shape do; the command is looked up on PATH, then beside this Python.

The ``cal-com-sandbox`` entry keeps its state in ``CAL_SANDBOX_DB``: replace the placeholder with an
absolute path. A client starts the server in a working directory of its own choosing, so a relative
path would put the file wherever that happens to be (or fail); the folder must exist.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

CONFIG = Path(__file__).with_name("mcp_client_config.json")


def server_parameters(config_path: Path = CONFIG, name: str = "cal-com") -> StdioServerParameters:
    entry = json.loads(config_path.read_text())["mcpServers"][name]
    command = shutil.which(entry["command"]) or shutil.which(entry["command"], path=str(Path(sys.executable).parent))
    if command is None:
        raise SystemExit(f"{entry['command']!r} is not installed (pip install 'cal-actions[mcp]')")
    env = {key: os.path.expandvars(value) for key, value in entry.get("env", {}).items()}
    env = {key: value for key, value in env.items() if "${" not in value}  # unset variables are left out
    return StdioServerParameters(command=command, args=entry.get("args", []), env=env)


async def list_tools(parameters: StdioServerParameters) -> tuple[str, list[str]]:
    """The server's instructions and its tool names."""
    async with stdio_client(parameters) as (read, write), ClientSession(read, write) as session:
        initialized = await session.initialize()
        tools = (await session.list_tools()).tools
    return initialized.instructions or "", [tool.name for tool in tools]


def main() -> None:
    instructions, names = anyio.run(list_tools, server_parameters())
    print(instructions, end="\n\n")
    print(f"{len(names)} tools: {', '.join(names)}")


if __name__ == "__main__":
    main()

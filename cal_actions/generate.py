"""Files derived from the registry: ``schemas/<ACTION>.json`` and the ``docs/actions.md`` catalogue.

Run ``python -m cal_actions.generate`` after changing a declaration; a test fails while they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cal_actions.action import Action, Registry, example_line
from cal_actions.schema import forms_text

ROOT = Path(__file__).resolve().parent.parent


def schema_files(registry: Registry) -> dict[str, str]:
    return {
        f"{action.name}.json": json.dumps(action.json_schema(), indent=2, ensure_ascii=False) + "\n"
        for action in registry
    }


def _parameters_line(action: Action) -> str:
    schema = action.json_schema()
    required = set(schema.get("required", []))
    names = [f"`{name}`{'*' if name in required else ''} ({action.placement[name]})" for name in schema["properties"]]
    return ", ".join(names) or "none"


def _forms_lines(action: Action) -> list[str]:
    forms = forms_text(action.json_schema())
    return [f"Forms (the fields of one form of each group; `?` optional): `{forms}`", ""] if forms else []


def _examples_lines(action: Action) -> list[str]:
    lines = [example_line(example) for example in action.examples]
    return ["Examples:", "", "```json", *lines, "```", ""] if lines else []


def _hints(action: Action) -> str:
    return ", ".join(hint for hint in ("read_only", "destructive", "idempotent") if getattr(action, hint)) or "—"


def catalogue(registry: Registry) -> str:
    lines = [
        "# Action catalogue",
        "",
        f"Generated from the registry by `python -m cal_actions.generate`: {len(registry)} actions.",
        "`*` marks a required parameter; the location (path, query, body) is where it travels.",
        "Hints have MCP's meaning: read_only changes nothing; destructive may overwrite or remove existing state",
        "(every update and delete); idempotent means repeating the same call has no further effect. They follow",
        "the HTTP method (GET reads; POST adds; PUT, PATCH and DELETE overwrite or remove) unless a note says why not.",
        "",
    ]
    for tag in sorted({action.tags[0] for action in registry}):
        lines += [f"## {tag}", ""]
        for action in registry:
            if action.tags[0] != tag:
                continue
            version = f" · `cal-api-version: {action.route.version}`" if action.route.version else ""
            lines += [
                f"### {action.name}",
                "",
                f"`{action.method} {action.path}`{version} · auth: {action.route.auth} · hints: {_hints(action)}",
                "",
                action.description,
                "",
                f"Parameters: {_parameters_line(action)}",
                "",
                *_forms_lines(action),
            ]
            if action.hints_note:
                lines += [f"Hints: {action.hints_note}.", ""]
            for status, hint in sorted(action.error_hints.items()):
                lines += [f"On HTTP {status}: {hint}.", ""]
            if action.aliases:
                lines += [f"Aliases: {', '.join(f'`{alias}`' for alias in action.aliases)}", ""]
            lines += _examples_lines(action)
    return "\n".join(lines)


def outputs(registry: Registry) -> dict[Path, str]:
    files = {ROOT / "schemas" / name: text for name, text in schema_files(registry).items()}
    files[ROOT / "docs" / "actions.md"] = catalogue(registry)
    return files


def main() -> int:
    from cal_actions import registry

    schemas = ROOT / "schemas"
    schemas.mkdir(exist_ok=True)
    expected = outputs(registry)
    for stale in schemas.glob("*.json"):
        if stale not in expected:
            stale.unlink()
    for path, text in expected.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    print(f"wrote {len(expected)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

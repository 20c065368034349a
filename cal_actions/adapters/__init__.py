"""Views of the registry for agent frameworks; each module imports its framework lazily."""

from __future__ import annotations


def needs_extra(what: str, extra: str, missing: ImportError) -> ModuleNotFoundError:
    """The error for a framework that is not installed, saying which install brings it."""
    name = missing.name or extra
    return ModuleNotFoundError(
        f"{what} needs the {extra} extra ({name} is not installed): pip install 'cal-actions[{extra}]'", name=name
    )

"""A minimal tool-calling agent loop over Chat Completions messages.

The model is anything with ``respond(messages, tools) -> assistant message dict``: the OpenAI
client (``OpenAIChatModel``) or the scripted stand-in used when no API key is set. Tool calls
run through :func:`cal_actions.adapters.openai.execute_tool_calls`, the same path any agent uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from cal_actions.adapters.openai import execute_tool_calls

if TYPE_CHECKING:
    from cal_actions.http.client import Cal

Message = dict[str, Any]


class ModelUnavailable(Exception):
    """The real model could not be reached or refused the request; the message says what to check."""


class ChatModel(Protocol):
    label: str

    def respond(self, messages: list[Message], tools: list[dict[str, Any]]) -> Message: ...


class OpenAIChatModel:
    """Chat Completions through the ``openai`` package; honours ``OPENAI_BASE_URL`` and ``OPENAI_MODEL``."""

    def __init__(self, model: str | None = None) -> None:
        try:
            from openai import OpenAI
        except ImportError as missing:
            message = "the openai package is needed for a real model: pip install 'cal-actions[openai]'"
            raise SystemExit(message) from missing
        self.model = model or os.environ.get("OPENAI_MODEL", "gpt-4.1-mini")
        self.client = OpenAI()  # reads OPENAI_API_KEY and OPENAI_BASE_URL
        self.label = f"{self.model} via {self.client.base_url}"

    def respond(self, messages: list[Message], tools: list[dict[str, Any]]) -> Message:
        from openai import APIStatusError, OpenAIError

        try:
            # The messages and tools are the dicts the API takes; the SDK types them as TypedDicts.
            sent: Any = {"messages": messages, "tools": tools}
            completion = self.client.chat.completions.create(model=self.model, **sent)
        except OpenAIError as error:
            why = f"HTTP {error.status_code}: {error.message}" if isinstance(error, APIStatusError) else str(error)
            raise ModelUnavailable(
                f"the model {self.model} at {self.client.base_url} did not answer ({why}); check OPENAI_BASE_URL, "
                "OPENAI_MODEL and OPENAI_API_KEY, or unset OPENAI_API_KEY to watch the scripted model"
            ) from None
        message = completion.choices[0].message
        reply: Message = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [call.model_dump(exclude_none=True) for call in message.tool_calls]
        return reply


class Observer(Protocol):
    def assistant(self, message: Message) -> None: ...

    def tool_result(self, call: dict[str, Any], output: Message) -> None: ...


def run_turn(
    model: ChatModel,
    cal: Cal,
    messages: list[Message],
    tools: list[dict[str, Any]] | Callable[[list[Message]], list[dict[str, Any]]],
    observer: Observer,
    *,
    max_steps: int = 10,
) -> Message:
    """Let the model call tools until it answers in text (or ``max_steps`` model calls)."""
    for _ in range(max_steps):
        offered = tools(messages) if callable(tools) else tools
        reply = model.respond(messages, offered)
        messages.append(reply)
        observer.assistant(reply)
        calls = reply.get("tool_calls") or []
        if not calls:
            return reply
        outputs = execute_tool_calls(cal, calls, tools=offered)
        for call, output in zip(calls, outputs, strict=True):
            observer.tool_result(call, output)
        messages.extend(outputs)
    stop = {"role": "assistant", "content": f"(stopped after {max_steps} model calls)"}
    messages.append(stop)
    observer.assistant(stop)
    return stop

"""One structured-output exchange with Gemini: JSON schema in, msgspec-decoded value out.

Invalid or incomplete JSON gets exactly one repair turn (the error is sent back and the model is
asked for valid JSON). A second failure raises InvalidModelOutput: nothing is ever made up.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import msgspec
from google.genai import types

from reimburse.adapters.gemini.client import NO_AFC, GeminiGateway
from reimburse.adapters.gemini.schema import WireError, gemini_schema

W = TypeVar("W")
R = TypeVar("R")

MAX_DOCUMENT_CHARS = 60_000


class InvalidModelOutput(Exception):
    """The model's reply was not valid for the schema, even after the repair turn."""


def quote_document(text: str) -> tuple[str, str]:
    """The document between unguessable markers, so its text cannot pose as the end of the data."""
    tag = secrets.token_hex(6)
    body = text[:MAX_DOCUMENT_CHARS].replace(f"END DOCUMENT {tag}", "")
    return tag, f"BEGIN DOCUMENT {tag}\n{body}\nEND DOCUMENT {tag}"


class StructuredCaller:
    def __init__(self, gateway: GeminiGateway) -> None:
        self._gateway = gateway

    async def _generate(self, system: str, contents: list[types.Content], schema: dict[str, Any]) -> str:
        config = types.GenerateContentConfig(
            system_instruction=system,
            temperature=0.0,
            automatic_function_calling=NO_AFC,
            response_mime_type="application/json",
            response_json_schema=schema,
        )

        async def once() -> types.GenerateContentResponse:
            return await self._gateway.client.aio.models.generate_content(
                model=self._gateway.model, contents=contents, config=config
            )

        response = await self._gateway.resilience.call(once)
        return response.text or ""

    async def ask(
        self,
        system: str,
        prompt: str,
        wire_type: type[W],
        convert: Callable[[W], R],
        attachments: Sequence[types.Part] = (),
    ) -> R:
        """Sends the prompt, decodes the reply as `wire_type` and maps it with `convert`.

        `convert` may raise WireError for values the schema cannot express (bad dates, amounts).
        `attachments` (page images) go before the prompt in the same user turn.
        """
        schema = gemini_schema(wire_type)
        contents = [types.Content(role="user", parts=[*attachments, types.Part(text=prompt)])]
        reply = await self._generate(system, contents, schema)
        try:
            return convert(msgspec.json.decode(reply, type=wire_type))
        except (msgspec.DecodeError, WireError) as exc:
            problem = _describe(reply, exc)
        contents += [
            types.Content(role="model", parts=[types.Part(text=reply or "(empty reply)")]),
            types.Content(
                role="user",
                parts=[
                    types.Part(
                        text=(
                            f"Your previous reply could not be used: {problem}. Reply again with only one "
                            "complete JSON object that follows the response schema. Use null for values "
                            "the document does not print; do not invent values."
                        )
                    )
                ],
            ),
        ]
        reply = await self._generate(system, contents, schema)
        try:
            return convert(msgspec.json.decode(reply, type=wire_type))
        except (msgspec.DecodeError, WireError) as exc:
            raise InvalidModelOutput(
                f"invalid JSON from the model after one repair: {_describe(reply, exc)}"
            ) from exc


def _describe(reply: str, exc: Exception) -> str:
    if not reply.strip():
        return "the reply was empty"
    return str(exc)[:300]

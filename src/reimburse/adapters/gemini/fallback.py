"""Composites that try a primary adapter (Gemini) and fall back to a secondary one (heuristic).

The fallback is never silent: the invoice carries an "extractor_fallback" note (the application
turns "code: message" notes into review flags) and `extractor` says "<secondary>(fallback)".
If the secondary fails too, its error propagates: the invoice becomes a processing error.
"""

from __future__ import annotations

import logging

import msgspec

from reimburse.adapters.gemini.cross_check import UntrustedAmount
from reimburse.domain.errors import ExtractionError, PolicyError
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.verdict import FlagCode
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.policy_interpreter import PolicyInterpreter

log = logging.getLogger(__name__)


class FallbackInvoiceExtractor:
    def __init__(self, primary: InvoiceExtractor, secondary: InvoiceExtractor) -> None:
        self.primary = primary
        self.secondary = secondary
        self.name = primary.name
        self.fallbacks = 0

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        try:
            return await self.primary.extract(document, policy)
        except ExtractionError as exc:
            failure = exc
        self.fallbacks += 1
        log.warning("extractor fallback for %s: %s", document.filename, failure)
        invoice = await self.secondary.extract(document, policy)
        notes = [
            f"{FlagCode.EXTRACTOR_FALLBACK.value}: The {self.primary.name} extractor could not be used "
            f"({_short(failure)}); this reading comes from the {self.secondary.name} extractor."
        ]
        if isinstance(failure, UntrustedAmount):
            notes.append(
                f"{FlagCode.AMOUNT_NOT_IN_TEXT.value}: The {self.primary.name} extractor read a total of "
                f"{failure.total}, which the document does not print."
            )
        return msgspec.structs.replace(
            invoice,
            notes=(*invoice.notes, *notes),
            extractor=f"{invoice.extractor or self.secondary.name}(fallback)",
        )


class FallbackPolicyInterpreter:
    def __init__(self, primary: PolicyInterpreter, secondary: PolicyInterpreter) -> None:
        self.primary = primary
        self.secondary = secondary
        self.name = primary.name
        self.fallbacks = 0

    async def interpret(self, document: Document) -> Policy:
        try:
            return await self.primary.interpret(document)
        except PolicyError as exc:
            self.fallbacks += 1
            log.warning("policy interpreter fallback for %s: %s", document.filename, exc)
        policy = await self.secondary.interpret(document)
        return msgspec.structs.replace(
            policy, interpreter=f"{policy.interpreter or self.secondary.name}(fallback)"
        )


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."

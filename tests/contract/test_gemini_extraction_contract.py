"""The extraction port contracts, run against the Gemini adapters over the fake Gemini server.

The fake answers like a correct model would: for each contract document it returns the reading
a careful reader writes down (values as printed, null where nothing is printed). The adapters
still do all the work under test: the real SDK call, the JSON schema, msgspec decoding, mapping
to the domain and the cross-check against the printed amounts.

The same suites also run against the Fallback composites while Gemini is down (every call 503):
the composite must still honour the port contract through its secondary (heuristic) adapter.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.fallback import FallbackInvoiceExtractor, FallbackPolicyInterpreter
from reimburse.adapters.gemini.invoice_extractor import GeminiInvoiceExtractor
from reimburse.adapters.gemini.policy_interpreter import GeminiPolicyInterpreter
from reimburse.adapters.heuristic import HeuristicInvoiceExtractor, HeuristicPolicyInterpreter
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.policy_interpreter import PolicyInterpreter
from tests.contract.extraction_contract import (
    CLEAR_POLICY,
    INVOICE_EXTRACTOR_CHECKS,
    POLICY_INTERPRETER_CHECKS,
    InvoiceCheck,
    PolicyCheck,
    check_id,
)
from tests.fakes.fake_gemini_server import GENERATE, FakeGeminiServer, RecordedRequest, Reply
from tests.fakes.gemini_kit import make_gateway

_POLICY_LINES = CLEAR_POLICY.splitlines()

# What a correct model answers for each contract document, keyed by the document's first line.
POLICY_READINGS: dict[str, dict[str, Any]] = {
    "Globex Travel and Expense Policy": {
        "title": "Globex Travel and Expense Policy",
        "currency": "INR",
        "categories": [
            {"name": "meals", "synonyms": ["restaurant", "food"], "clause": _POLICY_LINES[1]},
            {"name": "hotel", "synonyms": ["accommodation"], "clause": _POLICY_LINES[2]},
            {"name": "cab", "synonyms": ["taxi", "uber", "ola"], "clause": _POLICY_LINES[3]},
        ],
        "caps": [
            {
                "category": "meals",
                "amount": "1,000",
                "currency": "INR",
                "unit": "meal",
                "clause": _POLICY_LINES[1],
            },
            {
                "category": "hotel",
                "amount": "4,000",
                "currency": "INR",
                "unit": "night",
                "clause": _POLICY_LINES[2],
            },
            {
                "category": "cab",
                "amount": "500",
                "currency": "INR",
                "unit": "ride",
                "clause": _POLICY_LINES[3],
            },
        ],
        "exclusions": [
            {"name": "alcohol", "keywords": ["beer", "wine"], "categories": [], "clause": _POLICY_LINES[4]}
        ],
        "deadline": {"days": 30, "clause": _POLICY_LINES[5]},
    },
    "Globex Quarterly Newsletter": {
        "title": "Globex Quarterly Newsletter",
        "currency": None,
        "categories": [],
        "caps": [],
        "exclusions": [],
        "deadline": None,
    },
}


def _invoice(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"currency": "INR", "vendor": None, "invoice_number": None, "invoice_date": None}
    base |= {"category": None, "line_items": [], "subtotal": None, "taxes": None, "names": []}
    return base | fields


INVOICE_READINGS: dict[str, dict[str, Any]] = {
    "Spice Garden Restaurant": _invoice(
        total="462.00",
        vendor="Spice Garden Restaurant",
        invoice_number="SG-1042",
        invoice_date="2024-11-12",
        category="meals",
        line_items=[
            {"description": "Paneer Tikka", "amount": "320.00", "quantity": "1"},
            {"description": "Butter Naan", "amount": "120.00", "quantity": "2"},
        ],
        subtotal="440.00",
        taxes="22.00",
        candidate_totals=["462.00"],
    ),
    "Hotel Lakeview Residency": _invoice(
        total="6,720.00",
        vendor="Hotel Lakeview Residency",
        invoice_number="HLR-5521",
        category="hotel",
        line_items=[{"description": "Room Charges (2 nights)", "amount": "6,000.00"}],
        taxes="720.00",
        names=["Rani Sharma"],
        nights=2,
        period_start="2024-11-10",
        period_end="2024-11-12",
        dates=["2024-11-10", "2024-11-12"],
    ),
    "Uber": _invoice(
        total="220.50",
        vendor="Uber",
        invoice_date="2024-11-15",
        category="cab",
        line_items=[{"description": "Trip fare", "amount": "210.00"}],
        taxes="10.50",
        names=["Rani Sharma"],
    ),
    "The Brew House": _invoice(
        total="980.00",
        vendor="The Brew House",
        invoice_number="7781",
        invoice_date="2024-12-06",
        category="meals",
        line_items=[
            {"description": "Dal Makhani", "amount": "380.00"},
            {"description": "Kingfisher Beer 650ml", "amount": "600.00"},
        ],
    ),
    # A receipt with no printed total: a correct model says so instead of adding the items up.
    "Spice Garden Restaurant/no-total": _invoice(
        total=None,
        vendor="Spice Garden Restaurant",
        category="meals",
        line_items=[
            {"description": "Paneer Tikka", "amount": "320.00"},
            {"description": "Butter Naan", "amount": "120.00"},
        ],
    ),
}


def correct_model(request: RecordedRequest) -> str:
    match = re.search(r"BEGIN DOCUMENT (\w+)\n(.*)\nEND DOCUMENT \1", request.user_text, re.S)
    assert match is not None, "the adapters always quote the document"
    text = match.group(2)
    first = text.splitlines()[0].strip()
    if "reimbursement policy" in request.prompt_text:
        return json.dumps(POLICY_READINGS[first])
    key = first if "Total" in text else f"{first}/no-total"
    return json.dumps(INVOICE_READINGS[key])


@pytest.fixture
def server() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer(responder=correct_model) as fake:
        yield fake


@pytest.fixture
async def gateway(server: FakeGeminiServer) -> AsyncIterator[GeminiGateway]:
    gw = make_gateway(server, max_retries=1)
    yield gw
    await gw.aclose()


@pytest.mark.parametrize("check", POLICY_INTERPRETER_CHECKS, ids=check_id)
async def test_gemini_policy_interpreter_contract(
    check: PolicyCheck, gateway: GeminiGateway, server: FakeGeminiServer
) -> None:
    async def make() -> PolicyInterpreter:
        return GeminiPolicyInterpreter(gateway)

    await check(make)
    assert server.requests_for(GENERATE), "the checks went through Gemini"


@pytest.mark.parametrize("check", INVOICE_EXTRACTOR_CHECKS, ids=check_id)
async def test_gemini_invoice_extractor_contract(
    check: InvoiceCheck, gateway: GeminiGateway, server: FakeGeminiServer
) -> None:
    async def make() -> InvoiceExtractor:
        return GeminiInvoiceExtractor(gateway)

    await check(make)
    assert server.requests_for(GENERATE), "the checks went through Gemini"


def _down(server: FakeGeminiServer) -> None:
    server.respond_with(lambda _: Reply.error(503))


@pytest.mark.parametrize("check", POLICY_INTERPRETER_CHECKS, ids=check_id)
async def test_fallback_policy_interpreter_contract_while_gemini_is_down(
    check: PolicyCheck, gateway: GeminiGateway, server: FakeGeminiServer
) -> None:
    _down(server)
    made: list[FallbackPolicyInterpreter] = []

    async def make() -> PolicyInterpreter:
        made.append(FallbackPolicyInterpreter(GeminiPolicyInterpreter(gateway), HeuristicPolicyInterpreter()))
        return made[-1]

    await check(make)
    assert sum(m.fallbacks for m in made) >= 1


@pytest.mark.parametrize("check", INVOICE_EXTRACTOR_CHECKS, ids=check_id)
async def test_fallback_invoice_extractor_contract_while_gemini_is_down(
    check: InvoiceCheck, gateway: GeminiGateway, server: FakeGeminiServer
) -> None:
    _down(server)
    made: list[FallbackInvoiceExtractor] = []

    async def make() -> InvoiceExtractor:
        made.append(FallbackInvoiceExtractor(GeminiInvoiceExtractor(gateway), HeuristicInvoiceExtractor()))
        return made[-1]

    await check(make)
    assert sum(m.fallbacks for m in made) >= 1


def test_adapters_name_themselves() -> None:
    assert GeminiPolicyInterpreter.name == "gemini"
    assert GeminiInvoiceExtractor.name == "gemini"

"""The extraction port contracts, run against the offline heuristic adapters."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor, HeuristicPolicyInterpreter
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.policy_interpreter import PolicyInterpreter
from tests.contract.extraction_contract import (
    INVOICE_EXTRACTOR_CHECKS,
    POLICY_INTERPRETER_CHECKS,
    InvoiceCheck,
    PolicyCheck,
    check_id,
)


async def make_interpreter() -> PolicyInterpreter:
    return HeuristicPolicyInterpreter()


async def make_extractor() -> InvoiceExtractor:
    return HeuristicInvoiceExtractor()


@pytest.mark.parametrize("check", POLICY_INTERPRETER_CHECKS, ids=check_id)
async def test_heuristic_policy_interpreter_contract(check: PolicyCheck) -> None:
    await check(make_interpreter)


@pytest.mark.parametrize("check", INVOICE_EXTRACTOR_CHECKS, ids=check_id)
async def test_heuristic_invoice_extractor_contract(check: InvoiceCheck) -> None:
    await check(make_extractor)


def test_adapters_name_themselves() -> None:
    # the policy reader's name carries its version, so a policy read by an older reader is re-read
    assert HeuristicPolicyInterpreter.name.startswith("heuristic/")
    assert HeuristicPolicyInterpreter.name.removeprefix("heuristic/").isdigit()
    assert HeuristicInvoiceExtractor.name == "heuristic"

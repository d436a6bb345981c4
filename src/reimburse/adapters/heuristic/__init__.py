"""Offline, rule-based extraction: policy text -> Policy, invoice text -> Invoice (no network, no key)."""

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter

__all__ = ["HeuristicInvoiceExtractor", "HeuristicPolicyInterpreter"]

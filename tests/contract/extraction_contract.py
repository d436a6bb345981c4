"""Reusable contract suites for the extraction ports (PolicyInterpreter, InvoiceExtractor).

Adapter-agnostic: every check is an async function taking an async factory that returns the adapter
under test, and feeds it Documents built from the texts below. Run them against any adapter:

    @pytest.mark.parametrize("check", POLICY_INTERPRETER_CHECKS, ids=check_id)
    async def test_contract(check: PolicyCheck) -> None:
        await check(make_my_interpreter)

The texts are few and fixed so a fake model server can answer them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from decimal import Decimal

import pytest

from reimburse.domain.errors import ExtractionError, PolicyError
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, DeadlineRule, ExclusionRule, Policy
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.policy_interpreter import PolicyInterpreter

InterpreterFactory = Callable[[], Awaitable[PolicyInterpreter]]
ExtractorFactory = Callable[[], Awaitable[InvoiceExtractor]]
PolicyCheck = Callable[[InterpreterFactory], Awaitable[None]]
InvoiceCheck = Callable[[ExtractorFactory], Awaitable[None]]


def document(text: str, filename: str = "document.pdf") -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    pages = tuple(text.split("\f"))
    return Document(filename=filename, sha256=sha, text=text, pages=pages)


def check_id(check: object) -> str:
    return getattr(check, "__name__", str(check))


CLEAR_POLICY = """Globex Travel and Expense Policy
1. Meals at restaurants are reimbursed up to INR 1,000 per meal.
2. Hotel accommodation is reimbursed up to INR 4,000 per night.
3. Local cab rides (taxi, Uber, Ola) are reimbursed up to INR 500 per ride.
4. Alcoholic beverages such as beer and wine will not be reimbursed.
5. Claims must be submitted within 30 days of the invoice date.
"""

NO_RULES = """Globex Quarterly Newsletter
Our new office in Pune opened last week. The cafeteria now serves breakfast from 8 am.
Congratulations to the football team on winning the inter-company cup.
"""

# The policy every extractor check runs against, built directly so extractor checks do not
# depend on any interpreter.
CONTRACT_POLICY = Policy(
    policy_id="pol_contract",
    currency="INR",
    categories=(
        Category("meals", ("restaurant", "food", "dinner", "lunch"), "Meals are reimbursed."),
        Category("hotel", ("accommodation", "lodging", "room", "stay"), "Hotels are reimbursed."),
        Category("cab", ("taxi", "uber", "ola", "ride"), "Cab rides are reimbursed."),
    ),
    caps=(CapRule("cap:meals:meal", "meals", Decimal(1000), "INR", CapUnit.MEAL, "Meals ..."),),
    exclusions=(ExclusionRule("exclude:alcohol", "alcohol", ("beer", "wine"), "No alcohol."),),
    deadline=DeadlineRule("deadline:30d", 30, "Within 30 days."),
    interpreter="contract",
)

# (filename, text, printed total, category in CONTRACT_POLICY)
CLEAR_INVOICES: tuple[tuple[str, str, Decimal, str], ...] = (
    (
        "restaurant.pdf",
        """Spice Garden Restaurant
Invoice No: SG-1042        Date: 12/11/2024
Description              Qty   Amount
Paneer Tikka              1    320.00
Butter Naan               2    120.00
Sub Total                      440.00
CGST 2.5%                       11.00
SGST 2.5%                       11.00
Grand Total                ₹   462.00
""",
        Decimal("462.00"),
        "meals",
    ),
    (
        "hotel.pdf",
        """Hotel Lakeview Residency
Guest Name: Rani Sharma          Folio No: HLR-5521
Check-in: 10 Nov 2024            Check-out: 12 Nov 2024
Room Charges (2 nights)                    6,000.00
GST 12%                                      720.00
Total Amount Payable              INR      6,720.00
""",
        Decimal("6720.00"),
        "hotel",
    ),
    (
        "cab.pdf",
        """Uber
Trip receipt   15 Nov 2024
Trip fare                ₹ 210.00
Taxes                    ₹ 10.50
Total                    ₹ 220.50
Rider: Rani Sharma
""",
        Decimal("220.50"),
        "cab",
    ),
)

NO_TOTAL = """Spice Garden Restaurant
Thank you for dining with us!
Table 12 - Server: Anil
Paneer Tikka                 320.00
Butter Naan                  120.00
"""


# ---- PolicyInterpreter -------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


async def interprets_a_clear_policy_with_clauses(make: InterpreterFactory) -> None:
    interpreter = await make()
    policy = await interpreter.interpret(document(CLEAR_POLICY, "policy.pdf"))
    assert isinstance(policy, Policy)
    assert policy.rule_count >= 1
    assert policy.currency == "INR"
    rules: list[CapRule | ExclusionRule | DeadlineRule] = [*policy.caps, *policy.exclusions]
    if policy.deadline:
        rules.append(policy.deadline)
    assert rules, "a clear policy yields at least one rule"
    source = _words(CLEAR_POLICY)
    for rule in rules:
        assert rule.clause.strip(), f"{rule.rule_id} has no clause"
        # The clause is the policy's own words, not a paraphrase.
        assert _words(rule.clause) <= source, rule.clause
    assert len({r.rule_id for r in rules}) == len(rules), "rule ids are unique"


async def reads_the_caps_amounts_units_and_deadline(make: InterpreterFactory) -> None:
    policy = await (await make()).interpret(document(CLEAR_POLICY, "policy.pdf"))
    caps = {(c.amount, c.unit) for c in policy.caps}
    assert {
        (Decimal(1000), CapUnit.MEAL),
        (Decimal(4000), CapUnit.NIGHT),
        (Decimal(500), CapUnit.RIDE),
    } <= caps
    for rule in policy.caps:
        assert isinstance(rule.amount, Decimal)
        assert policy.category(rule.category) is not None, "every cap belongs to a declared category"
    assert policy.deadline is not None and policy.deadline.days == 30
    alcohol = [e for e in policy.exclusions if {"beer", "wine"} & {k.lower() for k in e.keywords}]
    assert alcohol, "the alcohol exclusion names the items that identify it"


async def raises_policy_error_without_rules(make: InterpreterFactory) -> None:
    interpreter = await make()
    with pytest.raises(PolicyError):
        await interpreter.interpret(document(NO_RULES, "newsletter.pdf"))


POLICY_INTERPRETER_CHECKS: tuple[PolicyCheck, ...] = (
    interprets_a_clear_policy_with_clauses,
    reads_the_caps_amounts_units_and_deadline,
    raises_policy_error_without_rules,
)


# ---- InvoiceExtractor --------------------------------------------------------------------------


async def reads_the_printed_total_of_clear_invoices(make: ExtractorFactory) -> None:
    extractor = await make()
    for filename, text, total, _ in CLEAR_INVOICES:
        invoice = await extractor.extract(document(text, filename), CONTRACT_POLICY)
        assert isinstance(invoice.total, Decimal), filename
        assert invoice.total == total, filename
        assert invoice.currency in (None, "INR"), filename
        assert 0.0 <= invoice.confidence.get("total", 1.0) <= 1.0


async def maps_the_category_onto_the_policy(make: ExtractorFactory) -> None:
    extractor = await make()
    for filename, text, _, category in CLEAR_INVOICES:
        invoice = await extractor.extract(document(text, filename), CONTRACT_POLICY)
        assert invoice.category is None or CONTRACT_POLICY.category(invoice.category) is not None
        matched = CONTRACT_POLICY.category(invoice.category)
        assert matched is not None and matched.name == category, (filename, invoice.category)


async def raises_extraction_error_without_a_total(make: ExtractorFactory) -> None:
    extractor = await make()
    with pytest.raises(ExtractionError):
        await extractor.extract(document(NO_TOTAL, "no-total.pdf"), CONTRACT_POLICY)


async def keeps_alcohol_lines_as_items(make: ExtractorFactory) -> None:
    text = """The Brew House
Bill No: 7781     Date: 06 Dec 2024
Item                         Amount
Dal Makhani                  380.00
Kingfisher Beer 650ml        600.00
Grand Total              ₹   980.00
"""
    invoice = await (await make()).extract(document(text, "brewhouse.pdf"), CONTRACT_POLICY)
    beer = [i for i in invoice.line_items if "beer" in i.description.lower()]
    assert [i.amount for i in beer] == [Decimal("600.00")]
    assert invoice.total == Decimal("980.00")


INVOICE_EXTRACTOR_CHECKS: tuple[InvoiceCheck, ...] = (
    reads_the_printed_total_of_clear_invoices,
    maps_the_category_onto_the_policy,
    raises_extraction_error_without_a_total,
    keeps_alcohol_lines_as_items,
)

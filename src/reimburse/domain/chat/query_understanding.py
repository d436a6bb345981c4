"""A question -> what to retrieve and what to compute: intent, filters, free text, grouping.

Pure and deterministic. Names come only from the stored names passed in, never from a list here;
a follow-up ("what about Hardik?", "and the declined ones?") starts from the previous turn's
query and replaces only what the new question names.
"""

from __future__ import annotations

import re
from datetime import date

import msgspec

from reimburse.domain.chat.query_amounts import find_amounts
from reimburse.domain.chat.query_dates import find_period
from reimburse.domain.chat.query_names import EmployeeMatcher, NameMatch
from reimburse.domain.chat.query_text import Workspace
from reimburse.domain.chat.query_vocabulary import CategoryTerm, find_categories, find_statuses
from reimburse.domain.chat.session import GroupBy, Intent, Metric, Order, QueryState
from reimburse.domain.filters import InvoiceFilter


class Vocabulary(msgspec.Struct, frozen=True):
    """What the parser may recognise: the stored employee names and the known categories."""

    employees: tuple[str, ...] = ()
    categories: tuple[CategoryTerm, ...] = ()


class ParsedQuery(msgspec.Struct, frozen=True):
    intent: Intent
    filters: InvoiceFilter
    text: str  # the words left for the text search
    group_by: GroupBy | None = None
    confidence: float = 0.0
    metric: Metric = Metric.TOTAL
    currency: str | None = None
    order: Order = Order.NEWEST
    limit: int | None = None
    invoice_ref: str | None = None
    category_labels: tuple[str, ...] = ()
    follow_up: bool = False
    ambiguous_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    share: bool = False  # "what percentage ...": the count as a share of the invoices without the status

    def state(self) -> QueryState:
        return QueryState(
            intent=self.intent,
            filters=self.filters,
            metric=self.metric,
            group_by=self.group_by,
            currency=self.currency,
            order=self.order,
            limit=self.limit,
            invoice_ref=self.invoice_ref,
            category_labels=self.category_labels,
            text=self.text,
            share=self.share,
        )


# --- cues -----------------------------------------------------------------------------------

_COUNT = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b|\bhow\s+often\b|\btally\b|\bcount\s+of\b")
_AVERAGE = re.compile(r"\baverage\b|\bavg\b|\bmean\b|\btypical(?:ly)?\b")
_SUM = re.compile(
    r"\bhow\s+much\b|\btotal(?:s|led|ed|ing)?\b|\bsum\b|\bspen[dt]\b|\bspending\b|\bexpenditure\b"
    r"|\bpaid\s+out\b|\bpayouts?\b|\bwhat\s+did\s+(?:we|the\s+company)\s+(?:reimburse|pay)\b"
)
_LIST = re.compile(
    r"\b(?:list|show|display|give|find|fetch|get|which|see|view|enumerate|pull\s+up|what\s+(?:are|were))\b"
)
_POLICY = re.compile(
    r"\b(?:policy|policies|limit|limits|cap|caps|capped|ceiling|allowance|allowances|allowed|permitted|eligible"
    r"|eligibility|covered|reimbursable|deadline|entitled|maximum|rule|rules)\b"
    r"|\bcan\s+(?:i|we|you|employees?|staff|someone|one)\s+(?:claim|expense|get|be\s+reimbursed|submit|spend)\b"
    r"|\bhow\s+(?:many\s+days|long)\b.*\bsubmit"
)
# A question about what happened to invoices, not about what the policy allows.
_INVOICE_CONTEXT = re.compile(
    r"\b(?:were|was|did|has|have|had)\b.*\b(?:invoices?|receipts?|bills?|claims?)\b"
    r"|\b(?:invoices?|receipts?|bills?|claims?)\b.*\b(?:were|was|did|has|have|had|exceeded|exceeding|over)\b"
)
_GROUP_WORDS = {
    "employee": GroupBy.EMPLOYEE,
    "employees": GroupBy.EMPLOYEE,
    "person": GroupBy.EMPLOYEE,
    "people": GroupBy.EMPLOYEE,
    "staff": GroupBy.EMPLOYEE,
    "member": GroupBy.EMPLOYEE,
    "name": GroupBy.EMPLOYEE,
    "category": GroupBy.CATEGORY,
    "categories": GroupBy.CATEGORY,
    "type": GroupBy.CATEGORY,
    "types": GroupBy.CATEGORY,
    "status": GroupBy.STATUS,
    "statuses": GroupBy.STATUS,
    "month": GroupBy.MONTH,
    "months": GroupBy.MONTH,
}
_GROUP = re.compile(
    r"\b(?:per|by|for\s+each|each|every|breakdown\s+(?:by|per|of)|broken\s+down\s+by|grouped\s+by|split\s+by|across)"
    r"\s+(?:the\s+)?(?:expense\s+)?(?P<g>employees?|person|people|staff|member|name|categor(?:y|ies)|types?|status(?:es)?|months?)\b"
)
_MONTHLY = re.compile(r"\bmonthly\b|\bmonth\s+by\s+month\b|\bmonth[\s-]wise\b")
_WHO_MOST = re.compile(
    r"\b(?:who|whose|which\s+(?:employee|person|staff(?:\s+member)?|team\s+member|one\s+of\s+us))\b.*"
    r"\b(?P<dir>most|highest|top|largest|biggest|max(?:imum)?|least|lowest|fewest|smallest|min(?:imum)?)\b"
    r"|\btop\s+(?:spenders?|claimants?|employees?)\b"
)
_WHICH_CATEGORY_MOST = re.compile(
    r"\bwhich\s+(?:expense\s+)?(?:category|categories|type)\b.*"
    r"\b(?P<dir>most|highest|top|largest|biggest|least|lowest|fewest|smallest)\b"
)
_INVOICE_NOUNS = re.compile(r"\b(?:invoices|claims|receipts|bills)\b")
_MOST_INVOICES = re.compile(
    r"\b(?:most|fewest|least|highest\s+number\s+of|max(?:imum)?\s+number\s+of)\s+(?:\w+\s+){0,2}?"
    r"(?:invoices|claims|receipts|bills)\b"
)
_SHARE = re.compile(r"\b(?:percent(?:age)?|share|proportion|ratio|fraction)\b|%")
_REVIEW = re.compile(
    r"\b(?:need(?:s|ing)?\s+(?:a\s+|manual\s+)?review|review\s+required|requir(?:e|es|ing)\s+review|flagged"
    r"|(?:to|for|under)\s+review)\b"
)
_LOW = ("least", "lowest", "fewest", "smallest", "min", "minimum")
_ORDER_DESC = re.compile(
    r"\b(?:most\s+expensive|priciest|costliest|largest|biggest|highest|top|dearest|max(?:imum)?)\b"
)
_ORDER_ASC = re.compile(r"\b(?:cheapest|least\s+expensive|smallest|lowest|min(?:imum)?)\b")
_LIMIT = re.compile(
    r"\b(?:top|first|last|latest|newest|recent)\s+(?P<a>\d{1,3})\b"
    r"|\b(?P<b>\d{1,3})\s+(?:most|largest|biggest|cheapest|latest|newest|recent|highest|smallest|lowest|priciest|costliest)\b"
)
_SUPERLATIVE = re.compile(
    r"\b(?:most\s+expensive|priciest|costliest|largest|biggest|highest|cheapest|least\s+expensive|smallest|lowest"
    r"|latest|newest|most\s+recent)\b"
)
# Words that end the noun phrase after a superlative ("the cheapest taxi ride | of Rani's").
_PHRASE_END_WORDS = "of for in by from with during this last since on at to was were is are did has have who which that and or"
_PHRASE_END = frozenset(_PHRASE_END_WORDS.split())
_NEWEST = re.compile(r"\b(?:latest|newest|most\s+recent|recent|last)\b")
_REIMBURSED_METRIC = re.compile(
    r"\breimburs\w*|\bpaid\s+(?:out|back)\b|\brefund\w*|\bpayouts?\b|\bgot\s+back\b|\bwhat\s+did\s+(?:we|the\s+company)\s+pay\b"
)
_FOLLOW_UP = re.compile(
    r"^(?:what|how)\s+about\b|^and\b|^what\s+of\b|^same\s+(?:for|but|with)\b|^now\b|^also\b|^only\b|^just\b"
    r"|^but\b|^ok(?:ay)?\b|^then\b|^among\b|^of\s+(?:those|these|them)\b|^for\b|^in\b|^with\b"
    r"|\b(?:those|these|them|same|ones)\b|\b(?:was|is|were|are)\s+(?:that|it|they)\b|\bthat\W*$"
)
_REF_FILE = re.compile(r"(?<![\w.\-])(?P<f>[\w\-.()]+\.(?:pdf|png|jpe?g|tiff?))\b")
_REF_NUMBER = re.compile(
    r"\b(?:invoice|inv|bill|receipt)\s*(?:number|no|num|nr|#|id)?\.?\s*[:#]?\s*"
    r"(?P<n>[a-z0-9](?:[a-z0-9\-/_]*\d[a-z0-9\-/_]*|\d*))(?![\w\-/])"
)
_REF_HASH = re.compile(r"(?<![\w&])#\s*(?P<n>[a-z0-9\-/_]*\d[a-z0-9\-/_]*)\b")

_STOPWORDS_TEXT = """
    a about above across after again against all also am an and any anyone anything are aren't around as ask at
    be been being below between both but by can can't could did didn't do does doesn't doing done don't down
    during each either else ever every everyone everything few for from further get gets getting give given go
    got had has have having he her here hers him his how however i i'd i'm if in into is isn't it it's its
    just know let let's like look looking made make many me more most much my need needs no nor not now of off
    on once one only or other our ours out over own please pls per same see she should show shown so some
    such tell than thank thanks that that's the their theirs them then there these they this those through
    to too under until up upon us very via want was wasn't we were weren't what what's when where which
    while who whom whose why will with within would you your yours hi hello hey okay ok kindly
    invoice invoices receipt receipts bill bills claim claims claimed expense expenses record records document
    documents file files entry entries item items amount amounts money cost costs spend spent spending
    employee employees staff people person everybody somebody someone team company status statuses
    category categories type types reimburse reimbursed reimbursement reimbursements refund refunds paid pay
    payout total totals sum count number average avg mean list display find fetch view enumerate
    submitted submit uploaded upload analysed analyzed processed stored filed made raised
    ones many much how far overall altogether combined breakdown grouped split wise
    most least highest lowest top largest biggest cheapest smallest expensive priciest costliest latest
    newest recent first last dated date dates summary summarise summarize overview details detail info
    information report percentage percent share proportion ratio fraction vs versus compared compare mention mentions mentioned mentioning contain contains
    containing include includes including regarding related involving concerning
    """
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


# --- helpers ----------------------------------------------------------------------------------


def _find_ref(ws: Workspace) -> str | None:
    for pattern, group in ((_REF_FILE, "f"), (_REF_NUMBER, "n"), (_REF_HASH, "n")):
        for m in ws.finditer(pattern):
            ref = m.group(group)
            if group == "n" and not any(ch.isdigit() for ch in ref):
                continue
            ws.claim(m.start(), m.end())
            return ref
    return None


def _group_by(text: str) -> tuple[GroupBy | None, Order | None]:
    m = _GROUP.search(text)
    if m:
        word = m.group("g")
        return _GROUP_WORDS.get(word, _GROUP_WORDS.get(word.rstrip("s"), GroupBy.EMPLOYEE)), None
    if _MONTHLY.search(text):
        return GroupBy.MONTH, None
    m = _WHO_MOST.search(text)
    if m:
        low = (m.groupdict().get("dir") or "") in _LOW
        return GroupBy.EMPLOYEE, Order.AMOUNT_ASC if low else Order.AMOUNT_DESC
    m = _WHICH_CATEGORY_MOST.search(text)
    if m:
        return GroupBy.CATEGORY, Order.AMOUNT_ASC if m.group("dir") in _LOW else Order.AMOUNT_DESC
    return None, None


def _asks_for_one(text: str) -> bool:
    """ "the most expensive taxi ride" asks for one invoice; "the most expensive rides" for a list."""
    m = _SUPERLATIVE.search(text)
    if not m:
        return False
    phrase: list[str] = []
    for word in re.findall(r"[\w']+", text[m.end() :]):
        if word in _PHRASE_END or len(phrase) == 3:
            break
        phrase.append(word)
    if not phrase:
        return bool(re.search(r"\b(?:invoice|receipt|bill|claim|expense)\b", text[: m.start()]))
    last = phrase[-1]
    return last == "one" or not (last.endswith("s") and not last.endswith("ss"))


def _order(text: str) -> tuple[Order, int | None]:
    limit: int | None = None
    m = _LIMIT.search(text)
    if m:
        limit = int(m.group("a") or m.group("b"))
    if _ORDER_ASC.search(text):
        order = Order.AMOUNT_ASC
    elif _ORDER_DESC.search(text):
        order = Order.AMOUNT_DESC
    else:
        order = Order.NEWEST
    if limit is None and _asks_for_one(text):
        limit = 1
    if order is Order.NEWEST and limit is None:
        return order, None
    if order is Order.NEWEST and not _NEWEST.search(text):
        return order, None
    return order, limit if limit and limit > 0 else None


def _residual(ws: Workspace) -> list[str]:
    return [w for _, _, w in ws.free_words() if w not in _STOPWORDS and len(w) > 1 and not w.isdigit()]


def _replace(base: InvoiceFilter, new: InvoiceFilter) -> InvoiceFilter:
    """The previous turn's filter with every dimension the new question names replaced."""
    changes: dict[str, object] = {}
    if new.employee_names:
        changes["employee_names"] = new.employee_names
    if new.statuses:
        changes["statuses"] = new.statuses
    if new.categories:
        changes["categories"] = new.categories
    if new.date_from is not None or new.date_to is not None:
        changes["date_from"], changes["date_to"] = new.date_from, new.date_to
    if new.min_amount is not None or new.max_amount is not None:
        changes["min_amount"], changes["max_amount"] = new.min_amount, new.max_amount
    if new.review_required is not None:
        changes["review_required"] = new.review_required
    return msgspec.structs.replace(base, **changes)


# --- the parser --------------------------------------------------------------------------------


def understand(
    question: str, vocabulary: Vocabulary, today: date, previous: QueryState | None = None
) -> ParsedQuery:
    ws = Workspace(question)
    text = ws.text
    ref = _find_ref(ws)
    matcher = EmployeeMatcher(list(vocabulary.employees))
    names: NameMatch = matcher.full_names(ws)
    period = find_period(ws, today)
    amounts = find_amounts(ws)

    group_by, group_order = _group_by(text)
    order, limit = _order(text)
    if group_order is not None:
        order = group_order
    cue: Intent | None = None
    if _AVERAGE.search(text):
        cue = Intent.AVERAGE
    elif _COUNT.search(text):
        cue = Intent.COUNT
    elif _SUM.search(text):
        cue = Intent.SUM
    elif group_by is not None:
        counts_invoices = _MOST_INVOICES.search(text) if group_order else _INVOICE_NOUNS.search(text)
        cue = Intent.COUNT if counts_invoices else Intent.SUM
    review: bool | None = None
    for m in list(ws.finditer(_REVIEW)):
        review = True
        ws.claim(m.start(), m.end())
    share = bool(_SHARE.search(text))
    if share and cue is None:
        cue = Intent.COUNT
    statuses = find_statuses(ws, bare_reimbursed=cue not in (Intent.SUM, Intent.AVERAGE))
    categories = find_categories(ws, vocabulary.categories)
    names = names.plus(matcher.single_words(ws))
    metric = Metric.REIMBURSED if _REIMBURSED_METRIC.search(ws.remaining) else Metric.TOTAL

    found = InvoiceFilter(
        employee_names=names.names,
        statuses=statuses,
        categories=tuple(dict.fromkeys(c for t in categories for c in t.stored)),
        date_from=period.date_from if period else None,
        date_to=period.date_to if period else None,
        min_amount=amounts.min_amount if amounts else None,
        max_amount=amounts.max_amount if amounts else None,
        review_required=review,
    )
    currency = amounts.currency if amounts else None
    if group_by is None and cue in (Intent.COUNT, Intent.SUM, Intent.AVERAGE):
        # "compare Rani and Hardik", "flights and trains": one line per person or category
        if len(names.names) > 1 and not names.ambiguous:
            group_by = GroupBy.EMPLOYEE
        elif len(categories) > 1:
            group_by = GroupBy.CATEGORY
    labels = tuple(t.label for t in categories)
    residual = _residual(ws)
    says_something = not found.is_empty() or currency is not None or ref is not None

    policy_cue = bool(_POLICY.search(text))
    invoice_context = (
        bool(_INVOICE_CONTEXT.search(text) or _LIST.search(text))
        or cue is not None
        or bool(names.names or statuses or period or amounts or review is not None)
    )
    if ref is not None:
        intent: Intent | None = Intent.LOOKUP
    elif policy_cue and not invoice_context:
        intent = Intent.POLICY
    elif cue is not None:
        intent = cue
    elif _LIST.search(text) or (order is not Order.NEWEST or limit):
        intent = Intent.LIST
    else:
        intent = None  # no cue: a follow-up inherits, a fresh question lists or searches

    follow_up = (
        previous is not None
        and intent is not Intent.POLICY
        and (bool(_FOLLOW_UP.search(text)) or (intent is None and says_something and len(residual) <= 2))
    )
    defaulted = intent is None and not follow_up
    if follow_up and previous is not None:
        flt = _replace(previous.filters, found)
        if intent is None:
            lean = previous.intent in (Intent.POLICY, Intent.LOOKUP, Intent.GENERAL)
            intent = Intent.LIST if lean else previous.intent
        if not (_REIMBURSED_METRIC.search(text) or cue):
            metric = previous.metric
        group_by = group_by or (previous.group_by if cue is None else None)
        currency = currency or previous.currency
        labels = labels if found.categories else previous.category_labels
        if order is Order.NEWEST and limit is None:
            order, limit = previous.order, previous.limit
        share = share or (previous.share and cue is None)
    else:
        flt = found
    resolved = intent or (Intent.LIST if says_something else Intent.GENERAL)

    confidence = _confidence(resolved, defaulted, follow_up, names, residual)
    return ParsedQuery(
        intent=resolved,
        filters=flt,
        text=" ".join(residual),
        group_by=group_by if resolved not in (Intent.POLICY, Intent.LOOKUP) else None,
        confidence=confidence,
        metric=metric,
        currency=currency,
        order=order,
        limit=limit,
        invoice_ref=ref,
        category_labels=labels,
        follow_up=follow_up,
        ambiguous_names=names.ambiguous,
        share=share and resolved is Intent.COUNT,
    )


def _confidence(
    intent: Intent, defaulted: bool, follow_up: bool, names: NameMatch, residual: list[str]
) -> float:
    """How sure the parser is that it understood the whole question (not how good the data is)."""
    score = 0.95
    if intent is Intent.GENERAL:
        score = 0.55 if residual else 0.6
    elif intent is Intent.POLICY:
        score = 0.8
    elif defaulted:  # no word said what to do with the invoices; listing them is a guess
        score -= 0.1
    if follow_up:
        score -= 0.05
    if names.ambiguous:
        score -= 0.25
    if residual and intent in (Intent.COUNT, Intent.SUM, Intent.AVERAGE, Intent.LIST):
        score -= min(0.3, 0.1 * len(residual))
    return round(max(0.05, min(score, 0.99)), 2)


__all__ = ["ParsedQuery", "Vocabulary", "understand"]

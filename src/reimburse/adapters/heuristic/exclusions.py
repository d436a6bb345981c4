"""Exclusions in a policy sentence: "Alcohol is not reimbursable", "Minibar and laundry charges will
not be reimbursed", "The following are excluded: souvenirs, gym fees".

Known kinds (alcohol, tobacco, minibar...) take their item words from the lexicon; anything else
gets item words from the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reimburse.adapters.heuristic.lexicon import EXCLUDED, KINDS, TRAVEL, ExcludedKind
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.text import find_term

NEGATIVE = re.compile(
    r"(?i)(not\s+(?:be\s+)?reimburs\w*|non[-\s]?reimbursable|"
    r"(?:do|does|will|shall|can|would)\s*(?:not|n't)\s+(?:reimburse|pay\s+for|cover)|"
    # "Expenses the University will not pay include X": a bare "pay" only before what it lists.
    r"(?:do|does|will|shall|can|would)\s*(?:not|n't)\s+pay(?=\s+(?:include|includes|are)\b)|"
    r"won't\s+(?:reimburse|pay\s+for|cover|be\s+reimbursed)|never\s+(?:be\s+)?reimburs\w*|(?:will|shall|would|can|may|must)\s*not\s+be\s+"
    r"(?:reimbursed|paid|covered|accepted|allowed|claimed|refunded)|cannot\s+be\s+(?:claimed|reimbursed)|"
    r"(?:is|are)\s+not\s+(?:reimbursable|covered|allowed|permitted|eligible|claimable|accepted|refunded|payable|paid)|"
    r"(?:is|are)\s+excluded|\bunallowable\b|not\s+(?:an?\s+)?(?:allowable|permissible)|non-?allowable|"
    # "Under no circumstances should alcohol be served", "In no situation will reimbursement be
    # approved for alcohol": the negation fronted, its verb after it.
    r"(?:under\s+no\s+circumstances|in\s+no\s+(?:case|situation|event|instance))\s+(?:can|will|may|shall|should)|not\s+(?:under\s+any\s+circumstances\s+)?bear\s+the\s+cost|"
    r"(?:is|are)\s+excluded|\bexcluded\b|\bexclusions?\b|not\s+covered|not\s+eligible|\bineligible\b|"
    r"not\s+allowed|not\s+permitted|not\s+claimable|\bdisallowed\b|\bprohibited\b|no\s+reimbursement|"
    r"(?:reimbursement|payment)s?\s+(?:will|shall|can)\s*not\s+be\s+(?:made|issued|provided|given)|"
    # "Reimbursement is not made for alcoholic beverages": the same refusal in the present tense.
    r"(?:reimbursement|payment)s?\s+(?:is|are)\s+not\s+(?:made|allowed|provided|given)\s+for\b|"
    # British "reclaim" ("cannot be reclaimed through expenses", "You are not able to reclaim the
    # costs of ...") and "Employees cannot claim any reimbursement for X".
    r"(?:cannot|can\s*not|can't|cant|not\s+able\s+to|unable\s+to)\s+(?:be\s+)?reclaim(?:ed)?\b|"
    r"(?:cannot|can\s*not|can't|cant)\s+claim\s+(?:any\s+)?reimbursement\s+for\b|"
    # "may not be charged to university funds", "is not a reimbursable expense", "are personal
    # expenses", "at the traveler's own expense": English phrasings of the public lists.
    r"(?:may|must|should|can|will)\s*not\s+be\s+(?:charged|expensed)\s+to\b|not\s+(?:be\s+)?an?\s+(?:reimbursable|eligible)\b|"
    r"(?:is|are)\s+(?:a\s+|considered\s+)?personal\s+expenses?\b|"
    r"at\s+(?:the\s+)?(?:traveler|traveller|individual)'?s?\s+own\s+(?:cost|expense)|"
    # "... are considered personal": a predicate after its subject; a line that opens with it
    # ("Considered personal expenses", a table's remarks cell) says nothing of the next line.
    r"(?<!^)(?<![\n|])\bconsidered\s+(?:to\s+be\s+)?(?:an?\s+)?personal\b|"
    r"(?:the\s+)?(?:sole\s+)?(?:personal\s+)?responsibility\s+of\s+the\s+(?:traveler|traveller|employee|individual|claimant)|"
    r"(?:traveler|traveller|employee|individual|claimant)'s\s+(?:own\s+|sole\s+|personal\s+)?responsibility|"
    r"will\s+be\s+rejected|must\s+be\s+borne|bears?\s+the\s+(?:full\s+)?costs?\s+of|"
    r"(?:is|are)\s+(?:at\s+)?the\s+(?:traveler|traveller|employee|individual)['’]s\s+(?:own\s+)?(?:expense|cost)|borne\s+by\s+the\s+employee|at\s+(?:the\s+)?employee'?s?\s+own\s+"
    r"(?:cost|expense)|nicht\s+erstattungsfähig|nicht\s+erstattet|werden\s+nicht\s+erstattet|"
    r"ausgeschlossen|nicht\s+übernommen|non\s+remboursables?|ne\s+(?:sont|seront)\s+pas\s+(?:rembours|pris(?:es?)?\s+en\s+charge)|"
    r"non\s+pris(?:es?)?\s+en\s+charge|exclus|niet\s+vergoed|niet\s+in\s+aanmerking|"
    r"worden\s+niet\s+vergoed|uitgesloten|no\s+(?:se\s+)?(?:son|serán|será|es|se)\s+re{1,2}mbols|no\s+se\s+re{1,2}mbolsar|"
    r"no\s+re{1,2}mbolsables?|non\s+(?:saranno|verranno|vengono)\s+rimbors|"
    # Spanish "no (se) reembolsará(n)" (also spelt "rembolsar"); Portuguese "não (são|serão|devem
    # ser|pode ser) reembolsad-", "não reembolsáveis"; Dutch "geen (recht op) vergoeding"; German
    # "keine anrechenbaren Nebenkosten sind ...", "nicht anrechenbar/abrechenbar/ersetzt/vergütet".
    r"no\s+(?:se\s+)?re{1,2}mbolsar[áa]n?\b|"
    # The active forms, whose object object_of reads: see _ACTIVE_FOREIGN.
    r"\bno\s+re{1,2}mbolsa\b|\bne\s+(?:rembourse(?:ra)?|prend(?:ra)?)\s+pas|"
    r"\b(?:erstattet|übernimmt|ersetzt)\s+(?:keine?n?|nicht)\b|\bvergoedt\s+(?:geen|niet)\b|"
    r"\bnon\s+rimborsa(?:no|r[àa]|ranno)?\b|"
    r"n[ãa]o\s+(?:(?:s[ãa]o|ser[ãa]o|ser[áa]|[ée]|devem|deve|podem|pode|poder[ãa]o)\s+)?(?:ser\s+)?reembols|"
    r"\bgeen\s+(?:recht\s+op\s+)?(?:een\s+)?vergoeding|"
    r"\bnicht\s+(?:anrechenbar|abrechenbar|ersetzt|vergütet)|"
    # "Geschenke gelten nicht als Reisenebenkosten": not counted among the costs that are paid.
    r"\b(?:gelten|sind|zählen)\s+(?:auch\s+|jedoch\s+)?nicht\s+(?:als|zu\s+den)\s+[\wäöüß]*(?:kosten|ausgaben|auslagen)\b|"
    r"\bkeine?n?\s+(?:(?:erstattungsfähigen|anrechenbaren|abrechenbaren|zu\s+erstattenden)\s+)?"
    r"[\wäöüß]*(?:kosten|ausgaben|aufwendungen|auslagen)\s+(?:[^:]{0,60}?\s)?(?:sind|zählen)\b"
    r"(?:\s+(?:insbesondere|beispielsweise|etwa|vor\s+allem|z\.\s?B\.))?|"
    r"excluidos?|non\s+(?:sono\s+)?rimborsabil|esclus[io]|(?:is|are)\s+not\s*\.?$|"
    # The Nordic passive after its subject: Swedish "ersätts inte/ej", "utgår ingen ersättning";
    # Danish and Norwegian "dækkes/dekkes/refunderes/erstattes/godtgøres ikke".
    r"\bersätt(?:e)?s\s+(?:inte|ej|icke)\b|\butgår\s+(?:ingen|inte|ej)\b|"
    r"\b(?:dækkes|dekkes|refunderes|erstattes|godtgøres|refunderas)\s+(?:ikke|inte|ej)\b|"
    # "No agent or broker charges will be reimbursed", "..., no laundry allowance can be claimed",
    # "No alcoholic beverages are reimbursed":
    # the negation opens the subject; `no` is what it names. "No more than two drinks are
    # reimbursed" is a quantity limit, no refusal.
    r"(?:^\W*|(?<=[,;:]\s))no\s+(?!(?:more|fewer|less)\s+than\b)(?P<no>[^.;:,]{2,60}?)\s+(?:(?:will|shall|can|may|would)\s+(?:ever\s+)?be|is|are)\s+"
    r"(?:reimbursed|reimbursable|paid|claimed|refunded|covered|allowed|accepted)\b|"
    # "Neither X nor Y will be reimbursed", "Weder X noch Y werden erstattet": the negation is in
    # the subject; `nn` is what it names.
    r"\b(?:neither|weder)\s+(?P<nn>[^.;:]{1,80}?\b(?:nor|noch)\b[^.;:]{1,60}?)\s+(?:is|are|will|shall|can|may|wird|werden)\s+"
    r"(?:be\s+)?(?:reimbursed|reimbursable|paid|covered|allowed|accepted|claimed|erstattet|übernommen)\b|"
    # A heading or lead-in that is only "Personal expenses": the list under it is what is not paid.
    r"^\W*(?:personal|non-?business)\s+(?:items|expenses|costs)\W*$)"
)
# Sentences about process, not items: "expenses without receipts will not be reimbursed".
_PROCESS = re.compile(
    r"(?i)(receipt|approval|approved|invoice|bill\b|bills\b|claim|document|proof|original|without|late\b|"
    r"submitted|submission|excess|above|beyond|exceed|limit|cap\b|ceiling|deadline|older\s+than|after\s+\d|"
    r"scope|listed|section|policy|outside|refer\b|deemed|accounted\s+for|timely|fail|examples?\b|"
    r"https?:|www\.|page\s+\d+\s+of)"
)
_DROP = re.compile(
    r"(?i)^(?:(?:the\s+following(?:\s+\w+)?|following|any|all|the|other|such\s+as|e\.g\.|including|items?\s+like|"
    r"expenses?|costs?|charges?|purchases?|claims?|for|on|of|towards|related\s+to|incurred|spent|items?|"
    # "The following is a list of personal expenses ... not eligible": the list is no thing bought.
    r"lists?(?:\s+of)?|"
    r"(?:employees?|travell?ers?)(?:['’]s)?|use\s+of|a|an|their|his|her|its|your|our|"
    # "You will not be reimbursed for X": the reader addressed is who is not paid, X follows.
    r"you|"
    r"are|is|will|be|not|reimbursable|reimbursed|excluded|exclusions?|covered|reimbursements?|payments?|"
    # Articles of list items in other languages: "les amendes", "de minibar", "il minibar".
    r"le|la|les|des|du|der|die|das|den|dem|el|los|las|il|lo|gli|de|het|een|"
    # "Gastos no reembolsables: multas", "Sont exclus : le minibar": the head is only "expenses"
    # or a verb, and the things follow.
    r"gastos|kosten|frais|dépenses|spese|costi|ausgaben|uitgaven|sont|sind|son|sono|zijn|worden|werden)"
    r"(?![^\W\d_])|l['’]|\W)+"
)
_TAIL = re.compile(
    r"(?i)(\s+(?:expenses?|costs?|charges?|bills?|items?|fees?|dues|purchases?|products?|"
    r"(?:may|might|will|shall|can|could|would|must|should|is|are|be|been|not)))+$"
)
_PARTS = re.compile(
    r"(?i)\s*(?:,|;|/|&|\band\b|\bor\b|\bnor\b|\bnoch\b|\bund\b|\boder\b|\bet\b|\bou\b|\ben\b|\by\b|\be\b|\bni\b)\s*"
)
_GENERIC = {
    "trip",
    "trips",
    "ticket",
    "tickets",
    "ride",
    "rides",
    "air",
    "car",
    "auto",
    "vehicle",
    "vehicles",
    "hotel",
    "lodging",
    "meal",
    "service",
    "services",
    "charges",
    "fees",
    "fee",
    "business",
    "travel",
    "university",
    "company",
    "employer",
    "employee",
    "employees",
    "traveler",
    "traveller",
    "staff",
    "personal",
    "other",
    "misc",
    "miscellaneous",
    "expenses",
    "items",
    "things",
    "anything",
    "everything",
    # Carried on every flight, printed on every boarding pass: only a qualified phrase is a thing.
    "luggage",
    "baggage",
    "boarding",
}


@dataclass(frozen=True)
class ExclusionFinding:
    name: str
    keywords: tuple[str, ...]
    # A lexicon kind is sure; words taken from the policy's own phrase less so.
    confidence: float = 0.9
    # "Laundry (if the trip is under five days)": excluded only then (a reviewer checks it).
    condition: str = ""


# A heading naming both sides ("Reimbursable / Non-Reimbursable Expenses", "Allowable and
# unallowable costs") heads a mixed list, and "not paid in advance" says when, not whether.
_BOTH_SIDES = re.compile(
    r"(?i)\b(?:reimbursable|allowable|eligible)\s*(?:/|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*"
    r"(?:non[-\s]?|un|in|not\s+)(?:reimbursable|allowable|eligible)\b|"
    r"\b(?:non[-\s]?|un|in)(?:reimbursable|allowable|eligible)\s*(?:/|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*"
    r"(?:reimbursable|allowable|eligible)\b|"
    r"\bnot\s+(?:be\s+)?(?:paid|reimbursed)\s+in\s+advance\b"
)


def is_negative(text: str) -> bool:
    return NEGATIVE.search(_BOTH_SIDES.sub(" ", text)) is not None


def known_kinds(text: str) -> list[ExcludedKind]:
    hits = []
    for kind in EXCLUDED:
        positions = [m.start() for t in (*kind.triggers, *kind.keywords) if (m := find_term(text, t))]
        if positions:
            hits.append((min(positions), kind))
    hits.sort(key=lambda h: h[0])
    return [k for _, k in hits]


# Expense kinds a travel policy pays for: a keyword that is only such a word ("airline tickets",
# "hotel") would decline every ordinary invoice of the kind, so it needs a qualifier
# ("parking permits") to be an item.
_CORE = frozenset(k.name for k in KINDS if k.parent == TRAVEL or k.name in (TRAVEL, "meals", "hotel", "fuel"))
_ITEM_GENERIC = frozenset(
    [
        "tickets",
        "ticket",
        "fare",
        "fares",
        "ride",
        "rides",
        "trip",
        "trips",
        "bill",
        "bills",
        "expense",
        "expenses",
        "cost",
        "costs",
        "charge",
        "charges",
        "fee",
        "fees",
        "rental",
        "rentals",
        "portion",
        "booking",
        "bookings",
        "stay",
        "stays",
        "use",
        "travel",
    ]
)


def _names_a_category(phrase: str) -> bool:
    mentions = find_mentions(phrase)
    if not any(m.kind in _CORE for m in mentions):
        return False
    rest = phrase
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        rest = rest[: m.start] + " " + rest[m.end :]
    return not [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _ITEM_GENERIC and w not in _GENERIC]


# "names and organizations Comply with ...": a capital after a lower-case word inside an English
# phrase is where the text layer ran two lines (list items) together, not one item's name.
_GLUED = re.compile(r"\b[a-z]{2,}\s+[A-Z][a-z]")


_LINE_START = re.compile(r"\b([a-z]{2,})\s+([A-Z][a-z])")
_FUNCTION_WORDS = frozenset(
    [
        "of",
        "the",
        "for",
        "to",
        "by",
        "at",
        "in",
        "on",
        "with",
        "and",
        "or",
        "an",
        "from",
        "as",
        "per",
        "via",
        "into",
        "than",
        "under",
        "over",
        "about",
        # German capitalises every noun: "Kinderbetreuung und Zeitschriften" is one line.
        "und",
        "oder",
        "für",
        "von",
        "mit",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "sowie",
        "en",
        "van",
        "voor",
        "met",
        "het",
    ]
)


# Words that never name an excluded thing on their own: pronouns, determiners, "etc.".
_NOT_NOUNS = frozenset(
    [
        "these",
        "those",
        "this",
        "that",
        "they",
        "them",
        "it",
        "its",
        "such",
        "which",
        "what",
        "who",
        "others",
        "something",
        "anything",
        "everything",
        "all",
        "none",
        "both",
        "each",
        "either",
        "neither",
        "same",
        "etc",
        "above",
        "below",
        "following",
        "listed",
        "use",
        "portion",
        "part",
        "amount",
        "number",
        "type",
        "kind",
        "way",
        "time",
        "case",
        "basis",
        "comprehensive",
        # Means of paying and what befalls things, not things bought: "cash" is on every receipt,
        # "loss" in every car rental's "loss damage waiver".
        "cash",
        "money",
        "loss",
        "damage",
        # People, never things bought: "such as spouses, children or friends" says whose costs are
        # not paid; "children" alone would decline a children's menu.
        "children",
        "child",
        "kids",
        "friends",
        "friend",
        "relatives",
        "family",
        "families",
        "guests",
        "guest",
        "partners",
        "partner",
        "dependents",
        "dependants",
        "visitors",
        "colleagues",
    ]
)
# Heads of process nouns: "cash advances", "travel exceptions", "expense reports" name no bought item.
_PROCESS_HEAD = re.compile(
    r"(?i)\b(?:advances?|exceptions?|requests?|reports?|forms?|accounts?|cards?|payments?|"
    r"reimbursements?|approvals?|rates?|amounts?|funds?|budgets?|methods?|process(?:es)?|procedures?|"
    r"options?|numbers?|persons?|people|individuals?|policy|policies|rules?|purposes?|reasons?|"
    r"documentation|status|arrangements?|transactions?|"
    # Who decides or pays, never what is bought: "the department", "the university".
    r"departments?|universit(?:y|ies)|compan(?:y|ies)|organi[sz]ations?|divisions?|units?|teams?|"
    r"managers?|supervisors?|employers?)$"
)
# "(will be) made for X", "paid for X": the words of a passive sentence before its object.
_LEAD_VERB = re.compile(
    r"(?i)^\s*(?:(?:will|shall|can|may)\s+)?(?:be\s+)?(?:made|paid|given|issued|provided|allowed|granted|"
    r"claimed)\s+(?:for|to|on|towards)\s+"
)
_PARTICIPLE_TAIL = re.compile(
    r"(?i)(?:\s+(?!(?:bed|feed|seed|need|speed|shed|red)\b)[a-z]{3,}ed|\s+etc)+\s*$"
)


# Adjective and participle endings: a word that qualifies a noun rather than names a thing.
_MODIFIER = re.compile(r"(?i)(?:able|ible|al|ic|ive|ous|ful|less|ed|en|-star|^lost)$")


def _elided(text: str) -> list[str]:
    """Enumerated parts without a lone modifier whose noun is the next part's: in "lost or stolen
    articles", "charitable or political contributions", "life or baggage insurance" the first word
    names nothing alone (English coordination leaves the shared noun to the last conjunct)."""
    pieces = re.split(f"(?i)({_PARTS.pattern.removeprefix('(?i)')})", text)
    parts, seps = pieces[0::2], pieces[1::2]
    for k in range(len(parts) - 1):
        nxt = parts[k + 1].split()
        alone = _DROP.sub("", parts[k].strip()).split()
        if (
            len(alone) == 1
            and not known_kinds(alone[0])
            and seps[k].strip().lower() in ("or", "and")
            and (
                (_MODIFIER.search(alone[0]) and 2 <= len(nxt) <= 3)
                # "Life or travel accident insurance": the shared head is a kind the lexicon knows,
                # whose rule covers both conjuncts; "life" alone would hit any "Lifestyle" line.
                or (2 <= len(nxt) <= 5 and known_kinds(parts[k + 1]) and not find_mentions(alone[0]))
            )
        ):
            parts[k] = ""
    return parts


# Heads that name no bought thing: a phrase ending in one is a keyword only when a word before it
# is a thing the lexicon knows ("cancellation fees", "rideshare categories"), never on its own
# ("streaming services" would decline any "service" line it is near; "personal days" names a time).
_GENERIC_HEADS = frozenset(
    [
        "expense",
        "expenses",
        "cost",
        "costs",
        "item",
        "items",
        "charge",
        "charges",
        "fee",
        "fees",
        "service",
        "services",
        "travel",
        "trip",
        "trips",
        "employee",
        "employees",
        "staff",
        "approval",
        "approvals",
        "receipt",
        "receipts",
        "policy",
        "activity",
        "activities",
        "purpose",
        "purposes",
        "business",
        "thing",
        "things",
        "matter",
        "matters",
        "category",
        "categories",
        "type",
        "types",
        "purchase",
        "purchases",
        "goods",
        "products",
        "materials",
        "usage",
        "time",
        "days",
        "reasons",
        "requirements",
        "benefits",
        "programs",
        "circumstances",
        "situations",
        "arrangements",
        # "the employee's personal convenience, such as upgrades": a reason, the examples are things.
        "convenience",
        "comfort",
        "preference",
        "preferences",
    ]
) | frozenset(
    # When and where, never what: "weekends", "personal vacation", "the home city" name a time or
    # a place; "hotel nights" or "home office" (a concrete word before the head) stay phrases.
    re.findall(
        r"\w+",
        "weekend weekends holiday holidays vacation vacations day night nights week weeks month months "
        "year years hour hours evening evenings morning mornings period periods date dates home campus "
        "office offices city cities country countries abroad overseas location locations destination "
        "destinations area areas region regions site sites premises residence residences",
    )
)
_LEADING_QUALIFIER = re.compile(r"^(?:\d+[-\s]*(?=[^\W\d_])|[A-Z]{2,5}\s+(?=[a-z]))")
_WORD = re.compile(r"[^\W\d_][\w'&.-]*")


def _known(word: str) -> bool:
    """A word the lexicon knows: an expense kind or an excluded kind."""
    return bool(find_mentions(word) or known_kinds(word))


def _proper_name(raw: str) -> bool:
    """A name, not a thing: a capitalised or all-capital word past the first that the lexicon does
    not know ("Travel Management Office", "ASU business"), or a phrase of capitalised words only
    ("New Path"). Sentences and list items capitalise their first word, so it alone says nothing."""
    words = _WORD.findall(raw)
    if any(w[0].isupper() and not _known(w) for w in words[1:]):
        return True
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not all(_known(w) for w in words)


# Words that qualify rather than name: "personal", "additional", "unnecessary".
_QUALIFYING = re.compile(
    r"(?i)(?:able|ible|al|ic|ive|ous|ful|less|ed|ary|ory)$|^(?:extra|excess|other|non|such)$"
)


# A phrase that ends in an adjective ("meals considered excessive" cut to "meals excessive") has no
# noun head: only unambiguous adjective endings, since "-al"/"-ary" end nouns too (rental, library).
_QUALIFYING_HEAD = re.compile(
    r"(?i)(?:\w{3}(?:able|ible|ous|ful|less)|\b(?:additional|personal|excessive|unnecessary|extravagant|lavish|"
    r"unreasonable|other|extra|excess|such|similar|related|unrelated|various|miscellaneous))$"
)


def _vague(phrase: str) -> bool:
    """A phrase whose head names no bought thing ("services", "days") and no word before it a
    thing either: "personal days", "additional costs" are vague; "limousine services" is not."""
    words = phrase.split()
    if len(words) == 1 and _QUALIFYING.search(words[0]) and not _known(words[0]):
        return True  # "Additional (costs)": a qualifier left alone once the generic head is cut
    if not words or words[-1] not in _GENERIC_HEADS:
        return False
    return not any(
        _known(w) or not (w in _GENERIC_HEADS or w in _GENERIC or w in _NOT_NOUNS or _QUALIFYING.search(w))
        for w in words[:-1]
    )


def _starts_word(text: str, keyword: str) -> bool:
    words = [re.escape(w) for w in re.split(r"[\s-]+", keyword.lower()) if w]
    return re.search(r"(?<![^\W\d_])" + r"[\s-]*".join(words), text.lower()) is not None


_BARE_NOUN = re.compile(r"(?i)^[\s-]*([^\W\d_]{3,})")


def _kind_keywords(kind: ExcludedKind, part: str) -> tuple[str, ...]:
    """The kind's bill keywords, when the policy names it by a word they find. Named only by a word
    with another sense on bills ("spa": a mineral water; "smoking": "non-smoking room"), the kind
    keeps that word with the noun after it ("spa visits"), which is safe; with no noun after it,
    the words the rule would match are not the ones the policy wrote, so no rule comes of it."""
    if any(_starts_word(part, k) for k in kind.keywords):
        return kind.keywords
    phrases: list[str] = []
    for trigger in kind.triggers:
        m = find_term(part, trigger)
        nxt = _BARE_NOUN.match(part[m.end() :]) if m else None
        if m and nxt and nxt.group(1).lower() not in _FUNCTION_WORDS and not _PARTS.fullmatch(nxt.group(1)):
            phrases += _phrase_keywords(f"{m.group(0)} {nxt.group(1)}".lower())
    return (*dict.fromkeys(phrases), *kind.keywords) if phrases else ()


def _phrase_keywords(phrase: str) -> tuple[str, ...]:
    """The phrase, and its singular when the head is a plain plural: keywords match the start of
    a word, so "luxury vehicle" finds "Luxury Vehicle Rental" and "luxury vehicles" alike."""
    head = phrase.rsplit(" ", 1)[-1]
    if len(head) > 4 and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        singular = phrase[: -len(head)] + (head[:-3] + "y" if head.endswith("ies") else head[:-1])
        return (phrase, singular)
    return (phrase,)


def find_exclusions(subject_text: str) -> list[ExclusionFinding]:
    """Exclusions named in the subject of a negative sentence (or a bullet under an exclusion lead).

    Each enumerated part is a lexicon kind, or else its own words; parts naming an expense category
    ("fuel expenses are not reimbursable") are no item exclusion: they mean the category is not covered.
    """
    if _PROCESS.search(subject_text) and not known_kinds(subject_text):
        return []
    text = re.sub(r"\([^)]*\)", " ", subject_text)
    out: dict[str, ExclusionFinding] = {}
    for part in _elided(text):
        if re.search(rf"(?i)\s(?:{_PAST_LIMIT.pattern})\b", part):
            continue  # "tips in excess of 20 percent": a cap on the item, not its exclusion
        kinds = known_kinds(part)
        for kind in kinds:
            # Item words come from the curated lexicon only: a policy's "spa" must not hit "Spa rood".
            found = _kind_keywords(kind, part)
            if found:
                out[kind.name] = ExclusionFinding(kind.name, found)
        if kinds or _PROCESS.search(part):
            continue
        if re.match(
            r"(?i)\s*(?:(?:expenses?|costs?)\s+(?:for|of)\s+)?(?:the\s+|any\s+|all\s+)?other\b", part
        ):
            continue  # "other office supplies": the rest of something said before, no thing of its own
        raw = _TAIL.sub("", _DROP.sub("", _LEAD_VERB.sub("", part.strip(" .:;-\"'")))).strip(" .:;-\"'")
        # "service charges added by the hotel": a participle closes the noun phrase, not names it.
        raw = _TAIL.sub("", _PARTICIPLE_TAIL.sub("", raw)).strip(" .:;-\"'")
        # "15-passenger vans": the count qualifies the noun; "UM parking permits": so does a
        # leading acronym naming the issuer.
        raw = _LEADING_QUALIFIER.sub("", raw)
        if _proper_name(raw) or _vague(raw.lower()) or _QUALIFYING_HEAD.search(raw):
            continue
        phrase = raw.lower()
        words = phrase.split()
        if (
            1 <= len(words) <= 3
            and not set(words) <= _NOT_NOUNS
            and not _PROCESS_HEAD.search(phrase)
            and not _GLUED.search(raw)
            and len(phrase) >= 3
            and phrase not in _GENERIC
            and not re.search(r"\d", phrase)
            and not _names_a_category(phrase)
        ):
            out.setdefault(phrase, ExclusionFinding(phrase, _phrase_keywords(phrase), 0.7))
    return list(out.values())


# "X will not reimburse Y", "X does not pay for Y": the excluded thing is the object, never the
# subject (a company or person's name).
_ACTIVE = re.compile(
    r"(?i)(?:(?:do|does|will|shall|can|would|may)\s*(?:not|n't)|won't|never)\s+(?:\w+\s+){0,5}?"
    r"(?:reimburse|pay\s+for|pay(?=\s+(?:include|includes|are)\b)|cover|bear\s+the\s+cost\s+of|accept)\b|"
    r"(?:cannot|can\s*not|can't|cant|not\s+able\s+to|unable\s+to)\s+"
    r"(?:reclaim\b|claim\s+(?:any\s+)?reimbursement\s+for\b)|"
    # "It is prohibited to reimburse the cost of alcoholic beverages with public funds."
    r"\b(?:is|are)\s+(?:prohibited|forbidden|not\s+permitted)\s+to\s+(?:reimburse|pay\s+for)\b|"
    # "Reimbursement will not be allowed for X", "Reimbursement is not made for X": the passive
    # refusal names its object after "for", as the active "will not reimburse X" does.
    r"\b(?:reimbursement|payment)s?\s+(?:(?:will|shall|can|may)\s*not\s+be|(?:is|are)\s+not)\s+"
    r"(?:made|allowed|provided|given|granted)\s+for\b"
)
# "..., or room service except as noted elsewhere in this policy": a pointer to the exceptions the
# policy grants, as "unless approved" is; the items stay refused.
_EXCEPT_NOTED = re.compile(
    r"(?i)\s*,?\s*except\s+as\s+(?:noted|provided|stated|specified|described|allowed)\s+"
    r"(?:elsewhere|below|above|herein|in\s+this)\b.*$"
)
# Who is paid, and qualifiers that follow the excluded thing ("for X that are available at ...").
_RECIPIENT = re.compile(
    r"(?i)^\s*(?:(?:the|its|any|an?)\s+)?(?:employees?|travell?ers?|staff|individuals?|faculty|students?|"
    r"persons?|you|them)(?:'s)?\s+(?:for\s+)?"
)
# "Tips above 20%", "alcohol in excess of $50", "Trinkgelder über 10 % hinaus": only the part past a
# limit is refused, so the item itself is paid up to it (a cap, not an exclusion).
_PAST_LIMIT = re.compile(
    r"in\s+excess\s+of|above|beyond|exceed\w*|over(?=\s+(?:and\s+above|the\b|an?\b|[$€£\d]))|(?:more|greater|higher)\s+than|"
    r"über|au-delà|au-dessus|en\s+sus|por\s+encima|superior(?:es)?\s+a|oltre|eccedent\w*|boven|meer\s+dan"
)
_QUALIFIER = re.compile(
    r"(?i)\s+(?:if|unless|when|while|where|whether|that|which|who|due\s+to|except|given|obtained|"
    r"incurred|not\s+(?:\w+\s+)?related|related\s+to|regardless|paid\s+for|taken|used|purchased|between|as\s+well|involving|accompanying|"
    # The same conditions in other languages: "een dienstreis korter dan vier uur", "wenn ...",
    # "sauf ...", "salvo ...", "se ...": the item is excluded only then.
    r"als|indien|wanneer|tenzij|korter\s+dan|langer\s+dan|minder\s+dan|bij|wenn|falls|sofern|soweit|außer|"
    r"si|sauf|lorsque|salvo|cuando|excepto|se|tranne|qualora|exceto|desde\s+que|"
    + _PAST_LIMIT.pattern
    + r")\b.*$"
)


_DESCRIPTIVE = re.compile(
    r"(?i)\s+(?:while|between|incurred|related\s+to|regardless|taken|during|as\s+well|accompanying|"
    # "any alcohol purchased, and ...": a participle with nothing after it narrows nothing.
    r"(?:purchased|bought|used|obtained)(?=\s*(?:[,;.]|$)))\b.*$"
)


_UNLESS_APPROVED = re.compile(
    r"(?i)\s*,?\s*unless\s+(?:\w+\s+){0,3}?(?:pre-?)?(?:approved|authori[sz]ed)\b.*$"
)


# Words that open a condition under which an item is refused: English, and the same words in
# German, French, Spanish, Italian, Portuguese and Dutch. "si", "se" and "als" also mean "yes",
# "oneself" or "as", so they open a condition only after a comma or a parenthesis.
_CONDITION_WORD = (
    r"(?:only\s+)?(?:if|when|whenever)|unless|except|provided\s+that|"
    # "... are reimbursable with state funds" (US public universities): refused on one funding source.
    r"(?:with|from|on|using)\s+(?:state|federal|public|grant|sponsored|appropriated)\s+funds?|"
    r"(?:for|on)\s+(?:trips?|stays?|travel|journeys?)\s+(?:under|of\s+(?:less|more|fewer)|shorter|"
    r"longer|less|more|fewer|over|lasting)|"
    r"wenn|falls|sofern|soweit|außer|ausser|es\s+sei\s+denn|sauf|lorsque|à\s+moins\s+que|salvo|cuando|"
    r"excepto|a\s+menos\s+que|tranne|qualora|exceto|desde\s+que|quando|indien|wanneer|tenzij"
)
_PAREN_CONDITION = re.compile(r"(?i)\(\s*((?:" + _CONDITION_WORD + r"|si|se|als)\b[^)]*)\)")
_TRAILING_CONDITION = re.compile(
    r"(?i)(?<=[^\W\d_])(?:\s*,\s*(?:" + _CONDITION_WORD + r"|si|se|als)|\s+(?:" + _CONDITION_WORD + r"))\b"
)
_LEADING_CONDITION = re.compile(r"(?i)^\W*((?:" + _CONDITION_WORD + r"|si|se|als)\b[^,]{3,}),\s*(?=\S)")


def split_condition(text: str) -> tuple[str, str]:
    """The text without the condition under which it refuses an item, and that condition in
    words ("" when there is none): "Laundry (if the trip is under five days)", "Laundry charges,
    unless the stay is 5 days or more", "If the trip is short, laundry is not paid". "Unless
    approved" is no condition of the item: an exception a reviewer grants (it stays excluded)."""
    if _UNLESS_APPROVED.search(text):
        return text, ""
    m = _PAREN_CONDITION.search(text)
    if m:
        return f"{text[: m.start()]} {text[m.end() :]}".strip(), _words(m.group(1))
    m = _LEADING_CONDITION.match(text)
    if m and re.search(r"[^\W\d_]", text[m.end() :]):
        return text[m.end() :], _words(m.group(1))
    m = _TRAILING_CONDITION.search(text)
    if m is None:
        return text, ""
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" ,"))
    end = len(text)
    # "Laundry, unless the stay is long, is not reimbursed": the sentence's verb is no condition.
    verb = NEGATIVE.search(text, start)
    if verb is not None:
        comma = text.rfind(",", start, verb.start())
        end = comma if comma > start else verb.start()
    condition = _words(re.split(r"[.;]\s", text[start:end], maxsplit=1)[0])
    if _NO_CONDITION.fullmatch(condition):
        return text, ""
    return f"{text[: m.start()]} {text[end:].lstrip(' ,')}".strip(" ,"), condition


# "Gifts, if any", "receipts when applicable": words of course, not a condition on the item.
_NO_CONDITION = re.compile(
    r"(?i)(?:if|when|where)\s+(?:any|applicable|appropriate|necessary|needed|possible)"
)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:.")


_GENERIC_OF = re.compile(
    r"(?i)^\s*(?:(?:the|any|all)\s+)?(?:(?:personal|additional)\s+)?"
    r"(?:use|usage|cost|costs|purchase|purchases|expenses?|charges?|fees?|rentals?|hire|tickets?)\s+(?:of|for|on)\s+(?=\S)"
)


def _unqualified(text: str) -> tuple[str, bool]:
    """The excluded thing without what qualifies it, and whether something did ("rides paid for
    with vouchers", "laundry if travel is under five nights"): a qualified item is excluded only
    under a condition, so it must not become a keyword that declines every such line."""
    text = re.sub(r"\([^)]*\)?", " ", text)
    # "... unless approved by an Executive Vice President": an exception a reviewer grants, so the
    # item stays excluded (as in sentences, see excluded_part).
    text = _UNLESS_APPROVED.sub("", text)
    cut = _QUALIFIER.sub("", text)
    # "Medical expenses while traveling", "commuting between home and campus": context, not a
    # condition that narrows the item.
    narrowed = cut != _DESCRIPTIVE.sub("", text) or (cut != text and not _DESCRIPTIVE.search(text))
    # "The use of X", "Charges for X": the excluded thing is what the generic noun is of.
    cut = _GENERIC_OF.sub("", cut, count=1)
    # "Gifts to friends or relatives": the enumeration is the preposition's, the item is "gifts".
    head, *rest = re.split(
        r"(?i)\s+(?:to|for|of|by|with|from|at|on|in|during|before|after)\s+", cut, maxsplit=1
    )
    # "Meals or travel for family members": when only what follows names an excluded kind, that is the item.
    if rest and known_kinds(rest[0]) and not known_kinds(head):
        return rest[0], narrowed
    return head, narrowed


# The same active refusal in other languages: "no reembolsará X", "ne rembourse pas X", "erstattet
# keine X", "não reembolsará X", "vergoedt geen X", "non rimborsa X"; the object follows the verb.
_ACTIVE_FOREIGN = re.compile(
    r"(?i)(?:\bno\s+re{1,2}mbolsa(?:r[áa]n?)?|\bne\s+(?:rembourse(?:ra)?|prend(?:ra)?)\s+pas(?:\s+en\s+charge)?|"
    r"\b(?:erstattet|übernimmt|ersetzt|bezahlt)\s+(?:keine?n?|nicht)|\bn[ãa]o\s+reembols(?:a|ar[áa]|ar[ãa]o)|"
    r"\bvergoedt\s+(?:geen|niet)|\bnon\s+rimborsa(?:no|r[àa]|ranno)?)\b"
)
# Who is (not) paid and the generic noun before the thing: "a los pasajeros por", "aux salariés",
# "Kosten für", "los gastos de", "les frais de", "de kosten van".
_FOREIGN_LEAD = re.compile(
    r"(?i)^\s*(?:(?:a|à|aux?)\s+(?:(?:los|las|les|la|el|os|as)\s+)?\w+\s+(?:por|para|pour|pelas?|pelos?)\s+|"
    r"(?:(?:die|den|los|las|el|les|le|la|de|het|os|as|o|i|gli|le)\s+)?(?:kosten|ausgaben|aufwendungen|gastos|costos?|costes?|"
    r"frais|dépenses|despesas|custos|spese|costi|uitgaven)\s+(?:für|de|des|du|van|di|per)\s+)"
)


def object_of(sentence: str) -> tuple[str, bool] | None:
    """What an active negative sentence says is not paid: the object after 'will not reimburse'."""
    m = _ACTIVE.search(sentence)
    if m is None:
        foreign = _ACTIVE_FOREIGN.search(sentence)
        if foreign is None:
            return None
        tail = re.split(r"[.;:]", sentence[foreign.end() :], maxsplit=1)[0]
        return _unqualified(_FOREIGN_LEAD.sub("", tail, count=1))
    # "Costs we do not cover include: X, Y and Z": the relative clause ends; the list is the object.
    rest = re.sub(r"(?i)^\s*(?:include|includes|are)\b(?:\s+the\s+following)?\s*:?", " ", sentence[m.end() :])
    tail = re.split(r"[.;:]", rest, maxsplit=1)[0]
    tail = re.sub(r"(?i)^\s*(?:,?\s*under\s+any\s+circumstances,?)\s*", " ", tail)
    tail = _RECIPIENT.sub("", tail)
    tail = re.sub(r"(?i)^\s*(?:\w+\s+){0,3}?(?:expenses?|costs?)\s+(?:for|of)\s+", "", tail)
    tail = _EXCEPT_NOTED.sub("", tail)
    items = re.split(r"(?i)\s*,\s*(?:(?:and|or)\s+)?", tail)
    if len(items) >= 3:
        # "alcohol, tips in excess of 20 percent, personal telephone calls, ... or room service": a
        # list whose items are qualified one by one; a tip past its limit is a cap, not the others'
        # condition.
        plain = [head for head, narrowed in map(_unqualified, items) if not narrowed and head.strip()]
        unlimited = [i for i in items if not re.search(rf"(?i)\s(?:{_PAST_LIMIT.pattern})\b", i)]
        if plain and len(unlimited) == len(plain):
            return ", ".join(plain), False
    return _unqualified(tail)


_EXAMPLES = re.compile(r"(?i)\b(?:such\s+as|e\.\s?g\.|for\s+(?:example|instance)|including)\s*:?(.+)$")


# A sentence printed among the items, not an item: an instruction ("For questions please get in
# touch with ..."), a pronoun or a linking adverb as subject ("this pertains to all employees",
# "These costs are included in ...", "Likewise, the university is not liable ..."), or a subject
# with a finite verb ("The nature of the meeting must be indicated ...", "Employees should carry").
_SENTENCE_ITEM = re.compile(
    r"(?i)\bplease\b|^\W*(?:this|it|they|we|you|these|those)\s+[a-z]|"
    r"^\W*(?:likewise|additionally|however|also|furthermore|moreover|otherwise|therefore)\s*,|"
    r"^\W*(?:the\s+)?(?:[^\W\d_]+\s+){0,4}?(?:must|should|shall|will|would|may|might|can|could)\s+"
    r"(?!not\b|never\b)(?:be\s+)?[a-z]+"
)


def list_item(text: str) -> tuple[str, bool]:
    """A list item under an exclusion lead-in: the excluded thing, and whether it is qualified."""
    if re.search(r"(?i)https?:|www\.|\bpage\s+\d+\s+of\s+\d+", text):
        return "", True  # a page footer the text layer put inside the list
    if _SENTENCE_ITEM.search(re.sub(r"\([^)]*\)", " ", text)):
        return text, True  # only the kinds the lexicon knows count in a sentence
    examples = _EXAMPLES.search(text)
    if examples and known_kinds(examples.group(1)) and not known_kinds(text[: examples.start()]):
        # "Costs incurred at home, such as childcare or pet care": a vague head whose examples are
        # the things the lexicon knows.
        return examples.group(1), False
    text = re.sub(r"\([^)]*\)", " ", text)
    # "Expenses of a spouse", "Expenses related to personal days", "Expenses incurred by spouses":
    # the item is what (or whose) they are.
    text = re.sub(
        r"(?i)^\s*(?:\w+\s+){0,2}?(?:expenses?|costs?)\s+(?:for|of|related\s+to|associated\s+with|incurred\s+by)\s+",
        "",
        text,
    )
    return _unqualified(text)


def short_item(item: str) -> bool:
    """A list item that names things, not a sentence: few words, or an enumeration of short names
    ("Airline or VIP club membership dues or one-day admission fees")."""
    parts = [p for p in _PARTS.split(item) if p.strip()]
    return len(item.split()) <= 8 or all(len(p.split()) <= 4 for p in parts)


_ATTRIBUTIVE = re.compile(r"(?i)(?:unallowable|non[-\s]?reimbursable|ineligible|non-?allowable)$")
_NOUN_FOLLOWS = re.compile(
    r"(?i)\s+(?!for\b|to\b|under\b|unless\b|if\b|when\b|and\b|or\b|in\b|on\b|by\b|at\b|as\b|because\b|"
    r"except\b|without\b|(?:expenses?|items?|costs?|charges?|purchases?)\s*(?:include|are|:))[^\W\d_]"
)


def excluded_part(sentence: str) -> tuple[str, bool]:
    """`subject_of`, with whether the excluded thing is qualified by a condition (or names nothing
    the lexicon knows, so that no keyword may come of it)."""
    part, qualified = stated_part(sentence)
    return part, qualified or not _names_a_thing(part)


def unknown_excluded_things(sentence: str) -> list[str]:
    """Things a negative sentence excludes outright that the lexicon does not know ("Limousine
    services are not reimbursable"): no keyword, but a reviewer should see them. Never a name, a
    generic phrase or a process."""
    if not is_negative(sentence):
        return []
    part, qualified = stated_part(sentence)
    if qualified or _names_a_thing(part):
        return []
    return [f.name for f in find_exclusions(part) if len(f.name.split()) >= 2]


def stated_part(sentence: str) -> tuple[str, bool]:
    """`subject_of`, with whether the excluded thing is qualified by a condition."""
    m = NEGATIVE.search(sentence)
    if m and _ATTRIBUTIVE.match(m.group(0)) and _NOUN_FOLLOWS.match(sentence[m.end() :]):
        return "", True  # "repayment of an unallowable card expense": an adjective, not a rule
    obj = object_of(sentence) if m else None
    if obj is not None:
        return obj
    subject = subject_of(sentence)
    if _PROCESS.search(subject) and not known_kinds(subject):
        return "", True  # about claiming ("transactions not accounted for timely"), not items
    part, qualified = _unqualified(subject)
    # "X is prohibited without prior authorization": excluded only under a condition.
    # "X is prohibited if ...": excluded only under a condition. ("... unless approved" is an
    # exception a reviewer grants: the item stays excluded.)
    after = sentence[m.end() :] if m is not None else ""
    conditional = re.search(r"(?i)\b(?:if|when|without)\b", after)
    # "Gratuities cannot be claimed as a separate reimbursement": paid within another item.
    separate = re.match(
        r"(?i)\s*(?:separately|in\s+addition|as\s+(?:an?\s+)?(?:additional|separate|extra))\b", after
    )
    # A bare "X are prohibited" (no word of paying) excludes an expense only when X is one.
    conduct = (
        m is not None
        and re.fullmatch(
            r"(?i)prohibited|not\s+(?:allowed|permitted)|(?:is|are)\s+not\s+(?:allowed|permitted)", m.group(0)
        )
        is not None
        and not find_mentions(part)
        and not known_kinds(part)
        and not re.search(r"(?i)reimburs|expens|claim|cost|pay|charge", sentence)
    )
    if conduct or separate:
        return "", True
    return part, qualified or bool(conditional)


def _names_a_thing(part: str) -> bool:
    """Whether a sentence's subject or object names something the lexicon knows is bought: a
    sentence names its excluded thing in words of its own (often a name or a situation), so its
    phrase is a keyword only then. List items under an exclusion heading need not: the policy
    itself lists them as things."""
    return bool(known_kinds(part)) or any(m.kind != TRAVEL for m in find_mentions(part))


def subject_of(sentence: str) -> str:
    """The part of a negative sentence naming what is excluded: the object of an active sentence
    ("We will not reimburse X"), else what precedes the negation ("X is not reimbursable"), or what
    follows a leading 'Not reimbursable:' / 'Exclusions:'."""
    m = NEGATIVE.search(sentence)
    if m is None:
        return sentence
    obj = object_of(sentence)
    if obj is not None:
        return obj[0]
    if m.group("nn"):
        return m.group("nn")
    if m.group("no"):
        return m.group("no")
    head, tail = sentence[: m.start()], sentence[m.end() :]
    # "... Economy rental vehicles Luxury vehicles, limousines ... are not reimbursable": list lines
    # the text layer ran together; the subject is the last line's ("for the Board" is a name).
    lines = [g for g in _LINE_START.finditer(head) if g.group(1).lower() not in _FUNCTION_WORDS]
    if lines:
        head = head[lines[-1].start(2) :]
    # "If a traveler prefers ..., the excess cost is not reimbursable": the subject follows the comma.
    if (
        re.match(r"(?i)\s*(?:if|when|where|although|unless|while|because|regardless|as|per|in)\b", head)
        and "," in head
    ):
        head = head.rsplit(",", 1)[1]
    # "Examples of non-reimbursable items are X, Y": the lead names no thing; the list follows.
    head = re.sub(r"(?i)^\s*(?:some\s+)?(?:examples|types|kinds)\s+of\s*$", "", head)
    tail = re.sub(
        r"(?i)^\s*(?:expenses?|items?|costs?|charges?|purchases?)\s*(?:include|are|:)\s*(?:the\s+following)?:?",
        " ",
        tail,
    )
    if _DROP.sub("", head).strip():
        return (
            head + " " + tail
            if re.match(r"\s*[:,-]?\s*(?:such as|like|e\.g\.|including)", tail, re.I)
            else head
        )
    # "Employees will not be reimbursed for X", "No reimbursement will be made for X": the thing
    # follows the negation.
    return re.sub(r"(?i)^\s*(?:for|of)\s+", " ", _LEAD_VERB.sub(" ", tail, count=1), count=1)


# A status column: "Reimbursable?", "Allowed", "Erstattungsfähig" — whose "No" cells exclude the row.
_STATUS_HEADER = re.compile(
    r"(?i)^\W*(?:reimbursable|allow(?:ed|able)|eligible|covered|claimable|erstattungsfähig|remboursable|"
    r"vergoed|reembolsable|rimborsabile|y\s*/\s*n|yes\s*/\s*no)\W*$"
)
_NO_CELL = re.compile(
    r"(?i)^\W*(?:no|non|nein|nee|✗|✘|x|not\s+(?:reimbursable|reimbursed|allowed|allowable|covered|eligible))\W*$"
)


def table_exclusions(table: tuple[tuple[str, ...], ...]) -> list[tuple[ExclusionFinding, str]]:
    """Exclusions a ruled table states, with the clause to cite: the cells of a column headed
    "Not reimbursable" / "Excluded" (one item per line of a cell), and the first cell of each row
    whose "Reimbursable?" column says no. Each item passes the list-item rules (qualified items
    and generic words give nothing)."""
    if len(table) < 2:
        return []
    header = [cell.strip() for cell in table[0]]
    out: list[tuple[ExclusionFinding, str]] = []
    for col, head in enumerate(header):
        negative = bool(head) and is_negative(head) and len(head.split()) <= 4
        status = bool(_STATUS_HEADER.match(head))
        if not (negative or status):
            continue
        for row in table[1:]:
            if col >= len(row) or not row[col].strip():
                continue
            if negative:
                items = [(line, f"{head}: {line.strip()}") for line in row[col].split("\n") if line.strip()]
            elif _NO_CELL.match(row[col]) and row[0].strip() and col:
                items = [(row[0], " | ".join(c.strip() for c in row if c.strip()))]
            else:
                continue
            for line, clause in items:
                bare, proviso = split_condition(line)  # "Laundry (trips under 5 days)": kept on the rule
                item, qualified = list_item(bare)
                if qualified or not short_item(item):
                    continue
                out += [(replace(f, condition=proviso), clause) for f in find_exclusions(item)]
    return out


_COLUMN_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")


def _spaced_cells(line: str) -> list[str]:
    """The cells of a line set in columns two or more spaces apart."""
    return [m.group(0) for m in _COLUMN_GAP.finditer(line.strip())]


def column_exclusions(text: str) -> list[tuple[ExclusionFinding, str]]:
    """Exclusions of a table the text layer set in spaced columns ("Reimbursable   Not reimbursable"
    over "Economy airfare   Seat upgrades"): a header line of two to four cells, one of them a
    short negative one, and the rows under it with as many cells, read as a ruled table is."""
    lines = text.split("\n")
    out: list[tuple[ExclusionFinding, str]] = []
    for i, line in enumerate(lines):
        head = _spaced_cells(line)
        if not 2 <= len(head) <= 4 or not any(is_negative(c) and len(c.split()) <= 4 for c in head):
            continue
        rows = [tuple(head)]
        for below in lines[i + 1 :]:
            cells = _spaced_cells(below)
            if len(cells) != len(head):
                break
            rows.append(tuple(cells))
        out += table_exclusions(tuple(rows))
    return out


_EXAMPLES_LEAD = re.compile(
    r"(?i)^\W*(?:(?:some\s+)?examples(?:\s+of\s+(?:these|such|which)(?:\s+\w+)?)?|these|this|they|such\s+\w+)\s+"
    r"(?:include|includes|are|would\s+be)\b(?:\s*,?\s*but\s+are\s+not\s+limited\s+to)?\s*:?"
)


def examples_of_previous(sentence: str, previous: str) -> list[ExclusionFinding]:
    """The examples of an exclusion stated in the sentence before ("Personal expenses are not
    reimbursed. Examples include golf and in-room movies."). Only kinds the lexicon knows: the
    sentence is prose, not a list the policy set out as items."""
    lead = _EXAMPLES_LEAD.match(sentence)
    if lead is None or not is_negative(previous) or is_negative(sentence):
        return []
    items = sentence[lead.end() :]
    names = {k.name for k in known_kinds(items)}
    return [f for f in find_exclusions(items) if f.name in names]


# "You cannot reclaim these items through expenses": the refused things are the examples the
# sentence before listed ("any purchases from the hotel (e.g. the mini bar, alcohol, gym fees)").
_POINTS_BACK = re.compile(
    r"(?i)\b(?:these|those|such|the\s+above|the\s+said)\s+(?:\w+\s+)?(?:items|expenses|costs|charges|purchases|things|extras)\b"
)


_REFUSED_ONLY_IF = re.compile(
    r"(?i)\b(?:without|unless|if|when|except|exceed\w*|above|beyond|more\s+than|in\s+excess|receipts?|"
    r"approv\w*|authori[sz]\w*|limits?|separately)\b"
)


def examples_pointed_back(sentence: str, previous: str) -> list[ExclusionFinding]:
    """The examples of the sentence before that a negative sentence refuses by pointing back to
    them. Only kinds the lexicon knows: the examples are prose, not items the policy set out."""
    if not is_negative(sentence) or not _POINTS_BACK.search(sentence) or is_negative(previous):
        return []
    if _REFUSED_ONLY_IF.search(sentence):
        return []  # "such expenses are not reimbursed without receipts": the items are paid otherwise
    listed = _EXAMPLES.search(re.sub(r"[()]", " ", previous))
    if listed is None:
        return []
    items = listed.group(1)
    names = {k.name for k in known_kinds(items)}
    return [f for f in find_exclusions(items) if f.name in names]

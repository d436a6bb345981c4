"""Caps in a policy sentence: "up to ₹3,000 per night", "capped at $50 per meal", "a daily allowance
of €40", "reimbursed at actuals subject to a ceiling of Rs. 1,500", "Hotel 3000/night" (a table row).

An amount is a cap when a cap phrase leads to it, when a unit follows it, or when the sentence is
about allowances/reimbursement; "above ₹5,000" is a threshold, unless the sentence says the part
above it is not reimbursed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch, find_amounts
from reimburse.adapters.heuristic.conditions import condition_spans
from reimburse.adapters.heuristic.durations import durations_in, labelled_by_hours
from reimburse.adapters.heuristic.exclusions import is_negative
from reimburse.adapters.heuristic.lexicon import ENGLISH_MEALS, UNIT_ADVERBS, UNIT_WORDS, meals_pattern
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.policy_currency import FRANC_WORDS
from reimburse.domain.verdict.policy import CapUnit, RuleType

_CAP = re.compile(
    r"(?i)(up\s*-?\s*to|upto|capped\s+(?:at|to)|cap\s+(?:of|is|at)|cap:|maximum(?:\s+of)?|max\.?|maks\.?|"
    r"not\s+(?:to\s+)?exceed(?:ing)?|shall\s+not\s+exceed|should\s+not\s+exceed|must\s+not\s+exceed|"
    r"cannot\s+exceed|can't\s+exceed|does\s+not\s+exceed|limit(?:ed)?\s+(?:of|to|is|at)|limit:|"
    r"ceiling(?:\s+of)?|subject\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|allowance(?:\s+of)?|"
    r"allowance\s+for\s+[^.;]{0,40}?\s+is|eligible\s+for|entitled\s+to|reimbursed\s+at|budget(?:\s+of)?|"
    r"per\s+diem(?:\s+of)?|rate\s+of|bis\s+zu|bis\s+maximal|\bbis\b|höchstens|maximal|tot\s+een\s+maximum\s+van|"
    r"tot\s+maximaal|maximaal|jusqu'?\s*à|plafonné(?:e|s)?\s+à|plafond\s+de|dans\s+la\s+limite\s+de|"
    r"hasta(?:\s+un\s+máximo\s+de)?|máximo(?:\s+de)?|fino\s+a|massimo(?:\s+di)?|"
    # "ne pourra excéder un forfait de 150 €", "no podrá exceder de", "non può superare", "ten hoogste".
    r"exc[ée]der(?:\s+un\s+forfait)?|n'exc[èe]den?t?\s+pas|\bsuperare|ten\s+hoogste|"
    # Italian "nel limite di", "entro il limite giornaliero di": the French "dans la limite de".
    r"(?:entro|nel|nei)\s+(?:il\s+|i\s+)?limit[ei](?:\s+(?:giornalier[oi]|massim[oi]))?\s+di)[\s\w.,()-]{0,12}$"
)
# "should not exceed four (4)": the legal habit of doubling a number in words with its figure in
# brackets; with no currency on either side it counts people or items ("fifty dollars ($50)" keeps
# its sign, "fifty (50) dollars" its currency word after the bracket).
_UNITS_IN_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_COUNT_IN_WORDS = re.compile(
    rf"(?i)\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{_UNITS_IN_WORDS}))?|"
    rf"{_UNITS_IN_WORDS}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|hundred|thousand)\s*\(\s*$"
)
_CURRENCY_AFTER_BRACKET = re.compile(r"(?i)\)\s*(?:dollars?|usd|euros?|eur|pounds?|gbp|cents?)\b")
# "The allowance for dinner is INR 800", "Meals: ₹500": a cap only in a sentence about money.
_WEAK_CAP = re.compile(r"(?i)(\bis|\bare|:)[\s\w.,()-]{0,12}$")
_ABOVE = re.compile(
    r"(?i)(above|over|exceed(?:s|ing)?|in\s+excess\s+of|more\s+than|greater\s+than|beyond|higher\s+than|"
    r"below|under|less\s+than|minimum(?:\s+of)?|at\s+least|starting\s+from|boven|über|au-delà\s+de|"
    r"plus\s+de|más\s+de|oltre|mehr\s+als|meer\s+dan|supérieur(?:e|s|es)?\s+à|superior(?:es)?\s+a|"
    r"superiori?\s+a|exceso\s+sobre)[\s\w.,()-]{0,12}$"
)
_NEGATED_ABOVE = re.compile(r"(?i)(not|no)\s+(?:be\s+)?(?:to\s+)?$")
# "Hotel charges in excess of $200 per night are not reimbursable": the part above is refused, so the
# amount caps the category (it is no exclusion of it), in the six languages the reader knows.
_EXCESS_REJECTED = re.compile(
    r"(?i)(not\s+(?:be\s+)?reimburs|non-?reimbursable|borne\s+by|employee'?s?\s+(?:own\s+)?(?:cost|expense|account)|"
    r"will\s+not\s+be\s+paid|excess\s+(?:will|shall|is)|disallowed|nicht\s+erstatt|niet\s+vergoed|non\s+rembours|"
    r"(?:travell?er|employee)'?s?\s+(?:own\s+|personal\s+)?responsibility|responsibility\s+of\s+the\s+"
    r"(?:travell?er|employee)|nicht\s+(?:\w+\s+)?(?:erstattet|übernommen)|(?:n'|ne\s+)\w+\s+pas\s+"
    r"(?:\w+\s+)?(?:rembours|pris\s+en\s+charge)|à\s+la\s+charge\s+d|no\s+(?:se\s+|ser[áa]n?\s+|es\s+|son\s+)?"
    r"reembols|a\s+cargo\s+del|non\s+(?:\w+\s+)?rimbors|a\s+carico\s+del|niet\s+(?:\w+\s+)?vergoed)"
)
_UNLESS_APPROVED = re.compile(
    r"(?i)\b(?:without|unless|except\s+with)\s+(?:\w+\s+){0,3}?(?:approv|authori[sz]|permission|consent)"
)
_ABOUT_MONEY = re.compile(
    r"(?i)(allowance|reimburs|limit|entitle|eligible|cap\b|capped|ceiling|budget|per\s+diem|maximum|exceed|vergüt|"
    r"max\b|up\s*to|vergoed|erstatt|rembours|reembols|rimbors|plafond|höchst|máximo|massimo|maximal|maximaal)"
)
# "full days of authorized travel", "an authorized traveler": the adjective says the trip is official
# business (US public bodies' usage); no approval of an amount, so no threshold or approver.
_AUTHORIZED = r"authori[sz](?!ed\s+(?:official\s+)?(?:travel|trips?|business|travell?ers?)\b)"
# "The approved rates are:", "the IRS approved per diem rates", "the approved amount": the rates
# the policy allows (Portland State, Sinclair, Santa Ana, Little Elm), no approval to ask for.
_APPROVED_FIGURE = r"(?!ed\s+(?:per\s+diem\s+)?(?:rates?|amounts?|allowances?|limits?)\b)"
_THRESHOLD = re.compile(
    r"(?i)(approv"
    + _APPROVED_FIGURE
    + r"|pre-?approv|receipt|bill\s+is\s+required|sign[- ]?off|justif|"
    + _AUTHORIZED
    + r"|"
    # "Ein Nachweis entfällt, wenn ... 70 Euro nicht überschreiten": when proof is needed, no limit.
    r"nachweis|\bbeleg|quittung|giustificativ|ricevut|bewijs|genehmig|autoris|autoriz)"
)

# Distance and year units are the policy reader's own: rates are paid per mile or km.
_POLICY_UNITS = {
    CapUnit.MILE: ("mile", "miles"),
    CapUnit.KM: ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "kilometro", "kilometer"),
    CapUnit.YEAR: ("year", "annum", "calendar year", "fiscal year", "jahr", "an", "año", "anno", "jaar"),
    # "$600 per stay": the whole stay of one trip, however many nights.
    CapUnit.TRIP: ("stay", "séjour", "aufenthalt", "estancia", "soggiorno", "verblijf"),
    # "bis 100 EUR pro Übernachtung", "por pernoctación": a night said as the overnight stay.
    CapUnit.NIGHT: ("übernachtung", "pernoctación", "pernottamento", "overnachting"),
    # "$35/pp for breakfast": "pp" is the menu's and caterer's "per person".
    CapUnit.MEAL: ("pp",),
}
# "40 € diarios", "40 € giornalieri", "mensuel": the per-unit adjectives of the other languages.
_ADVERBS = UNIT_ADVERBS | {
    w: unit
    for unit, words in (
        (
            CapUnit.DAY,
            "diario diaria diarios diarias giornaliero giornaliera giornalieri giornaliere quotidien "
            "quotidienne quotidiens tageweise diário diária diários diárias",
        ),
        (CapUnit.MONTH, "mensual mensuales mensile mensili mensuelle"),
        (CapUnit.YEAR, "anual anuales annuel annuelle annuale annuali jaarlijks"),
    )
    for w in words.split()
}
_UNIT_INDEX = {w: unit for unit, words in (*UNIT_WORDS.items(), *_POLICY_UNITS.items()) for w in words}
_UNIT_WORDS = "|".join(sorted(_UNIT_INDEX, key=len, reverse=True))
_PERSON_WORDS = ("person", "head", "cover", "pp")
_PER = re.compile(
    # A space after a word: "away" and "always" are no "a way" or "al ways".
    # "za" is the Polish "per": "38,00 zł za każdą dobę".
    # "pr." is the Danish and Norwegian "per": "kr. 1.000 pr. nat".
    rf"(?i)(?:/\s*|(?:\bper|\beach|\bevery|\bpro|\bpar|\bpor|\bal|\bje|\bpour|\bza|\bpr\.|\bfor\s+(?:each|every|one)|\ba|\ban)\s+)"
    rf"(?:[^\W\d_]+\s+(?:und\s+)?)?(?P<u>{_UNIT_WORDS})(?:s|es)?(?![^\W\d_])"
)
_DIRECT_UNIT = re.compile(rf"(?i)(?:/\s*|\S+\s+)(?P<u>{_UNIT_WORDS})(?:s|es)?(?![^\W\d_])")
_ARTICLE_UNIT = re.compile(rf"(?i)\b(?:an?|for\s+one)\s+(?:[^\W\d_]+\s+)?(?:{_UNIT_WORDS})\b")
_FOR_EACH = re.compile(
    rf"(?i)\b(?:for|on)\s+(?:each|every)\s+(?:full\s+|complete\s+)?(?P<u>{_UNIT_WORDS})(?:s|es)?(?![^\W\d_])"
)
_ADVERB = re.compile(
    r"(?i)(?<![^\W\d_])(" + "|".join(re.escape(a) for a in sorted(_ADVERBS, key=len, reverse=True)) + r")"
)


# "annual maximum", "annual travel allowance", "annual limit": English names a per-year limit with
# the adjective; "annual conference" is no limit's name, so only these nouns count.
_ANNUAL_LIMIT = re.compile(
    r"(?i)(?<![^\W\d_])annual\s+(?:travel\s+|reimbursement\s+)?(?:maximums?|limits?|allowances?|caps?|ceilings?)(?![^\W\d_])"
)
# A clause break or a negation between the annual name and the amount: the amount is another
# limit ("The annual limit does not apply to airfare, which is repaid up to $800", "Regardless of
# the annual cap, registration is repaid up to $400"). ", " and not "," alone, so the comma inside
# "$1,800" breaks nothing; a comma right before an amount is an apposition or a list ("the annual
# allowance, up to $2,000,", "$1,800 for two meetings, and $2,300 for three"), and "not to exceed"
# / "may not exceed" is how a limit is said.
_ANNUAL_GAP_BREAK = re.compile(
    r"(?i);|,\s(?!\s*(?:(?:and|or)\s+)?(?:up\s+to\s+|at\s+most\s+|of\s+)?[^\s\d]{0,3}\s?\d)"
    r"|(?<![^\W\d_])not(?![^\W\d_])(?!\s+(?:to\s+)?exceed|\s+(?:more|greater)\s+than|\s+over|\s+above)"
)


@dataclass(frozen=True)
class CapFinding:
    amount: AmountMatch
    unit: CapUnit | None
    person: bool  # "per person"/"per head": a meal unit only for meals
    strong: bool  # led by a cap phrase ("capped at"), not just "is" / ":" or a unit
    kind: RuleType = RuleType.LIMIT
    percent: bool = False  # a share of the bill ("tips up to 20%"), not money


# What a number is when it is not money: "4-star", "24/7", "50%", a page or form number, a URL.
_NOT_MONEY_AFTER = re.compile(r"(?i)^\s*(?:-?\s*stars?\b|/\s*7\b|%|percent|per\s*cent|\.\d|/\S|[-/]\d)")
_NOT_MONEY_BEFORE = re.compile(
    r"(?i)(?:\bpage|\bpage\s*\d+\s*of|\bsection|\bchapter|\bform|\bno\.?|#|/|\bpolicy|\bcode|\bext\.?|\bp\.|"
    r"\bversion|\bv\.?|\brev\.?|\b(?:19|20)\d\d\s*[-/]?|"
    # "Method 2 - Per Diem", "Option 1", "Step 3", "Schedule 4", "Appendix 2": an enumerated heading.
    r"\b(?:method|option|step|stage|phase|schedule|appendix|annex|article|clause|paragraph))\s*$"
)
# "omit $21.90 substitute $22.60": an amending instrument's edit of a text it does not print; the
# amounts are the old and the new words of that text, not a limit of their own.
_AMENDMENT = re.compile(r"(?i)\b(?:omit|substitute)\s*$")
# Both words make the edit: "may substitute $45 per day for actual meal costs" alone is a limit.
_AMENDMENT_PAIR = (re.compile(r"(?i)\bomit\b"), re.compile(r"(?i)\bsubstitute\b"))
# Other languages' "for example" and "as a rough guide" ("indicativamente € 40"): no limit either.
_EXAMPLE = re.compile(
    r"(?i)(e\.\s?g\.|for\s+example|for\s+instance|example:|such\s+as|\bi\.e\.,?\s+if|"
    r"\b(?:ad|per)\s+esempio|\bzum\s+Beispiel|\bz\.\s?B\.|\bpar\s+exemple|\bpor\s+ej(?:emplo|\.)|\bpor\s+exemplo|"
    r"\bbijvoorbeeld|\bbijv\.|\bindicativamente|\b(?:à|a)\s+t[ií]t(?:re|ulo)\s+indicati(?:f|vo))"
)
# "Gift in lieu of lodging $75 per stay", "Lodging Hospitality $100.00 Host/hostess gift allowance":
# the row names a gift to the host the traveller stays with; the lodging word is no hotel's limit.
# Only these two forms: "gift shop charges ... stay within $180 per night" is a hotel's limit.
_GIFT = re.compile(
    r"(?i)(?:^\W*|\s)(?:[^\W\d_][\w/-]*\s+){0,2}?gifts?\s+(?:in\s+lieu\s+of\s+lodging|allowances?)\b"
)
# "(i.e. your allowance for dinner does not become $35 if you skip lunch)": a case put in a bracket
# that opens "i.e."/"e.g." and supposes something ("if") illustrates the rule, as "i.e., if" does.
_BRACKET_CASE = re.compile(r"(?i)\(\s*(?:i\.\s?e\.|e\.\s?g\.),?\s[^()]*\bif\b[^()]*\)")


# "(i.e., $40 per day, or $25 per day if ...)": the amount that opens the bracket restates the rule,
# so it stays a limit; the case's own amounts after it stay examples.
_BRACKET_OPENING = re.compile(r"(?i)\(\s*(?:i\.\s?e\.|e\.\s?g\.),?\s*")


def _bracketed_case(sentence: str, at: int) -> bool:
    """The amount at `at` sits inside such a bracketed case, after the bracket's opening words."""
    return any(
        m.start() < at < m.end() and not _BRACKET_OPENING.fullmatch(sentence, m.start(), at)
        for m in _BRACKET_CASE.finditer(sentence)
    )


_SUCH_AS_AMOUNT = re.compile(r"(?i)such\s+as(?:\s+[^\W\d_]+){0,2}\s*$")
_EXAMPLE_OPENING = re.compile(r"(?i)\W*(?:for\s+(?:example|instance)|example\s*\d*\s*:|e\.\s?g\.)")
# "For example, if ... $12 ... Conversely, if ... up to $20 ...": a sentence that opens with a
# connective of comparison goes on with the worked case before it.
_GOES_ON = re.compile(r"(?i)\W*(?:conversely|similarly|likewise|in\s+the\s+same\s+way|by\s+contrast)\s*,")


def opens_example(sentence: str) -> bool:
    """The sentence opens a worked case ("For example, ...", "E.g. ...")."""
    return _EXAMPLE_OPENING.match(sentence) is not None


def goes_on(sentence: str) -> bool:
    """The sentence opens by comparing itself with the one before ("Conversely, if ...")."""
    return _GOES_ON.match(sentence) is not None


# A heading that only says "Examples" ("Musterbeispiele", "Exemples", "Ejemplo 2"): worked cases
# under it print prices and payouts, not limits.
_EXAMPLE_HEADING = re.compile(
    r"(?i)\W*(?:[^\W\d_]*(?:beispiele?|examples?|exemples?|ejemplos?|esempi|esempio|voorbeelden|"
    r"voorbeeld|exemplos?))(?:\s*\d+)?\W*"
)
# "(3,57 € en 2018)", "($0.58 in 2023)": the value a reference figure had in a year, no limit.
_AS_OF_YEAR = re.compile(r"(?i)\s*(?:en|in|im|nel|em|für)\s+(?:19|20)\d\d\b")
# "Personal calls ... except to talk with family (for a max of $10)" under "Expenses not allowed":
# the amount bounds an exception to a refusal, not what the category may cost.
_EXCEPT_WORD = re.compile(r"(?i)\b(?:except|other\s+than|sauf|außer|excepto|salvo|tranne|behalve)\b")
# A cash advance, not "authorised in advance" or "advance booking" (beforehand).
_ADVANCE = re.compile(
    r"(?i)(?<!\bin\s)\badvances?\b(?!\s+(?:approval|authori[sz]ation|notice|booking|purchase|reservation))|"
    r"\bprepaid\b|\bpre-?payment|\bfloat\b"
)
_APPROVER = re.compile(
    r"(?i)(approv|" + _AUTHORIZED + r"|sign[- ]?off|\bmanager\b|\bdirector\b|\bdean\b|\bcfo\b|\bvp\b|\bceo\b|"
    r"department\s+head|\bsupervisor|\bchair\b|\bprovost|\bcontroller\b|\bpresident\b|"
    r"vice\s+president|\bchief\b|\bhead\s+of\b|receipts?\b|documentation\s+(?:is\s+)?required|"
    r"tax\s+report|\b1099\b|\bw-?2\b|insurance|coverage|deductible)"
)
_RATE_UNITS = (CapUnit.MILE, CapUnit.KM)
_WEEK_OR_QUARTER = re.compile(
    r"(?i)\s*(?:(?:per|each|every|a|/)\s*(?:calendar\s+)?(?:week|quarter)\b|(?:weekly|quarterly)\b|"
    # The same in the other languages periods.py reads ("pro Woche", "par trimestre", "a settimana").
    r"(?:pro|je|par|por|a|al|alla|per|/)\s*(?:woche|quartal|semaine|semana|settimana|trimestre|kwartaal)\b|"
    r"(?:wöchentlich|vierteljährlich|quartalsweise|hebdomadaire|trimestriel(?:le)?|semanal|trimestral|"
    r"settimanale|trimestrale|wekelijks|driemaandelijks)(?!\w))"
)
# "jusqu'à un maximum hebdomadaire de 450 $", "a weekly maximum of $300": the week said before.
_WEEKLY_BEFORE = re.compile(
    r"(?i)\b(?:weekly|hebdomadaire|wöchentliche[nrs]?|semanal|settimanale|wekelijkse?)\s+"
    r"(?:maximum|limit|cap|plafond|máximo|massimo|höchstbetrag)?\s*(?:of|de|di|von|van)?\s*$"
)
_PENCE = re.compile(
    r"(?i)(?<![\w.,])(\d{1,3}(?:\.\d{1,3})?)\s?p(?:ence)?\b(?=\s*(?:per|/|a)\s*(?:mile|km\b|kilomet))"
)
# The participles that say an amount is taken off, in the other languages the reader knows
# ("réduite", "ridotto", "descontado", "verminderd"); German's ("gekürzt", "in Abzug gebracht")
# follow the amount, so only they mark a German sentence's amount as a deduction wherever they stand.
_DEDUCTED_BEFORE = r"r[ée]duite?s?|minor[ée]e?s?|ridott[oaie]|decurtat[oaie]|reducid[oa]s?|descontad[oa]s?|verminderd|verlaagd"
_DEDUCTED_GERMAN = r"gekürzt|abgezogen|in\s+abzug\s+gebracht|zu\s+kürzen"
# "reduced by $15 when breakfast is provided", "less $12 for each meal": a deduction from an
# allowance; "the average rate was $145": a statistic. Neither caps anything.
_DEDUCTION = re.compile(
    r"(?i)\b(?:reduced|lowered|decreased|deducted|minus|less)\s+(?:by\s+)?(?:an?\s+)?$|"
    # "réduit de 5 €", "ridotto di", "reducido en", "verminderd met", "Abzug von": the same in the
    # other languages, the verb before the amount.
    rf"\b(?:{_DEDUCTED_BEFORE})\s+(?:de|di|en|met)\s+$|\b(?:déduction|detrazione|deducción|Abzug|Kürzung)\s+(?:de|di|von)\s+$"
)
# German puts the verb after it: "um 4,50 € verringert", "um einen Pauschbetrag von 4,50 Euro ...
# abgezogen", "in Abzug gebracht für das Frühstück 1,40 Euro".
_DEDUCTION_UM = re.compile(r"(?i)\bum\s+(?:(?:einen|den)\s+)?(?:pauschbetrag\s+von\s+)?$")
_DEDUCTION_VERB = re.compile(rf"(?i)\b(?:verringert|vermindert|reduziert|{_DEDUCTED_GERMAN})\b")
# The deduction word printed after the amount: "Frühstück 4,00 € Abzug", "5 € en moins", "korting".
_DEDUCTION_AFTER = re.compile(
    r"(?i)\s*(?:euros?|eur)?\s*(?:\)\s*)?(?:abzug\b|abzuziehen\b|kürzung\b|en\s+moins\b|de\s+(?:réduction|déduction|"
    r"descuento|desconto)\b|di\s+(?:riduzione|detrazione)\b|in\s+meno\b|aftrek\b|korting\b|minder\b(?!\s+dan))"
)
# An own contribution is the share the claimant bears ("Er geldt een eigen bijdrage van € 4,50",
# "Eigenanteil von 5 Euro", "an own contribution of £5"): what is not paid, never a limit.
_OWN_SHARE = re.compile(
    r"(?i)\b(?:eigen\s+bijdrage|eigenbijdrage|eigenanteil|eigenbeteiligung|selbstbeteiligung|selbstbehalt|"
    r"(?:own|personal)\s+contribution|co-?payment|participation\s+personnelle|reste\s+à\s+charge|"
    r"quota\s+a\s+carico|copago|egenandel|egenavgift)\b[^.;\d]{0,25}$"
)
# A list's lead-in that says its amounts are taken off ("ist das Tagegeld wie folgt zu kürzen:",
# "est réduite comme suit", "si riduce come segue"): its rows are deductions, no limits.
_DEDUCTION_LEAD = re.compile(
    rf"(?i)\b(?:{_DEDUCTED_BEFORE}|{_DEDUCTED_GERMAN}|si\s+riduce|se\s+reduce|"
    # The Nordic words: "Avdrag från traktamentet görs enligt följande:", "måltidstrekk", "fradrag".
    r"(?:måltids)?avdrag|(?:måltids)?trekk|fradrag|"
    # English announces the list after its verb: "the per diem shall be reduced as follows:".
    r"(?:reduced|deducted|lowered|decreased)\s+as\s+follows)\b"
)


def is_deduction_lead(text: str) -> bool:
    """Whether a lead-in line announces amounts to deduct (and not limits)."""
    return bool(text) and _DEDUCTION_LEAD.search(text) is not None and _CAP_WORDS.search(text) is None


# "accommodation with friends or relatives ... is $30.00 per night", "Private accommodation $20 per
# night", "staying with a relative, or other non-commercial lodging ... $40.00", "stays with family or
# friends or ... goes camping, a fixed daily allowance ... R221,00": what is paid when no hotel is
# used, in the same clause as the amount. It never bounds a hotel bill.
_PRIVATE_STAY = (
    r"(?i)(?:\b(?:stay(?:s|ing)?|accommodation|lodging|lodges?)\s+with\s+(?:an?\s+)?(?:family|friends?|relatives?)\b|"
    r"\bprivate(?:ly[- ]arranged)?\s+(?:accommodation|lodging)\b|\bstaying\s+privately\b|"
    r"\bnon-?commercial\s+(?:lodging|accommodation)\b|\bgoes\s+camping\b|"
    # The same stay in the other languages: "Coucher chez un parent ou un ami", "bei Verwandten",
    # "con familiares", "presso parenti", "bij familie".
    r"\bchez\s+(?:un|une|des)\s+(?:parents?|amis?|proches?)\b|\bbei\s+(?:verwandten|freunden|bekannten)\b|"
    r"\bcon\s+(?:familiares|amigos)\b|\bpresso\s+(?:parenti|amici)\b|\bbij\s+(?:familie|vrienden)\b)"
)
_PRIVATE_LODGING = re.compile(_PRIVATE_STAY + r"[^;.]*$")
# "up to $60 per night ... associated with staying in non-commercial accommodation": the same stay
# said after the amount, in the amount's own clause.
_PRIVATE_LODGING_AFTER = re.compile(r"(?i)[^;.]*?" + _PRIVATE_STAY.removeprefix("(?i)"))
# "Housestaff will receive approximately $350 per year": an estimate, and a limit is never one.
_APPROXIMATE = re.compile(r"(?i)\b(?:approximately|approx\.|roughly|an\s+estimated)\s*$")
_STATISTIC = re.compile(
    r"(?i)\b(?:average|median|typical(?:ly)?)\b(?:(?!max|limit|exceed|up\s+to|cap)[^.;$€£¥₹\d]){0,30}$"
)
# "126 $ à 138 $", "von 80 bis 100 Euro", "de 60 a 90 €", "da 50 a 80 €", "van 70 tot 90 euro": the
# same range in the other languages' words. The currency code stays upper case under (?i): "$40 a day
# $55" is no range.
_RANGE_JOIN = re.compile(r"(?i)\s*(?:[-–—]|to|and|à|bis|a|tot)\s*(?:[$€£¥₹]|(?-i:[A-Z]{3})\s?)?")
# "cents/mile", "¢/km": the one slash unit that makes cents a rate.
_SLASH_DISTANCE = re.compile(r"(?i)\s*/\s*(?:miles?\b|mi\b|km\b|kilomet)")
_BETWEEN = re.compile(r"(?i)\bbetween\s+\S*$")
# "Total $45.00", "Meal allowance total 91.50" under breakfast, lunch and dinner rows: the sum of
# the rows, not a limit of its own (a total that is one says so: "may not exceed $45 in total").
_TOTAL_ROW = re.compile(r"(?i)^\W*(?:[^\W\d_]+\s+){0,3}total\s*[:=\-–]?\s*$")
_NEGOTIATED = re.compile(
    r"(?i)\b(?:corporate|negotiated|preferred|contract(?:ed)?|company|group|conference|discounted)\s+"
    r"(?:hotel\s+|room\s+)?(?:rates?|prices?|tariffs?)\s*(?:of|is|are|at|:)?\s*(?:about|approximately|around)?\s*$"
)
_MATCHED_GIFT = re.compile(
    r"(?i)\bmatch(?:es|ed|ing)?\s+(?:\w+\s+){0,3}?(?:donations?|contributions?|gifts?|giving)\b"
)
# "Department chairs may approve expenses ... up to $1000.00": a role's approval authority (the
# active "may/can approve", "is authorized to approve"), no limit on what is reimbursed. The amount
# must bound what is approved ("up to", "not exceeding"): "a dean may approve a $12 meal allowance"
# grants the allowance, which is the limit.
_APPROVAL_AUTHORITY = re.compile(
    r"(?i)\b(?:may|can|(?:is|are)\s+(?:authori[sz]ed|permitted|allowed|empowered)\s+to)\s+(?:only\s+)?approve\b"
)
_APPROVAL_BOUND = re.compile(
    r"(?i)\b(?:up\s+to|not\s+(?:to\s+)?exceed(?:ing)?|under|below|less\s+than)\s*(?:[^\w\s]{1,3}|[A-Z]{3})?\s*$"
)
# "Reimbursements of $100.00 or less may be received ... via a petty cash reimbursement": the
# amount says which channel pays a claim, not how much of it is paid.
_PETTY_CASH = re.compile(r"(?i)\bpetty[- ]?cash\b")
# "cancellation penalties of $50 are not reimbursed": the price of a refused thing, no limit.
_PRICE_REFUSED = re.compile(
    r"(?i)^\s*(?:[^\W\d_]+\s+){0,3}?(?:are|is|will|shall|can|may)\s*(?:not|n't)\s+(?:be\s+)?"
    r"(?:reimburs|paid|covered|refunded|allowed)"
)
# "75% of the per diem of $60 on the first and last days": the $60 is the base a share is taken of,
# not a limit of its own under that sentence's condition.
_SHARE_OF = re.compile(
    r"(?i)\d\s*(?:%|percent\b|per\s*cent\b|prozent\b|pour\s*cent\b|por\s*ciento\b|per\s*cento\b)\s+"
    r"(?:of|du|de|des|der|von|del|della|dello|van)\b(?P<gap>[^.;,%\d]{0,40})$"
)
_PERCENT = re.compile(r"(?i)(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b)")
_TIP = re.compile(r"(?i)\b(?:tips?|tipping|gratuit(?:y|ies)|service\s+charge)\b")
_CAP_WORDS = re.compile(
    r"(?i)(maximum|max\.?|up\s+to|not\s+(?:to\s+)?exceed|no\s+more\s+than|limit|at\s+most|cap)"
)
# Per diems (GSA's M&IE, "daily allowance") are by convention paid as a flat amount without receipts.
_PER_DIEM = re.compile(
    r"(?i)per\s+diem|\bM&IE\b|daily\s+(?:allowance|rate)|subsistence\s+allowance|"
    # "pauschal 25 Euro", "forfait de 20 €", "importe a tanto alzato": a flat allowance.
    r"pauschal|pauschbetr|\bforfait|a\s+tanto\s+alzato|tarifa\s+plana"
)
# "may authorize a $15 day trip meal allowance": the amount is the allowance paid, whoever grants
# it; an approval word in the sentence does not make it a threshold.
ALLOWANCE_NAMED = re.compile(r"(?i)\s*(?:[^\W\d_][\w-]*\s+){0,4}?(?:allowance|stipend)s?\b")
_NO_RECEIPTS = re.compile(
    r"(?i)(?:no|without)\s+(?:\w+\s+)?receipts?|receipts?\s+(?:are\s+|is\s+)?not\s+(?:required|needed|available)|"
    r"receipts?\s+(?:are\s+|is\s+)?unavailable|"
    r"ohne\s+(?:\w+\s+)?(?:beleg|nachweis|quittung)|sans\s+(?:\w+\s+)?justificatif|"
    r"sin\s+(?:\w+\s+)?(?:justificante|recibo|factura)|senza\s+(?:\w+\s+)?(?:ricevut|giustificativ)|"
    r"zonder\s+(?:\w+\s+)?(?:bon|bewijs)"
)
# "Breakfast - $10.00 Lunch - $15.00", "Evening Meal £25": a meal of the day as the amount's own
# label (not "lunch and dinner $35", which pays both); its row is per meal whatever the sentence's
# "per diem" says.
_MEAL_LABEL = re.compile(
    rf"(?i)(?<![\w&/])(?<!and\s)(?<!or\s)(?:{meals_pattern(ENGLISH_MEALS)})"
    r"\s*(?:\([^()]{0,40}\))?\s*[:\-–]?\s*$"
)
_ROW_GAP = re.compile(r"[^.;:\d$€£¥₹]{1,50}[,;/]\s*")
_ALTERNATIVE = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*(?:/|\bor\b)\s*")
# "for a 24-hour period", "per calendar day": a day's amount wherever the sentence says it (group 1);
# "a complete period of 24 hours" only before the amount (after it, the words tell what an
# allowance covers: "An overnight allowance covers a period of 24 hours").
_DAY_PERIOD = re.compile(
    r"(?i)((?:24|twenty-four)[- ]hours?\s+period|calendar\s+day|full\s+day)|"
    r"\bperiod\s+of\s+(?:24|twenty-four)\s+hours\b"
)


def names_a_day(before: str) -> bool:
    """The words before an amount name a day as a period ("for a complete period of 24 hours")."""
    return _DAY_PERIOD.search(before) is not None


def _day_period(sentence: str) -> re.Match[str] | None:
    return next((m for m in _DAY_PERIOD.finditer(sentence) if m.group(1)), None)


# "rates prior to February 1, 2020 were $55 (Breakfast $11; ...)", "the previous rates were": what
# was paid before the current rates, printed beside them; it never caps today's claims.
_SUPERSEDED = re.compile(
    r"(?i)\b(?:(?:prior\s+to|before|until)\s+[^.;$€£¥₹]{0,25}?(?:19|20)\d\d\b[^.;$€£¥₹]{0,30}?|"
    r"(?:previous|former|old)\s+(?:[^\W\d_]+\s+){0,3}?(?:rates?|amounts?|allowances?)\b[^.;$€£¥₹]{0,30}?)"
    r"\b(?:were|was|used\s+to\s+be)\b|"
    # "Previously, the Comptroller set limits of $85/day ...", "Formerly, ...": the sentence tells the
    # old rule; "The limits were formerly $40" the same inside it.
    r"^\W*(?:previously|formerly|in\s+the\s+past)\s*,|\b(?:was|were)\s+(?:previously|formerly)\b"
)


_NOW = re.compile(r"(?i)\b(?:now|currently|today|at\s+present|presently)\b")


# "The suggested breakdown for meals is $12.00 for breakfast, $18.00 for lunch ...", "for guidance
# only": English for amounts that illustrate how an allowance may be spent, not what a claim may
# cost (as "indicativamente" and "à titre indicatif" in _EXAMPLE).
_GUIDE = re.compile(
    r"(?i)\b(?:suggested|recommended|indicative)\s+(?:[^\W\d_]+\s+)?(?:breakdown|split|allocation|apportionment)\b|"
    r"\b(?:for|as\s+a)\s+guid(?:ance|e)\s+only\b"
)


def labels_meal(before: str) -> bool:
    """The text before an amount ends with a meal of the day as its label ("Breakfast $20.50")."""
    return _MEAL_LABEL.search(before) is not None


def _reference(a: AmountMatch, before: str, after: str, money_text: bool) -> bool:
    if a.currency is not None:
        return bool(re.match(r"(?i)\s*-?\s*stars?\b", after))
    if _NOT_MONEY_AFTER.match(after) or _NOT_MONEY_BEFORE.search(before):
        return True
    if not a.has_decimals and 1900 <= a.value <= 2100:
        return True  # a year
    # In a policy that prints its money with a currency, a bare long number is an id, not money.
    return money_text and a.value >= 100_000


_ROUND_TRIP = re.compile(r"(?i)^\W*(?:(?:for|on|per)\s+(?:a|an|each|the)?\s*)?round[- ]?trip\b")


# "... without a receipt", "on presentation of a receipt": the receipt is how it is paid, no unit.
_RECEIPT_OBJECT = re.compile(
    r"(?i)\b(?:without|with|no|provide|submit|present(?:ation\s+of)?|show|attach|keep|obtain)\s*$"
)


# "R67,50 per full 24 hours", "max. € 30,00 (für 24 h)", "par 24 heures": a day counted from the
# departure, the way subsistence rules say it.
_PER_24_HOURS = re.compile(
    r"(?i)^\s*\)?\s*\(?\s*(?:per|for|each|every|für|pro|par|por)\s+(?:je\s+|each\s+|every\s+)?"
    r"(?:full\s+|complete\s+)?24[- ]?(?:hours?|hrs?\.?|h|stunden|heures|horas|ore)(?![^\W\d_])"
)


# "up to $1,300.00 over the fiscal year (July 1 - June 30)", "$500 during the academic year": a
# budget year said with "over" or "during" instead of "per" is the year the limit holds for.
_OVER_YEAR = re.compile(
    r"(?i)^\W*(?:over|during|within)\s+(?:the|a|an|any|one|each)\s+(?:fiscal|academic|calendar|school|budget)\s+"
    r"year(?![\w'’-])"
)


def _unit(text: str, pp: bool = True) -> tuple[CapUnit | None, bool]:
    m = next(
        (
            p
            for p in _PER.finditer(text)
            if not (re.match(r"(?i)an?\s", p.group(0)) and _RECEIPT_OBJECT.search(text[: p.start()]))
            and (pp or p.group("u").lower() != "pp")
        ),
        None,
    )
    if m is None:
        if _ROUND_TRIP.match(text):  # "$600 round trip": a fare for the whole journey
            return CapUnit.TRIP, False
        if _OVER_YEAR.match(text):  # "up to $1,300 over the fiscal year": per year
            return CapUnit.YEAR, False
        return None, False
    word = m.group("u").lower()
    # "58 cents per mile Round trip exceeds ...": a distance right after "per" is the unit, not one
    # further on that the optional word before a unit let the match reach ("pro Person und Nacht"
    # keeps its night).
    direct = _DIRECT_UNIT.match(m.group(0))
    if (
        direct
        and direct.end() < m.end("u") - m.start()
        and _UNIT_INDEX[direct.group("u").lower()] in _RATE_UNITS
    ):
        word = direct.group("u").lower()
    person = word in _PERSON_WORDS
    gap = len(text[m.end() :]) - len(text[m.end() :].lstrip(" ,"))
    then = _PER.match(text, m.end() + gap) if person else None
    if then is not None and then.group("u").lower() not in _PERSON_WORDS:
        # "$200 per person per night", "$50 per person per day": the limit is per night or day.
        return _UNIT_INDEX[then.group("u").lower()], False
    return _UNIT_INDEX[word], person


def unit_in(text: str) -> CapUnit | None:
    """The unit a header or cell names: "per night", "/day", "nightly", "Daily allowance"."""
    unit, _ = _unit(text)
    if unit is None and (adverb := _ADVERB.search(text)):
        unit = _ADVERBS[adverb.group(1).lower()]
    return unit


def find_caps(
    sentence: str, *, money_text: bool = False, context: str = "", following: str = ""
) -> list[CapFinding]:
    """Every money amount of a sentence with what it is: a limit, a rate, an approval or receipt
    threshold, an advance or an example. Counts and references (pages, star ratings, years, ids)
    are left out. `following`: the next clause's opening ("; no receipts are required"), which
    may say how a per diem is paid. `money_text`: the policy prints its amounts with a currency; `context`: the
    heading and lead-in the sentence sits under ("the maximum limit per person is:")."""
    # "Meals (domestic) - $75 per day": a dash with a space after it separates, it is no minus sign.
    amounts = [
        AmountMatch(-a.value, a.currency, a.start + 1, a.end, a.has_decimals)
        if a.value < 0 and re.match(r"[-–]\s", sentence[a.start : a.end])
        else a
        for a in find_amounts(sentence)
    ]
    # "45p per mile": British pence glued to the number, read only before a distance's unit.
    amounts = sorted(
        amounts
        + [
            AmountMatch(Decimal(m.group(1)) / 100, None, m.start(), m.end(), True)
            for m in _PENCE.finditer(sentence)
            if not any(a.start <= m.start() < a.end for a in amounts)
        ],
        key=lambda a: a.start,
    )
    for k in range(len(amounts) - 1):
        a, b = amounts[k], amounts[k + 1]
        if a.currency and b.currency is None and a.end == b.start:
            # "Band 1-2 $300": the sign read as the 2's suffix belongs to the 300 printed right after it.
            sign = CURRENCY_RE.search(sentence, amounts[k].start, a.end)
            if sign and sentence[sign.end() : b.start].strip() == "" and a.start < sign.start():
                cut = sentence[a.start : sign.start()].rstrip()
                amounts[k] = AmountMatch(a.value, None, a.start, a.start + len(cut), a.has_decimals)
                amounts[k + 1] = AmountMatch(b.value, a.currency, sign.start(), b.end, b.has_decimals)
    # "Breakfast $10-$15", "between $10 and $15": a range's lower end is no limit; its upper end
    # is the most paid, read with the words before the range.
    amounts = [
        a
        for k, a in enumerate(amounts)
        if not (
            k + 1 < len(amounts)
            and a.currency
            and amounts[k + 1].currency in (a.currency, None)
            and amounts[k + 1].value > a.value
            and _RANGE_JOIN.fullmatch(sentence[a.end : amounts[k + 1].start])
            and (
                sentence[a.end : amounts[k + 1].start].strip() != "and"
                or _BETWEEN.search(sentence, 0, a.start)
            )
        )
    ]
    # "Band 1-2 $300", "Tier 2 cities": a number inside a grade's or place's name is no money.
    named = [(lo, hi) for lo, hi in condition_spans(sentence) if not CURRENCY_RE.search(sentence[lo:hi])]
    amounts = [
        a for a in amounts if a.value > 0 and (a.currency or not any(lo <= a.start < hi for lo, hi in named))
    ]
    # "ab 8 bis 24h": a number of hours away is no money (and no row's boundary for the amount after it).
    hours = [(lo, hi) for lo, hi, _ in durations_in(sentence)]
    amounts = [a for a in amounts if a.currency or not any(lo <= a.start < hi for lo, hi in hours)]
    out: list[CapFinding] = []
    amending = all(w.search(sentence) for w in _AMENDMENT_PAIR)
    granted_list = _granted_list(sentence, amounts)
    # "$35/pp for dinner" is per person, "$0.10/pp" for copies per page: "pp" only beside a meal.
    meal_named = any(m.kind == "meals" for m in find_mentions(sentence))
    for i, a in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(sentence)
        before = sentence[max(lo, a.start - 70) : a.start]
        after = sentence[a.end : min(hi, a.end + 45)]
        leading_zero = re.search(r"(?<![\d.,])0[.,](\d{3,4})(?!\d)", sentence[a.start : a.end])
        if leading_zero and a.value >= 1:  # "$0.655 per mile" is no thousands grouping
            a = AmountMatch(Decimal("0." + leading_zero.group(1)), a.currency, a.start, a.end, True)
        franc = FRANC_WORDS.match(sentence, a.end) if a.currency is None else None
        if franc:  # "maximal 10 Franken pro Mahlzeit": the Swiss franc written out
            a = AmountMatch(a.value, "CHF", a.start, franc.end(), a.has_decimals)
            after = sentence[a.end : min(hi, a.end + 45)]
        cents = re.match(r"(?i)\s*(?:cents?\b|¢)", after) if a.currency is None else None
        if cents:  # "54.5 cents per mile": a rate in the policy's currency
            a = AmountMatch(a.value / 100, None, a.start, a.end + cents.end(), True)
            after = sentence[a.end : min(hi, a.end + 45)]
        if (
            a.currency is None
            and not cents
            and re.match(r"\s*(?!per\b|pr\.|for\b|and\b|or\b|in\b|on\b|each\b|a\b|an\b)[^\W\d_]", after, re.I)
        ):
            continue  # "2 meals", "30 days", "3 star": a count, not money
        if (
            a.currency is None
            and _COUNT_IN_WORDS.search(sentence, 0, a.start)
            and sentence[a.end : a.end + 1] == ")"
            and not _CURRENCY_AFTER_BRACKET.match(sentence, a.end)
        ):
            continue  # "not exceed four (4)": a count written out and then in figures, no money
        # "65.5 cents/mile": written in cents it is money, and "/mile" its unit, so the not-money
        # guards (a fraction, "/page", "/dollar") are skipped for a distance only.
        per_distance = cents is not None and _SLASH_DISTANCE.match(after) is not None
        if (not per_distance and _reference(a, before, after, money_text)) or _AS_OF_YEAR.match(
            sentence, a.end
        ):
            continue
        if amending and _AMENDMENT.search(before):
            continue  # the old or the new words of the amended text
        # "Private Auto 56 cents" under a "Rate per Mile" header: the header says the cents' unit.
        headed = unit_in(context) if cents and not _PER.match(after.lstrip(" :-")) else None
        if headed not in _RATE_UNITS:
            headed = None
        if a.currency is None and money_text and not _PER.match(after.lstrip(" :-")) and headed is None:
            continue  # bare numbers in a policy that writes its money with a currency
        unit, person = _unit(after, pp=meal_named)
        unit = unit or headed
        if unit is None and _PER_24_HOURS.match(sentence[a.end : a.end + 45]):
            unit = CapUnit.DAY  # "per full 24 hours": the 24 is read as a number of its own, so past `after`
        if unit is None and (_WEEK_OR_QUARTER.match(after) or _WEEKLY_BEFORE.search(before)):
            # "$300 per week": a running total over the week (periods.py), not the category's own
            # unit ("per meal" would let every meal of the week cost $300).
            unit = CapUnit.INVOICE
        own = sentence[lo:hi]
        strong = _CAP.search(before)
        cap_phrase = strong or _WEAK_CAP.search(before)
        weak = strong is None
        # "53,34 euros diarios", "€40 daily": an adverb right after the amount is its unit too.
        unit_follows = (
            headed is not None
            or _PER.match(after.lstrip(" :-")) is not None
            or re.match(r"\s*/\s*[^\W\d_]", after) is not None
            or _ADVERB.match(after.lstrip(" :-")) is not None
        )
        kind = _kind(sentence, own, before, unit)
        if kind is RuleType.LIMIT and _bracketed_case(sentence, a.start):
            kind = RuleType.EXAMPLE
        if kind is RuleType.LIMIT and (_GIFT.search(sentence, lo, a.start) or _GIFT.match(after)):
            kind = RuleType.REFERENCE  # a gift to a host who lodges the traveller, no lodging's limit
        if kind is RuleType.LIMIT and (
            (
                _APPROVAL_AUTHORITY.search(sentence, lo, a.start)
                and _APPROVAL_BOUND.search(sentence[lo : a.start])
            )
            or _PETTY_CASH.search(sentence)
        ):
            kind = RuleType.APPROVAL_THRESHOLD
        if kind is RuleType.LIMIT and (
            _PRIVATE_LODGING.search(sentence, lo, a.start)
            or _PRIVATE_LODGING_AFTER.match(sentence, a.end, hi)
        ):
            kind = RuleType.REFERENCE  # a flat allowance for staying with friends: no hotel's limit
        if kind is RuleType.LIMIT and strong is None and is_deduction_lead(context):
            kind = RuleType.REFERENCE  # rows under "Måltidsavdrag" (meal deductions): no limits
        if kind is RuleType.LIMIT and _OWN_SHARE.search(before):
            kind = RuleType.REFERENCE  # "een eigen bijdrage van € 4,50": the claimant's share, no limit
        if kind is RuleType.LIMIT and _DEDUCTION_AFTER.match(after):
            kind = RuleType.REFERENCE  # "Frühstück: 4,00 € Abzug": a list of deductions, no limits
        if (
            kind is RuleType.LIMIT
            and (old := _SUPERSEDED.search(sentence))
            and old.end() <= a.start
            and not _NOW.search(sentence, old.end(), a.start)  # "..., but they are now capped at $50"
        ):
            kind = RuleType.REFERENCE
        if kind is RuleType.LIMIT and _GUIDE.search(sentence, 0, a.start):
            kind = RuleType.EXAMPLE
        if _EXAMPLE_HEADING.fullmatch(context.strip()):
            kind = RuleType.EXAMPLE
        elif (
            kind is RuleType.LIMIT
            and (excepted := _EXCEPT_WORD.search(sentence, 0, a.start))
            and (is_negative(sentence[: excepted.start()]) or is_negative(context))
        ):
            kind = RuleType.REFERENCE
        if kind is RuleType.LIMIT and _TOTAL_ROW.match(sentence[lo : a.start]):
            kind = RuleType.REFERENCE
        above = _ABOVE.search(before)
        if kind is RuleType.LIMIT and strong is None and above is None and _PRICE_REFUSED.match(after):
            continue
        if kind is not RuleType.LIMIT:
            pass
        elif above and (cap_phrase is None or above.start() > cap_phrase.start()):
            if _NEGATED_ABOVE.search(before[: above.start()]):
                pass  # "not exceeding" is a cap
            elif not _EXCESS_REJECTED.search(sentence) or _UNLESS_APPROVED.search(sentence):
                # "Taxi fares over $100 are not reimbursed without prior approval": a threshold.
                if _APPROVER.search(sentence):
                    kind = RuleType.APPROVAL_THRESHOLD
                else:
                    continue
        elif cap_phrase is None or weak:
            about_money = _ABOUT_MONEY.search(sentence) or _ABOUT_MONEY.search(context)
            # "Breakfast $8 (in-state) / $10 (out-of-state)": the alternative of a limit is one too.
            # "$50 ($75 in major cities)": a bracket right after a limit gives the other row's limit.
            alternative = (
                bool(out)
                and out[-1].amount.end == lo
                and out[-1].kind is RuleType.LIMIT
                and (
                    _ALTERNATIVE.fullmatch(sentence[lo : a.start]) is not None
                    or re.fullmatch(r"\s*\(\s*", sentence[lo : a.start]) is not None
                )
            )
            # "Nuitée : 110 € à Paris, 80 € en province": after a limit and its place, the next row.
            gap = sentence[lo : a.start]
            row = (
                bool(out)
                and out[-1].amount.end == lo
                and out[-1].kind is RuleType.LIMIT
                and _ROW_GAP.fullmatch(gap) is not None
                and bool(condition_spans(gap))
            )
            if not (
                unit_follows
                or alternative
                or row
                or (
                    a.currency
                    and (
                        about_money
                        or _kind_label(before)
                        or _kind_after(sentence, a.start, after)
                        or (granted_list and _kind_for(after))
                        or _kind_set_at(sentence, a.start, unit_follows)
                        or _hours_row(before)
                    )
                )
            ):
                continue
            if _PER_DIEM.search(f"{context} {sentence}") and _NO_RECEIPTS.search(
                f"{context} {sentence} {following}"
            ):
                kind = RuleType.RATE  # a per diem paid without receipts is an allowance, not a cap
            elif not ALLOWANCE_NAMED.match(after) and (
                (_threshold_in(sentence, before) and not unit_follows)
                or (
                    unit is None
                    and _unwaived(_APPROVER, sentence[a.end : a.end + 45])  # "Directors: $300" is a role row
                    and not re.search(r"(?i)reimburs|allow", own)
                )
                # "Meals $25" under "Receipt requirements": the heading says what the row's amount is.
                # A header of claiming methods ("Without Itemized Receipt  With Itemized Receipt")
                # says how each column is paid, no receipt rule.
                or (
                    _unwaived(_THRESHOLD, context)
                    and not unit_follows
                    and not _ABOUT_MONEY.search(f"{sentence} {context}")
                )
            ):
                # "$1,001 to $5,000 - Department Head": a row of an approval matrix.
                kind = RuleType.APPROVAL_THRESHOLD
        elif _PER_DIEM.search(f"{context} {sentence}") and _NO_RECEIPTS.search(
            f"{context} {sentence} {following}"
        ):
            kind = RuleType.RATE  # "A per diem of $59 per day is paid without receipts": an allowance
        elif (
            _named_outside_method(_APPROVER, own)
            and unit is None
            and not re.search(r"(?i)reimburs|allow", own)
        ):
            # "Up to $1,000 - Direct Manager - 1 business day": an approval matrix row.
            kind = RuleType.APPROVAL_THRESHOLD
        if (
            unit is None
            and i + 1 < len(amounts)
            and _ALTERNATIVE.fullmatch(sentence[a.end : amounts[i + 1].start])
        ):
            # "$50 (domestic) or $75 (international) per day": the unit printed once serves both.
            nxt = amounts[i + 1].end
            unit, person = _unit(sentence[nxt : nxt + 45], pp=meal_named)
        adverb = _ADVERB.search(sentence) or _day_period(sentence)
        meal_row = _MEAL_LABEL.search(sentence[lo : a.start]) is not None
        if unit is None and adverb and not meal_row:
            unit = _ADVERBS.get(adverb.group(1).lower(), CapUnit.DAY)
        if (
            unit is None
            # the nearest annual name before the amount: an earlier one may be another clause's
            and (annual := next(reversed([*_ANNUAL_LIMIT.finditer(sentence, 0, a.start)]), None))
            and not (
                # Up to the amount's end, so a comma's lookahead sees the amount it stands before.
                (gap_break := _ANNUAL_GAP_BREAK.search(sentence, annual.end(), a.end))
                and gap_break.start() < a.start
            )
        ):
            # "the annual maximums (for the academic year) are $1,800 ...": a limit named annual is
            # per year, as "yearly" is.
            unit = CapUnit.YEAR
        if unit is None and (each := _FOR_EACH.search(sentence, a.end)):
            # "$55 for meals and $7 incidentals may be reimbursed for each day of travel": for them all.
            unit = _UNIT_INDEX[each.group("u").lower()]
        if unit is None and not meal_row and not _ARTICLE_UNIT.search(before):
            # "per night: $150" before the amount; "an overnight stay" is no unit.
            unit, person = _unit(before, pp=meal_named)
        if unit is None and re.match(r"(?i)\s*(?:p\.\s?d\.|p/d\b)", after):
            unit = CapUnit.DAY  # "$45 p.d.": per day
        if person and unit is CapUnit.MEAL and (daily := _ADVERB.search(sentence)):
            # "The daily meal limit is $60 per person": per person and per day.
            unit, person = _ADVERBS[daily.group(1).lower()], False
        if kind is RuleType.LIMIT and unit in _RATE_UNITS:
            kind = RuleType.RATE
        out.append(CapFinding(a, unit, person, strong is not None, kind))
    if _TIP.search(sentence) and _CAP_WORDS.search(sentence):
        # "Tips should not exceed 20% of the bill": a rate of the bill, not money.
        for m in _PERCENT.finditer(sentence):
            value = Decimal(m.group(1))
            if 0 < value <= 100:
                share = AmountMatch(value, None, m.start(), m.end(), "." in m.group(1))
                out.append(CapFinding(share, None, False, True, RuleType.RATE, percent=True))
    return out


# "receipts for expenses over $25", "receipts less than $75 are not required": a comparison ties
# the amount to the receipt rule.
_COMPARED = re.compile(
    r"(?i)(?:over|under|above|below|(?:less|more|greater|lower|higher)\s+than|exceed(?:s|ing)?|"
    r"in\s+excess\s+of|at\s+least)\s*$"
)


def _threshold_in(sentence: str, before: str) -> bool:
    """The sentence says when a receipt or an approval is needed. "$5.00 for breakfast ... without a
    receipt" says how an allowance is paid: the amount is what is paid, not a threshold, unless a
    comparison ties it to the receipts."""
    if _COMPARED.search(before):
        return _THRESHOLD.search(sentence) is not None
    return _unwaived(_THRESHOLD, sentence)


# "Lunch (With Itemized Receipt) up to $15.00" beside "Lunch (Without Itemized Receipt) $10.00": the
# way the meal is claimed, which sets its rate, not a receipt rule over an amount.
_RECEIPT_METHOD = re.compile(
    r"(?i)(?<![^\W\d_])with\s+(?:an?\s+)?(?:itemi[sz]ed\s+|original\s+|detailed\s+)?receipts?\b"
)


def _named_outside_method(pattern: re.Pattern[str], text: str) -> bool:
    """The pattern occurs outside a "with itemized receipt" claiming method."""
    method = [(m.start(), m.end()) for m in _RECEIPT_METHOD.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in method) for m in pattern.finditer(text))


def _unwaived(pattern: re.Pattern[str], text: str) -> bool:
    """The pattern occurs outside a "without a receipt" / "no receipts required" phrase or a
    "with itemized receipt" claiming method."""
    waived = [(m.start(), m.end()) for m in (*_NO_RECEIPTS.finditer(text), *_RECEIPT_METHOD.finditer(text))]
    return any(not any(a <= m.start() < b for a, b in waived) for m in pattern.finditer(text))


def _kind_label(before: str) -> bool:
    """The amount follows an expense kind as its label: "Breakfast $10", "Lunch: $15", and in
    US lists "Breakfast=$10.00" or "breakfast, $10; lunch, $10.50"."""
    tail = before[-70:]
    # "For bed and breakfast (London rate) £150": a bracket after the kind qualifies it.
    return any(
        _QUALIFIER.fullmatch(tail[m.end :].strip(" :-=,"))
        for m in find_mentions(tail)
        if m.end >= len(tail) - 50
    )


_QUALIFIER = re.compile(r"(?:\(\s*[^()]{1,40}\))?")


# "Meal expenses in the high cost areas shall be $65.00", "Lodging Out-of-State shall be $150.00":
# statutes and board policies set an amount for a kind with "shall be"; the amount right after it.
_SET_AT = re.compile(r"(?i)\b(?:shall|will)\s+be\s*$")


# A price the traveller may meet ("the change fee will be $75"), not what the policy pays.
_PRICE_WORD = re.compile(
    r"(?i)(?<![^\W\d_])(?:fees?|charges?|penalt(?:y|ies)|deposits?|prices?|fines?|surcharges?)(?![^\W\d_])"
)


def _kind_set_at(sentence: str, start: int, unit_follows: bool) -> bool:
    """The subject of the clause before the amount (after its last ",;:"), an expense kind and no
    price word, "shall/will be" the amount printed right after. Meals need a printed unit: "meal
    expenses shall be $65" may be a day's or one meal's, and a guess of one meal would set a wrong
    limit."""
    head = sentence[:start]
    # "If a ticket is changed, the change fee will be $75": the kind must be the clause's own.
    subject = re.split(r"[,;:]", head)[-1]
    if _PRICE_WORD.search(subject):
        return False  # "a no-show charge for a hotel room will be $50"
    kinds = {m.kind for m in find_mentions(subject) if not m.as_unit}
    return _SET_AT.search(head) is not None and bool(kinds) and (unit_follows or "meals" not in kinds)


def _hours_row(before: str) -> bool:
    """A row labelled by hours of absence ("ab 8 bis 24h Reisetätigkeit: 12 Euro") and by no kind
    but meals: the daily meal allowance (durations.labelled_by_hours), a limit like "Meals: €12"."""
    return labelled_by_hours(before) and all(m.kind == "meals" for m in find_mentions(before))


def _kind_after(sentence: str, start: int, after: str) -> bool:
    """A row that opens with its amount and names its kind after a dash: "$11 - Breakfast"."""
    label = re.match(r"\s*[-–—:]\s*(?P<label>[^\W\d_][^\d]{0,40})$", after)
    return (
        not sentence[:start].strip(" -•*")
        and label is not None
        and len(label.group("label").split()) <= 4
        and bool(find_mentions(label.group("label")))
    )


# "Members are allowed $12 for breakfast, $16 for lunch, and $24 for dinner": the grant right before
# the sentence's first amount, and a list of meals each named after its amount by "for". Only this
# shape: "who claim $40 for dinner" or "receive $10 for breakfast" tell of a claim, not a limit.
# "Staff are repaid $12 for breakfast, ..." (passive, the claimant as subject) grants the same way.
_GRANTED = re.compile(
    r"(?i)\b(?:are|is)\s+(?:allowed|entitled\s+to|granted|repaid|reimbursed|paid)\s+(?:up\s+to\s+)?$"
)
_FOR_AFTER = re.compile(r"(?i)\s*(?:per\s+person\s+)?for\s+(?:each\s+|the\s+)?")


def _kind_for(after: str) -> bool:
    """The amount's kind follows it after "for" ("$12 for breakfast")."""
    m = _FOR_AFTER.match(after)
    return m is not None and any(k.start == 0 and not k.as_unit for k in find_mentions(after[m.end() :]))


def _granted_list(sentence: str, amounts: list[AmountMatch]) -> bool:
    """A grant right before the first amount, and at least two amounts each "for" a meal."""
    if not amounts or _GRANTED.search(sentence, 0, amounts[0].start) is None:
        return False
    meals = 0
    for a in amounts:
        m = _FOR_AFTER.match(sentence, a.end)
        named = find_mentions(sentence[m.end() : m.end() + 30]) if a.currency and m else []
        meals += any(k.start == 0 and not k.as_unit and k.kind == "meals" for k in named)
    return meals >= 2


def _kind(sentence: str, own: str, before: str, unit: CapUnit | None) -> RuleType:
    if unit in _RATE_UNITS:
        return RuleType.RATE
    example = _EXAMPLE.search(before[-40:])
    if example and example.group(0).lower().startswith("such") and not _SUCH_AS_AMOUNT.search(before):
        example = None  # "areas such as Boston and New York and $175 elsewhere": the places are examples
    if example or _EXAMPLE_OPENING.match(sentence):
        return RuleType.EXAMPLE  # "For example, a traveller who spends $80 is paid $60": every amount
    share = _SHARE_OF.search(before)
    if share and not _CAP_WORDS.search(share.group("gap")):
        return RuleType.REFERENCE
    if _DEDUCTION.search(before) or _STATISTIC.search(before[-45:]) or _APPROXIMATE.search(before):
        return RuleType.REFERENCE
    if _DEDUCTION_VERB.search(sentence) and (_DEDUCTION_UM.search(before) or _DEDUCTION_VERB.search(before)):
        return RuleType.REFERENCE
    negotiated = _NEGOTIATED.search(before)
    if negotiated and not _CAP.search(before[: negotiated.start()]):
        # "Hotel: the corporate rate of $129 per night": the price a hotel agreed to, said so the
        # traveller books it; no word makes it a maximum, and a careful reader would not decline a
        # $140 room elsewhere for it ("may not exceed the corporate rate of $129" is a limit).
        return RuleType.REFERENCE
    if _MATCHED_GIFT.search(before):
        # "the Company matches donations up to $500 per year": a benefit paid on something else,
        # not a limit of the expense the section's label names.
        return RuleType.REFERENCE
    if _ADVANCE.search(own) or (_ADVANCE.search(sentence) and not re.search(r"(?i)reimburs", own)):
        return RuleType.ADVANCE
    return RuleType.LIMIT

"""Submission deadlines: "within 30 days", "no later than 45 days", "30 calendar days",
"within one month", "two weeks", "binnen 30 dagen", "innerhalb von 30 Tagen", "sous 30 jours"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.periods import claim_count_spans

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "twenty-one": 21,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "hundred": 100,
    "hundred twenty": 120,
    "hundred and twenty": 120,
    "hundred eighty": 180,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "ein": 1,
    "einen": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "due": 2,
    # Counts a deadline is written in, in the other languages the reader knows ("sesenta (60)
    # días", "quindici giorni", "vierzehn Tagen", "dertig dagen", "trente jours", "trinta dias").
    "cinco": 5,
    "diez": 10,
    "catorce": 14,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "sesenta": 60,
    "noventa": 90,
    "cinque": 5,
    "dieci": 10,
    "quattordici": 14,
    "quindici": 15,
    "venti": 20,
    "trenta": 30,
    "sessanta": 60,
    "novanta": 90,
    "cinq": 5,
    "dix": 10,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "soixante": 60,
    "fünf": 5,
    "sechs": 6,
    "zehn": 10,
    "vierzehn": 14,
    "dreißig": 30,
    "sechzig": 60,
    "neunzig": 90,
    "vijf": 5,
    "zes": 6,
    "tien": 10,
    "veertien": 14,
    "dertig": 30,
    "zestig": 60,
    "negentig": 90,
    "dez": 10,
    "quatorze": 14,
    "catorze": 14,
    "trinta": 30,
    "sessenta": 60,
    # "binnen vier weken", "innerhalb von vier Wochen", "cuatro semanas": the small counts of weeks.
    "vier": 4,
    "zeven": 7,
    "acht": 8,
    "twaalf": 12,
    "twintig": 20,
    "sieben": 7,
    "zwölf": 12,
    "zwanzig": 20,
    "cuatro": 4,
    "quattro": 4,
    "quatre": 4,
    "quatro": 4,
}
_NUM = r"\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True))
_UNITS = {
    "day": 1,
    "days": 1,
    "dagen": 1,
    "dag": 1,
    "tag": 1,
    "tage": 1,
    "tagen": 1,
    "jour": 1,
    "jours": 1,
    "día": 1,
    "días": 1,
    "dias": 1,
    "giorni": 1,
    "giorno": 1,
    "week": 7,
    "weeks": 7,
    "weken": 7,
    "week's": 7,
    "woche": 7,
    "wochen": 7,
    "semaine": 7,
    "semaines": 7,
    "semana": 7,
    "semanas": 7,
    "settimana": 7,
    "settimane": 7,
    "month": 30,
    "months": 30,
    "maand": 30,
    "maanden": 30,
    "monat": 30,
    "monaten": 30,
    "monate": 30,
    "mois": 30,
    "mes": 30,
    "meses": 30,
    "mese": 30,
    "mesi": 30,
    "year": 365,
    "years": 365,
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_DURATION = re.compile(
    rf"(?i)(?<![^\W\d_])(?P<num>{_NUM})(?:\s*\(\s*(?P<digits>\d{{1,3}})\s*\))?\s*"
    rf"(?P<kind>calendar|working|business|werk|kalender|ouvrables?|laborables|lavorativi)?[\s-]*"
    rf"(?P<unit>{_UNIT})(?![^\W\d_])"
    r"|(?i:(?<![^\W\d_])(?P<fortnight>a\s+fortnight|fortnight))"
)
_CONTEXT = re.compile(
    r"(?i)(submi|claim|file[ds]?\b|filing|expense report|reimbursement request|request|receipt|invoice|"
    r"bill|deadline|report|indien|einreich|einzureich|soumett|soumis|présent|present|declar|déclar|"
    # Italian, Spanish and Portuguese requests for reimbursement: "richieste di rimborso",
    # "solicitudes de reembolso", "pedidos/solicitações de reembolso".
    r"richiest|solicitud|solicitaç|pedidos?\s+de\s+reembolso|beantrag|"
    # Spanish sends a claim's papers in: "deberán ser remitidos en el plazo máximo de 15 días".
    r"remiti|"
    # "Time limit for T.A. is 60 days": the limit names the claim window itself.
    r"time\s+limit)"
)
_WINDOW = re.compile(
    r"(?i)(within|no later than|not later than|before|inside|older than|beyond|exceeding|over|up to|ouder dan|älter als|plus de|más de|max(?:imum)?\.?\s+of|at the latest|"
    r"binnen|innerhalb|spätestens|dans les|dans un délai de|sous|dentro de|entro|of the|from the|after|"
    # "a más tardar", "au plus tard", "uiterlijk", "no prazo de", "em até": "at the latest", "within".
    r"a\s+más\s+tardar|au\s+plus\s+tard|uiterlijk|no\s+prazo\s+de|em\s+até|mais\s+de|"
    # "en el plazo (máximo) de 15 días": Spanish's time allowed.
    r"plazo\s+(?:máximo\s+)?de|"
    r"time\s+limit\b[^;\n]{0,30}?\b(?:is|of)\b)"
)
_PAYOUT = re.compile(
    r"(?i)(paid|processed|credited|settled|approved|transferred|disbursed|refunded)\s+within|"
    # "Claims are processed and payment is made within fourteen days": the payer's time. "Claims for
    # payment shall be made within three months" is the claimant's.
    r"(?<!\bfor\s)\bpayments?\s+(?:is|are|will\s+be|shall\s+be)\s+made\s+within|"
    # Spanish says when the money is paid the same way it says when papers are due: "se abonará (el
    # importe) en el plazo de 30 días desde la presentación de la solicitud" is the payer's time, not
    # the claimant's. "Remitir" sends papers in too, so it is the payer's only when it sends the money.
    r"\b(?:abonar|pagar|reembolsar|transferir|liquidar)[áa]n?\s+(?:\w+\s+){0,3}?(?:en\s+(?:el|un)\s+plazo|dentro)|"
    r"\bremitir[áa]n?\s+(?:\w+\s+){0,2}?(?:pago|importe|reembolso|transferencia)s?\s+(?:\w+\s+){0,2}?"
    r"(?:en\s+(?:el|un)\s+plazo|dentro)"
)


@dataclass(frozen=True)
class DeadlineFinding:
    days: int
    months: int = 0  # stated in calendar months
    business_days: bool = False  # counted in working days, as printed
    score: int = 0  # how surely the sentence is about submitting claims


_SUBMIT = re.compile(
    r"(?i)(submi|expense\s+reports?|reimbursement\s+requests?|claims?\b|indien|einreich|einzureich|"
    r"abrechnung|soumett|soumis|note\s+de\s+frais|présent|reconcil|richiest|solicitud|solicitaç|pedidos?\s+de\s+reembolso|"
    r"presenta|presente[nm]|apresenta|beantrag|remiti)"
)
# A deadline that costs the claim ("must", "will not be reimbursed") outranks advice ("should",
# "are encouraged"): policies often print both, and only the first is the rule.
_MANDATORY = re.compile(
    r"(?i)\b(must|shall|required|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest|will\s+not\s+be|"
    r"(?:is|are|be)\s+not\s+(?:reimburs|eligible|accepted)|ineligible|forfeit|taxable|spätestens|müssen|"
    r"doivent|doit|moeten|deben|deberán|devono|deve|devem)\b"
)
_ADVISORY = re.compile(
    r"(?i)\b(should|encouraged|recommended|expected|promptly|as\s+soon\s+as|ideally|sollten|devraient)\b"
)
# "14 days before departure", "at least 3 weeks in advance", "10 días antes del viaje", "7 días de
# antelación": a lead time for a request, not the time left to claim after spending.
_LEAD_TIME = re.compile(
    r"(?i)^\s*(?:\w+\s+){0,2}?(?:before|prior\s+to|in\s+advance|ahead\s+of|vor\s|avant|antes\b|de\s+antelaci)"
)
# "a per diem of $51/day for up to four days": how long an allowance is paid, no time to submit.
_FOR_SPAN = re.compile(r"(?i)\bfor\s+(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s+$")
# Deadlines of other processes: returning an advance, booking, notifying an incident.
_OTHER_PROCESS = re.compile(
    r"(?i)(advances?\b|repa(?:y|id)|returned|refund\s+to|booked|book\s+|reserv|notif|incident|cancel|"
    r"travel\s+authori[sz]ation|pre-?approv|before\s+(?:the\s+)?(?:trip|travel|departure))"
)


# "If evidence is not provided within 60 days of it being requested": the time to answer an
# auditor's request, counted from that request, not the window to claim in.
_ON_REQUEST = re.compile(
    r"(?i)\s*(?:of|from|after)\s+(?:it|them|its|their|this|that|such)\s+being\s+requested"
)


def find_deadline(sentence: str) -> int | None:
    """Days allowed to submit, or None when the sentence sets no submission deadline."""
    found = find_deadline_rule(sentence)
    return found.days if found else None


def find_deadline_rule(sentence: str) -> DeadlineFinding | None:
    """The submission deadline a sentence sets, as printed (days, business days or months): of
    several, the mandatory one ("should ... within 30 days; after 90 days ... will not be
    reimbursed" is 90), the first among equals."""
    if not _CONTEXT.search(sentence):
        return None
    score = (2 if _SUBMIT.search(sentence) else 0) - (2 if _OTHER_PROCESS.search(sentence) else 0)
    counted = claim_count_spans(sentence)
    found: list[DeadlineFinding] = []
    durations = list(_DURATION.finditer(sentence))
    for k, m in enumerate(durations):
        if any(start <= m.start() < end for start, end in counted):
            continue  # "one phone bill a month": claims per period, not the time to submit
        if _LEAD_TIME.match(sentence[m.end() :]):
            continue
        # The duration's own words: back to the previous duration or clause end, on to the next
        # conjunction ("should be submitted within 30 days and must be submitted within 60 days").
        lo = max(sentence.rfind(";", 0, m.start()), sentence.rfind(". ", 0, m.start()), 0)
        lo = max(lo, durations[k - 1].end() if k else 0)
        tail = re.split(r"(?i);|\.\s|,|\band\b|\bbut\b|\bwhile\b", sentence[m.end() :], maxsplit=1)[0]
        own = sentence[lo : m.start()] + tail
        local = score + (1 if _MANDATORY.search(own) else 0) - (1 if _ADVISORY.search(own) else 0)
        if m.group("fortnight"):
            found.append(DeadlineFinding(14, score=local))
            continue
        before = sentence[max(0, m.start() - 40) : m.start()]
        if not _WINDOW.search(before) and not _WINDOW.search(sentence[m.end() : m.end() + 25]):
            continue
        if _PAYOUT.search(before) and not re.search(r"(?i)submi|indien|einreich|soumet", before):
            continue
        if _ON_REQUEST.match(sentence, m.end()):
            continue
        if _FOR_SPAN.search(before):
            continue
        # "one hundred twenty (120) days": the digits in brackets are the number.
        raw = (m.group("digits") or m.group("num")).lower()
        count = int(raw) if raw.isdigit() else _WORDS[raw]
        per = _UNITS[m.group("unit").lower()]
        days = count * per
        business = bool(m.group("kind")) and m.group("kind").lower() not in ("calendar", "kalender")
        if 0 < days <= 3 * 365:
            found.append(DeadlineFinding(days, count if per == 30 else 0, business and per == 1, local))
    return max(found, key=lambda f: f.score) if found else None

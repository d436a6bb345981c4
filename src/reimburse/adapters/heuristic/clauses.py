"""Policy text -> clauses: sentences, numbered items and bullet lines, each with the heading and
lead-in line ("The following are not reimbursable:") it sits under.

Wrapped lines are joined back; a clause keeps the exact words of the policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.exclusions import is_negative
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.text import clean_spaces

_BULLET = re.compile(
    r"^\s*(?:[-•*●▪◦‣·o]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?(?=\s)|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)]|"
    r"(?:section|article|clause|rule|§)\s*\d+(?:\.\d+)*[:.)]?)\s+",
    re.IGNORECASE,
)
_ABBREVIATIONS = {
    "rs",
    "re",
    "no",
    "nos",
    "e.g",
    "eg",
    "i.e",
    "ie",
    "approx",
    "incl",
    "excl",
    "inkl",
    "exkl",
    "mr",
    "mrs",
    "ms",
    "dr",
    "vs",
    "sr",
    "jr",
    "st",
    "max",
    "min",
    "viz",
    "cf",
    "art",
    "sec",
    "ca",
    "resp",
    "z.b",
    "bzw",
    "ggf",
    "p",
    "pp",
    "nr",
    "co",
    "ltd",
    "pvt",
    "inc",
    "dept",
    "u.s",
    "etc.,",
    # Danish and Norwegian: "(maks. 166,50 kr./måltid)", "pt. højst", "kr. 1.000 pr. nat".
    "maks",
    "pt",
    "pr",
}
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`")
# Titles are noun phrases; a short sentence with a verb ("Alcohol is not reimbursable.") is a rule.
_VERB = re.compile(
    r"(?i)\b(is|are|was|were|be|been|will|shall|must|should|may|can|cannot|not|no|do|does|"
    r"get|gets|apply|applies|need|needs)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9₹$€£])|(?<=;)\s+")


_ANNOUNCES_LIST = re.compile(r"(?i)\b(below|following|as follows|listed|include|includes|including)\b")
# "Note: This list is not all-inclusive.": a caveat printed between a list's lead-in and its items.
_CAVEAT = re.compile(
    r"(?i)^\W*(?:note\W+)?(?:this|the|the\s+above|the\s+following)\s+list\s+is\s+not\s+"
    r"(?:all[-\s]?inclusive|exhaustive|comprehensive|complete)\W*$"
)


@dataclass(frozen=True)
class Clause:
    text: str
    heading: str = ""
    lead: str = ""
    label: str = ""  # "Meals" in "Meals: up to ₹500 per meal."
    parent: str = ""  # the heading before `heading` ("International Travel" above "Meals")
    # The lead-in lines since the heading, list or not ("State grants per diem requirements:"):
    # what they say about funding or the kind of trip governs the paragraphs below them.
    intro: str = ""
    # A sentence after "Example:" in its paragraph: the worked case goes on to the paragraph's end.
    example: bool = False
    # The document's own title lines ("Meal Policy for Faculty & Candidates"): the occasion a whole
    # page is about, set by the policy reader (policy_interpreter._hosting_title).
    title: str = ""


_STATUS_ROW = re.compile(
    r"(?i)^\W*(?P<item>[^\W\d_][^:–—]*?)(?:\s[-–—]|\s*:)\s*(?:not\s+(?:reimbursable|allowed|allowable|covered|eligible)|"
    r"non[-\s]?reimbursable|excluded|ineligible)\W*$"
)


_GENERIC_HEAD = re.compile(r"(?i)\b(?:expenses?|costs?|items?|charges?|purchases?|things|categories)$")


# "Hotel Rates w.e.f 14.02.19", "Meal rates (effective 1 April 2024)": the date a heading's rates
# start from is no amount and no part of its words.
_FROM_DATE = re.compile(
    r"(?i)\s*\(?\b(?:w\.?\s?e\.?\s?f\.?|with\s+effect\s+from|effective(?:\s+from)?)\s*:?\s*"
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\s+[a-z]+\s+\d{4}|[a-z]+\s+\d{1,2},?\s+\d{4})\)?\s*$"
)


def _is_heading(line: str, numbered: bool, listing: bool = False) -> bool:
    line = _FROM_DATE.sub("", line) or line
    words = line.split()
    if not words or len(words) > 8 or line.endswith((".", ";", ",")) or find_amounts(line):
        return False
    status = _STATUS_ROW.search(line)
    if status and not _GENERIC_HEAD.search(status.group("item")):
        # "Minibar - Not reimbursable": an item and its status, a rule; "Personal Expenses - Not
        # Reimbursable" heads the list below it.
        return False
    if line.endswith(":"):
        return True
    if listing:
        # Inside a list printed without bullet signs every line is an item ("Alcohol",
        # "Tobacco"); the list ends at a blank line, which a heading below it stands after.
        return False
    if not line[0].isupper():
        return False
    letters = [w for w in words if w[:1].isalpha()]
    # English title case keeps short prepositions low ("Expenses Not Reimbursable by the College").
    small = {
        "and",
        "or",
        "of",
        "for",
        "the",
        "to",
        "in",
        "on",
        "a",
        "an",
        "by",
        "at",
        "as",
        "with",
        "from",
        "per",
        "&",
        "und",
        "et",
        "en",
        "y",
        "de",
    }
    title = bool(letters) and (line.isupper() or all(w[0].isupper() or w.lower() in small for w in letters))
    # Sentence-case headings ("Submission of claims") are short, or numbered; in a list printed
    # without bullet signs a short sentence-case line ("Baggage insurance") is one of its items.
    return title or numbered or (len(words) <= 4 and not listing)


def _label(sentence: str) -> str:
    m = re.match(r"^([^:.;]{2,40}):\s+\S", sentence)
    return m.group(1).strip() if m and len(m.group(1).split()) <= 5 else ""


def split_sentences(block: str) -> list[str]:
    return [o.rstrip(";").rstrip() for o in _split(block)]


def _split(block: str) -> list[str]:
    parts = _SENTENCE_END.split(block)
    out: list[str] = []
    for part in parts:
        prev = out[-1] if out else ""
        last = prev.rsplit(" ", 1)[-1].rstrip(".").lower() if prev else ""
        # A lone letter or digit before the stop is an initial or a number ("e.", "5."); a lone
        # currency sign ("... fino a 25,00 €. Se ...") ends the sentence, but "kr." before its
        # number ("ca. kr. 1.000") is the Danish crown's sign.
        prefixed = (last == "kr" and part[:1].isdigit()) or last == "(maks"
        if (
            prev
            and prev.endswith(".")
            and (last in _ABBREVIATIONS or prefixed or (len(last) == 1 and last.isalnum()))
        ):
            out[-1] = f"{prev} {part}"
        elif part.strip():
            out.append(part.strip())
    return out


# A status that labels a whole list ("Non-allowable: alcohol; fines; minibar"): each item split off
# at ";" is refused too, as it would be under the same words on a line of their own.
_THINGS = r"(?:items?|expenses?|costs?|charges?|purchases?)"
_NEGATIVE_LABEL = re.compile(
    rf"(?i)^\W*(?:(?:the\s+following|these)\s+(?:{_THINGS}\s+)?(?:are|is)\s+|{_THINGS}\s+(?:that\s+)?(?:are\s+)?)?"
    r"(?:(?:not|never)\s+(?:reimbursable|reimbursed|allowed|allowable|"
    r"covered|eligible|payable)|non[-\s]?(?:reimbursable|allowable|eligible|refundable)|unallowable|"
    r"disallowed|excluded|exclusions|ineligible|nicht\s+erstattungsfähig|non\s+remboursables?|"
    r"no\s+reembolsables?|non\s+rimborsabil[ei]|niet\s+vergoed)"
    rf"(?:\s+{_THINGS})?(?:\s+(?:include|includes|are))?\W*$"
)


def _list_leads(block: str, sentences: list[str], lead: str) -> list[str]:
    """The lead of each sentence: a negative status label leads the items split off after it at ';'."""
    pieces = _split(block)
    if len(pieces) != len(sentences):
        return [lead] * len(sentences)
    leads: list[str] = []
    status = ""
    for piece, sentence in zip(pieces, sentences, strict=True):
        leads.append(status or lead)
        label = _label(sentence)
        if label and _NEGATIVE_LABEL.match(label):
            status = label + ":"
        if not piece.endswith(";"):
            status = ""
    return leads


_FOLLOWING = re.compile(r"(?i)\b(?:following|below|as follows|listed)\b")


# "Non-Reimbursable Expenses", "Non-Allowable Expenses for Reimbursement": a heading that refuses a
# kind of expense (no item of its own) over the list below it.
_REFUSED_KIND = re.compile(rf"(?i)(?<![^\W\d_]){_THINGS}(?![^\W\d_])")

# A line that grants a status ("Reimbursable Expenses", "Allowable costs") ends a refused list: the
# next section has begun. Ending early loses an exclusion; running on refuses what is paid.
_STATUS = re.compile(
    r"(?i)(?<![^\W\d_])(?:reimbursable|allowable|allowed|eligible|covered|payable|approv\w*)(?![^\W\d_])"
)


def _refusing_heading(heading: str) -> bool:
    return is_negative(heading) and _REFUSED_KIND.search(heading) is not None


def _item_line(line: str) -> bool:
    """A short line that ends no sentence and prints no amount: one item of a bare list."""
    return 0 < len(line.split()) <= 8 and not line.endswith((".", ":", ";")) and not find_amounts(line)


def _short(line: str) -> bool:
    """The next item's line, no wrapped paragraph (which fills the line): a list has two items."""
    return 0 < len(line.split()) <= 12


_AMOUNT_ROW = re.compile(r"[$€£¥₹]\s?\d")
# "$11 - Breakfast": a row that opens with its amount, a dash or colon, then what it is for. A line
# that opens with "$250 per night ..." is the end of a sentence wrapped in a narrow column.
_AMOUNT_FIRST_ROW = re.compile(r"[$€£¥₹]\s?[\d.,]+\s*[-–—:]\s*[^\W\d_]")


def _heads_prose(line: str, after: str) -> bool:
    """A capitalised line right over a full sentence about the same thing ("Laundry" over "Laundry
    is reimbursed for ...", "Lodging" over "Hotel stays are ...") heads a section, even with no
    blank line between them (a PDF text layer often drops it): inside a bare list it is no item.
    A last item over an unrelated sentence ("Personal entertainment") stays an item."""
    if not (
        line[:1].isupper() and not line.endswith(":") and after.endswith(".") and len(after.split()) >= 6
    ):
        return False
    kinds = {m.kind for m in find_mentions(line)} & {m.kind for m in find_mentions(after)}
    return bool(kinds) or bool(_stems(line) & _stems(after))


def _stems(text: str) -> set[str]:
    return {w[:4].lower() for w in re.findall(r"[^\W\d_]{4,}", text)}


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _announced(blocks: list[tuple[str, str, str, bool, str, str]]) -> str:
    """The sentence that announces the list starting here ("The following items are generally not
    reimbursable."), past a caveat after it and past item lines printed without a bullet."""
    for block in reversed(blocks[-3:]):
        sentences = split_sentences(block[0])
        while sentences and _CAVEAT.match(sentences[-1]):
            sentences.pop()
        if not sentences:
            continue
        last = sentences[-1]
        if _ANNOUNCES_LIST.search(last) and len(last.split()) > 3:
            return last
        if len(sentences) > 1 or _VERB.search(last):
            return ""  # a rule of its own ends the look-back
    return ""


def split_clauses(text: str) -> list[Clause]:
    blocks: list[tuple[str, str, str, bool, str, str]] = []  # (text, heading, lead, numbered, parent, intro)
    heading = lead = parent = ""
    intros: list[str] = []
    current: list[str] = []
    in_list = False
    # A refusing heading leads the bare lists under it, even past a sentence or two, up to the
    # next heading.
    refusal = ""
    # Items under a lead-in printed without bullet signs (a web page printed to PDF draws its
    # bullets, so the text keeps none): each line that starts an item is one, until a blank line.
    bare_list = False
    prev_len = 0
    numbered = False
    # A line that stops well before the right margin ended its sentence or item.
    margin = 0.8 * max((len(r.strip()) for r in text.split("\n")), default=0)

    def flush() -> None:
        nonlocal current
        if current:
            # "reimburs-" + "able": a word broken across lines is joined back.
            joined = re.sub(r"(?<=[^\W\d_])-\n(?=[a-z])", "", "\n".join(current))
            intro = " - ".join(intros[-2:])
            listed = in_list or bare_list
            blocks.append((clean_spaces(joined), heading, lead if listed else "", numbered, parent, intro))
        current = []

    raw_lines = text.split("\n")

    def next_line_here(k: int) -> str:
        return raw_lines[k + 1].strip() if k + 1 < len(raw_lines) else ""

    def next_line(k: int) -> str:
        return next((r.strip() for r in raw_lines[k + 1 :] if r.strip()), "")

    for raw_index, raw in enumerate(raw_lines):
        # Markdown: "## Heading" is a heading, "**Meals**" is just "Meals".
        marked = re.match(r"^\s*#{1,6}\s+", raw)
        line = _EMPHASIS.sub("", raw[marked.end() :] if marked else raw).strip()
        if marked and line:
            flush()
            in_list = bare_list = False
            parent, heading, lead = heading, line.rstrip(":").strip(), ""
            refusal = heading if _refusing_heading(heading) else ""
            intros = []
            continue
        if not line:
            had = bool(current)
            flush()
            if had:  # a blank line right after a lead-in ("... is:") does not end it
                in_list, bare_list, lead = False, False, ""
            continue
        bullet = _BULLET.match(line)
        if (
            bullet
            and re.fullmatch(r"\s*\d{1,3}\s+", bullet.group(0))
            and line[bullet.end() :][:1].islower()
            and current
            and not current[-1].endswith((".", ":", ";", "!", "?"))
            and prev_len >= 50
        ):
            # "... to the Accounts Payable Office within" then "30 days upon returning": a count that
            # goes on with the wrapped sentence, no numbered item.
            bullet = None
        body = line[bullet.end() :].strip() if bullet else line
        symbol = bullet is not None and not re.search(r"\w", bullet.group(0))
        ended = not current or current[-1].endswith((".", ":", ";", "!", "?")) or prev_len < 50
        # A row may open with its amount ("$11 - Breakfast").
        opens = body[:1].isupper() or _AMOUNT_FIRST_ROW.match(body) is not None
        ended = ended or (bare_list and prev_len < margin and opens)
        # "... Supper - $25.00" then "Outside Canada:": a row that ends in its amount, then a short
        # capitalised label with a colon, is the next section, no wrapped sentence.
        ended = ended or (
            bool(re.search(r"\d$", current[-1]))
            and body.endswith(":")
            and body[:1].isupper()
            and len(body.split()) <= 4
        )
        prev_len = len(line)
        if not bullet and not current and not lead and not in_list and blocks and len(body.split()) <= 25:
            # "The following items are generally not reimbursable. Note: ..." then item lines
            # printed without bullet signs: that sentence leads them, as it leads bullets.
            announced = _announced(blocks)
            if _FOLLOWING.search(announced) and is_negative(announced):
                lead, bare_list = announced, True
        if bullet and not symbol and not lead and not in_list and blocks and ended and not _title_case(body):
            # "1. Alcoholic beverages" right under "The following items are not reimbursable.":
            # a numbered item of the refused list, not a section heading ("9. Emergency Procedures").
            pending = [(clean_spaces(" ".join(current)), "", "", False, "", "")] if current else []
            announced = _announced(blocks + pending)
            if _FOLLOWING.search(announced) and is_negative(announced):
                lead = announced
        if (
            not bullet
            and not current
            and not in_list
            and not bare_list
            and not next_line_here(raw_index)
            # A status right under an item's own line ("Spouse travel" / "Not reimbursable") is
            # that item's, not a lead-in: a leading status stands between blank lines.
            and not (raw_index and raw_lines[raw_index - 1].strip())
            and _NEGATIVE_LABEL.match(body.rstrip(":"))
        ):
            # "Not reimbursable" or "These items are NOT reimbursable" on a line of its own over
            # lines printed without bullet signs (a web page's bold line over its list): a status
            # that leads the items below it, as "... not reimbursable:" does.
            flush()
            lead, bare_list = body, True
            intros.append(body)
            continue
        if refusal and _STATUS.search(body) and not is_negative(body):
            refusal = ""  # "Reimbursable Expenses" after the refused ones: another section begins
        if (
            refusal
            and not (bullet or current or lead or in_list or bare_list)
            and _item_line(body)
            and _short(next_line_here(raw_index))
        ):
            # "Non-reimbursable Expenses" (and perhaps a sentence), then "Speeding fines",
            # "Parking tickets" on lines of their own: the items of the list that heading refuses,
            # not headings of their own (a web page printed to PDF keeps no bullet signs).
            lead, bare_list = refusal, True
            intros.append(lead)
        listing = bare_list and not _heads_prose(body, next_line_here(raw_index))
        if not symbol and not (bullet and lead) and ended and _is_heading(body, bool(bullet), listing):
            flush()
            in_list = False
            bare_list = body.endswith(":") and len(body.split()) > 3
            if bare_list:
                lead = body
                intros.append(body)
            else:
                parent, heading, lead = heading, body.rstrip(":").strip(), ""
                refusal = heading if _refusing_heading(heading) else ""
                intros = []
            continue
        if (
            current
            and not ended
            and not bullet
            and body.endswith(":")
            and not _BULLET.match(next_line(raw_index))
        ):
            # A refusing lead-in wrapped from the line above ("The following expenditures are not
            # allowable for reimbursement from either" + "... funds:") is one lead-in, not its last
            # line: its last sentence leads the items below, printed without bullet signs (a
            # bulleted list finds its lead-in on its own).
            joined = clean_spaces(" ".join([*current, body]))
            last = _split(joined)[-1]
            if (
                len(last.split()) > 3
                and is_negative(last)
                and not any(a.currency for a in find_amounts(last))
            ):
                before = joined[: len(joined) - len(last)].strip()
                current = [before] if before else []  # the sentences before it stay a block
                flush()
                in_list, lead, bare_list = False, last, True
                intros.append(last)
                continue
        if (
            body.endswith(":")
            and len(body.split()) > 3
            and not any(a.currency for a in find_amounts(body))
            # A rule sentence before the lead-in; "z.B. Ausgaben", "e.g. Meals" are abbreviations.
            and not re.search(r"(?<![^\W\d_]\.[^\W\d_])[.!?]\s+[A-Z]", body)
        ):
            flush()
            in_list, lead = False, body
            bare_list = True
            intros.append(body)
            continue
        if not bullet and not current and body.endswith(":") and _AMOUNT_ROW.match(next_line(raw_index)):
            # "Under the per diem method, the daily per diem is $51:" over rows "$11 - Breakfast":
            # a rule of its own that also leads the rows printed under it.
            blocks.append((clean_spaces(body), heading, "", False, parent, " - ".join(intros[-2:])))
            in_list, lead, bare_list = False, body, True
            continue
        if bullet:
            flush()
            if not in_list and not lead and blocks:
                # "The expenses listed below are unallowable." then bullets: that sentence leads them.
                lead = _announced(blocks)
            in_list = True
            bare_list = False  # this list has its signs: a line without one is no item
            numbered = not symbol
            current = [body]
            continue
        if current and opens and ended:
            flush()
            numbered = False
            if in_list and not bare_list:
                in_list, lead = False, ""
        current.append(body)
    flush()
    clauses: list[Clause] = []
    for block, block_heading, block_lead, block_numbered, block_parent, block_intro in blocks:
        sentences = split_sentences(block)
        # "4.2 Travel by bus or train. Intercity travel ..." : a short first sentence titles its block.
        if block_numbered and len(sentences) > 1 and _inline_title(sentences[0]):
            block_heading = sentences.pop(0).rstrip(".:")
        leads = _list_leads(block, sentences, block_lead)
        opened = next((i for i, s in enumerate(sentences) if _EXAMPLE_LABEL.search(s)), len(sentences))
        clauses += [
            Clause(s, block_heading, lead, _label(s), block_parent, block_intro, example=i > opened)
            for i, (s, lead) in enumerate(zip(sentences, leads, strict=True))
        ]
    return clauses


# "Example:  an agency has ...": a labelled worked case (its own sentence is read as one already).
_EXAMPLE_LABEL = re.compile(r"(?i)(?<![^\W\d_])(?:for\s+)?example\s*\d*\s*:")


def _inline_title(sentence: str) -> bool:
    words = sentence.split()
    return (
        len(words) <= 6
        and sentence.endswith((".", ":"))
        and not find_amounts(sentence)
        and sentence[0].isupper()
        and not _VERB.search(sentence)
    )

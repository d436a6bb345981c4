"""Field accuracy of the offline invoice reader on the real corpus, through the real pipeline.

Each labelled file is read by the container's DocumentReader and InvoiceExtractor (the same
adapters `make run` wires, offline), then judged by the verdict engine under a policy that caps
nothing, so the only flags left are those about reading. Scoring rules, stated once:

- total, amount due: equal to the label within 0.01.
- currency, invoice date: equal.
- number: equal after dropping spaces and case (only where the label has one).
- vendor: the same after folding case, accents and punctuation, or one contains the other's
  first two significant words (a letterhead may add or drop a legal form such as "GmbH").
- false review: a *clean* document (its label note names no contradiction, garbled OCR or
  handwriting) that gets a reading flag: total mismatch, several totals, missing or conflicting
  dates, low confidence, amounts not in the text, ambiguous date, e-invoice vs page. Name flags
  count only where the claimant is known: the JensWalter receipts are the author's own, so he
  is their claimant; elsewhere the corpus does not say who claims the document.
- contradiction caught: a document whose note says its arithmetic or boxes disagree gets a flag.
- silent miss: a document read (some page) by our OCR whose total or invoice date is wrong while
  the verdict does not require review: a wrong payout nobody would look at. The goal is none.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers

from reimburse.config import Settings
from reimburse.container import build_container
from reimburse.domain.errors import DocumentError, ExtractionError
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document, TextSource
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from tests.eval.corpus import load_labels, split_name

FIELDS = ("total", "currency", "date", "number", "vendor")
EXTRA_FIELDS = ("amount_due",)
READING_FLAGS = frozenset(
    {
        "total_mismatch",
        "multiple_totals",
        "missing_date",
        "date_conflict",
        "low_confidence",
        "amount_not_in_text",
        "ambiguous_date",
        "einvoice_mismatch",
        "name_mismatch",
    }
)
CONTRADICTION_WORDS = ("arithmetic", "add up", "disagrees")
UNCLEAN_WORDS = (*CONTRADICTION_WORDS, "garble", "handwritten", "odd sample", "trap")
CLAIMANTS = {"jw_": "Jens Walter"}  # file-name prefix -> known claimant (see the module docstring)
FAR_FUTURE = date(2100, 1, 1)
LEGAL_FORMS = frozenset(
    [
        "gmbh",
        "ag",
        "kg",
        "co",
        "ltd",
        "limited",
        "llc",
        "inc",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "plc",
        "srl",
        "spa",
        "sl",
        "oy",
        "ab",
        "as",
        "pvt",
        "private",
        "corp",
    ]
)


@dataclass
class FileResult:
    file: str
    split: str
    language: str
    source: str
    error: str | None = None
    got: dict[str, Any] = field(default_factory=dict)
    want: dict[str, Any] = field(default_factory=dict)
    right: dict[str, bool] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    clean: bool = True
    contradictory: bool = False
    names: tuple[str, ...] = ()
    ocr: bool = False  # some page was read by OCR
    review: bool = False  # the verdict requires review

    @property
    def silent_miss(self) -> bool:
        wrong = self.right.get("total") is False or self.right.get("date") is False
        return self.ocr and self.error is None and wrong and not self.review

    @property
    def reading_flags(self) -> tuple[str, ...]:
        return tuple(f for f in self.flags if f in READING_FLAGS)


@dataclass
class InvoiceEvaluation:
    results: list[FileResult]

    def subset(self, split: str | None = None, prefix: str | None = None) -> list[FileResult]:
        return [
            r
            for r in self.results
            if (split is None or r.split == split) and (prefix is None or r.file.startswith(prefix))
        ]


def accuracy(results: Iterable[FileResult], name: str) -> tuple[int, int]:
    scored = [r for r in results if name in r.right]
    return sum(r.right[name] for r in scored), len(scored)


def false_review(results: Iterable[FileResult]) -> tuple[int, int]:
    clean = [r for r in results if r.clean and r.error is None]
    return sum(bool(r.reading_flags) for r in clean), len(clean)


def silent_misses(results: Iterable[FileResult]) -> tuple[int, int]:
    """(OCR'd documents with a silent miss, OCR'd documents read)."""
    read = [r for r in results if r.ocr and r.error is None]
    return sum(r.silent_miss for r in read), len(read)


def unread(results: Iterable[FileResult]) -> tuple[int, int]:
    rs = list(results)
    return sum(r.error is not None for r in rs), len(rs)


def evaluate(corpus: Path, only: Iterable[str] | None = None) -> InvoiceEvaluation:
    labels = load_labels(corpus / "labels.json")
    wanted = set(only) if only is not None else None
    container = build_container(Settings(data_dir=str(corpus / ".unused"), log_dir=str(corpus / ".unused")))
    # Read in this process: a pool started here would outlive the evaluation (nobody closes it).
    container.executor.override(providers.Object(None))
    reader = container.reader()
    extractor = container.extractor()
    results = []
    for label in labels:
        if wanted is not None and label["file"] not in wanted:
            continue
        results.append(_evaluate_one(corpus, label, reader, extractor))
    return InvoiceEvaluation(results)


def _evaluate_one(corpus: Path, label: dict[str, Any], reader: Any, extractor: Any) -> FileResult:
    name = label["file"]
    note = (label.get("note") or "").lower()
    result = FileResult(
        file=name,
        split=split_name(name),
        language=label.get("language") or "?",
        source=_source_of(label),
        clean=not any(w in note for w in UNCLEAN_WORDS),
        contradictory=any(w in note for w in CONTRADICTION_WORDS),
    )
    result.want = {k: label.get(k) for k in (*FIELDS, *EXTRA_FIELDS)}
    path = corpus / name
    try:
        document: Document = reader.read(path.read_bytes(), path.name)
        result.ocr = any(page.source is TextSource.OCR for page in document.layout)
        if document.einvoice is not None:
            result.source = "einvoice"
        policy = _open_policy(label.get("currency") or "EUR")
        # Read under a policy whose currency says nothing: the reader may prefer a total printed in
        # the policy's currency, and the labelled currency must not help it read the invoice.
        invoice: Invoice = asyncio.run(extractor.extract(document, _open_policy(NO_CURRENCY)))
    except (DocumentError, ExtractionError) as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        for key in (*FIELDS, *EXTRA_FIELDS):
            if result.want.get(key) is not None:
                result.right[key] = False
        return result
    claimant = next((who for prefix, who in CLAIMANTS.items() if Path(name).name.startswith(prefix)), None)
    verdict = decide(policy, invoice, Claim(employee_name=claimant or "", submitted_on=FAR_FUTURE))
    result.flags = tuple(f.code for f in verdict.flags)
    result.review = verdict.review_required
    result.names = invoice.names
    result.got = {
        "total": invoice.total,
        "currency": invoice.currency,
        "date": invoice.invoice_date,
        "number": invoice.invoice_number,
        "vendor": invoice.vendor,
        "amount_due": getattr(invoice, "amount_due", None),
    }
    _score(result)
    return result


NO_CURRENCY = "XXX"  # ISO 4217's code for "no currency"


def _open_policy(currency: str) -> Policy:
    """Covers the kinds of expense the corpus holds and caps nothing: only reading flags remain."""
    kinds = ("meals", "hotel", "travel", "fuel", "supplies", "services", "telecom", "insurance", "other")
    return Policy(
        policy_id="pol_eval",
        currency=currency,
        categories=tuple(Category(name=k) for k in kinds),
        title="evaluation policy (no caps)",
    )


def _source_of(label: dict[str, Any]) -> str:
    if label["file"].startswith("images/"):
        return "ocr"
    return "text layer (scanner OCR)" if label.get("text_layer") == "ocr" else "text layer"


def _score(r: FileResult) -> None:
    want, got = r.want, r.got
    if want.get("total") is not None:
        r.right["total"] = _same_amount(got.get("total"), want["total"])
    if want.get("amount_due") is not None:
        r.right["amount_due"] = _same_amount(got.get("amount_due"), want["amount_due"])
    if want.get("currency"):
        r.right["currency"] = got.get("currency") == want["currency"]
    if want.get("date"):
        r.right["date"] = got.get("date") == date.fromisoformat(want["date"])
    if want.get("number"):
        r.right["number"] = _fold_number(got.get("number")) == _fold_number(want["number"])
    if want.get("vendor"):
        r.right["vendor"] = same_vendor(got.get("vendor"), want["vendor"])


def _same_amount(got: Any, want: Any) -> bool:
    return got is not None and abs(Decimal(str(got)) - Decimal(str(want))) <= Decimal("0.01")


def _fold_number(value: Any) -> str:
    return re.sub(r"\s+", "", str(value or "")).casefold()


def _fold_text(value: str) -> list[str]:
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold()
    return [w for w in re.split(r"[^a-z0-9]+", text.replace("&", " ")) if w]


def same_vendor(got: str | None, want: str) -> bool:
    if not got:
        return False
    g, w = _fold_text(got), _fold_text(want)
    if not g or not w:
        return False
    # Whole words, never characters: a read "i" or "YOU" is no part of "Hilton Dublin".
    if g == w or _words_in(w, g) or _words_in(g, w):
        return True
    key = [t for t in w if t not in LEGAL_FORMS][:2]
    return bool(key) and _words_in(key, g)


def _words_in(part: list[str], whole: list[str]) -> bool:
    """Whether `part` is a run of consecutive words of `whole`."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


# -- report ----------------------------------------------------------------------------------


def _pct(hit: int, n: int) -> str:
    return f"{hit}/{n} ({100 * hit / n:.0f}%)" if n else "–"


def _row(title: str, results: list[FileResult]) -> str:
    cells = [_pct(*accuracy(results, f)) for f in FIELDS]
    cells.append(_pct(*false_review(results)))
    cells.append(_pct(*unread(results)))
    return f"| {title} | " + " | ".join(cells) + " |"


HEADER = (
    "| set | total | currency | invoice date | number | vendor | false review (clean) | unread |\n"
    "|---|---|---|---|---|---|---|---|"
)


def markdown_section(evaluation: InvoiceEvaluation) -> str:
    rs = evaluation.results
    out = ["## Invoices", "", HEADER]
    out.append(_row("**whole corpus**", rs))
    out.append(_row("development two thirds", evaluation.subset("development")))
    out.append(_row("**held-out third**", evaluation.subset("held-out")))
    out.append(_row("PDFs, whole", evaluation.subset(prefix="pdf/")))
    out.append(_row("PDFs, held-out", evaluation.subset("held-out", "pdf/")))
    out.append(_row("images, whole", evaluation.subset(prefix="images/")))
    out += ["", "### By source", "", HEADER]
    by_source: dict[str, list[FileResult]] = defaultdict(list)
    for r in rs:
        by_source[r.source].append(r)
    out += [_row(k, v) for k, v in sorted(by_source.items())]
    out += ["", "### By language", "", HEADER]
    by_lang: dict[str, list[FileResult]] = defaultdict(list)
    for r in rs:
        by_lang[r.language].append(r)
    out += [_row(k, v) for k, v in sorted(by_lang.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    hit, n = accuracy(rs, "amount_due")
    out += ["", f"Amount due (where printed): {_pct(hit, n)}."]
    contra = [r for r in rs if r.contradictory and r.error is None]
    caught = sum(bool(r.reading_flags) for r in contra)
    out.append(f"Contradictory documents flagged: {_pct(caught, len(contra))}.")
    out += ["", "### Silent misses (OCR'd documents)", "", *silent_table(evaluation)]
    counts = Counter(f for r in rs if r.clean and r.error is None for f in r.reading_flags)
    if counts:
        listed = ", ".join(f"`{k}` {v}" for k, v in counts.most_common())
        out.append(f"Reading flags on clean documents: {listed}.")
    out += ["", "### Reading flags on clean documents, per set", "", *flag_table(evaluation)]
    out += ["", "### Every miss, development two thirds", "", *miss_table(evaluation.subset("development"))]
    out += [
        "",
        "### Every miss, held-out third",
        "",
        "(Not read while developing the readers: these rows are the measure, not a to-do list.)",
        "",
        *miss_table(evaluation.subset("held-out")),
    ]
    return "\n".join(out) + "\n"


SETS = (("whole corpus", None), ("development", "development"), ("held-out", "held-out"))


def flag_table(evaluation: InvoiceEvaluation) -> list[str]:
    """Per set, how many clean documents carry each reading flag: counts only, never a file or value.

    It says which flag fires falsely on unseen documents without anyone opening them.
    """
    per_set: dict[str, tuple[int, Counter[str]]] = {}
    for title, split in SETS:
        clean = [r for r in evaluation.subset(split) if r.clean and r.error is None]
        per_set[title] = (len(clean), Counter(f for r in clean for f in set(r.reading_flags)))
    codes = sorted(READING_FLAGS)
    out = ["| flag | " + " | ".join(t for t, _ in SETS) + " |", "|---|" + "---|" * len(SETS)]
    for code in codes:
        out.append(f"| `{code}` | " + " | ".join(str(per_set[t][1][code]) for t, _ in SETS) + " |")
    flagged = [
        sum(bool(r.reading_flags) for r in evaluation.subset(split) if r.clean and r.error is None)
        for _, split in SETS
    ]
    out.append(
        "| any (false review) | "
        + " | ".join(_pct(f, per_set[t][0]) for f, (t, _) in zip(flagged, SETS, strict=True))
        + " |"
    )
    return out


def silent_table(evaluation: InvoiceEvaluation) -> list[str]:
    """Per set: OCR'd documents whose total or date is wrong and not sent to review (goal 0)."""
    out = ["| set | silent misses / OCR'd documents read |", "|---|---|"]
    for title, split in SETS:
        out.append(f"| {title} | {_pct(*silent_misses(evaluation.subset(split)))} |")
    return out


def miss_table(results: list[FileResult]) -> list[str]:
    out = ["| file | field | got | want |", "|---|---|---|---|"]
    for r in sorted(results, key=lambda r: r.file):
        if r.error is not None:
            out.append(f"| {r.file} | unread | {_cell(r.error)} | |")
            continue
        for f in (*FIELDS, *EXTRA_FIELDS):
            if r.right.get(f) is False:
                out.append(f"| {r.file} | {f} | {_cell(r.got.get(f))} | {_cell(r.want.get(f))} |")
        if r.clean and r.reading_flags:
            out.append(f"| {r.file} | flags | {_cell(', '.join(r.reading_flags))} | none |")
        if r.silent_miss:
            out.append(f"| {r.file} | silent miss | no review | review |")
    return out


def _cell(value: Any) -> str:
    text = "—" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 90 else text[:87] + "..."

"""Scores the offline policy reader on the labelled real policies in `<corpus>/policies`.

What is measured (labels.json there, fields in its README):
- limits right: a labelled cap is found when the reader produced a limit with the same amount,
  currency, category, unit and condition (a conditional cap needs a condition sharing a word with the
  labelled one; an unconditional cap needs none). One produced limit answers one labelled cap.
- wrong limits: produced limits whose amount is no labelled cap of that policy (an approval
  threshold, a rate, a page number...), as a share of all limits produced.
- exclusions: a labelled exclusion is found when a keyword of a produced exclusion occurs in its
  printed clause. Junk: a generic keyword (it would hit any invoice), or an exclusion none of whose
  keywords occurs in a labelled exclusion of the policy (a sentence subject, a company name).
- currency and deadline (days), exact.

The held-out third (tests/eval/corpus.py) is reported as aggregates only: its misses are not printed,
so that nobody tunes the reader to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.verdict.policy import CapRule, Policy, RuleType, condition_tokens
from tests.eval.corpus import is_held_out, load_labels

# The reader's expense kinds in the labels' vocabulary.
KIND_TO_LABEL: dict[str, tuple[str, ...]] = {
    "meals": ("meals", "per_diem"),
    "hotel": ("hotel",),
    "cab": ("local_transport",),
    "bus": ("bus",),
    "train": ("rail",),
    "flight": ("airfare",),
    "travel": ("airfare", "rail", "bus", "local_transport"),
    "car rental": ("car_rental",),
    "fuel": ("fuel",),
    "internet": ("internet",),
    "phone": ("phone",),
    "parking": ("parking_tolls",),
    "toll": ("parking_tolls",),
    "office supplies": ("supplies",),
    "training": ("registration",),
    "electronics": ("equipment",),
    "entertainment": ("entertainment",),
    "mileage": ("mileage",),
    "incidentals": ("incidentals",),
    "laundry": ("laundry",),
    "tips": ("tips",),
    "baggage": ("baggage",),
}
# Keywords that would exclude ordinary invoices: never a valid exclusion keyword on their own.
GENERIC_KEYWORDS = frozenset(
    [
        "service",
        "services",
        "charge",
        "charges",
        "fee",
        "fees",
        "cost",
        "costs",
        "expense",
        "expenses",
        "item",
        "items",
        "purchase",
        "purchases",
        "travel",
        "trip",
        "trips",
        "business",
        "personal",
        "other",
        "employee",
        "employees",
        "traveler",
        "travelers",
        "traveller",
        "staff",
        "university",
        "company",
        "organization",
        "department",
        "hotel",
        "hotels",
        "lodging",
        "meal",
        "meals",
        "food",
        "air",
        "airfare",
        "car",
        "vehicle",
        "transportation",
        "ticket",
        "tickets",
        "receipt",
        "receipts",
        "reimbursement",
        "payment",
        "amount",
        "new",
    ]
)


_COMMON = frozenset(
    [
        "are",
        "was",
        "were",
        "with",
        "from",
        "when",
        "per",
        "the",
        "any",
        "all",
        "not",
        "but",
        "may",
        "must",
        "can",
        "under",
    ]
)


@dataclass
class FileScore:
    file: str
    held_out: bool
    caps: int = 0
    caps_right: int = 0
    limits_produced: int = 0
    wrong_limits: list[str] = field(default_factory=list)
    missed_caps: list[str] = field(default_factory=list)
    exclusions: int = 0
    exclusions_found: int = 0
    missed_exclusions: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    currency: tuple[str, str] = ("", "")
    deadline: tuple[int | None, int | None] = (None, None)
    rates: int = 0
    rates_right: int = 0
    error: str = ""

    @property
    def currency_right(self) -> bool:
        return self.currency[0] == self.currency[1]

    @property
    def deadline_right(self) -> bool:
        return self.deadline[0] == self.deadline[1]


def _categories(name: str) -> set[str]:
    out = set(KIND_TO_LABEL.get(name, ()))
    for mention in find_mentions(name):
        out |= set(KIND_TO_LABEL.get(mention.kind, ()))
    return out


def _condition_matches(label: dict[str, Any], cap: CapRule) -> bool:
    if not label.get("conditional"):
        return cap.condition is None
    if cap.condition is None:
        return False
    words = condition_tokens(label.get("condition") or "") & condition_tokens(cap.condition.text)
    return any(len(w) > 2 and w not in _COMMON for w in words)


def _same_amount(a: Any, b: Decimal) -> bool:
    return Decimal(str(a)) == b


@cache
def _keyword_re(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])" + re.escape(keyword.lower()))


def _mentions(text: str, keyword: str) -> bool:
    # "first class" names "First-class airline tickets": hyphens and spaces are one separator.
    return _keyword_re(keyword.replace("-", " ")).search(text.lower().replace("-", " ")) is not None


def score_policy(policy: Policy, label: dict[str, Any], held_out: bool) -> FileScore:
    s = FileScore(label["file"], held_out)
    limits = list(policy.caps)
    s.limits_produced = len(limits)
    s.caps = len(label["caps"])
    free = list(limits)
    for cap in label["caps"]:
        hit = next(
            (
                p
                for p in free
                if _same_amount(cap["amount"], p.amount)
                and p.currency == cap["currency"]
                and cap["category"] in _categories(p.category)
                and (p.unit.value == cap["unit"] or cap["unit"] == "other")
                and _condition_matches(cap, p)
            ),
            None,
        )
        if hit is not None:
            s.caps_right += 1
            free.remove(hit)
        else:
            cond = f" if {cap['condition']}" if cap.get("conditional") else ""
            s.missed_caps.append(
                f"{cap['category']} {cap['amount']} {cap['currency']}/{cap['unit']}{cond}: {cap['clause'][:90]}"
            )
    labelled_amounts = {Decimal(str(c["amount"])) for c in label["caps"]}
    for p in limits:
        if p.amount not in labelled_amounts:
            cond = f" if {p.condition.text}" if p.condition else ""
            s.wrong_limits.append(f"{p.category} {p.amount} {p.currency}/{p.unit}{cond}: {p.clause[:90]}")
    rates = [a for a in policy.amounts if a.kind is RuleType.RATE]
    s.rates = len(label.get("rates", []))
    s.rates_right = sum(
        1 for r in label.get("rates", []) if any(_same_amount(r.get("amount"), a.amount) for a in rates)
    )
    _score_exclusions(s, policy, label)
    s.currency = (label["currency"], policy.currency)
    # The labels give no day count for a deadline stated in months.
    read_days = policy.deadline.days if policy.deadline and not policy.deadline.months else None
    s.deadline = (label.get("deadline_days"), read_days)
    return s


def _score_exclusions(s: FileScore, policy: Policy, label: dict[str, Any]) -> None:
    texts = [f"{e['clause']} {e['what']}" for e in label["exclusions"]]
    good: list[str] = []
    for rule in policy.exclusions:
        keywords = [k.strip().lower() for k in rule.keywords if k.strip()]
        generic = [k for k in keywords if k in GENERIC_KEYWORDS]
        useful = [k for k in keywords if k not in GENERIC_KEYWORDS and any(_mentions(t, k) for t in texts)]
        # A lexicon kind brings item words in many languages: the rule is junk only when none of
        # its words names something the policy excludes.
        s.junk += generic or ([] if useful else [rule.name])
        good += useful
    s.exclusions = len(label["exclusions"])
    for e in label["exclusions"]:
        if any(_mentions(e["clause"], k) for k in good):
            s.exclusions_found += 1
        else:
            s.missed_exclusions.append(f"{e['what']}: {e['clause'][:90]}")
    s.junk = sorted(set(s.junk))


def policy_folder(corpus_dir: Path) -> Path:
    """The corpus root or its `policies` folder itself: both are accepted."""
    nested = corpus_dir / "policies"
    return nested if (nested / "labels.json").is_file() else corpus_dir


def evaluate(corpus_dir: Path) -> list[FileScore]:
    folder = policy_folder(corpus_dir)
    reader = PdfplumberDocumentReader()
    interpreter = HeuristicPolicyInterpreter()
    scores = []
    for label in load_labels(folder / "labels.json"):
        held = is_held_out(label["file"])
        try:
            document = reader.read((folder / label["file"]).read_bytes(), label["file"])
            policy = interpreter.read(document)
        except Exception as exc:  # a file the reader fails on scores zero, with the reason
            s = FileScore(label["file"], held, caps=len(label["caps"]), exclusions=len(label["exclusions"]))
            s.error = f"{type(exc).__name__}: {exc}"
            s.currency = (label["currency"], "")
            s.deadline = (label.get("deadline_days"), None)
            scores.append(s)
            continue
        scores.append(score_policy(policy, label, held))
    return scores


@dataclass(frozen=True)
class Totals:
    files: int
    caps: int
    caps_right: int
    limits_produced: int
    wrong_limits: int
    exclusions: int
    exclusions_found: int
    junk: int
    currencies_right: int
    deadlines_right: int
    rates: int
    rates_right: int

    @property
    def limits_right_pct(self) -> float:
        return 100.0 * self.caps_right / self.caps if self.caps else 100.0

    @property
    def wrong_pct(self) -> float:
        return 100.0 * self.wrong_limits / self.limits_produced if self.limits_produced else 0.0

    @property
    def exclusions_pct(self) -> float:
        return 100.0 * self.exclusions_found / self.exclusions if self.exclusions else 100.0


def totals(scores: Iterable[FileScore]) -> Totals:
    ss = list(scores)
    return Totals(
        files=len(ss),
        caps=sum(s.caps for s in ss),
        caps_right=sum(s.caps_right for s in ss),
        limits_produced=sum(s.limits_produced for s in ss),
        wrong_limits=sum(len(s.wrong_limits) for s in ss),
        exclusions=sum(s.exclusions for s in ss),
        exclusions_found=sum(s.exclusions_found for s in ss),
        junk=sum(len(s.junk) for s in ss),
        currencies_right=sum(s.currency_right for s in ss),
        deadlines_right=sum(s.deadline_right for s in ss),
        rates=sum(s.rates for s in ss),
        rates_right=sum(s.rates_right for s in ss),
    )


def _row(name: str, t: Totals) -> str:
    return (
        f"| {name} | {t.files} | {t.caps_right}/{t.caps} ({t.limits_right_pct:.0f}%) | "
        f"{t.wrong_limits}/{t.limits_produced} ({t.wrong_pct:.0f}%) | "
        f"{t.exclusions_found}/{t.exclusions} ({t.exclusions_pct:.0f}%) | {t.junk} | "
        f"{t.currencies_right}/{t.files} | {t.deadlines_right}/{t.files} | {t.rates_right}/{t.rates} |"
    )


def markdown_section(corpus_dir: Path) -> str:
    scores = evaluate(corpus_dir)
    held = [s for s in scores if s.held_out]
    dev = [s for s in scores if not s.held_out]
    lines = [
        "## Policies",
        "",
        f"The offline policy reader on {len(scores)} real policies by others "
        "(`policies/labels.json` in the corpus). A limit is right when amount, currency, category, "
        "unit and condition all match; wrong limits are produced limits whose amount is no labelled "
        "cap (a threshold, a rate, a reference), as a share of the limits produced; junk keywords are "
        "exclusion keywords that are generic words or name nothing the policy excludes.",
        "",
        "| set | files | limits right | wrong limits | exclusions found | junk keywords | currency | "
        "deadline | rates |",
        "|---|---|---|---|---|---|---|---|---|",
        _row("whole corpus", totals(scores)),
        _row("development", totals(dev)),
        _row("held-out third", totals(held)),
        "",
        "### Per development policy",
        "",
        "| file | limits right | wrong | exclusions | junk | currency (want/got) | deadline (want/got) |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in dev:
        lines.append(
            f"| {s.file} | {s.caps_right}/{s.caps} | {len(s.wrong_limits)}/{s.limits_produced} | "
            f"{s.exclusions_found}/{s.exclusions} | {len(s.junk)} | {s.currency[0]}/{s.currency[1] or '-'} | "
            f"{s.deadline[0]}/{s.deadline[1]} |"
        )
    lines += ["", "### Every miss (development policies; held-out misses are not shown)", ""]
    for s in dev:
        lines.append(f"**{s.file}**" + (f" — reader failed: {s.error}" if s.error else ""))
        lines.append("")
        for title, items in (
            ("missed limit", s.missed_caps),
            ("wrong limit", s.wrong_limits),
            ("missed exclusion", s.missed_exclusions),
            ("junk keyword", s.junk),
        ):
            lines += [f"- {title}: {_escape(item)}" for item in items]
        if not s.currency_right:
            lines.append(f"- currency: want {s.currency[0]}, got {s.currency[1] or 'nothing'}")
        if not s.deadline_right:
            lines.append(f"- deadline: want {s.deadline[0]}, got {s.deadline[1]}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


if __name__ == "__main__":
    from tests.eval.corpus import corpus_dir

    print(markdown_section(corpus_dir()))

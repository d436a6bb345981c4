"""Duplicate rules on the real corpus: every file taken as a distinct claim of one employee, decided
in decision order. The corpus holds no two files of one bill, so a decline is a false copy and a
near match a needless review. Figures per split; held-out files are counted, never listed.

    .venv/bin/python -m tests.eval.duplicate_eval            # what the offline readers extract
    .venv/bin/python -m tests.eval.duplicate_eval --labels   # the labelled fields (the rules alone)
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from typing import Any

from dependency_injector import providers

from reimburse.config import Settings
from reimburse.container import build_container
from reimburse.domain.verdict.duplicates import ClaimedBill, decision_order, judge_duplicates
from tests.eval.corpus import corpus_dir, load_labels, split_name
from tests.eval.invoice_eval import _evaluate_one

CLAIMED_ON = date(2025, 1, 1)


def _from_labels() -> list[tuple[str, ClaimedBill]]:
    out = []
    for label in load_labels(corpus_dir() / "labels.json"):
        if label.get("total") is None:
            continue
        when = date.fromisoformat(label["date"]) if label.get("date") else None
        bill = ClaimedBill(
            label["file"],
            label.get("vendor"),
            label.get("number"),
            when,
            Decimal(str(label["total"])),
            CLAIMED_ON,
            label.get("currency") or "",
        )
        out.append((split_name(label["file"]), bill))
    return out


def _extracted() -> list[tuple[str, ClaimedBill]]:
    corpus = corpus_dir()
    unused = str(corpus / ".unused")
    container = build_container(Settings(data_dir=unused, log_dir=unused))
    container.executor.override(providers.Object(None))  # read in this process
    reader, extractor = container.reader(), container.extractor()
    out = []
    for label in load_labels(corpus / "labels.json"):
        r = _evaluate_one(corpus, label, reader, extractor)
        if r.error is not None:
            continue
        got: dict[str, Any] = r.got
        bill = ClaimedBill(
            r.file,
            got["vendor"],
            got["number"],
            got["date"],
            Decimal(got["total"]),
            CLAIMED_ON,
            got["currency"] or "",
        )
        out.append((r.split, bill))
    return out


def main() -> None:
    bills = _from_labels() if "--labels" in sys.argv else _extracted()
    for split in ("development", "held-out", "whole"):
        chosen = [b for s, b in bills if split in ("whole", s)]
        ordered = [chosen[i] for i in decision_order([b.invoice_date for b in chosen])]
        matches = judge_duplicates(ordered, [])
        sure = [(b, m) for b, m in zip(ordered, matches, strict=True) if m is not None and m.declines]
        near = [(b, m) for b, m in zip(ordered, matches, strict=True) if m is not None and not m.declines]
        print(
            f"{split}: {len(chosen)} files, declined as copies {len(sure)}, flagged as near matches {len(near)}"
        )
        if split == "development":
            for b, m in sure + near:
                print(f"    {m.kind.value}: {b.invoice_id} <- {m.original.invoice_id} ({m.detail})")


if __name__ == "__main__":
    main()

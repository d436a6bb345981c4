"""`make eval`: reads the whole real corpus through the real pipeline and writes docs/accuracy.md."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from tests.eval import invoice_eval
from tests.eval.corpus import ENV, corpus_dir

OUT = Path(__file__).resolve().parents[2] / "docs" / "accuracy.md"
INTRO = """# Accuracy on real documents

Written by `make eval` (`python -m tests.eval.run`) from `{corpus}`: real invoices, receipts and
policies that others made and labelled (see the corpus README). A fixed third is **held out**: a
file is held out when the SHA-256 of its path inside the corpus, read as an integer, is divisible
by 3 (`tests/eval/corpus.py`). Held-out files are never opened while developing the readers, so
their rows are the honest estimate on unseen documents. `tests/eval/test_*_accuracy.py` fails
when a figure falls below its threshold.

Scoring rules are in the docstring of each evaluation module (`tests/eval/invoice_eval.py`, ...).
The OCR engine was chosen by measurement on the development images: see `docs/ocr.md`.
"""


def main() -> int:
    corpus = corpus_dir()
    if not (corpus / "labels.json").exists():
        print(f"No corpus at {corpus} (set {ENV})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    sections = [INTRO.format(corpus=corpus.name)]
    sections.append(invoice_eval.markdown_section(invoice_eval.evaluate(corpus)))
    try:
        policy_eval = importlib.import_module("tests.eval.policy_eval")
    except ModuleNotFoundError:
        policy_eval = None
    if policy_eval is not None and (corpus / "policies").exists():
        sections.append(policy_eval.markdown_section(corpus / "policies"))
    OUT.write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {OUT} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""For developers of the readers: figures and misses on the development two thirds only.

`python -m tests.eval.dev [pdf/|images/]` never prints a held-out file's values.
"""

from __future__ import annotations

import sys

from tests.eval import invoice_eval
from tests.eval.corpus import corpus_dir, is_held_out, load_labels


def main() -> int:
    corpus = corpus_dir()
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    files = [
        label["file"]
        for label in load_labels(corpus / "labels.json")
        if not is_held_out(label["file"]) and label["file"].startswith(prefix)
    ]
    evaluation = invoice_eval.evaluate(corpus, only=files)
    print(invoice_eval.HEADER)
    print(invoice_eval._row("development", evaluation.results))
    hit, n = invoice_eval.silent_misses(evaluation.results)
    print(f"\nsilent misses (OCR'd, total or date wrong, no review): {hit} of {n}")
    contra = [r for r in evaluation.results if r.contradictory and r.error is None]
    caught = sum(bool(r.reading_flags) for r in contra)
    print(f"contradictory documents flagged: {caught} of {len(contra)}")
    print()
    print("\n".join(invoice_eval.miss_table(evaluation.results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

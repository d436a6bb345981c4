"""Aggregate figures on every set, held-out included: counts only, never a file, value or miss.

`python -m tests.eval.aggregate [pdf/|images/]` prints the field rows, the reading flags on clean
documents per set and the silent misses. It tells a reader's developer how a change does on unseen
documents without showing them, so no rule can be fitted to one of them.
"""

from __future__ import annotations

import sys

from tests.eval import invoice_eval
from tests.eval.corpus import corpus_dir, load_labels


def main() -> int:
    corpus = corpus_dir()
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    files = [
        label["file"] for label in load_labels(corpus / "labels.json") if label["file"].startswith(prefix)
    ]
    evaluation = invoice_eval.evaluate(corpus, only=files)
    print(invoice_eval.HEADER)
    for title, split in invoice_eval.SETS:
        print(invoice_eval._row(title, evaluation.subset(split)))
    print()
    print("\n".join(invoice_eval.flag_table(evaluation)))
    print()
    print("\n".join(invoice_eval.silent_table(evaluation)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

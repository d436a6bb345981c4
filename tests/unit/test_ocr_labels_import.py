"""The OCR review reads invoice labels at import time, without the heuristic reader: the label
lexicon lives outside the heuristic package (which loads the review as it loads), so neither a
function-level import nor an import cycle is needed."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from decimal import Decimal
from reimburse.adapters.ocr import corroborate, parts
from reimburse.domain.verdict.document import Line, Page, Word

words = (Word("Tip", 0, 0, 20, 10), Word("46.78", 30, 0, 60, 10))
page = Page(number=1, width=100, height=100, lines=(Line(text="Tip 46.78", words=words),))
assert parts.part_over_total([page], Decimal("6.10")) == Decimal("46.78")
assert parts.total_only_as_added_part([page], Decimal("46.78"))
corroborate.items_sum([page], Decimal("46.78"))
loaded = sorted(m for m in sys.modules if m.startswith("reimburse.adapters.heuristic"))
print(",".join(loaded))
"""


def test_the_ocr_label_checks_run_without_loading_the_heuristic_reader() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_heuristic_reader_still_loads_first() -> None:
    # The other order: the heuristic package loads the OCR review, which loads the lexicon.
    probe = "import reimburse.adapters.heuristic; import reimburse.adapters.ocr.parts"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr

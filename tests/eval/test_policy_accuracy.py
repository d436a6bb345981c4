"""The offline policy reader keeps its measured accuracy on the real policies (docs/accuracy.md).

Thresholds sit just under the figures measured when they were set, so a regression fails here; raise
them when the reader improves. Without the corpus the test skips (naming the path), except in CI.
"""

from __future__ import annotations

import os

import pytest

from tests.eval.corpus import corpus_dir
from tests.eval.policy_eval import FileScore, Totals, evaluate, totals

# (limits right %, wrong limits % at most, exclusions found %, junk at most, currencies, deadlines)
WHOLE = (6.0, 45.0, 45.0, 34, 5, 3)
HELD_OUT = (5.0, 25.0, 50.0, 24, 3, 0)


@pytest.fixture(scope="module")
def scores() -> list[FileScore]:
    folder = corpus_dir() / "policies"
    if not (folder / "labels.json").is_file():
        message = f"policy corpus not found at {folder} (set REIMBURSE_CORPUS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return evaluate(corpus_dir())


def _check(t: Totals, floor: tuple[float, float, float, int, int, int]) -> None:
    limits, wrong, exclusions, junk, currencies, deadlines = floor
    assert t.limits_right_pct >= limits, t
    assert t.wrong_pct <= wrong, t
    assert t.exclusions_pct >= exclusions, t
    assert t.junk <= junk, t
    assert t.currencies_right >= currencies, t
    assert t.deadlines_right >= deadlines, t


def test_whole_policy_corpus(scores: list[FileScore]) -> None:
    assert not [s.error for s in scores if s.error]
    _check(totals(scores), WHOLE)


def test_held_out_policies(scores: list[FileScore]) -> None:
    _check(totals(s for s in scores if s.held_out), HELD_OUT)

"""The offline policy reader keeps its measured accuracy on the real policies (docs/accuracy.md).

Thresholds sit just under the figures measured when they were set, so a regression fails here; raise
them when the reader improves. Without the corpus the test skips (naming the path), except in CI.
"""

from __future__ import annotations

import os

import pytest

from tests.eval.corpus import corpus_dir
from tests.eval.policy_eval import FileScore, Totals, evaluate, policy_folder, totals

# (limits right %, wrong limits % at most, exclusions found %, junk at most, currencies, deadlines)
# Limits, measured 2026-11-27 00:21 (issue 19, reader version 19): whole 23/33 (70%), 0/31 wrong (was
# 1/33); development 12/15, 0/15; held-out 11/18 (61%), 0/16 (was 1/18: gone with 26b36fa's readings,
# refused excess, shares of a per diem, approval-only refusals). Any new wrong limit fails the floors.
# Limits, measured 2026-11-26 21:38 (issue 19, reader version 18): unchanged at whole 23/33 (70%),
# 1/33 wrong; development 12/15, 0/15; held-out 11/18 (61%), 1/18; rates 5/5 (was 2/5: "$ .54 per
# mile" and cents rates are read). Fallback grade rows, city rows, per stay, units from headings and
# approval-matrix rows are general phrasings (probes in test_heuristic_policy_limit_rows.py) that
# these six policies do not print.
# Limits, measured 2026-11-26 18:40 (issue 19, reader version 16): whole 23/33 (70%), 1/33 wrong
# (3%); development 12/15 (80%), 0/15; held-out 11/18 (61%), 1/18 (6%). Conditions from funding,
# way of claiming and kind of trip, run-together tables, place sides, incidentals/tips/laundry/baggage.
# Exclusions, measured 2026-11-27 00:15 (issue 19, reader version 19): unchanged at whole 108/141
# (76.6%), development 46/58, held-out 62/83 (74.7%), 0 junk on every set; the floors stay just under
# them. The new phrasings (neither/nor, spaced two-column layouts, "Examples include" after a
# refusal, articles and "expenses" heads in other languages, new kinds) are in
# test_heuristic_exclusion_phrasings.py; none of them was among these misses.
# Exclusions, measured 2026-11-26 21:35 (issue 19, reader version 18): whole 108/141 (77%), 0 junk;
# development 46/58 (79%), 0 junk; held-out 62/83 (74.7%), 0 junk. The held-out junk was a lexicon
# kind named by a word its bill keywords did not find; every path now applies one keyword guard.
# Exclusions and deadlines, measured 2026-11-26 18:25 (issue 19, reader version 16): whole 108/141
# exclusions (77%), 1 junk, 6/6 deadlines; development 46/58 (79%), 0 junk; held-out 62/83 (75%),
# 1 junk, 3/3. Sentence subjects and objects must name a thing the lexicon knows: that guard cost 1
# development and 1 held-out find and removed 5 held-out junk keywords.
# Measured 2026-11-26 (issue 19, reader version 14): whole 19/33 limits (58%), 1/31 wrong (3%),
# 104/141 exclusions (74%), 7 junk, 6/6, 5/6, 2/5 rates; development 11/15, 0/15, 44/58 (76%), 0 junk;
# held-out 8/18 (44%), 1/16 (6%), 60/83 (72%), 7 junk, 3/3, 2/3. Exclusions found fell from 78%
# because keywords must now be concrete nouns: junk 20 -> 7 was worth 5 held-out finds.
# Reader version 9: whole 13/33 limits (39%), 1/27 wrong (4%),
# 110/141 exclusions (78%), 20 junk, 6/6 currencies, 5/6 deadlines, 2/5 rates; development 11/15,
# 0/15, 45/58, 0 junk; held-out 2/18 (11%), 1/12 (8%), 65/83 (78%), 20 junk, 3/3, 2/3.
# Before (reader version 2): whole 106/141 exclusions with 28 junk (development 41/58, 4 junk;
# held-out 65/83, 24 junk). Before issue 19: whole 2/33, 7/17 wrong, 65/141, 34 junk, 5/6, 3/6.
WHOLE = (68.0, 2.0, 76.0, 0, 6, 6)
HELD_OUT = (60.0, 3.0, 74.0, 0, 3, 3)
DEVELOPMENT_JUNK = 0


@pytest.fixture(scope="module")
def scores() -> list[FileScore]:
    folder = policy_folder(corpus_dir())
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
    whole = totals(scores)
    _check(whole, WHOLE)
    assert whole.rates_right >= 4, whole


def test_development_policies_have_no_junk_keyword(scores: list[FileScore]) -> None:
    assert totals(s for s in scores if not s.held_out).junk <= DEVELOPMENT_JUNK


def test_held_out_policies(scores: list[FileScore]) -> None:
    _check(totals(s for s in scores if s.held_out), HELD_OUT)

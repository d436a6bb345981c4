"""Policy text -> clauses with their heading and lead-in."""

from __future__ import annotations

from reimburse.adapters.heuristic.clauses import split_clauses


def texts(text: str) -> list[str]:
    return [c.text for c in split_clauses(text)]


def test_sentences_split_but_not_at_abbreviations() -> None:
    assert texts("Meals up to Rs. 500 per meal, e.g. lunch. Alcohol is not reimbursable.") == [
        "Meals up to Rs. 500 per meal, e.g. lunch.",
        "Alcohol is not reimbursable.",
    ]


def test_wrapped_lines_and_broken_words_are_joined() -> None:
    assert texts("Alcoholic drinks are not reimburs-\nable under any\ncircumstances.") == [
        "Alcoholic drinks are not reimbursable under any circumstances."
    ]


def test_numbered_headings_and_inline_titles_become_context() -> None:
    clauses = split_clauses(
        "3. Accommodation\nThe nightly limit is INR 5,000.\n"
        "4.2 Travel by bus or train. Bus fares are reimbursed.\n"
        "4.3 Alcohol is not reimbursable. Neither are cigarettes.\n"
    )
    assert [(c.heading, c.text) for c in clauses] == [
        ("Accommodation", "The nightly limit is INR 5,000."),
        ("Travel by bus or train", "Bus fares are reimbursed."),
        # A sentence with a verb is a rule, not a title; the section heading still applies.
        ("Accommodation", "Alcohol is not reimbursable."),
        ("Accommodation", "Neither are cigarettes."),
    ]


def test_bullets_under_a_lead_in_keep_it() -> None:
    clauses = split_clauses(
        "The following are not reimbursable:\n- Alcohol\n• Minibar charges\nClaims go to HR."
    )
    assert [(c.lead, c.text) for c in clauses] == [
        ("The following are not reimbursable:", "Alcohol"),
        ("The following are not reimbursable:", "Minibar charges"),
        ("", "Claims go to HR."),
    ]


def test_markdown_headings_and_emphasis() -> None:
    clauses = split_clauses("## What we reimburse\n* **Meals**: up to $40/day.\n")
    assert [(c.heading, c.label, c.text) for c in clauses] == [
        ("What we reimburse", "Meals", "Meals: up to $40/day.")
    ]

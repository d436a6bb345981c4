"""Exclusion keywords are concrete expense nouns (issue 19): never a pronoun, a process noun, a lone
modifier of a coordinated noun, or a participle closing the phrase; texts are synthetic."""

from __future__ import annotations

import hashlib

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def keywords(policy: Policy) -> set[str]:
    return {k for e in policy.exclusions for k in e.keywords}


def test_pronouns_and_process_nouns_are_no_keywords() -> None:
    policy = read(
        "Meals are reimbursed.\nThese items will not be reimbursed unless approved.\n"
        "Travel advances are not reimbursable after the trip.\n"
        "Exceptions will not be reimbursed.\n"
    )
    assert not policy.exclusions


def test_a_participle_closing_the_phrase_leaves_only_a_generic_word() -> None:
    policy = read("Hotels are reimbursed.\nService charges added by the hotel are not reimbursable.\n")
    assert not {"service", "service charges added"} & keywords(policy)


def test_a_lone_modifier_of_a_coordinated_noun_is_no_keyword() -> None:
    policy = read(
        "The following will not be reimbursed:\n- lost or stolen articles;\n"
        "- charitable or political contributions;\n- alcohol and in-room movies;\n- haircuts\n"
    )
    words = keywords(policy)
    # Stolen articles, haircuts and donations are lexicon kinds now: their bill words are the keywords.
    assert {"stolen", "political contribution", "alcohol", "movie", "haircut"} <= words
    assert not {"lost", "charitable"} & words


def test_a_bare_noun_subject_of_a_sentence_needs_the_lexicon_or_a_list() -> None:
    # "Upgrades" from a sentence could be a process word; alcohol is a known kind.
    policy = read("Meals are reimbursed.\nReservations are not reimbursable. Alcohol is not reimbursable.\n")
    assert {e.name for e in policy.exclusions} == {"alcohol"}


def test_a_prohibited_qualified_expense_kind_is_excluded_but_not_a_rule_of_conduct() -> None:
    policy = read(
        "Hotels are reimbursed.\nLuxury hotels are not permitted for business travel.\n"
        "Guest visits are not permitted.\n"
    )
    assert keywords(policy) == {"luxury hotels", "luxury hotel"}


def test_people_accompanying_the_traveller_are_the_excluded_items() -> None:
    policy = read(
        "The following are not reimbursable:\n"
        "- Expenses of a spouse, family member, or other person accompanying the traveler\n"
    )
    assert {"spouse", "family member"} <= keywords(policy)
    assert "person" not in keywords(policy)

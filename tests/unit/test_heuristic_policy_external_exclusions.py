"""Exclusions and deadlines as real policies outside the corpus print them (issue 19): a refused
list announced by a sentence with a caveat after it, items of that list that are really sentences,
and the ways German, Dutch, Portuguese and Spanish say "not reimbursed" and count a deadline.
Every text is written for these tests; it keeps only the structure that was seen."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.deadlines import find_deadline_rule
from tests.policy_text import keywords, names, read


# "The following items are generally not reimbursable. Note: This list is not all-inclusive." then
# a numbered list (two issuers): the caveat sat between the lead-in and its items, so the short
# numbered items were read as section headings and nothing was excluded.
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "The following items are usually not reimbursable. Note: This list is not exhaustive.\n"
            "1. Minibar charges\n2. Golf fees\n3. Parking tickets\n",
            {"minibar", "recreation", "fines"},
        ),
        (
            "The following items are generally not reimbursable. Note: This list is not all-inclusive.\n\n"
            "Snacks between meals\n\n"
            "1. Hotel movies\n2. Babysitting\n3. Laundry on short trips\n",
            {"entertainment", "child care"},
        ),
    ],
)
def test_a_caveat_after_the_lead_in_keeps_the_list_refused(text: str, kinds: set[str]) -> None:
    assert kinds <= names(read(text))


def test_a_numbered_section_title_after_a_refusal_is_no_item() -> None:
    # A rule sentence that happens to say "include" and "prohibited", then the next numbered
    # section: its title ("Emergency Procedures") is a heading, never an excluded thing.
    text = (
        "Client dinners must include the names of the guests. Cash gifts are strictly prohibited.\n"
        "9. Emergency and Health Procedures\n"
        "Travellers call the security desk first.\n"
    )
    assert not {k for k in keywords(read(text)) if "emergenc" in k}


def test_expenses_incurred_by_someone_name_who() -> None:
    text = "The following expenses are not reimbursable:\n- Expenses incurred by spouses and children\n"
    assert "spouses" in keywords(read(text))


# Sentences printed among the items (two issuers each for the pronoun and instruction forms): a
# phrase keyword taken from them would decline invoices for words like "nature" or "likewise".
@pytest.mark.parametrize(
    ("line", "junk"),
    [
        ("For questions please get in touch with the travel desk.", "questions"),
        ("This pertains to all staff, visitors and guests.", "this pertains"),
        ("These costs are part of the mileage rate.", "these costs"),
        ("Likewise, the company is not liable for damage to private cars.", "likewise"),
        ("The purpose of the meeting must be written on the voucher.", "purpose"),
        ("Employees should carry their own liability cover.", "employees should"),
    ],
)
def test_a_sentence_among_the_items_gives_no_phrase_keyword(line: str, junk: str) -> None:
    text = f"Non-Reimbursable Expenses\n{line}\nThe following are not reimbursable:\n- Valet parking\n"
    found = keywords(read(text))
    assert not {k for k in found if k.startswith(junk.split()[0].lower())}
    assert "valet" in found


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # German: "keine erstattungsfähigen Nebenkosten sind ...", "Keine Reisenebenkosten ... sind".
        (
            "Keine erstattungsfähigen Nebenkosten sind insbesondere Trinkgelder und Geschenke.\n",
            {"tips", "gifts"},
        ),
        (
            "Keine Reisenebenkosten im Sinne von Abschnitt 4.2 dieser Richtlinie sind z.B. Ausgaben für:\n"
            "- Massagen,\n- Minibar oder\n- Pay-TV\n",
            {"spa", "minibar", "entertainment"},
        ),
        ("Nicht anrechenbar sind Bußgelder.\n", {"fines"}),
        ("Souvenirs gelten nicht als Reisenebenkosten.\n", {"gifts"}),
        # Dutch: "U heeft geen recht op vergoeding voor: ...".
        ("U heeft geen recht op vergoeding van de volgende kosten:\n- boetes\n- fooien\n", {"fines", "tips"}),
        # Portuguese: "não serão reembolsadas", "não devem ser reembolsadas, como: ...".
        (
            "As despesas abaixo não devem ser reembolsadas, como:\n- Multas de trânsito;\n- Entretenimento;\n",
            {"fines", "entertainment"},
        ),
        # Spanish, also spelt "rembolsar": "no se rembolsarán".
        ("Los siguientes gastos no se rembolsarán:\n- Multas\n- Propinas\n", {"fines", "tips"}),
    ],
)
def test_refusals_in_other_languages(text: str, kinds: set[str]) -> None:
    assert kinds <= names(read(text))


# The active refusal ("the company will not reimburse X") in other languages: the thing refused is
# the verb's object, never the company that refuses (a Spanish template: "(Company) no rembolsará a
# los pasajeros por la pérdida de artículos personales").
@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("La empresa no reembolsará las multas de tráfico.", {"fines"}),
        ("La compañía no rembolsará a los viajeros por la pérdida de objetos personales.", {"lost property"}),
        ("Die Firma erstattet keine Kosten für Minibar und Trinkgelder.", {"minibar", "tips"}),
        ("L'entreprise ne rembourse pas les amendes ni les pourboires.", {"fines", "tips"}),
        ("A empresa não reembolsará multas de trânsito.", {"fines"}),
        ("De werkgever vergoedt geen boetes.", {"fines"}),
        ("L'azienda non rimborsa le multe.", {"fines"}),
    ],
)
def test_active_refusals_in_other_languages_exclude_their_object(sentence: str, kinds: set[str]) -> None:
    policy = read(sentence + "\n")
    assert names(policy) == kinds
    assert not {
        k for k in keywords(policy) if k in {"empresa", "firma", "entreprise", "werkgever", "azienda"}
    }


def test_a_situation_under_a_foreign_refusal_gives_no_keyword() -> None:
    # "a business trip shorter than four hours": a condition, not a thing on an invoice.
    text = "U heeft geen recht op vergoeding voor:\n- een dienstreis korter dan vier uur\n- fooien\n"
    found = keywords(read(text))
    assert not {k for k in found if "dienstreis" in k}
    assert "fooi" in found


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        (
            "No se pagará ningún reembolso de gastos que se presenten más de noventa (90) días después del viaje.",
            90,
        ),
        ("Las solicitudes de reembolso deben presentarse a más tardar treinta días después del viaje.", 30),
        (
            "Le richieste di rimborso devono essere inviate al tesoriere entro quindici giorni dalla trasferta.",
            15,
        ),
        ("Le richieste di rimborso vanno presentate entro 20 giorni.", 20),
        ("Die Abrechnung ist innerhalb von vierzehn Tagen nach Reiseende einzureichen.", 14),
        ("Declaraties moeten uiterlijk dertig dagen na de reis worden ingediend.", 30),
        ("Os pedidos de reembolso devem ser apresentados no prazo de trinta dias após a viagem.", 30),
        ("La note de frais doit être présentée au plus tard trente jours après la mission.", 30),
    ],
)
def test_deadlines_in_other_languages(sentence: str, days: int) -> None:
    found = find_deadline_rule(sentence)
    assert found is not None
    assert found.days == days

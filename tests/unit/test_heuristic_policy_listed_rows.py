"""A grade x destination table whose grid was lost: the row labels listed in one cell, each
column's amounts in the same order in the next cells (listed_rows.py)."""

from decimal import Decimal

from reimburse.adapters.heuristic.listed_rows import listed_rows
from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read

TABLE = """Ajudas de custo diárias / 2024
Cargo ou remuneração | Viagens em Portugal | Viagens ao estrangeiro |
- Direção
- Restantes trabalhadores: - Nível superior a 12 - Outros |
€ 80,10
€ 60,25 € 45,00 |
€ 190,40
€ 150,75 € 120,30 |
"""


def _caps(text: str) -> dict[Decimal, tuple[str, CapUnit, tuple[str, ...], tuple[str, ...]]]:
    return {
        c.amount: (
            c.category,
            c.unit,
            c.condition.grades if c.condition else (),
            c.condition.locations if c.condition else (),
        )
        for c in read(text).caps
    }


def test_the_kth_amount_of_each_column_is_the_kth_label_s() -> None:
    caps = _caps(TABLE)
    assert caps[Decimal("80.10")][2:] == (("Direção",), ("Viagens em Portugal",))
    assert caps[Decimal("120.30")][2:] == (("Outros",), ("Viagens ao estrangeiro",))
    assert caps[Decimal("60.25")][2] == ("Nível superior a 12",)


def test_an_item_ending_in_a_colon_heads_the_items_after_it_and_is_no_row() -> None:
    ((rows, _, _, _),) = listed_rows(TABLE)
    assert [r[0] for r in rows[1:]] == ["Direção", "Nível superior a 12", "Outros"]


def test_ajudas_de_custo_are_a_daily_allowance() -> None:
    assert _caps(TABLE)[Decimal("190.40")][:2] == ("meals", CapUnit.DAY)


def test_columns_whose_amounts_do_not_match_the_labels_are_not_read() -> None:
    assert listed_rows(TABLE.replace("€ 60,25 € 45,00 |", "€ 60,25 |")) == []

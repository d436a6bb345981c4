"""The vendor reader on party blocks told apart by where they are printed (issue 11): a block
under a customer heading is the customer's wherever its text line starts, and registration
details belong to the block whose column they are printed in."""

from __future__ import annotations

from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.adapters.heuristic.vendor import read_vendor
from tests.layout_lines import placed_document

Rows = list[list[tuple[float, float, str]]]


def _vendor(rows: Rows, *, placed: bool = True) -> str | None:
    document = placed_document(rows)
    infos = analyse_lines(normalize(document.text).split("\n"))
    return read_vendor(infos, (), Layout(document) if placed else None)[0]


def _under_right_heading(seller: str, customer: str, heading: str) -> list[list[tuple[float, float, str]]]:
    # the customer's block sits right, under its heading; its lines hold one cell each, so
    # their text starts at column 0 as the seller's lines do
    return [
        [(40, 20, seller)],
        [(40, 34, "Carrer del Forn 3, 08001 Barcelona")],
        [(40, 48, "NIF: B12345678")],
        [(40, 80, "FACTURA"), (330, 80, heading)],
        [(330, 94, customer)],
        [(330, 108, "NIF: B87654321")],
        [(40, 122, "Fecha: 03/03/2025"), (330, 122, "Av. del Port 80, 46021 Valencia")],
        [(40, 160, "TOTAL"), (330, 160, "1.139,82 EUR")],
    ]


def test_a_single_cell_line_under_a_right_hand_customer_heading_is_the_customers() -> None:
    rows = _under_right_heading("Tallers Bosch S.L.", "Obras Norte SL", "Datos del cliente:")
    assert _vendor(rows) == "Tallers Bosch S.L."
    # the text alone loses the column: the seller's name two lines over its NIF and the customer's
    # right over its own read alike, and no vendor beats the customer's name (review rev_party)
    assert _vendor(rows, placed=False) is None


def test_the_same_holds_for_an_english_heading_and_other_forms() -> None:
    rows = _under_right_heading("Harbour Joinery Ltd", "Crestline Homes Inc.", "Bill to")
    assert _vendor(rows) == "Harbour Joinery Ltd"


def _side_by_side(customer: str, seller: str, registration: str, *, right_aligned: bool) -> Rows:
    # the customer's block first on the left, the seller's on the same lines to the right, no
    # heading over either; the seller's registration is printed in its own block
    def right(top: float, text: str) -> tuple[float, float, str]:
        return (560 - 6 * len(text) - 3 * text.count(" ") if right_aligned else 420, top, text)

    return [
        [(50, 20, customer), right(20, seller)],
        [(50, 34, "14 Cathedral Yard"), right(34, registration)],
        [(50, 48, "Exeter EX1 1HB"), right(48, "2 Mill Lane")],
        [right(62, "Bristol BS1 6XN")],
        [(50, 100, "Invoice INV-0042")],
        [(50, 130, "Total"), (420, 130, "£1,440.00")],
    ]


def test_a_registration_names_the_party_whose_block_it_is_printed_in() -> None:
    for aligned in (True, False):
        rows = _side_by_side(
            "Harrow & Finch Ltd", "Greystone Consulting Ltd", "VAT ID: GB318447261", right_aligned=aligned
        )
        assert _vendor(rows) == "Greystone Consulting Ltd"
        assert _vendor(rows, placed=False) == "Greystone Consulting Ltd"  # rows of as many cells


def test_a_registration_in_the_left_block_names_the_left_party() -> None:
    rows = _side_by_side(
        "Kopano Digital (Pty) Ltd", "Mokoena Logistics (Pty) Ltd", "2 Mill Lane", right_aligned=True
    )
    rows[1] = [(50, 34, "Reg. No 2019/118452/07"), rows[1][1]]
    rows[2] = [(50, 48, "Exeter EX1 1HB"), (420, 48, "14 Cathedral Yard")]
    assert _vendor(rows) == "Kopano Digital (Pty) Ltd"


def _customer_left_with_field(
    customer: str, seller: str, heading: str
) -> list[list[tuple[float, float, str]]]:
    # both parties' blocks side by side without headings, the customer's on the left; a row of
    # fields further down names the customer under a customer heading
    return [
        [(50, 20, customer), (330, 20, seller)],
        [(50, 34, "420 rue Saint-Joseph Est"), (330, 34, "1180 rue Belanger")],
        [(50, 48, "Email: orders@" + customer.split()[0].lower() + ".example")],
        [(50, 90, "Billing date"), (200, 90, heading), (400, 90, "Customer code")],
        [(50, 104, "14/10/2025"), (200, 104, customer), (400, 104, "CUST-10422")],
        [(50, 140, "Total"), (400, 140, "1 195,74 $")],
    ]


def test_a_company_a_customer_field_names_is_never_the_vendor() -> None:
    rows = _customer_left_with_field(
        "Boulangerie Saint-Roch inc.", "Imprimerie Laurentide inc.", "Ref. customer"
    )
    assert _vendor(rows) == "Imprimerie Laurentide inc."
    rows = _customer_left_with_field("Panaderia Sol S.L.", "Imprenta Norte S.L.", "Cliente")
    assert _vendor(rows) == "Imprenta Norte S.L."


def test_a_customer_field_beside_its_value_names_the_customer_too() -> None:
    rows = _customer_left_with_field("Panaderia Sol S.L.", "Imprenta Norte S.L.", "Pedido")
    rows[4][1] = (200, 104, "P-1182")
    rows.insert(5, [(50, 118, "Customer: Panaderia Sol S.L.")])
    assert _vendor(rows) == "Imprenta Norte S.L."


def test_a_customer_service_line_names_the_seller_not_the_customer() -> None:
    rows = _side_by_side(
        "Harrow & Finch Ltd", "Greystone Consulting Ltd", "VAT ID: GB318447261", right_aligned=False
    )
    rows.insert(4, [(50, 80, "Customer service: Greystone Consulting Ltd, 0117 496 0321")])
    assert _vendor(rows) == "Greystone Consulting Ltd"


def test_a_person_marks_only_the_column_of_their_block() -> None:
    # floated blocks: the title and the seller's name share a line two lines above the customer
    # person, printed far left of the seller's column
    rows: Rows = [
        [(260, 20, "Invoice Date")],
        [(55, 34, "TAX INVOICE"), (260, 34, "06 Oct 2025"), (408, 34, "Southern Cross Cover Pty Ltd")],
        [(260, 48, "Invoice Number"), (408, 48, "03 9012 4471")],
        [(119, 62, "Mr Daniel Okafor")],
        [(260, 76, "INV-2291"), (408, 76, "41 Racecourse Road")],
        [(408, 90, "Flemington 3031")],
        [(55, 130, "Total AUD"), (450, 130, "1,320.00")],
    ]
    assert _vendor(rows) == "Southern Cross Cover Pty Ltd"
    rows[3] = [(408, 62, "Mr Daniel Okafor")]  # the person under the company: their company
    assert _vendor(rows) != "Southern Cross Cover Pty Ltd"

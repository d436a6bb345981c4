"""Phone photos and scans in the ZIP get verdicts through the API, offline (no key)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from litestar.testing import TestClient
from PIL import Image

from tests.conftest import analysis_files, make_zip
from tests.image_factory import encode, receipt, scanned_pdf

DINNER = receipt(
    [
        "Spice Garden Restaurant",
        "Bill No: M-78",
        "Date: 21/12/2024",
        ("Paneer Tikka", "600.00"),
        ("Grand Total: INR", "600.00"),
    ]
)
CAB = receipt(
    [
        "Uber India Trip Receipt",
        "Date: 20/12/2024",
        "Rider: Rani Sharma",
        "Trip fare from Airport to Office",
        ("Total: INR", "233.00"),
    ]
)


def _exif_rotated_jpeg(image: Image.Image) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera held sideways: pixels stored turned, EXIF says how to turn them back
    return encode(image.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=90, exif=exif.tobytes())


def test_a_jpeg_photo_a_heic_photo_and_a_scanned_pdf_each_get_a_verdict(client: TestClient[Any]) -> None:
    archive = make_zip(
        {
            "dinner.jpg": _exif_rotated_jpeg(DINNER),
            "IMG_0042.HEIC": encode(CAB, "HEIF", quality=90),
            "cab-scan.pdf": scanned_pdf(CAB),
        }
    )
    response = client.post(
        "/api/v1/analyze-invoices",
        data={"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"},
        files=analysis_files(archive),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["processing_errors"] == []
    by_name = {r["filename"]: r for r in body["results"]}
    assert set(by_name) == {"dinner.jpg", "IMG_0042.HEIC", "cab-scan.pdf"}
    dinner = by_name["dinner.jpg"]
    assert Decimal(str(dinner["total_amount"])) == Decimal("600")
    assert dinner["status"] == "fully_reimbursed" and dinner["invoice_date"] == "2024-12-21"
    for name in ("IMG_0042.HEIC", "cab-scan.pdf"):
        assert Decimal(str(by_name[name]["total_amount"])) == Decimal("233"), name
    # The photo and the scan are one bill: the first in ZIP order is paid, the copy names it.
    photo, scan = by_name["IMG_0042.HEIC"], by_name["cab-scan.pdf"]
    assert photo["status"] == "fully_reimbursed", (photo["reason"], photo["flags"])
    assert scan["status"] == "declined" and Decimal(str(scan["reimbursement_amount"])) == 0
    assert photo["invoice_id"] in scan["reason"]

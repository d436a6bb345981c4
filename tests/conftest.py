"""Shared fixtures: settings on a temp DATA_DIR, a container on the offline adapters, an API client."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.config import Settings, load_settings
from reimburse.container import Container, build_container
from reimburse.http.app import create_app
from tests import pdf_factory
from tests.process_hygiene import pytest_sessionfinish, pytest_sessionstart  # noqa: F401  (hooks)

POLICY_LINES = (
    "Acme Travel and Expense Policy",
    "1. Meals: restaurant bills are reimbursed up to INR 1,000 per meal.",
    "2. Local cab rides (taxi, Uber, Ola) are reimbursed up to INR 500 per ride.",
    "3. Hotel accommodation is reimbursed up to INR 3,000 per night.",
    "4. Alcoholic beverages such as beer and wine will not be reimbursed.",
    "5. Claims must be submitted within 30 days of the invoice date.",
)


def policy_pdf() -> bytes:
    return pdf_factory.text_pdf(*POLICY_LINES)


def cab_invoice(number: str, total: str, when: str = "20/12/2024", rider: str = "Rani Sharma") -> bytes:
    return pdf_factory.text_pdf(
        "Uber India Trip Receipt",
        f"Invoice No: {number}",
        f"Date: {when}",
        f"Rider: {rider}",
        "Trip fare from Airport to Office",
        f"Total: INR {total}",
    )


def meal_invoice(number: str, food: str, beer: str, when: str = "21/12/2024") -> bytes:
    total = f"{float(food) + float(beer):.2f}"
    return pdf_factory.text_pdf(
        "Spice Garden Restaurant",
        f"Bill No: {number}",
        f"Date: {when}",
        f"Paneer Tikka {food}",
        f"Kingfisher Beer {beer}",
        f"Grand Total: INR {total}",
    )


def make_zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def sample_zip() -> bytes:
    return make_zip(
        {
            "cab-01.pdf": cab_invoice("CAB-1", "233.00"),
            "cab-02.pdf": cab_invoice("CAB-2", "812.40"),
            "dinner.pdf": meal_invoice("M-77", "600.00", "400.00"),
            "scan.pdf": pdf_factory.image_only_pdf(),
        }
    )


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": str(tmp_path / "data"), "log_dir": str(tmp_path / "logs")}
    values.update(overrides)
    return load_settings(environ={}, env_file=tmp_path / "no.env", **values)


def offline_container(settings: Settings) -> Container:
    container = build_container(settings)
    container.executor.override(providers.Object(None))  # threads: no process start-up in unit-speed tests
    return container


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def container(settings: Settings) -> Container:
    return offline_container(settings)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient[Any]]:
    with TestClient(create_app(container)) as test_client:
        yield test_client


def analysis_files(
    zip_bytes: bytes | None = None, policy: bytes | None = None
) -> dict[str, tuple[str, bytes, str]]:
    return {
        "policy_file": ("policy.pdf", policy if policy is not None else policy_pdf(), "application/pdf"),
        "invoices_zip": (
            "invoices.zip",
            zip_bytes if zip_bytes is not None else sample_zip(),
            "application/zip",
        ),
    }

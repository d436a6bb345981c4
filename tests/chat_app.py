"""Helpers to run the real app over a seeded store: used by the chat API tests and the benchmark."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date

from dependency_injector import providers

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore, QdrantEdgePolicyStore
from reimburse.config import Settings
from reimburse.container import Container
from reimburse.domain.record import InvoiceRecord
from tests import chat_dataset
from tests.conftest import offline_container
from tests.fakes.fixed_clock import FixedClock

TODAY = date(2025, 1, 15)


def seed_records(settings: Settings, records: Sequence[InvoiceRecord]) -> None:
    """Stores records and the dataset's policy where the app will open its stores, before it starts."""

    async def run() -> None:
        where = settings.data_dir  # the path container.py passes
        invoices, policies = QdrantEdgeInvoiceStore(where), QdrantEdgePolicyStore(where)
        try:
            for i in range(0, len(records), 2000):
                await invoices.upsert(records[i : i + 2000])
            await policies.save(chat_dataset.policy())
        finally:
            await invoices.close()
            await policies.close()

    asyncio.run(run())


def container_for(settings: Settings) -> Container:
    """The offline container, with a clock fixed on TODAY so relative dates are reproducible."""
    container = offline_container(settings)
    container.clock.override(providers.Object(FixedClock(TODAY)))
    return container

"""The composition root: the only module that chooses adapters.

Offline by default: pdfplumber + heuristic readers + Qdrant Edge on disk. GOOGLE_API_KEY switches
extraction and answering to Gemini; QDRANT_URL switches storage to a Qdrant server. Adapter
modules are imported inside the factories so the offline path never imports google-genai.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from reimburse.application.analyze_batch import AnalyzeBatch
from reimburse.application.archive import ArchiveLimits
from reimburse.application.batches import GetBatch, ListBatches, ListPolicies
from reimburse.application.chat.answer_question import AnswerQuestion
from reimburse.application.chat.history import DeleteHistory, GetHistory
from reimburse.application.check_health import CheckHealth
from reimburse.application.correct_policy import CorrectPolicy
from reimburse.application.documents import GetDocument
from reimburse.application.erasure import ApplyRetention, EraseEmployee
from reimburse.application.export import ExportInvoices
from reimburse.application.invoice_queries import GetInvoice, GetPolicy, ListInvoices
from reimburse.application.review import GetInvoiceHistory, InvoiceLocks, ReviewInvoice, ReviewQueue
from reimburse.config import PROJECT_ROOT, Settings, load_settings
from reimburse.domain.verdict.fx import FxTable
from reimburse.ports.answerer import Answerer
from reimburse.ports.chat_store import ChatStore
from reimburse.ports.clock import Clock
from reimburse.ports.document_reader import DocumentReader
from reimburse.ports.document_store import DocumentStore
from reimburse.ports.embedder import Embedder
from reimburse.ports.health_probe import HealthProbe
from reimburse.ports.in_process_invoice_extractor import InProcessInvoiceExtractor
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.invoice_history import InvoiceHistory
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_interpreter import PolicyInterpreter
from reimburse.ports.policy_store import PolicyStore
from reimburse.ports.store_backup import StoreBackup
from reimburse.ports.store_migration import StoreMigration
from reimburse.ports.token_service import TokenService

if TYPE_CHECKING:  # types only: the offline path never imports google-genai, qdrant-client or redis
    from litestar.stores.base import Store
    from qdrant_client import AsyncQdrantClient

    from reimburse.adapters.gemini.client import GeminiGateway
    from reimburse.adapters.qdrant_server.collection import QdrantConnection


def _limits(s: Settings) -> ArchiveLimits:
    return ArchiveLimits(
        max_entries=s.max_invoices,
        max_entry_size=s.max_file_size,
        max_total_size=s.max_uncompressed_size,
        max_ratio=s.max_compression_ratio,
        allowed_extensions=s.allowed_extensions,
    )


def _workers(s: Settings) -> int:
    return s.workers or os.cpu_count() or 1


def _rate_limit_store(s: Settings) -> Store | None:
    """Where the rate limit counts: Redis when REDIS_URL is set (shared by API replicas), else None
    (Litestar's default, memory of this process). A new store per app: the app closes it."""
    if not s.redis_url:
        return None
    from litestar.stores.redis import RedisStore

    return RedisStore.with_client(url=s.redis_url, namespace="reimburse")


def _employee_lock(s: Settings) -> Any:
    """One batch at a time per employee: across replicas through Redis when REDIS_URL is set,
    else within this process (the embedded store has one writer process anyway)."""
    if s.redis_url:
        from reimburse.adapters.redis.redis_employee_lock import RedisEmployeeLock

        return RedisEmployeeLock(s.redis_url)
    from reimburse.adapters.locks.asyncio_employee_lock import AsyncioEmployeeLock

    return AsyncioEmployeeLock()


def _batch_register(s: Settings) -> Any:
    """The batches in flight per employee, shared like the employee lock (an erasure voids them)."""
    if s.redis_url:
        from reimburse.adapters.redis.redis_batch_register import RedisBatchRegister

        return RedisBatchRegister(s.redis_url)
    from reimburse.adapters.locks.memory_batch_register import MemoryBatchRegister

    return MemoryBatchRegister()


def _fx_rates(s: Settings) -> FxTable:
    from reimburse.adapters.fx.toml_fx_rates import read_fx_rates

    return read_fx_rates(
        Path(s.fx_rates_file) if s.fx_rates_file else PROJECT_ROOT / "config" / "fx_rates.toml"
    )


def _executor(s: Settings) -> Executor:
    from reimburse.adapters.process_pool import RestartingProcessPool

    # a document read past its budget has its worker killed and becomes a TooSlow error
    return RestartingProcessPool(_workers(s), task_seconds=s.max_document_seconds)


def _reader(s: Settings, tables: bool = True) -> DocumentReader:
    from reimburse.adapters.einvoice.xml_einvoice_document_reader import XmlEInvoiceDocumentReader
    from reimburse.adapters.format_sniffing_document_reader import (
        IMAGE,
        PDF,
        XML,
        FormatSniffingDocumentReader,
    )
    from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
    from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader

    return FormatSniffingDocumentReader(
        {
            PDF: PdfplumberDocumentReader(max_pages=s.max_pages, tables=tables),
            XML: XmlEInvoiceDocumentReader(),
            IMAGE: RapidOcrDocumentReader(max_pages=s.max_pages),
        }
    )


def _gemini(s: Settings) -> GeminiGateway | None:
    if not s.uses_gemini:
        return None
    from reimburse.adapters.gemini.client import GeminiGateway

    return GeminiGateway.from_settings(s)


def _interpreter(s: Settings, gemini: GeminiGateway | None, executor: Executor) -> PolicyInterpreter:
    from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter

    heuristic = HeuristicPolicyInterpreter(  # CPU-bound: in the process pool
        default_currency=s.policy_default_currency, executor=executor
    )
    if gemini is None:
        return heuristic
    from reimburse.adapters.gemini.fallback import FallbackPolicyInterpreter
    from reimburse.adapters.gemini.policy_interpreter import GeminiPolicyInterpreter

    primary = GeminiPolicyInterpreter(gemini)
    return FallbackPolicyInterpreter(primary, heuristic) if s.gemini_fallback_to_heuristic else primary


def _extractor(s: Settings, gemini: GeminiGateway | None, executor: Executor) -> InvoiceExtractor:
    from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor

    heuristic = HeuristicInvoiceExtractor(executor)  # CPU-bound: in the process pool
    if gemini is None:
        return heuristic
    from reimburse.adapters.gemini.fallback import FallbackInvoiceExtractor
    from reimburse.adapters.gemini.invoice_extractor import GeminiInvoiceExtractor

    primary = GeminiInvoiceExtractor(gemini)
    return FallbackInvoiceExtractor(primary, heuristic) if s.gemini_fallback_to_heuristic else primary


def _in_process_extractor(extractor: InvoiceExtractor) -> InProcessInvoiceExtractor | None:
    """The heuristic extractor runs in the pool task that reads the file (one task per file)."""
    from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor

    return HeuristicInvoiceExtractor() if type(extractor) is HeuristicInvoiceExtractor else None


def _embedder(s: Settings, gemini: GeminiGateway | None) -> Embedder | None:
    if gemini is None or not s.gemini_embeddings:
        return None
    from reimburse.adapters.gemini.embedder import GeminiEmbedder

    return GeminiEmbedder(gemini)


def _qdrant_connection(s: Settings) -> QdrantConnection | None:
    """The Qdrant server's connection settings, made once for the client and the backup (None when embedded)."""
    if not s.qdrant_url:
        return None
    from reimburse.adapters.qdrant_server.collection import QdrantConnection

    return QdrantConnection(url=s.qdrant_url, api_key=s.qdrant_api_key, timeout=30)


def _qdrant_client(connection: QdrantConnection | None) -> AsyncQdrantClient | None:
    """One connection pool to the Qdrant server shared by the stores (None when embedded)."""
    return connection.client() if connection is not None else None


def _invoice_store(s: Settings, embedder: Embedder | None, client: AsyncQdrantClient | None) -> InvoiceStore:
    if client is not None:
        from reimburse.adapters.qdrant_server.invoice_store import QdrantServerInvoiceStore

        return QdrantServerInvoiceStore(client, embedder=embedder)
    from reimburse.adapters.qdrant_edge.invoice_store import QdrantEdgeInvoiceStore

    return QdrantEdgeInvoiceStore(s.data_dir, embedder)


def _policy_store(s: Settings, embedder: Embedder | None, client: AsyncQdrantClient | None) -> PolicyStore:
    if client is not None:
        from reimburse.adapters.qdrant_server.policy_store import QdrantServerPolicyStore

        return QdrantServerPolicyStore(client, embedder=embedder)
    from reimburse.adapters.qdrant_edge.policy_store import QdrantEdgePolicyStore

    return QdrantEdgePolicyStore(s.data_dir, embedder)


def _chat_store(s: Settings, client: AsyncQdrantClient | None) -> ChatStore:
    if client is not None:
        from reimburse.adapters.qdrant_server.chat_store import QdrantServerChatStore

        return QdrantServerChatStore(client)
    from reimburse.adapters.qdrant_edge.chat_store import QdrantEdgeChatStore

    return QdrantEdgeChatStore(s.data_dir)


def _history_store(s: Settings, client: AsyncQdrantClient | None) -> InvoiceHistory:
    if client is not None:
        from reimburse.adapters.qdrant_server.history_store import QdrantServerInvoiceHistory

        return QdrantServerInvoiceHistory(client)
    from reimburse.adapters.qdrant_edge.history_store import QdrantEdgeInvoiceHistory

    return QdrantEdgeInvoiceHistory(s.data_dir)


def _document_store(s: Settings) -> DocumentStore:
    """Originals: DATA_DIR/documents (backed up with the store), or S3-compatible storage."""
    if s.documents_url:
        from reimburse.adapters.s3.s3_document_store import S3DocumentStore

        return S3DocumentStore(s.documents_url, endpoint=s.documents_endpoint or None)
    from reimburse.adapters.filesystem.filesystem_document_store import FilesystemDocumentStore

    return FilesystemDocumentStore(s.data_dir)


def _answerer(gemini: GeminiGateway | None) -> Answerer:
    if gemini is None:
        from reimburse.adapters.offline_answer.deterministic_answerer import DeterministicAnswerer

        return DeterministicAnswerer()
    from reimburse.adapters.gemini.answerer import GeminiAnswerer

    return GeminiAnswerer(gemini)


def _clock() -> Clock:
    from reimburse.adapters.system_clock import SystemClock

    return SystemClock()


def _store_backup(s: Settings, connection: QdrantConnection | None) -> StoreBackup:
    """Backups of the configured store: snapshots through the server API, or a copy of DATA_DIR."""
    if connection is not None:
        from reimburse.adapters.qdrant_server.snapshot import QdrantServerSnapshotBackup

        return QdrantServerSnapshotBackup(connection)
    from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup

    return EdgeStoreBackup(s.data_dir)


def store_migration(s: Settings, target_url: str, api_key: str) -> StoreMigration:
    """Copies the embedded store in DATA_DIR into the Qdrant server at `target_url`."""
    from reimburse.adapters.qdrant_server.collection import QdrantConnection
    from reimburse.adapters.qdrant_server.migration import EdgeToServerMigration

    target = QdrantConnection(url=target_url, api_key=api_key, timeout=60)
    return EdgeToServerMigration(s.data_dir, target.client(), target_url)


def _tokens(s: Settings) -> TokenService:
    from reimburse.adapters.jwt.token_service import JwtTokenService

    return JwtTokenService(s.secret_key)


def _probes(
    s: Settings, invoice_store: InvoiceStore, reader: DocumentReader, gemini: GeminiGateway | None
) -> list[HealthProbe]:
    from reimburse.adapters.health.probes import (
        DiskSpaceProbe,
        LlmProbe,
        OcrProbe,
        PdfParserProbe,
        VectorStoreProbe,
    )
    from reimburse.adapters.ocr.rapidocr_engine import installed_engine

    where = f"qdrant server {s.qdrant_url}" if s.qdrant_url else f"qdrant edge at {s.data_dir}"
    return [
        VectorStoreProbe(invoice_store, where),
        LlmProbe(gemini.health if gemini is not None else None),
        PdfParserProbe(reader),
        OcrProbe(installed_engine),
        DiskSpaceProbe(s.data_dir),
    ]


class Container(containers.DeclarativeContainer):
    settings = providers.Singleton(load_settings)
    clock = providers.Singleton(_clock)
    executor = providers.Singleton(_executor, settings)
    rate_limit_store = providers.Factory(_rate_limit_store, settings)
    reader = providers.Singleton(_reader, settings)
    invoice_reader = providers.Singleton(_reader, settings, tables=False)  # only policies read tables
    gemini = providers.Singleton(_gemini, settings)
    interpreter = providers.Singleton(_interpreter, settings, gemini, executor)
    extractor = providers.Singleton(_extractor, settings, gemini, executor)
    embedder = providers.Singleton(_embedder, settings, gemini)
    qdrant_connection = providers.Singleton(_qdrant_connection, settings)
    qdrant_client = providers.Singleton(_qdrant_client, qdrant_connection)
    invoice_store = providers.Singleton(_invoice_store, settings, embedder, qdrant_client)
    policy_store = providers.Singleton(_policy_store, settings, embedder, qdrant_client)
    chat_store = providers.Singleton(_chat_store, settings, qdrant_client)
    history_store = providers.Singleton(_history_store, settings, qdrant_client)
    document_store = providers.Singleton(_document_store, settings)
    invoice_locks = providers.Singleton(InvoiceLocks)
    employee_lock = providers.Singleton(_employee_lock, settings)
    batch_register = providers.Singleton(_batch_register, settings)
    tokens = providers.Singleton(_tokens, settings)
    answerer = providers.Singleton(_answerer, gemini)

    analyze_batch = providers.Singleton(
        AnalyzeBatch,
        reader=reader,
        invoice_reader=invoice_reader,
        interpreter=interpreter,
        extractor=extractor,
        invoices=invoice_store,
        policies=policy_store,
        clock=clock,
        limits=providers.Callable(_limits, settings),
        executor=executor,
        documents=document_store,
        history=history_store,
        employee_lock=employee_lock,
        batch_register=batch_register,
        fx=providers.Singleton(_fx_rates, settings),
        in_process_extractor=providers.Callable(_in_process_extractor, extractor),
        concurrency=providers.Callable(
            lambda s: max(s.gemini_concurrency if s.uses_gemini else 0, 2 * _workers(s)), settings
        ),
    )
    list_invoices = providers.Singleton(ListInvoices, invoice_store)
    get_invoice = providers.Singleton(GetInvoice, invoice_store)
    get_policy = providers.Singleton(GetPolicy, policy_store)
    correct_policy = providers.Singleton(CorrectPolicy, policy_store)
    review_invoice = providers.Singleton(
        ReviewInvoice, invoices=invoice_store, history=history_store, clock=clock, locks=invoice_locks
    )
    get_invoice_history = providers.Singleton(GetInvoiceHistory, invoice_store, history_store)
    review_queue = providers.Singleton(ReviewQueue, invoice_store)
    get_document = providers.Singleton(GetDocument, invoice_store, document_store)
    list_batches = providers.Singleton(ListBatches, invoice_store)
    get_batch = providers.Singleton(GetBatch, invoice_store)
    list_policies = providers.Singleton(ListPolicies, invoice_store, policy_store)
    export_invoices = providers.Singleton(ExportInvoices, invoice_store)
    check_health = providers.Singleton(
        CheckHealth, providers.Callable(_probes, settings, invoice_store, reader, gemini)
    )
    answer_question = providers.Singleton(
        AnswerQuestion,
        invoices=invoice_store,
        policies=policy_store,
        chats=chat_store,
        answerer=answerer,
        clock=clock,
    )
    get_history = providers.Singleton(GetHistory, chat_store)
    delete_history = providers.Singleton(DeleteHistory, chat_store)
    store_backup = providers.Singleton(_store_backup, settings, qdrant_connection)
    erase_employee = providers.Singleton(
        EraseEmployee,
        invoices=invoice_store,
        chats=chat_store,
        clock=clock,
        history=history_store,
        documents=document_store,
        references=invoice_store,
        employee_lock=employee_lock,
        batches=batch_register,
    )
    apply_retention = providers.Singleton(
        ApplyRetention,
        invoices=invoice_store,
        chats=chat_store,
        clock=clock,
        days=providers.Callable(lambda s: s.retention_days, settings),
        history=history_store,
        documents=document_store,
        references=invoice_store,
    )


def build_container(settings: Settings | None = None) -> Container:
    container = Container()
    if settings is not None:
        container.settings.override(providers.Object(settings))
    return container


def _warm_worker() -> None:
    import reimburse.adapters.pdf.pdfplumber_document_reader  # noqa: F401  (the import is the point)


async def open_container(container: Container) -> None:
    """Opens the stores eagerly, so a locked data dir fails at startup with a clear message, and
    starts the PDF workers in the background so the first batch does not pay for their start-up."""
    container.invoice_store()
    container.policy_store()
    container.chat_store()
    container.history_store()
    container.document_store()
    container.analyze_batch()  # imports pdfplumber and compiles the readers now, not on the first request
    executor = container.executor()
    if executor is not None:
        for _ in range(_workers(container.settings())):
            executor.submit(_warm_worker)


async def close_connections(container: Container) -> None:
    """Closes the Qdrant server client and the Redis pools of the employee lock and batch register
    (an erasure holds both), where configured."""
    client = container.qdrant_client()
    if client is not None:
        await client.close()
    for shared in (container.employee_lock(), container.batch_register()):
        shared_close = getattr(shared, "close", None)
        if shared_close is not None:
            await shared_close()


async def close_container(container: Container) -> None:
    """Closes the stores (releasing the Edge lock) and the process pool. Call after open_container.

    Hand-written rather than providers.Resource: an async Resource makes every provider built on it
    return a Future, even after init_resources(), so every use case and caller would have to await it.
    """
    for provider in (
        container.invoice_store,
        container.policy_store,
        container.chat_store,
        container.history_store,
        container.document_store,
    ):
        await provider().close()
    await close_connections(container)
    executor = container.executor()
    if executor is not None:
        # waits (with a bound) for the workers to exit: the interpreter must not outrun them
        executor.shutdown(wait=True, cancel_futures=True)
    container.reset_singletons()


def stop_resource_tracker() -> bool:
    """Ends multiprocessing's helper process after the pools are down (entry points call this last)."""
    from reimburse.adapters.process_pool import stop_resource_tracker as stop

    return stop()

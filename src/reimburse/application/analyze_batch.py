"""AnalyzeBatch: a policy file + a ZIP of invoices -> one verdict (or processing error) per invoice.

Reading PDFs is CPU-bound pure Python, so it runs in the given executor (a process pool in the
service). Extraction may wait on an LLM, so invoices are processed concurrently under a bound.
One bad file never sinks the batch and never becomes a made-up verdict.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import Executor
from datetime import date
from pathlib import Path
from typing import IO, Any, TypeVar

import msgspec

from reimburse.application.archive import ArchiveEntry, ArchiveLimits, SafeArchive
from reimburse.application.correct_policy import InvalidCorrection, check_rules, version_id
from reimburse.application.ledger import ledger_spans, load_ledger, spanning_categories
from reimburse.application.policy_data import (
    InvalidPolicyData,
    is_policy_data,
    parse_policy_data,
    policy_from_data,
)
from reimburse.application.results import (
    AnalysisResult,
    BatchDone,
    BatchEvent,
    BatchProgress,
    BatchStarted,
    BatchSummary,
    InvoiceFailed,
    InvoiceJudged,
    ProcessingError,
)
from reimburse.application.review import analysis_event, carry_over
from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.domain.errors import DomainError, PolicyError, StoreUnavailable, TooSlow
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.ids import invoice_id_for, new_batch_id, policy_id_for
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.domain.verdict.decide import Claim, decide, grant
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.duplicates import (
    COPY_PREFIX,
    ClaimedBill,
    DuplicateMatch,
    decision_order,
    decline_copy,
    find_duplicate,
)
from reimburse.domain.verdict.fx import FxTable
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.ledger import Ledger
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.review import HistoryEvent
from reimburse.domain.verdict.verdict import Flag, FlagCode, Status
from reimburse.ports.batch_register import BatchRegister
from reimburse.ports.clock import Clock
from reimburse.ports.document_reader import DocumentReader
from reimburse.ports.document_store import DocumentStore
from reimburse.ports.employee_lock import EmployeeLock
from reimburse.ports.in_process_invoice_extractor import InProcessInvoiceExtractor
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.invoice_history import InvoiceHistory
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_interpreter import PolicyInterpreter
from reimburse.ports.policy_store import PolicyStore

T = TypeVar("T")
STORED_TEXT_CHARS = 4000
ERASED = "EmployeeErased"  # the processing error of an invoice whose employee was erased meanwhile
# Store calls a batch written in one go makes at once while it is decided: the rest of the
# thread pool stays free for the requests the server answers meanwhile.
LOOKUPS_AT_ONCE = 4
log = logging.getLogger(__name__)
_FLAG_CODES = {c.value for c in FlagCode}


class BatchRequest(msgspec.Struct, frozen=True):
    employee_name: str
    policy_bytes: bytes
    policy_filename: str
    archive: Path | None = None
    submitted_on: date | None = None
    owner: str | None = None
    employee_grade: str | None = None
    location: str | None = None


async def _stored(op: Awaitable[T]) -> T:
    """A store call. An OS-level failure (a full disk, an I/O error) means the store is unavailable."""
    try:
        return await op
    except OSError as exc:
        raise StoreUnavailable(f"storage failed: {exc.strerror or exc}") from exc


def _flags_from_notes(invoice: Invoice) -> tuple[Flag, ...]:
    """Extractors report review concerns as notes "code: message"; known codes become flags."""
    flags = []
    for note in invoice.notes:
        code, _, message = note.partition(":")
        if code.strip() in _FLAG_CODES:
            flags.append(Flag(code.strip(), message.strip() or code.strip().replace("_", " ")))
    return tuple(flags)


# Reader names from before reader versions: only a correction raised a version then.
_UNVERSIONED_READERS = frozenset(["heuristic", "heuristic(fallback)"])


def reusable(stored: Policy, reader: str) -> bool:
    """A stored policy is used again when an admin wrote its rules, or when the reader configured
    now is the very reader (and reader version) that read it; otherwise the file is read again."""
    if stored.corrected or stored.interpreter == reader:
        return True
    return stored.version > 1 and stored.interpreter in _UNVERSIONED_READERS


def written_policy(data: bytes, policy_id: str, sha: str) -> Policy:
    """The policy a policy-as-data file states; a file that breaks the schema is a PolicyError."""
    try:
        policy = policy_from_data(parse_policy_data(data), policy_id, sha)
        check_rules(policy)
    except (InvalidPolicyData, InvalidCorrection) as exc:
        raise PolicyError(str(exc)) from None
    return policy


def read_and_extract(
    reader: DocumentReader, extractor: InProcessInvoiceExtractor, data: bytes, filename: str, policy: Policy
) -> tuple[str, Invoice]:
    """Runs in a pool worker (module level, so it pickles by name): reads the file and extracts
    its invoice; only the stored part of the text and the invoice come back."""
    document = reader.read(data, filename)
    return document.text[:STORED_TEXT_CHARS], extractor.read(document, policy)


class _Read(msgspec.Struct, frozen=True):
    """A file read and extracted, waiting for its turn to be decided."""

    entry: ArchiveEntry
    sha: str
    text: str
    invoice: Invoice


def claimed_bill(record: InvoiceRecord) -> ClaimedBill:
    """A stored claim as the duplicate rules see it; a stored declined copy is never an original."""
    copy = record.status == Status.DECLINED and any(
        f.code == FlagCode.DUPLICATE and f.message.startswith(COPY_PREFIX) for f in record.flags
    )
    return ClaimedBill(
        record.invoice_id,
        record.vendor,
        record.invoice_number,
        record.invoice_date,
        record.total_amount,
        record.submitted_on,
        record.currency,
        is_copy=copy,
    )


class _Ahead:
    """The store work of a batch written in one go, started for every invoice when deciding
    begins (inside the employee's critical section) and awaited in decision order: the stored
    records (one read) and the same-bill look-ups, a few at a time (the originals' storing began as
    each file was read). They depend on the stored claims and the invoice alone, never on this
    batch's decisions, so they give what the one-by-one calls would; the decisions stay
    sequential (bench item 2)."""

    def __init__(self, batch: Batch, items: list[_Read], at_once: int) -> None:
        uc, employee = batch._uc, batch.request.employee_name
        self._gate = asyncio.Semaphore(at_once)
        ids = [invoice_id_for(employee, item.sha) for item in items]
        self._records = asyncio.ensure_future(self._by_id(uc.invoices, ids))
        self._candidates = {
            item.entry.index: asyncio.ensure_future(
                self._gated(
                    uc.invoices.same_bill_candidates,
                    employee,
                    item.invoice.invoice_number,
                    item.invoice.invoice_date,
                    item.invoice.total,
                )
            )
            for item in items
        }
        # the originals' storing started as each file was read (Batch._read)
        self._documents = batch.early_puts

    async def _gated(self, call: Callable[..., Awaitable[T]], *args: object) -> T:
        async with self._gate:
            return await call(*args)

    @staticmethod
    async def _by_id(store: InvoiceStore, ids: list[str]) -> dict[str, InvoiceRecord]:
        return {r.invoice_id: r for r in await store.get_many(ids)}

    def records(self) -> Awaitable[dict[str, InvoiceRecord]]:
        return self._records

    def candidates(self, entry: ArchiveEntry) -> Awaitable[list[InvoiceRecord]]:
        return self._candidates[entry.index]

    async def document_stored(self, entry: ArchiveEntry) -> None:
        if (put := self._documents.get(entry.index)) is not None:
            await put

    async def cancel(self) -> None:
        # not the early puts: Batch.events settles them (awaited, then unrecorded ones dropped)
        tasks: list[asyncio.Future[Any]] = [self._records, *self._candidates.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class Batch:
    """One running analysis. Create with AnalyzeBatch.start()."""

    def __init__(self, use_case: AnalyzeBatch, request: BatchRequest, archive: SafeArchive) -> None:
        self._uc = use_case
        # Written in one go, a batch stores each original as soon as its file is read (ZIP index ->
        # the put): it depends on nothing decided, and the server's fsyncs then overlap the
        # workers' reading instead of following it (bench item 2).
        self.early_puts: dict[int, asyncio.Future[str]] = {}
        self.request = request
        self.archive = archive
        self.batch_id = new_batch_id()
        self.submitted_on = request.submitted_on or use_case.clock.today()
        self.policy: Policy | None = None
        self.results: list[AnalysisResult] = []
        self.errors: list[ProcessingError] = []
        self._seen_hashes: dict[str, ArchiveEntry] = {}
        self._pending: list[InvoiceRecord] = []
        self._pending_events: list[HistoryEvent] = []
        self._ledger = Ledger()  # the employee's grants, this batch's included as it is decided
        self._ahead: _Ahead | None = None
        self._fetched: dict[str, InvoiceRecord | None] = {}  # read by _same_file, used by _keep
        self.actor = request.owner or "admin"
        self._key = normalise_name(request.employee_name)
        self._ticket: str | None = None  # in the BatchRegister while the batch runs
        self._recorded: set[str] = set()  # originals a record of this batch names, once upserted
        self._stopping = False  # early puts not yet begun then write nothing

    @property
    def total(self) -> int:
        return len(self.archive.entries)

    def started(self) -> BatchStarted:
        return BatchStarted(self.request.employee_name, self.total, self.batch_id)

    async def load_policy(self) -> Policy:
        uc = self._uc
        data = self.request.policy_bytes
        sha = hashlib.sha256(data).hexdigest()
        policy_id = policy_id_for(sha)
        cached = await _stored(uc.policies.get(policy_id))
        if cached is not None and reusable(cached, uc.interpreter.name):
            self.policy = cached
            return cached
        if is_policy_data(self.request.policy_filename, data):
            policy = written_policy(data, policy_id, sha)
        else:
            document = await uc.read_document(data, self.request.policy_filename)
            policy = await uc.interpreter.interpret(document)
            policy = msgspec.structs.replace(
                policy, policy_id=policy_id, source_sha256=sha, interpreter=uc.interpreter.name
            )
        policy = msgspec.structs.replace(policy, version=cached.version + 1 if cached is not None else 1)
        if cached is not None:  # verdicts judged under the older reading keep pointing at it
            await _stored(
                uc.policies.save(
                    msgspec.structs.replace(cached, policy_id=version_id(policy_id, cached.version))
                )
            )
        await _stored(uc.policies.save(policy))
        self.policy = policy
        return policy

    async def events(self, durable_each: bool) -> AsyncIterator[BatchEvent]:
        """Progress and per-file errors as files are read, then the results in decision order.

        Files are read and extracted concurrently; they are decided one by one, in a fixed order
        (invoice date, then ZIP order), because what an invoice is granted depends on the claims
        before it. durable_each=True stores each result before yielding it (streaming: what a
        client saw is stored). False stores the whole batch in one write at the end (all or nothing).
        """
        assert self.policy is not None, "load_policy() first"
        queue: asyncio.Queue[BatchEvent | _Read | BaseException] = asyncio.Queue()
        limiter = asyncio.Semaphore(self._uc.concurrency)
        uc = self._uc
        early = not durable_each and uc.lookups_at_once > 0 and uc.documents is not None
        puts = asyncio.Semaphore(max(1, uc.lookups_at_once))  # the thread pool stays free for others
        started = 0
        # Before anything is read or stored: an erasure from now on voids this batch.
        if uc.batch_register is not None:
            self._ticket = await _stored(uc.batch_register.enter(self._key))

        async def work(entry: ArchiveEntry) -> None:
            nonlocal started
            async with limiter:
                started += 1
                queue.put_nowait(
                    BatchProgress(
                        started,
                        self.total,
                        "analysing",
                        entry.filename,
                        processed_invoices=len(self.results),
                        failed_invoices=len(self.errors),
                    )
                )
                try:
                    item: _Read | InvoiceFailed = await self._read(entry, puts if early else None)
                except StoreUnavailable as exc:
                    queue.put_nowait(exc)
                    return
                except Exception:  # a bug costs this one file: it must never hang or sink the batch
                    log.exception("unexpected error analysing %s", entry.filename)
                    item = self._failed(
                        entry.filename, "InternalError", "The invoice could not be analysed (internal error)."
                    )
                queue.put_nowait(item)

        tasks = [asyncio.create_task(work(e)) for e in self.archive.entries]
        finished = 0
        read: list[_Read] = []
        try:
            try:
                while finished < len(tasks):
                    item = await queue.get()
                    if isinstance(item, BaseException):
                        raise item
                    if not isinstance(item, BatchProgress):
                        finished += 1
                    if isinstance(item, _Read):
                        read.append(item)
                    else:
                        yield item
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            for event in await self._decide_and_store(read, durable_each):
                yield event
        finally:  # however the batch ends: no put left running, no original that no record names
            await self._settle_early_puts()
            await self._leave()

    async def _read(
        self, entry: ArchiveEntry, puts: asyncio.Semaphore | None = None
    ) -> _Read | InvoiceFailed:
        uc, policy = self._uc, self.policy
        assert policy is not None
        try:
            data = self.archive.read(entry)
            sha = hashlib.sha256(data).hexdigest()
            text, invoice = await uc.read_invoice(data, entry.filename, policy)
        except StoreUnavailable:
            raise
        except DomainError as exc:
            return self._failed(entry.filename, exc.code, str(exc))
        if puts is not None and uc.documents is not None:  # the bytes in hand: no second unzip
            self.early_puts[entry.index] = asyncio.ensure_future(self._put(uc.documents, data, puts))
        return _Read(entry, sha, text, invoice)

    async def _put(self, documents: DocumentStore, data: bytes, gate: asyncio.Semaphore) -> str:
        async with gate:
            if self._stopping:
                return ""
            return await documents.put(data)

    async def _settle_early_puts(self) -> None:
        """Every early put ends before the batch does, and an original no record of this batch
        names (the batch stopped or was voided, or its invoice failed) goes again unless another
        record uses it: the erasure finds originals through records, so it would never go."""
        puts = list(self.early_puts.values())
        self.early_puts.clear()
        self._stopping = True
        # Awaited, not cancelled: a put already writing in a thread would land after the delete.
        done = await asyncio.gather(*puts, return_exceptions=True)
        stray = sorted({sha for sha in done if isinstance(sha, str) and sha} - self._recorded)
        uc = self._uc
        if not stray or uc.documents is None:
            return
        try:
            for sha in stray:
                if await uc.invoices.count(InvoiceFilter(file_sha256=sha)) == 0:
                    await uc.documents.delete(sha)
        except (DomainError, OSError):  # the batch's own outcome stands; the store is failing anyway
            log.warning("batch %s could not drop %d originals no record names", self.batch_id, len(stray))

    async def _decide_and_store(self, read: list[_Read], durable_each: bool) -> list[BatchEvent]:
        """Decides the batch in order against what the employee already claimed, and stores it."""
        by_zip = sorted(read, key=lambda r: r.entry.index)
        ordered = [by_zip[i] for i in decision_order([r.invoice.invoice_date for r in by_zip])]
        events: list[BatchEvent] = []
        # --- Critical section, per employee: load prior claims + decide + store. Two batches of one
        # employee never interleave here (EmployeeLock), so neither pays what the other just paid.
        async with self._uc.employee_lock.hold(self._key):
            # Why a register and not the lock around reading: reading (OCR) is slow and needs no
            # lock, so batches of one employee read side by side; only this check, deciding and
            # storing exclude an erasure, which holds the same lock for its whole run.
            if await self._voided():
                return await self._erased_while_reading(read)
            await self._load_ledger([r.invoice.invoice_date for r in ordered if r.invoice.invoice_date])
            earlier: list[ClaimedBill] = []  # this batch's bills decided so far
            # Written in one go, the batch writes nothing to the invoice store before its end, so
            # each invoice's look-ups give the same answers whatever the order: they start now.
            ahead = not durable_each and self._uc.lookups_at_once > 0
            self._ahead = _Ahead(self, ordered, self._uc.lookups_at_once) if ahead else None
            try:
                for item in ordered:
                    try:
                        event: BatchEvent = await self._judge(item, earlier, durable_each)
                    except StoreUnavailable:
                        raise
                    except Exception:  # a bug costs this one file: it must never sink the batch
                        log.exception("unexpected error deciding %s", item.entry.filename)
                        event = self._failed(
                            item.entry.filename,
                            "InternalError",
                            "The invoice could not be analysed (internal error).",
                        )
                    events.append(event)
            finally:
                if self._ahead is not None:
                    await self._ahead.cancel()
                    self._ahead = None
            if not durable_each and self._pending:
                await self._originals_still_there({item.sha: item.entry for item in read})
                await _stored(self._uc.invoices.upsert(self._pending))
                self._recorded.update(r.file_sha256 for r in self._pending)
                if self._uc.history is not None:
                    await _stored(self._uc.history.append(self._pending_events))
        # --- end of the critical section
        if self.results and await self._voided():  # stored, then erased before the client was told
            return self._erased_after_storing(events)
        return events

    async def _originals_still_there(self, entries: dict[str, ArchiveEntry]) -> None:
        """An original stored before the records that name it (early, or while deciding) may have
        been dropped since by retention, as a file no record used (an old file submitted again):
        stored again from the ZIP. Leaves retention only the moment between this and the upsert."""
        documents = self._uc.documents
        if documents is None:
            return
        gate = asyncio.Semaphore(max(1, self._uc.lookups_at_once))

        async def check(sha: str) -> None:
            async with gate:
                if not await documents.exists(sha):
                    await documents.put(self.archive.read(entries[sha]))

        async def every_one() -> None:  # all finish before a failure is raised: none left writing
            shas = sorted({r.file_sha256 for r in self._pending})
            for outcome in await asyncio.gather(*(check(sha) for sha in shas), return_exceptions=True):
                if isinstance(outcome, BaseException):
                    raise outcome

        await _stored(every_one())

    async def _voided(self) -> bool:
        register = self._uc.batch_register
        if register is None or self._ticket is None:
            return False
        return await _stored(register.voided(self._key, self._ticket))

    async def _leave(self) -> None:
        register, ticket = self._uc.batch_register, self._ticket
        self._ticket = None
        if register is not None and ticket is not None:
            try:
                await register.leave(self._key, ticket)
            except StoreUnavailable:  # the ticket lapses with its set; an erasure clears it anyway
                log.warning("batch %s could not leave the batch register", self.batch_id)

    def _erased(self, filename: str, message: str) -> InvoiceFailed:
        return self._failed(filename, ERASED, message)

    async def _erased_while_reading(self, read: list[_Read]) -> list[BatchEvent]:
        """The employee was erased while this batch read its files: nothing of it is stored, and
        the originals stored as they were read go again unless another record uses them."""
        await self._settle_early_puts()
        message = "The employee's data was erased while this batch ran; the invoice was not stored."
        return [
            self._erased(item.entry.filename, message) for item in sorted(read, key=lambda r: r.entry.index)
        ]

    def _erased_after_storing(self, events: list[BatchEvent]) -> list[BatchEvent]:
        """The erasure came right after the batch stored its results: they are gone, so none is
        reported as stored."""
        message = (
            "The employee's data was erased right after this invoice was analysed; it is no longer stored."
        )
        self.results = []
        return [
            self._erased(event.result.filename, message) if isinstance(event, InvoiceJudged) else event
            for event in events
        ]

    async def _load_ledger(self, days: list[date]) -> None:
        """Issue 13: the grants already made to the employee, for the policy's limits that span
        invoices (a period or a number of claims); read inside the employee's critical section.
        Issue 15: only those in the periods around the batch's invoice dates."""
        assert self.policy is not None
        categories = spanning_categories(self.policy)
        spans = ledger_spans(self.policy.caps, days)
        self._ledger = await _stored(
            load_ledger(self._uc.invoices, self.request.employee_name, categories, spans)
        )

    async def _judge(self, item: _Read, earlier: list[ClaimedBill], durable_each: bool) -> InvoiceJudged:
        uc, policy = self._uc, self.policy
        assert policy is not None
        entry, invoice = item.entry, item.invoice
        employee = self.request.employee_name
        invoice_id = invoice_id_for(employee, item.sha)
        same_file = await self._same_file(invoice_id, item.sha, entry)
        bill = ClaimedBill(
            invoice_id,
            invoice.vendor,
            invoice.invoice_number,
            invoice.invoice_date,
            invoice.total,
            self.submitted_on,
            invoice.currency or policy.currency,
        )
        copy = await self._copy_of(bill, earlier, entry)
        earlier.append(msgspec.structs.replace(bill, is_copy=copy is not None and copy.declines))
        near = (copy.flag(),) if copy is not None and not copy.declines else ()
        claim = Claim(
            employee,
            self.submitted_on,
            same_file,
            (*_flags_from_notes(invoice), *near),
            employee_grade=self.request.employee_grade,
            location=self.request.location,
            invoice_id=invoice_id,
        )
        verdict = decide(policy, invoice, claim, self._ledger, uc.fx)
        if copy is not None and copy.declines:
            verdict = decline_copy(verdict, copy)
        if (granted := grant(verdict, invoice, claim)) is not None:
            self._ledger = self._ledger.record(granted)
        record = InvoiceRecord(
            invoice_id=invoice_id,
            employee_name=employee,
            batch_id=self.batch_id,
            policy_id=policy.policy_id,
            filename=entry.filename,
            file_sha256=item.sha,
            analyzed_at=uc.clock.now(),
            submitted_on=self.submitted_on,
            status=verdict.status.value,
            reason=verdict.reason,
            total_amount=verdict.total,
            reimbursement_amount=verdict.reimbursable,
            currency=verdict.currency,
            categories=(verdict.category,) if verdict.category else (),
            policy_violations=verdict.violations,
            invoice_date=invoice.invoice_date,
            invoice_number=invoice.invoice_number,
            vendor=invoice.vendor,
            review_required=verdict.review_required,
            flags=verdict.flags,
            rules_applied=verdict.rules_applied,
            names=invoice.names,
            text=item.text,
            owner=self.request.owner,
            employee_grade=self.request.employee_grade,
            location=self.request.location,
            policy_version=policy.version,
            amount_due=invoice.amount_due,
            extractor=invoice.extractor,
        )
        record, event = await self._keep(entry, record)
        if durable_each:
            await _stored(uc.invoices.upsert([record]))
            self._recorded.add(record.file_sha256)
            if uc.history is not None:
                await _stored(uc.history.append([event]))
        else:
            self._pending.append(record)
            self._pending_events.append(event)
        result = AnalysisResult.from_record(record)
        self.results.append(result)
        return InvoiceJudged(result)

    async def _keep(self, entry: ArchiveEntry, record: InvoiceRecord) -> tuple[InvoiceRecord, HistoryEvent]:
        """The original file is stored (before the record that refers to it); a re-analysis gets the
        next version and keeps a decision on an unchanged verdict; the history event to append."""
        uc = self._uc
        if record.invoice_id in self._fetched:  # nothing was written since _same_file read it
            previous = self._fetched.pop(record.invoice_id)
        else:
            previous = await self._stored_record(record.invoice_id)
        record = carry_over(previous, record)
        record = msgspec.structs.replace(record, policy_filename=self.request.policy_filename)
        if self._ahead is not None:
            await _stored(self._ahead.document_stored(entry))
        elif uc.documents is not None:
            await _stored(uc.documents.put(self.archive.read(entry)))
        return record, analysis_event(previous, record, self.actor)

    async def _stored_record(self, invoice_id: str) -> InvoiceRecord | None:
        if self._ahead is not None:
            return (await _stored(self._ahead.records())).get(invoice_id)
        return await _stored(self._uc.invoices.get(invoice_id))

    async def _same_file(self, invoice_id: str, sha: str, entry: ArchiveEntry) -> str | None:
        """The same bytes are the same claim: a re-upload replaces it (one record, paid once),
        and is only noted."""
        first = self._seen_hashes.setdefault(sha, entry)
        if first.index != entry.index:
            return f"same file as {first.filename} in this batch"
        stored = self._fetched[invoice_id] = await self._stored_record(invoice_id)
        if stored is not None and stored.batch_id != self.batch_id:
            return f"{stored.filename}, analysed {stored.analyzed_at:%Y-%m-%d} in batch {stored.batch_id}"
        return None

    async def _copy_of(
        self, bill: ClaimedBill, earlier: list[ClaimedBill], entry: ArchiveEntry
    ) -> DuplicateMatch | None:
        """The same bill under another file, among every stored claim of the employee (all
        batches) and this batch's bills decided before it; duplicates.py says what matches."""
        if self._ahead is not None:
            candidates = await _stored(self._ahead.candidates(entry))
        else:
            candidates = await _stored(
                self._uc.invoices.same_bill_candidates(
                    self.request.employee_name, bill.invoice_number, bill.invoice_date, bill.total
                )
            )
        return find_duplicate(bill, [*(claimed_bill(r) for r in candidates), *earlier])

    def _failed(self, filename: str, code: str, message: str) -> InvoiceFailed:
        error = ProcessingError(filename, code, message)
        self.errors.append(error)
        return InvoiceFailed(error)

    def summary(self) -> BatchSummary:
        processed, failed = len(self.results), len(self.errors)
        return BatchSummary(
            success=True,
            message=f"Processed {processed} invoices" + (f", {failed} could not be read" if failed else ""),
            employee_name=self.request.employee_name,
            batch_id=self.batch_id,
            policy_id=self.policy.policy_id if self.policy else "",
            total_invoices=self.total,
            processed_invoices=processed,
            failed_invoices=failed,
            results=tuple(self.results),
            processing_errors=tuple(self.errors),
            timestamp=self._uc.clock.now(),
        )

    def close(self) -> None:
        self.archive.close()


class AnalyzeBatch:
    def __init__(
        self,
        reader: DocumentReader,
        interpreter: PolicyInterpreter,
        extractor: InvoiceExtractor,
        invoices: InvoiceStore,
        policies: PolicyStore,
        clock: Clock,
        limits: ArchiveLimits,
        executor: Executor | None = None,
        concurrency: int = 8,
        documents: DocumentStore | None = None,
        history: InvoiceHistory | None = None,
        *,
        employee_lock: EmployeeLock,
        fx: FxTable | None = None,
        in_process_extractor: InProcessInvoiceExtractor | None = None,
        lookups_at_once: int = LOOKUPS_AT_ONCE,
        invoice_reader: DocumentReader | None = None,
        batch_register: BatchRegister | None = None,
    ) -> None:
        self.batch_register = batch_register  # an erasure voids the employee's batches in flight
        # Invoices may have a cheaper reader than policies (no ruled tables: only policies use them).
        self.invoice_reader = invoice_reader or reader
        self.lookups_at_once = lookups_at_once  # 0: a batch written in one go looks up one by one
        # When extraction needs no network, one pool task reads and extracts each file.
        self.in_process_extractor = in_process_extractor
        self.employee_lock = employee_lock
        self.fx = fx  # dated exchange rates for caps in another currency (issue 13)
        self.documents = documents
        self.history = history
        self.reader = reader
        self.interpreter = interpreter
        self.extractor = extractor
        self.invoices = invoices
        self.policies = policies
        self.clock = clock
        self.limits = limits
        self.executor = executor
        self.concurrency = max(1, concurrency)

    async def run_cpu(self, fn: Callable[..., T], *args: object) -> T:
        if self.executor is None:
            return await asyncio.to_thread(fn, *args)
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    async def read_document(self, data: bytes, filename: str) -> Document:
        return await self._budgeted(filename, self.reader.read, data, filename)

    async def read_invoice(self, data: bytes, filename: str, policy: Policy) -> tuple[str, Invoice]:
        """The file's text (as much as is stored) and the invoice read from it."""
        if self.in_process_extractor is None:  # e.g. a model: the document goes to it from here
            document = await self._budgeted(filename, self.invoice_reader.read, data, filename)
            del data
            return document.text[:STORED_TEXT_CHARS], await self.extractor.extract(document, policy)
        # One pool task: the document is not pickled back here and out again, and the worker
        # does not wait on this process between reading and extracting.
        extractor = self.in_process_extractor
        return await self._budgeted(
            filename, read_and_extract, self.invoice_reader, extractor, data, filename, policy
        )

    async def _budgeted(self, filename: str, fn: Callable[..., T], *args: object) -> T:
        try:
            return await self.run_cpu(fn, *args)
        except TimeoutError as exc:  # the executor stopped an overrun and replaced the worker
            seconds = getattr(exc, "seconds", None)
            budget = f"its time budget of {seconds:g} s" if seconds else "its time budget"
            raise TooSlow(f"{filename} took longer than {budget} to read and was stopped.") from None

    def start(
        self, request: BatchRequest, archive: Path | IO[bytes] | None = None, viewer: Viewer | None = None
    ) -> Batch:
        """Opens the archive (cheap: the central directory only).

        Raises AccessDenied when the viewer may not submit for this employee, ArchiveError when
        the archive is unusable.
        """
        who = viewer or Viewer.anonymous_admin()
        who.require_may_analyse_for(request.employee_name)
        if is_policy_data(request.policy_filename, request.policy_bytes) and who.role is not Role.ADMIN:
            raise AccessDenied("only an admin may analyse under a policy-as-data file")
        if request.submitted_on is not None and request.submitted_on != self.clock.today():
            who.require_may_choose_submission_date()
        source = archive if archive is not None else request.archive
        if source is None:
            raise ValueError("no archive given")
        return Batch(self, request, SafeArchive(source, self.limits))

    async def run(
        self, request: BatchRequest, archive: Path | IO[bytes] | None = None, viewer: Viewer | None = None
    ) -> BatchSummary:
        """The whole batch, stored in one write at the end. Raises on policy or store failure."""
        batch = self.start(request, archive, viewer)
        try:
            await batch.load_policy()
            async for _ in batch.events(durable_each=False):
                pass
            return batch.summary()
        finally:
            batch.close()

    async def stream(self, batch: Batch) -> AsyncIterator[BatchEvent]:
        """metadata first, then progress/result/error in completion order, always ending with done."""
        try:
            yield batch.started()
            try:
                await batch.load_policy()
            except DomainError as exc:
                yield InvoiceFailed(ProcessingError(batch.request.policy_filename, exc.code, str(exc)))
                yield BatchDone(msgspec.structs.replace(batch.summary(), success=False, message=str(exc)))
                return
            try:
                async for event in batch.events(durable_each=True):
                    yield event
            except StoreUnavailable as exc:
                yield InvoiceFailed(ProcessingError("", exc.code, str(exc)))
                yield BatchDone(msgspec.structs.replace(batch.summary(), success=False, message=str(exc)))
                return
            yield BatchDone(batch.summary())
        finally:
            batch.close()

"""DELETE /admin/employees/{employee_name}: erase one employee's data (admins only)."""

from __future__ import annotations

from datetime import datetime

import msgspec
from litestar import Controller, delete
from litestar.di import NamedDependency
from litestar.params import FromPath

from reimburse.application.erasure import EraseEmployee
from reimburse.domain.access import Viewer
from reimburse.http.openapi_docs import errors


class ErasureResponse(msgspec.Struct, frozen=True):
    success: bool
    erasure_id: str
    invoices_removed: int
    chat_messages_removed: int
    erased_at: datetime
    message: str
    # issue 14: the invoices' history events, and the originals no other employee's invoice uses
    history_events_removed: int = 0
    documents_removed: int = 0


class AdminController(Controller):
    path = "/admin"
    tags = ["admin"]

    @delete(
        "/employees/{employee_name:str}",
        status_code=200,
        summary="Erase every invoice and chat session of one employee (admin only)",
        responses=errors(404),
        description=(
            "Removes the employee's invoices and every chat session they own or are named in. "
            "Backups taken earlier still hold the data. An audit event without the name is logged."
        ),
    )
    async def erase_employee(
        self,
        erase_employee: NamedDependency[EraseEmployee],
        viewer: NamedDependency[Viewer],
        employee_name: FromPath[str],
    ) -> ErasureResponse:
        report = await erase_employee(viewer, employee_name)
        return ErasureResponse(
            success=True,
            erasure_id=report.erasure_id,
            invoices_removed=report.invoices_removed,
            chat_messages_removed=report.chat_messages_removed,
            erased_at=report.at,
            message=f"Erased {report.invoices_removed} invoices and {report.chat_messages_removed} chat messages",
            history_events_removed=report.history_events_removed,
            documents_removed=report.documents_removed,
        )

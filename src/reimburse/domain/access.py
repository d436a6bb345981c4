"""Who is asking, and what they may see. Employees see only their own invoices and sessions."""

from __future__ import annotations

import enum

import msgspec

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import normalise_name


class Role(enum.StrEnum):
    EMPLOYEE = "employee"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class AccessDenied(Exception):
    """The viewer may not do this (HTTP 403)."""


class InvalidToken(Exception):
    """The caller's token is expired, forged or malformed: nobody is known to be asking (HTTP 401)."""


class Viewer(msgspec.Struct, frozen=True):
    subject: str | None
    role: Role

    @classmethod
    def anonymous_admin(cls) -> Viewer:
        """Auth disabled (development): everything is visible, nothing is owned."""
        return cls(None, Role.ADMIN)

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.REVIEWER, Role.ADMIN)

    def is_employee(self, name: str) -> bool:
        return self.subject is not None and normalise_name(self.subject) == normalise_name(name)

    def require_may_analyse_for(self, employee_name: str) -> None:
        if not self.sees_everything and not self.is_employee(employee_name):
            raise AccessDenied("employees may only submit invoices for themselves")

    def require_may_choose_submission_date(self) -> None:
        """The deadline is judged against the submission date, so only reviewers may set another one."""
        if not self.sees_everything:
            raise AccessDenied("employees submit on today's date; only reviewers may set submitted_on")

    def may_read(self, employee_name: str) -> bool:
        return self.sees_everything or self.is_employee(employee_name)

    def may_use_session(self, owner: str | None) -> bool:
        if self.sees_everything:
            return True
        return (
            owner is not None
            and self.subject is not None
            and normalise_name(owner) == normalise_name(self.subject)
        )

    def restrict(self, flt: InvoiceFilter) -> InvoiceFilter:
        """The filter narrowed to what this viewer may see."""
        if self.sees_everything:
            return flt
        own = (self.subject or "\x00nobody",)
        return msgspec.structs.replace(flt, employee_names=own)

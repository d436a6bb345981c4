"""Which stored data belongs to one employee, for erasure on request."""

from __future__ import annotations

from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.record import normalise_name


def message_involves(message: ChatMessage, employee_name: str) -> bool:
    """A chat message is the employee's when they own the session, or when it names them: a source
    of theirs, a filter on them, or their full name in the text (questions asked about them)."""
    key = normalise_name(employee_name)
    if not key:
        return False
    if message.owner is not None and normalise_name(message.owner) == key:
        return True
    if any(normalise_name(s.employee_name) == key for s in message.sources):
        return True
    if message.filters is not None and key in {normalise_name(n) for n in message.filters.employee_names}:
        return True
    return key in normalise_name(message.content)

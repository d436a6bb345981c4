"""Structured JSON logs (structlog) to stdout and LOG_DIR/app_YYYYMMDD.log, secrets redacted."""

from __future__ import annotations

import logging
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import structlog

SECRET_KEYS = re.compile(r"(authorization|token|secret|api[_-]?key|password|cookie)", re.IGNORECASE)
SECRET_VALUES = [
    re.compile(r"(?i)bearer\s+[A-Za-z0-9._~+/=-]+"),
    re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"),  # JWTs
    re.compile(r"AIza[0-9A-Za-z_-]{20,}"),  # Google API keys
    re.compile(r"(?i)(key|token|secret|password)=([^&\s]+)"),
]
REDACTED = "[REDACTED]"


def _scrub(text: str) -> str:
    for pattern in SECRET_VALUES:
        text = pattern.sub(
            lambda m: f"{m.group(1)}={REDACTED}" if m.lastindex and m.lastindex >= 2 else REDACTED, text
        )
    return text


def redact(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    for key, value in list(event.items()):
        if SECRET_KEYS.search(key) and key != "event":
            event[key] = REDACTED
        elif isinstance(value, str):
            event[key] = _scrub(value)
    return event


class DailyFileHandler(logging.Handler):
    """Writes to LOG_DIR/app_YYYYMMDD.log, switching files when the UTC date changes."""

    def __init__(self, directory: str) -> None:
        super().__init__()
        self._dir = Path(directory)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._day = ""
        self._stream: Any = None

    def _file_for_today(self) -> Any:
        day = datetime.now(UTC).strftime("%Y%m%d")
        if day != self._day:
            if self._stream is not None:
                self._stream.close()
            self._stream = open(self._dir / f"app_{day}.log", "a", encoding="utf-8")  # noqa: SIM115
            self._day = day
        return self._stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stream = self._file_for_today()
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        super().close()


def configure_logging(level: str = "INFO", log_dir: str | None = None) -> None:
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
    )
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stdout)]
    if log_dir:
        handlers.append(DailyFileHandler(log_dir))
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "litestar"):
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True  # our access log carries the request id

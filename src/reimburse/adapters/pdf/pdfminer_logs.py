"""pdfminer's per-token DEBUG logging, skipped without the call.

pdfminer's tokeniser and content interpreter call `log.debug` for every token and operator (about
X
the reader's CPU. Their module loggers are replaced, in pdfminer's namespace only, by a proxy whose
`debug` does nothing; every other level goes to the real logger. Left alone when pdfminer's DEBUG
is on at install time, so its debug output stays available to whoever asks for it.
"""

from __future__ import annotations

import logging
from typing import Any

import pdfminer.pdfinterp
import pdfminer.psparser

_NOISY = (pdfminer.psparser, pdfminer.pdfinterp)  # the two that log per token / operator


class _NoDebug:
    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger

    def debug(self, *args: Any, **kwargs: Any) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger, name)


def install() -> None:
    """Idempotent."""
    if logging.getLogger("pdfminer").isEnabledFor(logging.DEBUG):
        return
    for module in _NOISY:
        logger = vars(module).get("log")
        if isinstance(logger, logging.Logger):  # not yet replaced
            vars(module)["log"] = _NoDebug(logger)

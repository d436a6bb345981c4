"""pdfminer's per-token DEBUG calls are skipped; its warnings still reach the log."""

from __future__ import annotations

import logging

import pdfminer.pdfinterp
import pdfminer.psparser
import pytest

from reimburse.adapters.pdf import pdfminer_logs


def test_the_token_loggers_drop_debug_and_keep_warnings(caplog: pytest.LogCaptureFixture) -> None:
    pdfminer_logs.install()
    pdfminer_logs.install()  # idempotent: no proxy of a proxy
    for module in (pdfminer.psparser, pdfminer.pdfinterp):
        assert not isinstance(module.log, logging.Logger)
        with caplog.at_level(logging.DEBUG, logger=module.__name__):
            module.log.debug("token %r", b"BT")
            module.log.warning("broken %s", "xref")
        assert [r.getMessage() for r in caplog.records if r.name == module.__name__] == ["broken xref"]
        caplog.clear()

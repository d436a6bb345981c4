"""The printed labels of invoices and receipts ("Total", "Zahlbetrag", "Invoice No"), in the
languages read. Shared by the heuristic reader and the OCR review; imports neither, so the OCR
review can use them at import time although the heuristic package loads it."""

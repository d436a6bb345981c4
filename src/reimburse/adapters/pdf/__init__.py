"""PDF reading with pdfplumber (pdfminer.six underneath)."""

from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader

__all__ = ["PdfplumberDocumentReader"]

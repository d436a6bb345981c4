"""XML bytes -> EInvoice, whichever standard (CII or UBL) the root element names."""

from __future__ import annotations

from reimburse.adapters.einvoice import safe_xml
from reimburse.adapters.einvoice.cii import is_cii, read_cii
from reimburse.adapters.einvoice.ubl import is_ubl, read_ubl
from reimburse.domain.verdict.document import EInvoice


class NotAnEInvoice(ValueError):
    """Well-formed XML that is not a CII or UBL invoice, or one that states no total."""


def read_einvoice(data: bytes, max_bytes: int = safe_xml.MAX_XML_BYTES) -> EInvoice:
    """Raises safe_xml.UnsafeXml for hostile or broken XML, NotAnEInvoice for other XML."""
    root = safe_xml.parse(data, max_bytes)
    if is_cii(root):
        invoice = read_cii(root)
    elif is_ubl(root):
        invoice = read_ubl(root)
    else:
        name = safe_xml.local(root) or "?"
        ns = safe_xml.namespace(root)
        raise NotAnEInvoice(
            f"its root element is <{name}>{f' in {ns}' if ns else ''}, not a CII "
            "(Factur-X, ZUGFeRD, XRechnung) or UBL (Peppol) invoice or credit note"
        )
    if invoice is None:
        raise NotAnEInvoice("it is an e-invoice without a grand total")
    return invoice

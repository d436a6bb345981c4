"""A printed e-mail's header block: who sent it, and the reference its subject names.

An e-mail printed or saved as PDF from a mail client opens with its header, one field a line in
the client's language: "From: Name <address>", "To:", "Date:", "Subject:" (Von / An / Datum /
Betreff, De / À / Date / Objet, De / Para / Fecha / Asunto, Da / A / Data / Oggetto, Van / Aan /
Datum / Onderwerp). A receipt or an order confirmation sent by e-mail names its seller there, as
the display name of the sending address, while its body may only greet the customer.

The display name is taken only when the header is a header (another of its fields beside it),
the mail was not forwarded (a forward's sender is whoever forwarded it, often the claimant),
the address is not a free-mail one (a person's), and the address's domain spells part of the
name ("Maison Lavande <boutique@maisonlavande.fr>"): a display name the domain does not
corroborate may be a person writing from a company's address.
"""

from __future__ import annotations

import re
import unicodedata

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.titles import is_reference

# The header words of a printed mail, in the six languages and the Nordic ones.
_FROM_WORDS = r"from|von|de|da|van|fra|från|od"
_SUBJECT_WORDS = r"subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne"
_SENDER = re.compile(
    rf"(?i)^\s*(?:{_FROM_WORDS}|absender|expéditeur|mittente|remitente|afzender)"
    r"\s*:\s*(?P<name>[^<>@]*?)\s*<\s*[^<>@\s]+@(?P<domain>[\w.-]+)\s*>\s*$"
)
_FIELD = re.compile(
    r"(?i)^\s*(?:to|an|à|a|para|aan|til|till|cc|date|sent|datum|fecha|data|gesendet|envoyé|enviado|"
    rf"inviato|verzonden|{_SUBJECT_WORDS})\s*:"
)
# "Fwd:", "Fw:", "WG:" (weitergeleitet), "TR:" (transféré), "RV:" (reenviado), "I:" (inoltrato),
# "Doorst:" (doorgestuurd) before a subject
_FORWARD = re.compile(r"(?i)(?:^|:\s*)(?:fwd?|wg|tr|rv|i|doorst)\s*:")
# Free mail providers: a sender there is a person, never a shop (vendor.py reads domains with it too).
FREE_MAIL = frozenset(
    [
        "gmail",
        "googlemail",
        "yahoo",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "icloud",
        "me",
        "aol",
        "gmx",
        "web",
        "t-online",
        "freenet",
        "orange",
        "free",
        "laposte",
        "wanadoo",
        "libero",
        "virgilio",
        "ziggo",
        "kpn",
        "telenet",
        "proton",
        "protonmail",
        "mail",
    ]
)
_HEADER_LINES = 15  # the header block opens the first page
# The mailbox a shop's display name may add to its name: "Lyft Receipts", "Acme Billing", "Shop - Orders",
# "Kaffeewerk Bestellungen"
_MAILBOX = re.compile(
    r"(?i)[\s\-–|·:]+(?:receipts?|orders?|billing|invoices?|notifications?|no-?reply|support|"
    r"bestellungen|rechnungen|commandes|factures|pedidos|facturas|ordini|fatture|bestellingen|facturen)$"
)
_SUBJECT = re.compile(rf"(?i)^\s*(?:{_SUBJECT_WORDS})\s*:\s*(?P<text>\S.*)$")
_FROM_LINE = re.compile(rf"(?i)^\s*(?:{_FROM_WORDS})\s*:.*@")
# A subject naming its document and the document's reference: "Your receipt [#CN-88412]", "Deine
# Bestellung NL25-0412", "Conferma prenotazione n. 58213", "Nieuwe bestelling # 100000389".
_SUBJECT_REFERENCE = re.compile(
    r"(?i)(?<![^\W\d_])(?:order|receipt|invoice|booking|reservation|confirmation|bestellung|bestellnummer|"
    r"rechnung|quittung|buchung|commande|facture|réservation|pedido|factura|reserva|recibo|ordine|fattura|"
    r"prenotazione|ricevuta|bestelling|factuur|boeking|reservering)(?![^\W\d_])\s*"
    r"(?:(?:no\.?|nr\.?|n[°º.]|number|nummer|numéro|número|numero)\s*)?[\[(]?\s*#?\s*:?\s*"
    r"(?P<ref>[A-Z0-9][A-Z0-9/-]*)(?![\w/-])"
)


def mail_sender(lines: list[str]) -> str | None:
    """The sender's display name of a printed e-mail's header, when its domain corroborates it."""
    filled = [line for line in lines if line.strip()][:_HEADER_LINES]
    for n, line in enumerate(filled):
        m = _SENDER.match(line)
        if m is None:
            continue
        near = filled[max(0, n - 4) : n] + filled[n + 1 : n + 5]
        if not any(_FIELD.match(other) for other in near):
            continue  # a "From: ... <address>" line alone is no mail header
        if any(_FORWARD.search(other) for other in filled[: n + 5]):
            return None
        name = _MAILBOX.sub("", m.group("name").strip(" \"'")).strip(" \"'-–|·:")
        if _spelled(name, m.group("domain")):
            return name
    return None


def _spelled(name: str, domain: str) -> bool:
    """Whether the domain's name spells a word of `name` (of four letters or more), or the name."""
    labels = domain.casefold().split(".")[:-1]  # without the top-level domain
    hosts = [_fold(label) for label in labels if label not in {"www", "mail", "email", "co", "com"}]
    if not hosts or not re.search(r"[^\W\d_]{2,}", name) or any(h in FREE_MAIL for h in labels):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 4]
    for folded in {_fold(name), _fold(name, umlaut=True)}:
        if any(len(h) >= 4 and (h in folded or folded in h) for h in hosts):
            return True
    return any(
        _fold(w, umlaut=u) in h for w in words for h in hosts for u in (False, True) if len(_fold(w)) >= 4
    )


def _fold(text: str, *, umlaut: bool = False) -> str:
    """Letters and digits only, accents dropped ("Fröhlich" -> "frohlich", or "froehlich" as a
    German address spells an umlaut)."""
    text = text.casefold()
    if umlaut:
        text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def mail_subject(lines: list[str]) -> str | None:
    """A printed e-mail's subject: its "Subject:" field, or the heading a mail client prints above
    the sender's line."""
    filled = [line for line in lines if line.strip()][:_HEADER_LINES]
    for line in filled:
        if m := _SUBJECT.match(line):
            return m.group("text").strip()
    for n, line in enumerate(filled[1:], start=1):
        near = filled[n + 1 : n + 4]
        if _FROM_LINE.match(line) and any(_FIELD.match(other) for other in near):
            return filled[n - 1].strip()
    return None


def subject_reference(lines: list[str]) -> str | None:
    """The order, receipt or booking reference a printed e-mail's subject names."""
    subject = mail_subject(lines)  # a forward keeps the reference of what it forwards
    if subject is None:
        return None
    for m in _SUBJECT_REFERENCE.finditer(subject):
        ref = m.group("ref")
        if is_reference(ref) and not find_dates(ref):
            return ref
    return None

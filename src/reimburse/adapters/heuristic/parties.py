"""Which side of an invoice a line is on: the customer's block starts at its heading."""

from __future__ import annotations

import re

# A heading or label that opens the customer's block: "Bill to", "Kunde", "Facturar a"; a letter's
# "To:" in Dutch and German ("Aan:", "An:"; German "An" only with its colon: "An der Alster 5").
RECIPIENT_LABEL = re.compile(
    r"(?i)^\W*(to(?=\s*:|$)|aan(?=\s*:|$)|an(?=\s*:)|bill(?:ed)?\s*to|invoice\s*to|sold\s*to|ship\s*to|deliver\s*to|delivery\s*address|"
    r"customer|buyer|recipient|rechnungsadresse|rechnungsempfänger|lieferadresse|liefer\s*anschrift|"
    r"name\s*&\s*adresse|kunde|käufer|empfänger|adresse\s*de\s*facturation|adresse\s*de\s*livraison|"
    r"facturé\s*à|adress[ée]e?\s*à|client|acheteur|destinataire|factuuradres|afleveradres|klant|koper|facturar\s*a|"
    r"cobrar\s*a|enviar?\s*a|cliente|comprador|destinatario|intestatario|spett\.?\s*le|acquirente|"
    # whom the invoice is for: "Invoice For:", "Prepared for", "Attn:", "Rechnung an", "Fatturare a"
    r"invoice\s*for(?=\s*:|$)|billed\s*for|prepared\s*for|issued\s*to|attn|attention|payer|"
    r"rechnung\s*an|leistungsempfänger|rechnungsanschrift|facturer\s*à|fatturare\s*a|fatturato\s*a|"
    r"factureren\s*aan|gefactureerd\s*aan|"
    # the buyer's heading in Polish, Czech and Portuguese ("Nabywca", "Odběratel", "Destinatário")
    r"nabywca|odb[eě]ratel|kupuj[aą]cy|kupující|destinat[aá]rio|"
    # Portuguese billing and delivery addresses ("Morada de faturação", "Morada de entrega")
    r"morada\s+de\s+(?:fatura[çc][ãa]o|entrega)|"
    # Romance languages put the noun first: "Datos del cliente", "Informations client", "Dati cliente"
    r"(?:datos|dados|dati|données|informations?|información|informações|informazioni|coordonnées)\s+"
    r"(?:(?:del|du|de\s+la|de|do|da|dei|des)\s+)?(?:cliente?|client|comprador|acheteur|acquirente))\b"
)


# A hotel's guest, labelled: the customer too, though the vendor reader leaves "Guest" to a folio's
# own fields (its name rows sit beside the hotel's).
_GUEST = re.compile(r"(?i)^\W*guest(?:\s+name)?\s*:")


def issuer_side(text: str) -> str:
    """The text above its first customer heading: what the issuer prints of itself (its name,
    address and country) comes before whom the invoice is for."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if RECIPIENT_LABEL.match(line.strip()) or _GUEST.match(line.strip()):
            return "\n".join(lines[:i])
    return text

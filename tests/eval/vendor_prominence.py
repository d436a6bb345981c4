"""Is the issuer the largest text at the top of the first page? Development documents only.

`python -m tests.eval.vendor_prominence` reads each development invoice through the service's
document reader (as tests/eval/invoice_eval.py does), takes the line of page 1's top third whose
words are tallest (word height is the font-size proxy, for text layers and OCR alike) and says
what it is: the labelled vendor, a title, the customer, a field, an address, or something else.
It counts by source (native text layer, scanner's text layer, our OCR of an image), for all
documents and for those whose tallest line is clearly larger (>= 1.3x the page's median line),
and what the vendor reader's own name filters leave of that line. Held-out files are never read.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict

from dependency_injector import providers

from reimburse.adapters.heuristic import vendor as rules
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.layout import Layout, Placed
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.adapters.invoice_labels.labels import find_labels
from reimburse.config import Settings
from reimburse.container import build_container
from reimburse.domain.verdict.document import Document
from tests.eval.corpus import corpus_dir, is_held_out, load_labels
from tests.eval.invoice_eval import LEGAL_FORMS, _fold_text

CLEARLY_LARGER = 1.3  # times the page's median line height
# A document's heading, also inside a compound ("Handelsrechnung Nr. 471102", "RECHNUNGS-KORREKTUR").
_HEADING = re.compile(r"(?i)rechnung|invoice|facture|factuur|factura|fattura|receipt|avoir|gutschrift")


def height(placed: Placed) -> float:
    """The median height of the line's words that hold letters (digits and specks vary more)."""
    sizes = [w.bottom - w.top for w in placed.words if re.search(r"[^\W\d_]", w.text)]
    return statistics.median(sizes) if sizes else 0.0


def names_vendor(text: str, vendor: str) -> bool:
    """The line prints the labelled vendor's first distinctive word (a brand: "VALAMAR" for
    "Valamar Argosy Hotel"), or two of them ("First City Parking" for "AMPANG 210 FIRST CITY
    PARKING SDN BHD"); legal forms and short words do not count."""
    key = [w for w in _fold_text(vendor) if w not in LEGAL_FORMS and len(w) >= 3]
    words = set(_fold_text(text))
    return bool(key) and (key[0] in words or len(words.intersection(key)) >= 2)


def kind_of(label: dict[str, object]) -> str:
    if str(label["file"]).startswith("images/"):
        return "OCR image"
    return "scanner text layer" if label.get("text_layer") == "ocr" else "native PDF"


def category(document: Document, vendor: str) -> tuple[str, float, str | None]:
    """(what the tallest top line is, its height over the page's median line, what the vendor
    reader's name filters leave of it)."""
    lines = normalize(document.text).split("\n")
    infos = analyse_lines(lines, [find_amounts(line) for line in lines])
    page = rules._Page(infos)
    layout = Layout(document)
    if not layout.pages:
        return "no layout", 0.0, None
    first = [p for p in layout.lines if p.page is layout.pages[0] and p.text_index is not None]
    body = statistics.median([h for p in first if (h := height(p))] or [0.0])
    top = [p for p in first if p.line.top < p.page.height / 3]
    if not top or not body:
        return "no layout", 0.0, None
    tallest = max(top, key=height)
    i, text = tallest.text_index, tallest.text
    assert i is not None
    ratio = height(tallest) / body
    head = text.split("   ")[0]  # the first cell: "Johannes Schmidt" beside "Rechnungsdatum"
    kept = None
    if i not in page.customer and i not in page.people:
        kept = next(
            (n for s, c in page.rows[i] if (n := rules._legal_name(c) or rules._plain_name(text, s, c))), None
        )
    if names_vendor(text, vendor):
        what = "vendor"
    elif rules._TITLES.match(text) or _HEADING.search(head):
        what = "title"
    elif i in page.customer or i in page.people:
        what = "customer"
    elif find_labels(head) or find_dates(head) or any(a.explicit for a in find_amounts(head)) or ":" in head:
        what = "field/amount/date"
    elif rules._POSTCODE_CITY.search(head) or rules._STREET_WORD.search(head):
        what = "address"
    else:
        what = "other (logo OCR, person, slogan)"
    return what, ratio, kept


def main() -> int:
    corpus = corpus_dir()
    labels = [
        x for x in load_labels(corpus / "labels.json") if not is_held_out(x["file"]) and x.get("vendor")
    ]
    container = build_container(Settings(data_dir=str(corpus / ".unused"), log_dir=str(corpus / ".unused")))
    container.executor.override(providers.Object(None))
    reader = container.reader()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    large: dict[str, Counter[str]] = defaultdict(Counter)
    kept_right = kept_wrong = 0
    for label in labels:
        path = corpus / label["file"]
        document = reader.read(path.read_bytes(), path.name)
        what, ratio, kept = category(document, label["vendor"])
        counts[kind_of(label)][what] += 1
        if ratio >= CLEARLY_LARGER:
            large[kind_of(label)][what] += 1
            if kept is not None:
                right = names_vendor(kept, label["vendor"])
                kept_right += right
                kept_wrong += not right
        print(f"{label['file']}: {what}, {ratio:.2f}x, name kept {kept!r}")
    for title, table in (("all", counts), (f">= {CLEARLY_LARGER}x the median line", large)):
        print(f"\ntallest line in page 1's top third ({title}):")
        for kind, counter in sorted(table.items()):
            print(
                f"  {kind} ({sum(counter.values())}): "
                + ", ".join(f"{k} {n}" for k, n in counter.most_common())
            )
    print(f"\nclearly larger and a name after the vendor filters: vendor {kept_right}, not {kept_wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

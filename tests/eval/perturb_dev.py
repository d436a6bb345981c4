"""The development corpus's scans and photos scanned or photographed again, badly: a fairer proxy
for real scans than the rendered sets, whose flat synthetic pages send few right readings to review.

Every development image and every development PDF that is a scan (its text layer the scanner's
OCR) is turned into page images (PDF pages rendered at 200 dpi, as the service renders scans), and
each page is put through seeded scanner and phone damage (`perturb`): downscaled to 60-85%, faded
as thermal paper fades (ink contrast and brightness lost), uneven light, a slight rotation
(+-1.5 degrees), a mild blur, speckle, and JPEG at quality 35-70. The labels stay: the printed
total and date do not change. Each variant is read through the service's own OCR and invoice
reader, and each field is scored right / right but flagged / wrong, flagged / SILENTLY wrong /
unread, with the checks that flagged right readings named (`photo_damage.checks_fired`).

`python -m tests.eval.perturb_dev [--seed 1] [--variants 2] [--cache DIR] [--misses] [--only PREFIX]`

Held-out files are never opened: they are dropped by name (`is_held_out`) before any file is read.
OCR words are cached per image in DIR (keyed by its bytes), so a change to the field reading or
to the doubt checks re-runs in seconds. A dev tool, run by hand: a page costs 1-4 CPU seconds.
"""

from __future__ import annotations

import argparse
import io
import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from tests.eval.corpus import corpus_dir, is_held_out, load_labels

PDF_DPI = 200.0  # as pdf_pages.RENDER_DPI: the service renders a scanned PDF's pages so
MAX_PAGES = 3
SCALE = (0.60, 0.85)
QUALITY = (35, 70)
INK_KEPT = (0.45, 0.8)  # share of the ink's darkness left on faded thermal paper
PAPER = (200, 245)  # the paper's grey level once scanned or photographed (white is 255)
LIGHT_LOSS = (0.05, 0.25)  # darker at one side than the other, as a lamp or window lights a page
ANGLE = 1.5  # degrees either way
BLUR = (0.0, 0.8)  # Gaussian radius in pixels, after the downscale
SPECKLE = (0.0005, 0.003)  # share of pixels that are dust or paper grain
NOISE = (2.0, 6.0)  # sensor noise, grey levels


@dataclass(frozen=True)
class Truth:
    total: Decimal | None
    date: date | None
    currency: str
    clean: bool  # its label notes no contradiction, garbling or trap


@dataclass(frozen=True)
class Sample:
    file: str
    variant: int
    truth: Truth
    data: bytes
    params: dict[str, float] = field(default_factory=dict, compare=False)


def development_files(labels: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The labelled files this tool reads: development images and development scanned PDFs (the
    scanner's OCR text layer), each with a total; never a held-out file."""
    return [
        label
        for label in labels
        if not is_held_out(label["file"])
        and label.get("total") is not None
        and (label["file"].startswith("images/") or label.get("text_layer") == "ocr")
    ]


def perturb(page: Image.Image, rng: random.Random) -> tuple[Image.Image, int, dict[str, float]]:
    """`page` scanned or photographed again: (the damaged picture, the JPEG quality to save it
    at, the parameters drawn). Pure: the same page and seed give the same picture."""
    p = {
        "scale": rng.uniform(*SCALE),
        "ink": rng.uniform(*INK_KEPT),
        "paper": rng.uniform(*PAPER),
        "light": rng.uniform(*LIGHT_LOSS),
        "light_dir": rng.uniform(0, 2 * math.pi),
        "angle": rng.uniform(-ANGLE, ANGLE),
        "blur": rng.uniform(*BLUR),
        "speckle": rng.uniform(*SPECKLE),
        "noise": rng.uniform(*NOISE),
    }
    quality = rng.randint(*QUALITY)
    noise_seed = rng.randint(0, 2**31)
    grey = page.convert("L")
    size = (max(1, round(grey.width * p["scale"])), max(1, round(grey.height * p["scale"])))
    grey = grey.resize(size, Image.Resampling.BILINEAR)
    arr = np.asarray(grey).astype(np.float32)
    # faded print: ink keeps a share of its darkness, the paper is greyed
    arr = p["paper"] - (255.0 - arr) * p["ink"] * p["paper"] / 255.0
    h, w = arr.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    along = (xs / max(w, 1) - 0.5) * math.cos(p["light_dir"]) + (ys / max(h, 1) - 0.5) * math.sin(
        p["light_dir"]
    )
    arr *= 1.0 - p["light"] * (along + 0.5)
    turned = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(
        p["angle"], resample=Image.Resampling.BICUBIC, expand=True, fillcolor=int(p["paper"] * 0.9)
    )
    if p["blur"] > 0.2:
        turned = turned.filter(ImageFilter.GaussianBlur(p["blur"]))
    arr = np.asarray(turned).astype(np.float32)
    g = np.random.default_rng(noise_seed)
    arr += g.normal(0.0, p["noise"], arr.shape)
    specks = g.random(arr.shape) < p["speckle"]
    arr[specks] = g.uniform(40, 140, int(specks.sum()))
    tone = np.clip(arr, 0, 255)
    rgb = np.stack([tone, tone * 0.985, tone * 0.95], axis=-1)  # thermal paper's warm grey
    return Image.fromarray(rgb.astype(np.uint8)), quality, p


def encoded(pages: list[Image.Image], qualities: list[int], dpi: float) -> bytes:
    """The damaged pages as a phone app or scanner saves them: one JPEG, or (several pages) a TIFF
    of JPEG-compressed pages decoded again."""
    frames = []
    for page, quality in zip(pages, qualities, strict=True):
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=quality, dpi=(round(dpi), round(dpi)))
        if len(pages) == 1:
            return buffer.getvalue()
        frames.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:], dpi=(round(dpi), round(dpi)))
    return out.getvalue()


def page_images(path: Path) -> tuple[list[Image.Image], float]:
    """The file's pages as pictures (a PDF's rendered as the service renders a scan) and their dpi."""
    data = path.read_bytes()
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(data)
        try:
            out = []
            for index in range(min(len(pdf), MAX_PAGES)):
                page = pdf[index]
                out.append(page.render(scale=PDF_DPI / 72.0, grayscale=True).to_pil().convert("RGB"))
                page.close()
            return out, PDF_DPI
        finally:
            pdf.close()
    from reimburse.adapters.ocr import images

    frames = list(images.pages(data, path.name, MAX_PAGES))
    return [image for image, _ in frames], 72.0 / frames[0][1]


def samples(seed: int, variants: int, only: str = "") -> list[Sample]:
    from tests.eval.invoice_eval import UNCLEAN_WORDS

    corpus = corpus_dir()
    out = []
    for label in development_files(load_labels(corpus / "labels.json")):
        if not label["file"].startswith(only):
            continue
        pages, dpi = page_images(corpus / label["file"])
        note = str(label.get("note") or "").lower()
        truth = Truth(
            total=Decimal(str(label["total"])),
            date=date.fromisoformat(label["date"]) if label.get("date") else None,
            currency=label.get("currency") or "EUR",
            clean=not any(w in note for w in UNCLEAN_WORDS),
        )
        for v in range(variants):
            # one generator per file and variant: adding a file changes no other file's damage
            rng = random.Random(f"{seed}:{label['file']}:{v}")
            damaged = [perturb(page, rng) for page in pages]
            scale = damaged[0][2]["scale"]
            data = encoded([d[0] for d in damaged], [d[1] for d in damaged], dpi * scale)
            params = damaged[0][2] | {"quality": float(damaged[0][1])}
            out.append(Sample(label["file"], v, truth, data, params))
    return out


# -- reading and scoring ----------------------------------------------------------------------------

FIELDS = ("total", "date")
KINDS = ("right", "right, flagged", "wrong, flagged", "SILENT", "unread")


@dataclass
class Outcome:
    sample: Sample
    got: dict[str, object]
    review: bool
    checks: tuple[str, ...] = ()

    def kind(self, name: str) -> str:
        got, want = self.got.get(name), getattr(self.sample.truth, name)
        if got is None:
            return "unread"
        right = (
            abs(got - want) <= Decimal("0.01")
            if isinstance(got, Decimal) and isinstance(want, Decimal)
            else got == want
        )
        if right:
            return "right, flagged" if self.review else "right"
        return "wrong, flagged" if self.review else "SILENT"

    @property
    def both_right(self) -> bool:
        return all(self.kind(f) in {"right", "right, flagged"} for f in FIELDS)


def run(batch: list[Sample], cache: Path | None) -> list[Outcome]:
    from tests.eval.photo_damage import checks_fired, messages
    from tests.eval.synthetic_dates import CachedOcrReader, read_receipt

    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    reader = CachedOcrReader(cache)
    out = []
    for s in batch:
        suffix = ".tif" if s.data[:2] in (b"II", b"MM") else ".jpg"
        name = Path(s.file).stem + f"-v{s.variant}{suffix}"
        invoice, _flags, flagged, _text = read_receipt(reader, s.data, name, s.truth.currency)
        if invoice is None:
            out.append(Outcome(s, {}, flagged, ("error",)))
            continue
        checks = checks_fired(messages(invoice, s.truth.currency))
        got: dict[str, object] = {"total": abs(invoice.total) if invoice.total else None}
        got["date"] = invoice.invoice_date
        out.append(Outcome(s, got, flagged, checks))
    return out


def source(s: Sample) -> str:
    name = Path(s.file).name
    if s.file.startswith("pdf/"):
        return "scanned PDF"
    return "SROIE scan" if name.startswith("sroie") else "Azure sample image"


def table(outcomes: list[Outcome], key: Callable[[Sample], str], title: str) -> list[str]:
    """Per group and field: right / right but flagged / wrong, flagged / SILENT / unread, and the
    clean documents read right (total and date) that were sent to review anyway."""
    groups: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for o in outcomes:
        for name in FIELDS:
            for group in (key(o.sample), "all"):
                groups[group][name][o.kind(name)] += 1
    rows = [
        f"| {title} | n | total | date | right both, clean, yet review |",
        "|---|---|---|---|---|",
    ]
    for name, fields in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        members = [o for o in outcomes if name == "all" or key(o.sample) == name]
        right = [o for o in members if o.both_right and o.sample.truth.clean]
        cells = ["/".join(str(fields[f][k]) for k in KINDS) for f in FIELDS]
        flagged = sum(o.review for o in right)
        rows.append(f"| {name} | {len(members)} | " + " | ".join(cells) + f" | {flagged}/{len(right)} |")
    return rows


def by_check(outcomes: list[Outcome]) -> list[str]:
    """Per check: the clean readings it sent to review whose total and date were right (false
    review) and those with a wrong total or date (caught); "alone": only that check flagged it."""
    right: Counter[str] = Counter()
    right_alone: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    caught_alone: Counter[str] = Counter()
    for o in outcomes:
        if not o.review or not o.sample.truth.clean:
            continue
        for check in o.checks:
            (right if o.both_right else caught)[check] += 1
            if len(o.checks) == 1:
                (right_alone if o.both_right else caught_alone)[check] += 1
    rows = ["| check | right but flagged (alone) | wrong, flagged (alone) |", "|---|---|---|"]
    for check in sorted(set(right) | set(caught), key=lambda c: (-right[c], c)):
        rows.append(
            f"| {check} | {right[check]} ({right_alone[check]}) | {caught[check]} ({caught_alone[check]}) |"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--only", default="", help="a corpus path prefix: images/ or pdf/")
    parser.add_argument("--misses", action="store_true", help="print each flagged or wrong reading")
    args = parser.parse_args()
    outcomes = run(samples(args.seed, args.variants, args.only), args.cache)
    print("cells: " + "/".join(KINDS) + "\n")
    print("\n".join(table(outcomes, source, "source")), end="\n\n")
    print("\n".join(by_check(outcomes)), end="\n\n")
    if args.misses:
        for o in outcomes:
            kinds = {f: o.kind(f) for f in FIELDS}
            if all(k == "right" for k in kinds.values()):
                continue
            s = o.sample
            cells = "; ".join(
                f"{f} {k}"
                + ("" if k.startswith("right") else f" (want {getattr(s.truth, f)} got {o.got.get(f)})")
                for f, k in kinds.items()
            )
            shown = ", ".join(f"{k}={v:.2f}" for k, v in s.params.items())
            print(f"{s.file} v{s.variant}: {cells}  checks={','.join(o.checks)}  [{shown}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

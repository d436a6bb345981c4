"""8. OCR throughput: seconds per receipt photo, and photos per second with 1 and 2 workers.

Photos: a thermal receipt of ~25 lines drawn with Pillow, pasted slightly turned onto a grey
12-megapixel background (a phone photo of a receipt on a table), as JPEG.

Baselines, in the same run on the same photos:
- plain decode: the service's image opening alone (decode, EXIF, downscale), no OCR;
- library defaults: RapidOCR as it comes, on one thread (detection with the short side raised to
  736 px on the whole page, the angle classifier on, recognition in batches of 6), which the
  service used before issue 12's speed work, on the very image the service hands to OCR;
- the engine's own single-image call with its default threads (all cores).
Measured: the service's `recognise` (its settings, one thread) per page in CPU and wall seconds,
and `RapidOcrDocumentReader().read` in a process pool of 1 and of 2 workers. Also peak memory.
"""

from __future__ import annotations

import resource
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from reimburse.adapters.ocr import images, rapidocr_engine
from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
from tests.benchmarks.harness import Goal, Profile, Section, log, stopwatch
from tests.image_factory import encode, receipt

RECEIPTS = 8
PHOTO_SIZE = (3024, 4032)  # 12 MP, a phone camera's portrait photo
ITEMS = ("Nasi Lemak", "Teh Tarik", "Roti Canai", "Mee Goreng", "Kopi O", "Char Kway Teow")


def photos(n: int) -> list[bytes]:
    """Receipt photos: ~25 receipt lines, 2x enlarged, turned 1.5 degrees, on a 12 MP grey table."""
    out = []
    for i in range(n):
        lines: list[str | tuple[str, str]] = [
            "KEDAI MAKAN SELERA SDN BHD",
            "NO. 12, JALAN SS2/24",
            "47300 PETALING JAYA",
        ]
        lines += [f"Receipt No: R{1000 + i}", f"Date: {(i % 28) + 1:02d}/03/2024 12:{i % 60:02d}"]
        total = 0
        for j in range(18):
            cents = 350 + 125 * ((i + j) % 9)
            total += cents
            lines.append((f"{ITEMS[j % len(ITEMS)]} x1", f"{cents / 100:.2f}"))
        lines += [
            ("SUBTOTAL", f"{total / 100:.2f}"),
            ("TOTAL", f"{total / 100:.2f}"),
            "THANK YOU, PLEASE COME AGAIN",
        ]
        paper = receipt(lines, width=900, size=30)
        paper = paper.resize((paper.width * 2, paper.height * 2), Image.Resampling.BICUBIC)
        paper = paper.rotate(1.5, expand=True, fillcolor=(120, 120, 120))
        table = Image.new("RGB", PHOTO_SIZE, (120, 120, 120))
        table.paste(paper, ((PHOTO_SIZE[0] - paper.width) // 2, (PHOTO_SIZE[1] - paper.height) // 2))
        out.append(encode(table, "JPEG", quality=88))
    return out


def _read(data: bytes) -> int:
    return len(RapidOcrDocumentReader().read(data, "photo.jpg").text)


def _warm() -> int:
    return _read(photos(1)[0])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(call: object, *args: object, **kwargs: object) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call in this process."""
    cpu, wall = time.process_time(), time.perf_counter()
    call(*args, **kwargs)  # type: ignore[operator]
    return time.process_time() - cpu, time.perf_counter() - wall


def run(profile: Profile, work: Path) -> Section:
    section = Section(8, "OCR throughput")
    per_page = section.figure(
        "OCR of one receipt photo, service settings, s/page (wall, 1 thread; median over the photos)",
        "s",
        Goal("<", 2.0, "< 2 s"),
        headline=True,
    )
    cpu_page = section.figure(
        "OCR of one receipt photo, service settings, CPU s/page (median over the photos)", "s"
    )
    decode = section.figure("baseline: plain image decode (EXIF, downscale), CPU s/page", "s")
    previous = section.figure("baseline: library defaults (1 thread), CPU s/page", "s")
    ratio = section.figure("service settings / library defaults, CPU per page", "x", headline=True)
    over_decode = section.figure("service OCR / plain decode, CPU per page", "x")
    reader_page = section.figure("service reader (decode + OCR + layout), 1 worker, wall s/photo", "s")
    engine = section.figure("engine's own call (all cores), wall s/photo", "s")
    rate = {w: section.figure(f"service reader, WORKERS={w}", "receipts/s") for w in (1, 2)}
    engine_rate = section.figure("baseline: engine's own call (all cores) in series", "receipts/s")
    pool_ratio = {
        w: section.figure(f"service reader WORKERS={w} throughput / engine's own call in series", "x")
        for w in (1, 2)
    }
    memory = section.figure("peak memory of one OCR worker", "MB")
    data = photos(RECEIPTS)
    opened = [next(images.pages(photo, "photo.jpg", 1)) for photo in data]

    from rapidocr_onnxruntime import RapidOCR

    own = RapidOCR()
    before = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    own(data[0])
    before(opened[0][0])
    rapidocr_engine.recognise(opened[0][0])
    pools = {w: ProcessPoolExecutor(w) for w in (1, 2)}
    try:
        for w, pool in pools.items():
            for future in [pool.submit(_warm) for _ in range(w)]:
                future.result()
        for i in range(profile.runs):
            decoded = [_cpu(lambda p: next(images.pages(p, "photo.jpg", 1)), p)[0] for p in data]
            old = [_cpu(before, image)[0] for image, _ in opened]
            new = [_cpu(rapidocr_engine.recognise, image) for image, _ in opened]
            decode.add(statistics.median(decoded))
            previous.add(statistics.median(old))
            cpu_page.add(statistics.median(c for c, _ in new))
            per_page.add(statistics.median(w for _, w in new))
            ratio.add(statistics.median(c for c, _ in new) / statistics.median(old))
            over_decode.add(statistics.median(c for c, _ in new) / statistics.median(decoded))
            with stopwatch() as base:
                for photo in data:
                    own(photo)
            engine.add(base.seconds / len(data))
            engine_rate.add(len(data) / base.seconds)
            times = {}
            for w, pool in pools.items():
                with stopwatch() as watch:
                    if min(pool.map(_read, data)) == 0:
                        raise AssertionError("a receipt read as empty")
                times[w] = watch.seconds
                rate[w].add(len(data) / watch.seconds)
            reader_page.add(times[1] / len(data))
            for w, seconds in times.items():
                pool_ratio[w].add(base.seconds / seconds)
            log(
                f"8. run {i + 1}: OCR {statistics.median(w for _, w in new):.2f} s/page "
                f"(library defaults {statistics.median(old):.2f} CPU s), w1 {times[1]:.1f} s, w2 {times[2]:.1f} s"
            )
        memory.add(max(f.result() for f in [pools[1].submit(_peak_mb)]))
    finally:
        for pool in pools.values():
            pool.shutdown()
    section.method = [
        f"{len(data)} receipt photos (a Pillow-drawn receipt of about 25 lines, enlarged, turned "
        f"1.5 degrees, on a {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} grey background, JPEG), the same files "
        "each run. **OCR s/page** is `rapidocr_engine.recognise` on the image the service hands to "
        "OCR (decoded, upright, longer side at most 2000 px), one ONNX thread, as a pool worker runs "
        "it (coarse text-region pass, detection of that region at the page's scale lowered to the "
        "print size the pass measured, no angle classifier, one line per recognition run); its "
        "median over the photos, and each row the "
        "median of the runs. **Baselines in the same run**: the service's plain decode of the same "
        "JPEGs, and RapidOCR's library defaults on one thread (detection of the whole page at the "
        "short side raised to 736 px, angle classifier on, recognition batches of 6) on the same images. "
        "Also `RapidOcrDocumentReader().read` in a `ProcessPoolExecutor` of 1 and of 2 workers "
        "against the engine's own `RapidOCR()(jpeg_bytes)` (all cores) in series.",
    ]
    section.notes = [
        "CPU seconds are the steadier figure on a shared machine; wall seconds include waiting for "
        "a core when other work runs. The reader runs OCR on one thread per worker so that two "
        "workers share two cores without oversubscribing.",
    ]
    return section

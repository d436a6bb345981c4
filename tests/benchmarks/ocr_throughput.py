"""8. OCR throughput: receipt photos per second through the service's image reader, 1 and 2 workers.

Baseline: the engine's own single-image call, `RapidOCR()(image)` with its default settings (all
cores), on the same photos one after another in this process. Measured: the service's
RapidOcrDocumentReader (decode, EXIF, downscale, OCR on one thread, words, lines, page JPEG) in
a process pool of 1 and of 2 workers, models loaded before timing. Also the worker's peak memory.
"""

from __future__ import annotations

import resource
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
from tests.benchmarks.harness import Goal, Profile, Section, log, stopwatch
from tests.image_factory import encode, receipt

RECEIPTS = 8
ITEMS = ("Nasi Lemak", "Teh Tarik", "Roti Canai", "Mee Goreng", "Kopi O", "Char Kway Teow")


def photos(n: int) -> list[bytes]:
    """Receipt 'photos': a thermal receipt of ~30 lines drawn at phone-photo scale, as JPEG."""
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
        out.append(encode(receipt(lines, width=900, size=30), "JPEG", quality=88))
    return out


def _read(data: bytes) -> int:
    return len(RapidOcrDocumentReader().read(data, "photo.jpg").text)


def _warm() -> int:
    return _read(photos(1)[0])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(profile: Profile, work: Path) -> Section:
    section = Section(8, "OCR throughput")
    per_page = section.figure(
        "service reader, 1 worker, seconds per receipt photo", "s", Goal("<", 2.0, "< 2 s"), headline=True
    )
    engine = section.figure("engine's own call (all cores), seconds per photo", "s")
    rate = {w: section.figure(f"service reader, WORKERS={w}", "receipts/s") for w in (1, 2)}
    ratio = section.figure(
        "service reader WORKERS=2 throughput / engine's own call in series", "x", headline=True
    )
    memory = section.figure("peak memory of one OCR worker", "MB")
    data = photos(RECEIPTS)

    from rapidocr_onnxruntime import RapidOCR

    own = RapidOCR()
    own(data[0])
    pools = {w: ProcessPoolExecutor(w) for w in (1, 2)}
    try:
        for w, pool in pools.items():
            for future in [pool.submit(_warm) for _ in range(w)]:
                future.result()
        for i in range(profile.runs):
            with stopwatch() as base:
                for photo in data:
                    own(photo)
            engine.add(base.seconds / len(data))
            times = {}
            for w, pool in pools.items():
                with stopwatch() as watch:
                    if min(pool.map(_read, data)) == 0:
                        raise AssertionError("a receipt read as empty")
                times[w] = watch.seconds
                rate[w].add(len(data) / watch.seconds)
            per_page.add(times[1] / len(data))
            ratio.add(base.seconds / times[2])
            log(f"8. run {i + 1}: engine {base.seconds:.1f} s, w1 {times[1]:.1f} s, w2 {times[2]:.1f} s")
        memory.add(max(f.result() for f in [pools[1].submit(_peak_mb)]))
    finally:
        for pool in pools.values():
            pool.shutdown()
    section.method = [
        f"{len(data)} receipt photos drawn with Pillow (900 px wide, about 25 lines, JPEG), the same "
        f"files each run. **Baseline**: rapidocr-onnxruntime's `RapidOCR()(jpeg_bytes)`, default "
        f"settings (ONNX Runtime uses every core), in series in this process. **Measured**: "
        f"`RapidOcrDocumentReader().read` in a `ProcessPoolExecutor` of 1 and of 2 workers (one ONNX "
        f"thread each, as the service runs it), models loaded by a warm-up first.",
    ]
    section.notes = [
        "The reader runs OCR on one thread per worker so that two workers share two cores without "
        "oversubscribing; the baseline's single call may use both cores at once.",
    ]
    return section

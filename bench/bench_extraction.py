"""Benchmark of attachment extraction: PDF pages/s and peak memory, OCR pages/s, hostile files.

    python bench/bench_extraction.py [--corpus DIR]

Each measurement runs in a fresh child process (one core), so peak memory
(ru_maxrss) belongs to that measurement alone. Modes compared on the text PDFs:
  pdfplumber  bare pdfplumber page.extract_text()
  pypdfium2   bare pypdfium2 text of every page
  extraction  intake.attachments' whole extraction, in process (text, forms, tables)
  sandboxed   the same through the sandbox worker (pipe and pickling included)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpora" / "pdf" / "pdfplumber"
sys.path.insert(0, str(ROOT))


def _pdfs(corpus: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(corpus.glob("*.pdf"))]


def _run_pdfplumber(files: list[bytes]) -> int:
    import io

    import pdfplumber
    pages = 0
    for data in files:
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        except Exception:  # noqa: BLE001 - broken corpus files count as zero pages
            continue
    return pages


def _run_pypdfium2(files: list[bytes]) -> int:
    import pypdfium2 as pdfium
    pages = 0
    for data in files:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            continue
        for page in document:
            page.get_textpage().get_text_range()
            pages += 1
    return pages


def _run_extraction(files: list[bytes]) -> int:
    from intake.attachments.extract import extract_in_process
    return sum(extract_in_process("a.pdf", "application/pdf", data).pages or 0 for data in files)


def _without_scans(files: list[bytes]) -> list[bytes]:
    """The PDFs that need no OCR (the 'ordinary text PDFs'), found before the clock starts."""
    from intake.attachments.extract import extract_in_process
    return [d for d in files if "ocr" not in extract_in_process("a.pdf", "", d).warnings]


def _run_sandboxed(files: list[bytes]) -> int:
    from intake.attachments import Limits, Sandbox
    with Sandbox(Limits(), workers=1) as box:
        box.extract("warm.txt", "", b"warm up")
        return sum(box.extract("a.pdf", "application/pdf", data).pages or 0 for data in files)


def _run_ocr(count: int) -> int:
    from intake.attachments.extract import extract_in_process
    from tests.intake.attachments.builders import scanned_pdf
    lines = ["Ansøgning om udeservering", "Bager Hansen ApS, CVR 12345678", "Nørrebrogade 12, 2200 København N"]
    files = [scanned_pdf(lines * 8) for _ in range(count)]
    return sum(extract_in_process("scan.pdf", "", data).pages or 0 for data in files)


MODES = {"pdfplumber": _run_pdfplumber, "pypdfium2": _run_pypdfium2,
         "extraction": _run_extraction, "no-ocr-docs": _run_extraction, "sandboxed": _run_sandboxed}


def child(mode: str, corpus: str) -> None:
    """Run one mode here and print pages, seconds and peak memory as JSON."""
    files = _pdfs(Path(corpus)) if mode != "ocr" else []
    files = _without_scans(files) if mode == "no-ocr-docs" else files
    started = time.perf_counter()
    pages = _run_ocr(5) if mode == "ocr" else MODES[mode](files)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "pages": pages, "seconds": seconds, "peak_mb": peak}))


def hostile() -> None:
    """Worst-case time through the sandbox for each hostile file."""
    from intake.attachments import Limits, Sandbox
    from tests.intake.attachments import builders
    base = builders.docx_form([("Firmanavn", "Bager Hansen ApS")])
    files = {
        "pdf bomb (2 GB stream)": builders.pdf_bomb(2048), "cyclic pdf": builders.cyclic_pdf(),
        "docx zip bomb (300 MB)": builders.docx_bomb(base, 300), "docx XXE": builders.xxe_docx(base),
        "zip bomb (300 MB)": builders.zip_bomb(300), "zip nested 30 deep": builders.nested_zip(30, b"x"),
        "exe named .pdf": builders.executable_as_pdf(),
    }
    limits = Limits()
    print(f"\nhostile files (timeout {limits.timeout_s:.0f} s, worker address space {limits.memory_mb} MB):")
    with Sandbox(limits, workers=1) as box:
        box.extract("warm.txt", "", b"warm up")
        for name, data in files.items():
            started = time.perf_counter()
            result = box.extract(name, "", data)
            reason = result.reason or ",".join(sorted({m.reason or "" for m in result.unreadable_members()}))
            print(f"  {name:26s} {time.perf_counter() - started:6.2f} s  {result.status}: {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.corpus)
    print(f"text PDFs: {args.corpus}")
    for mode in (*MODES, "ocr"):
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", args.corpus],
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        row = json.loads(out)
        print(f"  {mode:11s} {row['pages']:4d} pages {row['seconds']:7.2f} s "
              f"{row['pages'] / row['seconds']:8.1f} pages/s  peak {row['peak_mb']:6.0f} MB")
    hostile()


if __name__ == "__main__":
    main()

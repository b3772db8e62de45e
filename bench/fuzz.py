"""Coverage-guided fuzzing (atheris, libFuzzer) of the mail parser, the header reader, details
extraction and reference finding: inputs tried, crashes, peak memory.

    python bench/fuzz.py [--target all|mail|headers|details|references] [--runs N] [--seconds S]
                         [--max-len BYTES] [--rss-mb MB]

Each target runs in its own process under ``atheris.Fuzz`` with the ``intake``
modules instrumented, starting from the regression corpus ``tests/data/fuzz``
(libFuzzer keeps the inputs it finds interesting in a temporary directory, not
there). A crash (an exception from code that promises never to raise, or a
broken property: a header value with a line break, an address that is not
valid...) is written to ``tests/data/fuzz/crash-<sha1>.eml`` and the run goes
on; ``tests/intake/mail/test_fuzz.py`` replays the corpus on every test run.
Inputs tried and peak RSS are libFuzzer's final stats; an RSS over ``--rss-mb``
is a crash too (a memory blow-up like issue 13's encoded words). Needs the
``bench`` extra: ``pip install atheris``.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if "--child" in sys.argv:  # coverage for libFuzzer: instrument this service's code as it is imported
    import atheris

    with atheris.instrument_imports(include=["intake", "models.addresses"]):
        import intake.details  # noqa: F401 - imported here to be instrumented
        import intake.mail.automated  # noqa: F401
        import intake.mail.headers  # noqa: F401
        import intake.mail.message  # noqa: F401
        import intake.mail.references  # noqa: F401
        import models.addresses  # noqa: F401

from intake.details import DETAIL_KEYS, extract_details
from intake.mail.automated import detect_automated
from intake.mail.headers import decode_header_value, header_values, parse_from
from intake.mail.message import parse_mail
from intake.mail.references import find_references
from models.addresses import is_valid_address

CORPUS = ROOT / "tests" / "data" / "fuzz"
CLEAN = re.compile(r"[\r\n\x00]")


class Broken(AssertionError):
    """A promise of the code under test was broken (not an exception it raised by itself)."""


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise Broken(what)


def fuzz_mail(data: bytes) -> None:
    mail = parse_mail(data)
    _check(not CLEAN.search(mail.subject), "line break in subject")
    _check(mail.from_addr == "" or is_valid_address(mail.from_addr), "invalid From address accepted")
    for name in ("Subject", "From", "X-Loop"):
        _check(all(not CLEAN.search(v) for v in header_values(mail.msg, name)), f"line break in {name}")
    detect_automated(mail.msg, loop_id="erhvervsservice@kk.example")


def fuzz_headers(data: bytes) -> None:
    text = data.decode("utf-8", "surrogateescape")
    value = decode_header_value(text, 200)
    _check(len(value) <= 200 and not CLEAN.search(value), "decoded header value unclean or too long")
    addr, _ = parse_from(text)
    _check(addr == "" or (is_valid_address(addr) and addr == addr.lower()), "invalid address from parse_from")


def fuzz_details(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    found = extract_details([("subject", text[:200]), ("body", text)], reference=date(2026, 12, 2))
    _check(set(found) <= set(DETAIL_KEYS), "unknown detail key")


def fuzz_references(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    for ref in find_references("KBH", [text]):
        _check(bool(re.fullmatch(r"KBH-\d{4}-\d{6}", ref)), "reference not canonical")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "mail": fuzz_mail, "headers": fuzz_headers, "details": fuzz_details, "references": fuzz_references}


def child(name: str, crash_log: Path) -> Callable[[bytes], None]:
    """The libFuzzer entry point for target ``name``: failures are saved and counted, never re-raised."""
    target = TARGETS[name]

    def one_input(data: bytes) -> None:
        try:
            target(data)
        except Exception as err:  # noqa: BLE001 - every failure is recorded, the run goes on
            path = CORPUS / f"crash-{hashlib.sha1(data).hexdigest()[:16]}.eml"
            if not path.exists():
                path.write_bytes(data)
            with crash_log.open("a") as log:
                log.write(f"{type(err).__name__}: {str(err)[:100]}\t{path.name}\n")
    return one_input


def run_child(args: argparse.Namespace) -> None:
    import atheris

    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{args.target}-"))
    atheris.Setup([sys.argv[0], f"-runs={args.runs}", f"-max_total_time={int(args.seconds)}",
                   f"-max_len={args.max_len}", f"-rss_limit_mb={args.rss_mb}", "-print_final_stats=1",
                   "-timeout=30", str(work), str(CORPUS)], child(args.target, Path(args.crash_log)))
    atheris.Fuzz()


STAT = re.compile(r"^stat::(number_of_executed_units|peak_rss_mb):\s*(\d+)", re.MULTILINE)


def run(name: str, args: argparse.Namespace) -> tuple[int, int, int, list[str]]:
    """(inputs tried, crashes, peak RSS MB, crash lines) of one target, fuzzed in a child process."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as f:
        crash_log = Path(f.name)
    cmd = [sys.executable, __file__, "--child", "--target", name, "--runs", str(args.runs),
           "--seconds", str(args.seconds), "--max-len", str(args.max_len), "--rss-mb", str(args.rss_mb),
           "--crash-log", str(crash_log)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=args.seconds * 3 + 300)
    stats = {k: int(v) for k, v in STAT.findall(done.stderr)}
    lines = crash_log.read_text().splitlines()
    crash_log.unlink()
    if done.returncode != 0:  # libFuzzer itself stopped: an out-of-memory, a timeout or a native crash
        tail = [ln for ln in done.stderr.splitlines() if "ERROR" in ln or "==" in ln][:3]
        lines.append(f"libFuzzer stopped with {done.returncode}: {' '.join(tail)[:200]}")
    return stats.get("number_of_executed_units", 0), len(lines), stats.get("peak_rss_mb", 0), lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["all", *TARGETS], default="all")
    parser.add_argument("--runs", type=int, default=20_000, help="inputs per target")
    parser.add_argument("--seconds", type=float, default=120.0, help="time limit per target")
    parser.add_argument("--max-len", type=int, default=64 * 1024)
    parser.add_argument("--rss-mb", type=int, default=1024, help="peak RSS counted as a crash")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--crash-log", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return 0
    names = list(TARGETS) if args.target == "all" else [args.target]
    total = 0
    print(f"{'target':<12}{'inputs':>10}{'crashes':>9}{'seconds':>9}{'peak RSS MB':>13}")
    for name in names:
        started = time.monotonic()
        tried, crashes, rss, lines = run(name, args)
        print(f"{name:<12}{tried:>10}{crashes:>9}{time.monotonic() - started:>9.0f}{rss:>13}")
        for line in lines[:5]:
            print(f"    {line}")
        total += crashes
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

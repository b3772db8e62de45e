"""How long proving a sender takes when intake checks DKIM/DMARC itself (no receiving-server header).

    python bench/bench_sender_auth.py [N]

A follow-up is signed with a fresh 2048-bit RSA key (dkimpy) and verified N times (default 200) through
``intake.mail.authentication.verify`` with an in-memory DNS (no network: DNS time is not measured); an
unsigned one from a domain publishing ``p=reject`` likewise. Prints milliseconds per message and the verdict.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intake.mail.authentication import verify  # noqa: E402
from tests.dnsfake import FakeDns, dkim_key, dkim_signed  # noqa: E402

MAIL = (b"From: Anna Holm <anna@email.dk>\r\nTo: erhvervsservice@kk.example\r\nSubject: Re: [KBH-2026-000001]\r\n"
        b"Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <1@email.dk>\r\n\r\nHer er tegningen.\r\n")


def main(n: int) -> None:
    pem, public = dkim_key()
    dns = FakeDns({"s1._domainkey.email.dk": f"v=DKIM1; k=rsa; p={public}", "_dmarc.email.dk": "v=DMARC1; p=reject"})
    signed = dkim_signed(MAIL, "email.dk", pem)
    started = time.perf_counter()
    verify(signed, dns)
    print(f"first check (parses the public suffix list): {(time.perf_counter() - started) * 1000:.0f} ms")
    for name, raw in (("DKIM-signed", signed), ("unsigned, p=reject", MAIL)):
        started = time.perf_counter()
        for _ in range(n):
            verdict = verify(raw, dns)
        print(f"{name}: {(time.perf_counter() - started) / n * 1000:.2f} ms/message  ({verdict.summary})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)

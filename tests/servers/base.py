"""What every test server shares: the error, free loopback ports, a throwaway TLS CA."""
from __future__ import annotations

import os
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path

import trustme


class ServerError(Exception):
    """Raised when a test server cannot be started or driven."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    """Block until something accepts connections on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise ServerError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


@dataclass
class TestPKI:
    """A throwaway CA (trustme) and a server certificate for 127.0.0.1/localhost, as files."""

    __test__ = False  # not a pytest test class
    directory: Path
    ca: trustme.CA
    cafile: Path
    certfile: Path  # server certificate chain (PEM)
    keyfile: Path

    @classmethod
    def create(cls, directory: Path) -> TestPKI:
        directory.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
        cafile, certfile, keyfile = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
        ca.cert_pem.write_to_path(str(cafile))
        cert.private_key_pem.write_to_path(str(keyfile))
        certfile.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
        os.chmod(keyfile, 0o644)  # Dovecot reads it as root, but keep it simple for others
        return cls(directory, ca, cafile, certfile, keyfile)

    def server_context(self) -> ssl.SSLContext:
        """A server-side TLS context with the test certificate."""
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(self.certfile, self.keyfile)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts the test CA."""
        return ssl.create_default_context(cafile=str(self.cafile))

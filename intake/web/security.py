"""The security headers of every response, as one small ASGI middleware.

- ``Content-Security-Policy``: our own origin only, no inline scripts or
  styles, no plugins, no framing (``frame-ancestors 'none'``), forms post only
  to us. Pages need no JavaScript; a page that does loads it from ``/static``.
- ``X-Content-Type-Options: nosniff``; ``X-Frame-Options: DENY`` for old browsers.
- ``Referrer-Policy: no-referrer``: a track link is a secret, and must not
  travel to another site in a ``Referer`` header.
- ``Strict-Transport-Security`` when the public URL is https.
- ``Cache-Control: no-store`` on everything but ``/static``: the desk's pages hold personal data, and a browser's
  Back button after signing out must not show them from its cache.
A route may set its own value of any of these; the middleware only fills in
what is missing.
"""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000"


class SecurityHeaders:
    """Adds ``HEADERS`` (and HSTS when ``https``) to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp, *, https: bool = False) -> None:
        self.app = app
        self.headers = {**HEADERS, **({"Strict-Transport-Security": HSTS} if https else {})}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
                if "cache-control" not in headers and not str(scope.get("path", "")).startswith("/static/"):
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)

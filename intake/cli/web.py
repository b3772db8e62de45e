"""``intake web`` (``run_web``): the web pages with uvicorn; ``web_in_thread`` for ``intake serve --web``.

Thin: build the context from the settings, make the application with the
desk's and the operator's routers, hand it to uvicorn. Logging stays ours
(``log_config=None``); track tokens are masked in the access log (``intake.web.app.MaskTokens``). uvicorn trusts
``X-Forwarded-For`` from 127.0.0.1 only (its default), so behind a local
reverse proxy the rate limits count the business's address.
"""
from __future__ import annotations

import logging
import os
import socket
import threading

import uvicorn

from intake.app import build_context
from intake.cli.common import console, settings
from intake.errors import RequestRefused
from intake.tracking import web_secret
from intake.web.app import MaskTokens, create_app
from intake.web.context import web_context
from intake.web.desk.router import make_router as make_desk_router
from intake.web.operator.router import make_router as make_operator_router


def _server(host: str, port: int) -> uvicorn.Server:
    for name in ("uvicorn.access", "uvicorn.error"):
        logging.getLogger(name).addFilter(MaskTokens())
    s = settings()
    context = web_context(s)
    secret = web_secret(s)
    service_context = build_context(s)  # the desk's actions and the operator's replays run the service's code
    desk = make_desk_router(service_context, secret, engine=context.engine)
    operator = make_operator_router(service_context, secret, engine=context.engine)
    app = create_app(context, extra_routers=(desk, operator))
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_config=None, server_header=False))


def _can_listen(host: str, port: int) -> None:
    """A port another process holds is one ``error:`` line and exit 1, not uvicorn's start-up failure (exit 3)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        reason = os.strerror(err.errno) if err.errno else str(err)
        raise RequestRefused(f"cannot listen on {host}:{port}: {reason} (is another 'intake web' running? choose "
                             "another --port)") from err


def run_web(host: str, port: int) -> None:
    """Serve the web pages until SIGTERM or SIGINT (uvicorn's own handlers)."""
    _can_listen(host, port)
    console.print(f"intake web on http://{host}:{port} (links in mails use {settings().public_url})")
    _server(host, port).run()


def web_in_thread(host: str, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    """The web server running in a daemon thread (stop it with ``server.should_exit = True``)."""
    _can_listen(host, port)
    server = _server(host, port)
    thread = threading.Thread(target=server.run, name="intake-web", daemon=True)
    thread.start()
    return server, thread

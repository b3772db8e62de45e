"""The web application: ``create_app(context, extra_routers=())``.

Mounts the probes (``probes.py``), the businesses' track pages
(``public.py``), the static files and every router in ``extra_routers`` (the
caseworkers' desk and the operators' pages), behind the security headers of
``security.py``. Routers share ``context.py`` (the ``WebContext`` and the
database session, as FastAPI dependencies) and ``pages.py`` (templates, words,
languages).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from intake.web import probes, public
from intake.web.context import WebContext
from intake.web.security import SecurityHeaders

HERE = Path(__file__).parent


def create_app(context: WebContext, *, extra_routers: Sequence[APIRouter] = ()) -> FastAPI:
    """The application: probes, the track pages, static files, security headers and ``extra_routers``."""
    app = FastAPI(title="intake", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.context = context
    app.state.limiter = public.limiter_of(context.settings)
    app.add_middleware(SecurityHeaders, https=context.settings.public_url.startswith("https://"))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (probes.router, public.router, *extra_routers):
        app.include_router(router)
    return app


class MaskTokens(logging.Filter):
    """Keeps track tokens out of uvicorn's logs (``/track/<token>`` becomes ``/track/…``), and its colours."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__.pop("color_message", None)
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "/track/" in args[2]:
            record.args = (*args[:2], args[2].split("/track/", 1)[0] + "/track/…", *args[3:])
        return True

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
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from intake.web import probes, public
from intake.web.context import WebContext
from intake.web.pages import SHARED_TEMPLATES
from intake.web.security import SecurityHeaders

HERE = Path(__file__).parent
# the desk's and the operator's addresses: their refusals are pages in the staff layout, not JSON
STAFF_PATHS = ("/cases", "/reports", "/operator", "/login", "/logout")
_ERROR_PAGES = Jinja2Templates(directory=SHARED_TEMPLATES)
_ERRORS = {
    400: ("Forespørgslen kan ikke bruges / The request cannot be used", ""),
    403: ("Formularen er udløbet / The form has expired",
          "Formularen er udløbet eller kom ikke fra skrivebordet. Gå tilbage, genindlæs siden og prøv igen. / The "
          "form has expired or did not come from the desk: go back, reload the page and try again."),
    404: ("Findes ikke / Not found",
          "Siden findes ikke, eller sagen eller delen er ikke i din enheds rækkevidde. / The page does not exist, or "
          "the case or part is not within your office's reach."),
    422: ("Ugyldig værdi / Invalid value",
          "En værdi i adressen eller formularen kan ikke bruges (fx en dato som 2026-12-31). / A value in the address "
          "or the form cannot be used (a date is written like 2026-12-31)."),
}


def create_app(context: WebContext, *, extra_routers: Sequence[APIRouter] = ()) -> FastAPI:
    """The application: probes, the track pages, static files, security headers and ``extra_routers``."""
    # (Starlette's own redirect of "/track/abc/" wrote the Host header into Location: another site's, if it said so)
    app = FastAPI(title="intake", docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False)
    app.middleware("http")(_without_trailing_slash)
    app.state.context = context
    app.state.limiter = public.limiter_of(context.settings)
    app.add_middleware(SecurityHeaders, https=context.settings.public_url.startswith("https://"))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (probes.router, public.router, *extra_routers):
        app.include_router(router)
    app.add_exception_handler(StarletteHTTPException, _staff_http_error)
    app.add_exception_handler(RequestValidationError, _staff_validation_error)
    return app


async def _without_trailing_slash(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """"/track/abc/" to "/track/abc", by a relative redirect: never a host from the request, never "//elsewhere"."""
    path = request.url.path
    if len(path) > 1 and path.endswith("/") and not path.startswith("/static/"):
        target = "/" + path.strip("/")
        return RedirectResponse(target + (f"?{request.url.query}" if request.url.query else ""), status_code=307)
    return await call_next(request)


async def _staff_http_error(request: Request, exc: Exception) -> Response:
    """A refusal on a staff page (not the probes', not a redirect) as a page with the way back, not JSON."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code < 400 or not request.url.path.startswith(STAFF_PATHS):
        return await http_exception_handler(request, exc)
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code == 400 else ""
    return _staff_error_page(request, exc.status_code, detail, dict(exc.headers or {}))


async def _staff_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not request.url.path.startswith(STAFF_PATHS):
        return await request_validation_exception_handler(request, exc)
    return _staff_error_page(request, 422)


def _staff_error_page(request: Request, status: int, detail: str = "",
                      headers: dict[str, str] | None = None) -> Response:
    heading, message = _ERRORS.get(status, (f"Fejl {status} / Error {status}", ""))
    return _ERROR_PAGES.TemplateResponse(request, "staff_error.html",
                                         {"status": status, "heading": heading, "message": message or detail},
                                         status_code=status, headers=headers)


class MaskTokens(logging.Filter):
    """Keeps track tokens out of uvicorn's logs (``/track/<token>`` becomes ``/track/…``), and its colours."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__.pop("color_message", None)
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "/track/" in args[2]:
            record.args = (*args[:2], args[2].split("/track/", 1)[0] + "/track/…", *args[3:])
        return True

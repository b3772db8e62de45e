"""The businesses' track pages: ``/track`` (a form) and ``/track/<token>`` (the personal link in our mails).

Whatever is wrong (an unknown reference, an address that is not the case's,
an expired or forged token), the answer is the same page with the same status
code (404), and it takes about as long: each way looks the case up once. Both
routes are rate-limited per client address and per reference
(``ratelimit.py``); over the limit is a 429 with ``Retry-After``. Pages are
never cached, and the token never reaches another site (``Referrer-Policy``).
"""
from __future__ import annotations

import hmac
import logging
import re
import unicodedata
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session, select

from intake.cases.rules import own_addresses
from intake.letters.wording import LANGUAGES
from intake.settings import Settings
from intake.tracking import make_token, read_token
from intake.web.context import WebContext, get_context, get_session
from intake.web.pages import lang_or_default, page
from intake.web.ratelimit import Limiter
from intake.web.trackview import track_view
from models import Case

log = logging.getLogger(__name__)
router = APIRouter()
NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
MAX_FIELD = 200

Ctx = Annotated[WebContext, Depends(get_context)]
Db = Annotated[Session, Depends(get_session)]


def limiter_of(settings: Settings) -> Limiter:
    return Limiter(settings.web_rate_per_client, settings.web_rate_per_reference)


@router.get("/track", response_class=HTMLResponse)
def track_form(request: Request, lang: str | None = None) -> Response:
    """The form: reference and the address the business wrote from."""
    return page(request, "track_form.html", {}, lang=lang_or_default(lang), headers=NO_STORE)


@router.post("/track", response_class=HTMLResponse)
def track_lookup(request: Request, ctx: Ctx, db: Db, reference: Annotated[str, Form()] = "",
                 email: Annotated[str, Form()] = "", lang: str | None = None) -> Response:
    """The case when the address is one of the case's own; the same "not found" page otherwise."""
    typed = {"reference": reference[:MAX_FIELD], "email": email[:MAX_FIELD]}
    chosen = f"?lang={lang}" if lang in LANGUAGES else ""   # the form's language, kept on the case's page
    reference, lang = normal_reference(reference[:MAX_FIELD]), lang_or_default(lang)
    limiter: Limiter = request.app.state.limiter
    if not _allowed(request) or not limiter.reference_open(reference):
        return too_many(request, lang)
    case = _find(db, reference)
    if case is None or not _is_own_address(case, email):
        limiter.failed(reference)
        return not_found(request, lang, typed)
    url = request.url_for("track_case", token=make_token(ctx.settings, case.reference))
    # in the language the visitor chose on the form, else the case's
    return RedirectResponse(url.path + chosen, status_code=303, headers=NO_STORE)


@router.get("/track/{token}", response_class=HTMLResponse, name="track_case")
def track_case(request: Request, token: str, ctx: Ctx, db: Db, lang: str | None = None) -> Response:
    """The page of the case the token names, in the case's language unless ``lang`` asks for the other."""
    reference = read_token(ctx.settings, token) if len(token) <= MAX_FIELD else None
    if not _allowed(request):
        return too_many(request, lang_or_default(lang))
    case = _find(db, reference or "")
    if case is None or reference is None:
        return not_found(request, lang_or_default(lang))
    lang = lang_or_default(lang, case.language)
    view = track_view(db, case, ctx.catalogue, ctx.calendar, ctx.settings, lang)
    return page(request, "track_case.html", {"case": view}, lang=lang, headers=NO_STORE)


def _find(db: Session, reference: str) -> Case | None:
    """The case with ``reference`` (one indexed lookup, also for a reference that cannot exist)."""
    return db.exec(select(Case).where(Case.reference == reference)).first()


def _is_own_address(case: Case, email: str) -> bool:
    given = email.strip().lower()[:MAX_FIELD].encode()
    return any(hmac.compare_digest(given, own.encode()) for own in own_addresses(case))


def _allowed(request: Request) -> bool:
    limiter: Limiter = request.app.state.limiter
    client = request.client.host if request.client else "unknown"
    if limiter.allow(client):
        return True
    log.warning("track: rate limit reached by a client")
    return False


def not_found(request: Request, lang: str, typed: dict[str, str] | None = None) -> Response:
    """The one answer to every wrong reference, address or token (the form keeps what was typed, to be mended)."""
    return page(request, "track_form.html", {"not_found": True, "typed": typed or {}}, lang=lang, status=404,
                headers=NO_STORE)


# "[KBH-2026-000013]" as in our subject, "KBH 2026 000013", "kbh–2026–000013": the reference as people copy it
_REFERENCE_NOISE = re.compile(r"[\s_\u2010-\u2015\u2212]+")


def normal_reference(text: str) -> str:
    """A reference as typed, in the form it is stored: without brackets, any dashes or spaces as one hyphen."""
    folded = unicodedata.normalize("NFKC", text)   # "ＫＢＨ－２０２６－０００００７" typed on a full-width keyboard
    return _REFERENCE_NOISE.sub("-", folded.strip().strip("[]()<>").strip()).upper()


def too_many(request: Request, lang: str) -> Response:
    limiter: Limiter = request.app.state.limiter
    return page(request, "track_form.html", {"too_many": True}, lang=lang, status=429,
                headers={**NO_STORE, "Retry-After": str(limiter.retry_after())})

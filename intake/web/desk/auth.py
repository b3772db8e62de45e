"""Who is signed in, and what they may reach: sessions, CSRF, rate limits and office isolation, in one place.

Sessions: a random token in an HttpOnly, SameSite=Lax cookie (Secure when the
public URL is https); the database keeps only its SHA-256 (``StaffSession``),
so a stolen database opens no browser and signing out ends the session. When
``web_trusted_user_header`` is set, a reverse proxy in front of us may name the
user instead (single sign-on); the user must exist and be enabled.

CSRF: every form that changes something carries ``csrf``, an HMAC of the
session (or the proxy's user) under the web secret; ``require_csrf`` refuses
a form without the right one. The sign-in form, before any session, carries
an HMAC of a random value in its own cookie (``login_token``), so another site
cannot sign a browser in to an account of its choosing.

Office isolation: ``case_in_reach`` and ``part_in_reach`` are the only ways a
route gets a case or a part, ``queue_offices`` the only filter of the queue and
the reports, ``arranges_meetings`` the one rule for a case's star meeting. A
case with no part in the user's offices is a 404, like a case that does not
exist.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Response
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.cases import parts as partlib
from intake.cases.desk import desk_models
from intake.cases.lifecycle import Desk, get_case
from intake.errors import CaseNotFound
from intake.pipeline import Context
from intake.web.desk.users import Staff, enabled_user, staff_of
from models import Case, CasePart, StaffSession, StaffUser, utcnow

COOKIE = "intake_staff"
LOGIN_COOKIE = "intake_login"    # the sign-in form's own value, before there is a session
SESSION_HOURS = 10
LOGIN_TRIES_PER_CLIENT = 10  # failed sign-ins per LOGIN_WINDOW seconds, from one address
LOGIN_TRIES_PER_ACCOUNT = 5   # ... at one account from one address: whoever guesses cannot lock its owner out
LOGIN_TRIES_PER_ACCOUNT_ALL = 50   # ... at one account from all addresses (guessing spread over many)
LOGIN_WINDOW = 300.0


class RateLimiter:
    """At most ``limit`` events per key in a sliding window of ``window`` seconds (in this process)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._events: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str, now: float | None = None) -> bool:
        """Count one event for ``key``; False when the limit is already reached."""
        if self.blocked(key, now):
            return False
        self.record(key, now)
        return True

    def blocked(self, key: str, now: float | None = None) -> bool:
        """Whether ``key`` has reached the limit in the window (counts nothing)."""
        now = time.monotonic() if now is None else now
        events = self._events.get(key)
        if events is None:
            return False            # (a key never counted takes no memory: sign-ins name any address)
        while events and events[0] <= now - self.window:
            events.popleft()
        if not events:
            del self._events[key]
            return False
        return len(events) >= self.limit

    def record(self, key: str, now: float | None = None) -> None:
        """Count one event for ``key``."""
        self._events[key].append(time.monotonic() if now is None else now)


@dataclass
class Web:
    """What the desk's and the operator's routes share."""

    context: Context
    engine: Engine
    secret: str
    per_client: RateLimiter = field(default_factory=lambda: RateLimiter(LOGIN_TRIES_PER_CLIENT, LOGIN_WINDOW))
    per_account: RateLimiter = field(default_factory=lambda: RateLimiter(LOGIN_TRIES_PER_ACCOUNT, LOGIN_WINDOW))
    per_account_all: RateLimiter = field(default_factory=lambda: RateLimiter(LOGIN_TRIES_PER_ACCOUNT_ALL,
                                                                             LOGIN_WINDOW))

    def sign_in_blocked(self, client: str, email: str) -> bool:
        """Whether sign-ins at ``email`` from ``client`` wait: too many failures from the client, at the account
        from the client, or at the account from everywhere."""
        return (self.per_client.blocked(client) or self.per_account.blocked(f"{email}\n{client}")
                or self.per_account_all.blocked(email))

    def sign_in_failed(self, client: str, email: str) -> None:
        self.per_client.record(client)
        self.per_account.record(f"{email}\n{client}")
        self.per_account_all.record(email)

    @property
    def desk(self) -> Desk:
        return Desk(self.context.settings, self.context.catalogue, self.context.calendar,
                    desk_models(self.context.settings))

    @property
    def secure_cookies(self) -> bool:
        return self.context.settings.public_url.lower().startswith("https:")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(web: Web, user: StaffUser, response: Response) -> None:
    """Sign ``user`` in: store the token's hash, set the cookie."""
    token = secrets.token_urlsafe(32)
    with Session(web.engine) as session:
        assert user.id is not None
        for old in session.exec(select(StaffSession).where(col(StaffSession.expires_at) < utcnow())):
            session.delete(old)  # expired sessions go when someone signs in
        session.add(StaffSession(token_hash=_digest(token), user_id=user.id,
                                 expires_at=utcnow() + timedelta(hours=SESSION_HOURS)))
        session.commit()
    response.set_cookie(COOKIE, token, max_age=SESSION_HOURS * 3600, httponly=True, samesite="lax",
                        secure=web.secure_cookies, path="/")


def end_session(web: Web, request: Request, response: Response) -> None:
    token = request.cookies.get(COOKIE)
    if token:
        with Session(web.engine) as session:
            for s in session.exec(select(StaffSession).where(StaffSession.token_hash == _digest(token))):
                session.delete(s)
            session.commit()
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=web.secure_cookies)


def _from_cookie(session: Session, token: str, triage_office: str) -> Staff | None:
    row = session.exec(select(StaffSession, StaffUser).where(StaffSession.token_hash == _digest(token),
                                                            col(StaffSession.user_id) == col(StaffUser.id))).first()
    if row is None or row[0].expires_at <= utcnow() or row[1].disabled:
        return None
    return staff_of(row[1], triage_office)


def signed_in(web: Web, request: Request) -> Staff | None:
    """The user of this request: the trusted proxy's header when configured, else the session cookie."""
    header, triage = web.context.settings.web_trusted_user_header, web.context.catalogue.triage_office
    with Session(web.engine) as session:
        if header and request.headers.get(header):
            user = enabled_user(session, request.headers[header])
            return staff_of(user, triage) if user is not None else None
        token = request.cookies.get(COOKIE)
        return _from_cookie(session, token, triage) if token else None


def csrf_token(web: Web, request: Request, staff: Staff) -> str:
    """The form token of this session (or of the proxy's user): an HMAC under the web secret."""
    basis = request.cookies.get(COOKIE) or f"proxy:{staff.email}"
    return hmac.new(web.secret.encode(), f"csrf:{basis}".encode(), hashlib.sha256).hexdigest()


def login_value(request: Request) -> str:
    """This browser's sign-in value: its sign-in cookie's, or a new random one (``set_login_cookie`` keeps it)."""
    return request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)


def set_login_cookie(web: Web, response: Response, value: str) -> None:
    response.set_cookie(LOGIN_COOKIE, value, max_age=SESSION_HOURS * 3600, httponly=True, samesite="strict",
                        secure=web.secure_cookies, path="/login")


def login_token(web: Web, value: str) -> str:
    """The sign-in form's token: an HMAC of the browser's sign-in value under the web secret."""
    return hmac.new(web.secret.encode(), f"login:{value}".encode(), hashlib.sha256).hexdigest()


def login_form_is_ours(web: Web, request: Request, form: Any) -> bool:
    """The sign-in form came from our page in this browser: its token matches the browser's sign-in cookie."""
    value, given = request.cookies.get(LOGIN_COOKIE), form.get("csrf")
    return bool(value) and isinstance(given, str) and hmac.compare_digest(given, login_token(web, str(value)))


async def require_csrf(web: Web, request: Request, staff: Staff) -> dict[str, Any]:
    """The submitted form, when its ``csrf`` is this session's; else 403."""
    form = dict(await request.form())
    given = form.get("csrf")
    if not isinstance(given, str) or not hmac.compare_digest(given, csrf_token(web, request, staff)):
        raise HTTPException(status_code=403, detail="the form has expired or did not come from the desk")
    return form


def web_of(request: Request) -> Web:
    web: Web = request.scope["intake.web"]
    return web


def current_staff(request: Request) -> Staff:
    staff = signed_in(web_of(request), request)
    if staff is None:  # to the sign-in page (a 303 is followed by browsers for GET and POST alike)
        raise HTTPException(status_code=303, headers={"Location": "/login"})
    return staff


StaffDep = Annotated[Staff, Depends(current_staff)]


def operator(staff: StaffDep) -> Staff:
    """Operators and admins; anyone else gets a 404 (the page is not theirs)."""
    if not staff.operates:
        raise HTTPException(status_code=404)
    return staff


OperatorDep = Annotated[Staff, Depends(operator)]


# -- office isolation: the one place -----------------------------------------------------------
def queue_offices(staff: Staff) -> frozenset[str] | None:
    """The offices whose parts ``staff`` sees in the queue and the reports; None: all."""
    return staff.visible_offices()


def case_in_reach(session: Session, staff: Staff, reference: str) -> Case:
    """The case, when one of its parts is in the user's offices; else 404 (as for an unknown reference)."""
    try:
        case = get_case(session, reference)
    except CaseNotFound as err:
        raise HTTPException(status_code=404) from err
    offices = queue_offices(staff)
    if offices is not None:
        mine = session.exec(select(CasePart.id).where(CasePart.case_id == case.id,
                                                      col(CasePart.office).in_(sorted(offices)))).first()
        if mine is None:
            raise HTTPException(status_code=404)
    return case


def part_in_reach(staff: Staff, parts: Sequence[CasePart], task_type: str | None, *,
                  reference: str = "") -> str | None:
    """The part an action names, when the user may act on it; None leaves the choice to the lifecycle.

    A caseworker acts on the parts of their own office: naming another office's part is a 404 (as for a part that
    does not exist); naming none picks the only part in their office, and is refused when their office has several
    (``parts.pick``, which the lifecycle also applies with the actor's offices).
    """
    offices = queue_offices(staff)
    if offices is None:
        return task_type or None
    if task_type and not any(p.task_type == task_type and p.office in offices for p in parts):
        raise HTTPException(status_code=404)
    return partlib.pick(parts, task_type, reference, offices=offices).task_type


def arranges_meetings(staff: Staff, case: Case) -> bool:
    """Whether ``staff`` may propose, move, cancel or record the star meeting of ``case`` (and sees its form).

    The meeting is every office's and the business's: the case's contact person, the triage office and admins
    arrange it; one office's caseworker cancelled it for all.
    """
    return staff.sees_all or (case.contact_email or "").lower() == staff.email.lower()


def parts_in_reach(session: Session, case: Case) -> list[CasePart]:
    return partlib.parts_of(session, case)

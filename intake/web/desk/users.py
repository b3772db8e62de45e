"""Staff users of the desk: caseworkers, operators, admins. Passwords hashed with Argon2 (argon2-cffi).

A caseworker sees the cases (parts) of their own office; the catalogue's
triage office (erhvervsservice) and admins see all; operators and admins reach the operator
pages. Users are disabled, never deleted, so the audit log keeps its names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from intake.errors import RequestRefused
from models import StaffSession, StaffUser

ROLES = ("caseworker", "operator", "admin")
MIN_PASSWORD = 10
_hasher = PasswordHasher()


@cache
def dummy_hash() -> str:
    """Verified against when the address is unknown, so that a wrong address costs the same time as a wrong
    password. Made once, on first use (the desk makes it at start): a quarter of a second every command would pay."""
    return _hasher.hash("not a password of anyone")


class UserError(RequestRefused):
    """Raised when a user command cannot be done: unknown user, role or office, a short password, a duplicate."""


@dataclass(frozen=True)
class Staff:
    """A signed-in user, detached from the session."""

    id: int
    email: str
    office: str
    role: str
    triage: bool  # of the catalogue's triage office

    @property
    def sees_all(self) -> bool:
        """Admins and the triage office see every office's cases."""
        return self.role == "admin" or self.triage

    @property
    def operates(self) -> bool:
        return self.role in ("operator", "admin")

    def visible_offices(self) -> frozenset[str] | None:
        """The offices whose parts this user may see; None: all."""
        return None if self.sees_all else frozenset({self.office})


def staff_of(user: StaffUser, triage_office: str) -> Staff:
    assert user.id is not None
    return Staff(user.id, user.email, user.office, user.role, user.office == triage_office)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def add_user(session: Session, email: str, office: str, role: str, password: str | None,
             offices: frozenset[str] | set[str]) -> StaffUser:
    """A new user (or a disabled one enabled again with the new office, role and password)."""
    email = email.strip().lower()
    if "@" not in email:
        raise UserError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; known: {', '.join(ROLES)}")
    if office not in offices:
        raise UserError(f"unknown office {office!r}; known: {', '.join(sorted(offices))}")
    user = session.exec(select(StaffUser).where(StaffUser.email == email)).first()
    if user is not None and not user.disabled:
        raise UserError(f"user {email} exists")
    user = user or StaffUser(email=email, office=office, role=role)
    user.office, user.role, user.disabled = office, role, False
    user.password_hash = hash_password(password) if password else ""
    session.add(user)
    session.flush()
    return user


def list_users(session: Session) -> list[StaffUser]:
    return list(session.exec(select(StaffUser).order_by(col(StaffUser.email))))


def assignees(session: Session, office: str, triage_office: str) -> list[str]:
    """The addresses of the enabled users who may take a part of ``office``: those who can see it (its own office,
    the triage office and admins). The desk assigns only to them; an address gets the business's answers in Cc."""
    users = session.exec(select(StaffUser).where(col(StaffUser.disabled).is_(False))
                         .order_by(col(StaffUser.office) != office, col(StaffUser.email)))
    return [u.email for u in users if u.office in (office, triage_office) or u.role == "admin"]


def disable_user(session: Session, email: str) -> StaffUser:
    """Disable a user and end their sessions."""
    user = session.exec(select(StaffUser).where(StaffUser.email == email.strip().lower())).first()
    if user is None:
        raise UserError(f"no user {email.strip().lower()!r}")
    user.disabled = True
    session.add(user)
    for s in session.exec(select(StaffSession).where(StaffSession.user_id == user.id)):
        session.delete(s)
    return user


def authenticate(session: Session, email: str, password: str) -> StaffUser | None:
    """The enabled user with this address and password, else None (the same work either way)."""
    user = session.exec(select(StaffUser).where(StaffUser.email == email.strip().lower())).first()
    stored = user.password_hash if user is not None and user.password_hash else dummy_hash()
    ok = False
    try:
        ok = _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        pass
    if user is None or user.disabled or not user.password_hash or not ok:
        return None
    return user


def enabled_user(session: Session, email: str) -> StaffUser | None:
    """The enabled user with this address (for the trusted proxy header)."""
    user = session.exec(select(StaffUser).where(StaffUser.email == email.strip().lower())).first()
    return user if user is not None and not user.disabled else None

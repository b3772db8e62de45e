"""Rendering a page: templates, the words of each language, the language of a request.

Templates are looked up in ``intake/web/templates`` and in the ``templates``
folder of each sub-package (``desk/``, ``operator/``); every public page extends
``base.html``, every page of the desk and the operator ``staff.html``.
``page()`` adds ``lang``, ``other_lang``, ``t`` (the words of the page's
language, ``words.<lang>.toml``), ``from_name`` (the sender's name in that language) and ``path``.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from intake.letters.wording import LANGUAGES
from intake.web.context import get_context
from models import as_utc
from routing.goals import LOCAL_TZ

HERE = Path(__file__).parent
SHARED_TEMPLATES = HERE / "templates"  # base.html (the public pages) and staff.html (the desk and the operator)
TEMPLATE_DIRS = (SHARED_TEMPLATES, HERE / "desk" / "templates", HERE / "operator" / "templates")


@cache
def words(lang: str) -> Mapping[str, str]:
    """The words of the web pages in ``lang`` (``words.<lang>.toml``)."""
    with (HERE / f"words.{lang_or_default(lang)}.toml").open("rb") as fh:
        return tomllib.load(fh)


def lang_or_default(lang: str | None, default: str = "da") -> str:
    """``lang`` when it is one of ours, else ``default`` (itself Danish unless one of ours)."""
    if lang in LANGUAGES:
        return str(lang)
    return default if default in LANGUAGES else "da"


def fill(text: str, **values: object) -> str:
    """A word with placeholders filled in: ``{{ t.case_title | fill(reference=ref) }}`` (every one must be given)."""
    return Template(text).substitute(values)


def local(moment: datetime | None) -> str:
    """A stored moment (UTC; naive means UTC) as Copenhagen's wall clock: ``{{ m.received_at | local }}``."""
    if moment is None:
        return "-"
    return as_utc(moment).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


@cache
def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader([str(d) for d in TEMPLATE_DIRS]),
                      autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    env.filters["fill"] = fill
    env.filters["local"] = local
    return Jinja2Templates(env=env)


def page(request: Request, name: str, values: Mapping[str, Any], *, lang: str = "da", status: int = 200,
         headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """The template ``name`` in ``lang`` with ``values``; ``t`` (words), ``lang`` and ``from_name`` are added."""
    lang = lang_or_default(lang)
    settings = get_context(request).settings
    base = {"lang": lang, "t": words(lang), "other_lang": "en" if lang == "da" else "da",
            "from_name": settings.sender_name(lang), "path": request.url.path}
    response: HTMLResponse = templates().TemplateResponse(request, name, {**base, **values}, status_code=status,
                                                          headers=dict(headers or {}))
    return response

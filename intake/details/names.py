"""Company and person names: legal-form suffixes, introductions and signatures."""

from __future__ import annotations

import re

SUFFIX = r"(?:ApS|A/S|I/S|IVS|K/S|P/S|AmbA|A\.m\.b\.a\.|F\.m\.b\.a\.|FMBA|SMBA|S\.m\.b\.a\.|Ltd\.?|Limited|GmbH|AB|Oy|Inc\.?|LLC|B\.V\.)"
_CAP_TOKEN = r"[A-ZÆØÅÉÜÖÄ0-9](?:[\wæøåéüöä&'’\-]|\.(?=\w)){0,40}\.?"   # bounded: no long scans
COMPANY = re.compile(
    rf"(?<![\w])(?P<v>{_CAP_TOKEN}(?:[ \t]+(?:&|og|and|of|i|de|la|le|du|von|van|{_CAP_TOKEN})){{0,5}}[ \t]+{SUFFIX})(?![\w/])"
)
_COMPANY_LEAD = re.compile(
    r"^(?:(?:Vi|Jeg|Hej|Kære|Dear|Hermed|Fra|From|Til|To|Firma|Virksomheden|Selskabet|Company|The|Den|Det|I|We|Hos|At|For|På"
    r"|Re|Sv|Fw|Fwd|Vs|Ansøger|Ansøgning|Regarding|Vedr|Vedrørende|Mvh|Med|Venlig|Hilsen|Best|Kind|Regards|Our|Vores)\.?:?\s+)+"
)
_NAME_TOKEN = r"[A-ZÆØÅÉÜ][a-zæøåéüöä]{1,30}(?:['’\-][A-ZÆØÅÉÜa-zæøåéüöä][a-zæøåéüöä]+|[A-Z][a-z]+)*"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:[A-ZÆØÅÉÜ]\.|{_NAME_TOKEN}|von|van|de|la|O['’][A-Z][a-z]+)){{0,3}}"
_TITLE_PREFIX = re.compile(
    r"^(?:indehaver|medindehaver|ejer|direktør|adm\. direktør|daglig leder|partner|owner|co-?owner|ceo|founder|manager"
    r"|general manager|projektleder|project manager)\s*[,:\-–|]\s*", re.IGNORECASE)
_NAME_LINE = re.compile(rf"^\s*(?P<v>{_NAME})\s*,?\s*$")
NAME_INTRO = re.compile(rf"(?i:mit navn er|jeg hedder|my name is|this is|kontaktperson er|contact person is)\s+(?P<v>{_NAME})")
_VALEDICTION = re.compile(
    r"^\s*(?:med\s+)?(?:(?:venlig(?:st)?|venlige|de\s+bedste|bedste|mange)\s+)?(?:hilsen|hilsner)\b[\s,]*(?P<rest>.*)$"
    r"|^\s*(?:mvh|vh)\b\.?[\s,]*(?P<rest2>.*)$"
    r"|^\s*(?:best|kind|warm)\s+(?:regards|wishes)\b[\s,]*(?P<rest3>.*)$|^\s*(?:regards|sincerely|yours sincerely)\b[\s,]*(?P<rest4>.*)$",
    re.IGNORECASE)
_CONTACT_WORD = re.compile(r"(?i)(?:tlf|telefon|phone|mobil|mobile|e-?mail|mail|web|www|cvr|adresse|address)\b")
_NOT_NAME_WORDS = {"tak", "thanks", "hej", "kære", "dear", "mvh", "regards", "hilsen", "ansøgning", "application", "vedr",
                   "cvr", "tlf", "telefon", "mobil", "email", "mail", "adresse", "address", "danmark", "denmark", "københavn",
                   "copenhagen", "kommune", "erhvervsservice"}


def clean_company(raw: str) -> str | None:
    value = _COMPANY_LEAD.sub("", raw.strip()).strip(" ,.;:")
    if not re.search(SUFFIX + r"\.?$", value) or not re.match(_CAP_TOKEN, value):
        return None
    return re.sub(r"\s+", " ", value) if len(value.split()) >= 2 else None


def looks_like_name(value: str) -> bool:
    words = value.split()
    if not 1 <= len(words) <= 4 or any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words):
        return False
    return not re.search(SUFFIX, value) and not re.search(r"\d|gade|vej\b|allé", value, re.IGNORECASE)


def signature_name(lines: list[str]) -> str | None:
    """The name after (or on) the last valediction line."""
    found = _signature(lines)
    return found[0] if found else None


def _signature(lines: list[str]) -> tuple[str, list[str]] | None:
    """(name, the lines after the name) of the signature below the last valediction line."""
    for i in range(len(lines) - 1, -1, -1):
        m = _VALEDICTION.match(lines[i]) if len(lines[i]) <= 80 else None
        if not m:
            continue
        rest = next((g for g in m.groups() if g), "").strip(" ,.")
        following = [ln.strip() for ln in lines[i + 1:i + 8] if ln.strip()]
        candidates = [(rest, following)] if rest else [(following[0], following[1:])] if following else []
        for cand, after in candidates:
            nm = _NAME_LINE.match(cand) if len(cand) <= 80 else None
            if nm and looks_like_name(nm.group("v")):
                return nm.group("v"), after
    return None


def signature_company(lines: list[str]) -> str | None:
    """A company line under the signature name ("Indehaver, Krogh Keramik"); needs a CVR in the text."""
    found = _signature(lines)
    for line in (found[1][:2] if found else []):
        line = _TITLE_PREFIX.sub("", line).strip(" ,.")
        if (3 <= len(line) <= 60 and re.match(r"[A-ZÆØÅ0-9]", line) and not re.search(r"[\d@:]|www\.|https?:", line)
                and not _TITLE_PREFIX.match(line + ",") and not _CONTACT_WORD.match(line)):
            return line
    return None



def find_company(text: str, has_cvr: bool) -> str | None:
    """A name with a legal-form suffix ("Café Hansen ApS"), else a company line under the signature."""
    for m in COMPANY.finditer(text):
        name = clean_company(m.group("v"))
        if name:
            return name
    return signature_company(text.split("\n")) if has_cvr else None


_NAME_WITH_PHONE = re.compile(
    rf"^[ \t]*(?P<v>{_NAME})[ \t]*[,|–\-/][ \t]*(?:(?:tlf|tel|telefon|mobil|mob|phone|mobile)\.?:?[ \t]*)?(?:\+|00)?\d",
    re.MULTILINE)


def find_contact(text: str) -> str | None:
    """A person introduced in the text ("Mit navn er ..."), signing it, or written before a phone number."""
    m = NAME_INTRO.search(text)
    if m and looks_like_name(m.group("v")):
        return m.group("v")
    name = signature_name(text.split("\n"))
    if name:
        return name
    m = next((m for m in _NAME_WITH_PHONE.finditer(text) if looks_like_name(m.group("v"))), None)
    return m.group("v") if m else None

"""Polite, specific sentences for attachments we could not read (Danish and English).

One sentence per reason code; ``{name}`` is the (already safe) file name. The
sender reads these in the acknowledgement, so each one says what went wrong
and what to do about it.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "encrypted": {
        "da": "Vi kunne ikke åbne {name}, fordi den er beskyttet med adgangskode. "
              "Send den venligst igen uden adgangskode.",
        "en": "We could not open {name} because it is password protected; "
              "please send it again without a password.",
    },
    "too_large": {
        "da": "Vi kunne ikke læse {name}, fordi filen er for stor eller fylder for meget, når den pakkes ud. "
              "Send den venligst igen som en mindre fil, fx en PDF med kun de relevante sider.",
        "en": "We could not read {name} because the file is too large, or unpacks to too much data; "
              "please send it again as a smaller file, for example a PDF with only the relevant pages.",
    },
    "timeout": {
        "da": "Vi kunne ikke nå at læse {name}, fordi filen er usædvanligt kompleks. "
              "Send den venligst igen som en almindelig PDF eller et Word-dokument.",
        "en": "We could not read {name} in time because the file is unusually complex; "
              "please send it again as an ordinary PDF or Word document.",
    },
    "unsupported": {
        "da": "Vi kunne ikke læse {name}, fordi vi ikke kan åbne denne filtype. "
              "Send den venligst som PDF eller Word-dokument.",
        "en": "We could not read {name} because we cannot open this type of file; "
              "please send it as a PDF or Word document.",
    },
    "corrupt": {
        "da": "Vi kunne ikke åbne {name}, fordi filen ser ud til at være beskadiget. "
              "Send den venligst igen.",
        "en": "We could not open {name} because the file appears to be damaged; "
              "please send it again.",
    },
    "executable": {
        "da": "Vi har ikke åbnet {name}, fordi det er et program, og af sikkerhedshensyn åbner vi ikke programmer. "
              "Send venligst dine dokumenter som PDF- eller Word-filer.",
        "en": "We did not open {name} because it is a program, and for security reasons we never open programs; "
              "please send your documents as PDF or Word files.",
    },
    "unsafe": {
        "da": "Vi har ikke åbnet {name}, fordi den indeholder noget, som vi af sikkerhedshensyn ikke åbner. "
              "Gem den venligst som en almindelig PDF eller et Word-dokument, og send den igen.",
        "en": "We did not open {name} because it contains content that we do not open for security reasons; "
              "please save it as an ordinary PDF or Word document and send it again.",
    },
    "too_many_files": {
        "da": "Vi kunne ikke læse {name}, fordi arkivet indeholder for mange filer. "
              "Send venligst de dokumenter, der hører til ansøgningen, hver for sig.",
        "en": "We could not read {name} because the archive holds too many files; "
              "please send the documents that belong to the application on their own.",
    },
    "too_deep": {
        "da": "Vi kunne ikke læse {name}, fordi den indeholder for mange lag af arkiver eller beskeder "
              "inden i hinanden. Send venligst dokumenterne hver for sig.",
        "en": "We could not read {name} because it has too many archives or messages nested inside each other; "
              "please send the documents on their own.",
    },
    "no_text": {
        "da": "Vi kunne ikke finde læsbar tekst i {name}. Hvis det er en scanning eller et foto, "
              "så send venligst en skarpere kopi eller det oprindelige dokument.",
        "en": "We could not find any readable text in {name}; if it is a scan or a photo, "
              "please send a sharper copy or the original document.",
    },
    "empty": {
        "da": "{name} kom frem uden indhold (0 bytes). Vedhæft den venligst igen.",
        "en": "{name} arrived empty (0 bytes); please attach it again.",
    },
    "ocr_unavailable": {
        "da": "Vi kunne ikke læse {name} automatisk, fordi det ser ud til at være en scanning eller et foto. "
              "En sagsbehandler læser filen, så du behøver ikke sende den igen.",
        "en": "We could not read {name} automatically because it appears to be a scan or a photo; "
              "a caseworker will read the file, so there is no need to send it again.",
    },
    "still_reading": {
        "da": "Vi er stadig ved at læse {name}. Den bliver føjet til sagen, så snart den er læst, "
              "så du behøver ikke sende den igen.",
        "en": "We are still reading {name}; it will be added to the case as soon as it has been read, "
              "so there is no need to send it again.",
    },
    "time_budget": {
        "da": "Vi nåede ikke at læse {name}, fordi mailen havde flere eller tungere vedhæftede filer, "
              "end vi kan læse på den tid, vi har til én mail. Sagsbehandleren har filen; send den kun igen, "
              "hvis du bliver bedt om det.",
        "en": "We did not get to read {name}, because the email had more or heavier attachments than we can "
              "read in the time we have for one email. The caseworker has the file; only send it again if asked.",
    },
    "too_many_parts": {
        "da": "Vi har ikke læst {name}, fordi mailen har flere dele, end vi læser i én mail. "
              "Sagsbehandleren har mailen; send gerne de vigtigste dokumenter i en ny mail.",
        "en": "We have not read {name}, because the email has more parts than we read in one email. "
              "The caseworker has the email; please send the most important documents in a new email.",
    },
    "internal_error": {
        "da": "Vi kunne ikke læse {name} lige nu på grund af en teknisk fejl hos os. "
              "En sagsbehandler ser på filen, så du behøver ikke sende den igen.",
        "en": "We could not read {name} just now because of a technical problem on our side; "
              "a caseworker will look at the file, so there is no need to send it again.",
    },
}

REASONS = frozenset(MESSAGES)


def explain_reason(reason: str, name: str, lang: str) -> str:
    """The sentence for ``reason`` about file ``name`` in ``lang`` ("da", else English)."""
    texts = MESSAGES.get(reason, MESSAGES["corrupt"])
    sentence = texts["da" if lang.lower().startswith("da") else "en"]
    return sentence.format(name=name or ("filen" if lang.startswith("da") else "the file"))


# Reasons that usually hit many files of one message at once: one sentence names them all.
GROUPED = frozenset({"time_budget", "too_many_parts"})

"""Form labels and the detail each names: "Virksomhedens navn", "CVR-nr.", "Postnr. og by", "txtCompanyName".

``label_key`` lower-cases and simplifies a label (``normalise_label``) and
matches it whole against the table below, then against key words for labels
that say more ("Telefonnummer (dagtimer)").
"""

from __future__ import annotations

import re

_LABELS: list[tuple[str, str]] = [
    ("cpr", r"cpr(?: nr| nummer| no| number)?|personnummer|person nr|civil registration number"),
    # the serving area lies in front of the restaurant: its address is the restaurant's own unless the form names
    # another (before "activity_location", whose "serveringssted" it would otherwise be)
    ("site_or_address", r"serveringssted(?:ets)? adresse"),
    ("p_number", r"p(?: nr| nummer|nr| number| no)|produktionsenhed\w*(?: nr| nummer| p nr)?"
                 r"|production unit(?: no| number)?"),
    ("cvr", r"(?:se |se cvr |cvr se |)cvr(?: nr| nummer| no| number)?(?: se)?|se(?: nr| nummer)"
            r"|moms(?: nr| nummer| registreringsnummer)"
            r"|vat(?: no| nr| number| reg no)?|company reg(?:istration)? (?:no|number)"
            r"|cvr number of (?:the )?(?:company|business)"
            r"|(?:company|organi[sz]ation|org) (?:no|nr|number|reg no)|org nr|organisationsnummer"
            r"|reg(?:istration)? (?:no|number)"),
    # the applicant is a person or a business, as the value tells: "Ansøgers navn", "Applicant"
    # (and the applicant doing the work itself: "Ansøger og udførende", "Applicant and contractor")
    ("person_or_company", r"(?:ansøgers|ansøgerens) navn|ansøger|applicant(?: s name| name)?"
                          r"|(?:ansøger|applicant) (?:og|and) (?:udførende|entreprenør|contractor)(?: firma)?"
                          r"|name of (?:the )?applicant"
                          # an oil tank's owner, who notifies its closing ("Tankejer", "Tank owner")
                          r"|tank ?ejer(?:en)?|ejer af (?:olie)?tanken|tank owner|owner of the tank"),
    ("company_name", r"arrangør|organizer|organiser|organi[sz]ing (?:body|organi[sz]ation|committee)"
                     r"|arrangerende (?:forening|organisation)|entreprenør|udførende (?:firma|entreprenør)|contractor"
                     r"|ansøgende (?:firma|forening)|(?:virksomhed(?:en|ens)?|firma(?:ets)?|selskab(?:ets)?"
                     r"|organisation(?:ens)?|forening(?:ens)?)(?: s)?(?: navn)?"
                     r"|firmanavn|virksomhedsnavn"
                     r"|navn på (?:virksomhed|firma|selskab|forretning|butik|restaurant|café|salon)(?:en|et)?"
                     r"|forretning(?:ens)?(?: navn)?|name of (?:the )?(?:shop|restaurant|café|store)"
                     r"|ansøgende virksomhed|ansøger virksomhed"
                     r"|company(?: name)?|business(?: name)?|name of (?:the )?(?:company|business|organi[sz]ation)"
                     r"|organi[sz]ation(?: name)?"
                     r"|(?:production|event|film|catering|holding) company|produktionsselskab|selskabsnavn"
                     r"|legal name|trading name|juridisk navn|restaurant(?:ens)?(?: navn)?|café(?:ens)?(?: navn)?"
                     r"|butik(?:kens)?(?: navn)?|legal (?:entity|person)|juridisk (?:enhed|person)"
                     r"|registered (?:company|business)(?: name)?|(?:shop|store|trading|firm) name"
                     r"|hvad hedder (?:firmaet|virksomheden|butikken|forretningen|restauranten|caféen|foreningen"
                     r"|jeres (?:firma|virksomhed|butik|forretning|forening))"
                     r"|what is (?:the|your) (?:company|business|shop)(?: s)? name"),
    ("contact_email", r"e ?mail(?: ?adresse| address)?|mail(?: adresse)?|email address|kontakt e ?mail"
                      r"|contact e ?mail|e ?post"),
    ("phone", r"tlf(?: nr)?|telefon(?: nr| nummer)?|telefonnummer|mobil(?: nr| nummer| telefon)?|mobilnummer|mob"
              r"|phone(?: no| number)?"
              r"|tel|telephone(?: number)?|mobile(?: phone| number)?|kontakt tlf|kontakttelefon|direkte(?: tlf| nr)?"
              r"|dir(?: tlf)?"),
    ("contact_name", r"kontakt ?person(?:ens navn)?|kontakt|ansvarlig(?: person)?"
                     r"|(?:dit |fulde |ejers |ejerens "
                     r"|anmelders )?navn"
                     r"|anmelder|ejer|owner"
                     r"|contact(?: person| name)?|(?:your |full )?name|ansvarshavende"
                     r"|navn på (?:ansøger(?:en)?|kontaktperson(?:en)?|ansvarlig(?: person)?|tovholder(?:en)?)"
                     r"|tovholder|(?:person )?(?:ansvarlig|responsible)(?: person)?(?: på dagen| on the day| on site)?"
                     r"|daglig kontakt|kontakt på dagen|contact on the day"
                     # "Contact for this application", "Kontakt vedrørende anmeldelsen", "Contact during planning and
                     # on the day" (not "Kontakt hos LysReklame": a supplier's own contact)
                     r"|(?:kontakt(?:person)?|contact(?: person)?) (?:for|vedrørende|vedr|angående|ang|regarding"
                     r"|concerning|about|during|i forbindelse med|i forhold til|om) .+"
                     r"|who (?:do|should|can) (?:we|i|you) (?:call|contact|ring)"
                     r"|hvem (?:skal|kan) (?:vi|i|man) (?:ringe til|kontakte)"
                     # an agent's "All correspondence to the agent:" above its own name
                     r"|(?:all )?(?:correspondence|korrespondance) (?:to|til)(?: me| the| our| os| mig)?(?: as)?"
                     r"(?: agent(?:en)?)?"
                     # the person in charge of the work on the spot: "Site supervisor", "Kontakt på pladsen"
                     r"|(?:site|event|project|works?) (?:supervisor|manager|lead|contact|foreman)|(?:on )?site contact"
                     r"|contact on site|kontakt(?:person)? på (?:pladsen|stedet|byggepladsen)|byggeleder|pladsformand"
                     r"|(?:ansvarlig|responsible) for (?:the )?(?:arbejdet|arrangementet|pladsen|projektet|work|works"
                     r"|event|site|project)"),
    ("agent_address", r"(?:rådgiver|rådgiverens|rådgivers|arkitekt|arkitektens|arkitekts|advokat|advokatens|advokats"
                      r"|agent|agentens|agents|consultant|consultants|adviser|advisers|advisor|advisors|architect"
                      r"|architects|lawyer|lawyers)(?: s)? (?:adresse|address)"),
    ("site_or_address", r"beliggenhed|ejendommens adresse|ejendommens beliggenhed|property address"
                        r"|address of (?:the )?property"
                        # where a business's waste arises is its own premises unless the form names another address
                        r"|(?:adresse|address) (?:hvor|where) (?:affaldet|the waste) .*|affaldsadresse"
                        r"|(?:adresse|address) (?:for|of) (?:the )?(?:affaldet|waste)(?: collection)?"
                        # outdoor serving is in front of the restaurant's own premises
                        r"|(?:adresse|address) (?:for|of) (?:the )?"
                        r"(?:udeservering(?:en)?|outdoor (?:seating|serving|dining))"
                        r"|udeserveringens adresse"),
    ("activity_location", r"(?:ønsket |foreslået |desired |preferred |requested |proposed )?"
                          r"(?:placering|sted|lokation|location)|hvor|where|place|site(?: address)?|venue"
                          r"|(?:adresse|arbejdsadresse) (?:på|for) (?:arbejdsstedet|arbejdet|byggepladsen|stedet)"
                          r"|(?:adresse|address) (?:for|of) (?:the )?"
                          r"(?!the |restaurant|company|business|shop|caf|applicant|organi|firma|virksomhed)"
                          r"\w+(?: \w+)?|(?:arrangementets|stilladsets|udeserveringens|containerens"
                          r"|byggepladsens|arbejdsstedets|ejendommens|tankens|aktivitetens) placering"
                          r"|(?:arrangementets|stilladsets"
                          r"|udeserveringens|containerens|byggepladsens|arbejdsstedets|tankens|aktivitetens) adresse"
                          r"|arbejdssted|byggeplads|matrikel(?: nr)?|opstillingssted|adresse hvor .*|address where .*"
                          r"|(?:vej)?strækning(?:en)?|stretch(?: of road)?|road section|section of (?:the )?road"
                          r"|(?:event|arrangement(?:ets)?|festival|concert|koncert(?:ens)?|market|stall)"
                          r" ?(?:venue|sted)"
                          r"|serveringssted(?:ets)?(?: adresse)?"
                          r"|(?:udeserveringens|salgsstedets|standens) (?:adresse|placering)"
                          r"|location of (?:the )?\w+(?: \w+)?|placering af (?:\w+ )?\w+|sted for \w+"
                          r"|(?!\w*værksted)\w+sted(?:et)?"
                          r"|(?!virksomhed|firma|selskab|forening|butik|restaurant|salon|kontor|ejer|entreprenør"
                          r"|ansøger|anmelder|arrangør"
                          r"|bygherre|rekvirent|organisation|kunde|person)\w+(?:ets|ens)"
                          r" (?:adresse|placering|beliggenhed)"
                          r"|(?:event|site|work|arbejds) ?location"
                          r"|(?:ønsket )?(?:stadeplads|standplads|salgsplads|stand)"
                          r"|(?:preferred |desired |requested )?(?:pitch|stall location|spot)"
                          r"|(?:bygge|arbejds|grave|event|venue|site|works?|arrangements?) ?(?:adresse|address)"),
    # a contractor's customer or client: where the work is done when no site is given ("Kunde: Familien Hald, Vej 3")
    ("client_site", r"kunde(?:ns adresse)?|kundeadresse|(?:customer|client)(?: s)?(?: address)?|bygherre"),
    ("address", r"adresse|virksomhedens adresse|firmaadresse|firmaets adresse"
                r"|(?:restaurantens|butikkens|caféens|cafeens|salonens"
                r"|forretningens|selskabets|foreningens|klinikkens|bageriets) adresse"
                r"|address|company address|business address|postadresse"
                r"|gade(?: og (?:hus)?nr| og husnummer)?|vejnavn(?: og (?:hus)?nr| og husnummer)?|vej og nr"
                r"|street(?: address| and (?:house )?(?:number|no))?"
                r"|registered address|adr|(?:\w+ s )?(?:home|private|billing|invoice) address|privatadresse"
                r"|(?:ansøgers |anmelders )?bopæl|faktura ?adresse"
                r"|anmelders adresse|(?:vores|vor|our|my|min) (?:adresse|address)"
                r"|(?:organi[sz]er|applicant|ansøger|arrangør|anmelder|entreprenør|contractor)(?:en)?(?: ?s)?"
                r" (?:address|adresse)"
                r"|(?:address|adresse) (?:of|for) (?:the )?"
                r"(?:restaurant|company|business|shop|café|cafe|applicant|organi[sz]er)"
                # "Address of the plant and of the company": the business's own address, where it also works
                r"|(?:address|adresse) (?:of|for) (?:the )?\w+ and (?:of )?(?:the )?(?:company|business)"
                r"|ansøgers adresse|ejers adresse"
                r"|(?:our |the )?(?:danish|copenhagen|postal|registered) address|dansk adresse"
                r"|(?:business |company |shop |trading )?premises(?: address)?|forretningsadresse|trading address"
                r"|hvor (?:holder|ligger|bor) (?:firmaet|virksomheden|butikken|forretningen|foreningen|i|du|jeres \w+)"
                r"(?: til)?|where (?:is|are) (?:the company|the business|your company|your business|you)"
                r" (?:based|located)"),
    ("house_number", r"hus ?nr|husnummer|house (?:no|number)|street number|nr"),
    ("floor", r"etage|floor|sal"),
    ("door", r"side|dør|side dør|door|lejlighed(?: nr)?"),
    ("postcode", r"post ?nr(?: og by| by)?|postnummer(?: og by)?|post ?code(?: and city| city)?"
                 r"|postal code(?: and city)?|zip(?: code)?"),
    ("city", r"by|city|town"),
    ("period_from", r"(?:periode |dato |date )?fra(?: dato| og med)?|start(?: ?dato)?|startdato|date from"
                    r"|from(?: date)?|start date"
                    r"|første dag|first day|opstart|begins?"),
    ("period_to", r"(?:periode |dato |date )?til(?: dato| og med)?|slut(?: ?dato)?|slutdato|date to|to(?: date)?"
                  r"|end date|until"
                  r"|sidste dag|last day|ophør"
                  r"|(?:expected |forventet |planned |planlagt )?(?:completion|færdiggørelse)(?: date| dato)?"),
    ("period", r"periode|period|tidsrum|dates? (?:required|needed|requested)|(?:required|requested) dates?"
               r"|date of (?:the )?event|arrangementsdato|dato for \w+|datoer|dates|tidspunkt"
               r"|varighed|duration|hvornår|when"
               r"|(?:event|arrangement) ?dat(?:es?|o|oer)"),
    ("date", r"dato|date|dag|day"),                # "Day: 7 July 2027, from 7.00 to 16.00, only this one day"
    ("area_m2", r"areal(?: i m2| m2)?|antal m2|m2|kvm|area(?: in m2| m2| sqm)?|størrelse i m2|size in m2"),
    ("litres", r"tank ?størrelse(?: i liter)?|tankens størrelse|volumen(?: i liter)?|liter|antal liter|tank size"
               r"|tank capacity|capacity"
               r"|rumfang|kapacitet"),
    ("guests", r"(?:forventet |max(?:imalt)? |maximum |expected )?antal (?:gæster|deltagere|personer|besøgende)"
               r"|(?:expected )?(?:(?:number|no|nr) of )?(?:guests|participants|attendees|visitors)|deltagerantal"
               r"|expected attendance|antal siddepladser|seats"
               r"|(?:expected |forventet |estimated )?(?:audience|publikum|attendance)(?: size)?"
               r"|(?:expected |forventet )?(?:(?:number|no|nr) of |antal )?(?:spectators|tilskuere|runners|løbere)"
               r"|hvor mange (?:forventer|venter) (?:i|du|vi)|how many (?:do you expect|are expected)"
               r"|hvor mange (?:kommer|deltager|bliver) (?:der|i)|how many (?:people |guests )?(?:will come|are coming)"
               r"|(?:forventet|expected|estimated) (?:antal|number)"     # "Forventet antal: ca. 4.000"
               # "Expected number of people during the day", "Max. number of people at the same time", "Forventet
               # besøg"
               r"|(?:expected |estimated |max |maximum |total )?(?:number|no|nr) of (?:people|persons)"
               r"(?: (?:during|over|per|on|at|in) (?:the |a )?"
               r"(?:day|event|same time|time|once|peak|whole day|weekend))?"
               r"|(?:forventet|expected|estimated) (?:besøg|visits)"),
]
_LABEL_RES = [(key, re.compile(rf"(?:{pattern})")) for key, pattern in _LABELS]


_KEYWORDS: list[tuple[str, re.Pattern[str]]] = [(key, re.compile(rf"\b(?:{pattern})\b")) for key, pattern in [
    ("cpr", r"cpr|personnummer"),
    ("p_number", r"p nr|p nummer|pnr|p number|produktionsenhed\w*"),
    ("cvr", r"cvr|se nr|vat"),
    ("contact_email", r"e ?mail\w*|email address"),
    ("phone", r"telefon\w*|tlf|mobil(?:e|t?lf|telefon|nummer|nr|nr\w+)?|phone|telephone"),   # not "Mobility"
    ("postcode", r"post ?nr|postnummer|post ?code|postal code|zip"),
    ("contact_name", r"kontaktperson\w*|contact person|contact name"),
    ("company_name", r"firmanavn|virksomhedens navn|virksomhedsnavn|company name|business name"
                     r"|name of (?:the )?company"),
    ("period_from", r"start ?dato|fra dato|date from|start date"),
    ("period_to", r"slut ?dato|til dato|date to|end date"),
    ("guests", r"antal (?:gæster|deltagere|personer|besøgende)|number of (?:guests|participants|attendees)"
               r"|(?:hvor mange|how many) (?:gæster|deltagere|personer|guests|people|participants)"),
    ("area_m2", r"areal|m2|kvm|størrelse m2"),
    ("litres", r"liter|rumfang"),
    ("period_from", r"start|begynd\w*|påbegynd\w*|opstart"),
    ("period_to", r"slut|afslut\w*|ophør|end|færdig"),
    ("activity_location", r"^(?:hvor|where)\b(?! mange| many| much| long| længe)|^(?:placering|location|venue|site)"
                          r"(?! manager| lead| leder| chef| ansvarlig| supervisor| contact| foreman)"),
]]
CHECKBOX = re.compile(r"^\s*(?:\[[ xX✓✔]?\]|[☐☑☒□■]|\([ xX]?\))\s*")   # a form's box, ticked or not
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[A-H][.)])\s+(?=[^\W\d])")
_FIELD_NAME_PREFIX = re.compile(r"^(?:txt|fld|tb|field|text|felt|input|cb|chk)\s+")


def normalise_label(label: str) -> str:
    """Lower case words: "Virksomhedens navn (som i CVR):" and "txtCompanyName_1" become "virksomhedens navn",
    "company name"."""
    label = CHECKBOX.sub("", label)                                    # "[x] Periode", "☐ Skitse"
    label = _SECTION_NUMBER.sub("", label)                              # "1. Ansøger", "2) Placering", "B. Periode"
    label = re.sub(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])", " ", label)          # camelCase form field names
    label = label.lower().replace("²", "2")
    label = re.sub(r"\((m2|kvm|liter|l)\)", r" \1", label)                # the unit names the field: "Størrelse (m2)"
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.sub(r"[^a-z0-9æøåéü²]+", " ", label)
    label = re.sub(r"\s+\d+$", "", re.sub(r"\s+", " ", label).strip())
    return _FIELD_NAME_PREFIX.sub("", label)


_HINT = re.compile(r"\(([^()]{2,30})\)")


def full_label_key(label: str) -> str | None:
    """The key a label names whole, without key words."""
    norm = normalise_label(label)
    return next((key for key, pattern in _LABEL_RES if pattern.fullmatch(norm)), None) if norm else None


_OPERATION = re.compile(r"\b(?:production|produktion\w*|operations?|drift\w*)\b")
_WISH = re.compile(r"^(?:ønsket|ønskede|foreslået|foreslåede|desired|preferred|requested|proposed) ")


def label_key(label: str) -> str | None:
    """The detail key a form label names, or None."""
    whole = full_label_key(label.replace("(", " ").replace(")", " ")) if "(" in label else None
    if whole:                   # "Adresse (hvor arbejdet udføres)": the words in brackets say whose address
        return whole
    norm = normalise_label(label)
    if not norm or len(norm) > 60:
        return None
    for key, pattern in _LABEL_RES:
        if pattern.fullmatch(norm) or pattern.fullmatch(_WISH.sub("", norm)):
            return key
    hint = next((k for k in (full_label_key(h) for h in _HINT.findall(label)) if k), None)
    if hint:                    # "Hvem søger? (firma)": the word in brackets names the field
        return hint
    if "/" in label:            # "Virksomhed/forening", "Postnr./by", "Tlf./mobil": the first that names one
        keys = [k for k in (label_key(part) for part in label.split("/") if part.strip()) if k]
        if {"contact_name", "company_name"} <= set(keys):
            return "person_or_company"      # "Ansøgers navn / firma": the value tells which
        if keys:
            return keys[0]
    if len(norm.split()) <= 6:
        keyword = next((key for key, pattern in _KEYWORDS if pattern.search(norm)), None)
        if keyword == "period_from" and _OPERATION.search(norm):
            return None                 # "Start of production", "Opstart af produktion": when the plant begins to run
        if keyword or not _WISH.match(norm):
            return keyword
        return "activity_location"      # "Ønsket serveringsareal: Sankt Hans Torv": what is wished for is a place
    return None

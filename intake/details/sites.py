"""Whose address is it: the business's own (``address``) or where the activity takes place (``activity_location``).

Each street address in a text gets a role from the words just before it in its
sentence: "jeg bor på", "I live at" (the applicant's home), "vores adresse er",
"vi har lejet et lokale på", "our office is at" (the business's premises), or
"foran", "ud for", "på fortovet ved", "at the corner of", "arbejdet foregår på"
(the site). The nearest cue wins ("ud for vores café på X": the café is ours).
An address with no cue is the business's when it stands alone or in the
signature, unless an agent writes for a client ("på vegne af", "on behalf of
our client") and the text names the client's premises: the signature is then
the agent's office. A named place without a house number ("på Israels Plads")
is a site.

``activity_location`` is a site apart from the business's own address (issue
10): a customer's building where the scaffolding goes, a street being dug, a
park where an event is held. The business's premises (a shop, a restaurant, a
leased room, where it "ligger" or "har lejet") are its ``address`` even when
the activity is there ("udeservering foran caféen", "a sign on our shop"), and
then no site is reported: a site on the same house as the address
(``same_place``) is dropped. Both are kept when they differ ("jeg bor på X,
men butikken ligger på Y"; "vores adresse er X ... container ud for Y").
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Collection, Iterator
from itertools import chain, islice

from intake.details.addresses import (
    BESIDE_NUMBER,
    ENDS_AS_STREET,
    MAX_MENTIONS,
    MONTH_WORD,
    NOT_STREET_WORDS,
    STREET,
    STREET_PREFIX,
    Mention,
    clean_street,
    find_lower_case_mentions,
    find_mentions,
    format_address,
    format_unit,
)
from intake.details.givens import names_a_district, place_of_an_earlier_time
from intake.details.names import RELATIVES, SUFFIX
from intake.details.postcodes import postcode_town, towns
from intake.details.values import names_a_spot_only

_WINDOW = 110
_PREMISES = (r"\w*(?:café|cafe|butik|forretning|restaurant|salon|klinik|værksted|kontor|bageri|shop|store|office|bakery"
             r"|lejemål|premises|workshop|studio|bar|kiosk|bistro|lokale|ejendom|lejlighed|hus|house|flat|apartment|grund|bolig|hotel"
             r"|filial|branch|club|klub|gym"
             r"|property|plot|garden|have)\w*")
# a shop's, café's or office's own noun, which a customer's place is not
_PREMISES_WORD = (r"(?:vores|our|min|my|butik|forretning|café|cafe|restaurant|salon|bageri|klinik|kontor|shop|store"
                  r"|office|bakery|premises)")
# a customer's or client's ("vores kundes ejendom", "our customer's house"): whose place is a contractor's site
_CUSTOMERS = r"(?:kunde(?:n|r|rne)?s|klient(?:en)?s|customer['’]?s|client['’]?s)"
# the business's own premises on a corner ("Restaurant X ligger på hjørnet af A og B", "our café sits on the corner
# of A and B (address A 47)", "Vi har en lille vinbar på hjørnet af A og B", "we run a café on the corner of A and B"):
# where the business lies, no site of its own
_PREMISES_ON_CORNER = (rf"(?:(?:\b(?:vi|we|jeg)\b|{_PREMISES_WORD}\w*)[^.\n]{{0,60}}?\b(?:ligger|sits|lies|is located"
                       # ("Nu er vi flyttet ned på hjørnet af A og B", "we have moved to the corner of A and B")
                       r"|are located|located|situated|beliggende|holder til|flyttet(?:[ \t](?:ned|hen|over|ind))?"
                       r"|moved(?:[ \t]to)?)"
                       # ("Vi har caféen på hjørnet af ...": the premises named with their article)
                       r"|\b(?:vi|we|jeg|I)[ \t]+(?:har|have|driver|run|own|ejer)[ \t]+(?:(?:en|et|a|an|vores|our|min"
                       r"|mit|my)(?:[ \t]+[^\W\d]+){1,3}?|[^\W\d]{2,30}(?:en|et)))"
                       r"[ \t]+(?:på|on|at)[ \t]+(?:the[ \t]+)?(?:hjørnet|corner)")
# the floors a business has in a house
_FLOORS = (r"(?:the )?(?:stueetagen|kælderen|kælderetagen|underetagen|\d\. sal|første sal|ground floor|basement"
           r"|first floor)")
_HOME = re.compile(
    r"\b(?:(?:jeg|vi) bor(?: \w+){0,4} (?:på|i)|bor (?:\w+ ){0,2}(?:på|i)|(?:i|we) (?:\w+ )?live (?:at|in|on)"
    r"|(?:min|my) (?:privat)?adresse(?: er)?|(?:my|our) home (?:address )?is(?: at)?"
    # "My personal mailing address is X", "min private postadresse er X"
    r"|(?:min|my) (?:personal|private|personlige) (?:mailing |postal |post)?(?:address|adresse) (?:is|er)"
    # "I run classes from home at", "Lukas works from home: X" (the label's colon)
    r"|from (?:my |our |his |her |their )?home(?: (?:at|in|on))?|hjemmefra(?: (?:på|i))?"
    # "fra mit køkken hjemme på Toftegårds Allé 22", "from my kitchen at home on X"
    r"|hjemme (?:på|i)|at home (?:at|in|on))\W*$", re.IGNORECASE)
_BUSINESS = re.compile("(?:" + "|".join([
    r"\b(?:vores|firmaets|virksomhedens|selskabets|foreningens|butikkens|restaurantens|caféens|salonens|our"
    r"|the company'?s?|company|business|registered|office|postal|post|association|organisation|organization)\s?"
    r"(?:adresse|address|adress)(?:\s(?:er|is))?(?:\s(?:på|at))?",                   # "Our adress is"
    # ("Caféen har adresse Frederiksborggade 21, st. th": without its preposition too)
    r"\b(?:har|have|has)(?: vores| sin| min| its| our)? (?:adresse|address)(?: (?:på|i|hos|at)(?: \w+)?)?",
    r"\b(?:vi|jeg|firmaet|selskabet) har selv (?:adresse|kontor|lokaler) (?:på|i)",   # "Vi har selv adresse på X"
    # the business moved into its premises: "has moved into the 3rd floor of X", "er flyttet ind på 2. sal i X"
    r"\b(?:moved|flyttet|flyttede) (?:ind |in )?(?:into|to|i|på|til)(?: the)?(?: \w+){0,2} (?:floor|sal|etage)"
    r" (?:of|in|at|på|i)",
    # "Frisør Lykke, som har salon på Frederikssundsvej 88", "who run a shop at X"
    rf"\b(?:har|driver|have|has|runs?)\s(?:\w+\s)?{_PREMISES} (?:på|i|at|in|on)",
    r"\badresse(?:n)? er", r"\baddress is",
    r"\bholder (?:de |vi |han |hun |den |they )?(?:til|hus) (?:i|på)", r"\bligger (?:på|i)", r"\bbeliggende(?: på| i)?",
    r"\b(?:located|based|situated) (?:at|in|on)",
    r"\b(?:we|i) sit (?:at|in|on)", r"\b(?:vi|jeg) sidder (?:på|i)",    # "We sit at Ørestads Boulevard 73"
    # "The company owns and has its office in the building at X", "Firmaet har sit kontor i ejendommen på X"
    r"\b(?:har|have|has)(?: vores| sit| sin| its| our| their)? (?:kontor|office|offices|lokaler|premises)"
    r"(?: (?:i|in) (?:bygningen|ejendommen|huset|the building|the property|the house))? (?:på|i|at|in|on)",
    # "Foreningen ejer ejendommen Holmbladsgade 70": the house the applicant owns is its own (not a customer's)
    r"\b(?:vi|jeg|foreningen|selskabet|firmaet|we|i|the association|the company) (?:ejer|owns?) (?:selv )?"
    r"(?:ejendommen|bygningen|the (?:property|building))",
    r"\blej(?:et|er) (?:et|en|vores) \w+(?: \w+)? (?:på|i)", r"\brented (?:a|an|the) \w+(?: \w+)? (?:at|in|on)",
    # "We bought the workshop building at Ålholmvej 25": a house of its own
    r"\b(?:we|i)(?: have)? (?:bought|purchased|acquired) (?:a|an|the) (?:\w+ ){0,2}(?:building|property|house|premises)"
    r" (?:at|in|on)", r"\b(?:vi|jeg) har købt (?:\w+ ){0,2}(?:bygning\w*|ejendom\w*|hus\w*|grund\w*) (?:på|i)",
    # (not "foran vores kundes ejendom på X", "our client's house at X": a customer's place is the site)
    rf"\b(?:vores|min|mit|mine|vort|our|my|en|et|a|an|the|lille|small|nyt|nye|new|selskabets|firmaets"
    # ("We are a small car repair workshop at X": two words may tell the premises' trade; not "a former shoe shop
    # at X", premises that are not yet theirs)
    # (nor "et nyt fjernvarmestik til ejendommen i X": the property the work is for)
    rf"|virksomhedens|its|the company'?s)\s(?!{_CUSTOMERS}\s)"
    rf"(?:(?!former\s|tidligere\s|previous\s|forrige\s|til\s)\w+\s){{0,2}}?{_PREMISES}"
    rf"(?: (?:and|og|&) (?:\w+ )?{_PREMISES})?"                  # "a bicycle shop and repair workshop at X"
    r"(?: (?:is|are|er|ligger))?(?: located)? (?:på|i|at|in|on)",
    rf"\b(?:vores|min|mit|mine|our|my)(?: egen| eget| own)? {_PREMISES},",       # "vores egen ejendom, X"
    # the owner's premises and their name, told by another: "ved sin butik, Høst Ure, på Sølvgade 14", "at his shop,
    # X, at"
    rf"\b(?:sin|sit|his|her) {_PREMISES}, (?:(?-i:[A-ZÆØÅ])[\w&'’.\-]{{0,30}}[ \t]?){{1,4}}, (?:på|i|at|in|on)",
    # "hos vores virksomhed på adressen X", "at our company at the address X": the address is the business's own
    rf"\b(?:vores|min|mit|our|my)(?: egen| eget| own)? (?:virksomhed|firma|company|business|{_PREMISES})"
    r" (?:på|at) (?:adressen|the address)",
    # "ved vores bygning, Carl Jacobsens Vej 16", "the facade of our building at Gunløgsgade 14"
    r"\b(?:vores|vor|our)(?: egen| eget| own)? (?:bygning|building)(?:,| (?:på|at|i|in|on))",
    rf"\b(?:vores|min|mit|mine|our|my)(?: egen| eget| own)? {_PREMISES}",   # "foran min forretning Amagerbrogade 58"
    r"\bour (?:\w+ )?(?:office|shop|premises|restaurant|store|workshop|studio|address)s? (?:is|are) (?:at|in|on)",
    # "The client's own office is at X" (a property at Y is the site): whose own office, the applicant's
    r"\bown (?:office|head office|premises|address)s? (?:is|are) (?:at|in|on)",
    rf"{_PREMISES_ON_CORNER}[ \t]+(?:af|of)\b[^.\n]*",
    r"\bc/o\b.*", r"\b(?:office|kontor|adr|adresse|address|hovedkontor)\b\.?:", r"\bhos formanden\b:?",
    # the premises labelled by their kind under the business's name: "Studio: Sønder Boulevard 53, kl.", "Værksted: X"
    r"\b(?:studio|atelier|værksted|workshop|showroom)[ \t]*:",
    # "(facaden af) bageriet i Blågårdsgade 14": the business's premises named by a definite noun
    r"\b(?:butikken|forretningen|restauranten|caféen|cafeen|salonen|klinikken|bageriet|kiosken|værkstedet"
    r"|bistroen|hotellet|baren) (?:på|i)",
    r"\btaken over the \w+ at",
    # "På vegne af vores klient, Vinbaren Kork ApS, Værnedamsvej 6": the client's premises (also with its CVR between:
    # "på vegne af vores kunde X I/S, CVR 81669430, Sydhavnsgade 9")
    # ("Undertegnede advokat repræsenterer X ApS, CVR-nr. 54737750, Frederiksberg Allé 52": a lawyer's client too)
    r"\b(?:på vegne af|on behalf of|repræsenterer|represents?|representing)"
    r"(?:[ \t](?:vores|our)[ \t](?:klient|client|kunde|customer))?,?[ \t]{1,2}"
    r"(?:(?-i:[A-ZÆØÅ])[\w&'’.\-/]{0,30}[ \t]?){1,5},?"
    r"(?:[ \t]?\(?cvr[\w.\-]{0,7}:?[ \t]?\d\d[ ]?\d\d[ ]?\d\d[ ]?\d\d\)?,?)?",
    # "Our company: Baltic Facade ApS, CVR 26179998, Gammel Køge Landevej 22": the business's own, named with its name
    r"\b(?:our|vores|my|min|mit)(?: own| eget| egen)? (?:company|firm|business|firma|virksomhed|firmaoplysninger"
    r"|company details)\W{1,3}(?:(?-i:[A-ZÆØÅ])[\w&'’.\-/]{0,30}[ \t]?){1,5},?"
    r"(?:[ \t]?\(?cvr[\w.\-]{0,7}:?[ \t]?\d\d[ ]?\d\d[ ]?\d\d[ ]?\d\d\)?,?)?",
    r"\b(?:driver|ejer|run|own|åbne[rt]?|open(?:s|ing)?) (?:(?:en|et|a|an|the|vores|our|ny|nyt|new|lille|small) )?"
    r"(?:(?-i:[A-ZÆØÅ])[\w'’&-]*[ ]?){1,4}(?:på|i|at|in|on)"                  # "driver Vinbaren Druen på"
    # the floors it has in a house ("driver Restaurant X ApS i stueetagen og kælderen i ejendommen Ryesgade 25"): its
    # premises, not a property worked on
    rf"(?: {_FLOORS}(?: (?:og|and) {_FLOORS})? (?:i|på|of|at|in)(?: (?:ejendommen|bygningen|the building"
    r"|the property))?)?",
    # ("will open a café in the ground floor premises at X", "åbner en café i stueetagen på X": the floor it takes)
    rf"\b(?:driver|ejer|run|own|åbne[rt]?|open(?:s|ing)?) (?:(?:en|et|a|an|the|vores|our|ny|nyt|new|lille|small) )?"
    rf"(?:\w+ )?{_PREMISES}(?: (?:i|in) {_FLOORS}(?: {_PREMISES})?)? (?:på|i|at|in|on)",
    # "Jeg har tømrerværksted i gården bag Ragnagade 7": its own premises in the yard, no site of work there
    r"\b(?:jeg|vi) har (?:(?:et|en|mit|min|vores|vort) )?\w*(?:værksted|butik|salon|atelier|studie|lager|kontor)\w*"
    r" (?:i|på) (?:gården|baghuset|kælderen|sidehuset) (?:bag|i|på)",
]) + r")\W*$", re.IGNORECASE)
# the registered office or head office: the business's address even beside premises it also names ("Selskabets
# registrerede adresse er ...", "Head office: ...", "Hovedkontor: ..."), which are then the application's site
# ("med hjemsted på adressen X": the seat, though "på adressen" alone would cue a site)
_REGISTERED = re.compile(r"\b(?:(?:\w+s )?registrerede? (?:adresse|hjemsted)(?:\s+er)?"
                         r"|(?:\w+s )?hjemsted(?:\s+er)?(?:\s+(?:på|i)(?:\s+adressen)?)?"
                         r"|registered (?:office|address)(?:\s+is)?|registreret (?:på|i)"
                         # "The company is currently registered at our existing gym, Valby Langgade 45", "Our own
                         # office is at Bredgade 30" beside "our property at Kronprinsensgade 7": the premises its own
                         r"|(?:is|are)(?:\s+(?:currently|now|still))?\s+registered\s+(?:at|in|on)"
                         r"(?:\s+(?:our|my)(?:\s+\w+){1,2})?"
                         r"|\b(?:(?:our|my|its) )?own (?:office|head office)s? (?:is|are) (?:at|in|on)"
                         # "Our office is at Kronprinsessegade 10" beside the shop it runs a pop-up gallery in
                         r"|\b(?:our|its) (?:office|offices) (?:is|are) (?:at|in|on)"
                         r"|\b(?:vores|vort) kontor (?:er|ligger) (?:på|i)"
                         # "Vores firmaadresse er X" beside the street it digs; "X P/S har adresse hos
                         # komplementarselskabet, Y" beside the ground it demolishes on
                         r"|(?:vores|vor|our|firmaets|selskabets) (?:firma|virksomheds|selskabs)adresse(?:\s+er)?"
                         # "vores selskab har nu adresse på X" beside the shop it has leased; "the company has its
                         # address at X"
                         r"|(?:(?:vores|vort|vor|our|the|my|min|mit) (?:selskab|firma|virksomhed|company|firm|business)"
                         r"|selskabet|firmaet|virksomheden) (?:har|has)(?: (?:nu|now|sin|its))*"
                         r" (?:adresse|address|hjemsted) (?:på|i|at|in|on)"
                         r"|\b(?:har|has) (?:sin |its |vores |our )?(?:adresse|address) (?:hos|c/o|with)(?: \w+)?"
                         # "Our first studio, which is also the company address, is at X", "vores første butik, som
                         # også er firmaadressen, ligger på X"
                         r"|\b(?:which|that|som|der) (?:is|er) (?:also |også )?(?:the |our |vores )?"
                         r"(?:company(?:'s)? address|registered address|firmaadressen|virksomhedens adresse"
                         r"|selskabets adresse),? (?:is|er|ligger) (?:at|on|in|på|i)"
                         # "ejendommen er vores egen: X" (the applicant's own building); "we have found a place at X"
                         # (the premises it takes)
                         r"|(?:ejendommen|bygningen|the property|the building) (?:er|is) (?:vores|our) (?:egen|own):?"
                         # "en container på gaden foran hotellet, Store Kongensgade 52": the premises' own address
                         r"|(?:foran|ud for|in front of|outside) (?:hotellet|butikken|restauranten|caféen|cafeen"
                         r"|salonen|bageriet|forretningen|klinikken|the hotel|(?:our|vores) (?:hotel|shop|store"
                         r"|restaurant|café|cafe|salon|bakery|butik|bageri|forretning|klinik|clinic)),"
                         r"|(?:have|har|we've) (?:found|fundet) (?:a |an |et |en )?(?:place|premises|shop|lokale"
                         r"|butikslokale|location) (?:at|on|in|på|i)"
                         # "Vi flytter til nye lokaler: X. Vores nuværende adresse er Y": Y until the move
                         r"|(?:nuværende|current|present) (?:adresse|address)(?:\s+(?:er|is))?(?:\s+(?:på|at))?"
                         # "Their current restaurant is at Torvegade 45, which they will keep" beside the new lease
                         r"|(?:nuværende|current|present|existing) (?:restaurant|café|cafe|shop|store|butik|salon"
                         r"|premises|lokaler|forretning|office|kontor) (?:is|er|ligger) (?:at|on|in|på|i)"
                         r"|hovedkontor(?:et)?(?: er| ligger)?(?: på| i)?"
                         # "Bankens hovedsæde: Holmens Kanal 9" beside its branch: the seat is the head office
                         r"|(?:\w+s )?hovedsæde(?:t)?(?: er| ligger)?(?: på| i)?"
                         # "Skolens hovedadresse er Classensgade 20" beside its playground on another street
                         r"|(?:\w+s )?hovedadresse(?:n)?(?:\s+er)?|(?:(?:our|its|the) )?main address(?:\s+is)?"
                         # "Bemærk at selskabets adresse er vores kontor på X" beside the grill bar it runs elsewhere
                         # "Det danske selskabs egen adresse er X" beside the shop it opens; "the company's own
                         # address is X"
                         # (a company's, not a person's: "Lises egen adresse (X) står nogle steder i CVR")
                         r"|(?:\w*selskab(?:et)?s|firma(?:et)?s|virksomhed(?:en)?s|forening(?:en)?s) egen"
                         r" (?:post)?adresse"
                         r"(?:\s+er)?|(?:the company'?s|its|our) own address(?:\s+is)?"
                         r"|(?:selskabets|firmaets|virksomhedens|the company'?s) (?:adresse|address)(?:\s+(?:er|is))?"
                         r"(?:\s+(?:vores|our) (?:kontor|office))?(?:\s+(?:på|at|i|in))?"
                         r"|head (?:office|quarters)(?: is)?(?: at| in)?|hq"
                         # "Adresse: Enghavevej 40 (baghuset) ... Vores kontor: Halmtorvet 29": the office named as
                         # the business's own under a label, the other address the site
                         r"|(?:vores|vort|our)(?: eget| own)? (?:kontor|office)\s?:"
                         # "Applicant: FiberLink Nordic A/S, CVR 34561230, Lautrupsgade 7": the company's own address
                         # (also with the VAT number it is: "CVR/VAT DK63709603, Store Kongensgade 40")
                         r"|\bcvr(?:[ \t]?/[ \t]?(?:vat|se|moms))?(?:-?(?:nr|no|nummer))?\.?:?[ \t]{0,2}"
                         r"(?:DK[ \t-]?)?"
                         r"\d\d[ \t]?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]*,"
                         # "... undskyld, vi er flyttet: Vesterfælledvej 58": where the business is now
                         r"|(?:vi er|vi har|we have|we've|we) (?:flyttet|moved)(?: til| to)?)"
                         # ("Selskabets adresse er c/o Sand Ejendomsadministration, Kongevejen 155": in another's care)
                         r"(?:\W{0,3}c/o [^,\n]{1,50},)?\W*$", re.IGNORECASE)
# the address of the client an adviser writes for ("Bygherrens adresse er Frederiksholms Kanal 4"): the applicant's
# own when an agent writes (``_AGENT``), else the business address it always was
# (and the property a landlord writes for its tenant: "Jeg er udlejer af ejendommen Nordre Frihavnsgade 34, hvor min
# nye lejer ... åbner", "I am the landlord of the building at X")
_LANDLORD_OF = (r"(?:jeg er|vi er|i am|i'm|we are|we're) (?:the )?"
                r"(?:udlejer af (?:ejendommen|bygningen|huset|lejemålet)"
                r"|landlord of (?:the )?(?:building|property|premises|house))")
_CLIENTS_ADDRESS = re.compile(r"\b(?:(?:bygherrens|klientens|the client'?s|the developer'?s|our client'?s)"
                              r"(?:\s(?:egen|eget|own))?\s(?:adresse|address)(?:\s(?:er|is))?(?:\s(?:på|at))?"
                              rf"|{_LANDLORD_OF}(?: (?:på|at|on|in))?)\W*$",
                              re.IGNORECASE)   # ("Bygherrens egen adresse er X")
_WORK = (r"(?:nedrive|rive|renovere|istandsætte|male|bygge|opføre|grave|udskifte|skifte|sløjfe|fjerne|isolere|reparere"
         r"|arbejde|arbejdet)")
_SITE = re.compile("(?:" + "|".join([
    r"\bforan", r"\bud ?for", r"\buden ?for", r"\bfortovet(?: (?:ved|foran|ud for|på))?", r"\bpå adressen",
    r"\b(?:foregår|finder sted|afholdes|holdes) (?:på|ved|i)",
    # a stretch of a street is no one's premises: "gadefesten holdes kl. 12-22 på strækningen Holmbladsgade 70-92",
    # "along the stretch Howitzvej 2-30"
    r"\bstrækningen", r"\bthe stretch(?: of)?",
    r"\bejendommen(?:s facade)?(?: beliggende| ligger)?(?: på)?",
    r"\bfacaden (?:på|af)(?: ejendommen)?", r"\bgavlen (?:på|af)",
    r"\bbyggepladsen(?: (?:på|ved))?",        # "mobilkran på vejen ved byggepladsen Ørestads Boulevard 57"
    r"\barealet (?:ved|på|foran)",
    r"\b(?:pladsen|græsplænen|plænen|området|the square|the lawn|the area) (?:ved|foran|bag|at|by|in front of|outside)",
    r"\b(?:on|in) the (?:verge|pavement|sidewalk|road|street|kerb|curb) (?:at|by|outside|in front of|of)",
    r"\bgården bag", r"\bved siden af",
    # a named place with its address in brackets: "i gården ved Kulturhuset Islands Brygge (Islands Brygge 18)",
    # "in the yard of Kulturhuset (...)"
    r"\b(?:gården|haven|pladsen|the (?:yard|courtyard|garden)) (?:ved|bag|foran|of|at|by|behind) "
    r"(?:(?-i:[A-ZÆØÅ])[\w'’&.\-]*[ ]?){1,4}\(", r"\b(?:opstille|placere)[sr]? (?:\w+ ){0,3}(?:på|ved)",
    rf"\b{_WORK}\w* (?:\S+ ){{0,4}}(?:på|ved|i)",
    # a facility being set up: "Vaskehallen etableres på afdelingen X" (not "vi er etableret på X")
    r"\b(?:etableres|anlægges|opsættes|installeres) (?:\S+ ){0,2}(?:på|ved|i)",
    r"\b(?:nedrive|renovere|istandsætte|ombygge|restaurere|renovat|refurbish|repair|demolish)\w*"
    r"(?! (?:workshop|shop|service|studio|business)s?\b)",
    # "Re: Demolition of garage building, Valby Langgade 201": the work named by its noun
    r"\b(?:nedrivning|renovering|ombygning|demolition|renovation|refurbishment)\b",
    # the work's noun and what it is done to, before the place: "nedrivning af en fritliggende garage og et udhus på ca.
    # 30 m² på X", "demolition of a garage and a shed at X" (the shed is no premises of the business's own)
    r"\b(?:nedrivning|renovering|ombygning|demolition|renovation|refurbishment) (?:af|of) (?:\S+ ){0,12}?(?:på|at|on)",
    r"\bbyggegrunden (?:på|ved)", r"\bdrejer sig om(?: ejendommen)?", r"\bgælder(?: ejendommen)?",
    r"\b(?:køres|flyttes|fjernes|transporteres|hentes) (?:\w+ )?fra",
    r"\bplacering\b(?: er| på|:)?", r"\b(?:site|venue|location)\b(?: is| at|:)",     # not "Site Manager,"
    # a removal's ends ("Collection address: X", "Delivery address: X", "Afhentningsadresse: X"): where the lorry
    # stands
    r"\b(?:collection|pick-?up|delivery|loading|unloading) address\b:?",
    r"\b(?:afhentnings|leverings)adresse(?:n)?\b:?",
    # ("a facade scaffold on the pavement along the front of X": the front of the house the work is at)
    r"\b(?:at|on) the corner of", r"\b(?:in|along|alongside) (?:the )?front of",
    # a contractor's work at a customer's: "sløjfe en olietank hos en kunde på X", "at a customer's house at X"
    r"\bhos (?:en|vores|min) (?:kunde|klient)(?:[ \t]\w+){0,2} (?:på|i)",
    r"\b(?:at|for) (?:a|our|my) (?:customer|client)['’]?s?(?: \w+)? (?:at|on|in)",    # ("for a client at X")
    r"\btakes? place (?:at|on|in)", r"\b(?:held|hosted) (?:at|on|in)",
    # ("sheet piles for a construction pit at Sundkrogsgade 20")
    r"\b(?:scaffolding|container|crane|lift|works?|stall|truck|pit|excavation|piles|piling|foundations?) (?:at|on|in)",
    r"\b(?:erect|place|put|set up|install|park)\w* (?:\w+ ){0,3}(?:at|on)",
    # "will replace glass panels at X", "jord fra byggegrunden X", "jordflytning fra X": the work's place
    # (not "a bicycle shop and repair workshop at X": the business's own premises named by their trade)
    r"\b(?:replac|repair|renovat|paint|dismantl)\w* (?!(?:workshop|shop|service|studio|business)s?\b)(?:\w+ ){0,3}"
    r"(?:at|on)", r"\bbyggegrunden",
    r"\bjord\w*(?: \w+){0,3} fra",
    r"\b(?:soil|earth|excavated material)(?: [\w-]+){0,4} from",      # "relocation of soil from the former lot at X"
    r"\bplaceret (?:på|ved)", r"\b(?:stillads|container|skurvogn|kran|lift|bod|vogn)\w* (?:\w+ ){0,2}(?:på|ved)",
    r"\btil at (?:\w+ ){0,4}(?:på|ved)",
    # "ombygge et hus på X", "renovate a flat at X", "refitting the shop at X": the work's place, not the business's
    # premises
    rf"\b(?:{_WORK}|ombygge|restaurere|renovat|refurbish|refit|repair|demolish|paint|rebuild|convert)\w* "
    r"(?!(?:workshop|shop|service|studio|business)s?\b)"
    rf"(?:(?:en|et|a|an|the|den|det) )?(?:\w+ )?{_PREMISES} (?:på|i|at|on|in)",
    r"\b(?:the )?(?:facade|building|property|block|roof)(?: of the (?:building|property|house))? (?:at|on)",
    r"\b(?:kontor)?(?:bygningen|ejendommen|facaden|taget) (?:på|ved|af)",
    r"\b(?:on|at|for|of) the property",              # "a roof terrace on the property Wildersgade 32"
    # a contractor's customer ("flytte en kunde ud af lejligheden på X", "for a customer in X") and a building's
    # owners ("hired by the owners of X"): their place is the site; an agent's client ("på vegne af min klient")
    # is the applicant, so "klient" and "client" alone are no cue here
    # (one customer: "vores kunder" are a shop's, and a word of the business's own premises between ends the cue)
    rf"\b(?:kunde(?:n|ns|s|rs|rnes)?|customer(?:['’]s)?)\b(?:[ \t]+(?!{_PREMISES_WORD})[\w'’.\-]+){{0,5}}?[ \t]+"
    r"(?:på|i|ved|at|on|in)",
    r"\b(?:the )?owners? of(?: the (?:building|property|house|flat))?", r"\bejerne af(?: ejendommen)?",
    # a housing association or landlord the work is for ("working for the housing association at X", "for
    # ejerforeningen på X"): its building is the site
    r"\b(?:for|hos) (?:(?:the|a|an|en|den) )?(?:[\w'’\-]+ ){0,2}?(?:housing association|association|co-?op|cooperative"
    r"|landlord|\w*forening(?:en)?|udlejer(?:en)?|boligselskab(?:et)?) (?:at|on|in|på|i)",
    # the job named as such ("Opgaven er på X", "we have a job on X"), the equipment's destination ("Container til
    # X") and a removal's ends ("Flytning fra X")
    # (the project by its name too: "the main contractor on the 'Bryggeritårnet' project at X")
    r"\b(?:opgaven|opgave|en opgave|jobbet|projektet|the job|a job|the project|a project"
    r"|(?:the|a) [\w'’\"‘“”\-]+ (?:project|job))(?: \w+)?"
    r"(?: (?:er|is|ligger|lies))? (?:på|i|ved|at|on|in)",
    r"\b(?:stillads|container|skurvogn|lift|kran|skip|scaffold|crane)\w* (?:til|for|to)",
    r"\b(?:flytning|udflytning|removal) (?:fra|til|from|to|out of|ud af)",       # not "vi er flyttet til X"
    # premises borrowed or lent for the while of the activity ("we've been lucky enough to borrow an empty shop at X
    # for a pop-up exhibition", "vi har fået lov at låne en tom butik på X"): where it is held, not the business's own
    rf"\b(?:borrow\w*|lån(?:e|er|t|te)|lent (?:us|me|to us)|loan(?:ed|s)? (?:us|me)) (?:\w+ ){{0,3}}?{_PREMISES}"
    r" (?:på|i|at|in|on)",
]) + r")\W*$", re.IGNORECASE)
# only right before the address
# ("the courtyard behind X")
_SITE_NEXT_TO = re.compile(r"(?:\bved|\bbag|\bbehind|\bnear|\bnext to|\boutside|\bclose to)\W*$"
                           # "Stillads Nansensgade 40" (not "Holm Stillads, Vibevej 3", a company's name and address)
                           r"|\b(?:stillads|stilladset|container|containeren|skurvogn|lift|liften|kran|mobilkran"
                           r"|scaffolding|skip|crane)[ \t]*$", re.IGNORECASE)
_LAST_WORD = re.compile(r"\S+\s*$")
_OURS = re.compile(r"(?i)\b(?:vores|min|mit|mine|vort|our|my|selskabets|firmaets|virksomhedens|its)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ])|\n[ \t]*\n")
# ("..., hvor selskabet også har sit hovedkontor", "where the company also has its head office": the company named)
_AFTER_BUSINESS = re.compile(r"^[^.\n]{0,40}?\b(?:hvor (?:vi|jeg|selskabet|firmaet|virksomheden)(?: også)?"
                             r" (?:har|driver)"
                             r"|where (?:we|i|the company|the firm)(?: also)? (?:have|has|run|runs)"
                             # "..., where our studio is", "..., hvor vores butik ligger"
                             r"|where (?:our|my) \w+ (?:is|are)\b|hvor (?:vores|min|mit) \w+ (?:er|ligger)\b"
                             # "..., hvor caféen har til huse", "where the shop is located": the business's premises
                             r"|hvor (?:vi|jeg|caféen|cafeen|butikken|forretningen|restauranten|salonen|klinikken"
                             r"|bageriet|kiosken|værkstedet|baren|virksomheden|firmaet|selskabet) (?:har til huse"
                             r"|holder til|ligger)\b|where (?:we are|the (?:café|cafe|shop|store|restaurant|salon"
                             r"|bakery|business|company) is) (?:located|housed|based)\b"
                             # "..., som er vores nuværende adresse", "..., which is our office"
                             r"|(?:som|der|which|that) (?:er|is) (?:vores|min|mit|our|my) (?:\w+ )?"
                             r"(?:adresse|address|kontor|office|butik|shop|forretning|lokaler?|premises|værksted"
                             r"|workshop))\b",
                             re.IGNORECASE)
# a customer's place named as such right after its address: "Bülowsvej 17 (kundens ejendom)", "(the client's house)"
_CUSTOMERS_AFTER = re.compile(rf"^[ \t]{{0,2}}[(,\-–][ \t]{{0,2}}(?:the |our |vores )?{_CUSTOMERS}\b", re.IGNORECASE)
_SAME_PLACE = re.compile(
    r"\b(?:foran|ud for|uden ?for|in front of|outside)\s(?:vores|min|mit|mine|sin|sit|deres|our|my|their|the|butikken"
    r"|caféen|cafeen|restauranten|forretningen|salonen|bageriet|baren|kiosken|bistroen|døren|indgangen|facaden|vinduet|huset"
    r"|hotellet|hotel"
    r"|ejendommen|lejligheden|shop|store|restaurant|café|cafe|bakery|premises|the door|the entrance)\b"
    r"|\b(?:ud )?på fortovet\b(?!\s(?:ved|foran|ud for|på)\s[A-ZÆØÅ])|\bon the (?:pavement|sidewalk)\b"
    r"(?!\s(?:at|by|in front of)\s[A-Z])",
    re.IGNORECASE)
# "foran Kaffebaren, Godthåbsvej 31": in front of a business named just before its address, which is theirs as well
_IN_FRONT_OF_NAMED = re.compile(r"(?i:\bforan|\bud for|\buden ?for|\bin front of|\boutside)\s(?i:vores\s|our\s|the\s)?"
                                r"[A-ZÆØÅ][\w'’]+(?:\s[A-ZÆØÅ][\w'’]+){0,2},?\s{0,2}$")
# "foran caféen på X", "in front of our shop at X": the activity is in front of the premises, which are at X
_IN_FRONT_OF_PREMISES = re.compile(rf"(?:\bforan|\bud for|\buden ?for|\bin front of|\boutside)\s(?:vores\s|min\s|mit\s"
                                   rf"|our\s|my\s|the\s)?{_PREMISES}\s(?:på|i|at|on|in)\W*$"
                                   # "foran min forretning Amagerbrogade 58": our premises, named by their address
                                   rf"|(?:\bforan|\bud for|\buden ?for|\bin front of|\boutside)\s"
                                   rf"(?:vores|min|mit|our|my)\s{_PREMISES}\W*$", re.IGNORECASE)
# the basement of the house named right after it: "located in the basement of", "i kælderen på", "i kælderen under"
_IN_THE_BASEMENT = re.compile(r"(?i)\b(?:in[ \t]+the[ \t]+basement[ \t]+(?:of|at)|i[ \t]+kælderen[ \t]+(?:på|under|i))"
                              r"[ \t]+\Z")
_LIVES_THERE = re.compile(
    r"(?<![\w])(?:jeg|vi|i|we) (?:bor|live)(?: selv| also| myself)? (?:på adressen|i ejendommen|i huset|der|there"
    r"|at the address|in the building)\b"
    r"(?P<unit>,?[ \t]{0,3}(?:st|kl|\d{1,2})\.?(?:[ \t]{0,3}(?:sal|tv|th|mf)\b\.?){0,2})?",
    re.IGNORECASE)
_RELATIVES = (r"søn|datter|mand|kone|hustru|bror|søster|far|mor|svigersøn|svigerdatter|svigerfar|svigermor|nevø|niece"
              r"|son|daughter|husband|wife|brother|sister|father|mother|son-in-law|daughter-in-law|nephew")
# (not for the business's own shop: "Vi skriver fra hovedkontoret på vegne af vores butik X, Jægersborggade 22")
_AGENT = re.compile(r"\b(?:(?:på vegne af|on behalf of)(?! (?:vores|vor|vort|our) (?:egen |own )?"
                    rf"(?:{_PREMISES}|afdeling\w*|department))|repræsenterer|(?:min|vores|our|my) (?:klient|client)"
                    r"|act(?:s|ing)? for|(?:som|jeg er|vi er) (?:advokat|rådgiver|agent|revisor|bogholder) for"
                    # "Som arkitekt for vores bygherre, Café Sommerfugl ApS", "as architects for our client"
                    r"|(?:som|jeg er|vi er|as|i am|we are) (?:the )?(?:arkitekt(?:er)?|ingeniør(?:er)?|architects?"
                    r"|engineers?) for (?:(?:vores|min|our|my|the) (?:bygherre|klient|kunde|client|customer)"
                    r"|bygherren|klienten|kunden)"   # "Jeg skriver som arkitekt for bygherren, X ApS"
                    # "Tegnestuen Lund & Kragh rådgiver Bageriet Surdej ApS": advises a company named with its form
                    # ("Jeg ... hjælper Kähler & Søn Vinhandel A/S med deres jubilæum": an event planner's client)
                    r"|(?<!vores )(?<!min )(?<!vor )(?:rådgiver|advises|advising|hjælper|bistår|helps|helping|assists"
                    r"|assisting) (?-i:[A-ZÆØÅ])[\w&'’.\-]*"
                    r"(?: [A-ZÆØÅ&][\w&'’.\-]*){0,3} (?:ApS|A/S|I/S|IVS|K/S|P/S)"
                    r"|(?:er|is|are) (?:bygherre)?rådgiver for bygherren"
                    r"|(?:is|are) (?:the )?advis[eo]rs? (?:for|to) the (?:client|developer|building owner)"
                    r"|(?:i am|we are|as) (?:the |an? )?(?:accountants?|bookkeepers?|auditors?) for"
                    # "X ApS has been engaged by Havnebryggeriet ApS to prepare the application", "er blevet hyret af"
                    r"|(?:has|have) been (?:engaged|hired|retained|commissioned) by|er (?:blevet )?(?:engageret|hyret)"
                    r" af"
                    # a relative who helps the owner with the application: "jeg har påtaget mig at bistå min
                    # svigersøn, som driver X", "I'm helping my daughter with her shop"
                    rf"|(?:bistå|bistår|hjælpe|hjælper|assistere|help|helping|assist|assisting) (?:min|mit|mine|my)"
                    rf" (?:{_RELATIVES})"
                    # "We assist a Swedish client, X AB, ...", "Vi bistår en udenlandsk klient": an adviser's client
                    r"|(?:we|i|vi|jeg) (?:assist|help|represent|bistår|hjælper) (?:a|an|our|en|vores)(?: [\w\-]+)?"
                    r" (?:client|klient)"
                    # the landlord who writes for a tenant: "Jeg er udlejer af ejendommen X, hvor min nye lejer ...
                    # åbner" (not "vi er udlejer af festtelte": a rental business)
                    rf"|{_LANDLORD_OF}"
                    r")\b", re.IGNORECASE)
_THEIR_PREMISES = re.compile(rf"(?i)\b(?:their|deres)[ \t](?:[\w\-]+[ \t])?(?:{_PREMISES}|\w*bryggeri\w*|brewery)"
                             r"[ \t](?:at|on|in|på|i)[ \t]\Z")
_NEW_PREMISES = re.compile(r"(?i)\b(?:filial\w*|afdeling\w*|branch\w*|(?:ny|nye|nyt|new|second|anden|andet)[ \t]"
                           r"(?:[\w\-]+[ \t]){0,2}?(?:butik|shop|store|café|cafe|restaurant|klinik|clinic|salon|kontor"
                           r"|office|afdeling|filial|branch|location|lokaler?|premises)\w*"
                           # "min salon nummer to", "our shop number two": counted after the first
                           r"|(?:butik|shop|store|café|cafe|restaurant|klinik|clinic|salon|kontor|office|bageri|bakery)"
                           r"\w*[ \t](?:nummer|nr\.?|number|no\.?)[ \t](?:to|two|tre|three|2|3))[^.\n]{0,20}\Z")
# where the business was: "I kender os måske fra Elmegade 12, hvor vi lå indtil sidste sommer"
_WHERE_WE_WERE = re.compile(r",?[ \t]+(?:hvor|where)[ \t]+(?:vi|we|jeg|I)[ \t]+(?:lå|var|holdt[ \t]til|boede|havde"
                            r"|were|was|used[ \t]to)\b")
_PRIVATE_LABEL = re.compile(r"(?im)^[ \t]*\(?[ \t]*(?:privat(?:adresse)?|private(?:[ \t]address)?"
                            r"|home(?:[ \t]address)?)[ \t]*:[ \t]*\Z")             # (also "(privat: X)")
_OUR_OFFICE = re.compile(r"(?i)\b(?:vores|vort|our)(?: eget| own)? (?:kontor|office)[ \t]?:[^\n]{0,80}\Z")
_VALEDICTION = re.compile(
    r"^[ \t]*(?:med venlig hilsen|venlig(?:st)? hilsen|(?:de )?bedste hilsner|bedste hilsen|mange hilsner|hilsen"
    r"|mvh|vh|kh|best regards"
    r"|kind regards|regards|rgds|sincerely|cheers|all the best|best wishes|yours|many thanks|thanks|thank you"
    r"|ærbødigst)\b|^[ \t]*--[ \t]*$|^[ \t]*best[ \t]*,?[ \t]*$"
    # a greeting of one's own words: "Blomstrende hilsner", "Sunny regards"
    r"|^[ \t]*[^\W\d_]{3,20}e[ \t]+(?:hilsen|hilsner|hilsener)\b[ \t,!.]*$"
    r"|^[ \t]*[^\W\d_]{3,20}(?:y|ly|m)[ \t]+(?:regards|wishes)\b[ \t,!.]*$", re.IGNORECASE | re.MULTILINE)
_PLACE = re.compile(
    rf"(?<![\w])(?=[pPaAoOvViIfFuUnNlLdDhHcCtTbBmM])(?i:på|paa|at|on|ved|i|in front of|in|foran|ud for|outside|near"
    rf"|over"
    rf"|move[ \t]+to|flytte[ \t]+til"          # a stall's new spot: "this year we would like to move to Islands Brygge"
    rf"|langs|omkring|around"
    rf"|use[ \t]+of|use|brug[ \t]+af|benytte|benyttelse[ \t]+af|bruge"  # "applies for permission to use Ofelia Plads"
    rf"|hjørnet af|the corner of|krydset"
    rf"|along|across|del af|part of"
    rf"|try|prøve)"                         # "we want to try Dronning Louises Bro": a spot a stall tries
    rf"[ \t]+(?:the[ \t]+|selve[ \t]+|hele[ \t]+)?(?P<v>{STREET})(?![\w])"   # "på selve torvet", "i hele X"
    # (a number after the name is its house number, but a day of a month is no number: "på Israels Plads 1. maj")
    rf"(?![ \t]{{1,3}}(?:nr\.?[ \t]?)?\d(?!\d?(?:\.|st|nd|rd|th)?[ \t]{{1,3}}{MONTH_WORD}))(?![ \t][A-ZÆØÅ][a-zæøå])"
    r"(?![ \t](?i:side|end)\b)")             # "on the Gasværksvej side" of the premises, "at the Red Square end" of
                                            # a park: no place of its own
# (not "Contact on site: Siobhán O'Donnell": a person there, no place)
_LOCATION_PHRASE = re.compile(r"(?<![\w])(?<!\bon[ \t])(?<!\bpå[ \t])"
                              r"(?:placering|location|sted|lokation|venue|site)\s{0,3}[:\-]\s{0,3}"
                              r"(?P<v>[^\n]{3,120})", re.IGNORECASE)
# "The site we apply for is Havneparken on Islands Brygge", "the venue will be Kødbyen", "Stedet er Enghave Plads"
_SITE_IS = re.compile(r"(?<![\w])(?i:the[ \t]+)?(?i:site|venue|location|pitch|stedet|pladsen)"
                      r"(?:[ \t]+(?i:we|I|vi|jeg)(?:[ \t]+[a-zæøå]{1,12}){1,3}?)?"
                      r"[ \t]+(?i:is|will[ \t]+be|would[ \t]+be|er|bliver)[ \t]+"
                      r"(?P<v>[A-ZÆØÅ][\wæøå'’\-]{1,40}+(?:[ \t][A-ZÆØÅ][\wæøå'’\-]{1,40}+){0,2})(?![\w])")


def premises_on_corner(text: str, place: str) -> bool:
    """The text puts the business's own premises on the corner ``place`` ("Restaurant X ligger på hjørnet af A og
    B")."""
    streets = set(re.split(r" (?:og|and|&) |/", place))
    for cue in islice(_CORNER_CUE.finditer(text), MAX_MENTIONS):
        m = _CORNER.match(text, cue.end())
        if (m and _PREMISES_CORNER_HERE.search(text, max(0, cue.start() - 120), cue.end())
                and {clean_street(m.group("a")), clean_street(m.group("b"))} <= streets):
            return True
    return False


# "Byggeleder på pladsen er Anders Bech": the site after a preposition is no subject of its own ("on site")
_PREPOSITION_BEFORE = re.compile(r"(?i)(?<![\w])(?:på|on|at|i|in|ved|by)[ \t]+\Z")


def named_site(text: str) -> str | None:
    """The place a text names as its site in so many words (\"The site we apply for is X\")."""
    for m in islice(_SITE_IS.finditer(text), MAX_MENTIONS):
        name = m.group("v")
        first = name.split()[0].lower()
        if (first not in NOT_STREET_WORDS and first not in _NOT_PLACE and name.lower() not in towns()
                and not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            return name
    return None


_AT_NUMBER = r"(?i:ud ?for|foran|ved(?:[ \t]siden[ \t]af)?|outside|in front of|next to)[ \t]{1,3}"
_STREET_AT_NUMBER = re.compile(
    rf"(?<![\w])(?P<street>{STREET_PREFIX}(?=[ \t]{{1,3}}{_AT_NUMBER}(?i:nr|no|number)){ENDS_AS_STREET})[ \t]{{1,3}}"
    rf"{_AT_NUMBER}(?i:nr\.?|no\.?|number)[ \t]{{0,3}}(?P<no>\d{{1,4}}[A-Z]?(?:[ \t]?-[ \t]?\d{{1,4}}[A-Z]?)?)(?![\d])")


# a street named without a number, its words without a dot ("... og Vesterbrogade.")
_NAMED_STREET = rf"(?:[A-ZÆØÅ][\wæøåé'’\-]{{0,40}}+[ \t]){{0,2}}[A-ZÆØÅ][\wæøåé'’\-]{{0,40}}+{ENDS_AS_STREET}"
# ("in front of no. 27 Store Kongensgade." at the end of a sentence: the street without its full stop)
_NUMBER_ON_STREET = re.compile(
    rf"(?<![\w]){BESIDE_NUMBER}"
    rf"(?P<no>\d{{1,4}}[A-Z]?)(?![\d])[ \t]{{1,3}}(?:(?i:på|i|in|on|at)[ \t]{{1,3}})?"
    rf"(?P<street>{STREET}|{_NAMED_STREET})(?![\w])")
# "Vi har en kunde i Rosenvængets Allé ... en lift ud for nr. 12": a number alone, on the street named before it
_NUMBER_ALONE = re.compile(
    rf"(?<![\w]){BESIDE_NUMBER}"
    r"(?P<no>\d{1,4}[A-Z]?(?:[ \t]?-[ \t]?\d{1,4}[A-Z]?)?)(?![\d\w])")
_NUMBER_REACH = 300         # how far before the number its street may be named


def find_addresses(text: str) -> dict[str, str]:
    """``address`` (+ ``postcode``, ``city``) and ``activity_location`` from the street addresses of a text."""
    mentions = [m for m in _all_mentions(text) if not _TAKEN_BACK.match(text, m.end)]
    agent = _AGENT.search(text)
    roles = [("business" if r == "client" and not agent else r) for r in _roles(text, mentions)]
    if agent:
        # "Our office: Nordic Enviro Consult ApS, Strandgade 56" in an adviser's letter: the adviser's, as a signature
        # and "the expansion of their brewery at Refshalevej 173": the client's premises
        roles = [("signature" if r == "registered" and _OUR_OFFICE.search(text, max(0, m.start - 90), m.start)
                  else "client" if r == "neutral" and _THEIR_PREMISES.search(text, max(0, m.start - 60), m.start)
                  else r)
                 for m, r in zip(mentions, roles, strict=True)]
    by_role = {role: [m for m, r in zip(mentions, roles, strict=True) if r in role.split("|")]
               for role in ("home", "registered", "signature", "business|both", "site|both", "neutral", "maybe own",
                            "client", "private")}
    premises, plain = by_role["business|both"], by_role["neutral"]
    if (premises or by_role["client"]) and agent:
        # a lawyer or an agent writes for a client: the signature's address is the agent's office, not the business's;
        # the client's address named as such is the business's
        own = _first(by_role["client"], by_role["home"], by_role["registered"], premises, by_role["signature"], plain,
                     by_role["maybe own"], by_role["private"])
    else:
        own = _first(by_role["home"], by_role["registered"], by_role["signature"], premises, plain,
                     by_role["maybe own"], by_role["private"])
    site = _first(by_role["site|both"], by_role["maybe own"])
    homes = by_role["home"]
    if (homes and premises and premises[0].start < homes[0].start
            and all(_in_an_aside(text, m.start) for m in homes)):
        # "Salonens adresse er X (jeg bor selv på Y, ...)", "the shop at X ... I live nearby myself (Y)": the writer's
        # home told in brackets after the business's premises is an aside; the premises are the address, no site
        own = premises[0]
    post = _POST_GOES_TO.search(text)
    named = next((m for m in premises if post and re.search(rf"(?i)(?<![\w]){re.escape(post.group('noun')[:5])}",
                                                            text[max(0, m.start - 60):m.start])), None)
    if named is not None:
        # "Jeg bor selv på X, men post til firmaet skal til værkstedet": the premises the business's post goes to are
        # its address, over the writer's home; other premises it names are the site
        own = named
        site = site or next((m for m in premises if not _same_house(m, own)), None)
    lives_there = _LIVES_THERE.search(text) if own is None and site is not None else None
    if lives_there and site is not None:
        # "container foran Holsteinsgade 22 ... Jeg bor selv på adressen, 4. th": the site is the applicant's home
        unit = format_unit(lives_there.group("unit") or "")
        own = site = Mention(site.start, site.end, site.address.split(",")[0] + (f", {unit}" if unit else ""),
                             site.postcode, site.town)
    if own is None and site is not None and _OWN_PROPERTY.search(text, max(0, site.start - 40), site.start):
        # "stillads på fortovet langs foreningens ejendom, Ravnsborggade 9-11" and no other address of the association:
        # the property it owns is its address, no site apart
        own, site = site, None
    if (site is None and own is not None and own in premises
            and _NEW_PREMISES.search(text, max(0, own.start - 40), own.start)):
        # "åbner nu min salon nummer to på X" above the block "Salon Lykke / CVR ... / Y": the business's address is
        # the one under its name and CVR, the new premises it opens the site
        under = next((m for m in plain if not _same_house(m, own) and _address_line_under_company(text, m)), None)
        if under is not None:
            own, site = under, own
    if site is None and premises and own is not premises[0]:
        # lives or is registered elsewhere: the application is about the premises (not the premises its signature
        # names again: "Vi har en brilleforretning i Elmegade 9 og åbner nu butik nummer to på Istedgade 71")
        site = next((m for m in premises if own is None or not _same_house(m, own)), None)
    if site is None and own is not None and len(premises) > 1:
        # "Vores hovedklinik ligger på X, men ... har vi åbnet en filial på Y": the new branch the letter is about
        site = next((m for m in premises[1:] if not _same_house(m, own)
                     and _NEW_PREMISES.search(text, max(0, m.start - 40), m.start)), None)
    if (site is None and own is not None and own in by_role["registered"] and not agent
            and own.start >= signature_start(text)
            and _SEAT_LABEL.search(text, text.rfind("\n", 0, own.start) + 1, own.start)):
        # "Hotel Kanal, Nyhavn 61, ..." in the signature over the footer's "Registered office: Amaliegade 12, ...": the
        # registered office is the address, the premises the signature names above it the site
        site = next((m for m in by_role["signature"] if m.start < own.start and not _same_house(m, own)), None)
    if site is None and own is not None and own in by_role["signature"]:
        # a letter whose own address stands in its letterhead or signature: another address in its text is the site
        site = next((m for m in plain if not _same_house(m, own)), None)
    elif site is None and own is not None and own not in plain and not agent:
        # the business says where it is ("vi holder til på X", "jeg bor på X"): another address is the site, unless
        # it is a day of a date ("Nørrebros Runddel 4.-5. december")
        site = next((m for m in plain if not _same_house(m, own) and not _DATE_AFTER.match(text, m.end)), None)
    out: dict[str, str] = {}
    if own is not None and "," not in own.address:
        # "restauranten på Sankt Hans Gade 20" above the signature's "Sankt Hans Gade 20, kld. / 2200 København N":
        # the floor written with the postcode or under the company's name or CVR ("outside our shop at Vesterbrogade
        # 50, 1st floor level" is no floor of the address)
        fuller = next((m for m in mentions if "," in m.address and _same_house(m, own)
                       and m.address.startswith(own.address + ",")
                       and (m.postcode or _address_line_under_company(text, m))), None)
        if fuller is not None:
            own = Mention(own.start, own.end, fuller.address, own.postcode or fuller.postcode, own.town or fuller.town)
    if own is not None and "," not in own.address and _IN_THE_BASEMENT.search(text, max(0, own.start - 40), own.start):
        # "a cocktail bar located in the basement of Studiestræde 19": the floor, said in words before the address
        own = Mention(own.start, own.end, f"{own.address}, kl.", own.postcode, own.town)
    if own is not None and not own.postcode:
        own = _building_on_street(text, own, mentions)
    if own is not None:
        out["address"] = own.address
        pc = own if own.postcode else next((m for m in mentions if m.postcode and _same_house(m, own)), None)
        if pc is not None:
            out["postcode"], out["city"] = pc.postcode, pc.town
    if site is not None and (own is None or not _same_house(site, own)):
        out["activity_location"] = _stretch_from(text, site) or site.with_postcode()
    elif site is None:
        # "en lift på fortovet" at another address; in front of the business's own premises is no site of its own
        other = (next((m for m in plain if not _same_house(m, own)), None)
                 if own is not None and _SAME_PLACE.search(text) else None)
        old = {re.sub(r"[ \t]+\d.*$", "", m.address.split(",")[0]) for m, r in zip(mentions, roles, strict=True)
               if r == "old"}
        place = other.with_postcode() if other is not None else _place(text, mentions, old)
        if place and not (own is not None and (same_place(place, own.address)
                                               or _sign_on_own_street(text, place, own.address))):
            out["activity_location"] = place
    if "postcode" not in out:
        out.update(_lone_postcode(text, mentions, out.get("activity_location", "")))
    return out


# "mellem Halmtorvet 9 og Halmtorvet 29", "from Gothersgade 8 to Gothersgade 20": a stretch of one street, each end
# written as an address; registered with its numbers, as "Halmtorvet 9-29" (not two sites, not the first house alone)
_STRETCH_BEFORE = re.compile(r"(?i:mellem|between|fra|from)[ \t]{1,3}\Z")
_STRETCH_END = re.compile(r"[ \t]{1,3}(?i:og|and|&|til(?:[ \t]og[ \t]med)?|to|until)[ \t]{1,3}"
                          r"(?:(?i:nr|no)\.?[ \t]{0,2})?(?P<street>[^\d\n,]{0,60}?)[ \t]{0,2}"
                          r"(?P<no>\d{1,4}[A-Z]?)(?![\d])"
                          # not a day ("fra Gothersgade 8 til 20. maj" is no stretch)
                          r"(?![ \t]{0,2}[./-][ \t]{0,2}"
                          r"(?:\d|(?i:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)))")


def _stretch_from(text: str, site: Mention) -> str | None:
    """The stretch of one street that ``site`` (its first house) begins, as "Halmtorvet 9-29"; None for one house."""
    street, _, number = site.address.split(",")[0].rpartition(" ")
    end = _STRETCH_END.match(text, site.end)
    if (not street or not end or not _STRETCH_BEFORE.search(text, max(0, site.start - 12), site.start)
            or end.group("street").strip().casefold() not in {street.casefold(), "nr", "no", ""}):
        return None
    return format_address(street, f"{number}-{end.group('no')}")


def _all_mentions(text: str) -> list[Mention]:
    """The addresses of a text, those written in lower case by a hurried mail among them."""
    mentions = find_mentions(text)
    lower = [m for m in find_lower_case_mentions(text)
             if not any(f.start < m.end and m.start < f.end for f in mentions)]
    return sorted(mentions + lower, key=lambda m: m.start) if lower else mentions


_SIGN = re.compile(r"(?i)(?<![\w])(?:\w*skilt(?:e|et|ene)?|signs?|signage|lysskilt\w*|light[ \t]?box)(?![\w])")
_SENTENCE = re.compile(r"[^.!?\n]*")


def _sign_on_own_street(text: str, place: str, address: str) -> bool:
    """ "Det er på Vesterbrogade, vi gerne vil have et nyt facadeskilt op" beside the business's own "Vesterbrogade 58":
    a sign goes on the business's own house, so its street without a number is no site apart from the address (a
    street party on the street of a shop's address is); so does serving along the business's own facades ("langs begge
    vores facader ... 8 m langs Blågårdsgade"), and the street where the text puts the premises ("en lille
    blomsterbutik med kaffebar på Jægersborggade")."""
    street = re.sub(r"[ \t]+\d.*$", "", address.split(",")[0]).strip()
    if not street or place != street:
        return False
    for m in islice(re.finditer(rf"(?<![\w]){re.escape(place)}(?![\w])(?![ \t]{{1,3}}\d)", text), MAX_MENTIONS):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        end = m.end() + len(rest.group(0)) if (rest := _SENTENCE.match(text, m.end())) else m.end()
        if (_SIGN.search(text, start, end) or _OUR_FACADE.search(text, start, end)
                or _PREMISES_ON_STREET.search(text, max(0, m.start() - 40), m.start())):
            return True
    return False


# the business's premises named on the street: "en lille blomsterbutik med kaffebar på Jægersborggade"
# (one premises of its own, not "en gruppe butikker på Istedgade" that hold a street party)
_PREMISES_ON_STREET = re.compile(r"(?i)\b(?:en|et|vores|min|mit|our|my|a|an)[ \t]+(?:[\w\-]+[ \t]+){0,5}?"
                                 r"\w*(?:butik|forretning|café|cafe|restaurant|salon|klinik|værksted|bageri|kiosk|bar"
                                 r"|shop|store|bakery)(?:ken|en|et)?[ \t]+(?:på|i|on|in)[ \t]+\Z")


_OUR_FACADE = re.compile(r"(?i)\b(?:vores|our|min|my|butikkens|caféens|cafeens|restaurantens)[ \t](?:[\w\-]+[ \t])?"
                         r"(?:facade\w*|façade\w*|shopfront\w*|butiksfacade\w*|butiksvindue\w*)")


# an address the writer takes back at once: "Værnedamsvej 4, 1819 Frederiksberg C - nej undskyld, vi ligger jo på ..."
# where the business's post goes, named by its premises: "post til firmaet skal til værkstedet", "mail for the company
# should go to the shop" (which premises are the address; ``_POST_TO_PREMISES`` below only sets the home aside)
_POST_GOES_TO = re.compile(
    r"(?i)\b(?:post(?:en)?|breve(?:ne)?|mail|letters|correspondence)[ \t]+(?:til|for|to)[ \t]+(?:firmaet|virksomheden"
    r"|selskabet|forretningen|butikken|the[ \t]+(?:company|business|firm))[ \t]+(?:skal|bedes|sendes|goes|should|must)"
    r"(?:[ \t]+(?:sendes|go|be[ \t]+sent))?[ \t]+(?:til|to)[ \t]+(?:the[ \t]+|vores[ \t]+|our[ \t]+)?"
    r"(?P<noun>[a-zæøå]{4,30})")
_TAKEN_BACK = re.compile(r"(?i)[ \t,.…]{0,4}(?:[-–][ \t]{0,3})?\(?(?:nej,?[ \t](?:undskyld|vent|pardon)"
                         r"|undskyld,?[ \t](?:nej|vi[ \t]er[ \t]flyttet)|sorry,?[ \t]we(?:[ \t]have|['’]ve)[ \t]moved"
                         r"|sorry,?[ \t](?:I[ \t]mean|no|wrong)|no,?[ \t]sorry|I[ \t]mean|scratch[ \t]that)\b")


_DATE_AFTER = re.compile(r"(?i)\.?[ \t]?[-–][ \t]?\d{1,2}\."
                         r"|\.[ \t]?(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b")


def _address_line_under_company(text: str, m: Mention) -> bool:
    """An address on a line of its own right under the company's name or CVR ("Applicant: / Brink & Holm A/S /
    CVR 90590456 / Store Kongensgade 40, 3. sal")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return (not text[line_start:m.start].strip()
            and _COMPANY_MARK.search(text, max(0, m.start - 80), m.start) is not None)


def _first(*groups: list[Mention]) -> Mention | None:
    """The first mention of the first group that holds one."""
    return next((group[0] for group in groups if group), None)


def _same_house(a: Mention, b: Mention) -> bool:
    """The same street and number, floors aside ("Sortedam Dossering 55" and "Sortedam Dossering 55, 1. tv"), and
    not in two postcodes ("Hovedgaden 4, 2970 Hørsholm" is not "Hovedgaden 4, 2800 Kongens Lyngby")."""
    x, y = sorted((a.address.split(",")[0], b.address.split(",")[0]), key=len)
    # ("Stræde 34" in "Stræde 34 Kontorfællesskab ApS" is the tail of "Sankt Peders Stræde 34")
    return (x == y or y.endswith(" " + x)) and not (a.postcode and b.postcode and a.postcode != b.postcode)


def _house_key(value: str) -> str:
    return " ".join(_STREET_WORD.get(w, w) for w in re.sub(r"[.,;:()]", " ", value).casefold().split())


# a street's word abbreviated ("Gl. Køge Landevej 55" is "Gammel Køge Landevej 55")
_STREET_WORD = {"gl": "gammel", "ndr": "nordre", "sdr": "søndre", "skt": "sankt", "sct": "sankt"}


def same_place(site: str, address: str, postcode: str = "") -> bool:
    """Whether a site names the business's own house: its street and number, floors aside ("Istedgade 71" and
    "Istedgade 71, st. th, 1650 København V"), also inside a longer description ("Foran caféen, Amagerbrogade 120").
    Another number ("Istedgade 73"), the street alone ("Istedgade") or another postcode written after the site than
    the business's ``postcode`` is another place."""
    house = _house_key(address.split(",")[0])
    if not house or not any(c.isdigit() for c in house):
        return False
    m = re.search(rf"(?<![\w]){re.escape(house)}(?![\w]|-\d)", _house_key(site))
    if m is None:
        return False
    other = re.match(r"(?:\s+(?:st|kl|\d{1,2}|sal|tv|th|mf))*\s+(\d{4})\b", _house_key(site)[m.end():])
    return not (postcode and other and other.group(1) != postcode)


# the business moves its own premises ("Vi flytter vores frisørsalon fra X til Y", "we're moving our office from X, to a
# former workshop at Y"): X is the old address, neither the business's address nor a site, and Y its new address (not
# "flytte jord fra X" nor "flytte en kunde ud af X": no premises of its own); "Last year we moved from X to our new shop
# at Y", "vi er flyttet fra X": the business itself moved
# (the premises in Danish's definite form: "salonen", "butikken")
_DEFINITE_PREMISES = (r"salonen|butikken|forretningen|restauranten|caféen|cafeen|klinikken|bageriet|kiosken"
                      r"|værkstedet|kontoret|firmaet|virksomheden")
_THE_PREMISES = (rf"{_DEFINITE_PREMISES}|the[ \t]+(?:salon|shop|store|restaurant|café|cafe|clinic|bakery"
                 r"|workshop|office|business|company)")
_MOVES_FROM = re.compile(rf"\b(?:(?:flytter|flytte|flyttede|moving|move[sd]?|relocat(?:e|es|ed|ing))[ \t]+"
                         rf"(?:vores|vor|vort|min|mit|sin|sit|our|my|its|their)[ \t]+(?:[\w\-]+[ \t]+)?"
                         rf"(?:{_PREMISES}|virksomhed\w*|firma\w*|business|company)"
                         rf"|(?:we|vi)(?:[ \t]+(?:have|har|er))?[ \t]+(?:moved|flyttede|flyttet|relocated)"
                         # "Salonen er flyttet fra Istedgade 60 til Enghavevej 14", "the shop has moved from X to Y",
                         # "Vi flytter salonen fra Istedgade 88 til Vesterbrogade 143"
                         rf"|(?:flytter|flytte|flyttede|moving|move[sd]?|relocat(?:e|es|ed|ing))[ \t]+"
                         rf"(?:{_THE_PREMISES})"
                         # "Friis Bageri & Café ApS er flyttet fra X til Y": the company, by its legal form, and
                         # "Bageriet Korn & Kerne er flyttet fra X til Y": the premises by their name
                         rf"|(?:(?:[\wæøå]*(?:{_DEFINITE_PREMISES})|{_THE_PREMISES})"
                         rf"(?:[ \t]+(?:(?-i:[A-ZÆØÅ])[\w'’\-]*|&)){{0,4}}"
                         rf"|(?<![\w])(?:ApS|A/S|I/S|IVS|K/S|P/S))"
                         rf"(?:[ \t]+(?:er|har|has|have|is|was))?[ \t]+(?:moved|flyttede|flyttet|relocated))"
                         rf"[ \t]+(?:fra|from)\W*$", re.IGNORECASE)
_MOVES_TO = re.compile(r"(?i)[^.!?\n]{0,40}?(?<![\w])(?:til|to)(?![\w])[^.!?\n]{0,60}\Z")
# the business's history told in stages: an earlier stage before a place ("først på X", "De første 8 år lå vi på X",
# "Jeg startede i en container ved X", "har i 11 år ligget på X", "Before coming to Copenhagen we had a trattoria in
# Aarhus (X)") and a later stage after it ("..., og så flyttede vi til Y", "..., men i 2019 flyttede vi", "og siden
# 2022 på Y", "og nu ligger den på Y"): a place the business was, neither its address nor a site
# ("først" alone may be "not until": "vi åbner først i april"; the later stage after the place makes it a story)
# (a time it has lasted, "har i 11 år ligget på X", "had a trattoria in Aarhus for 5 years", is an earlier stage only
# where the business moves on from it: "og nu vil jeg have et nyt skilt" after "i 30 år haft min forretning i X" is
# the same place still)
_EARLIER_STAGE = re.compile(
    # ("our first restaurant at X", "its first shop": the first of its places, where it is now)
    r"(?i)(?<![\w])(?:først|(?<!our[ \t])(?<!my[ \t])(?<!its[ \t])(?<!the[ \t])(?<!their[ \t])first"
    r"|(?:de|the)[ \t]+(?:første|first)[ \t]+(?:\d{1,2}|\w+)[ \t]+(?:år|years)"
    r"|startede|started|begyndte|began|before[ \t]+(?:that|coming|moving|we|I)|før[ \t]+(?:det|vi|jeg)"
    r"|(?P<lasted>i[ \t]+\d{1,2}[ \t]+år|for[ \t]+\d{1,2}[ \t]+years))(?![\w])")
_MOVED_ON = r"flyttede|flyttet|flytter|moved|moving|relocated|åbner[ \t]+vi|åbnede|opened"
_LATER_STAGE = re.compile(
    rf"(?i)(?<![\w])(?:{_MOVED_ON}|og[ \t]+så|and[ \t]+then|then"
    r"|(?:og[ \t]+|and[ \t]+)?(?:siden|since)[ \t]+(?:19|20)\d\d|og[ \t]+nu|and[ \t]+now"
    r"|men[ \t]+(?:nu|fra|i|den)|but[ \t]+(?:now|in|from))(?![\w])")
_MOVES_ON = re.compile(rf"(?i)(?<![\w])(?:{_MOVED_ON})(?![\w])")
_LATER_REACH = 250          # how far after the place its later stage may be told


# the business's own premises of before, named as its: "Our previous office at X", "vores tidligere butik på X",
# "my former salon in X" (not "et tidligere butikslokale på X": premises of a former use, taken now)
# (or the old address, as such: "We stay at the old address until 31 March: Gasværksvej 20", "vi er på den gamle
# adresse, Istedgade 12, til 1. maj")
_OUR_PREVIOUS_PREMISES = re.compile(rf"(?i)(?<![\w])(?:(?:vores|vor|vort|min|mit|mine|our|my)[ \t]+(?:tidligere|forrige"
                                    rf"|former|previous)[ \t]+{_PREMISES}[ \t]+(?:på|i|at|in|on)"
                                    rf"|(?:the|our|my|vores|vor|min|den)[ \t]+(?:old|gamle)[ \t]+(?:address|adresse)"
                                    rf"\b[^.!?\n:,]{{0,40}}[:,]?)[ \t]+\Z")
# "tidligere"/"former" as an adjective of the premises, their former use, not an earlier time ("den tidligere
# lagerhal på X", "et tidligere butikslokale på X", "the former bank at X"): the place as it is now
_FORMER_USE = re.compile(r"(?i)(?<![\w])(?:den|det|en|et|de|vores|vor|vort|our|the|a|an)[ \t]+(?:tidligere|former)"
                         r"[ \t]+[^\W\d]+[^.!?\n]{0,60}\Z")


def _earlier_stage(text: str, before: str, end: int) -> bool:
    """The place ending at ``end``, with the words ``before`` it in its sentence, is an earlier stage of the
    business's history that the text goes on from."""
    cues = list(islice(_EARLIER_STAGE.finditer(before), MAX_MENTIONS))
    later = _LATER_STAGE if any(not cue.group("lasted") for cue in cues) else _MOVES_ON
    return bool(cues) and bool(later.search(text, end, end + _LATER_REACH))


# the applicant's home, with the post asked sent to the business's premises ("Jeg bor selv på X, men al post om caféen
# må gerne gå til caféens adresse", "Min privatadresse er X, men al korrespondance bedes sendt til restauranten"): the
# home is not the business's address (``_POST_GOES_TO`` above picks the premises named, where the text names several)
_PREMISES_NOUN = (rf"(?:{_DEFINITE_PREMISES})\b"
                  r"|(?:\w+[ \t]+)?(?:shop|restaurant|café|cafe|office|kitchen|business|company|workshop|salon"
                  r"|clinic)\b")
_POST_TO_PREMISES = re.compile(
    r"(?i)[^.!?\n]{0,60}?\b(?:men|but|so)\b(?:[^.!?\n]{0,80}?\b(?:post|korrespondance|breve|letters|mail"
    rf"|correspondence)\b[^.!?\n]{{0,60}}?\b(?:til|to)[ \t]+(?:the[ \t]+)?(?:\w+(?:ens|ets|s)[ \t]+adresse"
    rf"|{_PREMISES_NOUN})"
    # the premises' address asked used: "My personal address is X, but please use the shop address for anything
    # official", "men brug venligst butikkens adresse"
    r"|[^.!?\n]{0,40}?\b(?:use|brug)[ \t]+(?:venligst[ \t]+|gerne[ \t]+)?(?:the[ \t]+|our[ \t]+)?"
    r"(?:shop|store|restaurant|café|cafe|office|business|company|salon|clinic|workshop|butikkens|restaurantens"
    r"|caféens|cafeens|firmaets|virksomhedens|kontorets|salonens|forretningens)[ \t]+(?:address|adresse)\b"
    # the writer is to be found at the premises: "I live in Valby (X), but I am almost always in the
    # restaurant", "jeg bor på X, men jeg er mest i butikken"
    r"|[ \t]+(?:I[ \t]+am|I['’]m|we[ \t]+are|we['’]re|jeg[ \t]+er|vi[ \t]+er)[ \t]+(?:[a-zæøå]+[ \t]+){0,3}?"
    rf"(?:in|at|på|i)[ \t]+(?:the[ \t]+|our[ \t]+|vores[ \t]+)?(?:{_PREMISES_NOUN}))")


# the building at an address converted into homes, in the address's own sentence ("... at Strandgade 71 and intend to
# convert its upper floors into 12 residential units", "..., og ønsker at indrette fire nye boliger i tagetagen"): a
# property developed, the site, not the business's own premises
_INTO_DWELLINGS = re.compile(
    r"(?i)[^.!?\n]{0,80}?\b(?:(?:convert|transform|redevelop)\w*\b[^.!?\n]{0,40}?\b(?:into|to)\b[^.!?\n]{0,25}?"
    r"\b(?:residential|apartments?|flats|dwellings?|homes)\b"
    r"|(?:indrette|ombygge|omdanne)\w*\b[^.!?\n]{0,40}?\b(?:boliger|lejligheder|beboelse)\b)")


# (on the address's own line: "Alt i tømrerarbejde" above a craftsman's address in his signature is his trade)
_WORK_NOUN_BEFORE = re.compile(r"(?i)(?<![\w])\w*arbejde[t]?[ \t]{1,3}(?:[-–:][ \t]{0,3})?\Z")


_ASIDE_REACH = 80

# where equipment is kept between uses: "the truck lives in a rented storage hall at X", "vognen står til daglig i et
# lejet lager på X", "the stall is stored at X" (not "demolish an old storage hall at X": the site)
_STORED_AT = re.compile(r"(?i)\b(?:lives[ \t]+in|(?:is|are)[ \t]+(?:kept|stored|parked)|opbevares"
                        r"|står[ \t]+(?:om[ \t]+natten|til[ \t]+daglig))\b[^.!?\n]{0,40}?\b(?:at|on|in|på|i)[ \t]+\Z")


# the seat labelled as such on its line: "Registered office: ...", "Hjemsted: ..."
_SEAT_LABEL = re.compile(r"(?i)\b(?:registered[ \t]office|head[ \t]office|hovedsæde|hovedkontor|hjemsted)"
                         r"[ \t]*:[ \t]*\Z")


# the business's own base the work is run from ("Arbejdet udføres fra vores afdeling i Sydhavnen, X", "The job is
# managed from our depot at X"): not where the work is
_WORKED_FROM = re.compile(r"(?i)\b(?:udføres|styres|ledes|køres|koordineres|planlægges|run|managed|carried[ \t]out"
                          r"|done|coordinated|planned)[ \t]+(?:fra|from)[ \t]+(?:vores|vor|vort|our)[ \t]+"
                          r"(?:[\w\-]+[ \t]+)?(?:afdeling|kontor|lager|depot|office|branch|base|yard|værksted"
                          r"|workshop)\w*\b[^.!?\n]{0,40}\Z")


def _in_an_aside(text: str, start: int) -> bool:
    """The address at ``start`` stands inside brackets opened on its line (within ``_ASIDE_REACH`` characters)."""
    before = text[max(0, start - _ASIDE_REACH):start].rsplit("\n", 1)[-1]
    return before.rfind("(") > before.rfind(")")


def _roles(text: str, mentions: list[Mention]) -> list[str]:
    signature = signature_start(text)
    letterhead = _letterhead_end(text)
    roles: list[str] = []
    previous_end = 0
    for m in mentions:
        role = _role(_window(text, previous_end, m.start), text[m.end:m.end + 60])
        if roles and roles[-1] == "old" and _MOVES_TO.match(text[previous_end:m.start]):
            role = "registered"                 # "... fra Amagerbrogade 58 til Østerbrogade 122": the new address
        elif _MOVES_FROM.search(_window(text, previous_end, m.start)):
            role = "old"                        # "Vi flytter vores butik fra Istedgade 88 ...": the old address
        elif role in ("business", "neutral") and _earlier_stage(text, _window(text, previous_end, m.start), m.end):
            role = "old"                        # "først på Istedgade 12 ..., og så flyttede vi": a place it was
        elif _WHERE_WE_WERE.match(text, m.end):
            role = "old"                        # "fra Elmegade 12, hvor vi lå indtil sidste sommer"
        elif _OUR_PREVIOUS_PREMISES.search(text, max(0, m.start - 60), m.start):
            role = "old"                        # "Our previous office at Kompagnistræde 32": where it was before
        elif (role in ("business", "neutral", "site") and place_of_an_earlier_time(text, m.start, m.end)
              and not _FORMER_USE.search(text, max(0, m.start - 80), m.start)):
            role = "old"                        # "Last year we ran a pop-up at Istedgade 62", "Vi har tidligere haft
                                                # restaurant på Enghave Plads 3": a place of an earlier time
        elif role == "home" and _POST_TO_PREMISES.match(text, m.end):
            role = "home, post elsewhere"       # "Jeg bor på X, men al post ... til caféens adresse"
        elif role in ("business", "both", "neutral") and _INTO_DWELLINGS.match(text, m.end):
            role = "site"                       # "We acquired the former warehouse at X and intend to convert its upper
                                                # floors into 12 residential units": a development, not premises
        elif _NAMED_AFTER.search(text, max(0, m.start - 30), m.start):
            role = "name"                       # "Ejerforeningen Holmbladsgade 70": a name, not where it is
        elif (role in ("business", "neutral") and _AT_THE_CUSTOMERS.search(text, max(0, m.start - 70), m.start)
              and _FOR_A_CUSTOMER.search(text)):
            role = "site"                       # "Jeg skal sløjfe en olietank hos en kunde ... Tanken ligger i haven
                                                # hos Birgitte og Ole Svendsen, Bellahøjvej 41": the customer's home
        elif role in ("site", "neutral") and (_STORED_AT.search(text, max(0, m.start - 80), m.start)
                                              or _WORKED_FROM.search(text, max(0, m.start - 80), m.start)):
            role = "another's"                  # "the truck lives in a rented storage hall at Kløvermarksvej 70": where
                                                # a thing is kept, neither the business's address nor the site
        elif anothers_place(text, m.start) or _BILLS_TO_ANOTHER.search(text, max(0, m.start - 160), m.start):
            role = "another's"                  # "My neighbour at Falkoner Allé 28 has the same sign": neither the
                                                # business's address nor the site
        elif (role == "neutral" and m.start < signature
              and _WORK_NOUN_BEFORE.search(text, text.rfind("\n", 0, m.start) + 1, m.start)):
            role = "site"                       # "Afmærkningsplan - fiberarbejde Valby Langgade nr. 60-92": the work
                                                # named by its noun right before its address, on its line
        elif role == "neutral" and _SUBJECT_LINE.search(text, max(0, m.start - 120), m.start):
            role = "site"                       # a forwarded mail's "Emne: Støjende arbejde - Tagensvej 120", as the
                                                # mail's own subject: where the work is, not the sender's signature
        elif role == "neutral" and (m.start >= signature or m.end <= letterhead
                                    or _COMPANY_ABOVE.search(text, max(0, m.start - 90), m.start)
                                    or _COMPANY_BEFORE.search(text, max(0, m.start - 90), m.start)
                                    or _CVR_BEFORE.search(text, max(0, m.start - 45), m.start)):
            role = "signature"
        elif role == "site" and (above := _COMPANY_ABOVE.search(text, max(0, m.start - 90), m.start)):
            # "Berg Renovation ApS\nEnglandsvej 290": a cue of a site in the company's name above is no cue
            if _role(_window(text, previous_end, above.start()), "") != "site":
                role = "signature"
        if role in ("signature", "neutral") and _PRIVATE_LABEL.search(text, text.rfind("\n", 0, m.start) + 1, m.start):
            role = "private"                    # "Privat: Ålholmvej 40" under a board chairman's signature: his home,
                                                # the business's address only when the letter names no other
        roles.append(role)
        previous_end = m.end
    left = {_house_key(m.address) for m, r in zip(mentions, roles, strict=True) if r == "old"}
    if left:
        # the place the business moved from, named again ("Vores aftale om erhvervsaffald står stadig på Nørrebrogade
        # 52. Den skal flyttes til ..."): still the old place, no site
        roles = ["old" if r in ("site", "neutral") and _house_key(m.address) in left else r
                 for m, r in zip(mentions, roles, strict=True)]
    if any(r in ("registered", "business", "both") for r in roles):
        # "Jeg bor selv lige om hjørnet på X", "the CVR register still shows my private address, X": the writer's own
        # home beside the business's address is neither its address nor a site
        roles = ["private" if r in ("home", "neutral", "site")
                 and _ONES_OWN_HOME.search(text, max(0, m.start - 60), m.start) else r
                 for m, r in zip(mentions, roles, strict=True)]
    return roles


# the applicant's own property, named as such right before its address
_OWN_PROPERTY = re.compile(r"(?i)\b(?:foreningens|(?:ejer|andels|andelsbolig)?foreningens|vores|vor|our"
                           r"|the[ \t]+association['’]s)[ \t]+(?:egen[ \t]+|eget[ \t]+|own[ \t]+)?"
                           r"(?:ejendom|bygning|building|property)[ \t]{0,2}[,:(]?[ \t]{0,2}\Z")


# the people the work is for, named, then their address after a comma ("i haven hos Birgitte og Ole Svendsen, X"),
# in a text where the writer works for a customer ("hos en kunde", "for a client")
_AT_THE_CUSTOMERS = re.compile(r"(?<![\w])(?:hos|(?i:at[ \t]+the[ \t]+home[ \t]+of))[ \t]+"
                               r"(?:(?i:familien|hr\.?|fru)[ \t]+)?[A-ZÆØÅ][^,.;:()\n\d@]{0,50}?,[ \t]{1,2}\Z")
_FOR_A_CUSTOMER = re.compile(r"(?i)\b(?:hos|for|til)[ \t]+(?:en|vores|min)[ \t]+(?:kunde|privatkunde)\b|\bkundens\b"
                             r"|\b(?:at|for)[ \t]+(?:a|our|my)[ \t]+(?:customer|client)(?:['’]s)?\b")


_ONES_OWN_HOME = re.compile(r"(?i)\b(?:(?:jeg|vi)[ \t]+bor[ \t]+(?:selv|privat)|(?:i|we)[ \t]+(?:myself[ \t]+live"
                            r"|live[ \t]+(?:myself|privately))"
                            r"|(?:my|min|mit)[ \t]+(?:private|privat|personal|personlige|own)[ \t]+"
                            r"(?:home|address|adresse|hjem|bolig))\b[^.!?\n]{0,40}\Z")


# a company's name with its legal form alone on the line above the address, or above its CVR line above it: its own
# block ("Kloakmester Per Nygaard ApS\nTomsgårdsvej 35, 2400 København NV\nCVR ...", "Contractor:\nHarbour
# Foundations A/S\nCVR: 35 88 84 38\nSydvestvej 21, 2600 Glostrup"), wherever in the text it stands
# (an aside after the legal form too: "Marine Foundations Ltd. (Danish branch)")
# (or a name and its CVR on the line above, without a legal form: "Keramikstudiet Krukke v/ Maja Friis, CVR 54199619")
_COMPANY_ABOVE = re.compile(rf"(?<![^\n])[ \t]*[A-ZÆØÅ][^\n:]{{0,60}}(?:[ \t]{SUFFIX}\.?"
                            r"(?:[ \t]{0,2}\([^()\n]{1,40}\))?|,[ \t]{0,2}(?i:cvr)[\w.\-]{0,6}:?[ \t]{0,3}(?:DK)?"
                            r"\d\d[ ]?\d\d[ ]?\d\d[ ]?\d\d)[ \t]*\n"
                            r"(?:[ \t]*(?i:cvr)[\w.\-]{0,6}:?[ \t]{0,3}(?:DK)?[\d ]{8,11}[ \t]*\n)?"
                            # (and its P-number's line: "CVR-nr. 37 84 77 63\nP-nr. 1018374452")
                            r"(?:[ \t]*(?i:p)[\w.\-]{0,8}:?[ \t]{0,3}[\d ]{10,13}[ \t]*\n)?[ \t]*\Z")
# a company's name with its legal form and a comma right before the address on its line: its own address
# ("Entreprenør: Havnens Fundering A/S, Teglholmsgade 20, 2450 København SV"), or a signature's dot or bar between
# them ("Terra Nordic ApS · Sluseholmen 2, 2nd floor · 2450 Copenhagen SV")
_COMPANY_BEFORE = re.compile(rf"(?<![\w])[A-ZÆØÅ][^\n:,.]{{0,60}}[ \t]{SUFFIX}\.?(?:,|[ \t]{{1,2}}[·|•])[ \t]{{0,3}}\Z")
# the company's CVR (and P-number) right before the address: its own details run together ("mikkelsens vvs & blik aps
# cvr 19468992 vigerslevvej 210 2500 valby")
_CVR_BEFORE = re.compile(r"(?i)\bcvr[\w.\-]{0,6}:?[ \t]{0,3}(?:dk)?\d\d[ ]?\d\d[ ]?\d\d[ ]?\d\d"
                         # (its bracket closed: "We are Shopfit Scandinavia ApS (CVR 33524315), Sønder Boulevard 54")
                         r"(?:[ \t,]{1,3}p[\w.\-]{0,8}:?[ \t]{0,3}\d{10})?[ \t]{0,3}\)?[ \t]{0,3},?[ \t]{0,3}\Z")
# someone else's place, named as theirs right before the address: a neighbour's ("my neighbour at X has the same
# sign", "The neighbour at X already complained"), the shop next door ("the shop next to ours at X did the same"),
# the landlord's home ("Min udlejer bor på X") (not the neighbour's place as the site: "foran naboen på X",
# "hos naboen i X")
# the property's people: its landlord, its administrator (their places and addresses are not the business's)
PROPERTYS_PEOPLE = r"(?:ejendoms)?administrator(?:en)?|udlejer(?:en)?|landlord|property[ \t]manager"
_ANOTHERS_PLACE = re.compile(
    r"(?:(?<![\w])(?P<pre>\w+)[ \t]+)?(?:(?:my|our|the|a|min|mit|vores|vor)[ \t]+)?"
    r"(?:neighbou?rs?|naboe?n?|naboerne|genboen"
    r"|(?:shop|store|café|cafe|restaurant|business|butik(?:ken)?|forretning(?:en)?)[ \t]+(?:next[ \t]+(?:door|to"
    r"[ \t]+(?:ours|us|mine|me))|ved[ \t]+siden[ \t]+af(?:[ \t]+(?:os|vores|mig|min))?)"
    r"|udlejer(?:en)?|landlord"
    # a relative named, then where he or she lives: "min datter Ida Holm, som bor på X, står for salget"
    rf"|(?:{_RELATIVES})[ \t]+[A-ZÆØÅ][\w\-]+(?:[ \t]+[A-ZÆØÅ][\w\-]+){{0,2}},?[ \t]+(?:som[ \t]+bor|who[ \t]+lives)"
    # someone the business has talked to, at their place: "Vi har også talt med frisøren i Istedgade 57"
    r"|(?:talt|snakket|spoken|talked)[ \t]+(?:med|with|to)[ \t]+(?:(?:the|vores|our|min|my)[ \t]+)?[^\W\d]{3,30}"
    # the property's administrator, its name in apposition ("Ejendommens administrator, Nørrebro Ejendomsadministration
    # på X", "our landlord, Heimdal Ejendomme, at X")
    rf"|(?:{PROPERTYS_PEOPLE})"
    r",[ \t]{1,2}[A-ZÆØÅ][^\W\d][^,.;:\n]{0,50}?)"
    # the neighbour's own named ("over i naboens have (hr. Mogensen på Brønshøjvej)")
    r"(?:s?[ \t]+[^\W\d]+[ \t]+\((?:hr|fru|mr|mrs|ms)\.?[ \t]+[^\W\d][\w\-]+)?"
    r"(?:[ \t]+(?:who[ \t]+lives|som[ \t]+bor|bor|lives))?[ \t]+(?:at|on|in|på|paa|i)[ \t]+\Z", re.IGNORECASE)
# the bills (or a copy) sent to another party's place in the same sentence: "Please send the invoice for the fee to our
# accountant: Revisionsfirmaet Holm & Juul, att. Peter Juul, Frederikssundsvej 70", "Faktura sendes til vores
# revisor, X, Y-vej 3"
_BILLS_TO_ANOTHER = re.compile(
    r"(?i)\b(?:invoices?|invoicing|bills?|billing|faktura\w*|regning\w*|kopi|copy|copies|post|mail)\b[^.\n]{0,60}?"
    r"\b(?:to|til)[ \t]+"
    # ("Invoices please to our accounting office: X ApS, c/o Revisorhuset, Vester Farimagsgade 41")
    r"(?:(?:our|vores|vor|the|my|min)[ \t]+)?(?:accountants?|accounting|auditors?|bookkeep\w*|revisor\w*|bogholder\w*"
    r"|administrator\w*|administration\w*)\b[^\n]{0,100}\Z")
_PLACE_BEFORE_ANOTHER = frozenset("foran for hos ved til af of at outside beside by near behind bag".split())


# the property's administrator or landlord, or the contractor, named, then its address after a comma: "Foreningens
# administrator er DEAS A/S, Dirch Passers Allé 76", "our landlord is Heimdal Ejendomme ApS, Strandvejen 9", "Udlejer
# er X ApS, c/o Y Administration, Amagerbrogade 78", "Udlejer (Anders Bruun, Rantzausgade 28)", "vores entreprenør,
# Hvidovre Nedbrydning A/S, CVR 59180002, Avedøre Havnevej 35"
_PROPERTYS_OFFICE = re.compile(rf"(?i)\b(?:{PROPERTYS_PEOPLE}"
                               # (our contractor: "Entreprenør er X A/S, CVR ..., Naverland 2" is the applicant)
                               r"|(?:vores|vor|our|deres|their)[ \t]+(?:under)?entreprenør"
                               # the client of a contractor's job, told in a sentence: "Bygherre er Ejendomsselskabet
                               # X P/S, Kalvebod Brygge 1", "The developer is X K/S, ..." (not a form's "Bygherre:",
                               # which may be the applicant's own line)
                               r"|(?:bygherre(?:n)?|(?:the[ \t]+)?(?:developer|building[ \t]owner))"
                               r"(?=[ \t]+(?:er|is)[ \t])"
                               r"|(?:our|their)[ \t]+(?:sub)?contractor"
                               # "The sign supplier (Neon Nord, Kirkebjerg Allé 88)"
                               r"|(?:\w+[ \t]+)?(?:supplier|leverandør(?:en)?)"
                               # the business's advisers, named: "Our accountant, Revisorhuset Nord, Lyngbyvej 20",
                               # "vores revisor er Holm & Juul, Frederikssundsvej 70"
                               r"|(?:our|my|vores|vor|min)[ \t]+(?:(?:danske?|danish|local|lokale?)[ \t]+)?"
                               r"(?:accountants?|auditors?|bookkeepers?|lawyers?"
                               # "Our Danish agent Nordlys Events ApS (CVR ..., Halmtorvet 20, ...) helps us"
                               r"|solicitors?|revisor(?:er)?|bogholder|advokat(?:er)?|agent(?:er|s)?"
                               # "our architects, Vang & Holm Arkitekter, Store Kongensgade 40", "vores miljørådgiver,
                               # Frank Bach fra Bach Miljø ApS (CVR ...), Gammel Kongevej 5"
                               r"|architects?|arkitekt(?:er)?|consultants?|advis[eo]rs?|\w*rådgiver(?:e)?"
                               r"|engineers?|ingeniør(?:er)?))"
                               r"(?:[ \t]+(?:er|is))?(?:,?[ \t]{1,2}|[ \t]{0,2}\()(?-i:[A-ZÆØÅ])"
                               # (its address after a comma, or in brackets: "The landlord, Istedhus A/S (Gothersgade
                               # 14, 1123 København K)"; its CVR in brackets between: "X ApS (CVR 89732778), ...")
                               r"(?:[^,.;:()\n]{0,60}?"
                               r"(?:[ \t]{0,2}\((?:cvr|cvr-nr\.?)[ \t:]{0,3}(?:dk)?[\d \t]{8,11}\))?"
                               r"(?:,[ \t]{1,2}|[ \t]{0,2}\([ \t]{0,2})){1,2}\Z"
                               # the client of the job, in the brackets after its name: "for Boligselskabet
                               # Nordvest (bygherre, CVR ..., administration: Frederiksborgvej 20, ...)"
                               r"|\([ \t]{0,2}(?:bygherre(?:n)?|(?:the[ \t]+)?(?:developer|building[ \t]owner|client))"
                               r"[ \t]*[,;:][^()\n]{0,100}\Z"
                               # "We lease the ground floor from Christianshavn Ejendomme A/S, Overgaden Oven Vandet 10"
                               # ("the tent rental from Partytelt Danmark, Høje Taastrup Boulevard 33", "hired from")
                               r"|\b(?:lease|leases|leasing|rent|rents|renting|rental|rented|hire|hired|hiring|lejer"
                               r"|leje|lejet|lejes)\b[^.\n]{0,40}?[ \t]"
                               r"(?:from|af|hos)"
                               r"[ \t]{1,2}(?-i:[A-ZÆØÅ])(?:[^,.;:()\n]{0,60}?,[ \t]{1,2}){1,2}\Z"
                               # "The building belongs to Sølvhuset Ejendomme A/S, Sølvgade 10", "Ejendommen ejes af X"
                               r"|\b(?:belongs[ \t]to|owned[ \t]by|ejes[ \t]af|tilhører)[ \t]{1,2}(?-i:[A-ZÆØÅ])"
                               r"(?:[^,.;:()\n]{0,60}?,[ \t]{1,2}){1,2}\Z"
                               # the firm doing the work, its address in brackets: "Installationen laves af Brødrene
                               # Sørensen VVS ApS (Valby Langgade 120, 2500 Valby)"
                               r"|\b(?:laves|udføres|installeres|monteres|foretages|done|carried[ \t]out|installed"
                               r"|performed)[ \t]+(?:af|by)[ \t]{1,2}(?-i:[A-ZÆØÅ])[^,.;:()\n]{0,60}?[ \t]{0,2}\(\Z")
# another person's office, by a pronoun: "Han har kontor på Thorvaldsensvej 2" (the son-in-law who helps), "Her office
# is at Wildersgade 8" (the project manager's)
_THIRD_PERSONS_OFFICE = re.compile(r"(?i)\b(?:(?:han|hun|he|she)[ \t]+(?:har|has)[ \t]+"
                                   r"(?:sit[ \t]+|his[ \t]+|her[ \t]+|an[ \t]+)?"
                                   r"(?:kontor|office)|(?:hans|hendes|his|her)[ \t]+(?:kontor|office)"
                                   r"(?:[ \t]+(?:er|is|ligger))?)[ \t]+(?:på|i|at|in|on)[ \t]+\Z")


# a person named with a title, their address in brackets: "the residents' chair, Mr Per Vinding (Wildersgade 14)",
# "naboen, fru Karen Holm (Ryesgade 3)": that person's home
# ("Handelsforeningens formand Sidse Aabye (Jægersborggade 31, ...)": an association's chair, named by the office)
_TITLED_PERSONS_HOME = re.compile(r"(?<![\w])(?:(?i:mr|mrs|ms|miss|dr|hr|fru|frk)\.?"
                                  r"|\w*(?i:formand|forperson|chair|chairman|chairwoman|chairperson))"
                                  r"[ \t]+[A-ZÆØÅ][\w\-]+"
                                  r"(?:[ \t]+[A-ZÆØÅ][\w\-]+){0,2}[ \t]{0,2}\([ \t]{0,2}\Z")


def anothers_place(text: str, start: int) -> bool:
    """The address at ``start`` is named as someone else's place: a neighbour's, the shop next door's, the
    landlord's home, the property administrator's office, an adviser's or a supplier's, a titled person's home."""
    m = _ANOTHERS_PLACE.search(text, max(0, start - 90), start)
    return (m is not None and (m.group("pre") or "").lower() not in _PLACE_BEFORE_ANOTHER
            or _PROPERTYS_OFFICE.search(text, max(0, start - 160), start) is not None
            or _THIRD_PERSONS_OFFICE.search(text, max(0, start - 60), start) is not None
            or _TITLED_PERSONS_HOME.search(text, max(0, start - 60), start) is not None)


_SUBJECT_LINE = re.compile(r"(?im)^[ \t]*(?:emne|subject)[ \t]*:[^\n]*\Z")
# an association named after its house: the address in "Ejerforeningen Holmbladsgade 70" is part of its name
_NAMED_AFTER = re.compile(r"(?i)(?:forening|foreningen|E/F|A/B)[ \t]{1,2}\Z")


# a size in parentheses, no word between a cue and its address: "(ca. 36 m2)", "(approx. 12 m²)", "(6 x 2 m)" (other
# asides may hold cues or words of their own)
_ASIDE = re.compile(r"[ \t]?\((?:(?:ca|approx|cirka|about|omkring)\.?[ \t])?\d[\d.,]*(?:[ \t]?[x×][ \t]?\d[\d.,]*)?"
                    r"[ \t]?(?:m2|m²|m3|m³|kvm|m|meter)\)(?=[ \t])")


def _window(text: str, previous_end: int, start: int) -> str:
    """The words before an address in its own sentence and line, not reaching back past the address before it.

    An address at the start of a line also hears the line before it (a wrapped sentence, a label on its own line).
    """
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start].split()
    if not head or len(head) <= 2 and head[0][0].islower():   # "... whose registered address\nis Strandvejen 140"
        line_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    window = text[max(previous_end, start - _WINDOW, line_start):start]
    cut = _last_match(_SENTENCE_END, window)
    window = window[cut.end():] if cut else window
    # a size in parentheses is no word between the cue and the address ("nedrive en garage (ca. 36 m2) på X")
    window = _ASIDE.sub("", window)
    return window.replace("\n", " ")                  # a sentence wrapped over two lines reads as one


def _role(before: str, after: str) -> str:
    """The role whose cue is nearest the address; on a tie the longer cue (a site's "ejendommen ligger på")."""
    best, key = "neutral", (7, 0)
    ours = None
    for role, pattern, reach in (("home", _HOME, 6), ("registered", _REGISTERED, 6), ("business", _BUSINESS, 6),
                                 ("client", _CLIENTS_ADDRESS, 6), ("site", _SITE, 6),
                                 ("site", _SITE_NEXT_TO, 0)):
        found = _nearest(pattern, before, reach)
        if found is not None and role == "business" and _OURS.search(found[2]):
            ours = found[0]
        if found is not None and (found[0], -found[1]) < key:
            best, key = role, (found[0], -found[1])
    if best == "site" and ours == key[0]:
        return "both"                           # "renovere mit rækkehus på X": the work is at their own place
    if _CUSTOMERS_AFTER.match(after):
        return "site"                           # "ind til Bülowsvej 17 (kundens ejendom)"
    if _AFTER_BUSINESS.match(after):            # "..., hvor vi har vores butik"
        # (the registered address stays so: "selskabet har nu adresse på X, hvor vi også har kontoret")
        return "both" if best == "site" else best if best == "registered" else "business"
    if best in ("site", "neutral") and _IN_FRONT_OF_NAMED.search(before):
        return "maybe own"                      # "outside Torvehallerne, Frederiksborggade 21"
    if best == "site" and _IN_FRONT_OF_PREMISES.search(before):
        return "both"
    return best


def _nearest(pattern: re.Pattern[str], before: str, reach: int) -> tuple[int, int, str] | None:
    """(words between cue and address, length of the cue, the cue) for the cue nearest the address, at most ``reach``
    words away."""
    for distance in range(reach + 1):
        m = pattern.search(before)
        if m:
            return distance, m.end() - m.start(), m.group(0)
        before = _LAST_WORD.sub("", before)
        if not before:
            return None
    return None


_OPENING_LINE = re.compile(r"(?i)(?:ansøgning|anmeldelse|application|notification|request|hej|hi|hello|kære|dear|til"
                           r"|to whom|vedr|re:|emne|subject|goddag)\b")
# where a letterhead ends without a blank line (a PDF keeps none): the recipient's block or the letter's date
_RECIPIENT_OR_DATE = re.compile(r"(?i)(?:(?:to|til|att\.?)[ \t]?:|københavns kommune|(?:the )?city of copenhagen"
                                r"|att(?:n)?\b|center for\b"
                                r"|(?:[A-ZÆØÅ]\w+, )?(?:den )?\d{1,2}\.? ?(?:[a-zæøå]+|\d{1,2}\.) ?\d{4}$)")
_COMPANY_MARK = re.compile(r"\bCVR\b|\b(?:ApS|A/S|IVS|I/S|P/S|K/S)\b")


def _letterhead_end(text: str) -> int:
    """The end of a letterhead: at most five short lines at the top, naming the company (a CVR or a legal form),
    ended by a blank line, a title or a greeting ("Fakta Nord A/S / Roskildevej 65, 2620 Albertslund / CVR ... /
    Ansøgning om facadeskilt"). An address there is the business's own, as in a signature."""
    end = 0
    for n, line in enumerate(text[:1000].split("\n")):
        if not line.strip() or _OPENING_LINE.match(line.strip()) or _RECIPIENT_OR_DATE.match(line.strip()):
            return end if n and _COMPANY_MARK.search(text[:end]) else 0
        if (n == 5 or line.rstrip().endswith((".", "?", "!", ":"))
                or len(line.split()) > 14 and len(_SEPARATOR.findall(line)) < 2):
            return 0                    # (a letterhead's one line of parts apart: "X ApS · Vej 20 · 2000 By · ...")
        end += len(line) + 1
    return 0


# the mark between the parts of a letterhead or footer written on one line: "Brød & Co. ApS · Godthåbsvej 20 · ..."
_SEPARATOR = re.compile(r"[ \t][·|•][ \t]")


def in_letterhead_or_signature(text: str, address: str, *, signature: bool = True) -> bool:
    """Whether ``address`` is written in the letterhead or the signature of ``text``: the business's own."""
    street = address.split(",")[0].strip()
    if not street:
        return False
    head, sign = _letterhead_end(text), (signature_start(text) if signature else len(text) + 1)
    return any(m.start() < head or m.start() >= sign
               for m in re.finditer(rf"(?<![\w]){re.escape(street)}(?![\w])", text))


def letterhead_end(text: str) -> int:
    """The end of the letterhead naming the company at the top of a letter, 0 when there is none."""
    return _letterhead_end(text)


def in_letter_text(text: str, at: int) -> bool:
    """Whether a position stands in the letter's own text: after its letterhead, before its signature."""
    return _letterhead_end(text) <= at < signature_start(text)


def signature_start(text: str) -> int:
    last = _last_match(_VALEDICTION, text)
    return last.start() if last else len(text)


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``, keeping no other (a hostile text may hold thousands)."""
    last = deque(pattern.finditer(text), maxlen=1)
    return last[0] if last else None


# "på hjørnet af Enghavevej og Vesterbrogade", "at the corner of Godthåbsvej and Nordre Fasanvej": both streets
# (read from the cue, so that a text of capitalised words is not tried at every word)
_CORNER_CUE = re.compile(r"(?<![\w])(?i:hjørnet(?:[ \t]af)?|corner(?:[ \t]of)?)[ \t]{1,3}")
_CORNER = re.compile(rf"(?P<a>{_NAMED_STREET})"
                     r"(?:[ \t]{1,3}(?P<j>(?i:og|and)|&)[ \t]{1,3}|[ \t]{0,2}/[ \t]{0,2})"
                     rf"(?P<b>{_NAMED_STREET})"
                     r"(?![\w])(?![ \t]{1,3}(?:nr\.?[ \t]?)?\d)")
# "Refsnæsgade fra nr. 1 til nr. 15", "Howitzvej from no. 2 to no. 30", "Istedgade mellem nr. 10 og nr. 40": a
# stretch of the street, registered with its numbers ("Refsnæsgade 1-15"); the last house may be said to be included
# ("Amagerbrogade fra nr. 150 til og med nr. 162", "from no. 4 up to and including no. 20")
_STRETCH_CUE = re.compile(r"[ \t]{1,3}(?:(?i:fra|from)[ \t]{1,3}(?i:nr|no|number|house[ \t]number)\.?[ \t]{0,2}"
                          # ("from no. 50 down to no. 96", "fra nr. 8 til og med nr. 16", "up to and including")
                          r"(?P<a>\d{1,4}[A-Z]?)[ \t]{1,3}(?i:(?:up|down|op|ned)[ \t]{1,3})?"
                          r"(?i:til(?:[ \t]og[ \t]med)?|to(?:[ \t]and[ \t]including)?|until)"
                          r"|(?i:mellem|between)[ \t]{1,3}(?i:nr|no|number)\.?[ \t]{0,2}"
                          r"(?P<a2>\d{1,4}[A-Z]?)[ \t]{1,3}(?i:og|and|&))[ \t]{1,3}(?:(?i:nr|no|number)\.?[ \t]{0,2})?"
                          r"(?P<b>\d{1,4}[A-Z]?)(?![\d])"
                          # the house numbers named as such, with a dash: "along Jagtvej, house no. 4-18 (even side)"
                          r"|,?[ \t]{1,3}(?i:house[ \t]nos?|house[ \t]numbers|husnr|husnumre|husnumrene)\.?[ \t]{0,2}"
                          r"(?P<a3>\d{1,4}[A-Z]?)[ \t]{0,2}[-–][ \t]{0,2}(?P<b3>\d{1,4}[A-Z]?)(?![\d])")
# the house on the corner named right after it ("kiosken på hjørnet af Istedgade og Gasværksvej (Istedgade 54)"): the
# house is the place (its address), not the corner
_HOUSE_ON_CORNER = re.compile(rf"[ \t]{{0,2}}\((?:(?i:adresse|address|adr\.?)[ \t:]{{1,3}})?{_NAMED_STREET}[ \t]{{1,3}}"
                              r"(?:nr\.?[ \t]?)?\d{1,4}[A-Z]?(?![\d])")
_PREMISES_CORNER_HERE = re.compile(rf"(?i:{_PREMISES_ON_CORNER})\W*(?i:af|of)?\W*\Z")
_STREET_ENDING_HERE = re.compile(rf"(?<![\w])(?P<v>{_NAMED_STREET})\Z")
# the street of a stretch, a few small words before its numbers ("Blegdamsvej, strækningen mellem nr. 3 og nr. 23",
# "spærre Pilekrogen af for biler fra nr. 1 til nr. 31", "in Rantzausgade, along the facades from no. 44")
_STREET_OF_STRETCH = re.compile(rf"(?<![\w])(?P<v>{_NAMED_STREET})(?:,?[ \t]{{1,3}}[a-zæøå][a-zæøå \t]{{0,40}}?)?\Z")


# "på Strøget mellem Amagertorv og Kongens Nytorv", "along Vigerslev Allé between X and Y": the street of the stretch
_NAME = r"[A-ZÆØÅ][\wæøåé'’\-]{1,40}+(?:[ \t][A-ZÆØÅ][\wæøåé'’\-]{1,40}+){0,2}"
_BETWEEN = re.compile(rf"(?<![\w])(?=[pPiIaAlLoO])(?i:på|i|ad|langs|along|on|in|af|of)[ \t]{{1,3}}(?P<v>{_NAME})"
                      rf"[ \t]{{1,3}}(?i:mellem|between)[ \t]{{1,3}}{_NAME}"
                      r"[ \t]{1,3}(?i:og|and|&)[ \t]{1,3}[A-ZÆØÅ]")


# a street closed to traffic for the activity ("lukke Guldbergsgade for biler på strækningen mellem ...", "close
# Blågårdsgade to traffic"): the street is the place
_CLOSED_STREET = re.compile(rf"(?<![\w])(?i:lukke|lukkes|lukker|spærre|afspærre|close|closing|block)[ \t]{{1,3}}"
                            rf"(?:(?i:off)[ \t]{{1,3}})?(?P<v>{_NAME})[ \t]{{1,3}}(?i:for|to)[ \t]{{1,3}}"
                            r"(?i:biler|bilerne|biltrafik|trafik|trafikken|gennemkørsel|cars|traffic|vehicles)(?![\w])")


def _house_on_corner_at(text: str, start: int) -> bool:
    """A corner of two streets starts at ``start`` and its house is named right after it."""
    m = _CORNER.match(text, start)
    return m is not None and _HOUSE_ON_CORNER.match(text, m.end()) is not None


def _corner_or_stretch(text: str) -> str | None:
    for cue in islice(_CORNER_CUE.finditer(text), MAX_MENTIONS):
        m = _CORNER.match(text, cue.end())
        if (m and not _PREMISES_CORNER_HERE.search(text, max(0, cue.start() - 120), cue.end())
                and not _house_on_corner_at(text, cue.end())):
            joiner = f" {m.group('j')} " if m.group("j") else "/"        # "Jagtvej/Nørrebrogade" as written
            return f"{clean_street(m.group('a'))}{joiner}{clean_street(m.group('b'))}"
    for cue in islice(_STRETCH_CUE.finditer(text), MAX_MENTIONS):
        m = _STREET_OF_STRETCH.search(text, max(0, cue.start() - 90), cue.start())
        if m:
            return format_address(clean_street(m.group("v")), f"{cue.group('a') or cue.group('a2') or cue.group('a3')}-"
                                                                   f"{cue.group('b') or cue.group('b3')}")
    for m in islice(chain(_BETWEEN.finditer(text), _CLOSED_STREET.finditer(text)), MAX_MENTIONS):
        name = m.group("v")
        if name.split()[0].lower() not in NOT_STREET_WORDS and name.lower() not in towns():
            return clean_street(name)
    return None


# a PDF's line wrapped inside a square's name ("on the site at Bryggernes\nPlads (Carlsberg Byen)"): one name
_WRAPPED_SQUARE = re.compile(r"(?<=[a-zæøå])\n(?=(?:Plads|Torv|Park|Have|Allé)\b)")


# a relative's place, the relative the subject of its clause: "Min farmor var bager i Nakskov i over 40 år", "my
# brother runs a bar in Aarhus" (not "min mand og jeg driver caféen i X": the couple's own)
_RELATIVES_PLACE = re.compile(rf"(?i)\b(?:min|mit|mine|vores|my|our)[ \t]+(?:{RELATIVES})\b(?![ \t]+(?:og|and)[ \t]+"
                              r"(?:jeg|I|me|mig)\b)[^.!?;\n]{0,60}\Z")


def _place(text: str, mentions: list[Mention], old: Collection[str] = ()) -> str | None:
    """A site written without an address: "Placering: ...", "Strandboulevarden ud for nr. 88", "ud for nr. 12 på
    Ryesgade", "på Israels Plads", a corner of two streets, a stretch of a street; not the street of a place the
    business was before (``old``: "har i 11 år ligget på Blågårdsgade 8 ... På Blågårdsgade var udskilleren
    udlejers")."""
    m = _STREET_AT_NUMBER.search(text) or _NUMBER_ON_STREET.search(text)
    if m:
        return format_address(m.group("street"), m.group("no"))
    numbered = _number_on_street_before(text, mentions)
    if numbered:
        return numbered
    m = _LOCATION_PHRASE.search(text)
    if m and not names_a_spot_only(m.group("v")):
        return m.group("v").strip(" .,")
    named = named_site(text)
    if named:
        return named
    corner_or_stretch = _corner_or_stretch(text)
    if corner_or_stretch:
        return corner_or_stretch
    lot = _named_lot(text, mentions)
    if lot:
        return lot
    for m in islice(_PLACE.finditer(_WRAPPED_SQUARE.sub(" ", text)), MAX_MENTIONS):
        inside = any(s.start <= m.start("v") < s.end for s in mentions)
        name = m.group("v").strip(" .,")
        town = " " not in name and name.lower() in towns() or names_a_district(name)  # "i København" is no street
        first = name.split()[0].lower()
        if (not inside and first not in NOT_STREET_WORDS and first not in _COUNTRIES and not town
                and name not in old
                and not _house_on_corner_at(text, m.start("v"))
                and name.lower() not in _GENERIC_PLACE                 # "Afrobeat in the Park": no name of a place
                and not _ASSOCIATION_WORD.fullmatch(first)    # "i Andelsboligforeningen Holmbladsgården"
                and not _EVENT_NAME_AFTER.match(text, m.end("v"))    # "at the Vesterbro festival": an event
                and not _OR_ANOTHER.match(text, m.end("v"))          # "maybe in Nørrebro or Østerbro": undecided
                and not _district_of(text, m.end("v"), mentions)
                and not _district_after(text, m.start(), mentions)
                and not _PREMISES_CORNER_HERE.search(text, max(0, m.start() - 120), m.start("v"))
                and not _WHERE_WE_RUN.search(text, max(0, m.start() - 80), m.start())
                and not _OUR_PREMISES_ON.search(text, max(0, m.start() - 80), m.start("v"))
                and not _SEAT_AFTER_COMPANY.search(text, max(0, m.start() - 20), m.start("v"))
                and not place_of_an_earlier_time(text, m.start("v"), m.end("v"))     # "last summer ... at X"
                and not _earlier_stage(text, _window(text, 0, m.start("v")), m.end("v"))
                and not _PREMISES_HELD.search(text, max(0, m.start() - 80), m.start("v"))
                and not anothers_place(text, m.start("v"))
                and not _ADVISERS_PLACE.search(text, max(0, m.start() - 100), m.start("v"))
                and not _RELATIVES_PLACE.search(text, max(0, m.start() - 80), m.start("v"))):
            return name
    return (_area_by_place(text, mentions) or _event_place(text, mentions) or _square_of_the_event(text, mentions)
            or _named_place(_OPENING_PLACE, text, mentions, _NOT_PLACE) or _lower_case_square(text))


# a square a hurried mail names in lower case: "på israels plads", "ved sankt hans torv", "on mozarts plads": a name in
# the genitive before "plads" or "torv" (not a pronoun's, "på hans plads", nor a common noun's in its definite form,
# "på kirkens plads")
_LOWER_SQUARE = re.compile(r"(?<![\w])(?:på|paa|ved|foran|ud[ \t]for|on|at|in)[ \t]+"
                           r"(?P<v>(?P<prefix>(?:sankt|skt\.?|gammel|nørre|sønder|vester|øster|kongens|dronningens)"
                           r"[ \t]+)?(?P<name>[a-zæøå]{2,20}s)[ \t]+(?:plads|torv))(?![\wæøå])")
_NOT_SQUARE_NAME = frozenset("hans hendes dens dets deres vores jeres os sins mins dins".split())


def _lower_case_square(text: str) -> str | None:
    """The first square named in lower case (``_LOWER_SQUARE``), as written."""
    for m in islice(_LOWER_SQUARE.finditer(text), MAX_MENTIONS):
        name = m.group("name")
        if (m.group("prefix") or name not in _NOT_SQUARE_NAME) and not re.search(r"(?:ens|ets|nes)$", name):
            return m.group("v")
    return None



# "on the quay at Nordre Toldbod", "the square by Nørreport Station", "P-pladsen ved Bellahøj Svømmestadion": an open
# area named by the place it lies at, which needs no street word (not "pladsen foran Magasin på Kongens Nytorv": the
# shop on the square; "the Amager Fælled car park by Artillerivej": the area of a named place)
_AREA_BY = re.compile(
    r"(?<![\w])(?=[tTkKpPhHfFgG])(?i:the[ \t]+(?:quay|quayside|harbour[ \t]?front|waterfront|square|plaza"
    r"|forecourt|lawn|car[ \t]park|parking[ \t]lot)|kajen|havnefronten|pladsen|torvet|p-pladsen|parkeringspladsen"
    r"|forpladsen|plænen|græsplænen)[ \t]{1,2}(?i:at|by|in[ \t]front[ \t]of|outside|next[ \t]to|beside|ved|foran"
    r"|ud[ \t]for|uden[ \t]?for)[ \t]{1,2}(?:the[ \t]{1,2})?"
    r"(?P<v>[A-ZÆØÅ][\wæøå'’\-]{1,30}+(?:[ \t][A-ZÆØÅ][\wæøå'’\-]{1,30}+){0,3})(?![\w])"
    r"(?![ \t]{1,3}(?:(?i:på|on|at|i|in)[ \t]{1,3}[A-ZÆØÅ]|\d))")


# a parking lot named by the place it belongs to: "on the Femøren parking lot in Amager Strandpark", "at the Amager
# Fælled car park", "fra Valby Idrætsparks parkeringsplads": the place (a lot is labelled by its place's name)
_LOT_NAME = r"[A-ZÆØÅ][\wæøå'’\-]{1,30}+(?:[ \t][A-ZÆØÅ][\wæøå'’\-]{1,30}+){0,2}"
_NAMED_LOT = re.compile(rf"(?<![\w])(?:(?i:the)[ \t]+(?P<v>{_LOT_NAME})[ \t]+(?i:parking[ \t]lot|car[ \t]park"
                        r"|parking[ \t]area)"
                        r"|(?P<w>(?:[A-ZÆØÅ][\wæøå'’\-]{1,30}+[ \t]){0,2}[A-ZÆØÅ][\wæøå'’\-]{1,30}?)s[ \t]+"
                        r"(?i:parkeringsplads(?:en)?|p-plads(?:en)?|parkeringsareal(?:et)?))(?![\w])")


def _named_lot(text: str, mentions: list[Mention]) -> str | None:
    for m in islice(_NAMED_LOT.finditer(text, 0, _EVENT_READ), MAX_MENTIONS):
        group = "v" if m.group("v") else "w"
        name = m.group(group)
        first = name.split()[0].lower()
        sentence_start = re.search(r"(?:\A|[.!?:\n])[ \t]*\Z", text[max(0, m.start() - 5):m.start()]) is not None
        if (first not in NOT_STREET_WORDS and first not in _NOT_PLACE and name.lower() not in towns()
                and not (group == "w" and " " not in name and sentence_start)     # "Kundernes p-plads": no name
                and not any(s.start <= m.start(group) < s.end for s in mentions)):
            return name
    return None


def _area_by_place(text: str, mentions: list[Mention]) -> str | None:
    return _named_place(_AREA_BY, text, mentions, _NOT_PLACE)


def _named_place(pattern: re.Pattern[str], text: str, mentions: list[Mention],
                 not_first: Collection[str] = ()) -> str | None:
    """The first place ``pattern`` names (its group ``v``, else ``w``) that is no street word, no word of
    ``not_first``, no town and not inside an address already found."""
    for m in islice(pattern.finditer(text, 0, _EVENT_READ), MAX_MENTIONS):
        group = "v" if m.group("v") else "w"
        name = m.group(group)
        first = name.split()[0].lower()
        if (first not in NOT_STREET_WORDS and first not in not_first and name.lower() not in towns()
                and not any(s.start <= m.start(group) < s.end for s in mentions)):
            return name
    return None


# "Enghave Plads Loppemarked søges for ...", "Israels Plads Julemarked 2027": an event named by its square or street;
# "Arrangement Israels Plads 12.-13. juni": the event, then its square
_SQUARE = r"(?:[A-ZÆØÅ][\wæøå'’\-]{1,30}+[ \t]){1,2}(?:Plads|Torv|Park|Have|Square)"
_SQUARE_EVENT = re.compile(rf"(?<![\w])(?:(?P<v>{_SQUARE})"
                           r"[ \t]{1,2}(?i:loppemarked|julemarked|marked|market|festival"
                           r"|gadefest|fest|koncert|concert)\b"
                           r"|(?i:arrangement|event|loppemarked|julemarked|marked|market|festival|gadefest|koncert"
                           rf"|concert)[ \t]{{1,2}}(?:[-–:][ \t]{{1,2}})?(?P<w>{_SQUARE})(?![\w]))")


# a mail that opens with its place, before saying what it is about: "Sankt Hans Torv, i fortovet ved cykelstativerne –
# det er der, vi skal grave", "Mozarts Plads in Sydhavn, Saturday 19 June 2027 – that's the where and when"
_OPENING_PLACE = re.compile(rf"\A\s*(?P<v>{_SQUARE})(?![\w])"
                            r"(?:[ \t]{1,2}(?:in|i|på)[ \t]{1,2}[A-ZÆØÅ][\wæøå\-]{1,30})?[ \t]*[,–—]")


def _square_of_the_event(text: str, mentions: list[Mention]) -> str | None:
    return _named_place(_SQUARE_EVENT, text, mentions)


_OR_ANOTHER = re.compile(r"[ \t,]{1,3}(?:or|eller)[ \t]{1,3}(?:(?:in|i|på|at|on)[ \t]{1,3})?[A-ZÆØÅ]")
# "I run a small coffee bar in Nørrebro", "vi har en lille café på Vesterbro": where the business itself lies, no site
# ("Vi er et lille kafferisteri på Refshaleøen", "we're a small brewery in Sydhavn", "We're an events agency in London":
# what the business is, and where)
# ("We are opening Osteria Romano, a small Italian restaurant in Gothersgade": the business named, then what it is;
# "We run a small event space on Refshaleøen", "vi driver et spillested i Sydhavn": a venue too)
# ("Hvad skal jeg søge om for at åbne en café på Istedgade?": the premises the business is to open in)
_WHERE_WE_RUN = re.compile(r"(?i)(?:\b(?:(?:i|we|jeg|vi)(?:[ \t]+(?:run|own|have|har|driver|ejer|er|are|am)"
                           r"|['’](?:re|m))|(?:at|to)[ \t]+(?:åbne|open)"
                           # premises being looked at for the business to be ("I am looking at a space on
                           # Godsbanegade, but nothing is signed", "vi kigger på et lokale i Valby")
                           r"|\b(?:looking[ \t]+at|considering|kigger[ \t]+på|ser[ \t]+på))"
                           # ("jeg har købmandsforretning på Nørrebrogade": a Danish trade without its article)
                           r"(?:[ \t]+(?:a|an|en|et|our|my|vores|min|mit|the)"
                           r"|(?=[ \t]+\w+(?:forretning|butik|salon)\b))"
                           r"|\b(?:åbner|åbne|opening|open|opens|run|runs|running|driver|ejer|own|owns)[ \t]+"
                           # ("I run The Crown & Anchor, the British pub on Torvegade")
                           r"(?-i:[A-ZÆØÅ])[^,.\n]{1,40},[ \t]+(?:a|an|en|et|the))[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                           r"(?:café|cafe|coffee[ \t]bar|\w*bar|pub|restaurant|bistro|shop|store|\w*butik|bageri"
                           r"|bakery|kiosk"
                           r"|\w*salon|frisør|klinik|clinic|studio|værksted|workshop|pizzeria|business|\w*forretning"
                           r"|\w*risteri|\w*bryggeri|\w*roastery|\w*brewery|agency|company|firm|bureau|\w*firma"
                           r"|virksomhed|venue|space|\w*sted|\w*hal|hall|lokale|premises"
                           # a trade's shop by its trade: "We are a small florist on Ahornsgade", "et lille trykkeri i
                           # Valby", "a family-run grocery in Amager"
                           r"|florist|\w*handler|\w*handel|\w*eri|\w*ery"
                           r"|\w*rental|\w*hire|\w*udlejning)"                # "We run the boat rental on X"
                           r"[ \t]+(?:(?:i|på|in|at|on)[ \t]+(?:the[ \t]+)?)?\Z")


# "Mezzanine in our new office on Refshaleøen", "vores butik i Valby": where the business's own premises lie, no site
# (not "vores kundes ejendom på X": a customer's place)
_OUR_PREMISES_ON = re.compile(rf"(?i)\b(?:vores|vor|vort|min|mit|our|my)[ \t]+(?!{_CUSTOMERS})(?:[\w\-]+[ \t]+)?"
                              rf"(?:{_PREMISES})[ \t]+(?:på|i|on|in|at)[ \t]+(?:the[ \t]+)?\Z")


# the business's premises said to lie or have been on a street ("værkstedet har ligget på Sydhavnsgade siden 1992",
# "har haft butik på Østerbrogade i 22 år", "i september flyttede vi ind i en gammel industrihal ved Amagerbanen"):
# where the business is, no site
_PREMISES_HELD = re.compile(r"(?i)(?<![\w])(?:(?:ligger|ligget|lå|holder[ \t]+til|holdt[ \t]+til)"
                            r"|(?:har|have|has|had)[ \t]+(?:haft|drevet|had|run)[ \t]+(?:en[ \t]+|et[ \t]+|a[ \t]+"
                            r"|vores[ \t]+|vor[ \t]+|vort[ \t]+|our[ \t]+|min[ \t]+|mit[ \t]+|my[ \t]+)?"
                            # ("Vi har haft vores taproom åbent på Carl Jacobsens Vej siden september")
                            r"[^\W\d]+(?:[ \t]+(?:åbent?|open|kørende|running))?"
                            r"|(?:flyttede|flyttet|moved)[ \t]+(?:vi[ \t]+|we[ \t]+)?(?:ind|in(?:to)?)\b"
                            r"[^.!?\n]{0,50}?)"
                            r"[ \t]+(?:på|i|ved|on|in|at|by)[ \t]+\Z")


# an adviser's office, told in passing ("min revisor (Henrik fra Revisionshuset på Gl. Kongevej)", "Arkitekten (Lone
# fra en lille tegnestue på Valby Langgade)", "Min revisor hedder Ali og har kontor på Vesterbrogade"): not the site
_ADVISERS_PLACE = re.compile(r"(?i)(?<![\w])(?:revisor\w*|accountant|bogholder\w*|bookkeeper|arkitekt\w*|architect"
                             r"|rådgiver\w*|consultant|advokat\w*|lawyer|vvs['’]?er\w*|plumber)"
                             r"[^.!?\n]{0,50}?(?<![\w])(?:fra|har[ \t]+(?:sit[ \t]+)?kontor|sidder|holder[ \t]+til"
                             r"|from|has[ \t]+(?:an?[ \t]+|his[ \t]+|her[ \t]+)?office|is[ \t]+based)"
                             r"(?![\w])[^.!?\n]{0,40}?(?:på|i|ved|on|in|at)[ \t]+\Z")


# "the Danish subsidiary of Stockholm Sounds AB in Stockholm", "Bella Pasta S.r.l. i Milano": the town a company
# (often a foreign parent) has its seat in, no site
_SEAT_AFTER_COMPANY = re.compile(rf"(?<![\w]){SUFFIX}[ \t]{{1,2}}(?i:i|in)[ \t]{{1,2}}\Z")

_ON_THE_ADDRESS = re.compile(r"[ \t]{1,3}(?:on|på|at|i|in)[ \t]{1,3}")


def _district_of(text: str, end: int, mentions: list[Mention]) -> bool:
    """ "restaurant in Vesterbro on Værnedamsvej 7": a part of town with the street address right after it is where
    that address lies, no site of its own."""
    on = _ON_THE_ADDRESS.match(text, end)
    return on is not None and any(s.start == on.end() for s in mentions)


def _district_after(text: str, start: int, mentions: list[Mention]) -> bool:
    """ "en frisørsalon i Saxogade 12 på Vesterbro": a part of town right after a street address is where that address
    lies, no site of its own."""
    return any(s.end <= start and re.fullmatch(r"[ \t,]{0,3}", text[s.end:start]) for s in mentions)


def _number_on_street_before(text: str, mentions: list[Mention]) -> str | None:
    """ "ud for nr. 12" without a street after it: the number on the last street named (without a number of its own)
    shortly before it ("Vi har en kunde i Rosenvængets Allé ... en lift ud for nr. 12")."""
    m = _NUMBER_ALONE.search(text)
    if m is None or any(s.start <= m.start() < s.end for s in mentions):
        return None
    before = text[max(0, m.start() - _NUMBER_REACH):m.start()]
    street = None
    for p in islice(_PLACE.finditer(before), MAX_MENTIONS):
        name = p.group("v").strip(" .,")
        if name.split()[0].lower() not in NOT_STREET_WORDS and name.lower() not in towns():
            street = name
    return format_address(street, m.group("no")) if street else None


_EVENT = (r"(?<![\w])(?=[fFoOkKmMlLrRaAeEsSbBhHyYpPdDcCtT])"          # a word start that may begin one
          # ("we run a coffee roastery in Malmö": the verb of a business, no run)
          r"(?i:film|optage|optagelse|koncert|concert|marked|market|fest|festival|løb|(?<!\bwe[ ])(?<!\bi[ ])run\b"
          r"|race|arrangement|event"
          r"|stand\b|stade|bod\b|boden|stall|sælge|sell|serv(?:e|ing|ere|erer)\b|yoga|parade|optog|demonstration"
          r"|starter|slutter|starts|ends|starting|finishing"
          # where a run starts and ends: "Start og mål er på Amager Fælled", "Start and finish will be at Fælledparken"
          r"|start[ \t]+(?:og|and|&)[ \t]+(?:mål|finish)\b|(?:start|mål|finish)(?:område\w*|linje\w*|line|zone|area)?"
          r"(?=[ \t]+(?:er|is|ligger|bliver|will[ \t]+be)[ \t])"
          r"|\w{0,15}?turnering|tournament"
          r"|afholde|holde|hold\b|host|picnic|loppemarked|julemarked|cirkus|circus|teater|theatre|scene\b"
          r"|party\b|parties\b)")
_PLACE_AFTER_EVENT = (r"[^.\n]{0,50}?(?<![\w])(?i:i|på|ved|in|at|on|foran|in front of)[ \t]{1,2}"
                      r"(?:the[ \t]{1,2})?"           # "a run starting and finishing at the Amager Fælled car park"
                      r"(?P<v>[A-ZÆØÅ][\wæøå]{2,30}(?:[ \t][A-ZÆØÅ][\wæøå]{2,30}){0,2})(?![\w])")
_EVENT_PLACE = re.compile(_EVENT + _PLACE_AFTER_EVENT)
# the next place in the event's sentence, after one that is none ("a party ... in Copenhagen, this time at Israels
# Plads")
_NEXT_EVENT_PLACE = re.compile(_PLACE_AFTER_EVENT)
_NOT_PLACE = frozenset(
    "januar februar marts april maj juni juli august september oktober november december january february march may"
    " june july october mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday"
    " saturday sunday danmark denmark copenhagen københavn frederiksberg kommune uge week".split())


_EVENT_NAME = re.compile(r"(?i)(?:festival|fest|marked|market|løb|run|race|marathon|koncert|concert|parade|messe|fair"
                         r"|dag|day|days|uge|week)$")
_EVENT_NAME_AFTER = re.compile(r"[ \t]{1,2}(?i:festival|fest|marked|market|løb|run|race|marathon|koncert|concert"
                               r"|parade|messe|fair)\b")
# an association named by its kind and its name ("bestyrelsen i Andelsboligforeningen Holmbladsgården"): no place
_ASSOCIATION_WORD = re.compile(r"(?i)\w*(?:forening|foreningen|selskab|selskabet|klub|klubben)")
# a place's noun alone, capitalised in an event's name ("Afrobeat in the Park"): no place named
_GENERIC_PLACE = frozenset("park parken plads pladsen torv torvet have haven square gade gaden vej vejen".split())
# "in Denmark", "på markeder rundt omkring på Sjælland": a country or a region, no site; nor the country the writer
# comes from ("Before we had a small stand in Vietnam", "vi havde en bod i Polen")
_COUNTRIES = frozenset("danmark denmark sverige sweden tyskland germany norge norway sjælland zealand fyn funen"
                       " jylland jutland lolland falster bornholm"
                       " vietnam polen poland italien italy ukraine tyrkiet turkey türkiye spanien spain"
                       " frankrig france grækenland greece portugal rumænien romania litauen lithuania letland"
                       " latvia estland estonia thailand kina china indien india pakistan iran irak iraq syrien"
                       " syria libanon lebanon marokko morocco egypten egypt".split())


_EVENT_READ = 100_000          # as much as the details of one text are read for (``text.MAX_TEXT_CHARS``)


# a town's word opening a square's or street's name ("Kongens Nytorv", "Kongens Lyngby" the town)
_ENDS_AS_PLACE = re.compile(rf"[^\n]*{ENDS_AS_STREET}\Z")


# an event's word in a company's name ("Villa Skovgaard Events ApS is a wedding venue ... on Østerbro"): no event
_IN_COMPANY_NAME = re.compile(rf"(?-i:[A-ZÆØÅ])[\w&'’\-]*(?:[ \t](?-i:[A-ZÆØÅ])[\w&'’\-]*){{0,2}}[ \t]{SUFFIX}(?![\w])")


def _events(text: str) -> Iterator[re.Match[str]]:
    """Each event's word with the place after it, not an event's word in a company's name (read on past it: "Nordlys
    Events ApS would like to hold a concert in Superkilen")."""
    at = 0
    for _ in range(2 * MAX_MENTIONS):
        m = _EVENT_PLACE.search(text, at, _EVENT_READ)
        if m is None:
            return
        if _IN_COMPANY_NAME.match(text, m.start()):
            at = m.start() + 1
            continue
        yield m
        at = m.end()


def _event_place(text: str, mentions: list[Mention]) -> str | None:
    """A named place where an event, a stall or a recording is, without a street word: "koncert i Superkilen",
    "film a scene on Strøget", "Løbet starter ved Langelinie"."""
    places = (p for m in islice(_events(text), MAX_MENTIONS)
              for p in (m, _NEXT_EVENT_PLACE.match(text, m.end("v"))) if p)
    for m in places:
        name = m.group("v")
        first = name.split()[0].lower()
        inside = any(s.start <= m.start("v") < s.end for s in mentions)
        if (not inside and first not in _NOT_PLACE and first not in NOT_STREET_WORDS
                and name.lower() not in _GENERIC_PLACE and name.lower() not in _COUNTRIES
                and (first not in towns() or _ENDS_AS_PLACE.match(name) and name.lower() not in towns())
                and not name.isupper()                      # "EVENT IN PUBLIC SPACE": a heading, not a place
                and not _EVENT_NAME.search(name)            # "a stall at Vesterbro Festival": an event, not a place
                and not _EVENT_NAME_AFTER.match(text, m.end("v"))
                and not _WHERE_WE_RUN.search(text, max(0, m.start("v") - 90), m.start("v"))
                # "outdoor serving in front of our café on Jægersborggade": the street of our own premises
                and not _OUR_PREMISES_ON.search(text, max(0, m.start("v") - 80), m.start("v"))):
            return name
    return None


_LONE_POSTCODE = re.compile(r"(?<![\w.,/+-])(?:DK[ \t-]?)?(?P<pc>[1-9]\d{3})(?=[ \t]{1,3}[A-ZÆØÅ])")
_NOT_BEFORE_POSTCODE = re.compile(      # "1. maj 2027", "12/5 2000": a year, not a postcode
    r"(?:\d[.\-/]?|\b(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?)\s*$", re.IGNORECASE)


def _lone_postcode(text: str, mentions: list[Mention], site: str = "") -> dict[str, str]:
    """A "2100 København Ø" of the table outside the addresses already found, and not the site's: written after the
    site's street in its sentence ("Howitzvej fra nr. 2 til nr. 30, 2000 Frederiksberg", "in Rantzausgade, along the
    facades from no. 44 until no. 48 (2200 København N)")."""
    street = re.sub(r"[ \t]+\d{1,4}[A-Z]?-\d{1,4}[A-Z]?$", "", site)        # a stretch's street ("Howitzvej 2-30")
    site_at = _site_in_sentence_before(street) if street and not re.search(r"\d", street) else None
    for m in _LONE_POSTCODE.finditer(text):
        if any(s.start <= m.start() < s.end for s in mentions):
            continue
        if site_at is not None and site_at.search(text, max(0, m.start() - 120), m.start()):
            continue
        if _NOT_BEFORE_POSTCODE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        found = postcode_town(m.group("pc"), text[m.end():m.end() + 60], strict=True)
        if found:
            return {"postcode": found[0], "city": found[1]}
    for m in islice(_TOWN_THEN_POSTCODE.finditer(text), MAX_MENTIONS):
        found = postcode_town(m.group("pc") or m.group("bare"), m.group("town"), strict=True)
        if found and found[2] == len(m.group("town")):
            return {"postcode": found[0], "city": found[1]}
    return {}


def _site_in_sentence_before(site: str) -> re.Pattern[str]:
    """The site's name, then no more than its sentence up to the point searched to."""
    return re.compile(rf"(?<![\w]){re.escape(site)}(?![\w])(?:[^.!?\n]|\.(?=[ \t]?\d))*\Z")


# "på Jernbane Allé 14 B i Vanløse (2720)": the town, then its postcode in brackets; "på Gammel Køge Landevej 210 i
# Valby 2500" (dictated): or right after it
_TOWN_THEN_POSTCODE = re.compile(r"(?<![\w])(?P<town>[A-ZÆØÅ][\wæøå]{2,30}+(?:[ \t][A-ZÆØÅ][\wæøå]{0,30}+)?)"
                                 r"[ \t]{1,2}(?:\((?P<pc>[1-9]\d{3})\)|(?P<bare>[1-9]\d{3})(?![\d.,/:-]))")


# "på blågårdsgade 14 2200 kbh n": a street written in lower case, its number and a postcode with its town after it
_LOWER_CASE_ADDRESS = re.compile(rf"(?<![\w])(?P<street>[a-zæøå][a-zæøå\-]{{2,40}}+{ENDS_AS_STREET})[ \t]{{1,2}}"
                                 r"(?P<no>\d{1,4}[a-z]?)[ \t,]{1,3}(?P<pc>[1-9]\d{3})(?!\d)")


def lower_case_address(text: str) -> dict[str, str]:
    """The address of a mail written without capitals (called where ``find_addresses`` found none), where the
    postcode and its town after the number vouch for the street."""
    for m in islice(_LOWER_CASE_ADDRESS.finditer(text), MAX_MENTIONS):
        found = postcode_town(m.group("pc"), text[m.end():m.end() + 60], strict=True)
        if found and m.group("street") not in NOT_STREET_WORDS:
            return {"address": f"{m.group('street')} {m.group('no')}", "postcode": found[0], "city": found[1]}
    return {}


def _building_on_street(text: str, own: Mention, mentions: list[Mention]) -> Mention:
    """ "Pakhus 48, Langeliniekaj 1 / 2100 København Ø": a building's name and number, then on the same line the
    street address its postcode belongs to: the address is that street and number (the building's name is none of
    it), also when the building is named alone before ("Vi åbner i Pakhus 11 ... Adressen er Pakhus 11, ...")."""
    for m in (m for m in mentions if m is own or _same_house(m, own)):
        after = next((a for a in mentions if a.start > m.end), None)
        if (after is not None and after.postcode and "," not in m.address
                and re.fullmatch(r",[ \t]{1,2}", text[m.end:after.start])):
            return after
    return own

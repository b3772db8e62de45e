"""Company and person names: legal forms, introductions in running text and signatures.

A company is found as candidates, each with its evidence: a legal form ("ApS",
"A/S", "Ltd", "GmbH", "Sp. z o.o."), an introduction ("Min forretning hedder
X", "vi er X", "on behalf of X", "I run X"), a CVR number next to it (the
tie-breaker) and a place in the signature. The best-supported candidate wins,
the first one on a tie; a name without a legal form needs an introduction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from intake.details.addresses import ADDRESS
from intake.details.postcodes import postcode_town, towns
from models.addresses import is_free_mail_domain

SUFFIX = (r"(?:ApS|A/S|I/S|IVS|K/S|P/S|AmbA|A\.m\.b\.a\.|F\.m\.b\.a\.|FMBA|SMBA|S\.m\.b\.a\.|Ltd\.?|Limited|GmbH|AB|AS"
          r"|Oy|Inc\.?|LLC|B\.V\.|BV|Sp\.[ ]?z[ ]?o\.[ ]?o\."
          r"|UAB|SIA|OÜ|s\.r\.o\.)")                    # Lithuanian, Latvian, Estonian, Czech/Slovak contractors
# (bounded and possessive: no long scans; a Turkish, Polish or Czech capital may open it: "Çelik Pizza ApS")
_CAP_TOKEN = r"[A-ZÆØÅÉÜÖÄŞÇŁŚŻŽČĆĐŘŠ0-9](?:[\wæøåéüöä&'’\-]|\.(?=\w)){0,40}+\.?"
MAX_CANDIDATES = 60
Candidate = tuple[str, int, int, int]       # a possible company name: (name, start, end, score of its own evidence)
# "Pastéis da Ana", "Pão na Chapa", "Casa del Sol"
_JOINER = r"(?:&|og|and|of|i|på|ved|de|la|le|du|da|di|do|dos|das|na|no|del|von|van|der|v/|for|the|by)"
_NAME_RUN = rf"{_CAP_TOKEN}(?:[ \t]{{1,2}}(?:(?:{_JOINER}|fra)[ \t]{{0,2}})?{_CAP_TOKEN}){{0,5}}"   # "Toner fra Nord"
COMPANY = re.compile(rf"(?<![\w])(?P<v>{_CAP_TOKEN}(?:[ \t]+(?:{_JOINER}|{_CAP_TOKEN})){{0,5}}[ \t]+{SUFFIX})(?![\w/])")
_SUFFIX_AT = re.compile(rf"(?<=[ \t]){SUFFIX}(?![\w/])")
_ENDING_IN_SUFFIX = re.compile(rf"(?<![\w])"
                               rf"(?P<v>{_CAP_TOKEN}(?:[ \t]+(?:{_JOINER}|{_CAP_TOKEN})){{0,5}}[ \t]+{SUFFIX})\Z")
# a person's role at a business ("HR-chef" with its prefix)
_TITLE_WORDS = (r"(?:\w*direktør|(?:\w+-)?\w*chef|\w*leder|(?:med)?indehaver|(?:med)?ejer|formand|arkitekt|advokat"
                r"|director|manager|(?:co-?)?owner|(?:co-?)?founder|chair(?:man|woman|person)?|architect|operator|foreman"
                r"|\w*coordinator|producer|\w*koordinator|attorney|lawyer|solicitor|caretaker|janitor|pedel|vicevært"
                r"|secretary|\w*sekretær|assistant|assistent|supervisor"
                r"|\w*mester|(?:ops|team|project|site) lead)")
TITLE_WORDS = _TITLE_WORDS      # (for the contact model's candidates: "Restaurantchef Jonas Friis")
# (one list for the nouns that name a business and the trade words that make a name one: "Café Grøn Gren", "Harbour
# Lane Bakery", "Bodega Peder")
_BUSINESS_NOUN = (r"(?:restaurant|café|cafe|kiosk|shop|store|\w*butik|bar|bistro|bakery|bageri|\w*salon|pizzeria|grill"
                  r"|firma|company|business|virksomhed|enkeltmandsvirksomhed|forretning|\w*værksted|klinik|food ?truck"
                  r"|madvogn|frisør|bodega|brasserie|bryggeri|brewery|barbershop|deli)")
# the same noun in its definite form, written before the business's name: "frisørsalonen", "vaskehallen", "caféen"
_BUSINESS_THE = rf"[\w-]{{0,30}}?(?:{_BUSINESS_NOUN}|hal)(?:en|et|ken|len)"
_INTRO = re.compile(        # each alternative starts a word: the look-behind turns most positions away at once
    r"(?<![\w])(?i:\b(?:min|mit|vores|my|our)[ \t](?:virksomhed|forretning|butik|salon|café|cafe|restaurant|firma"
    r"|enkeltmandsvirksomhed|company|business|shop|bakery|bageri|kiosk|klinik|værksted)[ \t]"
    r"(?:hedder|is called|is named|er)|\b(?:virksomheden|forretningen|butikken|salonen|caféen|cafeen|restauranten"
    r"|firmaet|foreningen|værkstedet|klinikken|bageriet|kiosken|baren)[ \t]hedder|\bvi[ \t]hedder"
    # "Firmaet er Bentes Blomster, cvr ..." (not "Butikken er Istedgade 54": where it is)
    r"|\b(?:firmaet|virksomheden|selskabet)[ \t]er(?=[ \t](?-i:[A-ZÆØÅ])(?![\w-]*[ \t]\d))"
    r"|\bwe[ \t]are[ \t]called|\bindehaver[ \t]af|\bon[ \t]behalf[ \t]of"
    # a business not yet registered, by the name it will have: "The business will be called Crumb & Co.",
    # "Butikken kommer til at hedde X", "firmaet skal hedde X"
    r"|\b(?:the|my|our|min|mit|vores)[ \t](?:new[ \t])?(?:business|company|shop|store|bakery|café|cafe|restaurant"
    r"|bar|salon|firm)[ \t]will[ \t]be[ \t](?:called|named)"
    r"|\b(?:virksomheden|forretningen|butikken|salonen|caféen|cafeen|restauranten|firmaet|bageriet|baren"
    r"|klinikken|værkstedet)[ \t](?:skal[ \t]hedde|kommer[ \t]til[ \t]at[ \t]hedde)"
    # "the Danish permit agent for our client, Baltic Facade Systems UAB"
    # "Som arkitekt for vores bygherre, Café Sommerfugl ApS (CVR ...)"
    r"|\b(?:agent|agents|advisers?|rådgiver[e]?|arkitekt(?:er)?|architects?|ingeniør(?:er)?|engineers?)[ \t]for[ \t]"
    r"(?:(?:our|vores|min|my)[ \t](?:client|klient|kunde|customer|bygherre)|bygherren|klienten|kunden),"
    # "Norden Ingeniører A/S er rådgiver for bygherren, Glentevej Udvikling ApS": the client the adviser writes for
    r"|\b(?:advisers?|advisors?|consultants?|(?:bygherre)?rådgiver[e]?)[ \t](?:for|to)[ \t](?:bygherren"
    r"|the[ \t](?:client|developer|building[ \t]owner)),"
    # "the event application for our client Kelp Kombucha", "ansøgningen for vores kunde Café Nord"
    r"|\b(?:application|ansøgning(?:en)?|anmeldelse(?:n)?)[ \t](?:for|til)[ \t](?:our|vores)[ \t]"
    r"(?:client|klient|kunde|customer),?"
    # (a noun with a capital is the name's: "Min mand og jeg driver Bageriet Korn & Kærne")
    # ("min far, Poul Jensen, som ejer Jensens Bageri på Frederikssundsvej 45": the owner told of by another)
    rf"|\b(?:jeg|vi|og|som|der)[ \t](?:driver|ejer)(?:[ \t](?=(?-i:[a-zæøå])){_BUSINESS_THE})?"
    # "Jeg er ved at starte hundefrisøren Happy Paws Grooming op", "vi åbner restauranten X"
    rf"|\b(?:starte|starter|åbne|åbner)[ \t](?:op[ \t])?{_BUSINESS_THE}"
    # "we are opening Mama Nkechi's Kitchen, a West African restaurant": the name, then the kind of business it is
    rf"|\b(?:opening|open|opens|starting|launching|åbner|åbne|starter)(?=[ \t]{{1,3}}(?-i:[A-ZÆØÅ])[^,\n]{{1,50}},"
    rf"[ \t](?:a|an|en|et|our|vores)[ \t](?:[\w-]+[ \t]){{0,3}}{_BUSINESS_NOUN}\b)"
    r"|\b(?:i|we)[ \t](?:run|own)"
    # "My sole proprietorship is Pastéis da Ana", "min enkeltmandsvirksomhed hedder ..."
    r"|\b(?:min|mit|vores|my|our)[ \t](?:sole[ \t]proprietorship|sole[ \t]trader(?:[ \t]business)?"
    r"|enkeltmandsvirksomhed|firm)[ \t](?:is|er|hedder)"
    r"|\bundertegnede[ \t](?:driver|ejer)"
    # "jeg har enkeltmandsvirksomheden Skovens Træer", "en lille forening der hedder Bogbyttet"
    r"|\b(?:jeg|vi|og)[ \t]har[ \t](?:firmaet|virksomheden|enkeltmandsvirksomheden|forretningen|butikken|foreningen)"
    rf"|\b(?:{_BUSINESS_NOUN}|forening|klub|club|association|society|organi[sz]ation),?[ \t](?:der|som|that|which)[ \t]"
    r"(?:hedder|is called|is named)"
    # "jeg har Kebab House på Nørrebrogade 210": a name that has a place after it
    r"|\b(?:jeg|vi|i|we)[ \t](?:har|have)(?=[ \t]{1,3}(?-i:[A-ZÆØÅ])\S{0,30}(?:[ \t](?-i:[A-ZÆØÅ&])\S{0,30}){0,3}"
    r"[ \t](?:på|on|at|in|i)[ \t](?-i:[A-ZÆØÅ]))|\b(?:i|we)[ \t](?:operate|manage)"
    r"|\b(?:co-?)?(?:founder|owner|ejer|medejer|indehaver|stifter|grundlægger|medstifter)[ \t](?:of|af)"
    # the writer's work at the business: "jeg hedder Sofie Lund og er souschef på Restaurant Gyldenlak", "This is
    # Sarah from the front desk at Copenhagen Yoga Loft"
    rf"|\b(?:jeg[ \t]er|og[ \t]er|i[ \t]am|i['’]m|and[ \t]am)[ \t](?:(?:the|a|an)[ \t])?{_TITLE_WORDS}"
    r"[ \t](?:på|hos|ved|at|of)"
    r"|\bfrom[ \t]the[ \t](?:[\w-]+[ \t])?(?:desk|reception|office|kitchen|shop|team)[ \t](?:at|of)"
    r"|\b(?:har|have|has)[ \t](?:netop[ \t]|lige[ \t]|just[ \t])?(?:åbnet|opened)"
    rf"|\b(?:har|driver|ejer|have|has|run|own)[ \t](?:(?:en|et|a|an|min|mit|my|our)[ \t])?(?:(?:lille|small|ny|nyt|new)"
    rf"[ \t])?(?:[\w-]+[ \t])?{_BUSINESS_NOUN}(?:,?[ \t](?:den|det|it|som|which)[ \t](?:hedder|is called)|,"
    r"|(?=[ \t](?-i:[A-ZÆØÅ])))"
    r"|\bunder[ \t](?:navnet|the[ \t]name|the[ \t]brand)|\bdrevet[ \t]som"            # "under navnet Svends Saft"
    # "streetfood-konceptet Smørrebrød på Hjul", "our concept X", "pop-up ramen, name is Kumo Ramen"
    r"|\b(?:\w{1,20}-)?\w{0,20}?(?:konceptet|brandet)|\b(?:our|the|a|vores)[ \t](?:[\w-]{1,30}[ \t])?concept"
    r"|(?<=,[ \t])name[ \t]is|\b(?:its|the|our)[ \t](?:(?:shop|business|stall|truck|brand)[ \t])?name[ \t]is"
    r"|\b(?:business|company|trading|firma|virksomheds?)[ \t]?(?:name|navn(?:et)?)[ \t](?:is|er)"
    r"|\b(?:my|our|min|mit|vores)[ \t](?:business|company|firm|virksomhed|firma|forretning)[ \t]?:"   # "My business: X"
    # "permit for our new shop Lille Lykke, Jægersborggade 31": a name right after the noun (not the shop's street)
    rf"|\b(?:our|vores|min|my|mit)[ \t](?:(?:new|nye|ny|nyt|lille|little|small)[ \t])?{_BUSINESS_NOUN}"
    r"(?=[ \t]{1,3}(?!(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
    r"(?-i:[A-ZÆØÅ])[\w'’&-]*+(?:[ \t](?-i:[A-ZÆØÅ])[\w'’&-]*+){0,3}(?![ \t]{1,3}\d))"
    r"|\band[ \t](?:run|own)|\b(?:har|driver|ejer|have|has|run|own)[ \t](?:en|et|a|an)[ \t]"
    r"(?:lille[ \t]|small[ \t]|ny[ \t]|new[ \t])?\w+(?:,|[ \t](?:called|named|ved navn|som hedder))"
    # "where I plan to open a bakery-café called Crumb Copenhagen", "vi åbner en ny kaffebar ved navn X"
    r"|\b(?:open|opening|start|starting|launch|launching|åbne|åbner|starte|starter)[ \t](?:en|et|a|an|my|our|min|mit"
    # ("open a small Italian café-deli in Vesterbro called Forno Rossi": a word or two before the noun, its quarter
    # after it)
    r"|vores)[ \t](?:(?:lille|small|little|ny|nyt|new)[ \t])?(?:[\w-]+[ \t]){0,2}[\w-]+"
    r"(?:[ \t](?:in|i|on|på)[ \t](?-i:[A-ZÆØÅ])[\w-]{1,30})?[ \t](?:called|named|ved[ \t]navn|som[ \t]hedder"
    r"|der[ \t]hedder)"
    # (the owner's, told by another: "ved sin butik, Høst Ure, på Sølvgade 14")
    r"|\b(?:our|vores|min|my|mit|sin|sit|his|her|en|et|a|an)[ \t](?:[\w-]+[ \t]){0,3}(?:foundation|association|company"
    r"|club|society|organi[sz]ation|forening|virksomhed|enkeltmandsvirksomhed|firma|forretning|butik|\w*salon|café|cafe"
    # ("She runs a small sole proprietorship, Mama Thuy's Spring Rolls, with her kitchen at ...")
    r"|restaurant|bageri|bistro|\w*bar|kiosk|klinik|værksted|shop|store|bakery|business|proprietorship"
    r"|stall|stand|bod|madbod|vogn)"
    # ("a small æbleskiver stall (Ingers Æbleskiver, CVR 64251457)": the name in brackets with its CVR)
    rf"(?:[ \t](?:from home|hjemmefra))?(?:,|[ \t]{{1,2}}\((?={_NAME_RUN},?[ \t]{{1,2}}(?-i:CVR|cvr)\b)))"
    rf"(?:[ \t]{{1,3}}|(?<=\())(?P<v>{_NAME_RUN})")
_WE_ARE = re.compile(rf"(?i:\bvi[ \t]er|\bwe[ \t]are|\bwe['’]re|\bi[ \t]represent|\bwe[ \t]represent)[ \t]{{1,3}}"
                     rf"(?:the[ \t]{{1,2}})?(?P<v>{_NAME_RUN})")
# "Surfklubben Østersø", "Danseskolen X", "X Laug", "Valby Cykelklub"
_ORG_HEAD = (r"(?:[A-ZÆØÅ]\w{0,30}+(?i:(?<=foreningen)|(?<=forening)|(?<=selskabet)|(?<=kulturhuset)|(?<=klubben)"
             r"|(?<=skolen)|(?<=laug)|(?<=lauget)|(?<=klub))|Fonden)")
_ORGANISATION = re.compile(       # "Andelsboligforeningen Lærkehøj", "Valby Handelsstandsforening"
    rf"(?<![\w])(?P<v>{_ORG_HEAD}(?:[ \t]{{1,2}}(?:{_JOINER}[ \t]{{0,2}})?{_CAP_TOKEN}){{1,5}}"
    rf"|(?:[A-ZÆØÅ]\w{{1,30}}+[ \t]){{1,2}}{_ORG_HEAD})(?![\w])")


def names_an_association(line: str) -> bool:
    """A line that is an association's name alone: "Andelsboligforeningen Vigerslevhus", "Sundby Løbeklub"."""
    return _ORGANISATION.fullmatch(line.strip()) is not None


# "in front of Kulturhuset Islands Brygge", "swingaften ved Kulturhuset Islands Brygge": a place where something
# happens, not the applicant
_PLACE_BEFORE = re.compile(r"(?i:\bforan|\bud ?for|\buden ?for|\bin front of|\boutside|\bnext to|\bopposite"
                           r"|\bved siden af|\boverfor|\bved|\bnear|\bbeside|\bclose to|\btæt på)[ \t]{1,3}\Z")
# "Amager Blomster v/ Bente Kjær": a sole trader's business and its owner, one name ("Kemals Frugt og Grønt v/ ...");
# the kind of business in its definite form that opens a sentence of running text is no part of it ("Frisørsalonen
# Klip & Krøller v/ Anne Skov ønsker at ...", as "frisørsalonen Hårdesign v/ ..." within one; not a signature's line)
_OWNED_BY = re.compile(rf"(?<![\w])(?:(?:(?<=\A)|(?<=\n)|(?<=[.!?][ \t]))(?i:{_BUSINESS_THE})[ \t]{{1,2}}"
                       rf"(?=[A-ZÆØÅ][^\n]{{0,60}}?[ \t]v/[^\n]{{0,60}}?[ \t][a-zæøå]))?"
                       # (a small word inside the name: "Frugtboden på Hjul v/ Ali Demir", "Pão na Chapa")
                       rf"(?P<v>{_CAP_TOKEN}(?:[ \t]{{1,2}}(?:(?:&|og|and|på|i|fra|for|of|the|de|da|do|dos|das|na"
                       rf"|no|del|la|le|du|di)[ \t]{{1,2}})?{_CAP_TOKEN}){{0,3}}"
                       rf"[ \t]{{1,2}}v/[ \t]?"
                       # (the owner's surname may have its particle: "Tandlægerne Østerbro v/ Pieter de Vries")
                       rf"[A-ZÆØÅ][\w'’\-]{{1,30}}+(?:[ \t]"
                       rf"(?:(?:de|van|von|der|den|da|di|du|la|le|al|el|ter)[ \t]){{0,2}}"
                       rf"[A-ZÆØÅ][\w'’\-]{{1,30}}+){{1,2}})(?![\w])")
_SOLE_TRADER_WORD = re.compile(r"(?i:enkeltmandsvirksomhed|personligt ejet|sole proprietorship|sole trader)")
_ENDING_IN_NAME = re.compile(rf"(?<![\w])(?!\d+\.[ \t])(?P<v>{_NAME_RUN})[ \t]{{0,2}}[(,\-–|]?[ \t]{{0,2}}\Z")
_ENDING_IN_NAME_AS = re.compile(rf"(?<![\w])(?P<v>{_NAME_RUN})[ \t]{{0,2}}[(,]?[ \t]{{0,2}}"
                                rf"(?:(?i:som|as an?|as)[ \t]{{1,2}}(?:(?i:en|an?)[ \t]{{1,2}})?)?\Z")
_CVR_NEAR = re.compile(r"(?i:\bcvr|\bse[ \t/-]?nr|\bvat)")
_CVR_AFTER = re.compile(r"(?<=[,(|])[ \t]{0,2}(?i:cvr)|(?<=[,(|] )(?i:cvr)|(?<= [\-–] )(?i:cvr)")
_COMPANY_LEAD = re.compile(
    r"^(?:(?:We['’]re|I['’]m|Vi|Jeg|Hej|Kære|Dear|Hermed|Fra|From|Til|To|Firma|Firmaet|Virksomheden|Selskabet|Company|Den|Det|I|We|Hos|At"
    r"|For|På|Re|Sv|Fw|Fwd|Vs|Ansøger|Ansøgning|Regarding|Vedr|Vedrørende|Mvh|Med|Venlig|Hilsen|Best|Kind|Regards|Our"
    r"|Vores|Butikken|Entreprenør|Bygherre|Anmelder|Administrator|Arrangør|Kontakt)\.?:?\s+)+")
# the words between a lead and the name: "Vi på Öresunds Bygg AB", "We're Dumpling Bros ApS"
_LOWER_LEAD = re.compile(r"^(?:(?:på|hos|fra|i|at|from|with|in)\s+)+")
# "VVS-firmaet Rørkompagniet A/S"
_TRADE_PREFIX = re.compile(r"^[A-ZÆØÅ]{2,}-\w*(?:firmaet|virksomheden|selskabet|firma)\s+")
_SENTENCE_END = re.compile(r"(?<!\b[A-ZÆØÅ])"             # "Malerfirmaet M. Brandt": an initial ends no sentence
                           r"(?<!\bFrk)(?<!\bFru)(?<!\bHr)(?<!\bDr)(?<!\bSkt)(?<!\bSct)(?<!\bSt)(?<!\bCo)(?<!\bGl)"
                           r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bBrdr)(?<!\bBros)(?<!\bKbh)(?<!\bNr)\.\s+(?=[A-ZÆØÅ])")
_PLACE_TAIL = re.compile(r"\s+(?:på|i|in|at|on)\s+(?:\S+\s+){0,2}?\S*(?:gade|vej|allé|plads|torv|torvet|boulevard"
                         r"|brygge|stræde)\b.*$",
                         re.IGNORECASE)
# (Baltic: "Rūta Petrauskienė"; Vietnamese: "Nguyễn Thị Thảo"; Icelandic and German: "Hrafn Sigurðsson",
# "Katharina Weiß")
_LOWER = "a-zæøåéèêëáàâäíìîïóòôöúùûüýÿçñşğıłńśźżćčřšžőűãõāēīūėąęįųķļņģơưđðþß\u1ea1-\u1ef9"
_NAME_TOKEN = (rf"[A-ZÆØÅÉÜÖÄŞÇŁŚŻŽČĆĐŘŠÞ][{_LOWER}]{{1,30}}(?:['’\-][A-ZÆØÅÉÜÖÄŞÇa-z{_LOWER}][{_LOWER}]+"
               r"|[A-Z][a-z]+)*")
_NAME = (rf"(?:[A-ZÆØÅ]\.[ \t]?(?=[A-ZÆØÅ][{_LOWER}]{{2}}))?"                 # "J. Bønnelykke"
         rf"{_NAME_TOKEN}(?:[ \t]+(?:[A-ZÆØÅÉÜ]\.|{_NAME_TOKEN}|O['’]{_NAME_TOKEN}"
         # an elided Italian or French particle joined to the surname ("Matteo dell'Acqua", "Luca d'Angelo")
         rf"|(?:d|dell|dall|degl|l)['’]{_NAME_TOKEN}"
         # an Arabic article joined to the surname ("Jamal al-Sayed", "Amr el-Masri")
         rf"|(?:al|el|ad|ar|as|ash|at|az|an|ben|bin|ibn|abu)-{_NAME_TOKEN}"
         # a particle before the surname: "van der Berg", "Omar bin Rashid", "Ali ibn Hassan"
         rf"|(?:von|van|de|der|den|del|della|la|le|du|da|di|dos|das|af|ter|ten|al|el|bin|ibn|bint|binti|ben)"
         rf"(?=[ \t]+[A-ZÆØÅa-z]))){{0,3}}")
# the contact named again in a reply: "Kontaktperson er stadig vores værkfører, X", "the contact person is still X"
_STILL = r"(?:[ \t](?:stadig|stadigvæk|fortsat|fremdeles|still))?"
_TITLE_PREFIX = re.compile(
    r"^(?:indehaver|medindehaver|ejer|direktør|adm\. direktør|daglig leder|partner|owner|co-?owner|ceo|founder|manager"
    r"|general manager|projektleder|project manager|byggeleder|formand"
    # ("Producer, Afrobeat CPH", "Kasserer, Boldklubben X": an event's or an association's roles)
    r"|producer|koordinator|coordinator|organi[sz]er|arrangør|næstformand|kasserer|treasurer|sekretær|secretary"
    r"|caretaker|janitor|pedel|vicevært|assistant|assistent"
    r"|bestyrelsesmedlem|board member|chair(?:man|person|woman)?)\s*[,:\-–|]\s*", re.IGNORECASE)
# the name signed, then the end of the line, a phone, or the signer's role ("Kirsten Nyborg, formand", "Amalie Fog
# (kasserer)")
_NAME_LINE = re.compile(rf"^\s*/?\s*(?P<v>{_NAME})\s*,?\s*(?:$|[|·•\-–]\s|(?:(?i:tlf|tel|mobil|mob)\.?:?\s*)?"
                        rf"(?:\+45\s?)?\d\d"
                        rf"|\(?(?i:{_TITLE_WORDS}|næstformand|kasserer|sekretær|bestyrelsesmedlem|treasurer|secretary"
                        rf"|chair(?:person|woman)?|board member)\)?[ \t.]*$)")
NAME_INTRO = re.compile(rf"(?i:mit navn er|jeg hedder|my name is|this is"
                        # "Kontaktperson i sagen er indehaver af butikken, Rikke Nørgaard"
                        rf"|kontaktperson(?:en)?(?: i sagen| for (?:ansøgningen|sagen|projektet))? er{_STILL}"
                        rf"|(?:the )?contact person(?: for (?:the|this) (?:application|case|project))? is{_STILL}"
                        rf"|(?:please )?(?:reply|write) to (?:our |my )?(?:\w+ )?(?:manager|leader|owner|director)"
                        rf"|(?:svar|skriv) (?:venligst |gerne )?til (?:vores |min )?(?:daglige leder|leder|indehaver"
                        rf"|direktør)"
                        rf"|(?:henvendelse[r]? til|kontakt|contact|spørgsmål til)(?: vores)? "
                        rf"(?:projektleder|byggeleder|formand|direktør|indehaver|project manager|site manager|chairman"
                        # "Kontaktperson er vores driftsleder Ole Berg", "... vores pladsformand Jesper Winther"
                        # ("... er Nordlys' HR-chef Peter Abildgaard-Nissen": a business's possessive before the title)
                        # ("Contact person is me, Pham Hoang Anh", "Kontaktperson er mig, X": the writer)
                        rf"|manager))\s+(?:(?i:me|mig),[ \t]+)?"
                        rf"(?:(?:(?i:vores|our|min|my)\s+|[A-ZÆØÅ][\w\-]{{1,30}}['’]s?\s+)?"
                        rf"(?i:\w*{_TITLE_WORDS})"
                        rf"(?:\s+(?i:af|of)\s+[a-zæøå]{{2,20}})?,?\s+)?"
                        rf"(?P<v>{_NAME})")
# a closing in the writer's own language, alone or after a slash: "Best regards / Pozdrawiam", "Pozdrawiam / hilsen",
# "Kind regards / Cordiali saluti" (the name follows on the next line)
# (not the German "Mit freundlichen Grüßen": read as a closing, it moves a German head office's footer into the
# signature, "Hoffmann Fassaden GmbH · Friedrichstraße 123 · Berlin", over the Danish company named above it)
_FOREIGN_CLOSING = (r"(?:pozdrawiam|z\s+poważaniem|cordiali\s+saluti|distinti\s+saluti|saluti"
                    r"|med\s+vänliga\s+hälsningar|saludos|cordialement|met\s+vriendelijke\s+groet(?:en)?)")
_VALEDICTION = re.compile(
    # ("Mange venlige hilsener")
    r"^\s*(?:med\s+)?(?:mange\s+)?(?:(?:venlig(?:st)?|venlige|de\s+bedste|bedste|mange|kærlig)\s+)?(?:hilsen|hilsner)\b"
    rf"(?:\s*/\s*(?:(?:best|kind)\s+regards|{_FOREIGN_CLOSING}))?[\s,]*(?P<rest>.*)$"
    r"|^\s*(?:mvh|vh|kh)\b\.?[\s,]*(?P<rest2>.*)$"
    rf"|^\s*(?:(?:best|kind|warm)\s+(?:regards|wishes)|{_FOREIGN_CLOSING})\b"
    rf"(?:\s*/\s*(?:{_FOREIGN_CLOSING}|(?:venlig\s+|mange\s+)?hilsen|mvh|(?:best|kind)\s+regards)\b)?[\s,]*"
    r"(?P<rest3>.*)$"
    # ("With many thanks and best wishes,")
    r"|^\s*(?:(?:with\s+)?many\s+thanks\s+and\s+(?:best|kind)\s+(?:wishes|regards)"
    r"|regards|rgds|sincerely|yours sincerely|yours faithfully|yours truly|cheers|thanks|many thanks|thank you"
    r"|all the best|with (?:kind|best) regards|tak|ærbødigst|på forhånd tak)\b[\s,!.]*(?P<rest4>.*)$"
    r"|^\s*--\s*(?P<rest5>)$"
    r"|^\s*best[ \t]*[,!.]?[ \t]*(?P<rest6>)$"                 # "Best," on its own line, the name below it
    # a greeting of one's own words: "Blomstrende hilsner", "Solrige hilsner", "Sunny regards"
    r"|^\s*[^\W\d_]{3,20}e\s+(?:hilsen|hilsner|hilsener)\b[\s,!.]*(?P<rest7>.*)$"
    r"|^\s*[^\W\d_]{3,20}(?:y|ly|m)\s+(?:regards|wishes)\b[\s,!.]*(?P<rest8>.*)$"
    # a greeting of one's own, then thanks: "Namaste and thanks,", "Skål og tak"
    r"|^\s*[^\W\d_]{3,20}\s+(?:and|og|&)\s+(?:thanks|thank\s+you|tak)\b[\s,!.]*(?P<rest9>.*)$",
    re.IGNORECASE)
_CONTACT_WORD = re.compile(r"(?i)(?:tlf|telefon|phone|mobil|mobile|e-?mail|mail|web|www|cvr|adresse|address)\b")
_NOT_NAME_WORDS = {"tak", "thanks", "hej", "kære", "dear", "mvh", "regards", "hilsen", "ansøgning", "application",
                   "vedr", "cvr", "tlf", "telefon", "mobil", "email", "mail", "adresse", "address", "danmark",
                   "denmark", "københavn", "copenhagen", "kommune", "erhvervsservice", "restaurant", "café", "cafe",
                   "bistro", "bar", "kiosk", "bageri", "butik", "salon", "trattoria", "osteria", "taverna", "brasserie",
                   "pizzeria", "webformular", "formular", "info", "kontakt",
                   "team", "service", "kbh", "mobile", "phone", "tel", "direkte", "direct", "fax", "web",
                   # a possessive or a pronoun that starts a sentence ("Our Danish location manager, Peter Dahl, ...")
                   "our", "vores", "vor", "vort", "the", "this", "these", "those", "my", "their", "deres", "your",
                   "jeres", "we", "vi", "jeg",
                   # a signature's line for the firm's number ("Kontor 43 73 20 20\nDennis Krag, mobil 28 ...")
                   "kontor", "kontoret", "omstilling", "hovednummer", "switchboard", "hotline", "vagttelefon"}
_ORG_WORD = re.compile(r"(?i)(?:foreningen|forening|selskabet|huset|firma|byg|flyt|service|gruppen|teatret|kompagniet"
                       r"|cooperative|association|foundation|society|club|group|company|collective|traders|partners"
                       r"|events|productions?|pictures|media|consult(?:ing)?|design|studio|kollektiv|klub|fond"
                       r"|handel|isenkram|office|desk|reception|support|booking|drift|admin|kirke|kirken|skole|skolen"
                       r"|arkitekter|advokater|revision|menighedsråd|tegnestuen?|bryghus|hotel|hostel|produktion|film|solutions"
                       r"|systems|services|løsninger|apotek|apoteket|pharmacy|house"
                       r"|værksted|værkstedet|cykel|cyklen|vogn|vognen|truck)$")   # "Maskinværksted", "Kaffecykel"
# the last word of a signature line that names a business without a CVR near it ("Ibsens Vinduespudsning")
_BUSINESS_WORD = re.compile(r"(?i)(?:pudsning|rengøring|entreprise|stillads|anlæg|transport|flytning|cykler|blomster"
                            r"|optik)$")
_TITLE_LINE = re.compile(
    # (after an adjective: "Administrativ leder", "Teknisk chef", "Kommerciel direktør")
    r"(?i)^(?:\w{3,15}(?:iv|isk|el|ig)[ \t]{1,2})?"
    r"(?:indehaver|medindehaver|ejer|direktør|adm\. direktør|daglig leder|partner|owner|co-?owner|ceo|cfo|coo"
    r"|founder|manager|\w+ manager|officer|\w+ officer|general manager|projektleder|project (?:manager|lead)"
    r"|byggeleder|formand|næstformand"
    r"|chairman|chair|coordinator|koordinator|sekretær|secretary|kasserer|treasurer|konsulent|consultant|tandlæge"
    r"|advokat|\w*leder|\w*chef|\w*ansvarlig|\w*mester|\w*terapeut|assistant|assistent|director|head of \w+"
    r"|\w*kræmmer|\w*handler|\w*lærer|\w*instruktør|teacher|instructor"
    r"|pharmacist|apoteker|farmaceut|optician|optiker|bogholder|bookkeeper|accountant|revisor|architect|arkitekt)\b")


def is_title(value: str) -> bool:
    """Whether a word of ``value`` is a role's ("Operations Manager", "Environmental Coordinator"), not a name's."""
    return any(_TITLE_LINE.match(w) or re.fullmatch(_TITLE_WORDS, w, re.IGNORECASE) for w in value.split())


def clean_company(raw: str, named: bool = False) -> str | None:
    """A name with its legal form, without the words of the sentence before it; ``named`` when a naming verb stands
    right before it ("Selskabet hedder Hos Lis ApS"), so that its first word is the name's even if it could lead a
    sentence ("Hos", "For", "Den")."""
    value = _SENTENCE_END.split(raw.strip())[-1]         # "uge 23-26. JH Byg ApS": the name starts its sentence
    value = value if named else _COMPANY_LEAD.sub("", value)
    value = _TRADE_PREFIX.sub("", _LOWER_LEAD.sub("", value)).strip(" ,;:")
    if not re.search(SUFFIX + r"\.?$", value) or not re.match(_CAP_TOKEN, value):
        return None
    value = value if value.endswith(("o.", "V.", "Inc.", "Ltd.")) else value.rstrip(".")
    return re.sub(r"\s+", " ", value) if len(value.split()) >= 2 else None


def _clean_plain(raw: str) -> str | None:
    """A name without a legal form, cut before a street it is "på" ("Vinbaren Druen på Falkoner Allé")."""
    value = _SENTENCE_END.split(raw.strip())[0]             # a sentence ends the name; "Frk. Kanel" is one name
    value = _PLACE_TAIL.sub("", _TRADE_PREFIX.sub("", _COMPANY_LEAD.sub("", value))).strip(" ,.;:")
    value = re.sub(rf"\s+{_JOINER}$", "", value)
    value = _PRONOUN_AFTER.sub("", value)              # "On behalf of Amager Strand Beach Volley Club I'm attaching"
    if _NUMBER_LABEL.match(value):
        return None                                     # "en enkeltmandsvirksomhed, CVR 12345678": no name
    return value if 2 <= len(value) <= 60 else None


# an English sentence's subject right after the name, which the capitals ran on into
_PRONOUN_AFTER = re.compile(r"(?:[ \t]+(?:I|I['’](?:m|ve|d|ll)|We|We['’](?:re|ve|d|ll)))+$")
_NUMBER_LABEL = re.compile(r"(?i)(?:cvr|se|vat|p|tlf|tel|phone|mobil)\b|\d")


# "Mvh Ejendomskontoret", "Bestyrelsen": an office or a board signs, not a person
_OFFICE_WORD = re.compile(r"(?i)\w*(?:kontoret|sekretariatet|bestyrelsen|afdelingen|ledelsen|administrationen"
                          r"|teamet|kundeservice|receptionen|redaktionen)")


# the first words of streets named "X Gade" ("Store Gade", "Nørre Gade"), never a person's first name
_STREET_FIRST_WORDS = {"store", "lille", "nørre", "sønder", "vester", "øster", "gammel", "ny", "nye", "gamle", "stor",
                       "sankt", "skt", "skt.", "kongens", "dronningens", "prinsens", "brede", "smalle"}


def looks_like_name(value: str) -> bool:
    words = value.split()
    if not 1 <= len(words) <= 4 or any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words):
        return False
    if _OFFICE_WORD.fullmatch(words[0].strip(".,")):
        return False
    if any(_ORG_WORD.search(w.strip(".,")) for w in words):
        return False
    if (len(words) == 2 and words[1].lower() == "gade" and words[0].lower() not in _STREET_FIRST_WORDS
            and not _OFFICE_WORD.fullmatch(words[0])):
        value = words[0]        # "Per Gade", a surname (a street "X Gade" has its number, or more words)
    return not re.search(SUFFIX, value) and not re.search(r"\d|gade|vej\b|allé", value, re.IGNORECASE)


def looks_like_person(value: str) -> bool:
    """Two to four name-like words, none of them a company word ("Ole Kjær", not "Restaurant Saffran")."""
    return (2 <= len(value.split()) <= 4 and looks_like_name(value) and bool(re.fullmatch(_NAME, value))
            and not any(_ORG_WORD.search(w) for w in value.split()))


# ---------------------------------------------------------------- companies

def find_company(text: str, has_cvr: bool) -> str | None:
    """The best-supported company name in ``text`` (see the module docstring), else a company line under the
    signature."""
    signature = _signature_offset(text)
    on_behalf = _ON_BEHALF.search(text) is not None
    candidates: dict[str, tuple[int, int]] = {}          # name -> (score, first position)
    for name, start, end, score in islice(_candidates(text), MAX_CANDIDATES):
        if _CARE_OF.search(text, max(0, start - 6), start):
            continue                            # "c/o DEAS A/S": the administrator who receives the post
        if _LANDLORD_OR_ADVISER.search(text, max(0, start - 30), start):
            continue                            # "Min udlejer (Ejendomsselskabet Carl Jensen) har sagt god for det"
        if (_OWNER_BEFORE.search(text, max(0, start - 40), start)
                and _CONSENTS_AFTER.match(text, end)):
            continue                            # "Ejendommen ejes af X A/S, CVR ..., som har givet tilladelse"
        if _GENERIC_NOUN.fullmatch(name):
            continue                            # "Foreningen, CVR 89821800": the noun that refers back to the name
        score += _near_cvr(text, start, end) + (1 if start >= signature else 0)
        if _DANISH_ARM.search(text, max(0, start - 50), start):
            score += 3                          # "through our new Danish subsidiary, Nord Form Denmark ApS, we open"
        if on_behalf and _CLIENT_LABEL.search(text, max(0, start - 30), start):
            score += 2                          # "på vegne af vores kunde ... Kunden er:\nBageriet Holmbladsgade ApS"
        best, first = candidates.get(name, (0, start))
        candidates[name] = (max(best, score), min(first, start))
    _merge_longer_forms(candidates)
    if candidates:
        return min(candidates.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]
    company = signature_company(text.split("\n"))
    return company if has_cvr or (company and _names_a_business(company)) else None


_CARE_OF = re.compile(r"(?i)\bc/o[ \t]{0,2}\Z")
# a foreign group's Danish company named as such, the one a Danish permit is for, not the parent abroad ("through our
# new Danish subsidiary, X ApS, we are opening a shop", "vores danske datterselskab X ApS")
_DANISH_ARM = re.compile(r"(?i)(?<![\w])(?:our|vores|vort|vor)[ \t]+(?:(?:new|nye|nyt)[ \t]+)?(?:Danish|danske?)[ \t]+"
                         r"(?:datterselskab\w*|subsidiary|branch|filial)[ \t]{0,2}[,:(]?[ \t]{0,2}\Z")
# another party named by its role right before its name: the landlord, the accountant ("Udlejer (Boulevardgården A/S)
# har givet sit samtykke", "our landlord, Nordic Property A/S"), the contractor who does the work for the applicant
# ("Entreprenøren er Brødrene Kjeldsen A/S, men skolen er bygherre"; not "Arbejdet udføres af X ApS": the firm doing
# the work is often the one that applies)
_LANDLORD_OR_ADVISER = re.compile(r"(?i)(?<![\w])(?:udlejer(?:en)?|landlord|revisor(?:en)?|accountant|bogholder(?:en)?"
                                  r"|bookkeeper|entreprenøren|the[ \t]+contractor"
                                  # the writer's agent or lawyer ("Our Danish agent Nordlys Events ApS (CVR ...)
                                  # helps us with local suppliers"); the property's owner ("Ejendommen ejes af X A/S,
                                  # CVR ..., som har givet tilladelse"); the client whose place a firm works at
                                  # ("We are refitting the offices of our client X P/S"; not "on behalf of our client")
                                  r"|agent(?:en)?|advokat(?:en)?|lawyer|solicitor"
                                  # the owner behind the business ("The bar is owned by our holding company, X ApS,
                                  # but we run it under the name below")
                                  r"|(?:our|vores|vort)[ \t]+(?:holding[ \t]?company|holdingselskab(?:et)?"
                                  r"|moderselskab(?:et)?|parent[ \t]company)"
                                  r"|(?<![\w])(?<!behalf[ \t])of[ \t]+(?:our|my)[ \t]+"
                                  r"(?:client|customer|kunde|klient))"
                                  r"(?:[ \t]+(?:er|is))?"
                                  r"[ \t]{0,2}[(:,]?[ \t]{0,2}\Z"
                                  # the property's owner in brackets: "ejendommen X (ejer: Ejendomsselskabet X ApS"
                                  r"|\((?:ejer|ejeren|owner|the[ \t]owner)[ \t]{0,2}[:=][ \t]{0,2}\Z")
# the property's owner who has consented, another party than the one who applies ("Ejendommen ejes af X A/S, CVR ...,
# som har givet tilladelse til projektet"; not the owner an administrator writes for: "Ejendommen ejes af X P/S")
_OWNER_BEFORE = re.compile(r"(?i)(?:ejendommen|bygningen|lokalerne|the[ \t]+(?:building|property|premises))[ \t]+"
                           r"(?:ejes[ \t]+af|tilhører|(?:is|are)[ \t]+owned[ \t]+by|belongs?[ \t]+to)[ \t]{1,2}\Z")
_CONSENTS_AFTER = re.compile(r"(?i)[^.!?\n]{0,60}?\b(?:som|der|who|which)[ \t]+(?:har|has|have)[ \t]+"
                             r"(?:givet|given|godkendt|approved|sagt[ \t]+ja|agreed|consented)")
_GENERIC_NOUN = re.compile(r"(?i)(?:the[ \t])?(?:foreningen|firmaet|selskabet|virksomheden|klubben|forretningen"
                           r"|butikken|restauranten|caféen|bestyrelsen|company|association|club|firm|business)")


def _names_a_business(line: str) -> bool:
    """A signature line that is a business by its words ("Brødrene Lauridsens Boghandel"), needing no CVR nearby."""
    last = line.split()[-1]
    return bool(_ORG_WORD.search(last) or _BUSINESS_WORD.search(last) or _TRADE.match(line.split()[0].lower()))


FORM_WRITTEN_OUT = {"A/B": "Andelsboligforeningen", "E/F": "Ejerforeningen"}


_ASSOCIATION_WORD = re.compile(r"[A-ZÆØÅ][a-zæøå]{2,30}forening(?:en)?")


def _merge_longer_forms(candidates: dict[str, tuple[int, int]]) -> None:
    """ "Byggefirmaet Sten & Søn ApS" and "Sten & Søn ApS" are one company: the name as written alone wins. "A/B
    Kastanjehuset" in a signature is "Andelsboligforeningen Kastanjehuset" written out: the full name wins."""
    for name in list(candidates):
        # "X AB, filial Danmark" in the letter and "X AB filial Danmark" in its signature: one name, as first written
        same = next((o for o in candidates if o != name and o.replace(",", "") == name.replace(",", "")), None)
        if same is not None and name in candidates:
            (a, first_a), (b, first_b) = candidates.pop(name), candidates.pop(same)
            candidates[name if first_a < first_b else same] = (max(a, b), min(first_a, first_b))
    for short in list(candidates):
        form, _, rest = short.partition(" ")
        full = f"{FORM_WRITTEN_OUT.get(form)} {rest}"
        if form in FORM_WRITTEN_OUT and full in candidates:
            (a, first_a), (b, first_b) = candidates.pop(short), candidates[full]
            candidates[full] = (a + b, min(first_a, first_b))
    for long in list(candidates):
        if long not in candidates or _BRANCH_OF.fullmatch(long):
            continue                            # the branch is no longer form of the company it belongs to
        shorter = next((s for s in candidates if s != long and long.endswith(" " + s)), None)
        if shorter is not None and _ASSOCIATION_WORD.fullmatch(long[:-len(shorter) - 1]):
            # "Idrætsforeningen Lergravens Boldklub" in the club's details and "Lergravens Boldklub" in the
            # sentences: the association's name in full wins
            (a, first_a), (b, first_b) = candidates.pop(shorter), candidates[long]
            candidates[long] = (a + b, min(first_a, first_b))
        elif shorter is not None:
            (a, first_a), (b, first_b) = candidates.pop(long), candidates[shorter]
            candidates[shorter] = (a + b, min(first_a, first_b))


# a name announced for the business: "Den kommer til at hedde Kaptajnens Kiosk", "Salonen vil hedde Klip & Krøl", "It
# is going to be called Harbour Hot Dogs"; "den", "det", "it", "vi" and "we" stand for a business the text names just
# before (or that a CVR right after registers); a name needs its capitals ("Vi kommer til at hedde noget andet")
_TO_BE_CALLED = re.compile(r"(?i:(?<![\w])(?:kommer[ \t]til[ \t]at[ \t]hedde|skal[ \t]hedde|vil[ \t]hedde"
                           r"|will[ \t]be[ \t](?:called|named)|going[ \t]to[ \t]be[ \t](?:called|named)))"
                           rf"[ \t]{{1,3}}(?P<v>{_NAME_RUN})")
# who will have the name, right before the verb
_TO_BE_CALLED_SUBJECT = re.compile(
    rf"(?i:(?<![\w])(?:(?P<pronoun>den|det|it|vi|we)|(?:the|our|my|vores|min|mit)[ \t](?:(?:new|nye|nyt|ny|lille"
    rf"|little|small)[ \t])?(?:{_BUSINESS_NOUN}|association|club|forening|klub)|{_BUSINESS_THE}|foreningen|klubben)"
    r"(?:[ \t](?:is|are)|['’](?:s|re))?[ \t]\Z)")
# (in a word of its own or at the end of one: "kaffebaren", "frisørsalon"; not the adjective "holdbar")
_BUSINESS_BEFORE = re.compile(r"(?i:\b(?:\w*(?:café|cafe|kiosk|butik|salon|bageri|restaurant|shop|værksted|klinik"
                              rf"|kaffebar|vinbar|cocktailbar|ølbar|juicebar|bodega)|{_BUSINESS_NOUN})"
                              r"(?:en|et|ken|len|s)?\b)")


def _to_be_called(text: str) -> Iterator[re.Match[str]]:
    """The names the text says its business will have (``_TO_BE_CALLED``)."""
    for m in islice(_TO_BE_CALLED.finditer(text), MAX_CANDIDATES):
        subject = _TO_BE_CALLED_SUBJECT.search(text, max(0, m.start() - 50), m.start())
        if subject and (not subject.group("pronoun")
                        or _BUSINESS_BEFORE.search(text, max(0, m.start() - 300), m.start())
                        or _CVR_NEAR.search(text, m.end(), m.end() + 80)):
            yield m


# the opening sentence's subject, a business by its trade word ("Café Grøn Gren vil gerne søge ...", "Harbour Lane
# Bakery would like to apply ...") or an organisation of another's ("Ansgars Kirkes menighedsråd holder ..."), then
# its verb
_OPENING_SUBJECT = re.compile(rf"[ \t]*(?P<v>{_NAME_RUN}(?:[ \t](?P<council>menighedsråd|støtteforening"
                              r"|venneforening|forældreforening|beboerforening))?)[ \t]{1,2}(?=[a-zæøå])")
_TRADE_WORD = re.compile(rf"(?i)\w*{_BUSINESS_NOUN}(?:en|et|ken|len)?")
_GREETING_LINE = re.compile(r"(?i)(?:hej|hejsa|hi|hello|kære|dear|goddag|god[ \t]dag|godmorgen|good[ \t]morning"
                            r"|good[ \t]afternoon|halløj|hallo|til|to|attn)\b[^\n]{0,60}")


def _opening_subject(text: str) -> Iterator[Candidate]:
    """The business that is the subject of the opening sentence, named again in the signature (itself, or as the one
    whose organisation it is: "Ansgars Kirke" under "Ansgars Kirkes menighedsråd")."""
    start = _opening(text)
    m = _OPENING_SUBJECT.match(text, start) if start is not None else None
    if not m or " " not in m.group("v"):
        return
    name, words = m.group("v"), m.group("v").split()
    if m.group("council"):
        owner = " ".join(words[:-1])[:-1]                       # "Ansgars Kirkes menighedsråd": "Ansgars Kirke"
    elif _TRADE_WORD.fullmatch(words[0]) or _TRADE_WORD.fullmatch(words[-1]):
        owner = name
    else:
        return
    signed = {line.casefold() for line in _signature_organisations(text.split("\n"))}
    if name.casefold() in signed or owner.casefold() in signed:
        yield name, m.start("v"), m.end("v"), 2


def _opening(text: str) -> int | None:
    """Where the opening sentence starts: the first line of the text, or the next after a greeting's."""
    lines = [(m.start(), m.group(0)) for m in islice(re.finditer(r"[^\n]*\S[^\n]*", text), 2)]
    if lines and _GREETING_LINE.fullmatch(lines[0][1].strip()):
        lines = lines[1:]
    return lines[0][0] if lines else None


def _candidates(text: str) -> Iterator[Candidate]:
    """(name, start, end, score of its own evidence) for every possible company name."""
    for m in _ending_before(_SUFFIX_AT, _ENDING_IN_SUFFIX, text, end_of_match=True):
        name = clean_company(m.group("v"), named=_NAMING_VERB.search(text, max(0, m.start("v") - 30),
                                                                     m.start("v")) is not None)
        if name:
            yield name, m.start("v"), m.end("v"), 3 + (2 if _INTRO.search(text[max(0, m.start() - 40):m.end()]) else 0)
    yield from _plain_candidates(text, _ending_before(_SOLE_TRADER_WORD, _ENDING_IN_NAME_AS, text), 2)
    yield from _plain_candidates(text, (m for m in _ending_before(_CVR_AFTER, _ENDING_IN_NAME, text)
                                        if _looks_like_business(m.group("v"))
                                        or _after_the_person(text, m.start("v"), m.group("v"))), 1)
    organisations = (m for m in islice(_ORGANISATION.finditer(text), MAX_CANDIDATES)
                     if not _PLACE_BEFORE.search(text, max(0, m.start() - 25), m.start()))
    yield from _plain_candidates(text, islice(_INTRO.finditer(text), MAX_CANDIDATES), 2)
    yield from _plain_candidates(text, _to_be_called(text), 2)
    yield from _opening_subject(text)
    called = list(islice(_CALLED_IN_LOWER_CASE.finditer(text), MAX_CANDIDATES))
    yield from _plain_candidates(text, (m for m in called if not m.group("ran")), 2)
    # with its CVR beside it, and more than one word ("vi driver caféen sammen, CVR ...": no name)
    yield from _plain_candidates(text, (m for m in called if m.group("ran") and " " in m.group("v")), 0)
    for m in islice(_LOWER_CASE_FORM.finditer(text), MAX_CANDIDATES):
        value, start = m.group("v"), m.start("v")
        town = _town_after_postcode(text, start, value)
        value, start = value[town:], start + town
        role = _LOWER_ROLE.match(value)
        yield " ".join(value[role.end() if role else 0:].split()), start, m.end("v"), 3
    yield from _plain_candidates(text, islice(_OWNED_BY.finditer(text), MAX_CANDIDATES), 2)
    yield from _plain_candidates(text, islice(_SAID_TO_BE.finditer(text), MAX_CANDIDATES), 2)
    yield from _plain_candidates(text, islice(_IS_A_CLUB.finditer(text), MAX_CANDIDATES), 2)
    yield from _plain_candidates(text, islice(_RENAMED_TO.finditer(text), MAX_CANDIDATES), 2)
    yield from _plain_candidates(text, organisations, 2)
    yield from _plain_candidates(text, islice(_WE_ARE.finditer(text), MAX_CANDIDATES), 0)
    for m in islice(_QUOTED_NAME.finditer(text), MAX_CANDIDATES):
        if _NAMING_WORD_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            name = " ".join(f"{m.group('v')} {m.group('form') or ''}".split())
            yield name, m.start("v"), m.end(), 3 if m.group("form") else 2
    for m in islice(_FORM_FIRST.finditer(text), MAX_CANDIDATES):
        age = _AGE_AT_END.search(m.group("v")) if _YEARS_NEXT.match(text, m.end("v")) else None
        yield (m.group("v")[:age.start()], m.start("v"), m.start("v") + age.start(), 3) if age else (
            m.group("v"), m.start("v"), m.end("v"), 3)
    for m in islice(_BRANCH_OF.finditer(text), MAX_CANDIDATES):
        # (over the parent named inside it: "On behalf of Budmax Danmark, filial af Budmax Sp. z o.o.")
        yield m.group("v"), m.start("v"), m.end("v"), 6
    # the adviser's client with its CVR over the adviser's own firm in the signature; the CVR may come in a sentence
    # of its own ("Jeg er revisor for Frisør Saks & Co, som ejes af ... Salonen ... har CVR-nr. ..."), not in another
    # text (the attached papers name the client in full)
    any_cvr = _CVR_NEAR.search(text) is not None
    for m in islice(_ADVISER_FOR.finditer(text), MAX_CANDIDATES):
        near = _near_cvr(text, m.start("v"), m.end("v"))
        if near or any_cvr:
            yield from _plain_candidates(text, [m], 4 if near else 2)
    heads = [m for m in [_LETTERHEAD.match(text)] if m] + list(islice(_BLOCK_ABOVE_CVR.finditer(text), MAX_CANDIDATES))
    for head in heads:
        if _looks_like_business(head.group("v")) and not _TITLE_LINE.match(head.group("v")):
            yield head.group("v"), head.start("v"), head.end("v"), 1
    for m in islice(_NAME_BEFORE_ADDRESS.finditer(text), MAX_CANDIDATES):
        if _business_block(text, m):
            yield m.group("v"), m.start("v"), m.end("v"), 1
    # a sole trader's business on its line, its owner's "v/ Jens Kofoed" on the next ("Jens Kofoed VVS\nv/ Jens
    # Kofoed"): the business's name, though it holds his
    for m in islice(_ABOVE_ITS_OWNER.finditer(text), MAX_CANDIDATES):
        if m.group("v") != m.group("p") and not _TITLE_LINE.match(m.group("v")):
            yield m.group("v"), m.start("v"), m.end("v"), 3


_ABOVE_ITS_OWNER = re.compile(rf"(?m)^[ \t]*(?P<v>{_NAME_RUN})[ \t]*\n"
                              rf"[ \t]*(?i:v/|ved)[ \t]{{0,2}}(?P<p>{_NAME})[ \t]*$")


# a name with a street address right after it, on the same line after a separator ("Smørrebrødshuset Sønderbro ·
# Sønder Boulevard 72 · 1720 København V · CVR ...", "Blomsterbutikken Valmue - Frederikssundsvej 56 - ...") or on the
# next line ("Malerfirma Jens Kok / Hulgårdsvej 40, 3. th / 2400 København NV / CVR ...")
_NAME_BEFORE_ADDRESS = re.compile(rf"(?m)(?:^|(?<=[·|•–-][ \t]))[ \t]*(?P<v>{_NAME_RUN})"
                                  r"(?:[ \t]+[·|•–-][ \t]+|[ \t]*\n[ \t]*)(?=[A-ZÆØÅ])")
_CVR_WORD = re.compile(r"\bCVR\b")
# a label or a greeting before an address, no name: "Adresse", "Site", "Kontakt", "Mvh"
_BLOCK_LABEL = re.compile(r"(?i)(?:\w*adresse|address|site|placering|location|kontakt|contact|ansøger|applicant"
                          r"|afsender|sender|firma|company|kunde|client|bygherre|mvh|vh|hilsen|regards|tak"
                          r"|thanks)\b")


def _business_block(text: str, m: re.Match[str]) -> bool:
    """A business's block of its own details: a name that is no person's nor a label, its street address right after
    it and a CVR on the lines that follow. A line of words above the name may be the block's name ("Sankt Stefans
    Kirke / Menighedsrådet / Nørrebrogade 191"): the block's first line is left to the letterhead's rule."""
    name = m.group("v")
    if (not ADDRESS.match(text, m.end()) or re.search(r"\d", name) or _TITLE_LINE.match(name)
            or _BLOCK_LABEL.match(name) or name.lower() in towns() or _couple(name)
            or looks_like_person(name) and not (_DEFINITE_NOUN.fullmatch(name.split()[0])
                                                or _TRADE.fullmatch(name.split()[0].lower()))):
        return False        # a person's or a couple's name (but "Isenkræmmeren Brønshøj", "Malerfirma Jens Kok")
    above = text[max(0, m.start() - 200):m.start()].rstrip(" \t").rsplit("\n", 2)
    line_above = above[-2].strip() if len(above) >= 2 and not above[-1].strip() else ""
    if re.search(r"[^\W\d_]", line_above) and not line_above.endswith(":") and not looks_like_person(line_above):
        return False
    lines_after = text[m.end():m.end() + 400].split("\n", 4)[:4]
    return any(_CVR_WORD.search(line) for line in lines_after)


# a name the writer says in an aside is an association or a business ("vi er nogle unge fra NV Unge (det er en
# forening, ...)", "Hooked Cph (it's a small company)"), or a business renamed ("har omdøbt den til Salon Birk")
_SAID_TO_BE = re.compile(rf"(?<![\w])(?P<v>{_NAME_RUN})[ \t]{{0,2}}\((?i:det[ \t]er|som[ \t]er|it['’]s|it[ \t]is"
                         r"|which[ \t]is)[ \t]{1,2}(?i:en|et|a|an|vores|our)[ \t]{1,2}(?:[\w-]+[ \t]{1,2}){0,2}?"
                         r"(?i:\w*forening|\w*klub|club|association|society|firma|virksomhed|company|business)\b")
# a sentence that opens with the name and says it is a club or an association: "Copenhagen Expat Runners is a small
# non-profit running club", "Amager Strikkeklub er en forening for ..." (more than one word: "Vi er en forening")
# (not a greeting's: "Kære Københavns Kommune. Vi er en lille forening")
_IS_A_CLUB = re.compile(rf"(?:\A|(?<=\n)|(?<=[.!?][ \t]))"
                        r"(?!(?i:the|this|our|det|den|vores|it|kære|dear|hej|hi|hello)\b)"
                        rf"(?P<v>{_CAP_TOKEN}(?:[ \t]{{1,2}}(?:(?:{_JOINER})[ \t]{{0,2}})?{_CAP_TOKEN}){{1,5}})"
                        r"(?<![.,:;])[ \t]{1,2}(?i:is|er)[ \t](?i:en|et|a|an)[ \t](?:[\w-]+[ \t]){0,3}?"
                        r"(?i:\w*forening|\w*klub|club|association|society)\b")
_RENAMED_TO = re.compile(rf"(?i:\b(?:omdøbt|omdøber|renamed|renaming)(?:[ \t]\w+){{0,2}}?[ \t](?:til|to))[ \t]{{1,2}}"
                         rf"(?P<v>{_NAME_RUN})")


# the verb that names a business right before its name: "Selskabet hedder Hos Lis ApS", "is called For Fun ApS"
_NAMING_VERB = re.compile(r"(?i:\b(?:hedder|hedde|is[ \t]called|is[ \t]named|be[ \t]called|be[ \t]named"
                          r"|under[ \t]navnet|under[ \t]the[ \t]name))"
                          r"[ \t]{1,3}\Z")
# a name written in lower case after the words that name it: "en lille enkeltmandsvirksomhed, der hedder søde sager
# by sanne, hvor ...", "our shop is called blomst & bi." (not "firmaet hedder det samme")
# (or after "jeg driver frisørsalonen", with a CVR right after it: "Jeg driver frisørsalonen hår & co, CVR ...")
_CALLED_IN_LOWER_CASE = re.compile(
    rf"(?i:\b(?:{_BUSINESS_NOUN}|{_BUSINESS_THE}|forening(?:en)?|klub(?:ben)?|club|association|society|selskab(?:et)?)"
    rf"(?:,?[ \t](?:der|som|that|which))?[ \t](?:hedder|is[ \t]called|is[ \t]named|called|named)"
    rf"|\b(?:min|mit|vores|my|our)[ \t]{_BUSINESS_NOUN}[ \t](?:hedder|is[ \t]called|is[ \t]named)"
    rf"|\bunder[ \t](?:navnet|the[ \t]name)"
    rf"|(?P<ran>\b(?:jeg|vi|og)[ \t](?:driver|ejer)[ \t]{_BUSINESS_THE}))[ \t]{{1,3}}"
    r"(?P<v>(?!(?:det|den|de|ikke|også|nu|endnu|stadig|bare|noget|sammen|selv|alene|her|der|the|not|also|still|now"
    r"|just|it|a|an|en|et|something|together|alone|here|there"
    # ("we run it under the name below", "under navnet nedenfor": the name written elsewhere)
    r"|below|above|nedenfor|nedenunder|ovenfor|herunder|heroppe)"
    r"\b)[a-zæøå][\w&'’\-]*(?:[ \t][a-zæøå0-9&][\w&'’\-]*){0,4})(?=[ \t]*(?:[,.;:(!?]|$))", re.MULTILINE)
# a company written in lower case, its legal form too, with its CVR after it: "Arbejdet udføres af os selv, nordvest
# kloak & anlæg aps, CVR 28206682" (the name starts a line, or after a comma, a colon or "vi er")
# (or a hurried mail's details run together: after a sentence's end or a number, "... facaderenovering. murerfirmaet
# k. poulsen & søn aps cvr ...", "bo mikkelsen 27 31 09 58 mikkelsens vvs & blik aps cvr ...")
_LOWER_CASE_FORM = re.compile(r"(?:^|(?<=[,:;(])|(?<=[.!?)][ \t])|(?<=\d[ \t])|(?<=\bvi er)|(?<=\bwe are)|(?<=\bhedder)"
                              r"|(?<=\bis called))[ \t]*"
                              r"(?P<v>[a-zæøå][\w&'’\-]*(?:[ \t]+(?:[a-zæøå]\.|[a-zæøå0-9&][\w&'’\-]*)){0,4}[ \t]+"
                              r"(?:aps|a/s|i/s|ivs|k/s|p/s"
                              # (a sole trader's name and its owner's, the CVR on the line under it: "pizza roma
                              # vesterbro v/ahmad khalil" over "cvr 90605658")
                              r"|v/[ \t]?[a-zæøå][\w\-]+[ \t]+[a-zæøå][\w\-]+(?=[ \t]*\n[ \t]*(?i:cvr))))"
                              r"(?![\w/])(?=[ \t]*[,(]?[ \t]*\n?[ \t]*(?i:cvr)"
                              # (or its address and postcode on its line, the CVR on the next: "café lune aps,
                              # jægersborggade 14 st, 2200 kbh n" over "cvr 21697389")
                              r"|,[^\n]{3,60}?(?<!\d)[1-9]\d{3}(?!\d)[^\n]{0,30}\n[ \t]*(?i:cvr))", re.MULTILINE)
# the role a line gives before the name, no part of it: "entreprenør nordsjælland anlæg a/s cvr ..."
_LOWER_ROLE = re.compile(r"^(?:entreprenør|bygherre|ansøger|anmelder|arrangør|firma|firmaet|company"
                         r"|organi[sz]er)[ \t]+")


_POSTCODE_BEFORE = re.compile(r"(?<!\d)([1-9]\d{3})[ \t]{1,2}\Z")


def _town_after_postcode(text: str, start: int, value: str) -> int:
    """The length of the town that opens ``value`` after a postcode ("1750 kbh v. grill 58 aps": "kbh v. "), else 0."""
    pc = _POSTCODE_BEFORE.search(text, max(0, start - 8), start)
    found = postcode_town(pc.group(1), value, strict=True) if pc else None
    if not found:
        return 0
    rest = re.match(r"[ \t.,]*", value[found[2]:])
    return found[2] + (rest.end() if rest else 0)


# a name in quotes after the kind of business or a word that names it: 'caféen "Bønne & Bog" ApS', 'restaurant
# "Spisehuset 1876"', 'en kiosk som skal hedde "Kiosk 24/7"' (the quotes bound it; the noun is no part of it)
_QUOTED_NAME = re.compile(rf"(?<=[ \t])[\"“„](?P<v>[A-ZÆØÅ0-9][^\"“”„\n]{{1,50}}?)[\"”]"
                          rf"(?:[ \t]{{1,2}}(?P<form>{SUFFIX})(?![\w/]))?")
# ('Firmaet skal hedde "Mikkels Smoothies"', 'the stall will be called "X"': the name it is to have)
_NAMING_WORD_BEFORE = re.compile(rf"(?i:\b(?:{_BUSINESS_NOUN}|{_BUSINESS_THE})(?:[ \t](?:(?:der|som|that|which)[ \t])?"
                                 rf"(?:skal[ \t]|will[ \t]be[ \t]|is[ \t]|kommer[ \t]til[ \t]at[ \t])?"
                                 rf"(?:hedde|hedder|called|named))?)"
                                 rf"[ \t]{{1,2}}\Z")


# an owners' or a cooperative housing association, its legal form first: "E/F Classensgade 58", "A/B Kastanjegården"
_FORM_FIRST = re.compile(rf"(?<![\w/])(?P<v>(?:E/F|A/B)[ \t]{{1,2}}{_NAME_RUN})")
# "A/B Kertemindegården 50 år": the association's age after its name, no house number of it
_AGE_AT_END = re.compile(r"[ \t]+\d{1,3}\Z")
_YEARS_NEXT = re.compile(r"[ \t]+(?i:år|års|years?|-års)\b")


# a foreign company's Danish branch, the name its CVR is registered under: "Linnea Lund Danmark, filial af Linnea
# Lund AB"
# the writer's role for the business applying: "Jeg er revisor for Frisør Lykke v/ Camilla Lykke (CVR ...)",
# "We are the accountants for X"
_ADVISER_FOR = re.compile(rf"(?i:\b(?:jeg[ \t]er|vi[ \t]er|i[ \t]am|i['’]m|we[ \t]are|we['’]re|som|as)[ \t]"
                          rf"(?:the[ \t]|an?[ \t])?(?:revisor|accountant|auditor|bogholder|bookkeeper)\w*[ \t]for)"
                          rf"[ \t]{{1,3}}(?P<v>{_NAME_RUN})")
# the customer a contractor writes for, its details under a label: "på vegne af vores kunde ... Kunden er:\nBageriet
# Holmbladsgade ApS\nCVR-nr. ..."; "Client:\nX ApS" (with the words "on behalf of" in the text, ``_ON_BEHALF``)
_CLIENT_LABEL = re.compile(r"(?i)\b(?:kunden|klienten|kunde|klient|client|customer|the[ \t]client|the[ \t]customer)"
                           r"(?:[ \t](?:er|is))?[ \t]?:\s{0,4}\Z")
_ON_BEHALF = re.compile(r"(?i)\bpå[ \t]vegne[ \t]af[ \t](?:vores|min|vor)[ \t](?:kunde|klient)\b"
                        r"|\bon[ \t]behalf[ \t]of[ \t](?:our|my)[ \t](?:client|customer)\b")
# (the parent's country, when the registered name ends with it: "Bullbageriet AB, filial af Bullbageriet AB, Sverige")
_PARENT_COUNTRY = (r"Sverige|Sweden|Norge|Norway|Finland|Tyskland|Germany|Deutschland|Polen|Poland|Polska|England"
                   r"|Storbritannien|(?:the[ \t])?United[ \t]Kingdom|UK|Holland|Nederlandene|(?:the[ \t])?Netherlands"
                   r"|Frankrig|France|Spanien|Spain|Italien|Italy|Irland|Ireland|Island|Iceland|Estland|Estonia"
                   r"|Letland|Latvia|Litauen|Lithuania|Østrig|Austria|Schweiz|Switzerland|Belgien|Belgium")
_BRANCH_OF = re.compile(rf"(?<![\w])(?P<v>{_NAME_RUN},?[ \t]{{1,2}}(?i:(?:dansk[ \t])?filial[ \t]af)"
                        rf"[ \t]{{1,2}}{_NAME_RUN}[ \t]+{SUFFIX}(?:,[ \t]{{1,2}}(?:{_PARENT_COUNTRY}))?"
                        # or the parent's name with the branch's word after it, the name the branch is registered
                        # under: "Byggmästare Nord AB, filial Danmark, applies for ..." (not "X AB (dansk filial)")
                        rf"|{_CAP_TOKEN}(?:[ \t]+(?:{_JOINER}|{_CAP_TOKEN})){{0,5}}[ \t]+{SUFFIX},?[ \t]{{1,2}}"
                        r"(?:filial[ \t]+(?:i[ \t]+)?Danmark|Danmark[ \t]+filial))"
                        r"(?![\w/])")


# the first line of a letterhead whose next lines give a CVR: "Sankt Stefans Kirke / Menighedsrådet / ... / CVR ..."
_LETTERHEAD = re.compile(r"\A\s{0,20}(?!(?i:hej|hi|hello|kære|dear|goddag|til|to|vedr|re|ansøgning|application)\b)"
                         # "Cykelværkstedet på Hjørnet": small words may join the capitalised ones
                         r"(?P<v>[A-ZÆØÅ][^\W\d_]{1,30}(?:[ \t]{1,2}(?:(?:&|på|i|ved|of|the|on)[ \t])?"
                         r"[A-ZÆØÅ][^\W\d_]{1,30}){1,4})"
                         r"(?:[ \t]*\n(?:[^\n]{0,80}\n){0,4}?[^\n]{0,40}\bCVR\b"
                         r"|[ \t]{1,3}[·|•][^\n]{0,120}\bCVR\b"          # "Vinduesmester Thomsen · Vej 12 · CVR ..."
                         # or its street and postcode lines: "Trattoria Amalfi / Sønder Boulevard 58, st. / 1720
                         # København V"
                         r"|[ \t]*\n[ \t]*[A-ZÆØÅ][^\n\d]{2,40}[ \t]\d{1,4}[^\n]{0,20}\n"
                         r"[ \t]*(?:DK-)?\d{4}[ \t]+[A-ZÆØÅ])")

# a block of the signature that opens with the business's name and gives its CVR on the next line: "Blomster ved Birte
# / CVR 77144803 / Fensmarkgade 8, 2200 København N"
# (or under a heading line, "Menighedsrådets oplysninger:\nSankt Mortens Kirkes Menighedsråd\nCVR ...", or with the
# person who receives its post below it: "Our address:\nCopenhagen Irish Cultural Society\nc/o Siobhán Byrne"; a
# plural's apostrophe in it: "Ørestad International Students' Association")
_BLOCK_ABOVE_CVR = re.compile(r"(?:\A|\n[ \t]*\n|:[ \t]*\n)[ \t]*(?P<v>[A-ZÆØÅ][^\W\d_]{1,30}(?:[ \t]{1,2}"
                              r"(?:(?:&|på|i|ved|hos|of|the|on|by)[ \t])?[A-ZÆØÅ]"
                              r"(?:[^\W\d_]|['’](?=s\b)|(?<=s)['’](?=[ \t])){1,30}){1,4})"
                              # ("Jesper Mørk Tømrer & Snedker / cvr 76393001": the label typed in lower case)
                              r"[ \t]*\n[ \t]*(?:(?i:cvr)\b|c/o[ \t])")


def _ending_before(marker: re.Pattern[str], ending: re.Pattern[str], text: str,
                   end_of_match: bool = False) -> Iterator[re.Match[str]]:
    """Names that end at each marker (a legal form, "enkeltmandsvirksomhed"): found from the marker, so that
    only the few places with a marker are read backwards, never every capitalised word."""
    for mark in islice(marker.finditer(text), MAX_CANDIDATES):
        end = mark.end() if end_of_match else mark.start()
        m = ending.search(text, max(0, end - 300), end)
        if m:
            yield m


def _plain_candidates(text: str, matches: Iterable[re.Match[str]], score: int) -> Iterator[Candidate]:
    """Names without a legal form: an introduction is evidence enough, "vi er X" needs a CVR next to it."""
    for m in matches:
        if re.search(SUFFIX + r"\.?$", m.group("v")):
            continue                                      # found above with its legal form
        name, start = _clean_plain(m.group("v")), m.start("v")
        noun = _NOUN_BEFORE.search(text, max(0, start - 20), start)
        if name and noun:                               # "der ejer Café Sigurd": the noun is a part of the name
            name, start = f"{noun.group(1)} {name}", noun.start(1)
        if name and _ORG_WORD.search(name):
            score = max(score, 2)                       # "the Istedgade Traders Association"
        if name and (score or _near_cvr(text, start, m.end("v"))):
            yield name, start, m.end("v"), max(score, 1)


# a business noun written with a capital right before a name that an introduction found ("ejer Café Sigurd")
_NOUN_BEFORE = re.compile(r"(?<![\w])(Café|Cafe|Restaurant|Bistro|Brasserie|Kiosk|Bar|Bageri|Salon|Pizzeria|Grill"
                          r"|Butik|Shop|Barbershop)[ \t]\Z")


_TRADE = re.compile(r"\w*(?:tømrer|murer|maler|snedker|smed|vvs|elektriker|guldsmed|frisør|bager|slagter|urmager"
                    r"|glarmester|kloakmester|anlægsgartner|gartner|skomager|skrædder|optiker|tandlæge|fysioterapeut)"
                    r"(?:mester|firma|forretning)?")


# a noun in its definite form ("Børneteatret", "Jazzklubben", "Blomsterboden"), not a first name or a -sen surname
# (nor a first name that ends so: "Mehmet Yilmaz", "Janet Holm")
_DEFINITE_NOUN = re.compile(r"(?!(?i:mehmet|ahmet|janet|margaret|margret|harriet|juliet|bridget|emmet|everett|garrett"
                            r"|brett|bret)\b)(?:\w+et|\w{7,}(?<!s)en)")


def _looks_like_business(name: str) -> bool:
    """A name written just before its CVR that is not a town, a street or a person ("Børneteatret Trylle (CVR ...)")."""
    words = name.split()
    return (not any(w.lower() in towns() for w in words[-2:]) and not re.search(r"\d", name)
            and not re.search(r"(?i)(?:gade|vej|allé|plads|torv|boulevard)$", name)
            and (not looks_like_person(name) or _DEFINITE_NOUN.fullmatch(words[0]) is not None  # not "Søren"
                 or _TRADE.fullmatch(words[0].lower()) is not None))          # "Tømrer Nygaard"


# a signature line that names the person, then the business before its CVR: "Lars Brandt, Brandts Grønt, cvr ..."
_PERSON_THEN = re.compile(r"(?:\A|\n)[ \t]*(?P<p>[A-ZÆØÅ][\w-]+(?:[ \t][A-ZÆØÅ][\w-]+){1,2}),[ \t]{1,2}\Z")


def _after_the_person(text: str, start: int, name: str) -> bool:
    """The name before a CVR follows the person's own on its line, so it is the business's, though it reads as a
    person's ("Lars Brandt, Brandts Grønt, cvr 95363725")."""
    m = _PERSON_THEN.search(text, max(0, start - 60), start)
    words = name.split()
    return (m is not None and looks_like_person(m.group("p")) and m.group("p") != name
            and not any(w.lower() in towns() for w in words) and not re.search(r"\d", name))


def names_a_business(name: str) -> bool:
    """A legal form, or a name that is no person's: "Tømrerfirmaet Birk", "Kiosk 24", "E/F Wesselsgade 4-6", not
    "Anders Birk"."""
    return (bool(re.search(SUFFIX + r"\.?(?:$|[\s,(])", name)) or _FORM_FIRST.match(name) is not None
            or _looks_like_business(name))


def _near_cvr(text: str, start: int, end: int) -> int:
    """1 when a CVR number is written just after (or just before) the name: the tie-breaker."""
    if _CVR_NEAR.search(text[end:end + 40]) or _CVR_NEAR.search(text[max(0, start - 25):start]):
        return 1
    aside = _ASIDE.match(text, end, end + 120)            # "Kindred Coffee (no ApS yet, sole trader, CVR ...)"
    return 1 if aside and _CVR_NEAR.search(aside.group(0)) else 0


_ASIDE = re.compile(r"[ \t]{0,2}\([^()\n]{0,110}")


# ---------------------------------------------------------------- people and signatures

def signature_name(lines: list[str]) -> str | None:
    """The name after (or on) the last valediction line."""
    found = _signature(lines)
    return found[0] if found else None


MAX_VALEDICTIONS = 20      # the signature is near the end: a text of nothing but greetings is not searched through

_TITLE_WORD_BEFORE = re.compile(r"^\s*(?:\w*chef|\w*leder|indehaver|ejer|direktør|formand|tandlæge|advokat"
                                r"|manager|owner|director|\w*værge|\w*mester|dr\.|mr\.|mrs\.|ms\.|prof\.)\s+"
                                r"(?=[A-ZÆØÅ])", re.IGNORECASE)


# a nickname in quotes or brackets between the first name and the surname: 'Kenneth "Kenny" Dahl', or after the
# name: "Nguyễn Thị Thảo (Thao)"
_NICKNAME = re.compile(r"(?<=\w)[ \t]+[\"“(][A-ZÆØÅ][\w\-]{1,20}[\"”)](?=[ \t]+[A-ZÆØÅ])"
                       r"|(?<=\w)[ \t]+[\"“(][A-ZÆØÅ][a-zæøå][\w\-]{0,19}[\"”)][ \t]*$")   # (not "(CEO)")


# the name one goes by, then the full name in brackets: "Peter (Piotr Wiśniewski)", "Thuy (Nguyen Thi Thuy)"
_NAME_IN_BRACKETS = re.compile(rf"^\s*{_NAME_TOKEN}[ \t]*\((?P<v>{_NAME})\)[ \t]*$")


def _signature(lines: list[str]) -> tuple[str, list[str]] | None:
    """(name, the lines after the name) of the signature below the last valediction line."""
    tried = 0
    for i in range(len(lines) - 1, -1, -1):
        m = _VALEDICTION.match(lines[i]) if len(lines[i]) <= 80 else None
        if not m:
            continue
        tried += 1
        if tried > MAX_VALEDICTIONS:
            break
        rest = next((g for g in m.groups() if g), "").strip(" ,.")
        following = [ln.strip() for ln in lines[i + 1:i + 8] if ln.strip()]
        candidates = ([(rest, following)] if rest else []) + ([(following[0], following[1:])] if following else [])
        if len(following) > 1 and following[0].upper() == following[0] and re.search(r"[^\W\d_]{2}", following[0]):
            candidates.append((following[1], following[2:]))    # a logo's line in capitals first: "BLOMST & BØNNE"
        for cand, after in candidates:
            cand = _TITLE_WORD_BEFORE.sub("", cand)
            full = _NAME_IN_BRACKETS.match(cand) if len(cand) <= 80 else None
            if full and looks_like_person(full.group("v")):
                return full.group("v"), after       # "Peter (Piotr Wiśniewski)": the name in full, in brackets
            cand = _NICKNAME.sub("", cand)
            couple = _couple_signed(cand, after)
            if couple:
                return couple, after
            nm = _NAME_LINE.match(cand) if len(cand) <= 200 else None
            # (before a dash, a person's name: "Ahmed bin Salim - Founder - ...", not the business's own line under
            # the "--" of a signature, "Blomsterbutikken Valmue - Frederikssundsvej 56 - ...")
            if (nm and looks_like_name(nm.group("v"))
                    and not (cand[nm.end("v"):].lstrip(" ,")[:1] in ("-", "–")
                             and ADDRESS.match(cand[nm.end("v"):].lstrip(" ,-–")))):
                return nm.group("v"), after
            if _signed_in_lower_case(cand, lines):
                return cand.capitalize(), after
            if full_name := _full_name_in_lower_case(cand, lines):
                return full_name, after
    return _slash_signature(lines) or _inline_valediction(lines)


def _signed_in_lower_case(cand: str, lines: list[str]) -> bool:
    """A first name signed in lower case ("hilsen hanne") that the text writes as a name in full ("Kaffebaren v/
    Hanne Vig")."""
    if not re.fullmatch(rf"[a-zæøå][{_LOWER}]{{1,20}}", cand) or not looks_like_name(cand.capitalize()):
        return False
    return any(re.search(rf"\b{cand.capitalize()}[ \t][A-ZÆØÅ][{_LOWER}]", ln) for ln in lines)


def _full_name_in_lower_case(cand: str, lines: list[str]) -> str | None:
    """A full name signed in lower case ("giulia romano" under "thanks!!") whose first name the text writes as a
    name ("I'm Giulia, I make gelato"): the name, capitalised."""
    if not re.fullmatch(rf"[a-zæøå][{_LOWER}]{{1,20}}[ \t][a-zæøå][{_LOWER}\-]{{1,25}}", cand):
        return None
    name = " ".join(w.capitalize() for w in cand.split())
    first = name.split()[0]
    if not looks_like_person(name) or not any(re.search(rf"\b{first}\b", ln) for ln in lines):
        return None
    return name


# two people signing together: "Rikke Holt og Anders Frandsen", "Sara og Mads Holm", "Nkechi Okafor and Daniel Mensah"
_COUPLE_LINE = re.compile(rf"^\s*(?P<a>{_NAME})[ \t]+(?:og|and|&)[ \t]+(?P<b>{_NAME})[ \t]*[,.]?[ \t]*$")


def _couple(line: str) -> tuple[str, str] | None:
    """Two people signing together, in full: the first with the surname they share when signed by the first name
    alone ("Sara og Mads Holm": Sara Holm, Mads Holm). Two first names alone ("Mikkel & Rasmus") name no one in full."""
    m = _COUPLE_LINE.match(line) if len(line) <= 120 else None
    if not m or not looks_like_person(m.group("b")):
        return None
    first, second = m.group("a"), m.group("b")
    if _BUSINESS_NAME_WORD.search(line):
        return None                             # "Holm & Vestergaard Advokatpartnerselskab", "Nielsen & Søn Tømrer"
    if " " not in first:
        first = f"{first} {second.split(' ', 1)[1]}"
    return (first, second) if looks_like_person(first) else None


# a word of a business's name that joins its founders' names ("Holm & Vestergaard Advokatpartnerselskab")
_BUSINESS_NAME_WORD = re.compile(rf"(?i)\b(?:\w*selskab\w*|søn|sønner|sons?|co|partnere?|partners|brødrene|brothers"
                                 rf"|{_TRADE.pattern})\b")


def _couple_signed(line: str, after: list[str]) -> str | None:
    """The first of two people signing together, or the one of them who also signs alone on a line below."""
    couple = _couple(line)
    return next((ln for ln in after if ln in couple), couple[0]) if couple else None


def signed_together(text: str) -> tuple[str, str] | None:
    """The two people who sign ``text`` together on one line of its signature ("Mvh / Rikke Holt og Anders
    Frandsen"), if they do."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][-8:]
    for i, line in enumerate(lines):
        m = _VALEDICTION.match(line) if len(line) <= 80 else None
        rest = next((g for g in m.groups() if g), "").strip(" ,.") if m else ""
        for cand in ([rest] if rest else []) + (lines[i + 1:i + 2] if m else []):
            couple = _couple(_TITLE_WORD_BEFORE.sub("", cand))
            if couple:
                return couple
    return None


_INLINE_VALEDICTION = re.compile(rf"(?i:\b(?:mvh|vh|venlig hilsen|hilsen|best regards|kind regards|regards))[.,]?[ \t]+"
                                 rf"(?P<v>{_NAME})")


def _inline_valediction(lines: list[str]) -> tuple[str, list[str]] | None:
    """ "... Mvh Linh Nguyen 71 20 93 54" at the end of a one-paragraph mail."""
    for line in [ln for ln in lines if ln.strip()][-2:]:
        m = _INLINE_VALEDICTION.search(line[-200:])
        if m and looks_like_name(m.group("v")):
            return m.group("v"), []
    return None


def _closing_name(lines: list[str]) -> str | None:
    """A person's name alone on one of the last lines, signed without a valediction."""
    if len([ln for ln in lines if ln.strip()]) < 3:
        return None                                     # a subject or a one-line note, not a letter
    lines = _without_the_last_words(lines)
    # a role before the name ("Byggeleder Rasmus Friis") is no part of it
    last = [_TITLE_WORD_BEFORE.sub("", ln.strip()) for ln in lines[-6:] if ln.strip()][-3:]
    return next((ln for ln in last if len(ln) <= 40 and re.fullmatch(_NAME, ln) and looks_like_person(ln)), None)


# a last line of thanks alone ("tak!!", "Mange tak", "Thanks in advance"), below the name that signs
_THANKS_LINE = re.compile(r"(?i)(?:mange[ \t]+|tusind[ \t]+|many[ \t]+)?(?:tak|thanks|thank[ \t]+you|thx)"
                          r"(?:[ \t]+(?:på[ \t]+forhånd|in[ \t]+advance|for[ \t]+now))?[ \t!.:)]*")


def _without_the_last_words(lines: list[str]) -> list[str]:
    """The lines without those under the name that no one signs: a phone's "Sendt fra min iPhone" and a "tak!!" (the
    lines as they are when neither ends them)."""
    end, dropped = len(lines), 0
    while end > 0 and dropped < 3:
        line = lines[end - 1].strip()
        if line and not (len(line) <= 60 and (_DEVICE_LINE.match(line) or _THANKS_LINE.fullmatch(line))):
            break
        dropped += bool(line)
        end -= 1
    return lines[:end] if dropped else lines


def _slash_signature(lines: list[str]) -> tuple[str, list[str]] | None:
    """A closing "/Rikke Holm" line."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        m = re.match(rf"^\s*/\s?(?P<v>{_NAME})\s*$", lines[i]) if len(lines[i]) <= 80 else None
        if m and looks_like_name(m.group("v")):
            return m.group("v"), [ln.strip() for ln in lines[i + 1:i + 8] if ln.strip()]
    return None


def _signature_offset(text: str) -> int:
    lines = text.split("\n")
    offset = len(text)
    position = 0
    for line in lines:
        if len(line) <= 80 and _VALEDICTION.match(line):
            offset = position
        position += len(line) + 1
    return offset


# the line a mail program or a phone adds under the mail: "Sendt fra min iPhone", "Sent from my Galaxy", "Hentet fra
# Outlook til Android", "Get Outlook for iOS" (no business's name)
_DEVICE_LINE = re.compile(r"(?i)^(?:sendt|sent)[ \t]+(?:fra|from|via)[ \t]+(?:(?:min|mit|my|a|an)[ \t]+\w"
                          r"|(?:iphone|ipad|android|samsung|galaxy|outlook|mail|gmail|mobil|mobile)\b)"
                          r"|^(?:hentet[ \t]+fra|get)[ \t]+outlook\b")


def signature_company(lines: list[str]) -> str | None:
    """A company line under the signature name ("Indehaver, Krogh Keramik"); needs a CVR in the text."""
    for line in _signature_organisations(lines)[:2]:
        if _DEVICE_LINE.match(line):
            continue                            # "Sendt fra min iPhone" under the name
        if (3 <= len(line) <= 60 and re.match(r"[A-ZÆØÅ0-9]", line) and not re.search(r"[\d@:]|www\.|https?:", line)
                and not _TITLE_PREFIX.match(line + ",") and not _CONTACT_WORD.match(line)
                and not _TITLE_LINE.match(line)):
            return line
    return None


def _signature_organisations(lines: list[str]) -> list[str]:
    """The lines under the signature's name, each without the signer's title before or after it ("Kirkeværge,
    Ansgars Kirke", "Ansgars Kirke - kirkeværge"); a title alone is no line of an organisation."""
    found = _signature(lines)
    out = []
    for line in (found[1] if found else [])[:4]:
        line = _TITLE_PREFIX.sub("", line).strip(" ,.")
        parts = [p.strip(" ,.") for p in _ROLE_SEPARATOR.split(line, maxsplit=1)]
        if len(parts) == 2 and _a_role(parts[0]) != _a_role(parts[1]):
            line = parts[1] if _a_role(parts[0]) else parts[0]
        out.append("" if _a_role(line) else line)
    return out


_ROLE_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+[-–|][ \t]+")
# a role in a church or an association, besides a business's (``_TITLE_LINE``): "Kirkeværge", "Sognepræst", "Frivillig"
_CHURCH_OR_CLUB_ROLE = re.compile(r"(?i)\w*(?:værge|præst|graver|organist|kordegn|kirketjener|kirkesanger|medlem"
                                  r"|frivillig|volunteer|member)")


def _a_role(part: str) -> bool:
    """A title of a person, a word or two in lower case after the first ("Kirkeværge", "Daglig leder")."""
    words = part.split()
    return (1 <= len(words) <= 3 and not any(w[:1].isupper() for w in words[1:])
            and (_TITLE_LINE.match(part) is not None or any(_CHURCH_OR_CLUB_ROLE.fullmatch(w) for w in words)
                 or re.fullmatch(_TITLE_WORDS, words[-1], re.IGNORECASE) is not None))


_NAME_WITH_PHONE = re.compile(       # "Ida Holm, 26 14 88 02", "Ulla Ravn 26 51 44 09" (not "Periode | 1. maj")
    rf"^[ \t]*(?P<v>{_NAME})(?:[ \t]*[,|–\-/][ \t]*(?:(?:tlf|tel|telefon|mobil|mob|phone|mobile)\.?:?[ \t]*)?"
    rf"(?:\+|00)?\d\d[ \t]?\d\d|[ \t]{{1,3}}(?:\+45[ \t]?)?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]*$)",
    re.MULTILINE)


_I_AM = re.compile(rf"(?<![\w])(?i:i am|i['’]m|jeg er|this is)[ \t]{{1,2}}(?P<v>{_NAME})(?=[ \t]*(?:[,.(\n]|$"
                   rf"|(?i:og|and|from|fra|owner|ejer)\b))")


# a relative the writer names to be called instead ("ring til min søn Morten Jensen", "call my daughter X")
_RELATIVE = (r"søn|datter|mand|kone|hustru|kæreste|bror|søster|far|mor|nevø|niece|svigersøn|svigerdatter"
             r"|svoger|svigerinde|svigerfar|svigermor|fætter|kusine|onkel|moster|faster|morbror|farbror|bedstefar"
             r"|bedstemor|morfar|mormor|farfar|farmor|stedfar|stedmor|papfar"
             r"|son|daughter|husband|wife|partner|brother|sister|father|mother|nephew|cousin|uncle|aunt|dad|mum|mom"
             r"|grandfather|grandmother|stepfather|stepmother|(?:brother|sister|father|mother|son|daughter)-in-law")


RELATIVES = _RELATIVE      # (for the phones of others: "min mand Klaus kan også træffes på ...")


# a courtesy title before a name, no part of it: "Mr. Peter de Vries", "fru Karen Holm", "Dr. Ali Rahimi"
HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "hr", "fru", "frk", "herr", "frau", "mme", "mlle", "sr", "sra")
_HONORIFIC = rf"(?:(?i:{'|'.join(HONORIFICS)})\.?[ \t]{{1,2}}(?=[A-ZÆØÅ]))?"


# the space between words, or a line's end where a PDF's paragraph wraps ("rettes\nderfor til arkitekt ...")
_GAP = r"(?:[ \t]{1,3}|[ \t]?\n[ \t]?)"
# "Henvendelser bedes rettet til direktør Klaus Oberdorf", "Contact on the day: our crane operator Mads Vinther"
_CONTACT_BEFORE_NAME = re.compile(
    # ("Al henvendelse vedr. sagen bedes rettet til projektleder X": an abbreviation's dot among the words)
    rf"(?i:\b(?:henvendelse[r]?|spørgsmål|questions?|enquiries|inquiries)(?:[ \t]\w+\.?){{0,8}}?[ \t]"
    # ("Alle spørgsmål om affaldet skal gå til indehaveren, Ali Demir")
    rf"(?:rettes|rettet|stilles|sendes|sendt|be[ \t]directed|be[ \t]addressed|go|gå|går)"
    rf"(?:{_GAP}(?:direkte|directly|derfor|therefore|gerne|venligst))?{_GAP}(?:til|to)\b"
    rf"|\bspørg|\bask[ \t]for"
    # a list's "spørgsmål om selve byggeriet til vores facility manager X", "questions about the works to our X": the
    # person questions go to, the verb left out
    rf"|\b(?:spørgsmål|questions)[ \t](?:om|about|on|regarding)(?:[ \t][\w'’\-]+){{1,4}}?[ \t](?:til|to)"
    rf"(?=[ \t](?:vores|our|min|my)[ \t])"
    rf"|\b(?:contact[ \t]on[ \t]the[ \t]day|kontakt[ \t]på[ \t]dagen|day-to-day[ \t]contact|daglig[ \t]kontakt)[:,]?"
    # ("so pls contact my colleague Freya Holm on ...": the short form of "please")
    rf"|\b(?:please|pls|plz)[ \t]contact|\bkontakt(?:[ \t](?:derfor|dog|i[ \t]stedet))?[ \t](?:venligst|gerne)"
    # "please deal with our producer in Copenhagen, Mads Kjær", "please liaise with X"
    rf"|\b(?:please|pls)[ \t](?:deal|liaise|speak|talk)[ \t](?:with|to)"
    # "Please reply to our Danish shop manager Signe Holt", "svar venligst til vores butikschef X"
    rf"|\b(?:please[ \t])?(?:reply|respond)[ \t]to(?=[ \t](?:our|my|the)[ \t])"
    rf"|\bsvar(?:[ \t](?:venligst|gerne))?[ \t]til(?=[ \t](?:vores|min|mit)[ \t])"
    rf"|\b(?:for|ved)[ \t](?:\w+[ \t])?(?:questions|spørgsmål),?[ \t](?:contact|kontakt)"   # "For questions contact"
    # a bookkeeper "sender på vegne af indehaveren, Susanne Frost": the owner is the one to contact
    rf"|\b(?:på[ \t]vegne[ \t]af[ \t](?:indehaveren|ejeren)|on[ \t]behalf[ \t]of[ \t]the[ \t]owner),?"
    # "Kontakt mig Harpreet Singh 52 ...", "contact me, X", "så kontakt hende: Louise Frandsen"
    rf"|\b(?:kontakt|contact)[ \t](?:mig|me|hende|ham|her|him)[ \t]?[,:]?"
    # "Please direct any questions to", "Please address questions and correspondence to", "Please direct any replies
    # to our chair, X"
    rf"|\b(?:please[ \t])?(?:direct|address|send)[ \t](?:any[ \t]|all[ \t]|your[ \t])?(?:\w+[ \t]){{0,2}}?"
    rf"(?:questions|enquiries|inquiries|correspondence|replies|answers)"
    rf"(?:[ \t](?:and|og)[ \t](?:questions|enquiries|inquiries"
    rf"|correspondence))?"
    # "please send questions about the permit and the traffic signage plan to their project manager, Søren Falk"
    rf"(?:[ \t](?:about|on|regarding|concerning)(?:[ \t][\w'’\-]+){{1,8}}?)?[ \t]to"
    # "I'm the contact for this: Hannah Schultz", "Jeg er kontaktperson i sagen: X", "Det er Mikkel selv, der er
    # kontaktperson: Mikkel Kjærsgaard", "It is my son who is the contact: X"
    rf"|\b(?:i['’]m|i[ \t]am|jeg[ \t]er|der[ \t]er|som[ \t]er|who[ \t]is|who['’]s)[ \t](?:the[ \t]|your[ \t])?"
    rf"(?:contact(?:[ \t]person)?|kontakt(?:person)?)"
    rf"(?:[ \t](?:for|på|i|in|on)[ \t]\w+(?:[ \t]\w+)?)?[ \t]?:"
    rf"|\b(?:spørgsmål|questions|henvendelser|enquiries)[ \t]?:"                # "Questions: our dispatcher X"
    rf"|\btalk[ \t]to"                                          # "talk to our ops lead, X"
    # "ringe til Marianne på", "ring eller skriv til hende: Linh Tran", "ring endelig til ham, Pierre Lefèvre"
    rf"|\b(?:ringe?|skriv)(?:[ \t](?:eller|og)[ \t](?:ringe?|skriv))?(?:[ \t](?:endelig|gerne|venligst|bare|direkte))?"
    rf"[ \t]til(?:[ \t](?:hende|ham)[ \t]?[:,])?"
    # "Hvis I skriver eller ringer, så venligst til min datter X": the one to write and call to
    rf"|\b(?:skriver|ringer)(?:[ \t](?:eller|og)[ \t](?:skriver|ringer))?,?[ \t]så(?:[ \t](?:venligst|gerne))?[ \t]til"
    # "Please write to Nkechi at ...", "call or write to him, Omar Haddad"
    rf"|\b(?:call|phone|write[ \t]to|e-?mail)(?:[ \t](?:or|and)[ \t](?:call|phone|write[ \t]to|e-?mail))?"
    rf"(?:[ \t](?:her|him)[ \t]?[:,])?"
    # "Kontaktperson hos Luna er indehaver X", "on site you can reach our foreman X"
    # "Ansvarlig på stedet er formand X", "Our contact person in Copenhagen is X", "Our site contact is foreman X",
    # "Den ansvarlige for arrangementet er vores booker X", "kontaktperson i forhold til kommunen er X"
    rf"|\b(?:kontaktperson(?:en)?|kontakt(?:en)?|contact(?:[ \t]person)?|ansvarlige?|responsible(?:[ \t]person)?)"
    # ("Kontaktperson i sagen og på dagen er ...")
    rf"(?:[ \t](?:hos|at|for|på|on|in|i|til)[ \t]\w+(?:[ \t]\w+){{0,4}})?[ \t](?:er|is|will[ \t]be|bliver){_STILL}"
    rf"|\b(?:you|one)[ \t]can[ \t](?:reach|contact|call)|\b(?:i|du|man)[ \t]kan[ \t](?:kontakte|ringe[ \t]til"
    rf"|få[ \t]fat[ \t]i)"
    # "Location manager: Sebastian Kjær, 40 ...", "Foreman on site: X"
    # "Byggeleder og kontakt: Lars Winther"
    # (a role's label alone, "role": the name under it gives way to one a cue names to contact)
    rf"|(?P<role>(?:^|\n)[ \t]*(?:\w+[ \t])?(?:{_TITLE_WORDS})(?i:[ \t](?:on|at|på|i)[ \t]\w+)?"
    rf"(?i:[ \t](?:og|and|&)[ \t](?:kontakt(?:person)?|contact(?:[ \t]person)?))?[ \t]{{0,2}}:))"
    # "vores formand på pladsen, Dennis Mogensen", "the club's manager, Freja Lund", "the association's contact is its
    # chair, Dr X"
    # ("to their project manager, Søren Falk": the firm's own)
    rf"{_GAP}(?i:(?:vores|our|the|vor|min|mine|my|their|deres|its|dens|dets){_GAP})?(?:(?i:[\w'’]+{_GAP}){{0,2}}?"
    # "til indehaveren, Camilla Lykke", "ring til min søn Morten Jensen"
    # ("Contact person for the event is our CEO, Anders Kofoed": a chief's letters, in capitals)
    rf"(?:(?:{_TITLE_WORDS})(?i:en)?|(?i:kollega|colleague|{_RELATIVE})|CEO|COO|CFO|CTO)"
    # ("Kontaktperson er min far, direktør Karim Aziz": the relative's title after the comma)
    # ("our project manager on the Copenhagen job, Tobias Sand")
    rf"(?i:[ \t](?:på|i|ved|hos|at|on|in|for)(?:(?:[ \t]{{1,2}}\w+){{2,3}}(?=,)|[ \t]{{1,2}}\w+))?"
    rf"(?i:[ \t](?:direkte|directly))?[,:]?{_GAP}"
    rf"(?:(?i:{_TITLE_WORDS})[ \t]{{1,2}})?"
    rf"(?:[A-ZÆØÅ]{{2,4}}[ \t])?"                  # "arkitekt MAA Mads Linde": the letters of a title after it
    rf"|(?<=our[ \t])[a-z]{{4,20}}[ \t]|(?<=vores[ \t])[a-zæøå]{{4,20}}[ \t]"
    # "Kontaktperson er montør Kim Jensen", "Nordlys' HR-chef Peter Abildgaard-Nissen": a role in lower case, or a
    # business's possessive before a title
    rf"|(?<=\ber[ \t])[a-zæøå]{{4,20}}[ \t]|(?<=\bis[ \t])[a-z]{{4,20}}[ \t]"
    rf"|(?<=\ber[ \t])[A-ZÆØÅ][\w\-]{{1,30}}['’]s?[ \t](?i:{_TITLE_WORDS})[ \t]{{1,2}}"
    # "please contact our Danish line producer, Jens Ekberg": the role in words of its own, then the name after a comma
    rf"|(?<=our[ \t])(?:[\w'’\-]+[ \t]){{0,2}}[a-z][\w\-]{{2,25}},[ \t]{{1,2}}"
    rf"|(?<=vores[ \t])(?:[\w'’\-]+[ \t]){{0,2}}[a-zæøå][\w\-]{{2,25}},[ \t]{{1,2}})?"
    rf"{_HONORIFIC}(?P<v>{_NAME})")
# "Jonas Eklund, will be the day-to-day contact", "Restaurantchef Camilla Juhl er daglig kontakt"
_CONTACT_AFTER_NAME = re.compile(r"(?i:\s{1,2}(?:(?:who|som|der)\s{1,2})?(?:will\s{1,2}be|should\s{1,2}be|is|er|bliver"
                                 r"|vil\s{1,2}være|skal\s{1,2}være)\s{1,2}"
                                 r"(?:the[ \t]|our[ \t]|vores[ \t]|den[ \t]|jeres[ \t]|your[ \t])?"
                                 r"(?:daglige?[ \t]|day-to-day[ \t]|primary[ \t]|main[ \t]|faste[ \t])?"
                                 r"(?:kontakt(?:person)?|(?:point[ \t]of[ \t])?contact(?:[ \t]person)?)\b"
                                 # "Jens is the one to contact about this", "Kim er den, I skal ringe til"
                                 r"|[ \t]{1,2}(?:is[ \t]the[ \t](?:(?:best|right|easiest)[ \t])?(?:one|person)"
                                 r"[ \t]to[ \t](?:contact|call|talk[ \t]to)"
                                 r"|er[ \t]den,?[ \t](?:(?:som|der)[ \t])?(?:I|du|man)[ \t]skal[ \t](?:kontakte"
                                 r"|ringe[ \t]til|tale[ \t]med))\b"
                                 r"|[ \t]{1,2}(?:kan[ \t](?:træffes|kontaktes|fås[ \t]fat[ \t]i)"
                                 r"|can[ \t]be[ \t](?:reached|contacted))\b"
                                 # "my colleague Jonas Berg handles the permits", "X står for ansøgningen": the one
                                 # who handles the application
                                 # ("Ken Tanaka, der står for tilladelserne", "handles this application")
                                 r"|,?[ \t]{1,2}(?:(?:som|der|who)[ \t])?(?:handles|is[ \t]handling|will[ \t]handle"
                                 r"|deals[ \t]with|takes[ \t]care[ \t]of|is[ \t]in[ \t]charge[ \t]of|står[ \t]for"
                                 r"|tager[ \t]sig[ \t]af|håndterer|varetager)[ \t]{1,2}"
                                 r"(?:the[ \t]|our[ \t]|all[ \t]|vores[ \t]|alle[ \t]|this[ \t]|these[ \t]"
                                 r"|denne[ \t]|dette[ \t]|disse[ \t])?"
                                 r"(?:permits?|permissions?|applications?|ansøgning(?:en|er|erne)?"
                                 r"|tilladelse(?:n|r|rne)?|sagen|the[ \t]case"
                                 # "vores formand X, der står for kontakten til kommunen": the contact itself
                                 r"|kontakten|the[ \t]contact|contact"
                                 # "Det er min mand, Jens Holm, der tager sig af det praktiske", "who handles the
                                 # practicalities": the one who sees to the matter in practice
                                 r"|(?:det[ \t])?praktiske|practicalities|practical[ \t](?:side|details)"
                                 # "Rasmus is handling this, rasmus@...", "Our facility manager Peter Rahbek handles
                                 # this: peter.rahbek@...": the matter itself, a pronoun that ends the clause
                                 # (or a dash before the address: "tager sig af det – mikkel@...")
                                 r"|(?:this|that|it|dette|det)(?=[ \t]{0,2}[,.;:!\n–—]|[ \t]{1,2}-[ \t]))\b"
                                 # "Brian Holst, der står for pladsen og kan svare på alle spørgsmål om ansøgningen"
                                 r"|,?[ \t]{1,2}(?:som|der|who)[ \t][^.!?\n]{0,40}?\b(?:kan|can)[ \t]"
                                 r"(?:svare[ \t]på|answer)[ \t](?:alle[ \t]|all[ \t]|any[ \t])?"
                                 r"(?:spørgsmål|questions)\b"
                                 # "det er vores produktionsleder Signe Bach, I skal tale med": the one to talk to
                                 r"|,?[ \t]{1,2}(?:(?:som|der|that|who|whom)[ \t])?(?:I|du|you|man)[ \t]"
                                 r"(?:skal|bedes|bør|kan|må|should|can|must|need[ \t]to)[ \t](?:tale[ \t]med|kontakte"
                                 r"|ringe[ \t]til|skrive[ \t]til|talk[ \t]to|talk[ \t]with|speak[ \t]to"
                                 r"|speak[ \t]with|contact|call)(?=[ \t]*(?:[.,;:!–\-\n]|\Z)"
                                 # "Anders Bech, som I kan kontakte på 24 60 19 83": the number to reach them on after
                                 r"|[ \t]{1,2}(?:på|on|at)[ \t]{1,2}(?:\+?\d|tlf|telefon|phone|mobil|mobile)))")
# the name just before the cue, an aside with its phone or e-mail between them ("Maja Lind (+45 ..., maja@...)")
# ("Our F&B Manager, Ms Sofie Lindqvist, handles this application": a courtesy title before a full name is no part of
# it; before a surname alone, "Mr Mehta is the contact", it stays for the surname to be completed)
_NAME_BEFORE = re.compile(rf"(?:(?i:{'|'.join(HONORIFICS)})\.?[ \t]{{1,2}}(?=[A-ZÆØÅ][\w'’\-]{{0,30}}[ \t][A-ZÆØÅ]))?"
                          rf"(?P<v>{_NAME}),?(?:[ \t]{{0,2}}\([^()\n]{{0,80}}\),?)?"
                          # "architect Freja Dahl of Dahl Arkitekter, is the contact person": the firm after the name
                          r"(?:[ \t](?:of|from|fra|hos)[ \t][A-ZÆØÅ][\w&\-]{0,30}"
                          r"(?:[ \t][A-ZÆØÅ&][\w&\-]{0,30}){0,3},)?"
                          # "Karin Mølgaard, karin@..., 61 22 48 90, er kontaktperson": her address and phone
                          r"(?:[ \t]{0,2}[\w.+\-]{1,40}@[\w\-]{1,40}(?:\.[\w\-]{1,40}){1,3},?)?"
                          # "Signe Thorsen, mobile +45 61 30 27 55, who will be your contact"
                          r"(?:[ \t]{0,2}(?:(?i:mobile?|mobil|tlf\.?|tel\.?|phone)[ \t]{0,2})?\+?\d[\d \-]{6,16}\d,?)?"
                          r"\Z")


# "Mette bor på Hans Tavsens Gade 9, ..., og kan træffes på ...": the sentence's subject, the cue after its "og"
_SUBJECT_BEFORE_AND = re.compile(rf"(?:^|(?<=[.!?\n]))[ \t]*(?P<v>{_NAME})[ \t]"
                                 r"(?:[^.!?\n]|\.(?![ \t]+[A-ZÆØÅ])){0,160}?,?[ \t](?:og|and)\Z")


# "vores driftschef Lars Mikkelsen følger sagen og er jeres kontaktperson", "our bar manager Rasmus Thorup runs the
# place and handles this application": the name with a few words of what he does between it and the cue's "og"
# ("Our site manager, Tomasz Nowak, is responsible for the project and is the contact person": the name in commas)
# ("Vores eventansvarlige, Sofie Nørgaard, har styr på alt det praktiske og er den I skal kontakte")
# (a clause on where the person lives between: "min datter Ida Holm, som bor på Nørre Allé 7, 2. sal, 2200 København N,
# står for salget og er jeres kontakt")
_NAME_DOING_AND = re.compile(rf"(?<=[ \t])(?P<v>{_NAME})"
                             r"(?:,[ \t](?:som|der|who)[ \t](?:bor|lives)[ \t][^!?\n]{0,90}?)?"
                             r",?[ \t](?:[a-zæøå]{2,20}[ \t]){1,7}(?:og|and)\Z")


# "please contact her at ...", "Kontakt hende på ...", "I kan skrive direkte til hende på ...", "so he is the one to
# contact": the contact a pronoun points back to, the last person named before it
_PRONOUN_CONTACT = re.compile(
    # ("please call him on 60 ...": a call needs no "to")
    r"(?i:\b(?:kontakte?|contact|call|phone|(?:skrive?|write|ringe?|call|send|sende|svar|spørgsmål|questions|reply"
    r"|respond|answer)"
    r"(?:[ \t][\w'’]+){0,5}?[ \t](?:direkte[ \t]|directly[ \t])?(?:til|to))[ \t](?:hende|ham|her|him)\b"
    r"|\b(?:he|she)[ \t]is[ \t]the[ \t](?:(?:best|right|easiest)[ \t])?(?:one|person)[ \t]to[ \t]"
    r"(?:contact|call|talk[ \t]to)\b"
    r"|\b(?:han|hun)[ \t]er[ \t]den,?[ \t](?:(?:som|der)[ \t])?(?:I|du|man)[ \t]skal[ \t](?:kontakte|ringe[ \t]til"
    r"|tale[ \t]med)\b"
    # "så det er ham, I skal tale med", "it's her you should talk to"
    r"|\bdet[ \t]er[ \t](?:ham|hende),?[ \t](?:(?:som|der)[ \t])?(?:I|du|man)[ \t](?:skal|bedes|kan|må)[ \t]"
    r"(?:kontakte|ringe[ \t]til|tale[ \t]med|skrive[ \t]til)\b"
    r"|\bit['’]?s[ \t](?:him|her)[ \t](?:you|to)[ \t](?:should[ \t]|can[ \t]|need[ \t]to[ \t])?(?:contact|call|talk"
    r"|speak|write)\b"
    # "..., and she should be the contact for the case", "så han bliver kontaktperson på sagen"
    r"|\b(?:he|she)[ \t](?:is|will[ \t]be|should[ \t]be|shall[ \t]be)[ \t](?:the|our|your)[ \t]"
    r"(?:(?:main|primary|day-to-day)[ \t])?contact(?:[ \t]person)?\b"
    r"|\b(?:han|hun)[ \t](?:er|bliver|skal[ \t]være|vil[ \t]være)[ \t](?:jeres[ \t]|vores[ \t])?(?:daglige[ \t])?"
    r"kontaktperson(?:en)?\b)")
# (the whole name, not a street's name before its number, "Sønder Boulevard 5" nor its first word "Sønder";
# "Det er Peter der står for ...": "Peter")
_PERSON_BEFORE = re.compile(rf"(?<![\w\-])(?P<v>{_NAME})(?![\w\-])(?![ \t]*\d)(?![ \t]+[A-ZÆØÅ])")
_LOWER_TAIL = re.compile(r"(?:[ \t]+[a-zæøå]\w*)+\Z")


def _named_before(text: str, end: int) -> str | None:
    """The last person (or a first name a full name elsewhere completes) named in the 200 characters before ``end``."""
    names = [_completed(_without_courtesy(_LOWER_TAIL.sub("", m.group("v"))), text)
             for m in _PERSON_BEFORE.finditer(text, max(0, end - 200), end)]
    return next((n for n in reversed(names) if looks_like_person(n)), None)


def _without_courtesy(name: str) -> str:
    """A full name without the courtesy title before it ("Ms Helle Brandt" is Helle Brandt; "Ms Brandt" stays for its
    surname to be completed)."""
    title, _, rest = name.partition(" ")
    return rest.strip() if title.rstrip(".").casefold() in HONORIFICS and " " in rest.strip() else name


# a legal form right after the words: "on behalf of the owner, our client Bryggen Ejendomme K/S" names a company
_LEGAL_FORM_NEXT = re.compile(rf"[ \t]{{1,2}}{SUFFIX}(?![\w/])")


# another party's, right before the cue: the hotel's, the client's, the landlord's contact
_ANOTHER_PARTYS = re.compile(r"(?i)(?:\b(?:hotel|venue|client|customer|landlord|property|owner|building)['’]s"
                             r"|\b(?:hotellets|kundens|klientens|udlejerens|ejendommens|ejerens|stedets))[ \t]+\Z")


# reached for money or the press alone: "can be reached at X for anything about payment", "kan træffes på X
# vedrørende fakturaen" (a person for that matter, not the case's contact; "about the event" is the case)
ONE_MATTER_ONLY = re.compile(
    r"(?i)(?:[^.!?\n]|\.(?=\S)){0,80}?\b(?:about|regarding|concerning|vedrørende|vedr\.|angående|omkring|om)[ \t]+"
    r"(?:(?:the|our|any|all|vores|jeres|your)[ \t]+)?"
    r"(?:payments?|invoices?|invoicing|billing|fees?|accounts?|accounting|bookkeeping|finances?|financial|economy"
    r"|press|media|betaling\w*|faktur\w*|gebyr\w*|regnskab\w*|bogføring\w*|økonomi\w*|presse\w*|medie\w*)\b")


def _named_contact(text: str) -> str | None:
    """A person the text names as the one to contact, before or after the cue."""
    by_role = None
    for m in islice(_CONTACT_BEFORE_NAME.finditer(text), 20):
        name = _completed(m.group("v"), text)
        if _LEGAL_FORM_NEXT.match(text, m.end("v")):
            continue                    # "our client Bryggen Ejendomme K/S": a company, not a person
        if _ANOTHER_PARTYS.search(text, max(0, m.start() - 30), m.start()):
            continue                    # "The hotel's contact is Marie Lund (event manager)": the hotel's, not ours
        if looks_like_person(name) and not m.group("role"):
            return name
        by_role = by_role or (name if looks_like_person(name) else None)
    for cue in islice(_CONTACT_AFTER_NAME.finditer(text), 20):
        if ONE_MATTER_ONLY.match(text, cue.end()):
            continue            # "Our treasurer, Mikkel Lund, can be reached at ... for anything about payment"
        # ("Jeg er økonomichef ..., men vores driftschef Lars Mikkelsen følger sagen og er ...": not the subject "Jeg")
        for before in (_NAME_BEFORE.search(text, max(0, cue.start() - 140), cue.start())
                       or _SUBJECT_BEFORE_AND.search(text, max(0, cue.start() - 200), cue.start()),
                       _NAME_DOING_AND.search(text, max(0, cue.start() - 140), cue.start())):
            name = _completed(_TITLE_WORD_BEFORE.sub("", before.group("v")) if before else "", text)
            if looks_like_person(name):
                return name
    for cue in islice(_PRONOUN_CONTACT.finditer(text), 20):
        pointed = _named_before(text, cue.start())
        if pointed:
            return pointed
    return by_role          # "Managing director: Søren Aagaard" gives way to "questions ... to Henrik Ramsø" below it


# a role or a label just before a name: "Restaurantchef: ", "projektleder "
_ROLE_OR_LABEL_BEFORE = re.compile(rf"(?:(?i:{_TITLE_WORDS})[ \t]{{1,2}}|:[ \t]{{0,2}})\Z")


# a courtesy title and a surname alone: "Mr Mehta", "fru Holm"
_COURTESY_SURNAME = re.compile(rf"(?i:{'|'.join(HONORIFICS)})\.?[ \t](?P<v>{_NAME_TOKEN})")


def _completed(name: str, text: str) -> str:
    """A first name alone ("Lise kan træffes på ...", "ringe til Marianne") completed by the full name the text gives
    elsewhere ("Lise Holt", "tandlæge Marianne Holst"); two first names ("vores restaurantchef Anne Sofie") by the
    surname the text gives them after a role or a label ("Restaurantchef: Anne Sofie Lund"), not by a business's name
    ("Jesper Holm Nedbrydning")."""
    courtesy = _COURTESY_SURNAME.fullmatch(name)
    if courtesy:        # "Mr Mehta is the contact" under "The owner, Mr Arjun Mehta, ...": the full name given before
        full = rf"(?<![\w\-]){_NAME_TOKEN}[ \t]{re.escape(courtesy.group('v'))}(?![\w\-])"
        return next((f.group(0) for f in islice(re.finditer(full, text), 5) if looks_like_person(f.group(0))
                     and not _COURTESY_SURNAME.fullmatch(f.group(0))), name)
    if len(name.split()) > 2 or not looks_like_name(name):
        return name
    if " " in name:
        full = rf"\b{re.escape(name)}[ \t]{_NAME_TOKEN}(?![\w\-])"
        return next((f.group(0) for f in islice(re.finditer(full, text), 5) if looks_like_person(f.group(0))
                     and _ROLE_OR_LABEL_BEFORE.search(text, max(0, f.start() - 40), f.start())), name)
    full = rf"\b{re.escape(name)}(?:[ \t]{_NAME_TOKEN}){{1,2}}(?![\w\-])"      # "Nadia El-Khatib", "Mads Bach Ravn"
    return next((f.group(0) for f in islice(re.finditer(full, text), 5) if looks_like_person(f.group(0))), name)


def _signed_in_full(name: str, text: str) -> str:
    """A first name the writer introduces himself by ("jeg hedder Frida") completed by the full name he signs with
    ("Frida Lykke Nørgaard")."""
    if " " in name:
        return name
    signed = signature_name(text.split("\n"))
    return signed if signed and signed.split()[0] == name and looks_like_person(signed) else name


_SELF_INTRO = re.compile(r"(?i)mit navn er|jeg hedder|my name is|this is")


def designated_contact(text: str) -> str | None:
    """A person the text names as the one to contact ("Kontaktperson er indehaver X", "X will be the contact"), not
    one who introduces himself or signs."""
    m = next((m for m in islice(NAME_INTRO.finditer(text), 20) if not _SELF_INTRO.match(m.group(0))
              and not _LEGAL_FORM_NEXT.match(text, m.end("v"))), None)
    if m and looks_like_name(m.group("v")):
        return _completed(m.group("v"), text)
    return _named_contact(text)


def find_contact(text: str) -> str | None:
    """A person introduced in the text ("Mit navn er ...", "I am Ana de la Rosa, owner of ..."), signing it, or
    written before a phone number."""
    m = next((m for m in islice(NAME_INTRO.finditer(text), 20) if not _LEGAL_FORM_NEXT.match(text, m.end("v"))), None)
    if m and looks_like_name(m.group("v")) and not _SELF_INTRO.match(m.group(0)):
        # "Kontaktperson er Oleksandr" under "min mand Oleksandr Kovalenko ejer firmaet": the first name in full
        return _completed(m.group("v"), text)
    named = _named_contact(text)       # "Jeg hedder Per ... Sofie kan kontaktes på ...": the one named to contact
    if named:
        return named
    if m and looks_like_name(m.group("v")):
        return _signed_in_full(m.group("v"), text)
    m = next((m for m in islice(_I_AM.finditer(text), 20) if looks_like_person(m.group("v"))), None)
    if m:
        return m.group("v")
    lines = text.split("\n")
    name = signature_name(lines) or _closing_name(lines)
    if name:
        return _completed(name, text)       # "Mvh Deniz" under "det er mig, Deniz Yıldız, der ...": Deniz Yıldız
    # (a role before the name, "Byggeleder Thomas Kjær, 21 66 03 58", is no part of it)
    m = next((m for m in _NAME_WITH_PHONE.finditer(text) if looks_like_name(_TITLE_WORD_BEFORE.sub("", m.group("v")))),
             None)
    if m:
        return _TITLE_WORD_BEFORE.sub("", m.group("v"))
    # no one signs, but the business is a sole trader's: "Cykelkaffe v/ Jonas Mørch" under the text is Jonas Mørch
    owners = [o for m in islice(_OWNED_BY.finditer(text), 5)
              if looks_like_person(o := m.group("v").split("v/")[-1].strip())]
    if not owners:      # (in lower case, over its CVR: "pizza roma vesterbro v/ahmad khalil" is Ahmad Khalil)
        owners = [o for m in islice(_OWNED_BY_IN_LOWER_CASE.finditer(text), 5)
                  if looks_like_person(o := " ".join(w.capitalize() for w in m.group("v").split()))]
    return owners[0] if len(set(owners)) == 1 else None


_OWNED_BY_IN_LOWER_CASE = re.compile(r"(?<=[a-zæøå])[ \t]v/[ \t]?"
                                     r"(?P<v>[a-zæøå][a-zæøå\-]{1,20}[ \t][a-zæøå][a-zæøå\-]{1,20})"
                                     r"[ \t]*\n[ \t]*(?i:cvr)")


# ---------------------------------------------------------------- the sender's mail domain

_SIGNATURE_PART = re.compile(r"[ \t]+[-–|·][ \t]+|,[ \t]*")     # "Mia Thorsen - Kbh Records"
_BRACKETED = re.compile(r"\(([^()\n]{3,60})\)")                  # "selling Korean street food (Seoul Wheels)"


def _mailbox_name(sender: str) -> str:
    """The letters of the sender's domain ("bogbinderiet-skov.dk" -> "bogbinderietskov"), or of the mailbox on a free
    mail domain ("kl.facade@gmail.com" -> "klfacade", without trailing digits)."""
    local, _, domain = sender.lower().rpartition("@")
    labels = domain.split(".")
    name = re.sub(r"\d+$", "", local) if is_free_mail_domain(domain) else (labels[-2] if len(labels) >= 2 else "")
    return re.sub(r"[^a-z0-9]", "", name)


def _spellings(text: str) -> tuple[str, ...]:
    """A name's letters as a domain may spell them: "Søn" as "soen" or "son", "Anlæg" as "anlaeg"."""
    low = text.casefold().replace("æ", "ae").replace("é", "e").replace("ü", "u").replace("ö", "o").replace("ä", "a")
    return tuple(re.sub(r"[^a-z0-9]", "", low.replace("ø", o).replace("å", a)) for o, a in (("oe", "aa"), ("o", "a")))


def company_of_the_sender(text: str, sender: str, contact: str | None = None) -> str | None:
    """A business name without a legal form that the sender's domain spells, on a line of the signature, in brackets
    or after "vi er": "Bogbinderiet Skov & Søn" from bogbinderiet-skov.dk, "Amager Garden Supply" from amagergarden.dk,
    "Kbh Records" in "Mia Thorsen - Kbh Records" from kbhrecords.dk, "KL Facade" from kl.facade@gmail.com. Not the
    person who signs (a private domain "sofielykke.dk" under "Sofie Lykke")."""
    mailbox = _mailbox_name(sender)
    if len(mailbox) < 5:
        return None
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][-8:]
    parts = [p for ln in lines for p in _SIGNATURE_PART.split(ln)]
    parts += [p for m in islice(_BRACKETED.finditer(text), 20) for p in _SIGNATURE_PART.split(m.group(1))]
    # "vi er Bager Bentsen i Jægersborggade 14" from bagerbentsen@gmail.com: the name the writer introduces the business
    # by, without a legal form or a CVR beside it
    parts += [name for m in islice(_WE_ARE.finditer(text), 20) if (name := _clean_plain(m.group("v")))]
    person = _spellings(contact)[0] if contact else ""
    for part in parts:
        part = part.strip(" .,;/")
        if (not 3 <= len(part) <= 60 or not re.match(r"[A-ZÆØÅ]", part) or re.search(r"[\d@:/]", part)
                or len(part.split()) > 5):
            continue
        spelt = _spellings(part)
        signer = _spellings(re.sub(r"[ \t]*\([^()]*\)$", "", part))[0]     # "Emma Skov (og Jakob)": the person
        if spelt[0] != person and signer != person and any(s.startswith(mailbox) for s in spelt):
            return part
        # a signature's line of one word the mailbox begins with: "Kaffebaren" from kaffebaren.sht@gmail.com
        if (part in lines and " " not in part and len(spelt[0]) >= 6 and not person.startswith(spelt[0])
                and any(mailbox.startswith(s) for s in spelt) and not looks_like_person(part)):
            return part
    return None

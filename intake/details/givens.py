"""Whether a value found in a text is the checklist item it looks like, by the kind of item.

A checklist item satisfied by an extracted detail or by a pattern holding a
number is easily fooled by a number of another kind: the CVR of the landlord,
the contractor, the supplier or the seller for the applicant's own; the litres
a year of an oil tank's consumption or of its last bill for its size; the
area of the premises or of an old sign, or a count of tables ("2 borde og 4 stole"), for the area applied for; "vi
er 3 ansatte" for the guests of an event; a quantity of last year ("sidste år flyttede vi 150 tons") for this
application's; a section's number ("4. Participants") for a count; a deadline ("svar senest 1. marts"), a past
date ("sidste år 3. juni",
"survey done on 3 September 2026", "stiftet 12. august 1977") for the period
or date of the activity; the business's own address (its signature, "vores
kontor ligger på ...") for the site of an activity whose site the writer says
is not found yet; a place only thought of ("maybe Kalvebod Brygge"); a kind of place ("near a station", "i en
park"); the
height a sign hangs at ("i 3 meters højde") for its size. ``rejected`` says so
for one match; the kind is told by the details that satisfy the item (``cvr``, ``litres``, ``period_from`` ...).
``locate`` finds where a detail's value is written, so that the same rules
(and the checklist's clause rules) can be applied to it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import chain

from intake.details.identifiers import DIMENSIONS, dimension_sides, length_and_depth
from intake.details.periods import EARLIER_SEASONS, LAST_TIME_WORDS, find_dates
from intake.details.postcodes import postcode_town

_BEFORE = 120  # characters of a value's sentence read before it

# another party's number: "Udlejer er X ApS, CVR ...", "vores vognmand X (CVR ...)", "overtaget salonen fra X (CVR"
_OTHER_PARTY = re.compile(
    r"\b(?:udlejer\w*|landlord|vognmand\w*|leverandør\w*|supplier|entreprenør(?!virksomhed)\w*|contractor|haulier|"
    r"(?:lej|leas|rent|hir)\w*\b.{0,40}\b(?:af|hos|from)\b|tidligere ejer|previous owner|sælger\w*|seller|vendor|"
    r"overtaget\b.{0,80}\bfra|taken over\b.{0,80}\bfrom|took over\b.{0,80}\bfrom|bygherre\w*|arkitekt\w*|"
    r"architect|rådgiver\w*|consultant|revisor\w*|accountant|auditor|bogholder\w*|bookkeeper|advokat\w*|lawyer|"
    # the owner of the building or property: "CVR-nr. (ejer af bygningen)", "the building owner's CVR"
    r"ejer(?:en)? af (?:bygningen|ejendommen|huset|grunden)|(?:bygning|ejendom|grund)\w*s ejer|"
    r"(?:building|property|site)(?:'s)? owner|owner of the (?:building|property|premises)|"
    # a company of the same group is another legal person: "vores moderselskab, Print Holding A/S, har CVR"
    r"moderselskab\w*|datterselskab\w*|søsterselskab\w*|holdingselskab\w*|koncern\w*|parent company|subsidiary|"
    r"holding company|sister company)",
    re.IGNORECASE)
# a quantity per time: consumption, not the size of a tank or an area ("ca. 2000 liter om året")
_RATE = re.compile(r"^\W{0,3}(?:[^\W\d_]+\.?\s+)?"  # the unit between: "2000 | liter | om året"
                   r"(?:(?:om|pr\.?|per|a|each|every|i)\s+(?:året|år|year|annum|måned\w*|month|ugen|uge|week|dagen|"
                   r"dag|day)\b|årligt|yearly|annually|/\s?(?:år|year|yr|md|month))", re.IGNORECASE)
# a quantity of something else than the tank: a bill, a delivery, the consumption ("sidste olieregning var på 1.200 l")
_USAGE = re.compile(r"\b(?:\w*regning\w*|\w*faktura\w*|bill|invoice|levering\w*|leveret|delivered|delivery|fyldt|"
                    r"filled|påfyldt|forbrug\w*|consumption|used|brugte|bruger)\b", re.IGNORECASE)
# an area of something else: the premises ("lokalet er 85 m²"), or an old sign or area ("det gamle skilt var 60 x 200")
_OTHER_AREA = re.compile(r"\b(?:lokale\w*|butik\w*|restaurant\w*|café\w*|shop|premises|lejemål\w*|indendørs\w*|"
                         r"indoors?)\s+(?:er|is|has|har|måler|measures)\s+(?:på\s+|ca\.?\s+|about\s+|omkring\s+)?$"
                         r"|\b(?:gamle|tidligere|forrige|old|previous|former)\b[^,;]{0,40}$", re.IGNORECASE)
# a number of things, not an area: "Areal: 2 borde og 4 stole langs facaden", "4 small tables"
_COUNTED = re.compile(r"^[ \t]*(?:stk\.?[ \t]*)?(?:(?!m\b|m2|m²|kvm|meter|metre)[^\W\d_]+[ \t]+)?(?:borde?|stole?|"
                      r"bænke?|parasol\w*|cafésæt|sæt|tables?|chairs?|benches|bench|umbrellas?|parasols?|stools?|"
                      r"taburetter|krakker)\b", re.IGNORECASE)
# the size of a parasol, not the area: "2 stk. parasol 3 x 3 m med fod", "umbrella 3 x 3 m"
_FURNITURE_BEFORE = re.compile(r"\b(?:parasol\w*|umbrellas?)[ \t]*$", re.IGNORECASE)
# how high something hangs, not its size: "i ca. 3 meters højde", "i en højde af 2,5 m", "at a height of 3 m",
# "2.5 m above the pavement", "3 m over fortovet"
_MOUNTING = re.compile(r"\b(?:i|in)\s+(?:ca\.?\s*|cirka\s+|omkring\s+)?\d+(?:[,.]\d+)?\s*(?:m|meter|meters)\s+højde\b"
                       r"|\bi\s+(?:en\s+)?højde\s+(?:af|på)\b|\bat\s+a\s+height\s+of\b"
                       r"|\b\d+(?:[,.]\d+)?\s*(?:m|meter|metres?|meters?)\s+(?:above|over|off)\s+(?:the\s+)?(?:ground|"
                       r"pavement|sidewalk|street|road|fortovet|jorden|terræn\w*|gaden|vejen|gadeniveau)\b",
                       re.IGNORECASE)
# people who run the activity, not its guests ("vi er 3 ansatte", "our team of 12 staff")
_STAFF_AFTER = re.compile(r"^\W{0,3}(?:\w+\W+)?(?:ansatte|medarbejdere|frivillige|personale|hjælpere|kolleger|"
                          r"bestyrelses\w*|staff|employees|volunteers|crew|colleagues|helpers|board members)\b",
                          re.IGNORECASE)
# the writer's own role for another party: "Som revisor for Nordhavn Metal ApS, CVR ...", "Vi er arkitekter for en
# ejer", "We are the architects for ...": the adviser is the writer, the one named after "for" the party applying
_WRITER_ROLE = re.compile(r"\b(?:som|as|vi er|we are|we're|jeg er|I am|I'm)\s+(?:the\s+|an?\s+|deres\s+|their\s+)?"
                          r"(?:[^\W\d_]+\s+)?(?:arkitekt|architect|rådgiver|adviser|advisor|consultant|konsulent|"
                          r"ingeniør|engineer|revisor|accountant|auditor|bogholder|bookkeeper|advokat|lawyer|"
                          r"solicitor)\w*\s+(?:for|to)\b", re.IGNORECASE)
_OWN = re.compile(r"\b(?:vores|vor|vort|our|mit|min|my|eget|egen|own)\b", re.IGNORECASE)  # "..., og vores CVR er"
# a company of the group that runs the activity is the business applying: "the shop is run by our Danish subsidiary,
# X ApS (CVR ...)", "caféen drives af vores datterselskab"; a parent or holding company named so stays another party
_GROUP = (r"(?:datterselskab\w*|søsterselskab\w*|subsidiary|subsidiaries|sister company)")
_RUN_BY_GROUP = re.compile(r"\b(?:(?:run|operated|managed)\s+(?:by|through|via)|(?:drives?|drevet|ledes)\s+"
                           r"(?:af|gennem|via|igennem))(?:\W+\w+){0,3}?\W+" + _GROUP + r"$", re.IGNORECASE)
# a foreign business's own registration in Denmark: "our Danish subsidiary, X ApS, CVR ...", "vores danske
# datterselskab": the company the Danish permit is for, not a third party
_DANISH_GROUP = re.compile(r"\b(?:our|vores|vort|vor)\s+(?:Danish|danske?)\s+" + _GROUP + r"$", re.IGNORECASE)
# the members a club has, not the guests of its event: "our running club ... has about 600 members", "foreningen har
# 450 medlemmer"
_MEMBERS_AFTER = re.compile(r"^\W{0,3}(?:\w+\W+)?(?:members|medlemmer)\b", re.IGNORECASE)
_HAS_BEFORE = re.compile(r"\b(?:has|have|har|with|med)\s+(?:about\s+|around\s+|some\s+|over\s+|nearly\s+|almost\s+|"
                         r"ca\.?\s*|cirka\s+|omkring\s+|godt\s+|knap\s+|næsten\s+|over\s+)?$", re.IGNORECASE)
_STAFF_BEFORE = re.compile(r"\b(?:team|staff|crew|hold) (?:of|på)\s*$", re.IGNORECASE)
# a date that is not the activity's: a deadline or a meeting ("svar senest", "after the board meeting on"), or a past
_DEADLINE = re.compile(r"\b(?:senest|inden|før|by|before|no later than|deadline|frist|svarfrist|ansøgningsfrist|"
                       r"closes|lukker|udløber|expires|"
                       r"møde\w*|meeting|generalforsamling\w*)\b\W*(?:den\s+|the\s+|on\s+)?$", re.IGNORECASE)
# event ("stiftet 12. august 1977", "sidste år 3. juni")
_PAST = re.compile(r"\b(?:sidste år|sidste gang|i fjor|last year|last time|stiftet|grundlagt|founded|established|"
                   r"født|born|fødselsdag|birthday|brændte|burned|skete|happened|blev lavet|blev udført|was done|"
                   r"was made|was carried out|købte|bought|skrev|wrote|sendt|sent|dateret|dated|modtaget|received|"
                   r"søgte|applied)\b[^.!?\n,]{0,20}$", re.IGNORECASE)  # right before the date, not a clause away
# a quantity of another year, in its clause: "sidste år flyttede vi 150 tons fra samme grund, men det er en anden
# mængde i år", "last year we had 80 guests" (not one after "men"/"but"/"i år"/"this year": "sidste år 80, i år 120")
_LAST_TIME = re.compile(r"\b(?:" + LAST_TIME_WORDS + r")\b(?:(?!\b(?:men|but|i år|this year)\b)[^.!?;\n]){0,40}$",
                        re.IGNORECASE)
# unless the writer says it is the same again: "samme som sidste år (ca 10 kvm)", "180 swimmers ... we expect the same"
_SAME_AGAIN = re.compile(r"\b(?:samme (?:som|igen|i år|mængde|antal|areal|størrelse)|som sidste år|the same (?:this "
                         r"year|again|as|amount|number|size|area)|as last year|like last year|uændret|unchanged)\b",
                         re.IGNORECASE)
# another time than the application's, said in the clause before a value: an earlier time ("Vi har tidligere haft
# gravetilladelse ... det var 2 m x 3 m", "We previously rented at Njalsgade 21", "før det boede vi på Howitzvej 7",
# "I 2025 lavede vi støjende arbejde ..., hverdage kl. 7-18", "On our previous project ... we worked 7:00-16:00")
# (not "som tidligere nævnt", "as previously agreed": the application itself)
_EARLIER = re.compile(r"(?<!\bsom )(?<!\bas )\b(?:tidligere(?! (?:nævnt|aftalt|omtalt|sendt|fremsendt|oplyst))|"
                      r"previously(?! (?:mentioned|agreed|discussed|sent|stated))|formerly|i mange år|for many years|"
                      r"før det|before that|dengang|back then|sidste (?:sæson|forår|sommer|vinter|efterår)|last "
                      r"(?:season|spring|summer|autumn|winter)|(?:forrige|previous|sidste|last) (?:projekt|project|"
                      r"job|opgave|event|arrangement)|" + LAST_TIME_WORDS + r"|" + EARLIER_SEASONS + r"|"
                      r"(?:i|in|during|siden|since) (?P<year>(?:19|20)\d\d)|"
                      # said to be back then, whatever the year received ("Jeg startede tilbage i 2018 i et lille lokale
                      # i Elmegade 9", "back in 2019 we had a stall at X")
                      r"(?:tilbage|back) (?:i|in) (?:19|20)\d\d)\b",
                      re.IGNORECASE)
# what ends such a clause: the application's own time ("men", "nu", "i år", "denne gang", "og")
_EARLIER_END = re.compile(r"[!?;\n]|(?<!\bkl)(?<!\bca)(?<!\bnr)(?<!\bno)\.(?!\d)(?=\s)"
                          r"|\b(?:men|but|nu|now|i år|this year|denne gang|this time|og|and)\b", re.IGNORECASE)
# a thing done away with in a past year, after it: "Our old 3,000 litre tank was removed in 2019"
_GONE_IN = re.compile(r"[^.!?;\n]{0,40}?\b(?:was|were|has been|blev|er blevet|var)\s+(?:\w+\s+)?(?:removed|fjernet|"
                      r"sløjfet|taken out|dismantled|demolished|revet ned|nedrevet|sold|solgt|closed|lukket|scrapped|"
                      r"skrottet)\s+(?:i|in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_AGAIN = re.compile(r"\b(?:igen|again|stadig|still|fortsat)\b", re.IGNORECASE)
_PLACES = frozenset(("address", "activity_location"))
_PERIODS = frozenset(("period_from", "period_to"))
_SENTENCE_STOP = re.compile(r"[!?\n]|\.(?!\d)(?=\s|$)")  # not the dot of "ca." or "1.5" inside a sentence
_IDENTIFIERS = frozenset(("cvr", "p_number"))
_NO_QUANTITY = _IDENTIFIERS | _PLACES | _PERIODS
# a start with no end: "fra uge 16 og frem", "from 1 May onwards", "indtil videre", "until further notice"
OPEN_ENDED = (r"(?:frem(?:efter|over|ad)?|(?:and )?onwards?|indtil videre|until further notice|på ubestemt tid|"
              r"indefinitely)")
_OPEN_AFTER = re.compile(r"^\W{0,3}(?:\d{4}\W{1,3})?(?:og )?(?:" + OPEN_ENDED + r"|for the foreseeable future)\b",
                         re.IGNORECASE)
# days of the week in a season without its year: "mest weekender om sommeren", "weekends in the summer" (a season
# counts as a period only with a year or "hele")
_IN_A_SEASON = re.compile(r"[ \t]+(?:om|i|in|during|over)[ \t]+(?:the[ \t]+)?(?:sommeren|vinteren|foråret|efteråret"
                          r"|summer|winter|spring|autumn|fall)\b(?![ \t,]*(?:19|20)\d\d)", re.IGNORECASE)
# a date not settled: "Date: TBC (either 12 or 19 June 2027)", "enten 5. eller 12. juni", "12 or 19 June"
_UNSETTLED_BEFORE = re.compile(r"(?:\b(?:tb[cd]|to be (?:confirmed|decided|fixed)|ikke (?:fastlagt|besluttet)|either|"
                               r"enten)\b[^!?\n]{0,25}|(?:\d|\b(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|"
                               r"dec)\w*)\.?,?\s+(?:or|eller)\s+)$", re.IGNORECASE)
_OR_AFTER = re.compile(r"^\W{0,3}(?:or|eller)\s+(?:the\s+|den\s+|d\.\s*)?\d", re.IGNORECASE)
_THIS_YEAR = re.compile(r"^\W{0,2}(?:i år|this year)\b", re.IGNORECASE)
# the writer says the site is not known yet: "selve byggepladsen er ikke fundet endnu", "adressen kommer senere"
_SITE_NOUN = (r"(?:adressen|address(?= to follow| will follow| (?:is )?not)|"
              # someone's address: "kundens adresse eftersender jeg", "the customer's address will follow"
              r"(?:(?!vores\b)\w+s|hendes|hans|deres) adresse\b|(?:\w+'s?|her|his|their) address\b|"
              r"stedet|placeringen|lokationen|"
              # which places may be used: "I don't know yet which locations are allowed"
              r"(?:which|what|hvilke[nt]?) (?:locations?|sites?|places?|spots?|steder|placering\w*|pladser)\b|"
              # the house number: "I cannot yet give you the exact street number", "husnummeret kender vi ikke"
              r"(?:the (?:exact )?)?(?:street|house) number|husnummer\w*|gadenummer\w*|"
              # "on Vasbygade (the exact number is being confirmed by the landlord)"
              r"the exact number(?! of)|det (?:præcise|nøjagtige) (?:hus)?nummer|"
              r"byggepladsen|pladsen|grunden|the (?:exact )?(?:site|location|address|venue|place)|"
              r"hvor\b[^.!?\n,]{0,40}\bskal\b[^.!?\n,]{0,20}|where\b[^.!?\n,]{0,40}\bwill\b[^.!?\n,]{0,20}|"
              r"hvor\b[^.!?\n,]{0,40}\b(?:bliver|kommer|ligger|er)\b)")
_UNDECIDED = (r"(?:er ikke|ikke (?:helt |endeligt? )?(?:fundet|besluttet|fastlagt|afklaret|valgt|kendt|på plads|"
              r"meldt ud|oplyst|bestemt)|endnu ikke|kommer senere|følger|sender (?:vi|jeg)|oplyser (?:vi|jeg)|"
              r"eftersend\w*|is not|isn't|has not been|hasn't been|"
              # known only later: "adressen på det nye værksted kender vi først i januar", "we will only know it"
              r"(?:kender|ved|får) (?:vi|jeg) (?:først|endnu ikke|ikke)|(?:we|I)(?:'ll| will) only (?:know|get|have)|"
              # not to be given yet, object first: "adressen kan jeg ikke oplyse endnu", "the address I can't give yet"
              r"kan (?:vi|jeg) (?:endnu )?ikke (?:oplyse|opgive|give|sige|sende)|"
              r"(?:we|I) (?:can't|cannot|can not) (?:yet )?(?:give|tell|send|state|provide)|"
              # someone else will give it: "adressen får I af udlejer", "you will get the address from the landlord"
              r"(?:får (?-i:I|De)|får du) (?:den |det |dem )?(?:af|fra|hos|senere|efterfølgende|når|så snart|snarest)|"
              r"(?:you'll|you will) (?:get|receive) (?:it |them )?(?:from|later|when|once|as soon)|"
              r"not (?:yet|known|decided|fixed|found|announced|confirmed)|"
              r"(?:is|are) being (?:confirmed|decided|checked|clarified|finali[sz]ed)|"  # "is being confirmed by"
              r"er ved at blive (?:afklaret|bekræftet|fastlagt)|"
              r"to be (?:decided|confirmed|found)|tb[dc]|to follow|will follow|unknown|ukendt|undecided|uafklaret)")
_SITE_UNKNOWN = re.compile(
    r"\b" + _SITE_NOUN + r"[^.!?\n]{0,30}?\b" + _UNDECIDED + r"\b"
    r"|\b(?:et sted (?:på|i)|et eller andet sted|somewhere (?:in|on|around))\b"  # "et sted på Nørrebro"
    r"|\b(?:kender (?:vi|jeg) ikke|ved (?:vi|jeg) ikke|don't know|do not know|not (?:yet )?(?:found|decided|chosen)|"
    r"haven't (?:found|decided|chosen)|(?:cannot|can't|can not) (?:yet )?(?:give|tell|send|state|provide)|"
    r"kan (?:endnu )?ikke (?:oplyse|give|sende|sige)|(?:I|we)(?:'ll| will) (?:send|only know|only get))\b"
    r"[^.!?\n]{0,20}?\b" + _SITE_NOUN
    # the place is open: "i Kongens Have eller et andet sted", "we're open to suggestions", "wherever you have room"
    + r"|\b(?:you'll|you will) (?:get|receive) the (?:exact )?(?:address|site|location|venue)\s+(?:from|later|when|"
    r"once|as soon|next)\b"
    + r"|\b(?:open to suggestions|åbne for forslag|wherever (?:you|there)|hvor (?:som helst|I har plads|der er plads))"
    # still choosing among places: "Vi er stadig i dialog med flere mulige steder", "we are looking at several venues"
    + r"|\b(?:flere|forskellige|nogle|et par) (?:mulige |potentielle )?(?:steder|lokationer|placeringer|pladser)\b"
    r"|\b(?:several|a few|some|various) (?:possible |potential |different )?(?:venues|locations|sites|places)\b"
    r"(?! (?:in|across) (?:the city|town|copenhagen|københavn))",
    re.IGNORECASE)
# the writer says the date is not settled: "the date is not fixed yet", "Date: to be decided", "datoen er ikke fastlagt"
# ("datoer følger når knuseren er booket"), or first says it does not know them ("Vi kender ikke de præcise datoer for
# kranen endnu", "we don't know the exact dates yet")
_DATE_UNSETTLED = re.compile(r"\b(?:(?:the (?:exact )?)?dates?|datoen|datoerne|datoer|tidspunktet)\b[^.!?\n]{0,30}?\b"
                             + _UNDECIDED + r"\b"
                             r"|\b(?:(?:vi|jeg) (?:kender|ved)|(?:kender|ved) (?:vi|jeg)) (?:endnu )?ikke (?:endnu )?"
                             r"(?:de |den )?(?:præcise |nøjagtige |"
                             r"endelige |konkrete )?dato(?:en|erne|er)?\b"
                             r"|\b(?:we|I) (?:don't|do not) (?:yet )?know (?:yet )?(?:the )?(?:exact |precise |final )?"
                             r"dates?\b", re.IGNORECASE)
# one day or weekend of a month or season, not yet picked: "a street party some weekend in August", "Datoen bliver en
# lørdag i august", "on a Sunday morning sometime in June", "det bliver engang i foråret"
_WHEN = (r"(?:the\s+)?(?:(?:start|end|beginning|middle|slutningen|starten|begyndelsen|midten)\s+(?:of|af)\s+)?"
         r"(?:jan\w*|feb\w*|mar\w*|apr\w*|maj|may|jun\w*|jul\w*|aug\w*|sep\w*|okt\w*|oct\w*|nov\w*|dec\w*|"
         r"foråret|sommeren|efteråret|vinteren|spring|summer|autumn|fall|winter)\b")
_ONE_DAY_OF = re.compile(
    r"\b(?:some|a|an|one|en|et)\s+(?:\w+\s+)?(?:weekend|day|dag|weekday|hverdag|lørdag|søndag|fredag|saturday|sunday|"
    r"friday)(?:\s+(?:morning|afternoon|evening|formiddag|eftermiddag|aften))?\s+(?:in|i|during)\s+" + _WHEN
    + r"|\b(?:sometime|some time|engang)\s+(?:in|i|during|til)\s+" + _WHEN, re.IGNORECASE)
# the writer says the end of the period is not known: "How long we need the container depends on what we find", "we
# cannot give the end date yet", "slutdatoen kender vi ikke endnu", "no end date yet"
_END_NOUN = (r"(?:end(?:ing)? date|finish date|completion date|slutdato\w*|sluttidspunkt\w*|how long|hvor længe|"
             # "men hvornår det er færdigt, ved vi ikke endnu", "when it will be finished is not known"
             r"hvornår (?:det|vi|arbejdet|\w+et) (?:er|bliver|slutter|kan slutte) (?:færdig\w*|slut|afsluttet)|"
             r"when (?:it|we|the work) (?:will )?(?:be )?(?:finish\w*|done|complete\w*|end)|"
             r"hvor lang tid|varighed\w*|(?:the )?duration|how many (?:days|nights|weeks|months)|"
             r"hvor mange (?:dage|nætter|uger|måneder))")
_END_UNKNOWN = re.compile(
    r"\b" + _END_NOUN + r"\b[^.!?\n]{0,60}?\b(?:" + _UNDECIDED + r"|depends|afhænger|not sure|usikker\w*|"
    r"ikke sikker\w*|uvis\w*)\b"
    r"|\b(?:cannot|can't|can not|kan (?:endnu )?ikke)\s+(?:yet\s+)?(?:give|tell|say|state|sige|oplyse)\s+"
    r"(?:you\s+|jer\s+|dig\s+)?(?:\w+\s+)?" + _END_NOUN
    + r"|\b(?:no|ingen)\s+(?:end date|slutdato)\b", re.IGNORECASE)
# the writer says the number of guests is not known: "Hvor mange gæster der kommer, er svært at sige", "we have no idea
# yet how many will turn up", "Antal deltagere ved vi ikke"
_PEOPLE = (r"(?:gæster|deltagere|besøgende|personer|mennesker|tilskuere|tilmeldte|guests|people|participants|visitors|"
           r"attendees|spectators)")
_COUNT_NOUN = (r"(?:(?:hvor mange|how many)\s+(?:(?:\w+\s+){0,2}?" + _PEOPLE + r"|der\s+(?:\w+\s+)?(?:kommer|dukker op|"
               r"møder op)|vi bliver|(?:will|would|are going to)\s+(?:\w+\s+)?(?:come|turn up|show up|attend))"
               r"|antal(?:let)?\s+(?:af\s+)?" + _PEOPLE + r"|(?:the )?number of " + _PEOPLE + r")")
_NOT_KNOWN = (r"(?:" + _UNDECIDED + r"|depends|afhænger|not sure|usikker\w*|ikke sikker\w*|uvis\w*|svært at sige|"
              r"(?:hard|difficult|impossible) to (?:say|tell|know)|umuligt at sige|aner (?:vi|jeg) ikke|no idea|"
              r"ved (?:vi|jeg) (?:ikke|endnu ikke)|(?:we|I) don't know)")
_GUESTS_UNKNOWN = re.compile(
    r"\b" + _COUNT_NOUN + r"\b[^.!?\n]{0,60}?\b" + _NOT_KNOWN + r"(?!\w)"
    r"|\b(?:ved (?:vi|jeg)|aner (?:vi|jeg)|don't know|do not know|no idea|not sure|svært at sige|hard to say|"
    r"difficult to say)\b[^.!?\n]{0,25}?\b" + _COUNT_NOUN + r"\b", re.IGNORECASE)
# a number given as an estimate: "ca. 300", "around 200", "vi forventer 500", "200-300", "måske 100"
_ESTIMATE_BEFORE = re.compile(r"\b(?:ca|cirka|omkring|approx\w*|about|around|roughly|op til|up to|max\w*|højst|at most|"
                              r"mellem|between|forvent\w*|expect\w*|regner med|anslå\w*|anslået|estimat\w*|skøn\w*|"
                              r"håber på|hope for|maybe|måske|perhaps|probably|nok|sandsynligvis|typisk|typically|"
                              r"plejer|usually)\b\.?[^.!?\n]{0,25}$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^[ \t]*(?:-|–|til|to)[ \t]*\d", re.IGNORECASE)
# a kind of place, not a place: "near a station", "i en park", "some square", "on a big square" ("Kongens Have or a
# similar park" stands for the place named before it, which ``_ALTERNATIVE_AFTER`` weighs)
_KIND_OF_PLACE = re.compile(r"\b(?:a|an|any|some|another|en|et|nogen|noget|nogle|anden|andet)\s+"
                            r"(?!(?:similar|lignende)\s)(?:[^\W\d_]+\s+)?$", re.IGNORECASE)
# an address introduced as someone's seat, and a company named as a third party ("containerfirmaet")
_ADDRESS_INTRO = re.compile(r"\b(?:har adresse på|har kontor på|holder til på|ligger på|is (?:located|based) at|"
                            r"has (?:its )?(?:address|office) at|(?:'s|s) address is|adresse(?:n)? er)\s*$",
                            re.IGNORECASE)
_A_FIRM = re.compile(r"\b\w*firmaet\b|\bthe (?:\w+ )?(?:company|firm)\b", re.IGNORECASE)
# a place named only vaguely: "et sted på Nørrebro", "somewhere in Valby", "måske i Fælledparken"
_VAGUE_PLACE = re.compile(r"\b(?:et sted|et eller andet sted|somewhere|måske|maybe|possibly|evt\.?)\s+(?:på|i|in|on|"
                          r"around|ved|near|omkring)\s+$", re.IGNORECASE)
# a place only thought of: "maybe Kalvebod Brygge or Ørestad", "måske på Israels Plads", "perhaps near Nørreport"
_HEDGED_PLACE = re.compile(r"\b(?:måske|maybe|perhaps|possibly|eventuelt|evt\.)\s+(?:(?:på|i|in|on|at|around|ved|near|"
                           r"omkring|nær)\s+)?(?:(?-i:[A-ZÆØÅ])[\w.-]*\s+){0,2}$", re.IGNORECASE)
# one place among others: "i Kongens Have eller et andet sted", "Israels Plads or somewhere similar"
_ALTERNATIVE_AFTER = re.compile(r"^[^.!?\n]{0,25}?\b(?:or|eller)\s+(?:somewhere|anywhere|elsewhere|another|a similar|"
                                r"et andet|andet|andre|et lignende|lignende|hvor som helst)\b", re.IGNORECASE)
# a form's answer that is no place: "Følger", "TBD", "Ukendt", "Oplyses senere"
_NO_PLACE = re.compile(r"(?:følger(?: senere)?|kommer(?: senere)?|senere|eftersendes|oplyses senere|afventer\w*|ukendt|"
                       r"ikke fastlagt|tb[acd]|to follow|follows|later|unknown|pending|n/?a|ved ikke)\W*")
# words in a place's answer that say it comes later ("Adresse: står i vores lejekontrakt, vender tilbage")
_PLACE_TO_COME = re.compile(r"\b(?:vender tilbage|kommer tilbage|eftersendes|følger senere|oplyses senere|senere|"
                            r"(?:will|we'll|i'll) (?:get|come) back|to follow|later)\b")
# districts: an area, not a site ("a client's building in Østerbro", "a spot in Vesterbro")
_DISTRICTS = frozenset(
    "østerbro vesterbro nørrebro amager amagerbro christianshavn frederiksberg valby vanløse brønshøj husum "
    "bispebjerg nordvest nordhavn sydhavnen sydhavn ørestad sundby københavn copenhagen kbh centrum".split()
    + ["indre by", "islands brygge", "the city", "city centre", "city center"])
# the official towns of each district's postcodes ("Valby" is 2500 Valby; Vesterbro is København V and SV): a
# signature whose town is none of them is not in the district the text names
_DISTRICT_TOWNS = {
    "østerbro": ("københavn ø", "nordhavn"), "nordhavn": ("nordhavn", "københavn ø"),
    "vesterbro": ("københavn v", "københavn sv"), "sydhavnen": ("københavn sv",), "sydhavn": ("københavn sv",),
    "nørrebro": ("københavn n",), "nordvest": ("københavn nv",),
    "bispebjerg": ("københavn nv", "københavn n", "københavn ø"),
    "amager": ("københavn s", "københavn k", "kastrup", "tårnby", "dragør"), "amagerbro": ("københavn s",),
    "islands brygge": ("københavn s",), "ørestad": ("københavn s",), "sundby": ("københavn s",),
    "christianshavn": ("københavn k",), "indre by": ("københavn k", "københavn v"),
    "frederiksberg": ("frederiksberg", "frederiksberg c"), "valby": ("valby", "københavn sv"), "vanløse": ("vanløse",),
    "brønshøj": ("brønshøj",), "husum": ("brønshøj",),
}
# the city itself named as where the place is ("tre butikker i København", "a shop in Copenhagen"): every town of
# Copenhagen's and Frederiksberg's postcodes
_CITY_TOWNS = tuple(f"københavn {d}" for d in ("k", "v", "ø", "n", "s", "nv", "sv")) + (
    "nordhavn", "valby", "vanløse", "brønshøj", "frederiksberg", "frederiksberg c")
_DISTRICT_TOWNS |= dict.fromkeys(("københavn", "copenhagen", "københavns kommune", "copenhagen municipality",
                                   "the city of copenhagen"), _CITY_TOWNS)
# a district named as where something is: "ved vores lager i Valby", "en ny afdeling på Vesterbro" (not a street named
# after it: "på Amager Strandvej", "Islands Brygge 43", "Valby Langgade")
_IN_DISTRICT = re.compile(r"\b(?:i|på|in|on|at)\s+(" + "|".join(sorted(_DISTRICT_TOWNS, key=len, reverse=True))
                          + r")(?![\w-])(?![ \t]*(?:\d|(?-i:[A-ZÆØÅ])|-?(?:gade|vej|allé|torv|plads)))", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(?<![\d.,])\d{4}(?![\d.,]?\d)")
# the business's own address, introduced as such ("vores kontor ligger på", "har adresse på", "our office is at")
# (the business's own premises: "I have run a banh mi shop at Griffenfeldsgade 20", "vi driver en café på ...")
_OWN_ADDRESS = re.compile(r"\b(?:(?:run|have run|has run|driver|har drevet)\s+(?:a|an|our|my|en|et|vores|min|mit)\s+"
                          r"(?:[^\W\d_]+\s+){0,2}(?:shop|store|restaurant|café|cafe|bakery|butik|forretning|bageri|"
                          r"salon|værksted|workshop)|"
                          r"kontor\w*|adresse på|vores adresse|har til huse|domicil\w*|office|our address|"
                          r"registered address|based at|headquarters|bor(?: selv)? (?:på|i)|I live (?:at|in|on)|"
                          r"my (?:apartment|flat|home|house)|min (?:lejlighed|bolig|privatadresse)|home address|"
                          # a form's label for the business's own address: "Firmaadresse\tHerstedvang 9"
                          r"(?:firma|virksomheds|virksomhedens |firmaets )adresse\w*|(?:company|business|firm)(?:'s)? "
                          r"address)"
                          r"\b[^.!?\n]{0,30}$", re.IGNORECASE)


_PREMISES = (r"(?:adresse|address|lokaler?|premises|butik|shop|værksted|workshop|kontor|office)\w*\s*"
             r"(?:på|i|at|on|in|was|var|:)?")
# a place the business has left: "vi er flyttet fra Nørrebrogade 100", "we moved out of", "vores tidligere adresse"
_FORMER_PLACE = re.compile(r"\b(?:(?:er |is |are |was |were |have |has |har |vi |we )?(?:flyttet|fraflyttet|moved|"
                           r"relocated)\s+(?:ud\s+)?(?:fra|from|out of|away from)|(?:vores |our |the |den |det )?"
                           r"(?:tidligere|forrige|former|previous)\s+" + _PREMISES + r")\s*$", re.IGNORECASE)
# "gamle"/"old" may be the place's age ("mit gamle værksted på Ålekistevej 87, som jeg lejer ud", "the old workshop
# at ... is to be demolished"): a former place only where the sentence says it was left ("... er solgt", "... closed")
_OLD_PLACE = re.compile(r"\b(?:vores |our |the |den |det |mit |min |my )?(?:gamle|old)\s+" + _PREMISES + r"\s*$",
                        re.IGNORECASE)
_LEFT_AFTER = re.compile(r"^[^.!?\n]{0,80}?\b(?:er |is |was |blev |has been |have been )?(?:solgt|sold|lukket|closed|"
                         r"fraflyttet|vacated|opsagt|given up|forladt|left|flyttet (?:fra|ud)|moved (?:from|out))\b",
                         re.IGNORECASE)


# the activity at the business's own premises ("foran vores butik", "in our courtyard"): its address is the place
_AT_OWN_PREMISES = re.compile(
    r"\b(?:foran|ved|i|på|uden ?for|bag|hos)\s+(?:vores|vor|vort|min|mit|egen|eget)\s+(?:\w+\s+)?"
    r"(?:butik|café|cafe|restaurant|gård|baggård|lokale|forretning|salon|bageri|kontor|hus|ejendom|adresse|bygning|"
    r"værksted|lager|grund|facade|indgang|dør)\w*|\bhos os\b|"
    r"\b(?:foran|ved|i|uden ?for|bag)\s+(?:butikken|caféen|cafeen|restauranten|forretningen|salonen|bageriet|"
    r"kontoret|værkstedet|gården|baggården|lokalet|lokalerne|huset|indgangen|facaden)\b|"
    # by the property, not work in it ("tagarbejde i ejendommen": a roofer's job at a client's property)
    r"\b(?:foran|ved|uden ?for|bag)\s+(?:ejendommen|bygningen)\b|"
    r"\b(?:in front of|outside|at|behind|in|on)\s+(?:our|my)\s+(?:own\s+)?(?:shop|store|café|cafe|restaurant|"
    r"courtyard|yard|premises|building|house|office|bakery|salon|workshop|place|address|property|site|entrance)\b",
    re.IGNORECASE)


def at_own_premises(texts: Sequence[str]) -> bool:
    """The writer puts the activity at the business's own premises ("foran vores butik", "in our courtyard")."""
    return any(_AT_OWN_PREMISES.search(t) for t in texts)


def site_unknown(texts: Sequence[str]) -> bool:
    """The writer says the site (or the address) of the activity is not known or decided yet."""
    return any(_SITE_UNKNOWN.search(t) for t in texts)


def date_unsettled(texts: Sequence[str]) -> bool:
    """The writer says the date of the activity is not fixed yet, or names only one day of a month or season not
    picked yet ("some weekend in August")."""
    return any(_DATE_UNSETTLED.search(t) or _ONE_DAY_OF.search(t) for t in texts)


def guests_unknown(texts: Sequence[str]) -> bool:
    """The writer says how many guests will come is not known ("Hvor mange gæster der kommer, er svært at sige")."""
    return any(_GUESTS_UNKNOWN.search(t) for t in texts)


# the writer says what kind it is is not known yet: "Vi ved endnu ikke, hvilken type afløb og forbehandling der bliver
# behov for", "we don't know yet what kind of waste"
_KIND_UNKNOWN = re.compile(r"\b(?:(?:vi|jeg) (?:ved|kender)|(?:ved|kender) (?:vi|jeg)) (?:endnu ikke|ikke endnu|ikke|"
                           r"stadig ikke),?\s+hvilke[nt]?\s+(?:type|typer|slags|art)\b"
                           r"|\b(?:don't|do not) (?:yet )?know (?:yet )?(?:what|which) (?:kind|type|sort)s? of\b",
                           re.IGNORECASE)


def kind_unknown(texts: Sequence[str]) -> bool:
    """The writer says what kind it is (of wastewater, of drain, of waste) is not known yet."""
    return any(_KIND_UNKNOWN.search(t) for t in texts)


def estimated(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is given as an estimate or a range ("ca. 300", "we expect 500", "200-300")."""
    before = text[max(0, start - 60):start]
    before = before[max((m.end() for m in _ESTIMATE_SENTENCE_END.finditer(before)), default=0):]
    return bool(_ESTIMATE_BEFORE.search(before) or _RANGE_AFTER.match(text, end))


# a sentence's end before an estimate, not the dot of "ca.", "approx.", "max."
_ESTIMATE_SENTENCE_END = re.compile(r"[!?\n]|(?<!\bca)(?<!\bapprox)(?<!\bmax)(?<!\bmaks)\.(?=\s)", re.IGNORECASE)


# the writer says the P-number sent is another unit's: "P-nummeret på den er for vores anden butik", "the P-number on
# the printout is for our other shop"
_OTHER_UNIT = re.compile(r"\bP-?(?:nummer\w*|nr\.?|number|no\.?)\s[^.!?\n]{0,40}?\b(?:er|is|belongs to|hører til|"
                         r"gælder)\s+(?:for\s+|to\s+)?(?:vores|vor|our|the|den|det|en|et|an?)\s+(?:anden|andet|other|"
                         r"another|gamle|old|tidligere|former)\b", re.IGNORECASE)


def another_unit(texts: Sequence[str]) -> bool:
    """The writer says the P-number they send belongs to another unit of the business (another shop, an old address)."""
    return any(_OTHER_UNIT.search(t) for t in texts)


def end_unknown(texts: Sequence[str]) -> bool:
    """The writer says the end of the period (its end date, how long it lasts) is not known yet."""
    return any(_END_UNKNOWN.search(t) for t in texts)


def rejected(kinds: Sequence[str], text: str, start: int, end: int, received: date | None = None,
             own_address: bool = False) -> bool:
    """``text[start:end]``, found for an item satisfied by the details ``kinds``, is a value of another kind."""
    before = _sentence_before(text, start)
    after = text[end:end + 40]
    # the match may hold its own label: "CVR-nr. (ejer af bygningen): 21 61 55 44"
    if ("cvr" in kinds or "p_number" in kinds) and _another_party(before + text[start:end]):
        return True
    if ("litres" in kinds or "area_m2" in kinds) and _RATE.search(after):
        return True
    if "litres" in kinds and _USAGE.search(before):
        return True
    if "area_m2" in kinds and (_OTHER_AREA.search(before) or _mounting_height(text, start, end)
                               or _COUNTED.match(after) or _FURNITURE_BEFORE.search(before)):
        return True
    if _another_year(kinds, text, start, end) or _section_number(kinds, text, start, end) \
            or _earlier_time(kinds, text, start, end, received):
        return True
    if "guests" in kinds and (_STAFF_AFTER.search(after) or _STAFF_BEFORE.search(before)
                              or _members(text, start, end, before)):
        return True
    if "period_from" in kinds and (_not_the_period(text, start, end, received) or _IN_A_SEASON.match(text, end)):
        return True
    if "period_to" in kinds and _OPEN_AFTER.search(after):  # a period from and to: "fra uge 16 og frem" has no end
        return True
    return "activity_location" in kinds and (own_address or bool(_VAGUE_PLACE.search(before))
                                             or (bool(_KIND_OF_PLACE.search(before))
                                                 and not text[start:start + 1].isupper())
                                             or bool(_HEDGED_PLACE.search(before))
                                             or bool(_FORMER_PLACE.search(before))
                                             or (bool(_OLD_PLACE.search(before))
                                                 and bool(_LEFT_AFTER.search(text[end:end + 120])))
                                             or bool(_ALTERNATIVE_AFTER.search(text[end:end + 60]))
                                             or _party_address(before))


def _another_year(kinds: Sequence[str], text: str, start: int, end: int) -> bool:
    """A quantity (a match holding a number, not an identifier, a date or a place) said of last year or last time,
    where the writer does not say it is the same again."""
    if _NO_QUANTITY.intersection(kinds) or not any(c.isdigit() for c in text[start:end]):
        return False
    if not _LAST_TIME.search(text[max(0, start - 60):start]):
        return False
    stop = _SENTENCE_STOP.search(text, end)
    return not _SAME_AGAIN.search(_sentence_before(text, start) + text[start:stop.end() if stop else len(text)])


def _members(text: str, start: int, end: int, before: str) -> bool:
    """The number at ``text[start:end]`` (the match may hold its noun: "600 members") is the members a club has."""
    number = re.match(r"\d[\d.,]*", text[start:end])
    return bool(_HAS_BEFORE.search(before)) and bool(
        _MEMBERS_AFTER.search(text[start + number.end() if number else end:end + 40]))


def place_of_an_earlier_time(text: str, start: int, end: int) -> bool:
    """The place at ``text[start:end]`` is said of an earlier time in its clause ("last summer we had a spot at
    Torvehallerne, ... but this spring we want to try X"; "in Nyhavn the last two summers", "Jeg havde plads på
    Israels Plads sidste år"), not said to be the same again ("same place", "samme sted"): no place applied for."""
    if _SAME_PLACE.search(text):
        return False            # "... on Israels Plads (permit 2026-GS-1187). This year ..., same place"
    return _earlier_time(("activity_location",), text, start, end, None) or bool(_EARLIER_AFTER.match(text, end))


# the place of an earlier time applied for again
_SAME_PLACE = re.compile(r"(?i)\b(?:(?:the[ \t])?same[ \t](?:place|spot|location|pitch|site)"
                         r"|samme[ \t](?:sted|plads|placering|plet)(?![\w]))")


# an earlier time right after a place, in its clause (not "som sidste år", "as last year": the same again; not "since
# last year": there still)
_EARLIER_AFTER = re.compile(r"(?i)(?<![.!?])[^.!?;\n]{0,30}?(?<!\bsom )(?<!\bas )(?<!\blike )(?<!\bsame )(?<!\bsince )"
                            r"(?<!\bsiden )\b(?:"
                            + EARLIER_SEASONS
                            + r"|sidste (?:år|aar|sæson|sommer)|i fjor|last (?:year|season|summer))\b")


def _earlier_time(kinds: Sequence[str], text: str, start: int, end: int, received: date | None) -> bool:
    """A quantity, a place or a period said of an earlier time in its clause ("tidligere", "previously", "i 2025"
    before a year received, "på vores forrige projekt"), or a quantity of a thing done away with in a past year
    ("the old 3,000 litre tank was removed in 2019"), where the writer does not say it is the same again."""
    if _IDENTIFIERS.intersection(kinds):
        return False
    place, period = bool(_PLACES.intersection(kinds)), bool(_PERIODS.intersection(kinds))
    if not (place or period) and not any(c.isdigit() for c in text[start:end]):
        return False
    this_year = received.year if received else None
    window = text[max(0, start - 80):start]
    earlier = None
    for m in _EARLIER.finditer(window):
        earlier = m
    found = earlier is not None and not _EARLIER_END.search(window, earlier.end()) \
        and (earlier.group("year") is None or (this_year is not None and int(earlier.group("year")) < this_year))
    if not found and not place and not period:
        gone = _GONE_IN.match(text, end)
        found = gone is not None and this_year is not None and int(gone.group(1)) < this_year
    if not found or (period and any(int(y) >= (this_year or 0) for y in re.findall(r"(?:19|20)\d\d",
                                                                                  text[start:end + 12]))):
        return False
    stop = _SENTENCE_STOP.search(text, end)
    sentence = _sentence_before(text, start) + text[start:stop.end() if stop else len(text)]
    return not _SAME_AGAIN.search(sentence) and not (place and _AGAIN.search(sentence))


# a section's number, not a quantity: "4. Participants" heading a letter's section (not a date: "1. maj")
_SECTION_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+(?!(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\w*\b)"
                             r"[^\W\d]", re.IGNORECASE)


def _section_number(kinds: Sequence[str], text: str, start: int, end: int) -> bool:
    """A quantity match that starts with the number of a section at its line's start ("4. Participants")."""
    if _NO_QUANTITY.intersection(kinds):
        return False
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and bool(_SECTION_NUMBER.match(text, start, end))


def _mounting_height(text: str, start: int, end: int) -> bool:
    """The match at ``text[start:end]`` is part of a height the thing is put at ("i ca. 3 meters højde")."""
    offset = max(0, start - 30)
    return any(m.start() < end - offset and m.end() > start - offset
               for m in _MOUNTING.finditer(text[offset:end + 30]))


def names_a_district(place: str) -> bool:
    """A whole part of town, or the city, named in one word ("ny restaurant på Nørrebro", "a spot in Vesterbro"): an
    area, not a site (not "Islands Brygge", a street of that name as well)."""
    low = place.strip().lower()
    return " " not in low and low in _DISTRICTS


def implausible(key: str, value: object) -> bool:
    """A detail that cannot be what it claims: an address whose "house number" is a postcode ("Nørrebrogade 2200";
    house numbers run from 1 to 999), a place that is a whole district or town ("in Østerbro"), a form's answer
    read as a place that says it comes later or is not known ("Adresse for opstilling\tFølger", "står i vores
    lejekontrakt, vender tilbage"), or a part of a building with no street ("Placering: Kælder under køkken")."""
    if key not in ("address", "activity_location"):
        return False
    place = str(value).strip().lower()
    return re.match(r"[^\d,]+\s\d{4,}\b", place) is not None or place in _DISTRICTS \
        or _NO_PLACE.fullmatch(place) is not None or (not any(c.isdigit() for c in place) and (
            _BUILDING_PART.match(place) is not None or _PLACE_TO_COME.search(place) is not None))


# a place in a building, not its address: "Placering: Kælder under køkken", "on the roof", "i teknikrummet"
_BUILDING_PART = re.compile(r"(?:(?:i|in|on|under|på|the)\s+)*(?:kælder(?:en|etagen)?|basement|cellar|loft(?:et)?|"
                            r"attic|køkken(?:et)?|kitchen|tag(?:et)?|roof(?:top)?|teknikrum(?:met)?|fyrrum(?:met)?|"
                            r"boiler room|plant room)\b")


def _another_party(before: str) -> bool:
    """The number's sentence names another party before it, and not the business's own ("vores CVR") after that."""
    parties = list(_OTHER_PARTY.finditer(before))
    if not parties:
        return False
    last = parties[-1]
    if any(m.start() <= last.start() and m.end() > last.end() for m in _WRITER_ROLE.finditer(before)):
        return False  # "Som revisor for X ApS, CVR": the writer's role, the number X's
    if _RUN_BY_GROUP.search(before[:last.end()]) or _DANISH_GROUP.search(before[:last.end()]):
        return False  # "run by our subsidiary, X ApS (CVR": the company running the activity
    return not _OWN.search(before, last.end())


def _party_address(before: str) -> bool:
    """The address is introduced as another party's ("Containerfirmaet har adresse på ...")."""
    intro = _ADDRESS_INTRO.search(before)
    return intro is not None and bool(_OTHER_PARTY.search(before, 0, intro.start())
                                      or _A_FIRM.search(before, 0, intro.start()))


# the writer applies for someone else: "for vores kunde Blomster & Bånd ApS", "vi søger på deres vegne", "on behalf of
# our client", "for a customer" (not the business's own customers: "plads til vores kunder")
_CLIENT = r"(?:kunde|kunden|klient|klienten|client|customer|bygherre|bygherren|ejeren|owner)(?![\w'’])"
_FOR_A_CLIENT = re.compile(
    r"\bpå (?:deres|hans|hendes|dennes|kundens|klientens|bygherrens|ejerens) vegne\b"
    r"|\bon (?:their|his|her|the client's|the customer's|the owner's) behalf\b"
    r"|\b(?:på vegne af|on behalf of|for|working for|writing for)\s+(?:vores|vor|vort|min|mit|en|et|our|my|a|an|the)"
    r"\s+(?:[^\W\d_]+\s+)?" + _CLIENT
    + r"|\b(?:vores|vor|min|our|my)\s+" + _CLIENT
    # a tradesman's job at a customer's: "tanken skal sættes op hos kunde", "hos en kunde", "at a customer's house"
    + r"|\bhos\s+(?:(?:en|et|vores|min|mit)\s+(?:[^\W\d_]+\s+)?)?" + _CLIENT
    + r"|\bat\s+(?:a|the|our|my)\s+(?:[^\W\d_]+\s+)?(?:client|customer)(?:'s|’s|s')"
    + r"|" + _WRITER_ROLE.pattern
    # a managing agent writes for the owners or a tenant of a property it manages: "Vi administrerer A/B
    # Kastanjegården", "a property we manage", "ejendommen, som vi administrerer", "one of the tenants in ..."
    + r"|\b(?:vi|jeg)\s+(?:administrerer|forvalter)\b(?!\s+selv\b)"
    + r"|\b(?:ejendom|bygning|forening|boligselskab|property|properties|building|estate|block)\w*,?\s+"
    r"(?:(?:som|der|that|which)\s+)?(?:vi|jeg|we|I)\s+(?:administrerer|forvalter|manage|administer)\b"
    + r"|\b(?:we|I)\s+(?:manage|administer)\s+(?:the|this|that|a|an)\s+(?:\w+\s+)?(?:property|building|estate|"
    r"block|housing association)\b"
    + r"|\b(?:one of|en af)\s+(?:the|our|vores|de)\s+(?:\w+\s+)?(?:tenants|lejere)\b", re.IGNORECASE)


def for_a_client(texts: Sequence[str]) -> bool:
    """The writer applies for someone else (a client, a customer, the owner, the owners or a tenant of a property the
    writer manages), works at a customer's, or names their own role for another ("Som revisor for ..."): the signature
    is the writer's office."""
    return any(_FOR_A_CLIENT.search(t) for t in texts)


def district_elsewhere(texts: Sequence[str], signature: str) -> bool:
    """The texts place something in a district ("ved vores lager i Valby", "en ny afdeling på Vesterbro") or in the
    city itself ("tre bagerbutikker i København", "a shop in Copenhagen") and the signature's address is in a town
    outside every district named (2750 Ballerup, 2600 Glostrup): the signature is the writer's office, not the
    place."""
    named = {m.group(1).lower() for t in texts for m in _IN_DISTRICT.finditer(t)}
    if not named:
        return False
    towns = set()
    for m in _FOUR_DIGITS.finditer(signature):
        found = postcode_town(m.group(), signature[m.end():m.end() + 40])
        if found:
            towns.add(found[1].lower())
    return bool(towns) and not any(town in _DISTRICT_TOWNS[d] for d in named for town in towns)


def own_address_at(text: str, start: int) -> bool:
    """The address at ``start`` is introduced as the business's own ("vores kontor ligger på ...")."""
    return bool(_OWN_ADDRESS.search(_sentence_before(text, start)))


def _not_the_period(text: str, start: int, end: int, received: date | None) -> bool:
    """Every date in ``text[start:end]`` is a deadline or in the past; a match with no date is left alone."""
    dates = [d for d in find_dates(text[max(0, start - 5):end + 12]) if d.start < end - max(0, start - 5)]
    if not dates:
        return False
    offset = max(0, start - 5)
    return all(_other_date(text, offset + d.start, offset + d.end, d.day, d.month, d.year, received) for d in dates)


def _other_date(text: str, start: int, end: int, day: int, month: int, year: int | None,
                received: date | None) -> bool:
    before = _sentence_before(text, start)
    if _DEADLINE.search(before[-40:]) or _PAST.search(before) or _mail_header_date(text, start):
        return True
    # read across the dot of "5. eller 12. juni", which ``_sentence_before`` takes for a sentence's end
    if _UNSETTLED_BEFORE.search(text[max(0, start - 40):start]) or _OR_AFTER.search(text[end:end + 20]):
        return True
    if received is None:
        return False
    if year is None and _THIS_YEAR.search(text[end:end + 12]):
        year = received.year
    try:
        return year is not None and date(year, month, day) < received
    except ValueError:
        return False


# a forwarded or quoted mail's header: "Fra: Marie Holt\nDato: 25. nov. 2026\nEmne: Brief" (the date it was written)
_HEADER_DATE_LABEL = re.compile(r"(?:dato|date|sendt|sent)\s*:[^\n]*$", re.IGNORECASE)
# (a sender, not a form's "Fra: kl. 12" or "From: 1 June")
_HEADER_FROM = re.compile(r"^[ \t>]*(?:fra|from)[ \t]*:[ \t]*(?!kl\b|\d)[^\W\d_]", re.IGNORECASE | re.MULTILINE)
_HEADER_SUBJECT = re.compile(r"^[ \t>]*(?:emne|subject)[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _mail_header_date(text: str, start: int) -> bool:
    """The date at ``start`` is on the "Dato:"/"Date:" line of a mail's header: a "Fra:"/"From:" line naming a
    sender and an "Emne:"/"Subject:" line within three lines of it (an event form's "Dato: 14. juni 2027" has
    neither)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _HEADER_DATE_LABEL.match(text, line_start, start) and not _HEADER_DATE_LABEL.fullmatch(
            text[line_start:start].lstrip(" \t>")):
        return False
    block_start = line_start
    for _ in range(3):
        block_start = text.rfind("\n", 0, max(0, block_start - 1)) + 1
    block_end = start
    for _ in range(3):
        nxt = text.find("\n", block_end + 1)
        block_end = len(text) if nxt < 0 else nxt
    block = text[block_start:block_end]
    return bool(_HEADER_FROM.search(block)) and bool(_HEADER_SUBJECT.search(block))


def _sentence_before(text: str, start: int) -> str:
    before = text[max(0, start - _BEFORE):start]
    cut = max((m.end() for m in re.finditer(r"[!?\n]|\.(?!\d)(?=\s)", before)), default=0)
    return before[cut:]


def locate(key: str, value: object, text: str) -> Iterator[tuple[int, int]]:
    """Where the detail ``key`` with ``value`` is written in ``text`` (nothing when its form cannot be told)."""
    pattern = _locator(key, value)
    if pattern is None:
        return iter(())
    if key in ("period_from", "period_to"):
        return ((d.start, d.end) for d in find_dates(text) if pattern.fullmatch(f"{d.day}.{d.month}.{d.year or ''}"))
    if key == "area_m2":
        return chain(((m.start(), m.end()) for m in pattern.finditer(text)), _dimensions_of(value, text))
    return ((m.start(), m.end()) for m in pattern.finditer(text))


def _dimensions_of(area: object, text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` gives the area as its length and width ("3 x 3 m" for 9): the extractor multiplies them."""
    for m in DIMENSIONS.finditer(text):
        a, b = dimension_sides(m)
        if a and b and round(a * b, 2) == area:
            yield m.start(), m.end()
    for length, depth, start, end in length_and_depth(text):
        if round(length * depth, 2) == area:
            yield start, end


def _locator(key: str, value: object) -> re.Pattern[str] | None:
    raw = str(value)
    if key in ("cvr", "p_number") and raw.isdigit():
        return re.compile(r"(?<!\d)" + r"[ .-]?".join(raw) + r"(?!\d)")
    if key in ("area_m2", "litres", "guests") and isinstance(value, int | float) and not isinstance(value, bool):
        if value != int(value):
            return re.compile(r"(?<![\d.,])" + re.escape(raw).replace(r"\.", "[.,]") + r"(?![\d])")
        digits = str(int(value))
        grouped = r"[.,  ]?".join([digits[:len(digits) % 3 or 3]] + [digits[i:i + 3] for i in
                                                                     range(len(digits) % 3 or 3, len(digits), 3)])
        return re.compile(r"(?<![\d.,])(?:" + digits + "|" + grouped + r")(?![\d]|[.,]\d)")
    if key in ("period_from", "period_to"):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw)
        return re.compile(rf"{int(m[3])}\.{int(m[2])}\.(?:{m[1]})?") if m else None
    if key in ("address", "activity_location"):
        street = re.split(r"\s\d|,", raw, maxsplit=1)[0].strip()
        return re.compile(r"(?<!\w)" + re.escape(street) + r"(?!\w)", re.IGNORECASE) if len(street) > 2 else None
    return None

"""Mentions in passing: clauses that name a task type without asking for it."""
import pytest

from classifier.mentions import held_permits, is_mention, strip_mentions, without_mentions


@pytest.mark.parametrize("clause", [
    "Vi har allerede en affaldsaftale med R98.",
    "Skiltet blev godkendt sidste år.",
    "We already have our waste contract.",
    "The sign on the side wall was approved in 2019 and will stay as it is.",
    "Køkkenet har ingen friture, så vi skal ikke have fedtudskiller.",
    "No grease separator is required.",
    "Spildevandet er uændret.",
    "Der søges derfor ikke om skilte.",
    "Skiltet over døren er overtaget fra den tidligere restaurant og ændres ikke.",
])
def test_what_is_already_there_or_not_needed_is_a_mention(clause):
    assert without_mentions(clause) != clause.strip()


@pytest.mark.parametrize("clause", [
    "Vi søger om udeservering med fire borde.",
    "Vi har brug for en ny affaldsaftale.",
    "We would like a permit for a new sign.",
    "Vi har fået at vide, at vi skal søge om en fedtudskiller.",
    "We already run a café and now apply for outdoor seating.",
])
def test_a_request_is_no_mention(clause):
    assert not is_mention(clause)
    assert without_mentions(clause) == clause


def test_only_the_mentioning_clause_of_a_sentence_is_left_out():
    text = "Vi har allerede tilladelse til vores facadeskilt, så det er kun udeserveringen, vi søger om nu."
    assert without_mentions(text) == "så det er kun udeserveringen, vi søger om nu."


def test_a_negated_need_is_a_mention_even_with_a_word_of_asking():
    assert is_mention("Vi har ikke brug for en fedtudskiller, fordi vi ikke laver mad.")


def test_the_whole_text_keeps_its_lines_and_loses_its_mentions():
    text = "Hej\nVi søger om et skilt.\nVi har allerede en affaldsaftale.\nMvh Ole"
    assert strip_mentions(text) == "Hej\nVi søger om et skilt.\n\nMvh Ole"


def test_a_sentence_wrapped_from_a_pdf_is_read_whole():
    text = "Our kitchen has no frying, so no grease\nseparator is required."
    assert "grease" not in strip_mentions(text)


@pytest.mark.parametrize("clause", [
    "Byggetilladelsen er ok.",
    "Nu handler det ikke om skiltet.",
    "Containerne står på egen grund.",
    "Containeren skal ikke stå på vejen, men på grunden.",
    "The building permit is OK.",
    "The skip goes on our own property, not on the street.",
])
def test_what_is_settled_or_elsewhere_is_a_mention(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Spildevandstilladelsen søger vi hos jer separat senere.",
    "Vi sender anmeldelsen af jordflytningen særskilt.",
    "We will apply for the wastewater permit separately.",
])
def test_an_application_deferred_to_its_own_time_is_a_mention_though_it_names_applying(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Vi søger om at stille en container på vejen.",
    "Is it OK to put a skip on the street?",
    "Vi søger om tilladelse og sender tegningerne senere.",
    "We apply for a permit and will send the drawings separately.",
    "Vi søger om tilladelse og sender tegningerne separat.",
])
def test_a_request_with_a_near_word_is_no_mention(clause):
    assert not is_mention(clause)


def test_a_parenthesis_is_a_clause_of_its_own():
    text = "Vi bygger om i stueetagen (byggetilladelse er ok) og skal have en container på gaden."
    assert strip_mentions(text) == "Vi bygger om i stueetagen og skal have en container på gaden."
    kept = "Vi har en ny café (åbnet i maj) og vil søge om udeservering."
    assert strip_mentions(kept) == kept


@pytest.mark.parametrize("clause", [
    "The grease trap is emptied by a contractor.",
    "Our cardboard is collected by the landlord's contractor.",
    "The old tank will be handled by the tank company.",
    "Olieudskilleren tømmes af et slamsugerfirma.",
    "Byggeaffaldet håndteres af entreprenøren.",
    "The scaffolding the builder arranges himself.",
])
def test_what_someone_else_handles_is_a_mention(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Vi har byggetilladelse til tilbygningen.",
    "Det har vi byggetilladelse til.",
    "Gravetilladelsen har vi fra Trafik.",
    "Ejendommen fik byggetilladelsen i marts.",
    "Byggeriet er omfattet af en byggetilladelse.",
    "Miljøgodkendelsen foreligger.",
    "Sidste sommer fik vi lov til en koncert på pladsen.",
    "The works are carried out under a building permit issued in May.",
    "The landlord has the permits for the ventilation.",
    "The permit for the scaffold came through last week.",
])
def test_a_permit_that_is_there_is_a_mention(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Ansøgning om byggetilladelse vedlægges.",
    "Vi har brug for en byggetilladelse til tilbygningen.",
    "Vi skal rive den tidligere lagerbygning ned.",
    "We will demolish the existing garage in May.",
])
def test_a_permit_asked_for_or_a_former_building_is_no_mention(clause):
    assert not is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Der skal ikke graves.",
    "Der kommer ikke nogen container på vejen.",
    "No skip or site hut will be placed on the street.",
    "Nothing is dug or built.",
    "It is not an event, only a stand.",
    "Our sign is not affected.",
    "Skiltet berøres ikke.",
    "Udeservering er ikke aktuelt.",
    "Skurvognen står på byggepladsen.",
    "Caféerne serverer som de plejer.",
    "The café has outdoor seating and a sign today.",
    "Thanks for the quick answer about the scaffold.",
])
def test_what_is_not_involved_or_stays_as_it_is_is_a_mention(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("clause", [
    "Stilladset søges separat af entreprenøren.",
    "Spildevandet søges der om særskilt.",
    "Skiltet tager vi stilling til senere.",
    "Anmeldelsen af det støjende arbejde sender vi for sig.",
    "The building permit will follow separately.",
    "The outdoor seating we will handle later.",
    "We will deal with that once the builder is chosen.",
    "På sigt vil vi gerne have et par borde udenfor.",
    "We might want a bench outside at some point.",
])
def test_what_is_put_off_is_a_mention(clause):
    assert is_mention(clause)


@pytest.mark.parametrize("text", [
    "Vi har et skilt over døren, men det er fra den forrige lejer.",
    "Affaldet bliver sorteret og kørt væk, så det er styr på.",
    "We will need a skip on the street, but the builder handles it separately.",
    "Vi skal nok have en container på gaden, men den søger vognmanden om særskilt.",
])
def test_a_mention_that_points_back_takes_its_sentence_with_it(text):
    assert without_mentions(text) == ""


def test_a_request_before_a_mention_that_points_back_stays():
    text = "Vi søger om udeservering, men det er allerede aftalt med udlejer."
    assert without_mentions(text) == "Vi søger om udeservering"


def test_a_parenthesis_goes_with_the_mention_around_it_and_settles_the_clause_it_points_back_to():
    assert strip_mentions("Kranen har vi allerede tilladelse til (sag om vejareal fra januar).") == ""
    text = "Vi har udeservering om sommeren (det er i orden), og nu vil vi holde en koncert."
    assert without_mentions(text) == "og nu vil vi holde en koncert."
    text = "Vi har en café (åbnet i maj), og vi søger om udeservering."
    assert without_mentions(text) == text


# ---------------------------------------------------------------- permits the business already holds

@pytest.mark.parametrize(("text", "held"), [
    ("Vi søger om stillads på fortovet. Lidt baggrund: vi fik byggetilladelse fra Center for Bygninger i november.",
     {"byggetilladelse"}),
    ("Der er meddelt byggetilladelse den 2. februar 2027, og den er ikke påklaget.\nVi søger om en skurvogn.",
     {"byggetilladelse"}),
    ("Der er meddelt byggetilladelse den 2. februar 2027.\nEntreprenøren skal nu have en skurvogn på vejen.",
     {"byggetilladelse"}),
    ("Building permit is granted from Center for Bygninger in 2026.\nWe need a tower crane on the pavement.",
     {"byggetilladelse"}),
    ("Byggetilladelsen til tilbygningen kom endelig i går. Vi skal have en container på vejen.", {"byggetilladelse"}),
    ("Vi har gravetilladelsen i orden. Nu søger vi om en lift på fortovet.", {"gravetilladelse"}),
])
def test_a_permit_the_business_already_holds_is_named(text, held):
    assert held_permits(text) == held


@pytest.mark.parametrize("text", [
    "Vi vil gerne søge byggetilladelse til tagboligerne. Stillads søger vi om, når byggetilladelsen er i hus.",
    "We will apply for the road permit once the building permit is granted.",
    "Our architect has applied for the building permit (change of use) via Byg og Miljø.",
    "Vi har forstået, at det kræver byggetilladelse, fordi huset ligger tæt på skel.",
    "Ændring af miljøgodkendelse\nSnedkeriet har miljøgodkendelse fra 2017 og vil nu have en ny sprøjteboks.",
    "Skal vores renseri have miljøgodkendelse?\nSælger har en gammel miljøgodkendelse.",
    "Vi har ikke fået byggetilladelse endnu.",
    "We have filed the building permit application in Byg og Miljø.",
    "Ansøgning om byggetilladelse - vi har allerede byggetilladelse til carporten, nu gælder det udestuen.",
])
def test_a_permit_asked_for_needed_changed_or_to_come_is_not_held(text):
    assert held_permits(text) == frozenset()

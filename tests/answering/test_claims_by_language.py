"""The claims a question in another language makes, read with its language's table.

Rows use invented makers and objects: what is tested is the slot a word fills, per language.
"""

from __future__ import annotations

import pytest

from assistant.answering.claims_by_language import TABLES, names_in, said_in, states_material
from assistant.answering.reading import read

MAKERS = frozenset({"hendrikse", "talmont"})


def claims(language: str, text: str) -> set[tuple[str, str]]:
    return {(c.kind, c.value) for c in said_in(language, text, makers=MAKERS).claims}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The subject of a making verb, before it or right after it.
        (
            "fr",
            "Marguerite Dufresnoy a peint ce paysage, non ?",
            {("maker", "Marguerite Dufresnoy")},
        ),
        ("fr", "Pourquoi Talmont a-t-il sculpté ce buste ?", {("maker", "Talmont")}),
        ("es", "¿Cuándo pintó Talmont la vista del puerto?", {("maker", "Talmont")}),
        (
            "nl",
            "Wanneer schilderde Pieter Hendrikse het molenlandschap?",
            {("maker", "Pieter Hendrikse")},
        ),
        ("de", "Warum hat Hendrikse die Mühle gemalt?", {("maker", "Hendrikse")}),
        # In German a name takes no article: the noun the article opens comes before it, and
        # "den" after it opens the next noun ("den Krug"), not more of the name.
        (
            "de",
            "Warum hat der Kartograf Pieter Hendrikse den Atlas Maior gezeichnet?",
            {("maker", "Pieter Hendrikse")},
        ),
        ("de", "Hat Pieter Hendrikse den Krug bemalt?", {("maker", "Pieter Hendrikse")}),
        # A noun before "von" heads "X of Y": no name follows it.
        ("de", "Woraus ist der Krug von Bad Siegburg gemacht?", set()),
        ("it", "Talmont ha scolpito il busto del mercante?", {("maker", "Talmont")}),
        # After "by", and after "<a work> of".
        (
            "it",
            "Il vaso scolpito da Ottavio Berrini è di cristallo?",
            {("maker", "Ottavio Berrini")},
        ),
        ("fr", "La broche d'Odile Varenne est en quoi ?", {("maker", "Odile Varenne")}),
        ("nl", "Ik sta voor het schilderij van Pieter Hendrikse.", {("maker", "Pieter Hendrikse")}),
        # Asked, not credited: "who made it" names no maker; a depicted person comes second.
        ("fr", "Qui a peint Marguerite Dufresnoy ?", set()),
        ("es", "¿Quién pintó el retrato de Odile Varenne?", set()),
        ("fr", "Pourquoi Talmont a-t-il peint Odile Varenne ?", {("maker", "Talmont")}),
        # Not a name: a title that opens with an article, a German noun, a sentence's opening
        # word, a rank before "of", a place after "of" behind no work.
        ("fr", "Qui a peint La Vue du port ?", set()),
        ("de", "In welchem Jahr hat der Meister die Mühle gemalt?", set()),
        ("de", "Warum hat man die Mühle von Kelsterbach gemalt?", set()),
        ("es", "Háblame del retrato del rey de Francia.", set()),
        ("it", "Il ritratto del sultano Abd-al-Malik è qui?", set()),
        # A year of making; not one of another event, nor a span.
        (
            "fr",
            "Talmont a peint ce paysage en 1701, non ?",
            {("maker", "Talmont"), ("date", "1701")},
        ),
        # ... a text's writing is its making, in every language's table.
        (
            "fr",
            "Talmont a écrit cette lettre en 1701, non ?",
            {("maker", "Talmont"), ("date", "1701")},
        ),
        ("de", "Das Bild wurde 1911 gestohlen, oder?", set()),
        ("nl", "Sinds 1820 hangt het doek in het museum.", set()),
        ("it", "La tela è del 1733?", {("date", "1733")}),
        ("es", "¿Lo compró el museo en 1931?", set()),
        # A material it is said to be made of; not one asked about, offered or denied.
        ("es", "La estela está labrada en mármol, ¿verdad?", {("material", "marble")}),
        ("de", "Die Figur ist aus Elfenbein geschnitzt.", {("material", "ivory")}),
        ("it", "Di che pietra è fatta la coppa?", set()),
        ("fr", "Est-il en bois ou en toile ?", set()),
        ("nl", "Het beeldje is niet van brons.", set()),
        # A name before "his <work>" or "his <Title>" is credited, whatever the verb.
        (
            "fr",
            "Pourquoi Talmont a-t-il mis un chien dans son Paysage d'hiver ?",
            {("maker", "Talmont")},
        ),
        ("de", "Warum hat Hendrikse sein Bild so dunkel gehalten?", {("maker", "Hendrikse")}),
        (
            "nl",
            "Waarom koos Hendrikse zo'n donkere lucht voor zijn schilderij?",
            {("maker", "Hendrikse")},
        ),
        ("es", "¿Por qué usó Talmont tanto azul en su cuadro?", {("maker", "Talmont")}),
        (
            "it",
            "Perché Talmont ha messo un gatto nel suo Ritratto di famiglia?",
            {("maker", "Talmont")},
        ),
        # ... not before "his" and a thing that is no work; in German every noun has a capital.
        ("fr", "Talmont aimait son chien, non ?", set()),
        ("de", "Hendrikse liebte seinen Hund, oder?", set()),
        # A place of making, by its English name where the language spells it otherwise;
        # not the place of another event.
        (
            "fr",
            "Talmont l'a peint à Anvers, non ?",
            {("maker", "Talmont"), ("name", "Antwerp"), ("place", "antwerp")},
        ),
        (
            "es",
            "Yo creía que lo había pintado en Sevilla.",
            {("name", "Seville"), ("place", "seville")},
        ),
        ("it", "È stato dipinto a Delft?", {("name", "Delft"), ("place", "delft")}),
        ("nl", "Is het in Den Haag geschilderd?", {("name", "The Hague"), ("place", "the hague")}),
        ("fr", "Il a été peint à La Haye ?", {("name", "The Hague"), ("place", "the hague")}),
        ("fr", "Le musée l'a acheté à Paris en 1931.", set()),
        ("de", "Wurde es in Öl gemalt?", set()),
        # A century or an era after "au"/"en" says when, not where.
        ("fr", "Ce masque a été sculpté au XVIe siècle ?", set()),
        ("es", "¿Fue tallado en XVII?", set()),
        # A common verb opening a question is no one's name (a word pyspellchecker's Spanish
        # list lacks).
        ("es", "¿Fue tallado en 1701?", {("date", "1701")}),
        ("es", "¿Puede ser que lo pintara Talmont?", {("maker", "Talmont")}),
        ("fr", "Il a été sculpté au Moyen Âge, non ?", set()),
        ("de", "Wurde es in Venedig gemalt?", {("name", "Venice"), ("place", "venice")}),
        # "Is of <year>" dates the object itself, whatever the participle before says of its
        # finding or buying; a year beside that verb alone dates the event.
        ("it", "La lettera trovata a Ostia è del 150, vero?", {("date", "150")}),
        ("nl", "Het beeld, gekocht in 1901, is van 1642.", {("date", "1642")}),
        ("es", "La carta hallada en 1973 ¿es de verdad antigua?", set()),
        # Said to be theirs: "is of X", "is a X", "is a work of X" (a lone word after "is of"
        # may be a place, and is read only as a maker the collection knows).
        ("es", "Yo diría que es de Odile Varenne.", {("maker", "Odile Varenne")}),
        ("fr", "Non, c'est un Hendrikse.", {("maker", "Hendrikse")}),
        ("it", "Mi pare che sia un'opera di Ottavio Berrini.", {("maker", "Ottavio Berrini")}),
        ("nl", "Het lijkt me eerder een Pieter Hendrikse.", {("maker", "Pieter Hendrikse")}),
        ("de", "Die Vase ist von Ottavio Berrini, oder?", {("maker", "Ottavio Berrini")}),
        ("es", "La vasija es de Talavera, ¿no?", set()),
        ("de", "Die Vase ist doch von Ottavio Berrini.", {("maker", "Ottavio Berrini")}),
        ("fr", "Il était une fois un Roi.", set()),
        # A lone letter is an initial or a code's, no one's name.
        ("es", "El folio del manuscrito W.18 está escrito en latín, ¿verdad?", set()),
        ("fr", "La page du manuscrit W.18 est de Talmont, non ?", {("maker", "Talmont")}),
        # Woods by their trees.
        ("fr", "Le coffret est en noyer, n'est-ce pas ?", {("material", "walnut")}),
        ("it", "La cornice è di pioppo?", {("material", "poplar")}),
    ],
)
def test_claims_in_another_language(language, text, expected):
    assert claims(language, text) == expected


def test_a_year_before_christ_is_negative():
    said = said_in("fr", "Cette coupe a été façonnée en 480 av. J.-C. ?")
    assert [(c.low, c.high) for c in said.claims if c.kind == "date"] == [(-480, -480)]


def test_a_decade_spans_ten_years():
    said = said_in("fr", "Il a été peint dans les années 1890 ?")
    assert [(c.low, c.high) for c in said.claims if c.kind == "date"] == [(1890, 1899)]


def test_every_table_reads_the_same_slots():
    # A language gains a table only with every slot filled: a gap would read nothing there.
    for language, table in TABLES.items():
        assert all(getattr(table, field) for field in table.__dataclass_fields__), language


def test_a_language_without_a_table_states_nothing():
    assert said_in("pl", "Rembrandt namalował to w 1700 roku.").claims == ()


def test_the_reading_of_another_language_carries_its_claims():
    reading = read("Talmont a sculpté ce buste en 1701, non ?", language="fr", makers=MAKERS)
    assert not reading.words_read
    assert {(c.kind, c.value) for c in reading.claims} == {("maker", "Talmont"), ("date", "1701")}
    assert reading.context_said.attributes


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        (
            "fr",
            "Où Odile Varenne a-t-elle peint les marais de Kelsterbach ?",
            {"odile", "varenne", "kelsterbach"},
        ),
        # Not a sentence's first word, nor a German noun English uses every day ("Gold"). A
        # rarer German noun passes ("Bechers"): English texts never give it, so it tells nothing.
        ("de", "Warum ist das Gold aus Kelsterbach so hell?", {"kelsterbach"}),
        ("es", "¿Qué dice la inscripción del cofre?", set()),
        # A name first in its sentence, or typed in lower case, when it is long enough to be
        # told from a mistyped everyday word; a term of art is written alike too.
        ("de", "Kelsterbach, wann wurde er dort gemalt?", {"kelsterbach"}),
        ("nl", "die kan uit kelsterbach, wie heeft hem gemaakt", {"kelsterbach"}),
        ("fr", "qui a fait cette boîte en émail cloisonné", {"cloisonne"}),
        ("nl", "wie heeft die kan van lind gemaakt", set()),
    ],
)
def test_the_names_a_question_gives(language, text, names):
    assert names_in(language, text) == names


@pytest.mark.parametrize(
    "sentence, states",
    [
        # A source's sentence that says what a thing is made of, whatever its language.
        ("Unterboden und Deckel aus Kiefer.", True),
        ("Le socle est en marbre blanc.", True),
        ("De lijst is van eikenhout.", True),
        ("El marco es de nogal.", True),
        ("La base è in bronzo dorato.", True),
        # A material word without the word that says "made of" is no such statement.
        ("Das Gold der Inkas war berühmt.", False),
        ("Le musée l'a acheté en 1931.", False),
        ("Die Tanne im Garten.", False),
    ],
)
def test_a_statement_of_material_is_read_in_every_language(sentence, states):
    assert states_material(sentence) is states


@pytest.mark.parametrize(
    ("language", "text", "exact"),
    [
        ("fr", "Talmont a peint ce paysage en 1701, non ?", True),
        ("fr", "Talmont a peint ce paysage vers l'an 1701, non ?", False),
        ("de", "Talmont hat das Bild 1701 gemalt.", True),
        ("de", "Talmont hat das Bild um 1701 gemalt.", False),
        ("nl", "Talmont heeft het voor 1701 geschilderd.", False),
        ("es", "Talmont lo pintó en 1701.", True),
        ("es", "Talmont lo pintó antes de 1701.", False),
        ("it", "Talmont l'ha dipinto intorno al 1701.", False),
    ],
)
def test_a_year_said_bare_is_exact(language, text, exact):
    dates = [c for c in said_in(language, text, makers=MAKERS).claims if c.kind == "date"]
    assert [c.exact for c in dates] == [exact]

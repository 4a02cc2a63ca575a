"""asks_by_language: what a question in French, German, Dutch, Spanish or Italian asks for."""

import re

import pytest

from assistant.answering.asks_by_language import (
    ASSERTING,
    SHORTHAND,
    TABLES,
    ask_clause,
    asked_in,
    asserts_in,
    written_out,
)
from assistant.answering.reading import Ask, read


@pytest.mark.parametrize(
    "language, question, fields, others, overview",
    [
        ("fr", "Qui a peint La Ronde de nuit ?", {"creator"}, set(), False),
        ("fr", "Qui a acheté les Très Riches Heures en 1856 ?", set(), set(), False),
        ("fr", "Quand a-t-on rogné la toile ?", set(), set(), False),
        ("fr", "En quoi est faite la Pierre de Rosette ?", {"medium"}, set(), False),
        ("fr", "Où se trouve la Joconde ?", {"place"}, set(), False),
        (
            "fr",
            "La Joconde ou la Ronde de nuit, laquelle est la plus grande ?",
            set(),
            set(),
            False,
        ),
        ("fr", "Pourquoi l'a-t-on rognée en 1715 ?", set(), {"reason"}, False),
        ("fr", "Combien de notes a l'orgue ?", set(), {"count"}, False),
        ("fr", "Parlez-moi de la Ronde de nuit.", set(), set(), True),
        # Where it turned up is the find-spot; a verb of finding without "where" is not.
        ("fr", "Où la fibule a-t-elle été trouvée ?", {"found"}, set(), False),
        ("fr", "Qui a trouvé la fibule ?", set(), set(), False),
        ("de", "Wo wurde die Fibel gefunden?", {"found"}, set(), False),
        ("nl", "Waar is de speld opgegraven?", {"found"}, set(), False),
        ("es", "¿Dónde fue hallada la fíbula?", {"found"}, set(), False),
        ("it", "Dove è stata rinvenuta la fibula?", {"found"}, set(), False),
        ("de", "Wer hat die Nachtwache gemalt?", {"creator"}, set(), False),
        ("de", "Wer hat die Mona Lisa 1911 gestohlen?", set(), set(), False),
        ("de", "Wann wurde der Stein gefunden?", set(), set(), False),
        ("de", "Woraus ist das Gefäß gemacht?", {"medium"}, set(), False),
        ("de", "Warum heißt das Bild Nachtwache?", set(), {"reason"}, False),
        ("de", "Erzählen Sie mir von der Nachtwache.", set(), set(), True),
        ("nl", "Wie heeft De Nachtwacht geschilderd?", {"creator"}, set(), False),
        ("nl", "Wanneer is de steen gevonden?", set(), set(), False),
        ("nl", "Waar is het beeld van gemaakt?", {"medium"}, set(), False),
        ("nl", "Waar hangt De Nachtwacht?", {"place"}, set(), False),
        ("nl", "Waarom heet het De Nachtwacht?", set(), {"reason"}, False),
        ("nl", "Hoeveel bladen heeft de codex?", set(), {"count"}, False),
        ("es", "¿Quién pintó el Guernica?", {"creator"}, set(), False),
        ("es", "¿Quién robó la Mona Lisa?", set(), set(), False),
        ("es", "¿De qué piedra está hecha la estela?", {"medium"}, set(), False),
        ("es", "¿De qué está hecho el cofre?", {"medium"}, set(), False),
        ("es", "¿Dónde pintó Picasso el Guernica?", {"place"}, set(), False),
        ("es", "¿Por qué se llama así?", set(), {"reason"}, False),
        ("es", "Háblame del Guernica.", set(), set(), True),
        ("it", "Chi ha dipinto la Gioconda?", {"creator"}, set(), False),
        ("it", "In che anno è stata dipinta?", {"date"}, set(), False),
        ("it", "Di che materiale è fatto il vaso?", {"medium"}, set(), False),
        ("it", "Di che cosa è fatta la cornice?", {"medium"}, set(), False),
        ("it", "Perché lo chiamano William?", set(), {"reason"}, False),
        ("it", "Quanti fogli ha il codice?", set(), {"count"}, False),
        # A "when", "where" or "who" asked of another event (a trimming, a finding, a theft)
        # is that event's, told in the texts: the card's date, place and maker are the
        # making's. A reflexive verb is no event ("se trouve": where it is).
        ("es", "¿Cuándo robaron el cuadro?", set(), set(), False),
        ("it", "Chi ha restaurato la tela e quando?", set(), set(), False),
        ("fr", "Quand a-t-il été peint et exposé ?", {"date"}, set(), False),
        ("it", "Dove si trova il codice?", {"place"}, set(), False),
        # When and how the museum got it is its credit line, not its making date; someone
        # else's purchase is no catalogue field.
        ("fr", "Quand le musée a-t-il acquis la fibule ?", {"credit"}, set(), False),
        ("de", "Wann hat das Museum die Fibel erworben?", {"credit"}, set(), False),
        ("de", "Wer hat die Fibel gekauft?", set(), set(), False),
        ("nl", "Wanneer heeft het museum de speld gekocht?", {"credit"}, set(), False),
        ("es", "¿Cuándo adquirió el museo la fíbula?", {"credit"}, set(), False),
        ("it", "Chi l'ha donata?", {"credit"}, set(), False),
        # A language without a table asks nothing in particular: ranked by meaning alone.
        ("pt", "Quem pintou a Mona Lisa?", set(), set(), False),
    ],
)
def test_what_a_question_in_another_language_asks(language, question, fields, others, overview):
    assert asked_in(language, question) == (fields, others, overview)


def test_every_table_reads_the_same_asks():
    keys = {key for table in TABLES.values() for key in table}
    assert all(set(table) == keys for table in TABLES.values())


def test_the_reading_of_a_question_in_another_language_takes_its_asks_from_the_table():
    reading = read("Wer hat die Nachtwache gemalt?", language="de")
    assert reading.fields == {"creator"} and Ask.MAKER in reading.asks
    # The English tables do not read it: as English it asks nothing in particular.
    assert read("Wer hat die Nachtwache gemalt?", language="en").fields == frozenset()


@pytest.mark.parametrize(
    "language, text, states",
    [
        # A tag that asks to be confirmed.
        ("fr", "La Joconde est peinte sur toile, n'est-ce pas ?", True),
        ("de", "Die Vase ist aus Glas, oder?", True),
        ("nl", "Het schild is van ijzer, toch?", True),
        ("nl", "De helm weegt toch drie kilo?", True),
        ("es", "El cáliz es de plata, ¿verdad?", True),
        ("it", "Il calice è d'argento, giusto?", True),
        # A source cited, a hedge, a contradiction, a challenge.
        ("fr", "Non, c'est du bronze, je l'ai lu sur le cartel.", True),
        ("de", "Aber unser Reiseleiter sagte, es sei aus Rom.", True),
        ("nl", "Nee hoor, het komt uit Delft.", True),
        ("es", "¿Seguro? Yo juraría que lo pintó Goya.", True),
        ("it", "Ma il custode ci ha spiegato che è di marmo.", True),
        # A statement without a question mark that asks for nothing.
        ("de", "Ich war immer überzeugt, dass er es in Rom malte.", True),
        ("es", "Estaba convencida de que era de bronce.", True),
        # "Why" presupposes what it asks the reason for.
        ("fr", "Pourquoi Monet a-t-il peint ce pont en 1920 ?", True),
        ("it", "Perché il vaso è blu?", True),
        # Only asking: a question word, a typed query, a request to be told.
        ("fr", "Qui a peint ce pont ?", False),
        ("de", "Wer hat eigentlich die Brücke gemalt?", False),
        ("nl", "Wanneer is de helm eigenlijk gevonden?", False),
        ("es", "cuando se hizo el caliz", False),
        ("it", "Parlami del calice d'argento.", False),
        ("nl", "Is de vaas van glas?", False),
        # A companion is no source: "with my mother" cites nobody.
        ("es", "Estoy aquí con mi madre, ¿de qué año es el reloj?", False),
        ("en", "It is bronze, right?", False),  # English is read by cues.py, not this table
    ],
)
def test_whether_a_turn_in_another_language_states_something(language, text, states):
    assert asserts_in(language, text) is states


def test_every_language_with_an_ask_table_reads_statements():
    assert set(ASSERTING) == set(TABLES)


def test_a_statement_in_another_language_is_read_as_asserting():
    reading = read("Non, c'est du bronze.", language="fr", history=["En quoi est le vase ?"])
    assert reading.asserts
    assert not read("En quoi est le vase ?", language="fr").asserts


@pytest.mark.parametrize(
    "language, question, ask",
    [
        # A clause that says which object is meant comes before the question word.
        (
            "it",
            "Nel piatto di Faenza col drago, che animale c'è al centro?",
            "che animale c'è al centro?",
        ),
        ("es", "En la jarra de Talavera con un león, ¿quién la pintó?", "quién la pintó?"),
        (
            "fr",
            "Sur le pichet de Rouen au coq, combien de fleurs voit-on ?",
            "combien de fleurs voit-on ?",
        ),
        (
            "de",
            "Bei dem Krug aus Siegburg: Welches Wappen ist darauf?",
            "Welches Wappen ist darauf?",
        ),
        ("nl", "Die tegel uit Makkum met de molen, waarom is hij blauw?", "waarom is hij blauw?"),
        # A preposition may come before the question word.
        ("fr", "Sur la coupe de Nevers, d'où vient le bleu ?", "d'où vient le bleu ?"),
        ("de", "Der Krug aus Siegburg, aus welchem Ton ist er?", "aus welchem Ton ist er?"),
        ("es", "La jarra de Talavera, ¿de quién era?", "de quién era?"),
        # A question that opens with its question word, or has none, is asked whole.
        (
            "it",
            "Che cosa tiene in mano il santo sul piatto?",
            "Che cosa tiene in mano il santo sul piatto?",
        ),
        (
            "fr",
            "Le pichet de Rouen est en faïence, non ?",
            "Le pichet de Rouen est en faïence, non ?",
        ),
        ("es", "¿Es verdad que la jarra se rompió?", "¿Es verdad que la jarra se rompió?"),
        (
            "en",
            "On the Rouen jug, who painted the cock?",
            "On the Rouen jug, who painted the cock?",
        ),
    ],
)
def test_the_clause_that_asks_in_another_language(language, question, ask):
    assert ask_clause(language, question) == ask


@pytest.mark.parametrize(
    "language, typed, read_as",
    [
        # Short forms typed in haste are read written out.
        ("es", "de q año es la jarra d talavera?", "de que año es la jarra de talavera?"),
        ("it", "ki ha fatto il piatto ke ho visto?", "chi ha fatto il piatto che ho visto?"),
        (
            "fr",
            "pk le vase est bleu, qd il a été fait ?",
            "pourquoi le vase est bleu, quand il a été fait ?",
        ),
        ("nl", "wa is dat voor kan, nie gezien", "wat is dat voor kan, niet gezien"),
        # Not an initial, an abbreviation with its point, or part of a code.
        (
            "es",
            "¿Es de D. Juan o de K. Ruiz, del siglo V d.C.?",
            "¿Es de D. Juan o de K. Ruiz, del siglo V d.C.?",
        ),
        ("en", "q: who made it?", "q: who made it?"),
    ],
)
def test_short_forms_are_written_out(language, typed, read_as):
    assert written_out(language, typed) == read_as


def test_a_date_asked_with_a_short_form_is_asked():
    assert "date" in read("y la jarra, de q año es?", language="es").fields


@pytest.mark.parametrize("language", sorted(SHORTHAND))
def test_no_short_form_is_a_tag_the_tables_read_as_typed(language):
    # Writing a short form out must not hide a tag that asks for agreement ("..., ne?").
    tag = re.compile(ASSERTING[language])
    for short in SHORTHAND[language]:
        assert not tag.search(f"es ist aus bronze, {short}?"), short


def test_a_german_tag_survives_the_short_forms():
    assert read("Das ist aus Bronze, ne?", language="de").asserts

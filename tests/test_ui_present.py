"""How answers are presented (pure functions, no browser)."""

from dataclasses import replace

import pytest

from assistant.answer import Answer, AnswerSentence, Citation
from ui.present import (
    highlighted_passage,
    image_tag,
    looks_like_accession,
    lookup_question,
    md_escape,
    related_questions,
    source_label,
    stream_pieces,
    title_of,
)

RECORD = (
    "The Night Watch is by Rembrandt van Rijn (painter, 1606–1669). The Night Watch is dated "
    "1642. The accession number of The Night Watch is SK-C-5."
)


def citation(n=1, passage=RECORD, title="The Night Watch"):
    return Citation(n, "nw", title, "SK-C-5", "https://example.org/nw", "CC-BY-4.0", passage)


def test_streams_each_verified_sentence_with_its_citations():
    answer = Answer(
        "Q?",
        "answered",
        "",
        sentences=[AnswerSentence("First *one*.", [1]), AnswerSentence("Second.", [1, 2])],
    )
    assert list(stream_pieces(answer)) == ["First \\*one\\*. \\[1\\]", " Second. \\[1\\]\\[2\\]"]


def test_highlights_the_passage_sentence_an_answer_sentence_relies_on():
    html = highlighted_passage(
        citation(), [AnswerSentence("The Night Watch is dated 1642.", [1], "record")]
    )
    assert '<mark class="cited">The Night Watch is dated 1642.</mark>' in html
    assert html.count("<mark") == 1


def test_a_paraphrase_is_matched_to_its_closest_sentence_and_text_is_escaped():
    c = citation(passage="It was <painted> in 1642. Its varnish darkened over time.")
    html = highlighted_passage(c, [AnswerSentence("The varnish darkened with time.", [1])])
    assert '<mark class="cited">Its varnish darkened over time.</mark>' in html
    assert "&lt;painted&gt;" in html


@pytest.mark.parametrize(
    "entry,title",
    [
        ({"kind": "record", "passage": RECORD}, "The Night Watch"),
        (
            {"kind": "record", "passage": "Rosetta Stone is the work of an Egyptian maker."},
            "Rosetta Stone",
        ),
        (
            {"kind": "record", "passage": "The medium of Mona Lisa is oil on poplar panel."},
            "Mona Lisa",
        ),
        ({"kind": "text", "passage": "Leonardo began this portrait in 1503."}, None),
        ({"kind": "text", "title": "Given Title", "passage": "x"}, "Given Title"),
    ],
)
def test_titles_come_from_the_entry_or_its_record_sentence(entry, title):
    assert title_of(entry) == title


def test_refusal_suggestions_name_only_retrieved_objects_nearest_first():
    answer = Answer(
        "What is the capital of France?",
        "refused",
        "",
        retrieved=[
            {"source_id": "ml", "score": 0.18, "kind": "text", "passage": "Leonardo began it."},
            {
                "source_id": "rs",
                "score": 0.09,
                "kind": "record",
                "passage": "Rosetta Stone is the work of an Egyptian maker.",
            },
            {
                "source_id": "ml",
                "score": 0.11,
                "kind": "record",
                "passage": "Mona Lisa is by Leonardo da Vinci.",
            },
            {"source_id": "x", "score": 0.5, "kind": "text", "passage": "No record, no title."},
        ],
    )
    assert related_questions(answer) == ["Who made Mona Lisa?", "Who made Rosetta Stone?"]
    assert related_questions(Answer("Q", "refused", "")) == []


def test_two_sources_with_one_title_say_which_is_the_record():
    record = citation(1)
    text = citation(2, passage="The scene is not set at night.")
    assert source_label(record, [record, text]) == "[1] The Night Watch (catalogue record)"
    assert source_label(text, [record, text]) == "[2] The Night Watch (curatorial text)"
    assert source_label(record, [record]) == "[1] The Night Watch"


def test_lookups_become_questions_the_assistant_resolves():
    assert lookup_question("accession", " SK-C-5 ") == (
        "What is the object with accession number SK-C-5?"
    )
    assert lookup_question("title", "The  Night Watch") == "Tell me about The Night Watch."
    assert looks_like_accession("37.1940.183") and looks_like_accession("SK-C-5")
    assert not looks_like_accession("The Night Watch")


def test_markdown_escaping_keeps_text_literal():
    assert md_escape(":red[boo] $x$ *a*") == ":red\\[boo\\] \\$x\\$ \\*a\\*"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("SK-C-5 (1642)") == "SK-C-5 (1642)"


def test_a_source_image_is_an_img_the_browser_loads_lazily_without_a_referrer():
    source = Citation(
        1,
        "nw",
        'The "Night" <Watch> & co',
        "SK-C-5",
        "",
        "CC0",
        RECORD,
        image_url='https://img.example/iiif/1/full/400,/0/default.jpg?a=1&b="x"',
    )
    assert image_tag(source) == (
        '<img class="source-image" '
        'src="https://img.example/iiif/1/full/400,/0/default.jpg?a=1&amp;b=&quot;x&quot;" '
        'alt="The &quot;Night&quot; &lt;Watch&gt; &amp; co" loading="lazy" '
        'referrerpolicy="no-referrer">'
    )


@pytest.mark.parametrize(
    "url", ["", "javascript:alert(1)", "data:image/png;base64,AAAA", "//img.example/a.jpg"]
)
def test_no_img_for_an_address_that_is_not_http(url):
    assert image_tag(Citation(1, "s", "T", "A", "", "CC0", "p", image_url=url)) == ""


def test_a_source_label_gives_the_title_in_the_answers_language_first():
    record = replace(citation(1), title_in_language="La Ronde de nuit")
    assert source_label(record, [record]) == "[1] La Ronde de nuit (The Night Watch)"

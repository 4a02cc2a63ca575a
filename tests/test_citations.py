from assistant.citations import Draft, parse_reply, strip_markers


def test_parses_json_sentences_with_citations():
    reply = '{"sentences": [{"text": "It was painted in 1642.", "citations": [2]}]}'
    assert parse_reply(reply) == [Draft("It was painted in 1642.", [2])]


def test_splits_a_json_item_holding_several_sentences_and_keeps_citations_on_each():
    reply = (
        '{"sentences": [{"text": "It is oil on canvas. It is in Amsterdam.", "citations": [1]}]}'
    )
    assert parse_reply(reply) == [
        Draft("It is oil on canvas.", [1]),
        Draft("It is in Amsterdam.", [1]),
    ]


def test_parses_plain_prose_markers_per_sentence():
    drafts = parse_reply("Rembrandt painted it [1]. It hangs in Amsterdam [2, 3]. Uncited claim.")
    assert drafts == [
        Draft("Rembrandt painted it.", [1]),
        Draft("It hangs in Amsterdam.", [2, 3]),
        Draft("Uncited claim.", []),
    ]


def test_strip_markers_deduplicates_and_cleans_spacing():
    assert strip_markers("Painted in 1642 [1][1] .") == ("Painted in 1642.", [1])


def test_malformed_json_items_are_ignored_not_fatal():
    assert parse_reply('{"sentences": [3, {"citations": [1]}, {"text": 5}]}') == []
    assert parse_reply('{"answer": "x"}') == []
    assert parse_reply("") == []

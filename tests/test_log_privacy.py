"""Personal data typed earlier in a conversation never reaches the log, the review or exports.

End to end: the real assistant (index, embeddings, answer path) and a real SQLite answer log.
A visitor's first turn holds an email address and a phone number; the second turn follows on
from it and is refused with a reason built from the whole conversation, which names the
first turn's words. What is stored, what the review page reads and what the exports write
must hold none of them.
"""

import csv
import io
import json
import re

import pytest

from assistant.answer_log import AnswerLog, LogFilter
from assistant.fakes import ScriptedChatModel
from assistant.service import build_assistant
from tests.conftest import make_settings
from ui.review_data import decisions, table, to_csv, to_jsonl

FIRST_TURN = "My email is jane.doe@example.com and my phone +33 1 23 45 67 89"
# The pieces a reason built from the first turn lists: its words, their stems, its numbers.
FRAGMENTS = {"jane", "doe", "example", "exampl", "com", "33", "23", "45", "67", "89"}
# A word or number on its own (not the "23" of a score such as 0.23).
_TOKEN = re.compile(r"(?<![^\W_])(?<!\d[.,])[^\W_]+(?![^\W_])(?![.,]\d)")


# Numbers of the log's own: a row's id, when it was written (an hour may be "23").
OWN_NUMBERS = {"id", "created_at", "when", "timings_ms"}


def leaked(data: object) -> set[str]:
    """The fragments in ``data`` (text, or rows whose own numbers are left out)."""
    if not isinstance(data, str):
        rows = data if isinstance(data, list) else [data]
        kept = [{k: v for k, v in r.items() if k not in OWN_NUMBERS} for r in rows]
        data = json.dumps(kept, default=str, ensure_ascii=False)
    return {t for t in _TOKEN.findall(data.casefold()) if t in FRAGMENTS}


@pytest.fixture
def conversation(indexed_dir, tmp_path):
    # A low relevance floor lets the three-text test corpus reach the evidence stage's
    # "the nearest vetted source is about something else: it does not mention ..." refusal,
    # whose list of words is read from the conversation, earlier turns included.
    settings = make_settings(
        indexed_dir, db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}", min_relevance=0.05
    )
    answer = build_assistant(settings, model=ScriptedChatModel()).ask("Is it true?", [FIRST_TURN])
    return answer, AnswerLog(settings.log_url)


def test_a_reason_naming_an_earlier_turns_details_is_stored_without_them(conversation):
    answer, log = conversation
    # The visitor's own copy names them (the premise of this test) ...
    assert answer.outcome == "refused" and answer.log_id is not None
    assert {"jane", "exampl", "23"} <= leaked(answer.refusal_reason or "")
    # ... the stored row does not, in any field.
    row = log.get(answer.log_id)
    assert row is not None and row["refusal_reason"]
    assert "[redacted]" in row["refusal_reason"]
    assert leaked(row) == set()


def test_the_review_data_and_the_exports_hold_none_of_them(conversation):
    _, log = conversation
    rows = log.search(LogFilter())
    shown = decisions(log.get(rows[0]["id"]) or {})
    assert leaked(table(rows)) == set()
    assert shown.summary and leaked(" ".join([shown.summary, *shown.lines])) == set()
    exported = list(csv.DictReader(io.StringIO(to_csv(rows).decode("utf-8-sig"))))
    assert exported[0]["refusal_reason"] and leaked(exported) == set()
    assert leaked([json.loads(line) for line in to_jsonl(rows).decode().splitlines()]) == set()

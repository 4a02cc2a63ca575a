from assistant.answer import Answer
from assistant.answer_log import AnswerLog, LogFilter, new_public_id


def test_rows_round_trip(tmp_path):
    log = AnswerLog(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    row_id = log.record(Answer("Q?", "refused", "No.", refusal_reason="none", model="m"))
    assert row_id == 1 and log.count() == 1
    assert log.recent()[0]["refusal_reason"] == "none"


def test_a_row_that_cannot_be_written_is_spooled_then_replayed(tmp_path):
    spool = tmp_path / "spool.jsonl"
    db = tmp_path / "log.sqlite3"
    log = AnswerLog(f"sqlite:///{db}", spool=spool)
    db.unlink()
    db.mkdir()  # the database file is now unusable
    assert log.record(Answer("Lost?", "answered", "Kept.")) is None
    assert "Lost?" in spool.read_text()
    db.rmdir()
    log = AnswerLog(f"sqlite:///{db}", spool=spool)
    log.record(Answer("Next", "refused", "No."))
    assert [r["question"] for r in log.recent()] == ["Next", "Lost?"]
    assert not spool.exists()


def test_a_spooled_row_keeps_the_public_id_its_visitor_was_given(tmp_path):
    spool = tmp_path / "spool.jsonl"
    db = tmp_path / "log.sqlite3"
    log = AnswerLog(f"sqlite:///{db}", spool=spool)
    db.unlink()
    db.mkdir()
    lost = Answer("Lost?", "answered", "Kept.", public_id=new_public_id())
    assert log.record(lost) is None
    db.rmdir()
    log = AnswerLog(f"sqlite:///{db}", spool=spool)
    assert [r["question"] for r in log.search(LogFilter(text=lost.public_id or ""))] == ["Lost?"]


def test_a_spooled_row_is_redacted_with_its_conversation_before_it_is_written(tmp_path):
    spool = tmp_path / "spool.jsonl"
    db = tmp_path / "log.sqlite3"
    log = AnswerLog(f"sqlite:///{db}", spool=spool)
    db.unlink()
    db.mkdir()  # the database file is now unusable
    answer = Answer("Is it true?", "refused", "No.", refusal_reason="no mention of jane, doe")
    assert log.record(answer, ["I'm jane.doe@example.com"]) is None
    spooled = spool.read_text()
    assert "jane" not in spooled and "doe" not in spooled and "[redacted]" in spooled

"""Whether the question asks about the work a held object follows, named by its maker.

"Where is <Maker>'s portrait today?" of a miniature catalogued "After <Maker>": the portrait
asked about is the model, not the copy the collection holds, so the copy's catalogue fields
(its place, its date, its holder) answer nothing; what its texts say of the model does.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.answering import cues, parse
from assistant.answering.catalogue import Numbered
from assistant.answering.premises.subject import model_makers
from assistant.answering.reading import Ask, Reading
from assistant.documents import creators_from_meta
from assistant.text import accession_like, fold, split_sentences, words


def named_model(reading: Reading, numbered: Numbered, about: Iterable[str]) -> str:
    """The name the ask credits a work to, if it is that of the work an object follows, or "".

    Only a name the ask gives the thing to ("<Name>'s bust", "the bust by <Name>"), and only
    one the object's record or texts give solely as its model's maker: a name credited with
    the object itself is its maker, whatever the ask calls the work.
    """
    names = parse.whose_works(reading.ask)
    if not names:
        return ""
    for source_id in about:
        passages = [p for p in numbered.values() if p.source_id == source_id]
        record = next((p for p in passages if p.kind == "record"), None)
        if record is None:
            continue
        own = " ".join(p.text for p in passages if p.kind != "record")
        followed = model_makers(creators_from_meta(record.meta), own)
        for name in names:
            if set(words(name)) <= followed:
                return name
    return ""


def told_of_model(
    numbered: Numbered, about: Iterable[str], maker: str, asks: Iterable[Ask]
) -> bool:
    """Whether a text of the object says of the model's maker what the ask asks of the model.

    "When was <Maker>'s marble completed?" of a cast whose text says "<Maker>'s marble ...,
    completed in 1682": a sentence that names the maker with the answer's shape (a year for
    "when"). Without one, the copy's texts do not say it.
    """
    shapes = [cues.ANSWER_SHAPES[a.value] for a in asks if a.value in cues.ANSWER_SHAPES]
    names, about = set(words(maker)), set(about)
    for p in numbered.values():
        if p.source_id not in about or p.kind == "record":
            continue
        for sentence in split_sentences(p.text):
            # "(Walters 54.671)" is a number, not a year.
            plain = fold(sentence)
            for code in accession_like(sentence):
                plain = plain.replace(fold(code), " ")
            if names & set(words(sentence)) and all(s.search(plain) for s in shapes):
                return True
    return False

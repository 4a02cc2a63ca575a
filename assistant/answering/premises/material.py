"""Material: a material the question names that the record's medium does not."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answering import parse
from assistant.answering.catalogue import Passage
from assistant.answering.claims import borne_out
from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.answering.reading import Claim
from assistant.text import content_words, fold, stem


def check(subject: Subject, look_alikes: Iterable[Passage] = ()) -> list[PremiseIssue]:
    """Materials named that are not in the medium, the object type or the title.

    Not when a look-alike in the evidence (another "Christ", a relief where the record is a
    statuette) is of that material: the visitor describes that one, and its record bears
    them out.
    """
    meta = subject.meta
    medium = set(content_words(str(meta.get("medium", ""))))
    theirs = [set(content_words(str(p.meta.get("medium", "")))) for p in look_alikes]
    # "the Migrant Mother photograph" names what it is, not what it is made of.
    kind = set(content_words(str(meta.get("object_type", ""))))
    named = sorted(
        c.value
        for c in subject.said.of("material")
        if not any(borne_out(c.value, m) for m in (medium, *theirs))
        and stem(c.value) not in kind
        and c.value not in subject.title_words
        and not _of_a_part_told(c.value, c.span[1], subject, kind)
    )
    if not (medium and named):
        return []
    if any(_asserted_and_borne_out(c, medium, subject) for c in subject.said.of("material")):
        # "First cut in marble, later cast in bronze": beside the material it has, one
        # it lacks is another version's (identify.made_of_another asks which is meant).
        return []
    fix = subject.fix("medium")
    if not fix:
        return []
    return [PremiseIssue(f"says it is {', '.join(named)}", fix, subject.n, tuple(named))]


def _asserted_and_borne_out(claim: Claim, medium: set[str], subject: Subject) -> bool:
    """Whether the question says by a verb that something is of the material it has.

    Only so is a second material another version's: "the ivory plaque is really bone" calls
    the held one ivory to name it, and says it is bone.
    """
    return borne_out(claim.value, medium) and parse.predicated(subject.said.text, claim.span[0])


def _of_a_part_told(word: str, end: int, subject: Subject, kind: set[str]) -> bool:
    """Whether a material is said of a part that the object's own texts name with it.

    "The brass key of the oak chest": when the texts speak of "a brass key" too, the brass is
    the key's, which the record's medium ("oak") need not list. Said of the object's own kind
    ("the brass chest") it is said of the object.
    """
    following = _NEXT_WORD.match(subject.said.text, end)
    if not following:
        return False
    noun = following.group(1)
    if stem(noun) in kind or stem(noun) in subject.title_words or noun in subject.title_words:
        return False
    said_so = rf"\b{re.escape(fold(word))}[\s-]+{re.escape(fold(stem(noun)))}"
    return bool(re.search(said_so, subject.own_text))


# The word right after a material ("paper" in "the paper label"), hyphen or space between.
_NEXT_WORD = re.compile(r"[\s-]+([^\W\d_]+)")

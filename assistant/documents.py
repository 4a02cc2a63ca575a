"""Vetted source documents, their chunks, and the catalogue sentences derived from them."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.i18n import N_, SOURCE_LANGUAGE, gettext, ui_languages

# Bump when chunking or record rendering changes, so re-ingest rewrites every document.
PIPELINE_VERSION = "2"  # 2: accession number in every chunk's embedded header


# Fields left out of the content hash when empty, so documents that lack them keep the hash
# they had before the field existed and are not re-embedded.
_OPTIONAL_IN_HASH = (
    "other_titles",
    "period",
    "place_found",
    "rights",
    "credit_line",
    "image_url",
    "language",
    "source_type",
)
# The ``source_type`` of a curator's note written in the review page (ingest/notes.py); other
# documents have none (a catalogue record or curatorial text).
CURATOR_NOTE = "curator_note"


@dataclass(frozen=True)
class Creator:
    """One person or culture credited with an object."""

    name: str
    role: str = ""
    dates: str = ""

    @property
    def bare_name(self) -> str:
        """The name without what a source adds in brackets ("X (American, 1801-1846)" -> "X")."""
        return self.name.split(" (")[0].strip()

    def display(self) -> str:
        """Name with role and life dates, as a visitor should read it."""
        extra = ", ".join(part for part in (self.role, self.dates) if part)
        return f"{self.name} ({extra})" if extra else self.name


@dataclass(frozen=True)
class SourceDocument:
    """A vetted curatorial text with its catalogue (tombstone) data and provenance."""

    source_id: str
    title: str
    text: str
    vetted_by: str
    vetted_on: str
    creators: tuple[Creator, ...] = ()
    # The titles it is known by in other languages, as (language, title): "La Ronde de nuit"
    # in French. Museums publish them (Linked Art names, EDM titles per xml:lang); a visitor
    # names the object in their own language.
    other_titles: tuple[tuple[str, str], ...] = ()
    date: str = ""
    date_begin: int | None = None
    date_end: int | None = None
    medium: str = ""
    accession_number: str = ""
    institution: str = ""
    url: str = ""
    license: str = ""
    culture: str = ""
    # The named periods, dynasties or reigns the record dates it by ("Late Period; 30th
    # Dynasty"), joined by "; ": a visitor's "Ming" or "Renaissance" is a date to check.
    period: str = ""
    place_made: str = ""
    place_found: str = ""  # where it was excavated or turned up, which is not where it was made
    object_type: str = ""
    # Rights in the object or its image ("No Copyright - United States", an edm:rights URI),
    # kept apart from ``license``, the licence of the text itself: the two often differ.
    rights: str = ""
    credit_line: str = ""  # the attribution the holder requires (credit line, requiredStatement)
    image_url: str = ""  # an IIIF image service or thumbnail the record names
    language: str = ""  # ISO 639-1 of the record's text (else its title), where it states one
    source_type: str = ""  # CURATOR_NOTE for a curator's note; empty for every other text
    origin: str = ""  # file (and line) the document was read from
    extra: dict[str, str] = field(default_factory=dict)
    # A PDF's text page by page (page 1 first), so chunks stay within a page and citations
    # can say "p. 3"; empty for everything else, whose ``text`` is the whole story.
    pages: tuple[str, ...] = ()

    def content_hash(self) -> str:
        """Hash of everything that ends up in the index; unchanged hash means nothing to do."""
        payload = asdict(self)
        payload.pop("origin")  # moving a file does not change what it says
        if not payload["pages"]:
            # Absent for non-PDF documents, so their hashes are what they were before
            # page support existed (no needless re-embedding on upgrade).
            payload.pop("pages")
        # Likewise for fields added later (a named period; the rights, credit line, image and
        # language of interoperable records): a document without them hashes as it did.
        for name in _OPTIONAL_IN_HASH:
            if not payload[name]:
                payload.pop(name)
        payload["pipeline"] = PIPELINE_VERSION
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, Any]:
        """Flat provenance and tombstone fields carried by every chunk (Chroma needs scalars)."""
        meta: dict[str, Any] = {
            "source_id": self.source_id,
            "title": self.title,
            "creators": json.dumps([asdict(c) for c in self.creators], ensure_ascii=False),
            "creators_display": "; ".join(c.display() for c in self.creators),
            "other_titles": json.dumps([list(t) for t in self.other_titles], ensure_ascii=False)
            if self.other_titles
            else "",
            "date": self.date,
            "medium": self.medium,
            "accession_number": self.accession_number,
            "institution": self.institution,
            "url": self.url,
            "license": self.license,
            "vetted_by": self.vetted_by,
            "vetted_on": self.vetted_on,
            "culture": self.culture,
            "period": self.period,
            "place_made": self.place_made,
            "place_found": self.place_found,
            "object_type": self.object_type,
            "rights": self.rights,
            "credit_line": self.credit_line,
            "image_url": self.image_url,
            "language": self.language,
            "source_type": self.source_type,
            "origin": self.origin,
        }
        if self.date_begin is not None:
            meta["date_begin"] = self.date_begin
        if self.date_end is not None:
            meta["date_end"] = self.date_end
        return meta


def other_titles_from_meta(meta: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (language, title) pairs stored in chunk metadata; none when absent or broken."""
    return list(_other_titles(str(meta.get("other_titles") or "")))


@functools.lru_cache(maxsize=4096)
def _other_titles(stored: str) -> tuple[tuple[str, str], ...]:
    """The pairs of one stored value, parsed once: the answer path asks per passage."""
    try:
        raw = json.loads(stored or "[]")
    except (json.JSONDecodeError, TypeError):
        return ()
    return tuple(
        (str(pair[0]), str(pair[1]))
        for pair in raw
        if isinstance(pair, list) and len(pair) == 2 and str(pair[1]).strip()
    )


def creators_from_meta(meta: dict[str, Any]) -> list[Creator]:
    """Rebuild the creator list stored in chunk metadata."""
    try:
        raw = json.loads(meta.get("creators") or "[]")
    except json.JSONDecodeError:
        return []
    return [
        Creator(**{k: str(v or "") for k, v in c.items() if k in {"name", "role", "dates"}})
        for c in raw
        if isinstance(c, dict) and c.get("name")
    ]


def short_title(title: str) -> str:
    """The title without a trailing parenthetical subtitle ("The Night Watch (Militia ...)")."""
    short = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip().rstrip(".")
    return short or title.strip()


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# The catalogue sentences' own words, translated in the gettext catalogues; the record's values
# (a title, a maker's name, a medium) go in as the museum wrote them. The English of a culture
# standing in for a maker picks its article ("an Egyptian maker"), so it is written below.
_SENTENCES = {
    "creator": N_("{title} is by {makers}."),
    "culture_maker": N_("{title} is the work of a maker catalogued as {name} ({role})."),
    "no_maker": N_("The catalogue record of {title} gives no maker's name."),
    "date": N_("{title} is dated {date}."),
    "medium": N_("The medium of {title} is {medium}."),
    "place": N_("{title} was made in {place}."),
    "found": N_("{title} was found in {place}."),
    "culture": N_("{title} is catalogued as {culture}."),
    "institution": N_("{title} is in the collection of {institution}."),
    "credit": N_("The credit line of {title} reads: {credit}."),
    "accession": N_("The accession number of {title} is {number}."),
}


def record_facts(meta: dict[str, Any], language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """Catalogue facts as standalone sentences, keyed by field, each true by construction.

    These let the record speak for itself: a weak model need not paraphrase them, and they
    are what false premises are corrected with. An object's record that names no maker says
    so: asked who made it, the visitor hears that, not a sentence that names someone else
    (an author of the bibliography, a later owner). In ``language``, the same facts with the
    words around the record's values translated (the answer is verified in English first),
    and the object called by its title in that language where the record gives one.
    """
    title = short_title(str(meta.get("title") or "This object"))
    if language != SOURCE_LANGUAGE and language in ui_languages():
        # Only where the sentence around it is in that language too (a catalogue exists).
        own = [t for lang, t in other_titles_from_meta(meta) if lang == language]
        title = own[0] if own else title

    def say(key: str, **values: str) -> str:
        return gettext(language, _SENTENCES[key]).format(title=title, **values)

    facts: dict[str, str] = {}
    creators = creators_from_meta(meta)
    if len(creators) == 1 and " " not in creators[0].name and not creators[0].dates:
        # A culture standing in for an unknown maker ("Egyptian"), not a person.
        name, role = creators[0].name, (creators[0].role or "maker").lower()
        facts["creator"] = (
            f"{title} is the work of {_article(name)} {name} {role}."
            if language == SOURCE_LANGUAGE
            else say("culture_maker", name=name, role=role)
        )
    elif creators:
        facts["creator"] = say("creator", makers="; ".join(c.display() for c in creators))
    elif meta.get("accession_number"):
        facts["creator"] = say("no_maker")
    if meta.get("date"):
        period = f" ({meta['period']})" if meta.get("period") else ""
        facts["date"] = say("date", date=f"{meta['date']}{period}")
    if meta.get("medium"):
        facts["medium"] = say("medium", medium=str(meta["medium"]))
    if meta.get("place_made"):
        facts["place"] = say("place", place=_each_once(str(meta["place_made"])))
    elif meta.get("culture"):
        facts["place"] = say("culture", culture=str(meta["culture"]))
    if meta.get("place_found"):
        facts["found"] = say("found", place=_each_once(str(meta["place_found"])))
    if meta.get("institution"):
        facts["institution"] = say("institution", institution=str(meta["institution"]))
    if meta.get("credit_line"):
        # How and when the object came to the museum ("Gift of <donor>, 1942"): the answer to
        # "when did the museum get it?", which the date of making is not.
        facts["credit"] = say("credit", credit=str(meta["credit_line"]).rstrip("."))
    if meta.get("accession_number"):
        facts["accession"] = say("accession", number=str(meta["accession_number"]))
    return facts


def _each_once(places: str) -> str:
    """A record's places, each said once.

    It may list one town twice (two finds, one town; a city and its province of one name,
    "Roma, Roma"), which reads to a visitor as a slip.
    """
    return ", ".join(dict.fromkeys(places.split(", ")))


def record_sentences(meta: dict[str, Any]) -> list[str]:
    """The catalogue facts in display order."""
    return list(record_facts(meta).values())


# Catalogue facts a card shows and cites that say nothing of what the object is: how the
# museum got it. Kept out of what the card is found and compared by (its vector, its closeness
# in meaning), where the museum's and donors' names would draw questions that name them to any
# card; the topic check still counts a name it gives as one the record mentions
# (answering.evidence.about).
UNDESCRIBING = frozenset({"credit"})


def describing_sentences(meta: dict[str, Any]) -> list[str]:
    """The catalogue facts that describe the object (all but ``UNDESCRIBING``)."""
    return [s for key, s in record_facts(meta).items() if key not in UNDESCRIBING]

"""Evidence: retrieve passages, keep those about what the question is about, add the records.

Similar wording is not enough (see topic.py): a source is evidence only if it covers the
question's topic or the question names it, by title or accession number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from assistant.answering import identify, parse
from assistant.answering.catalogue import (
    TOLD_BY_TEXTS_TOO,
    Lookups,
    Numbered,
    Retriever,
    described_text,
    source_texts,
)
from assistant.answering.claims import NAME_RUN
from assistant.answering.claims_by_language import names_in
from assistant.answering.config import AnswerConfig
from assistant.answering.kinds import everyday_names
from assistant.answering.periods import GENERAL_WORDS
from assistant.answering.reading import Reading
from assistant.answering.topic import (
    GENERIC,
    coverage,
    mentions_title,
    names_missing,
    names_title_as_written,
    spelled_in,
)
from assistant.answering.trace import Refusal, Trace
from assistant.documents import other_titles_from_meta
from assistant.injection import looks_like_instruction
from assistant.store import Passage
from assistant.text import POSSESSIVE, STOPWORDS, content_words, fold, split_sentences, words


@dataclass(frozen=True)
class Evidence:
    """Everything retrieved (for the log) and the passages that are evidence, best first."""

    retrieved: list[Passage]
    chosen: list[Passage]
    by_words: bool = False  # found by the second search, with the question's rarer words

    def log(self) -> list[dict[str, Any]]:
        """The retrieved passages as the answer log keeps them."""
        return [
            {
                "chunk_id": p.chunk_id,
                "source_id": p.source_id,
                "title": p.title,
                "score": round(p.score, 4),
                "kind": p.kind,
                "passage": p.text,
            }
            for p in self.retrieved
        ]


def _search(
    reading: Reading, retriever: Retriever, cfg: AnswerConfig, by_words: bool = False
) -> list[Passage]:
    """Nearest passages to the question, and to each named thing in it.

    ``by_words``: fused with the passages that share the question's rarer words (BM25).
    """
    hits = retriever.search(reading.context, cfg.top_k)
    if by_words:
        hits = fused(hits, retriever.keyword_search(reading.context, cfg.keyword_top_k), cfg)
    if reading.context_clauses:
        # One query per named thing, or the blend of both finds only the stronger one.
        seen_ids = {p.chunk_id for p in hits}
        for part in reading.context_clauses:
            for p in retriever.search(part, cfg.clause_top_k):
                if p.chunk_id not in seen_ids:
                    hits.append(p)
                    seen_ids.add(p.chunk_id)
        hits.sort(key=lambda p: -p.score)
    # "Sandberg's harbour at dusk": the maker's own records, which a search for the whole
    # question may miss among other harbour views by others.
    # Each is scored by its likeness to the name: relevant enough, and on topic, or not at all
    # ("<maker>'s <a work we do not hold>" must not bring in the maker's other works).
    seen = {p.chunk_id for p in hits}
    for maker, name in _makers_named(reading):
        found = [p for p in retriever.search(name, cfg.maker_top_k) if by_maker(p, maker)]
        thing = _thing_named(reading, name)
        if _search_again(name, thing, found) and not any(
            _titled_as(p, thing) for p in hits + found
        ):
            # The name alone finds the maker's best-described works, which may not be the
            # one asked about when the collection holds many of theirs.
            found += [
                p
                for p in retriever.search(f"{name} {thing}", cfg.maker_top_k)
                if by_maker(p, maker)
            ]
        for p in found:
            if p.chunk_id not in seen:
                hits.append(p)
                seen.add(p.chunk_id)
    return hits


def _search_again(name: str, thing: str, found: list[Passage]) -> bool:
    """Whether the maker's works are worth a second search, with the thing asked.

    Not when the name's own search found none of theirs (the thing added will not find
    them either), nor when the name goes on to a title ("<Maker>'s Ambassadors": the thing
    is then a part of that work, no kind of object to look for).
    """
    return bool(thing and found) and not _POSSESSIVE_INSIDE.search(name)


_POSSESSIVE_INSIDE = re.compile(r"['’]s\s+\S")


def _thing_named(reading: Reading, name: str) -> str:
    """The first thing the question names apart from the maker's name ("tea caddy")."""
    said = {fold(w) for w in words(name)}
    things = [
        p for p in parse.object_phrases(reading.context) if not {fold(w) for w in words(p)} & said
    ]
    return things[0] if things else ""


def _titled_as(passage: Passage, thing: str) -> bool:
    """Whether a passage's title names the thing's kind ("Tea Caddy" for "tea caddy")."""
    kind = identify.head(thing)
    return bool(kind) and kind in content_words(passage.title)


def fused(by_meaning: list[Passage], by_words: list[Passage], cfg: AnswerConfig) -> list[Passage]:
    """The ``top_k`` passages of two rankings by reciprocal rank fusion, best first.

    Each passage scores the sum of 1 / (``rrf_k`` + its rank) over the rankings it is in:
    ranks, not scores, so BM25's unbounded scores and cosines need no common scale, and a
    passage both rankings place high leads (Cormack, Clarke and Büttcher, SIGIR 2009).
    """
    fusion: dict[str, float] = {}
    found: dict[str, Passage] = {}
    for ranking in (by_meaning, by_words):
        for rank, passage in enumerate(ranking, start=1):
            fusion[passage.chunk_id] = fusion.get(passage.chunk_id, 0.0) + 1 / (cfg.rrf_k + rank)
            found.setdefault(passage.chunk_id, passage)
    best = sorted(found, key=lambda cid: -fusion[cid])[: cfg.top_k]
    return [found[cid] for cid in best]


def by_maker(passage: Passage, maker: str) -> bool:
    """Whether a passage's object is by a person of that name (not a people: "Roman")."""
    return fold(maker) in {fold(w) for w in identify.people_named(passage.meta)}


def _makers_named(reading: Reading) -> list[tuple[str, str]]:
    """Each maker the question names, with the whole name around it ("Karin Holm's")."""
    out = {}
    for claim in reading.context_said.of("maker"):
        start = claim.span[0]
        runs = [m for m in NAME_RUN.finditer(reading.context) if m.start() <= start < m.end()]
        said = (runs[0].group(0) if runs else claim.value).split()
        while len(said) > 1 and fold(said[0]) in STOPWORDS:
            said = said[1:]  # "Did Rembrandt": the question's word, not the name's
        out[POSSESSIVE.sub("", " ".join(said))] = claim.value
    return [(maker, name) for name, maker in out.items()]


def about(
    reading: Reading,
    passage: Passage,
    lookups: Lookups,
    cfg: AnswerConfig,
    leaders: frozenset[str] = frozenset(),
) -> bool:
    """Whether the passage's whole source covers the question's topic.

    ``leaders``: for a question not read word by word, the source clearly nearest in meaning
    and the nearest of those that give the names it gives (``_leaders``).
    """
    if _titled(reading, passage):
        lookups.coverage[passage.source_id] = 1.0
        return True
    if not reading.words_read:
        # Its words are not the texts' words ("La Ronde de nuit" for "The Night Watch"):
        # the source is on topic when one of its texts is close to the question in meaning.
        related = lookups.related(reading.context, passage)
        return related >= cfg.min_topic_relatedness or passage.source_id in leaders
    chunks = lookups.chunks(passage.source_id)
    texts = [passage.title, str(passage.meta.get("creators_display", ""))]
    texts += [described_text(c) for c in chunks] or [passage.text]
    # The dates it claims ("a Renaissance medal") are checked against the record, not looked
    # for among the texts' words.
    unplaced = reading.unplaced()
    topical = reading.undated(unplaced)
    named = _names_this(reading, passage, texts)
    # A name its credit line gives (the donor, the collector) is one its record mentions,
    # though the credit line is kept out of what describes the object.
    named_in = texts + [str(c.meta.get("credit_line") or "") for c in chunks[:1]]
    # And the everyday words for its kind: "the dish" is this plate.
    named_in.append(" ".join(everyday_names(passage.meta, passage.title)))
    if passage.meta.get("period"):
        # A period its card names ("Third Intermediate") is said with the general word for
        # one ("the Third Intermediate Period"), which is no other name.
        named_in.append(" ".join(GENERAL_WORDS))
    lookups.coverage[passage.source_id] = coverage(topical, named_in, named)
    if names_missing(unplaced, named_in) and not _described(reading, passage.title, cfg):
        # A period its texts never name, said of a thing the question does not describe by
        # this title's words: "the Gull Dynasty bowl with herons" is not a later screen
        # that shares the asked detail. (Described so, the visitor may have its date wrong.)
        return False
    if _quotes_unsaid(reading, texts) or names_missing(topical, named_in):
        # The question names something (a person, a place, a quoted title) this source
        # never mentions, and not by this object's title: it is about something else.
        return False
    return lookups.coverage[passage.source_id] >= cfg.min_topic_coverage


def _titled(reading: Reading, passage: Passage) -> bool:
    """Whether the question names the passage's object by its title.

    A quoted name is the one meant where a title is only near it ("the 'Mona Rosa'" is not
    the Mona Lisa), but each quoted title names its object, and a title said outside the
    quotes is named too: "the '<Vase>' and <Maker>'s <Figure>" names both objects.
    """
    # "La Ronde de nuit": a title it is known by in the visitor's language.
    other_titles = other_titles_from_meta(passage.meta)
    if any(names_title_as_written(reading.context, t, lang) for lang, t in other_titles):
        return True
    if not mentions_title(reading.context, passage.title):
        return False
    if not reading.quoted or any(mentions_title(q, passage.title) for q in reading.quoted):
        return True  # each quoted title names its own object: "the 'A' and the 'B'"
    outside = reading.context
    for quoted in reading.quoted:
        outside = outside.replace(quoted, " ")
    return mentions_title(outside, passage.title)


def _quotes_unsaid(reading: Reading, texts: list[str]) -> bool:
    """Whether the question quotes words that none of the source's texts give.

    A quoted title another object bears is another object; a quoted signature or inscription
    ("signed 'A. Berg 1790'") that the texts give word for word is this one's.
    """
    said = [fold(t) for t in texts]
    return any(not any(fold(q) in t for t in said) for q in reading.quoted)


def _leaders(
    reading: Reading, passages: list[Passage], lookups: Lookups, cfg: AnswerConfig
) -> frozenset[str]:
    """The sources on topic though below the floor in meaning.

    The clearly nearest, and the nearest of those that give most of the question's names.
    How close a question comes to any text depends on its length and style (a chatty
    question is far from everything), so beside the floor every source must pass, the
    nearest is on topic when it is near enough and ahead of the next by a margin. A name is
    written alike in every language (a town, a painter): the source that gives it is what the
    question is about, when it is near enough in meaning too.
    """
    first = {p.source_id: p for p in reversed(passages)}
    ranked = sorted(
        ((lookups.related(reading.context, p), s) for s, p in first.items()), reverse=True
    )
    leaders = lookups.nearest_in_meaning(
        set(first), cfg.topic_relatedness_lead, cfg.min_topic_relatedness_leader
    )
    names = names_in(reading.written_in, reading.context)
    named = [
        (len(_names_given(names, first[s], lookups)), related, s)
        for related, s in ranked
        if related >= cfg.min_topic_relatedness_named
    ]
    named = sorted((n for n in named if n[0]), reverse=True)
    tied = [s for n, related, s in named if (n, related) == named[0][:2]] if named else []
    # Records alike in title and text (two of a pair) tie, and are one answer between them.
    if len(tied) == 1 or len({first[s].title for s in tied}) == 1:
        leaders.update(tied)
    return frozenset(leaders)


def _names_given(names: frozenset[str], passage: Passage, lookups: Lookups) -> set[str]:
    """The names among ``names`` that a source's texts give, bar its museum's ("Walters")."""
    if not names:
        return set()
    texts = fold(" ".join(source_texts(passage, lookups.chunks(passage.source_id))))
    museum = set(words(str(passage.meta.get("institution", ""))))
    return {n for n in names - museum if re.search(rf"\b{re.escape(n)}\b", texts)}


def _names_this(reading: Reading, passage: Passage, texts: list[str]) -> bool:
    """Whether a phrase of the question names this source's object in the source's words.

    "The Crucifixion enamel": two words or more, all in its texts, one of them its title's
    or its kind's. Beside it, a phrase the texts lack is a detail in the visitor's words.
    """
    have = set(content_words(" ".join(texts)))
    own = set(content_words(f"{passage.title} {passage.meta.get('object_type') or ''}")) - GENERIC
    phrases = parse.object_phrases(reading.context) + parse.with_phrases(reading.context)
    for phrase in phrases:
        said = [w for w in content_words(phrase) if w not in GENERIC]
        if len(said) >= 2 and set(said) & own and all(spelled_in(w, have) for w in said):
            return True
    return False


def _described(reading: Reading, title: str, cfg: AnswerConfig) -> bool:
    """Whether the things the question speaks of are described by enough of a title's words."""
    own = set(content_words(title)) - GENERIC
    said = {w for phrase in parse.object_phrases(reading.context) for w in content_words(phrase)}
    return len(own & said) >= min(cfg.described_title_words, len(own)) > 0


def _with_records(chosen: list[Passage], retriever: Retriever, cfg: AnswerConfig) -> None:
    """Add the catalogue card of the top objects: the record answers who/when/what/where."""
    for source_id in list(dict.fromkeys(p.source_id for p in chosen))[
        : cfg.records_for_top_objects
    ]:
        if any(p.source_id == source_id and p.kind == "record" for p in chosen):
            continue
        record = retriever.get_record(source_id)
        if record is not None:
            top = max(p.score for p in chosen if p.source_id == source_id)
            chosen.append(
                Passage(record.chunk_id, source_id, record.text, top, record.kind, record.meta)
            )


def gather(reading: Reading, retriever: Retriever, lookups: Lookups, cfg: AnswerConfig) -> Evidence:
    """Retrieved passages, and those relevant and on topic enough to be evidence.

    When nothing near in meaning is on topic, the search is made again with the passages
    that share the question's rarer words: meaning blurs the words that pick one object out
    of thousands (a surname, a place, a term of art). Only then: measured on the dev split,
    fusing them into every search brought other objects into the evidence, which crowded out
    the one asked about and had its claims checked against records it was not about
    (docs/eval-results.md, twenty-eighth session).
    """
    found = _gathered(reading, _search(reading, retriever, cfg), retriever, lookups, cfg)
    if found.chosen or not (reading.words_read and cfg.keyword_top_k):
        return found
    hits = _search(reading, retriever, cfg, by_words=True)
    return replace(_gathered(reading, hits, retriever, lookups, cfg), by_words=True)


def _gathered(
    reading: Reading,
    hits: list[Passage],
    retriever: Retriever,
    lookups: Lookups,
    cfg: AnswerConfig,
) -> Evidence:
    """The evidence among ``hits`` and the passages of the objects named by number or title.

    Titles in other languages are looked up, not searched: across languages the nearest
    passages by meaning need not be the object's.
    """
    exact: list[Passage] = [p for code in reading.context_codes for p in lookups.code(code)]
    exact += lookups.titled(reading.context)
    exact_ids = {p.source_id for p in exact}
    on_topic: dict[str, bool] = {}
    chosen: list[Passage] = []
    seen: set[str] = set()
    # The index's relevance floor was measured on questions in the texts' language; across
    # languages the index's scores run lower, and closeness in meaning decides (about()).
    floor = cfg.min_relevance if reading.words_read else 0.0
    relevant = [p for p in exact + hits if p.score >= floor]
    leaders = frozenset() if reading.words_read else _leaders(reading, relevant, lookups, cfg)
    for passage in relevant:
        if passage.source_id not in on_topic:
            on_topic[passage.source_id] = passage.source_id in exact_ids or about(
                reading, passage, lookups, cfg, leaders
            )
        if on_topic[passage.source_id] and passage.chunk_id not in seen:
            chosen.append(passage)
            seen.add(passage.chunk_id)
    # The top objects by closeness in meaning get their records (fusion orders by rank).
    chosen.sort(key=lambda p: -p.score)
    _with_records(chosen, retriever, cfg)
    # A source by the maker the question names leads: "Sandberg's harbour at dusk" is hers, whatever
    # harbour views by others score higher.
    makers = [maker for maker, _ in _makers_named(reading)]
    chosen.sort(key=lambda p: (not any(by_maker(p, m) for m in makers), -p.score))
    chosen = _look_alikes_told_apart(reading, chosen, lookups, cfg)
    return Evidence(exact + hits, chosen[: cfg.max_sources])


def _look_alikes_told_apart(
    reading: Reading, chosen: list[Passage], lookups: Lookups, cfg: AnswerConfig
) -> list[Passage]:
    """When the question names a title several objects share, the one it describes leads.

    Search finds some of the objects titled alike; the one the visitor dates or describes may
    not be among them.
    Every record of that title is looked up, and if the description picks one out, its
    passages take the place of the other look-alikes.
    """
    titles = [p.title for p in chosen if p.kind == "record"]
    named = [t for t in titles if mentions_title(reading.context, t)]
    # A name several of the found objects answer to is ambiguous; so is a title the search
    # found one of but the catalogue gives several ("Standing Buddha"): the one described
    # may not be the one found. (A comparison of two named objects needs no more lookups.)
    shared = [
        t
        for t in dict.fromkeys(named)
        if named.count(t) > 1 or len(lookups.same_titled(t, cfg.look_alikes_max)) > 1
    ]
    for title in shared:
        records = _records_named_like(reading, title, lookups, cfg)
        if len(records) < 2:
            continue
        meant = identify.look_alike(reading, records, title)
        if meant is None:
            continue
        top = max(p.score for p in chosen)
        own = [replace(c, score=top) for c in lookups.chunks(meant.source_id)]
        rest = [p for p in chosen if p.source_id not in {r.source_id for r in records}]
        return own + rest
    return chosen


def _records_named_like(
    reading: Reading, title: str, lookups: Lookups, cfg: AnswerConfig
) -> list[Passage]:
    """Every record the question's name for ``title`` fits: "Jug" and "Wine Vessel (Jug)"."""
    found = {p.source_id: p for p in lookups.same_titled(title, cfg.look_alikes_max)}
    for p in lookups.retriever.search(title, cfg.look_alikes_search_k):
        if p.source_id not in found and mentions_title(reading.context, p.title):
            record = lookups.retriever.get_record(p.source_id)
            if record is not None:
                found[p.source_id] = record
    return list(found.values())


def decide(
    reading: Reading, found: Evidence, lookups: Lookups, cfg: AnswerConfig, trace: Trace
) -> Refusal | None:
    """Refuse when nothing is evidence, naming what the nearest source lacks."""
    if found.chosen:
        titles = list(dict.fromkeys(p.title for p in found.chosen))
        how = "; searched again by the question's words" if found.by_words else ""
        trace.add("evidence", f"{len(found.chosen)} passages{how}", "; ".join(titles))
        return None
    best = max((p.score for p in found.retrieved), default=0.0)
    if best < cfg.min_relevance and reading.words_read:
        return trace.refuse(
            "evidence", f"no vetted source is relevant enough (best match {best:.2f})"
        )
    if not found.retrieved:
        return trace.refuse("evidence", "the index returned no passage")
    nearest = max(found.retrieved, key=lambda p: p.score)
    if not reading.words_read:
        return trace.refuse(
            "evidence",
            f"no vetted source is close enough in meaning to the question (nearest: "
            f"{nearest.title}, {lookups.related(reading.context, nearest):.2f})",
        )
    texts = [nearest.title, *(c.text for c in lookups.chunks(nearest.source_id))]
    have = set(content_words(" ".join(texts)))
    missing = [w for w in reading.topic if w not in have]
    return trace.refuse(
        "evidence",
        f"the nearest vetted source ({nearest.title}) is about something else: "
        f"it does not mention {', '.join(missing) or 'what the question names'}",
    )


def cards_state(facts: Collection[str], about: set[str], lookups: Lookups) -> bool:
    """Whether the named objects' catalogue cards state a fact asked, so should join.

    A credit line is on some records only: a card without one would take the place of the
    text that tells how the object came to its museum.
    """
    if not facts or set(facts) - TOLD_BY_TEXTS_TOO:
        return bool(facts)
    return any(
        c.kind == "record" and c.meta.get("credit_line")
        for source_id in about
        for c in lookups.chunks(source_id)
    )


def focused(
    numbered: Numbered,
    focus: set[str],
    lookups: Lookups,
    cfg: AnswerConfig,
    with_cards: bool = False,
    partners: frozenset[str] = frozenset(),
) -> Numbered:
    """The evidence with the named objects' other passages first in line for the free places.

    Passages already numbered keep their order; other chunks of a named object take the places
    of the last passages about objects the question does not name. ``partners``: records the
    named objects' texts number as the things asked of ("its companion, TM.2"), which join
    whether or not the search found them.
    """
    focus = focus | partners
    if not focus:
        return numbered
    have = {p.chunk_id for p in numbered.values()}
    # ``with_cards``: a named object's catalogue card joins the evidence when only its texts were
    # found and a catalogue fact is asked ("what are A and B made of?"): the card states it.
    # (Asked why, its texts answer, and a card would take a text's place.)
    # When none of the named objects was found, the one named by its title or nickname that
    # the search ranked below the others joins, as near as the nearest passage found.
    carded = {p.source_id for p in numbered.values() if p.kind == "record"}
    found = {p.source_id for p in numbered.values()} & focus
    top = max((p.score for p in numbered.values()), default=0.0)

    def score(source_id: str) -> float:
        return max((p.score for p in numbered.values() if p.source_id == source_id), default=top)

    extra = [
        replace(c, score=score(source_id))
        for source_id in sorted((found - partners or focus) | partners)
        for c in sorted(lookups.chunks(source_id), key=lambda c: c.kind != "record")
        if c.chunk_id not in have
        and (
            c.kind != "record"
            or (source_id not in carded and (with_cards or source_id not in found))
        )
    ]
    if not extra:
        return numbered
    cards = [c for c in extra if c.kind == "record"]
    extra = [c for c in extra if c.kind != "record"]
    ours = _giving_way([p for p in numbered.values() if p.source_id in focus], cards, cfg)
    others = [p for p in numbered.values() if p.source_id not in focus]
    budget = cfg.max_sources - len(cards)
    room = max(budget - len(ours) - len(extra), 0)
    kept = {p.chunk_id for p in cards + ours + extra[: budget - len(ours)] + others[:room]}
    # Only the passages kept are sanitized: a named object may have many chunks.
    chosen = [p for p in numbered.values() if p.chunk_id in kept] + [
        sanitized(p) for p in cards + extra if p.chunk_id in kept
    ]
    return dict(enumerate(chosen, start=1))


def _giving_way(ours: list[Passage], cards: list[Passage], cfg: AnswerConfig) -> list[Passage]:
    """The named objects' passages, the last texts of the best-covered object making room.

    A card that must join a full evidence takes the place of the lowest-ranked text of the
    object with most passages, never of another object's only one.
    """
    kept = list(ours)
    while kept and len(kept) + len(cards) > cfg.max_sources:
        counts = Counter(p.source_id for p in kept)
        most = max(counts, key=lambda s: counts[s])
        texts = [p for p in kept if p.source_id == most and p.kind != "record"]
        if counts[most] < 2 or not texts:
            break
        kept.remove(texts[-1])
    return kept


def sanitized(passage: Passage) -> Passage:
    """The passage without sentences that address the assistant.

    They are data, not orders: dropping them keeps them from being followed, quoted or used
    as evidence.
    """
    sentences = split_sentences(passage.text)
    kept = [s for s in sentences if not looks_like_instruction(s)]
    if len(kept) == len(sentences):
        return passage
    return Passage(
        passage.chunk_id,
        passage.source_id,
        " ".join(kept),
        passage.score,
        passage.kind,
        {**passage.meta, "sanitized": True},
    )

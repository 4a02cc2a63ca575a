"""The answering pipeline: retrieve, check premises, generate, verify, compose, or refuse.

Evidence comes first (PaperQA2-style): with no relevant vetted passage the model is never
asked, and "I don't have a vetted source" is an ordinary outcome, not an error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from assistant import extract, premises, topic
from assistant.answer import (
    REFUSAL_TEXT,
    Answer,
    AnswerSentence,
    Citation,
    DroppedSentence,
)
from assistant.citations import Draft, parse_reply
from assistant.injection import looks_like_instruction, steers_the_assistant
from assistant.prompts import SYSTEM_PROMPT, USER_TEMPLATE, render_sources, response_format
from assistant.store import Passage
from assistant.text import content_words, fold, split_sentences, stem
from assistant.verify import Verifier

MAX_SOURCES = 6
# "accession number 37.760", "object W.569", "inv. SK-C-5": a code the visitor says is ours.
_ASKED_CODE = re.compile(
    r"\b(?:accession|object|inventory|catalog(?:ue)?|inv\.?|no\.|number|#)\s*"
    r"(?:number|no\.?|#)?\s*[:#]?\s*"
    r"((?:[A-Za-z]{1,5}[ .\-])?(?=[\w.\-/,]*\d)[A-Za-z0-9]+(?:[.\-/,][A-Za-z0-9]+)*)",
    re.IGNORECASE,
)


class Retriever(Protocol):
    """What the chain needs from a store (``VectorIndex`` implements it)."""

    def search(self, query: str, k: int) -> list[Passage]:
        """Nearest passages to ``query``, best first."""
        ...

    def get_record(self, source_id: str) -> Passage | None:
        """The catalogue-record passage of one source."""
        ...

    def find(self, where: dict[str, Any], limit: int = 20) -> list[Passage]:
        """Passages whose metadata match ``where`` exactly."""
        ...


@dataclass
class ChainConfig:
    """Tunables of the pipeline (copied from Settings by the service)."""

    top_k: int = 6
    min_relevance: float = 0.35
    max_sentences: int = 4
    min_answer_relevance: float = 0.3
    min_answer_score: float = 0.2
    min_topic_coverage: float = 0.5


@dataclass
class Lookups:
    """Per-question memo of store lookups, and the topic coverage found on the way.

    It lives for one ``run`` (the chain object is shared by the threads of a server), and it
    keeps the same source or accession number from being fetched again for every check.
    """

    retriever: Retriever
    coverage: dict[str, float] = field(default_factory=dict)
    _chunks: dict[str, list[Passage]] = field(default_factory=dict)
    _codes: dict[str, list[Passage]] = field(default_factory=dict)

    def chunks(self, source_id: str) -> list[Passage]:
        """Every chunk of one source."""
        if source_id not in self._chunks:
            self._chunks[source_id] = self.retriever.find({"source_id": source_id}, limit=100)
        return self._chunks[source_id]

    def code(self, code: str) -> list[Passage]:
        """Chunks of the object with exactly this accession number (case as given, or upper)."""
        if code not in self._codes:
            found: dict[str, Passage] = {}
            for variant in dict.fromkeys([code, code.upper()]):
                for passage in self.retriever.find({"accession_number": variant}):
                    found[passage.chunk_id] = passage
            self._codes[code] = list(found.values())
        return self._codes[code]


@dataclass
class Drafted:
    """Sentences that survived, in order, and those that did not."""

    kept: list[AnswerSentence] = field(default_factory=list)
    dropped: list[DroppedSentence] = field(default_factory=list)


class AnswerChain:
    """One question in, one verified ``Answer`` out."""

    def __init__(
        self,
        retriever: Retriever,
        model: BaseChatModel,
        verifier: Verifier,
        config: ChainConfig | None = None,
        model_name: str = "",
    ):
        self.retriever = retriever
        self.model = model
        self.verifier = verifier
        self.config = config or ChainConfig()
        self.model_name = model_name
        self.prompt = ChatPromptTemplate.from_messages(
            [("system", SYSTEM_PROMPT), ("human", USER_TEMPLATE)]
        )

    # -- retrieval -------------------------------------------------------------------------

    def _evidence(self, question: str, lookups: Lookups) -> tuple[list[Passage], list[Passage]]:
        """Retrieved passages (all, for the log) and those relevant enough to be evidence."""
        hits = self.retriever.search(question, self.config.top_k)
        parts = topic.clauses(question)
        if parts:
            # One query per named thing, or the blend of both finds only the stronger one.
            seen_ids = {p.chunk_id for p in hits}
            for part in parts:
                for p in self.retriever.search(part, 3):
                    if p.chunk_id not in seen_ids:
                        hits.append(p)
                        seen_ids.add(p.chunk_id)
            hits.sort(key=lambda p: -p.score)
        exact: list[Passage] = []
        for code in dict.fromkeys(asked_codes(question) + loose_codes(question)):
            exact.extend(lookups.code(code))
        relevant = [p for p in exact + hits if p.score >= self.config.min_relevance]
        exact_ids = {p.source_id for p in exact}
        on_topic: dict[str, bool] = {}
        chosen: list[Passage] = []
        seen: set[str] = set()
        for passage in relevant:
            if passage.source_id not in on_topic:
                on_topic[passage.source_id] = passage.source_id in exact_ids or self._about(
                    question, passage, lookups
                )
            if on_topic[passage.source_id] and passage.chunk_id not in seen:
                chosen.append(passage)
                seen.add(passage.chunk_id)
        # The catalogue card of the top objects lets the record answer who/when/what/where.
        for source_id in list(dict.fromkeys(p.source_id for p in chosen))[:3]:
            if not any(p.source_id == source_id and p.kind == "record" for p in chosen):
                record = self.retriever.get_record(source_id)
                if record is not None:
                    top = max(p.score for p in chosen if p.source_id == source_id)
                    chosen.append(
                        Passage(
                            record.chunk_id,
                            record.source_id,
                            record.text,
                            top,
                            record.kind,
                            record.meta,
                        )
                    )
        chosen.sort(key=lambda p: -p.score)
        return exact + hits, chosen[:MAX_SOURCES]

    def _about(self, question: str, passage: Passage, lookups: Lookups) -> bool:
        """Whether the passage's whole source covers the question's topic (see topic.py)."""
        quoted = topic.quoted_names(question)
        if topic.mentions_title(question, passage.title) and not any(
            not topic.mentions_title(q, passage.title) for q in quoted
        ):
            lookups.coverage[passage.source_id] = 1.0
            return True
        chunks = lookups.chunks(passage.source_id)
        texts = [passage.title, str(passage.meta.get("creators_display", ""))]
        texts += [c.text for c in chunks] or [passage.text]
        lookups.coverage[passage.source_id] = topic.coverage(question, texts)
        if quoted or topic.names_missing(question, texts):
            # The question names something (a person, a place, a quoted title) this source
            # never mentions, and not by this object's title: it is about something else.
            return False
        return lookups.coverage[passage.source_id] >= self.config.min_topic_coverage

    def _unmentioned_aspects(
        self, question: str, focus: set[str], lookups: Lookups, others: Sequence[str] = ()
    ) -> list[str]:
        """What the question says or asks about the named objects that their texts never mention.

        "What is painted on the back of the canvas?" about a text that never mentions a back:
        quoting the medium instead would look like an answer. A name the texts never mention
        ("the helmet made for Abraham Lincoln", "Starry Night over Amsterdam") means another
        object. Catalogue-fact and "tell me about" questions are answered by the record, unless
        the thing they describe is plainly not this object ("the diamond-hilted sword from the
        Sutton Hoo burial" asked against the Sutton Hoo helmet).
        """
        texts: list[str] = []
        titles: set[str] = set()
        full_titles: list[str] = []
        for source_id in focus:
            chunks = lookups.chunks(source_id)
            for chunk in chunks[:1]:
                texts += [chunk.title, str(chunk.meta.get("creators_display", ""))]
                titles.update(content_words(chunk.title))
                full_titles.append(chunk.title)
            texts += [c.text for c in chunks]
        # In "How were the Diamond Sutra and Jikji printed?" the names of the other half
        # (and of the other objects in the evidence) are not this object's to mention.
        parts = [
            c
            for c in topic.clauses(question)
            if any(topic.mentions_title(c, t) for t in full_titles)
        ]
        naming = " ".join(parts) if parts else question
        names = [
            n
            for n in topic.names_missing(naming, [*texts, *others], sentence_starts=False)
            if stem(n) not in titles
        ]
        if names:
            return names
        have = set(content_words(" ".join(texts)))
        fact_question = bool(extract.asked_facts(question)) or extract.is_overview(question)
        bare = extract.without_intents(naming) if fact_question else naming
        asked = [w for w in topic.topic_words(bare) if w not in titles]
        missing = [w for w in asked if w not in have]
        if not asked or len(missing) / len(asked) < 0.5:
            # One unfamiliar word in a conversational question is not a different topic.
            return []
        # The record answers who/when/what/where even when the wording differs ("found" for
        # "discovered"); it takes two unfamiliar descriptions ("diamond-hilted", "sword"; a
        # compound counts once) to make another object.
        described = {t for t in bare.split() if set(content_words(t)) & set(missing)}
        return missing if len(described) >= 2 or not fact_question else []

    # -- generation and verification -------------------------------------------------------

    def _generate(self, question: str, numbered: dict[int, Passage]) -> tuple[str, str | None]:
        sources = render_sources([(n, p.title, p.text) for n, p in numbered.items()])
        messages = self.prompt.format_messages(
            sources=sources, question=question, max_sentences=self.config.max_sentences
        )
        bound = self.model.bind(
            response_format=response_format(len(numbered), self.config.max_sentences)
        )
        try:
            reply = bound.invoke(messages)
        except Exception as exc:  # a model server that is down must not lose the visitor
            return "", f"model unavailable: {type(exc).__name__}: {exc}"
        return str(reply.content), None

    def _verify(
        self, question: str, drafts: Sequence[Draft], numbered: dict[int, Passage], origin: str
    ) -> Drafted:
        out = Drafted()
        for draft in drafts:
            if origin == "model" and len(draft.text.split()) < 4:
                out.dropped.append(
                    DroppedSentence(draft.text, draft.citations, "not a complete sentence")
                )
                continue
            if origin == "model" and set(content_words(draft.text)) <= set(content_words(question)):
                # A weak model may echo the question back ("The Rubens Vase carved from"):
                # every word checks out against the source, and it says nothing.
                out.dropped.append(
                    DroppedSentence(draft.text, draft.citations, "only repeats the question")
                )
                continue
            verdict = self.verifier.check(draft.text, draft.citations, numbered)
            if not verdict.ok:
                out.dropped.append(DroppedSentence(draft.text, draft.citations, verdict.reason))
                continue
            relevance = self.verifier.similarity(question, draft.text)
            if origin == "model" and relevance < self.config.min_answer_relevance:
                out.dropped.append(
                    DroppedSentence(
                        draft.text,
                        draft.citations,
                        f"does not address the question ({relevance:.2f})",
                    )
                )
                continue
            if any(fold(k.text) == fold(draft.text) for k in out.kept):
                continue
            out.kept.append(AnswerSentence(draft.text, verdict.citations, origin))
        return out

    # -- the pipeline ----------------------------------------------------------------------

    def run(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer a question, or refuse with a reason.

        ``history`` holds the visitor's earlier questions in this conversation, so that
        "Are you sure? My guide said it was Vermeer" is checked against the same object.
        """
        timings: dict[str, float] = {}
        start = time.perf_counter()
        lookups = Lookups(self.retriever)
        if steers_the_assistant(question):
            return self._refuse(
                question, "the question contains instructions to the assistant", timings, start, []
            )
        for code in asked_codes(question):
            if not lookups.code(code):
                return self._refuse(
                    question,
                    f"no object with accession number {code} is in the vetted collection",
                    timings,
                    start,
                    [],
                )
        context = " ".join([*list(history)[-2:], question]) if follows_on(question) else question
        retrieved, evidence = self._evidence(context, lookups)
        timings["retrieve_ms"] = round((time.perf_counter() - start) * 1000, 1)
        log_retrieved = [
            {
                "chunk_id": p.chunk_id,
                "source_id": p.source_id,
                "title": p.title,
                "score": round(p.score, 4),
                "kind": p.kind,
                "passage": p.text,
            }
            for p in retrieved
        ]
        if not evidence:
            best = max((p.score for p in retrieved), default=0.0)
            if best >= self.config.min_relevance:
                nearest = max(retrieved, key=lambda p: p.score)
                texts = [nearest.title, *(c.text for c in lookups.chunks(nearest.source_id))]
                have = set(content_words(" ".join(texts)))
                missing = [w for w in topic.topic_words(context) if w not in have]
                reason = (
                    f"the nearest vetted source ({nearest.title}) is about something else: "
                    f"it does not mention {', '.join(missing) or 'what the question names'}"
                )
            else:
                reason = f"no vetted source is relevant enough (best match {best:.2f})"
            return self._refuse(question, reason, timings, start, log_retrieved)

        numbered = {n: sanitized(p) for n, p in enumerate(evidence, start=1)}
        t = time.perf_counter()
        issues = premises.check(context, numbered)
        loaded = premises.check_loaded(context, numbered)
        unsupported = [c.claim for c in loaded if c.correction is None]
        # A conspiracy framing about an object we hold is not endorsed and not discussed: the
        # answer says what the sources do say about that object. About nothing we hold, it is
        # refused.
        # The objects the question names, by accession number or by title.
        codes = list(dict.fromkeys(asked_codes(context) + loose_codes(context)))
        focus = {p.source_id for code in codes for p in lookups.code(code)}
        named = {p.source_id for p in premises.subjects(context, numbered).values()}
        unendorsed = unsupported if focus or named else []
        if unsupported and not issues and not unendorsed:
            return self._refuse(
                question,
                f"the question asserts something no vetted source supports "
                f"({', '.join(unsupported)})",
                timings,
                start,
                log_retrieved,
            )
        issues += [
            premises.PremiseIssue(f"asserts {c.claim}", c.correction, c.n)
            for c in loaded
            if c.correction is not None and c.n is not None
        ]
        timings["premises_ms"] = round((time.perf_counter() - t) * 1000, 1)
        corrections = self._verify(
            question, [Draft(i.correction, [i.n]) for i in issues], numbered, "record"
        )

        t = time.perf_counter()
        reply, model_error = self._generate(question, numbered)
        # An outage the visitor never sees must still reach the curator's log.
        warnings = [model_error] if model_error else []
        timings["generate_ms"] = round((time.perf_counter() - t) * 1000, 1)

        t = time.perf_counter()
        drafted = self._verify(question, parse_reply(reply), numbered, "model")
        if issues:
            # A model sentence may restate the false premise; after a correction only the
            # vetted text speaks.
            drafted = Drafted(
                [],
                drafted.dropped
                + [
                    DroppedSentence(k.text, k.citations, "superseded by a premise correction")
                    for k in drafted.kept
                ],
            )
        # The model proposes, the sources propose; one ranking by relevance decides.
        sourced = extract.source_candidates(numbered)
        quoted = self._verify(
            question, [Draft(c.text, c.citations) for c in sourced], numbered, "source"
        )
        survivors = {(s.text, tuple(s.citations)) for s in quoted.kept}
        pool = [extract.Candidate(s.text, s.citations, s.origin) for s in drafted.kept] + [
            c for c in sourced if (c.text, tuple(c.citations)) in survivors
        ]
        # When the question names objects (by title or accession number), answer about those
        # objects only: a true sentence about a look-alike would still mislead.
        if not focus and named:
            # Objects named by a nickname ("the Ife Head") are in focus when their text
            # covers nearly everything the question is about.
            focus = named | {s for s, c in lookups.coverage.items() if c >= 0.8}
        if focus:
            pool = [c for c in pool if any(numbered[n].source_id in focus for n in c.citations)]
        if unendorsed:
            # No source refutes the framing, so no sentence that mentions it may be shown.
            pool = [c for c in pool if not any(fold(u) in fold(c.text) for u in unendorsed)]
        titles = [p.title for p in numbered.values()]
        refuting: list[extract.Candidate] = []
        if not corrections.kept and premises.asserts_claim(question):
            # The visitor asserted something and a vetted sentence says otherwise: that is a
            # correction, whoever found it (a model sentence is verified against its source).
            refuting = [c for c in pool if premises.refutes(c.text, question, titles)]
        others = [
            f"{p.title} {p.meta.get('creators_display', '')}"
            for p in numbered.values()
            if p.source_id not in focus
        ]
        unmentioned = self._unmentioned_aspects(question, focus, lookups, others) if focus else []
        if unmentioned and not corrections.kept and not refuting and not unendorsed:
            about = sorted({p.title for p in numbered.values() if p.source_id in focus})
            return self._refuse(
                question,
                f"the vetted texts about {'; '.join(about)} do not mention "
                f"{', '.join(unmentioned)}",
                timings,
                start,
                log_retrieved,
                warnings,
            )
        room = self.config.max_sentences - len(corrections.kept)
        if corrections.kept:
            room = min(room, 2)
        scored = extract.score(question, pool, self.verifier, titles + codes)
        chosen = extract.select(
            scored,
            self.verifier,
            limit=max(room, 0),
            min_score=self.config.min_answer_score,
            source_of=lambda c: numbered[c.citations[0]].source_id,
            subjects=sorted(focus),
        )
        timings["verify_ms"] = round((time.perf_counter() - t) * 1000, 1)

        if unendorsed and not chosen:
            # Nothing answers a question built on a framing the sources never discuss; what
            # they do say about the object, best first, is the answer.
            chosen = sorted(scored, key=lambda c: -c.score)[: min(2, max(room, 0))]
        refuting_texts = {fold(c.text) for c in refuting}
        if refuting and not any(fold(c.text) in refuting_texts for c in chosen) and room > 0:
            # The sentence that says the visitor is wrong comes first, whatever else is chosen.
            lead = max((c for c in scored if fold(c.text) in refuting_texts), key=lambda c: c.score)
            chosen = [lead, *chosen][:room]
        implicit = [c.text for c in chosen if fold(c.text) in refuting_texts]
        kept = corrections.kept + [
            AnswerSentence(c.text, c.citations, c.origin)
            for c in chosen
            if all(fold(c.text) != fold(k.text) for k in corrections.kept)
        ]
        dropped = corrections.dropped + drafted.dropped
        if not kept:
            answer = self._refuse(
                question,
                "the model server was unavailable and no vetted sentence answers the question "
                "by quotation"
                if model_error
                else "no sentence survived verification against the cited sources",
                timings,
                start,
                log_retrieved,
                warnings,
            )
            answer.dropped = dropped
            return answer

        # Renumber citations in order of first use, so the visitor sees [1], [2], ...
        order: dict[int, int] = {}
        for sentence in kept:
            for n in sentence.citations:
                order.setdefault(n, len(order) + 1)
        sentences = [
            AnswerSentence(s.text, [order[n] for n in s.citations], s.origin) for s in kept
        ]
        citations = [citation_for(new, numbered[old]) for old, new in order.items()]
        text = " ".join(f"{s.text} {''.join(f'[{n}]' for n in s.citations)}" for s in sentences)
        timings["total_ms"] = round((time.perf_counter() - start) * 1000, 1)
        return Answer(
            question=question,
            outcome="corrected" if corrections.kept or implicit or unendorsed else "answered",
            answer=text,
            sentences=sentences,
            citations=citations,
            timings_ms=timings,
            dropped=dropped,
            retrieved=log_retrieved,
            premise_issues=[i.claim for i in issues]
            + [f"contradicted by the source: {t}" for t in implicit]
            + [f"asserts {u}, which no vetted source supports" for u in unendorsed],
            model=self.model_name,
            warnings=warnings,
        )

    def _refuse(
        self,
        question: str,
        reason: str,
        timings: dict[str, float],
        start: float,
        retrieved: list[dict[str, Any]],
        warnings: Sequence[str] = (),
    ) -> Answer:
        timings["total_ms"] = round((time.perf_counter() - start) * 1000, 1)
        return Answer(
            question=question,
            outcome="refused",
            answer=REFUSAL_TEXT,
            refusal_reason=reason,
            timings_ms=timings,
            retrieved=retrieved,
            model=self.model_name,
            warnings=list(warnings),
        )


_FOLLOW_ON = re.compile(
    r"\b(it|its|it's|this|that|these|those|they|them|their|he|she|him|her|his|there|"
    r"the (painting|work|object|piece|artist|picture|statue|sculpture))\b|"
    r"^(are you sure|really|no[,.!]|but\b|i (read|heard|thought)|my guide|what about|and\b)"
)


def follows_on(question: str) -> bool:
    """Whether a question leans on the conversation before it.

    "Are you sure? My guide said it was Vermeer" is about the object already discussed;
    "Who painted the Sistine Chapel?" is a new topic and must not inherit the old one.
    """
    folded = fold(question)
    return bool(_FOLLOW_ON.search(folded)) or len(topic.topic_words(question)) <= 1


def asked_codes(question: str) -> list[str]:
    """Accession-number-like codes the question names as the museum's own."""
    codes = []
    for match in _ASKED_CODE.finditer(question):
        code = match.group(1).strip(" .")
        if re.fullmatch(r"\d{3,4}s?", code):  # "number 1642" is a year, not an object
            continue
        codes.append(code)
    return codes


_LOOSE_CODE = re.compile(
    r"(?<![\w.])(?=[\w.\-/]*\d)(?=[\w.\-/]*[.\-])[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)+"
)


def loose_codes(question: str) -> list[str]:
    """Code-shaped tokens named without a cue word ("the incipit W.557.2B").

    They are looked up, but not refused when absent, since "3.5" may just be a number.
    """
    return [
        m.group(0)
        for m in _LOOSE_CODE.finditer(question)
        if not re.fullmatch(r"\d{3,4}[-/]\d{2,4}", m.group(0))
    ]


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


def citation_for(n: int, passage: Passage) -> Citation:
    """The contract citation of a passage numbered ``[n]``."""
    meta = passage.meta
    return Citation(
        n=n,
        source_id=passage.source_id,
        title=passage.title,
        accession_number=str(meta.get("accession_number", "")),
        url=str(meta.get("url", "")),
        license=str(meta.get("license", "")),
        passage=passage.text,
        creators=str(meta.get("creators_display", "")),
        date=str(meta.get("date", "")),
        institution=str(meta.get("institution", "")),
        page=passage.page,
    )

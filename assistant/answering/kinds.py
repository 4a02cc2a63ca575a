"""The everyday words visitors use for kinds of objects, and the catalogue's words they cover.

A visitor calls an amphora a pot or a jar, a plate a dish, a casket a box, a statuette a
statue; the catalogue's titles and texts use the trade's word. When a record's words give a
kind, the everyday words for it name the same object: "the pot with <a scene>" is described
by a krater's words, "the dish with <a god>" by a plate's. Only general words that cover the
kind are listed ("pot" covers an amphora); never one kind for another of the same rank ("a
plate" is no bowl), which would make two objects one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.text import content_words, stem

# Everyday word -> the catalogue's kinds it covers (singular; stems match plurals too).
_COVERS: dict[str, str] = {
    "pot": "amphora krater hydria lekythos oinochoe kylix pyxis jar vase urn pitcher jug "
    "vessel crock",
    "jar": "amphora pithos urn canister",
    "vase": "amphora krater hydria lekythos oinochoe urn",
    "vessel": "amphora krater hydria lekythos oinochoe kylix pyxis jar vase urn pitcher jug "
    "ewer aquamanile goblet beaker chalice bowl cup basin flask bottle",
    "dish": "plate platter charger saucer tazza salver paten",
    "jug": "ewer pitcher flagon oinochoe aquamanile",
    "cup": "goblet beaker chalice tankard kylix mug skyphos kantharos",
    "box": "casket coffer chest pyxis reliquary caddy snuffbox inro etui",
    "statue": "statuette figurine sculpture bust idol effigy",
    "book": "manuscript codex psalter gospels missal breviary album",
    "sword": "saber sabre rapier katana tachi scimitar broadsword shamshir falchion backsword",
    "knife": "dagger kozuka tanto",
    "helmet": "helm sallet armet burgonet morion bascinet kabuto",
    "brooch": "fibula",
    "bottle": "flask flacon vial ampulla alabastron aryballos unguentarium",
}

_EVERYDAY: dict[str, frozenset[str]] = {}
for _word, _kinds in _COVERS.items():
    for _kind in _kinds.split():
        _EVERYDAY[stem(_kind)] = _EVERYDAY.get(stem(_kind), frozenset()) | {stem(_word)}


def with_everyday_names(have: Iterable[str]) -> set[str]:
    """Word stems ``have`` with the everyday words for the kinds among them added."""
    out = set(have)
    for word in list(out):
        out |= _EVERYDAY.get(word, frozenset())
    return out


def everyday_names(meta: Mapping[str, object], title: str = "") -> set[str]:
    """The everyday words (stems) for a record's kind: its catalogue kind, else its title's.

    Only the kind: "Ewer Basin with the Lamb of God" is a basin, and no jug, though its title
    names the ewer it was made for.
    """
    kind = str(meta.get("object_type") or "")
    # Without one, the title's kind is its head's last word: "<Technique> Column Krater with ..."
    own = set(content_words(kind) or content_words(_TITLE_HEAD.split(title, maxsplit=1)[0])[-1:])
    return with_everyday_names(own) - own


# Where a title's kind ends: "Statuette of a Cat", "Plate with Vulcan", "Vase, one of a pair".
_TITLE_HEAD = re.compile(r"\s+(?:of|with|from|for|after|in)\s+|,", re.IGNORECASE)

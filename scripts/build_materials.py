"""Build assistant/materials.py: the material and medium words of the collections' records.

    .venv/bin/python scripts/build_materials.py     # rewrites assistant/materials.py

The verifier needs a material named in a sentence ("inlaid with tin") to appear in the passage
it cites. Which words are materials is taken from data, not written by hand: the words of the
Walters records' ``medium`` field (../shared/data/walters-art-museum/objects.jsonl) and of the
demo corpus's ``medium`` front matter, kept when they are much more typical of the medium field
than of the descriptions (that drops "left", "century", "side"; keeps "tin", "marble").
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.text import STOPWORDS, is_number, words  # noqa: E402

WALTERS = REPO.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl"
OUT = REPO / "assistant" / "materials.py"
# A word in at least this many medium values (one is a typo or a one-off phrase) ...
MIN_RECORDS = 2
# ... and at least this often in medium values per description that uses it: "gold" 517/300
# and "marble" 5/19 stay, "left" 2/392 goes. Well below 1, because materials are described in
# the prose too; a colour or technique kept by it only asks the passage to say it as well.
MIN_RATIO = 0.25


def _corpus_media() -> list[str]:
    media = []
    for path in sorted((REPO / "corpus").glob("*.md")):
        match = re.search(r"^medium:\s*\"?([^\"\n]+)", path.read_text(encoding="utf-8"), re.M)
        if match:
            media.append(match.group(1))
    return media


def vocabulary() -> list[str]:
    """Material words, sorted: frequent in medium fields, not names, numbers or stopwords."""
    in_medium: Counter[str] = Counter()
    in_prose: Counter[str] = Counter()
    capitalised: set[str] = set()
    media: list[str] = []
    with WALTERS.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            media.append(record.get("medium") or "")
            in_prose.update(set(words(record.get("description") or "")))
    media += _corpus_media()
    for medium in media:
        in_medium.update(set(words(medium)))
        # A capitalised word mid-field is a maker's name ("paper by Quandt"), not a material.
        capitalised |= {w.lower() for w in re.findall(r"(?<=\s)[A-Z]\w+", medium)}
    keep = []
    for word, count in in_medium.items():
        if count < MIN_RECORDS or word in STOPWORDS or word in capitalised or len(word) < 3:
            continue
        # Numbers ("threes", "sixteenth") are checked as numbers, by value.
        if is_number(word) or is_number(word[:-1]) or any(ch.isdigit() for ch in word):
            continue
        if count / (in_prose[word] + 1) < MIN_RATIO:
            continue
        keep.append(word)
    return sorted(keep)


def main() -> int:
    """Write assistant/materials.py."""
    vocab = vocabulary()
    lines = [f'        "{w}",' for w in vocab]
    OUT.write_text(
        '"""Material and medium words of the records (scripts/build_materials.py; not by hand)."""'
        "\n\nMATERIALS = frozenset(\n    {\n" + "\n".join(lines) + "\n    }\n)\n",
        encoding="utf-8",
    )
    print(f"{len(vocab)} words -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

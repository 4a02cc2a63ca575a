"""Mapping files: which column or key of a collection export holds each catalogue field.

A mapping is a small YAML file (see ``ingest/mappings/README.md``). It turns one record of a
CSV, JSON or JSON Lines export into the same fields a Markdown text names in its front
matter, so every format is validated and vetted by the same code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import MuseumQAError

MAPPINGS_DIR = Path(__file__).parent / "mappings"

# The front-matter fields a mapping may fill (the same names corpus/README.md documents).
FIELDS = frozenset(
    {
        "id",
        "title",
        "text",
        "creators",
        "date",
        "date_begin",
        "date_end",
        "medium",
        "accession_number",
        "institution",
        "url",
        "license",
        "culture",
        "period",
        "place_made",
        "place_found",
        "object_type",
        "rights",
        "credit_line",
        "image_url",
        "language",
        "vetted_by",
        "vetted_on",
    }
)
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_CREATOR_KEYS = {"list", "split", "name", "role", "dates"}
_VALUE_KEYS = {"path", "const", "item", "where", "join", "parts", "split", "map", "html"}


class MappingError(MuseumQAError):
    """A mapping file is missing, is not valid YAML, or names something we do not know."""


@dataclass(frozen=True)
class Mapping:
    """A parsed mapping file.

    Attributes:
        name: Short name (``walters``, ``met``), used by ``--mapping NAME``.
        fields: Field name to value spec (see ``resolve``).
        detect: Keys (or CSV columns) that together identify this shape, for auto-detection.
        records: For a JSON document, the key holding the list of records (``data``).
        require_text: Whether a record without text is refused (an export with no
            prose, such as the Met's CSV, indexes the catalogue card alone).
        html_text: Whether the text field holds HTML markup to strip.
        source: The file the mapping was read from.

    """

    name: str
    fields: dict[str, Any]
    detect: tuple[str, ...] = ()
    records: str = ""
    require_text: bool = True
    html_text: bool = False
    source: str = ""
    description: str = field(default="", compare=False)

    def matches(self, keys: set[str]) -> bool:
        """Whether a record with these keys (or a CSV with these columns) has this shape."""
        return bool(self.detect) and set(self.detect) <= keys

    def apply(self, record: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """Front-matter fields and text of one record (empty strings where nothing is there)."""
        meta: dict[str, Any] = {}
        for name, spec in self.fields.items():
            if name == "text":
                continue
            meta[name] = creators(record, spec) if name == "creators" else resolve(record, spec)
        text = resolve(record, self.fields.get("text", ""))
        if self.html_text and text:
            text = html_fragment_text(text)
        return meta, text

    def column_of(self, name: str) -> str:
        """The column or key a field comes from, for error messages ("title (column 'Title')")."""
        spec = self.fields.get(name)
        if isinstance(spec, str):
            return spec
        if isinstance(spec, list) and spec and isinstance(spec[0], str):
            return " or ".join(str(s) for s in spec)
        if isinstance(spec, dict) and isinstance(spec.get("path"), str):
            return str(spec["path"])
        return ""


def lookup(record: Any, path: str) -> Any:
    """A value by exact key first (CSV headers contain spaces and dots), else by dotted path."""
    if isinstance(record, AbcMapping) and path in record:
        return record[path]
    value = record
    for part in path.split("."):
        if not isinstance(value, AbcMapping):
            return None
        value = value.get(part)
    return value


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return ""  # a structure where a value was expected: the mapping needs an 'item'
    return str(value).strip()


def resolve(record: dict[str, Any], spec: Any) -> str:
    """The text a value spec yields for one record ("" when absent).

    A spec is a key (``title``), a template (``"walters-{object_id}"``; empty if any
    placeholder is), a list of alternatives (the first non-empty wins), or a dict with
    ``const``, ``path`` (+ ``item``, ``where``, ``join``, ``split``, ``map``, ``html``) or
    ``parts`` (+ ``join``).
    """
    if isinstance(spec, list):
        for alternative in spec:
            value = resolve(record, alternative)
            if value:
                return value
        return ""
    if isinstance(spec, str):
        if "{" not in spec:
            return _scalar(lookup(record, spec))
        values = {}
        for key in _PLACEHOLDER.findall(spec):
            values[key] = _scalar(lookup(record, key))
            if not values[key]:
                return ""
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], spec)
    if isinstance(spec, dict):
        return _resolve_dict(record, spec)
    return ""


def _resolve_dict(record: dict[str, Any], spec: dict[str, Any]) -> str:
    if "const" in spec:
        return _scalar(spec["const"])
    join = str(spec.get("join", ", "))
    if "parts" in spec:
        parts = [resolve(record, p) for p in spec["parts"]]
        return join.join(dict.fromkeys(p for p in parts if p))
    raw = lookup(record, str(spec.get("path", "")))
    if isinstance(raw, list):
        wanted = spec.get("where") or {}
        items = [
            item
            for item in raw
            if not wanted
            or (isinstance(item, dict) and all(item.get(k) == v for k, v in wanted.items()))
        ]
        item_key = spec.get("item")
        values = [
            _scalar(lookup(i, item_key) if item_key and isinstance(i, dict) else i) for i in items
        ]
    elif "split" in spec and isinstance(raw, str):
        values = [v.strip() for v in raw.split(str(spec["split"]))]
    else:
        values = [_scalar(raw)]
    translate = spec.get("map")
    if isinstance(translate, dict):
        values = [_scalar(translate.get(v, translate.get("*", v))) for v in values]
    if spec.get("html"):
        values = [html_fragment_text(v) for v in values]
    # Repeats are kept (a city and its state may share a name, "Leipzig, Leipzig"): the
    # record says so, and it keeps the Walters hashes what the hard-coded loader made.
    return join.join(v for v in values if v)


def creators(record: dict[str, Any], spec: Any) -> list[dict[str, str]]:
    """Creators as ``[{name, role, dates}]`` from a list of objects or parallel split columns.

    ``{list: creators, name: name, role: role}`` reads a list of objects;
    ``{split: "|", name: "Artist Display Name", role: "Artist Role"}`` zips columns that
    hold several values each; a plain spec gives one creator's name.
    """
    if not isinstance(spec, dict):
        name = resolve(record, spec)
        return [{"name": name}] if name else []
    parts = ("name", "role", "dates")
    if "list" in spec:
        items = lookup(record, str(spec["list"])) or []
        if not isinstance(items, list):
            return []
        return [
            {p: resolve(item, spec[p]) for p in parts if p in spec}
            for item in items
            if isinstance(item, dict) and resolve(item, spec.get("name", "name"))
        ]
    sep = spec.get("split")
    columns = {p: resolve(record, spec[p]) for p in parts if p in spec}
    if not sep:
        return [columns] if columns.get("name") else []
    split = {p: v.split(str(sep)) for p, v in columns.items()}
    out = []
    for i, name in enumerate(split.get("name", [])):
        if name.strip():
            out.append({p: (vals[i].strip() if i < len(vals) else "") for p, vals in split.items()})
    return out


def html_fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types; broken markup falls back to the raw text
        return re.sub(r"<[^>]+>", " ", markup).strip()
    for block in root.iter("p", "div", "li", "br", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _check_spec(name: str, spec: Any, where: str) -> None:
    if isinstance(spec, str):
        return
    if isinstance(spec, list):
        for alternative in spec:
            _check_spec(name, alternative, where)
        return
    if not isinstance(spec, dict):
        raise MappingError(f"{where}: field {name!r} must be a key, a list or a mapping")
    allowed = _CREATOR_KEYS if name == "creators" else _VALUE_KEYS
    unknown = set(spec) - allowed
    if unknown:
        raise MappingError(
            f"{where}: field {name!r} has unknown option(s) {sorted(unknown)}; "
            f"allowed: {sorted(allowed)}"
        )
    for part in spec.get("parts", []):
        _check_spec(name, part, where)


def parse_mapping(data: Any, source: str) -> Mapping:
    """Validate a mapping's YAML content.

    Raises:
        MappingError: The content is not a mapping file we understand.

    """
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise MappingError(f"{source}: a mapping file needs a 'fields:' section")
    unknown = set(data["fields"]) - FIELDS
    if unknown:
        raise MappingError(f"{source}: unknown field(s) {sorted(unknown)}; known: {sorted(FIELDS)}")
    for name in ("id", "title"):
        if name not in data["fields"]:
            raise MappingError(f"{source}: the mapping must say which key holds {name!r}")
    for name, spec in data["fields"].items():
        _check_spec(name, spec, source)
    detect = data.get("detect") or []
    if not isinstance(detect, list):
        raise MappingError(f"{source}: 'detect' must be a list of keys")
    return Mapping(
        name=str(data.get("name") or Path(source).stem),
        fields=dict(data["fields"]),
        detect=tuple(str(k) for k in detect),
        records=str(data.get("records") or ""),
        require_text=bool(data.get("require_text", True)),
        html_text=bool(data.get("html_text", False)),
        source=source,
        description=str(data.get("description") or ""),
    )


def load_mapping(name_or_path: str | Path) -> Mapping:
    """A mapping by file path, or by the name of a bundled one (``walters``, ``met``, ``aic``).

    Raises:
        MappingError: No such mapping, or it is not valid.

    """
    path = Path(name_or_path)
    if not path.is_file():
        bundled = MAPPINGS_DIR / f"{name_or_path}.yaml"
        if not bundled.is_file():
            names = ", ".join(m.name for m in bundled_mappings())
            raise MappingError(f"no mapping file {str(name_or_path)!r} (bundled mappings: {names})")
        path = bundled
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MappingError(f"cannot read mapping {path}: {first}") from exc
    return parse_mapping(data, str(path))


@lru_cache(maxsize=1)
def _bundled() -> tuple[Mapping, ...]:
    return tuple(load_mapping(p) for p in sorted(MAPPINGS_DIR.glob("*.yaml")))


def bundled_mappings() -> tuple[Mapping, ...]:
    """The ready mappings shipped in ``ingest/mappings/`` (used for auto-detection)."""
    return _bundled()


def detect_mapping(keys: set[str]) -> Mapping | None:
    """The bundled mapping whose ``detect`` keys a record (or CSV header) has, if any."""
    for mapping in bundled_mappings():
        if mapping.matches(keys):
            return mapping
    return None

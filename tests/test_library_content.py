"""Content checks for the bundled leaflet library (``leaflets/*.yaml``).

These tests read the YAML directly with PyYAML; they do not import ``msc_leaflet``,
so they keep working while the code is being built.

What is checked, for every leaflet:

* **Parsing.** The file loads with ``yaml.safe_load`` (plus a duplicate-key check),
  contains no tab characters, and its ``id`` matches the file name.

* **(a) Originality.** No run of 12 consecutive words in any text value of the
  leaflet matches a run in any file in ``<workspace>/shared/seeds/`` (the source
  material). "Text values" are all strings collected recursively from the leaflet,
  except the ``references`` section (bibliographic titles are copied from the
  sources on purpose) and except machine values (``id``, ``kind``, ``style``,
  ``organisation``, ``language``, ``document``). Inline markup is stripped first:
  citations ``[@key]`` are removed, links ``[label](url)`` become ``label``, and
  ``*``/``**`` emphasis and ``\\`` escapes are dropped. Words are compared in
  lower case with punctuation ignored (a word is a run of letters and digits, so
  "cell-to-cell" is three words on both sides). Each text value is checked on its
  own. The test is skipped, with a reason, when the seeds folder is absent.

* **(b) Claim words.** The words cure/cures/cured, regrow*, regenerat*,
  reverse/reversed/reversal, guarantee*, miracle* and the phrase "no side effects"
  may appear only in a sentence that also contains a *warning cue*. Sentences are
  split at ``.``, ``!`` and ``?``. The claim words themselves are removed before
  looking for a cue (so the "no" in "no side effects" does not count). Cues are:
  promise*, claim*, careful, beware, wary, warn*, avoid*, myth*, not, never,
  cannot, no, and any "n't" contraction. The rule is deliberately simple: it
  catches a claim word used as a promise, and lets through "be careful of a
  clinic that promises a cure". The ``references`` section is not checked.

* **(c) Citations.** Every ``[@key]`` (also ``[@a; @b]``) names a reference in
  ``references``, every reference is cited at least once, and keys are unique.

* **(d) Structure.** The first block is a ``callout`` with ``kind: key-answer``;
  there is at least one ``faq`` block and each has 3 to 5 entries.

* **House style** (from the library brief): 4 to 6 headings of at most 40
  characters with ``numbered_sections: true``; at least one ``plain-terms`` or
  ``warning`` callout; at least one ``list``; ``kicker: Patient information``; and
  the first mention of MSCs in the lede or body reads "mesenchymal stromal cells
  (MSCs)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LEAFLET_DIR = ROOT / "leaflets"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

LEAFLETS = sorted(LEAFLET_DIR.glob("*.yaml"))

NGRAM = 12

# Keys whose values are machine values, not text for readers.
MACHINE_KEYS = {"id", "kind", "style", "organisation", "language", "document", "url"}
SKIP_SECTIONS = {"references"}

CLAIM_RE = re.compile(
    r"\b(?:cure[sd]?|regrow\w*|regenerat\w*|revers(?:e|ed|al)|guarantee\w*|"
    r"miracle\w*|no\s+side[\s-]+effects?)\b",
    re.IGNORECASE,
)
CUE_RE = re.compile(
    r"\b(?:promis\w*|claim\w*|careful|beware|wary|warn\w*|avoid\w*|myths?|"
    r"not|never|cannot|no)\b|n['’]t\b",
    re.IGNORECASE,
)
CITATION_GROUP_RE = re.compile(r"(?<!\\)\[(@[^\]]+)\]")
LINK_RE = re.compile(r"(?<!\\)\[([^\]]*)\]\((?:https?|mailto|tel):[^)\s]*\)")
WORD_RE = re.compile(r"[^\W_]+")


# --------------------------------------------------------------------------- loading


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that rejects duplicate mapping keys."""


def _construct_mapping(
    loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    strict = yaml.load(text, Loader=_StrictLoader)
    assert data == strict
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


# ---------------------------------------------------------------------------- helpers


def iter_texts(node: Any, key: str | None = None) -> Iterator[str]:
    """Yield every reader-facing string in a leaflet, recursively."""
    if key in MACHINE_KEYS or key in SKIP_SECTIONS:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from iter_texts(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from iter_texts(item, key)


def strip_markup(text: str) -> str:
    text = CITATION_GROUP_RE.sub("", text)
    text = LINK_RE.sub(r"\1", text)
    text = re.sub(r"\\([\\*\[\]])", r"\1", text)
    text = text.replace("*", "")
    return text


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().replace("’", "'"))


def ngrams(tokens: list[str], n: int = NGRAM) -> Iterator[tuple[str, ...]]:
    for i in range(len(tokens) - n + 1):
        yield tuple(tokens[i : i + n])


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])[\"'”’)]*\s+|\n+", text) if s.strip()]


def cited_keys(texts: list[str]) -> list[str]:
    keys: list[str] = []
    for text in texts:
        for group in CITATION_GROUP_RE.findall(text):
            for part in group.split(";"):
                part = part.strip()
                assert part.startswith("@"), f"malformed citation [{group}]"
                keys.append(part[1:])
    return keys


def blocks_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = data.get("blocks")
    assert isinstance(blocks, list) and blocks, "leaflet has no blocks"
    return blocks


def kind_of(block: dict[str, Any]) -> str:
    return next(iter(block))


@pytest.fixture(scope="module")
def seed_ngrams() -> dict[tuple[str, ...], str]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed folder not found at {SEEDS_DIR}; originality check needs it")
    table: dict[tuple[str, ...], str] = {}
    for seed in sorted(p for p in SEEDS_DIR.iterdir() if p.is_file()):
        tokens = words(seed.read_text(encoding="utf-8", errors="replace"))
        for gram in ngrams(tokens):
            table.setdefault(gram, seed.name)
    return table


needs_leaflets = pytest.mark.skipif(not LEAFLETS, reason="no leaflets in leaflets/")
per_leaflet = pytest.mark.parametrize("path", LEAFLETS, ids=[p.stem for p in LEAFLETS])


# ------------------------------------------------------------------------------ tests


@needs_leaflets
@per_leaflet
def test_parses(path: Path) -> None:
    assert "\t" not in path.read_text(encoding="utf-8"), f"{path.name}: contains a tab"
    data = load(path)
    assert data.get("id") == path.stem, f"{path.name}: id must match the file name"


@needs_leaflets
@per_leaflet
def test_no_12_word_overlap_with_seeds(path: Path, seed_ngrams: dict[tuple[str, ...], str]) -> None:
    problems = []
    for text in iter_texts(load(path)):
        tokens = words(strip_markup(text))
        for gram in ngrams(tokens):
            if gram in seed_ngrams:
                problems.append(f"{' '.join(gram)!r} (in {seed_ngrams[gram]})")
    assert not problems, f"{path.name}: text copied from seeds:\n  " + "\n  ".join(problems)


@needs_leaflets
@per_leaflet
def test_claim_words_only_in_warnings(path: Path) -> None:
    problems = []
    for text in iter_texts(load(path)):
        for sentence in sentences(strip_markup(text)):
            if not CLAIM_RE.search(sentence):
                continue
            if not CUE_RE.search(CLAIM_RE.sub(" ", sentence)):
                problems.append(sentence.strip())
    assert not problems, f"{path.name}: claim word without a warning cue in:\n  " + "\n  ".join(
        problems
    )


@needs_leaflets
@per_leaflet
def test_citations_resolve(path: Path) -> None:
    data = load(path)
    refs = data.get("references") or []
    ref_keys = [r["key"] for r in refs]
    assert len(ref_keys) == len(set(ref_keys)), f"{path.name}: duplicate reference keys"
    for ref in refs:
        for field in ("key", "authors", "title", "year"):
            assert ref.get(field), f"{path.name}: reference {ref.get('key')} lacks {field}"
    cited = set(cited_keys(list(iter_texts(data))))
    missing = sorted(cited - set(ref_keys))
    unused = sorted(set(ref_keys) - cited)
    assert not missing, f"{path.name}: cited but not in references: {missing}"
    assert not unused, f"{path.name}: listed but never cited: {unused}"


@needs_leaflets
@per_leaflet
def test_key_answer_first_and_faq(path: Path) -> None:
    blocks = blocks_of(load(path))
    first = blocks[0]
    assert kind_of(first) == "callout" and first.get("kind") == "key-answer", (
        f"{path.name}: the first block must be a key-answer callout"
    )
    faqs = [b for b in blocks if kind_of(b) == "faq"]
    assert faqs, f"{path.name}: no faq block"
    for faq in faqs:
        assert 3 <= len(faq["faq"]) <= 5, f"{path.name}: an faq must have 3-5 entries"
        for entry in faq["faq"]:
            assert entry.get("q") and entry.get("a"), f"{path.name}: faq entry needs q and a"


@needs_leaflets
@per_leaflet
def test_house_style(path: Path) -> None:
    data = load(path)
    blocks = blocks_of(data)
    assert data.get("kicker") == "Patient information"
    assert data.get("numbered_sections") is True
    headings = [b["heading"] for b in blocks if kind_of(b) == "heading"]
    assert 4 <= len(headings) <= 6, f"{path.name}: expected 4-6 headings, got {len(headings)}"
    for heading in headings:
        assert len(strip_markup(heading)) <= 40, f"{path.name}: heading too long: {heading!r}"
    assert any(
        kind_of(b) == "callout" and b.get("kind") in {"plain-terms", "warning"} for b in blocks
    ), f"{path.name}: needs a plain-terms or warning callout"
    assert any(kind_of(b) == "list" for b in blocks), f"{path.name}: needs a list"
    body = " ".join(iter_texts({"lede": data.get("lede", ""), "blocks": blocks}))
    first = re.search(r"mesenchymal|\bMSCs?\b", body, re.IGNORECASE)
    assert first, f"{path.name}: never mentions MSCs"
    assert body[first.start() :].startswith("mesenchymal stromal cells (MSCs)"), (
        f"{path.name}: first mention must be 'mesenchymal stromal cells (MSCs)'"
    )

"""`update`'s merge against GNU msgmerge as the oracle.

Each scenario is an author's edit to a real leaflet (so the msgctxt values are the ones
`extract` makes: block ids, or positions such as ``paragraph/3`` and ``list/2/1``). The
old catalog has every entry translated; the new template comes from the edited leaflet.
The test states the outcome a reader of docs/translating.md expects per entry, and then
checks that ``msgmerge --previous`` on the same two files gives the same outcome.
Deviations from msgmerge are tested separately below, each with its reason.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msc_leaflet.content import load_leaflet
from msc_leaflet.i18n.catalog import Catalog, Entry, declared_plurals
from msc_leaflet.i18n.extract import leaflet_template
from msc_leaflet.i18n.merge import TranslationMemory, _Sources, merge
from msc_leaflet.i18n.pofile import format_po, parse_po, read_po
from msc_leaflet.i18n.workflow import translation
from msc_leaflet.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"
MSGMERGE, MSGFMT = shutil.which("msgmerge"), shutil.which("msgfmt")
UTF8 = {"Content-Type": "text/plain; charset=UTF-8"}

LEAFLET = """\
id: merge
language: en
title: Merge test
document: {{code: M-1, version: "1", published: 2026-01-01, next_review: 2027-01-01}}
organisation: test-clinic
disclaimer: General information only.
blocks:
{blocks}
"""

INTRO = "Rest for a whole day after the infusion."
WATER = "Drink plenty of water on the day of the infusion and the day after."
FEVER = "Call the clinic if you have a fever above 38 degrees."
LIST = """\
  - list:
{items}"""
ITEMS = ["Bring your ID card.", "Bring your list of medicines.", "Eat a light breakfast."]


def paragraph(text: str, block_id: str | None = None) -> str:
    return f"  - paragraph: {text}" + (f"\n    id: {block_id}" if block_id else "")


def bullet_list(items: list[str]) -> str:
    return LIST.format(items="\n".join(f"      - {item}" for item in items))


START = [paragraph(INTRO, "rest"), paragraph(WATER), paragraph(FEVER), bullet_list(ITEMS)]

# scenario -> (edited blocks, expected outcome of the entries that differ from "kept")
SCENARIOS: dict[str, tuple[list[str], dict[str, str]]] = {
    "edit a sentence": (
        [paragraph(INTRO.replace("whole ", ""), "rest"), *START[1:]],
        {"rest": "fuzzy"},
    ),
    "delete a paragraph": (
        [START[0], START[2], START[3]],
        # what follows moves up one place: same text under a new context, so fuzzy
        {
            "paragraph/2": "fuzzy",
            "list/3/1": "fuzzy",
            "list/3/2": "fuzzy",
            "list/3/3": "fuzzy",
            "obsolete": "paragraph/2",
        },
    ),
    "add a paragraph at the end": (
        [*START, paragraph("Keep the plaster on for one day.")],
        {"paragraph/5": "untranslated"},
    ),
    "reorder two paragraphs": (
        [START[0], START[2], START[1], START[3]],
        {"paragraph/2": "fuzzy", "paragraph/3": "fuzzy"},
    ),
    "rename a block id": (
        [paragraph(INTRO, "after-care"), *START[1:]],
        {"after-care": "fuzzy", "obsolete": ""},
    ),
    "rename an id and edit": (
        [paragraph(INTRO.replace("whole ", "full "), "after-care"), *START[1:]],
        {"after-care": "fuzzy", "obsolete": ""},
    ),
    "insert a list item at the top": (
        [*START[:3], bullet_list(["Sleep well the night before.", *ITEMS])],
        {"list/4/1": "untranslated", "list/4/2": "fuzzy", "list/4/3": "fuzzy", "list/4/4": "fuzzy"},
    ),
    "rewrite a paragraph completely": (
        [paragraph("You may shower as usual from the next morning.", "rest"), *START[1:]],
        {"rest": "untranslated", "obsolete": "rest"},
    ),
    "split a paragraph in two": (
        [
            START[0],
            paragraph("Drink plenty of water on the day of the infusion."),
            paragraph("Drink plenty of water on the day after."),
            *START[2:],
        ],
        # one old translation seeds both halves; the list and fever move one place
        {
            "paragraph/2": "fuzzy",
            "paragraph/3": "fuzzy",
            "paragraph/4": "fuzzy",
            "list/5/1": "fuzzy",
            "list/5/2": "fuzzy",
            "list/5/3": "fuzzy",
        },
    ),
}


def template(root: Path, blocks: list[str]) -> Catalog:
    (root / "leaflets").mkdir(exist_ok=True)
    if not (root / "organisations").exists():
        shutil.copytree(FIXTURE / "organisations", root / "organisations")
    path = root / "leaflets" / "merge.yaml"
    path.write_text(LEAFLET.format(blocks="\n".join(blocks)), encoding="utf-8")
    project = Project.at(root)
    catalog = leaflet_template(load_leaflet(path, project)[0], project)
    catalog.header = dict(UTF8)
    return catalog


def translated(catalog: Catalog) -> Catalog:
    """Every entry translated, the translation naming its context so it can be traced."""
    entries = [
        Entry(msgid=e.msgid, msgctxt=e.msgctxt, msgstr=f"T[{e.msgctxt}]", references=e.references)
        for e in catalog.active
    ]
    return Catalog(header=dict(UTF8), entries=entries)


def state(entry: Entry) -> str:
    if not entry.has_translation:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def outcome(catalog: Catalog) -> dict[object, object]:
    """What a translator sees per entry: state, which translation, and the ``#|`` source."""
    found: dict[object, object] = {
        e.key: (state(e), e.msgstr, e.previous_msgctxt, e.previous_msgid)
        if e.fuzzy
        else (state(e), e.msgstr)
        for e in catalog.active
    }
    found["obsolete"] = sorted(
        repr((e.key, e.msgstr)) for e in catalog.obsolete if e.has_translation
    )
    return found


def msgmerge(tmp: Path, old: Catalog, new: Catalog) -> Catalog:
    assert MSGMERGE is not None
    (tmp / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp / "new.pot").write_text(format_po(new), encoding="utf-8")
    subprocess.run(
        [MSGMERGE, "--quiet", "--previous", "-o", str(tmp / "out.po"), "old.po", "new.pot"],
        cwd=tmp,
        check=True,
    )
    return read_po(tmp / "out.po")


def oracle(tmp: Path, old: Catalog, new: Catalog) -> Catalog:
    if MSGMERGE is None:
        pytest.skip("GNU gettext msgmerge is not on PATH (Debian package 'gettext')")
    return msgmerge(tmp, old, new)


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_matches_msgmerge(tmp_path: Path, name: str) -> None:
    blocks, expected = SCENARIOS[name]
    old = translated(template(tmp_path, START))
    new = template(tmp_path, blocks)
    ours = merge(new, old, dict(UTF8))
    states = {e.msgctxt: state(e) for e in ours.active}
    differing = {ctx: s for ctx, s in states.items() if s != "translated"}
    assert differing == {k: v for k, v in expected.items() if k != "obsolete"}
    assert " ".join(str(e.msgctxt) for e in ours.obsolete) == expected.get("obsolete", "")
    assert outcome(ours) == outcome(oracle(tmp_path, old, new))


def test_fuzzy_entries_record_the_previous_context_and_source(tmp_path: Path) -> None:
    old = translated(template(tmp_path, START))
    new = template(tmp_path, [paragraph(INTRO.replace("whole ", ""), "rest"), *START[1:]])
    [rest] = [e for e in merge(new, old, {}).active if e.fuzzy]
    assert (rest.previous_msgctxt, rest.previous_msgid) == ("rest", INTRO)
    assert '#| msgctxt "rest"\n#| msgid "Rest for a whole day' in format_po(merge(new, old, {}))


def entry(context: str | None, msgid: str, msgstr: str = "", **kw: object) -> Entry:
    return Entry(msgid=msgid, msgstr=msgstr, msgctxt=context, **kw)  # type: ignore[arg-type]


def compare(tmp: Path, old: list[Entry], new: list[Entry]) -> Catalog:
    # as a file, like msgmerge sees it: active entries first, then obsolete ones
    old_catalog = parse_po(format_po(Catalog(UTF8, entries=old)))
    template_catalog = Catalog(UTF8, entries=new)
    ours = merge(template_catalog, old_catalog, dict(UTF8))
    assert outcome(ours) == outcome(oracle(tmp, old_catalog, template_catalog))
    return ours


def test_the_most_similar_of_two_near_identical_candidates_wins(tmp_path: Path) -> None:
    ours = compare(
        tmp_path,
        [
            entry("a", "Take one tablet in the morning.", "เช้า"),
            entry("b", "Take one tablet in the evening.", "เย็น"),
        ],
        [entry("c", "Take one tablet in the mornings.")],
    )
    assert ours.active[0].msgstr == "เช้า"


def test_equally_similar_candidates_prefer_the_same_context(tmp_path: Path) -> None:
    ours = compare(
        tmp_path,
        [entry("a", "Rest for a day.", "หนึ่ง"), entry("b", "Rest for a day.", "สอง")],
        [entry("b", "Rest for two days.")],
    )
    assert ours.active[0].msgstr == "สอง"


def test_equally_similar_candidates_otherwise_the_first_in_the_file(tmp_path: Path) -> None:
    ours = compare(
        tmp_path,
        [entry("a", "Rest for a day.", "หนึ่ง"), entry("b", "Rest for a day.", "สอง")],
        [entry("c", "Rest for two days.")],
    )
    assert ours.active[0].msgstr == "หนึ่ง"


def test_an_entry_already_fuzzy_keeps_the_source_its_translation_was_made_for(
    tmp_path: Path,
) -> None:
    fuzzy = dict(flags=["fuzzy"], previous_msgctxt="a", previous_msgid="First wording.")
    ours = compare(
        tmp_path,
        [
            entry("a", "Second wording.", "แปล", **fuzzy),
            entry("b", "Unchanged.", "เหมือนเดิม", **fuzzy),
        ],
        [entry("a", "Third wording."), entry("b", "Unchanged.")],
    )
    edited, unchanged = ours.active
    assert (edited.fuzzy, edited.previous_msgid) == (True, "First wording.")
    assert (unchanged.fuzzy, unchanged.previous_msgid) == (True, "First wording.")


def test_an_obsolete_entry_comes_back(tmp_path: Path) -> None:
    ours = compare(
        tmp_path,
        [
            entry("a", "Came back.", "กลับมา", obsolete=True),
            entry("b", "Came back with a change.", "เปลี่ยน", obsolete=True),
        ],
        [entry("a", "Came back."), entry("c", "Came back with a change!")],
    )
    back, changed = ours.active
    assert (back.msgstr, back.fuzzy) == ("กลับมา", False)
    assert (changed.msgstr, changed.fuzzy) == ("เปลี่ยน", True)
    assert ours.obsolete == []


def test_a_translation_in_plural_form_is_kept_as_a_fuzzy_msgstr(tmp_path: Path) -> None:
    """A plural entry (hand-edited, another tool) for a text the leaflet looks up as one
    message: msgstr[0] becomes the fuzzy msgstr with the old source as ``#|``, like
    msgmerge, whether the text is the same or only similar. The other forms, which
    msgmerge drops, stay as translator comments."""

    def plural(msgid_plural: str, *forms: str) -> dict[str, Any]:
        return dict(msgid_plural=msgid_plural, msgstr_plural=dict(enumerate(forms)))

    old = [
        entry("title", "After your cell infusion", **plural("After infusions", "Sau khi", "Nhiều")),
        entry(
            "p/1", "Drink plenty of water on the day.", **plural("On the days.", "Uống nước", "")
        ),
    ]
    new = [entry("title", "After your cell infusion"), entry("p/1", "Drink water on the day!")]
    ours = compare(tmp_path, old, new)
    theirs = oracle(
        tmp_path, parse_po(format_po(Catalog(UTF8, entries=old))), Catalog(UTF8, entries=new)
    )
    title, water = ours.active
    assert (title.msgstr, title.fuzzy, title.msgid_plural) == ("Sau khi", True, None)
    assert (water.msgstr, water.fuzzy) == ("Uống nước", True)
    assert (
        [e.previous_msgid_plural for e in ours.active]
        == [e.previous_msgid_plural for e in theirs.active]
        == ["After infusions", "On the days."]
    )
    assert title.comments == ["earlier translation: Nhiều"] and water.comments == []
    assert '#| msgid_plural "After infusions"\nmsgctxt "title"' in format_po(ours)
    assert ours.obsolete == []


def test_a_changed_plural_text_makes_its_translation_fuzzy(tmp_path: Path) -> None:
    """The singular text is the same but the plural one changed ("{n} days" became
    "{n} days in a row"): the old forms no longer say what the English says. msgmerge
    marks the entry fuzzy with the old texts as ``#|``; update kept it translated, so
    the build printed the forms made for the old plural without a translator's look."""
    forms = {0: "{n} Tag", 1: "{n} Tage"}
    old = [entry(None, "{n} day", msgid_plural="{n} days", msgstr_plural=forms)]
    new = [entry(None, "{n} day", msgid_plural="{n} days in a row", msgstr_plural={0: "", 1: ""})]
    ours = compare(tmp_path, old, new)
    theirs = oracle(
        tmp_path, parse_po(format_po(Catalog(UTF8, entries=old))), Catalog(UTF8, entries=new)
    )
    [day] = ours.active
    assert day.fuzzy and day.msgstr_plural == forms
    assert (day.previous_msgid, day.previous_msgid_plural) == ("{n} day", "{n} days")
    assert [(e.previous_msgid, e.previous_msgid_plural) for e in theirs.active] == [
        ("{n} day", "{n} days")
    ]
    assert '#| msgid "{n} day"\n#| msgid_plural "{n} days"\nmsgid "{n} day"' in format_po(ours)


def test_an_untranslated_entry_is_not_left_fuzzy(tmp_path: Path) -> None:
    """A ``#, fuzzy`` mark on an entry with nothing translated (a translator emptied the
    msgstr, or a tool left it): GNU gettext reads no fuzzy entry there and msgmerge
    writes none. update kept the mark, so the translation typed into it later was still
    fuzzy and the build held it back as unreviewed."""
    old = [
        entry("a", "Rest for a whole day.", flags=["fuzzy"], previous_msgid="Rest for a day."),
        entry("b", "Rest for two days.", msgid_plural="Rest for {n} days.",
              msgstr_plural={0: "", 1: ""}, flags=["fuzzy"]),
    ]  # fmt: skip
    new = [
        entry("a", "Rest for a whole day."),
        entry("b", "Rest for two days.", msgid_plural="Rest for {n} days.",
              msgstr_plural={0: "", 1: ""}),
    ]  # fmt: skip
    ours = compare(tmp_path, old, new)
    theirs = oracle(
        tmp_path, parse_po(format_po(Catalog(UTF8, entries=old))), Catalog(UTF8, entries=new)
    )
    assert [e.flags for e in ours.active] == [e.flags for e in theirs.active] == [[], []]
    assert "fuzzy" not in format_po(ours)


ARABIC = UTF8 | {
    "Language": "ar",
    "Plural-Forms": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


@pytest.mark.parametrize(("header", "count"), [(ARABIC, 6), (UTF8 | {"Language": "th",
    "Plural-Forms": "nplurals=1; plural=0;"}, 1), (UTF8, 2)], ids=["ar", "th", "none"])  # fmt: skip
def test_a_text_in_plural_form_gets_the_catalog_s_number_of_forms(
    tmp_path: Path, header: dict[str, str], count: int
) -> None:
    """A template's plural entry has the template's two forms; msgmerge gives it as many
    as the catalog's Plural-Forms says (six in Arabic, one in Thai), new or carried over
    from a singular translation. With two, msgfmt refused the Arabic catalog."""
    forms = {0: "", 1: ""}
    old = Catalog(dict(header), entries=[entry(None, "day", "يوم")])
    new = Catalog(UTF8, entries=[
        entry(None, "day", msgid_plural="days", msgstr_plural=dict(forms)),
        entry(None, "hour", msgid_plural="hours", msgstr_plural=dict(forms)),
    ])  # fmt: skip
    old = parse_po(format_po(old))
    ours = merge(new, old, dict(old.header))
    day, hour = ours.active
    assert day.msgstr_plural == dict.fromkeys(range(count), "يوم") and day.fuzzy
    assert hour.msgstr_plural == dict.fromkeys(range(count), "")
    theirs = oracle(tmp_path, old, new)
    assert [e.msgstr_plural for e in theirs.active] == [e.msgstr_plural for e in ours.active]


def test_short_texts_and_the_threshold(tmp_path: Path) -> None:
    """Below four characters msgmerge compares by length; 0.6 exactly passes only with
    the same context (its tie-break bonus)."""
    compare(
        tmp_path,
        [entry("a", "Yes", "ใช่"), entry("b", "No", "ไม่"), entry("c", "abcde", "x")],
        [entry("d", "Yes!"), entry("e", "Nope"), entry("c", "abxyz"), entry("f", "abxyz")],
    )


# Random catalogs: the strongest check that the rules above are msgmerge's rules.
WORDS = ["rest", "drink", "water", "call", "us", "fever", "day", "clinic", "the", "a"]
# Sentences from few words make many near misses around 0.6; strings over a tiny
# alphabet make ties, texts without a common 4-gram, and texts under four characters.
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.text("abc ", min_size=1, max_size=12),
)
contexts = st.sampled_from([None, "intro", "care", "list/1", "list/2", "list/3"])


@st.composite
def old_entries(draw: st.DrawFn) -> Entry:
    context, msgid = draw(contexts), draw(texts)
    kind = draw(st.sampled_from(["translated", "translated", "fuzzy", "empty", "obsolete"]))
    new = entry(context, msgid, "" if kind == "empty" else f"T:{msgid}")
    if kind == "fuzzy":
        new.flags, new.previous_msgctxt, new.previous_msgid = ["fuzzy"], context, draw(texts)
    new.obsolete = kind == "obsolete"
    return new


def unique(entries: list[Entry]) -> list[Entry]:
    return list({e.key: e for e in entries}.values())  # msgmerge refuses duplicates


@pytest.mark.skipif(MSGMERGE is None, reason="GNU gettext msgmerge is not on PATH")
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    old=st.lists(old_entries(), max_size=8).map(unique),
    new=st.lists(st.builds(entry, contexts, texts), min_size=1, max_size=8).map(unique),
)
def test_random_catalogs_merge_like_msgmerge(
    tmp_path: Path, old: list[Entry], new: list[Entry]
) -> None:
    compare(tmp_path, old, new)


def lcs(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for char in a:
        diagonal = 0
        for j, other in enumerate(b):
            diagonal, row[j + 1] = (
                row[j + 1],
                diagonal + 1 if char == other else max(row[j + 1], row[j]),
            )
    return row[-1]


@given(
    st.lists(st.text("abc ภา", max_size=20), min_size=1, max_size=5), st.text("abc ภา", max_size=20)
)
def test_packed_lcs_equals_the_textbook_one(sources: list[str], text: str) -> None:
    assert _Sources(sources).common_lengths(text) == [lcs(s, text) for s in sources]


def test_similarity_counts_characters_not_utf8_bytes() -> None:
    """msgmerge compares UTF-8 bytes, so two unrelated Thai sentences that share
    their lead bytes and one word look 70 % alike and get each other's translation."""
    memory = TranslationMemory([entry("a", "สวัสดีครับ", "Hello")])
    assert memory.suggest(entry("b", "ขอบคุณมากครับ")) is None


REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "po", sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.stem
)
def test_bundled_catalogs_merge_like_msgmerge(tmp_path: Path, po: Path) -> None:
    old, template_catalog = read_po(po), read_po(REPO / "locales" / f"{po.stem}.pot")
    ours = merge(template_catalog, old, dict(old.header))
    assert outcome(ours) == outcome(oracle(tmp_path, old, template_catalog))


def test_format_flags_follow_the_template_as_msgmerge_s_do(tmp_path: Path) -> None:
    """``c-format``, ``no-wrap``, ``range:`` describe the source text, so msgmerge takes
    them from the template. Kept from the old entry, a stale ``c-format`` on "50% off"
    made msgfmt --check refuse the catalog update wrote. A flag GNU does not know is the
    translator's and stays; a translation whose text became a format string with a
    placeholder is marked fuzzy so the translator checks it."""
    old = [
        entry(None, "Save 50% today", "ลด 50% วันนี้", flags=["c-format", "read-only"]),
        entry(None, "Wrapped text", "ข้อความ", flags=["no-wrap"]),
        entry(None, "Plain text", "ข้อความธรรมดา"),
        entry(None, "Count %d", "นับจำนวน", flags=["no-c-format"]),  # no %d
    ]
    new = [
        entry(None, "Save 50% today"),
        entry(None, "Wrapped text", flags=["python-format"]),
        entry(None, "Plain text", flags=["c-format"]),
        entry(None, "Count %d", flags=["c-format"]),
    ]
    old_catalog = parse_po(format_po(Catalog(UTF8, entries=old)))
    ours = merge(Catalog(UTF8, entries=new), old_catalog, dict(UTF8))
    gnu = oracle(tmp_path, old_catalog, Catalog(UTF8, entries=new))
    flags = {e.msgid: [f for f in e.flags if f != "fuzzy"] for e in ours.active}
    assert flags == {
        "Save 50% today": ["read-only"],
        "Wrapped text": ["python-format"],
        "Plain text": ["c-format"],
        "Count %d": ["c-format"],
    }
    gnu_flags = {e.msgid: [f for f in e.flags if f != "fuzzy"] for e in gnu.active}
    assert flags == gnu_flags | {"Save 50% today": ["read-only"]}  # GNU drops unknown flags
    assert [e.msgid for e in ours.active if e.fuzzy] == ["Count %d"]
    assert [e.msgid for e in gnu.active if e.fuzzy] == ["Count %d"]
    assert all(e.msgstr for e in ours.active)
    (tmp_path / "ours.po").write_text(format_po(ours), encoding="utf-8")
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(tmp_path / "ours.po")], check=False
    )
    assert checked.returncode == 0


@pytest.mark.parametrize(("language", "count"), [("ja", 1), ("th", 1), ("ar", 6)])
def test_plural_translations_get_the_number_of_forms_the_header_now_gives(
    tmp_path: Path, language: str, count: int
) -> None:
    """A catalog without Plural-Forms (gettext then assumes two forms) gets CLDR's from
    update (one for Japanese and Thai, six for Arabic). Its plural entries kept their two
    forms, so msgfmt --check refused the file update wrote ("nplurals = 1 ... but some
    messages have 2 plural forms"). Now each has the header's number: an untranslated one
    is simply refitted, a translated one is fuzzy (one form cannot say "1 day" and "5
    days" alike) and a form that no longer fits stays as a translator comment."""
    day = entry(None, "one day", msgid_plural="{n} days", msgstr_plural={0: "A", 1: "B"})
    week = entry(None, "one week", msgid_plural="{n} weeks", msgstr_plural={0: "", 1: ""})
    hour = entry(None, "one hour", msgid_plural="{n} hours", msgstr_plural={0: "", 1: ""})
    old = Catalog(UTF8 | {"Language": language}, entries=[day, week])
    new = Catalog(UTF8, entries=[copy.deepcopy(e) for e in (day, week, hour)])
    for e in new.entries:
        e.msgstr_plural = {0: "", 1: ""}
    ours = translation(new, language, parse_po(format_po(old)))
    assert declared_plurals(ours.header) == count
    assert [len(e.msgstr_plural) for e in ours.active] == [count] * 3
    [day_now, *untranslated] = ours.active
    assert day_now.fuzzy and day_now.msgstr_plural[0] == "A"
    assert not any(e.has_translation or e.fuzzy for e in untranslated)
    assert ("B" in day_now.msgstr_plural.values()) or ("earlier translation: B" in day_now.comments)
    (tmp_path / "ours.po").write_text(format_po(ours), encoding="utf-8")
    if MSGFMT is not None:
        run = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", "ours.po"], cwd=tmp_path)
        assert run.returncode == 0


def test_obsolete_entries_keep_the_old_file_s_order(tmp_path: Path) -> None:
    """A text removed from the leaflet becomes ``#~`` where msgmerge puts it: in the
    order of the old file, before the entries that were obsolete already (update put
    them after, so a translator who also updates with Poedit saw them move)."""
    old = [
        entry("z", "Gone now.", "หายไป"),
        entry("y", "Gone long ago.", "ล้าสมัย", obsolete=True),
        entry("x", "Also gone now.", "หายไปสอง"),
    ]
    ours = compare(tmp_path, old, [entry("a", "New text.")])
    assert [e.msgctxt for e in ours.obsolete] == ["z", "x", "y"]  # active first in a file
    theirs = oracle(tmp_path, parse_po(format_po(Catalog(UTF8, entries=old))), Catalog(UTF8))
    assert [e.msgctxt for e in ours.obsolete] == [e.msgctxt for e in theirs.obsolete]


def test_of_an_active_and_an_obsolete_entry_for_one_text_the_active_one_stays() -> None:
    """Two entries for one text, one of them obsolete (a hand edit; msgfmt refuses the
    file): when the text goes, the translation that was in use is the ``#~`` entry, and
    the other is kept beside it as a comment, wherever either stood in the file."""
    for old in (
        [entry("a", "Gone.", "ใช้อยู่"), entry("a", "Gone.", "เก่า", obsolete=True)],
        [entry("a", "Gone.", "เก่า", obsolete=True), entry("a", "Gone.", "ใช้อยู่")],
    ):
        ours = merge(Catalog(UTF8), Catalog(UTF8, entries=old), dict(UTF8))
        [kept] = ours.obsolete
        assert (kept.msgstr, kept.comments) == ("ใช้อยู่", ["earlier translation: เก่า"])

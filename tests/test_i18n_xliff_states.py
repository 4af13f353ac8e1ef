"""XLIFF 1.2 state and approved: what export says of each entry, and how a real tool
(Debian's translate-toolkit) reads it and writes it back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke, set_msgstr
from msc_leaflet.i18n.pofile import read_po, write_po
from xliff_tools import toolkit, toolkit_python

TH = Path("locales") / "th" / "LC_MESSAGES"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def export(root: Path, out: Path, locale: str = "th") -> None:
    code, output = invoke("i18n", "export", "-l", locale, "-o", str(out), "--project", str(root))
    assert code == 0, output


def sign_off(root: Path, leaflet: str = "infusion-safety") -> None:
    code, output = invoke("i18n", "review", leaflet, "-l", "th", "--by", "Dr. Malee Srisuk",
                          "--role", "clinical", "--project", str(root))  # fmt: skip
    assert code == 0 and "state       approved" in output, output


def units(xlf: Path) -> dict[str, tuple[str | None, str | None]]:
    """resname → (the trans-unit's approved, its target's state), as written."""
    text = xlf.read_text(encoding="utf-8")
    found = {}
    for unit in re.finditer(r"<trans-unit ([^>]*)>.*?<target ?([^>]*?)/?>", text, re.S):
        attrs = dict(re.findall(r'([\w:-]+)="([^"]*)"', unit[1]))
        target = dict(re.findall(r'([\w:-]+)="([^"]*)"', unit[2]))
        found[attrs["resname"]] = (attrs.get("approved"), target.get("state"))
    return found


def files(root: Path) -> dict[Path, bytes]:
    """Every file under locales/ (catalogs, signoff.yaml), by path."""
    return {p: p.read_bytes() for p in (root / "locales").rglob("*") if p.is_file()}


def review_state(root: Path, leaflet: str = "infusion-safety") -> str:
    code, output = invoke("i18n", "stats", "--project", str(root))
    assert code == 0, output
    [row] = [line for line in output.splitlines() if line.startswith(f"{leaflet} ")]
    return row.split()[-1]


def test_only_a_signed_off_text_is_exported_approved(bundled: Path, tmp_path: Path) -> None:
    """Export wrote no ``approved`` at all: a text a clinician had signed off went to the
    agency as one more translation, and one no one reviewed could not be told from it.
    Now each entry's state is the one XLIFF 1.2 has for it, per entry: an edit after
    the sign-off takes that entry's approval away, and only that entry's."""
    po = bundled / TH / "infusion-safety.po"
    export(bundled, tmp_path / "before")
    assert {a for a, _ in units(tmp_path / "before" / "infusion-safety.th.xlf").values()} == {None}
    sign_off(bundled)
    set_msgstr(po, "title", "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ")  # edited after it
    catalog = read_po(po)
    [kicker] = [e for e in catalog.active if e.msgctxt == "kicker"]
    kicker.set_fuzzy(True)
    write_po(po, catalog)
    export(bundled, tmp_path / "x")
    found = units(tmp_path / "x" / "infusion-safety.th.xlf")
    assert found["subtitle"] == ("yes", "signed-off")  # the text the clinician approved
    assert found["title"] == (None, "translated")  # edited since: no one approved it
    assert found["kicker"] == (None, "needs-review-translation")  # fuzzy
    assert found["ref/galipeau2018/title"] == (None, "new")  # untranslated (optional)
    assert found["keywords/1"] == (None, "translated")  # metadata: no sign-off covers it
    approved = [name for name, (a, _) in found.items() if a == "yes"]
    assert len(approved) == 57 and all(found[n][1] == "signed-off" for n in approved)
    # another leaflet, and the page words, have no sign-off
    for other in ("ui", "stromal-or-stem"):
        states = units(tmp_path / "x" / f"{other}.th.xlf").values()
        assert {a for a, _ in states} == {None} and ("yes", "signed-off") not in states


def test_signed_off_text_round_trips_and_stays_approved(bundled: Path, tmp_path: Path) -> None:
    """export → import, and export → translate-toolkit → import, give every catalog back
    byte for byte, and the leaflet's approval stays current."""
    sign_off(bundled)
    before = files(bundled)
    assert review_state(bundled) == "approved"
    export(bundled, tmp_path / "x")
    xlfs = sorted((tmp_path / "x").glob("*.xlf"))
    code, output = invoke("i18n", "import", *map(str, xlfs), "--project", str(bundled))
    assert code == 0 and output.count(" 0 changed") == len(xlfs), output
    assert files(bundled) == before
    if toolkit("pretranslate") is None:
        pytest.skip("translate-toolkit not installed (apt-get install translate-toolkit)")
    for xlf in xlfs:  # loaded and saved as Pootle, Virtaal and Weblate save it
        toolkit_run = toolkit("pretranslate")
        assert toolkit_run is not None
        toolkit_run(str(xlf), str(xlf))
    assert 'approved="yes"' in (tmp_path / "x" / "infusion-safety.th.xlf").read_text("utf-8")
    code, output = invoke("i18n", "import", *map(str, xlfs), "--project", str(bundled))
    assert code == 0 and output.count(" 0 changed") == len(xlfs), output
    assert files(bundled) == before
    assert review_state(bundled) == "approved"


def test_translate_toolkit_reads_each_state_as_it_was_meant(bundled: Path, tmp_path: Path) -> None:
    """xliff2po, the reader Pootle and Virtaal share, on what export writes: a signed-off
    text is translated, a fuzzy one fuzzy, an untranslated one empty. A text no one has
    signed off is fuzzy there: translate-toolkit counts only an approved unit done
    (docs/translating.md says so), where it is translated in ours and in Weblate."""
    xliff2po = toolkit("xliff2po")
    if xliff2po is None:
        pytest.skip("translate-toolkit not installed (apt-get install translate-toolkit)")
    po = bundled / TH / "infusion-safety.po"
    sign_off(bundled)
    set_msgstr(po, "title", "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ")
    set_msgstr(po, "kicker", "ข้อมูลผู้ป่วย", fuzzy=True)
    export(bundled, tmp_path / "x")
    xliff2po(str(tmp_path / "x" / "infusion-safety.th.xlf"), str(tmp_path / "tt.po"))
    read = {e.msgid: e for e in read_po(tmp_path / "tt.po").active}
    ours = {e.msgctxt: e for e in read_po(po).active}
    for context, fuzzy in [("subtitle", False), ("lede", False), ("kicker", True), ("title", True)]:
        entry = read[ours[context].msgid]
        assert (entry.msgstr, entry.fuzzy) == (ours[context].msgstr, fuzzy), context
    optional = read[ours["ref/galipeau2018/title"].msgid]
    assert (optional.msgstr, optional.fuzzy) == ("", False)


@pytest.mark.parametrize(
    ("operation", "fuzzy"),
    [
        ("markfuzzy(True)", True),  # a reviewer sends it back
        ("markfuzzy(False)", False),  # the translator confirms a fuzzy text
        ("markreviewneeded(True)", True),
        ("settarget('ข้อมูลผู้ป่วย')", None),  # a new text for the confirmed one
    ],
)
def test_what_a_translate_toolkit_tool_marks_imports_as_it_says(
    bundled: Path, tmp_path: Path, operation: str, fuzzy: bool | None
) -> None:
    """The state and approved a ttk-based tool writes when a translator confirms, sends
    back or edits a unit come back as that: fuzzy or not, the earlier text kept."""
    python = toolkit_python()
    if python is None:
        pytest.skip("translate-toolkit not installed (apt-get install translate-toolkit)")
    po = bundled / TH / "infusion-safety.po"
    set_msgstr(po, "subtitle", "สิ่งที่ควรรู้ก่อนและหลังได้รับเซลล์ทางหลอดเลือดดำ", fuzzy=True)
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    resname = "subtitle" if operation.startswith("markfuzzy(False)") else "kicker"
    python(
        "from translate.storage import xliff\n"
        f"store = xliff.xlifffile.parsefile({str(xlf)!r})\n"
        f"[unit] = [u for u in store.units if u.xmlelement.get('resname') == {resname!r}]\n"
        f"unit.{operation}\n"
        f"store.savefile({str(xlf)!r})\n"
    )
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and f"  changed   {resname}" in output, output
    entry = {e.msgctxt: e for e in read_po(po).active}[resname]
    if fuzzy is None:  # a new text: translated, as ttk marks it
        assert (entry.msgstr, entry.fuzzy) == ("ข้อมูลผู้ป่วย", False)
    else:
        assert entry.fuzzy is fuzzy


def test_an_import_that_changes_a_signed_off_text_says_so(bundled: Path, tmp_path: Path) -> None:
    """An agency's edit of an approved text makes the leaflet's sign-off stale, as any
    edit does; the import names it, so the clinic knows to sign it off again. A note
    added to an approved text changes no word of it, and is no such change."""
    sign_off(bundled)
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    old = '<target state="signed-off">ข้อมูลสำหรับผู้ป่วย</target>'
    assert old in text
    text = text.replace(old, '<target state="signed-off">ข้อมูลผู้ป่วย</target>')
    subtitle = "สิ่งที่ควรรู้ก่อนและหลังได้รับเซลล์ทางหลอดเลือดดำ</target>"
    text = text.replace(subtitle, subtitle + "<note>Reviewed by Lan.</note>")
    xlf.write_text(text, encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0, output
    assert (  # the tool kept export's approved="yes" and state: no sign-off of these words
        "  changed   kicker  (signed off before; the file still marks it signed-off, but no "
        "one signed off these words: imported as translated, sign it off again)\n"
    ) in output
    assert "  changed   subtitle\n" in output
    assert (
        "  sign off  1 text(s) a sign-off of infusion-safety (th) approved changed; `build "
        "--strict` refuses them until the reviewer reads them and runs: msc-leaflet i18n "
        'review infusion-safety -l th --by "NAME" --role clinical\n'
    ) in output
    assert review_state(bundled) == "changed"  # i18n stats: since the approval
    export(bundled, tmp_path / "y")
    found = units(tmp_path / "y" / "infusion-safety.th.xlf")
    assert found["kicker"] == (None, "translated") and found["subtitle"] == ("yes", "signed-off")


@pytest.mark.parametrize("broken", ["signoff", "organisation", "leaflet"])
def test_export_claims_no_approval_it_cannot_show_and_still_exports(
    bundled: Path, tmp_path: Path, broken: str
) -> None:
    """Which texts are signed off is read from signoff.yaml, the leaflet and what its
    page prints (the organisation); with one of them in error (`check` and `build` say
    so), export still writes every file, and no unit says approved."""
    sign_off(bundled)
    path = {
        "signoff": bundled / "locales" / "th" / "signoff.yaml",
        "organisation": next((bundled / "organisations").glob("*.yaml")),
        "leaflet": bundled / "leaflets" / "infusion-safety.yaml",
    }[broken]
    path.write_text(path.read_text("utf-8") + "\n  - : [unclosed\n", encoding="utf-8")
    export(bundled, tmp_path / "x")
    found = units(tmp_path / "x" / "infusion-safety.th.xlf")
    assert {a for a, _ in found.values()} == {None} and found["subtitle"] == (None, "translated")


@pytest.mark.parametrize(
    ("edit", "marked"),
    [
        (("signed-off", 'approved="yes"'), True),  # a tool kept both of export's marks
        (("translated", 'approved="yes"'), True),  # it reset the state, kept approved
        (("signed-off", ""), True),  # it dropped approved, kept the state
        (("translated", ""), False),  # the translator's confirmed edit, said as such
    ],
)
def test_new_words_under_a_kept_sign_off_import_translated_and_never_signed_off(
    bundled: Path, tmp_path: Path, edit: tuple[str, str], marked: bool
) -> None:
    """A tool that lets a translator edit a signed-off text may keep export's
    ``state="signed-off"`` and ``approved="yes"``: the clinician's approval must never
    cover words they did not see. The edit imports as the agency's translation (fuzzy
    only as any edit is), the leaflet's sign-off is stale for it (`build --strict`
    refuses it, the next export says translated), and the import says which texts and
    what to run, in words that do not let the kept marks pass for a sign-off."""
    sign_off(bundled)
    export(bundled, tmp_path / "x")
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    text = xlf.read_text(encoding="utf-8")
    state, approved = edit
    old = re.search(
        r'<trans-unit id="kicker"[^>]*>\s*<source>[^<]*</source>\s*<target[^>]*>[^<]*</target>',
        text,
    )
    assert old is not None and 'approved="yes"' in old[0] and 'state="signed-off"' in old[0]
    new = (
        f'<trans-unit id="kicker" resname="kicker" {approved}><source>Patient information'
        f'</source><target state="{state}">ข้อมูลผู้ป่วย</target>'
    )
    xlf.write_text(text.replace(old[0], new), encoding="utf-8")
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 0 and "Traceback" not in output, output
    said = "the file still marks it signed-off, but no one signed off these words"
    assert (said in output) is marked, output
    assert "  sign off  1 text(s) a sign-off of infusion-safety (th) approved changed" in output
    entry = {e.msgctxt: e for e in read_po(bundled / TH / "infusion-safety.po").active}["kicker"]
    assert (entry.msgstr, entry.fuzzy) == ("ข้อมูลผู้ป่วย", False)
    assert review_state(bundled) == "changed"
    export(bundled, tmp_path / "y")
    assert units(tmp_path / "y" / "infusion-safety.th.xlf")["kicker"] == (None, "translated")
    code, output = invoke("build", "infusion-safety", "--locale", "th", "--strict",
                          "-o", str(tmp_path / "b"), "--project", str(bundled))  # fmt: skip
    assert code == 1 and "has no current sign-off by clinical (stale: 1 entry" in output, output

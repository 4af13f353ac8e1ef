"""Review and sign-off: translate → review → approve → build --strict → edit → stale (#19)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from i18n_support import ROOT, copy_bundled, invoke, msgstr_line, set_msgstr
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.labels import UI_MESSAGES
from msc_leaflet.i18n.signoff import read_signoffs, required_roles
from msc_leaflet.project import Project
from pdfread import page_texts

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
    shutil.copytree(FIXTURE, tmp_path / "p")
    return tmp_path / "p"


def review(root: Path, role: str, by: str, *extra: str) -> tuple[int, str]:
    return invoke(
        "i18n", "review", "care-basics", "-l", "th", "--by", by, "--role", role,
        "--project", str(root), *extra,
    )  # fmt: skip


def build(root: Path, out: Path, *extra: str) -> tuple[int, str]:
    return invoke(
        "build", "care-basics", "-l", "th", "--force", "--project", str(root), "-o", str(out),
        *extra,
    )  # fmt: skip


def stats(root: Path) -> dict[str, object]:
    code, output = invoke("i18n", "stats", "--format", "json", "--project", str(root))
    assert code == 0, output
    [row] = [r for r in json.loads(output) if r["domain"] == "care-basics"]
    assert isinstance(row, dict)
    return row


def test_sign_off_scenario(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert stats(root)["review"] == "translated"
    code, output = build(root, out, "--strict")
    assert code == 1 and "no current sign-off by clinical" in output

    code, output = review(root, "reviewer", "Somchai Jaidee", "--note", "terminology checked")
    assert code == 0, output
    assert "reviewer by Somchai Jaidee on 2026-12-02" in output
    assert "state       reviewed, still needed: clinical" in output
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 0, output
    assert "state       approved" in output
    row = stats(root)
    assert row["review"] == "approved" and row["signed_off"] == ["reviewer", "clinical"]
    code, output = build(root, out, "--strict")
    assert code == 0, output

    leaflet = root / "leaflets" / "care-basics.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace("keep it dry", "keep it clean and dry"), encoding="utf-8")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    row = stats(root)
    assert row["review"] == "stale" and row["changed_since_approval"] == 1
    code, output = invoke("i18n", "stats", "--project", str(root))
    assert "stale: 1 changed" in output
    code, output = build(root, out, "--strict")
    assert code == 1 and "1 fuzzy th entry not used" in output
    code, output = build(root, out, "--strict", "--allow-fuzzy")
    assert code == 1
    assert (
        "the th text of 'care-basics' has no current sign-off by clinical "
        "(stale: 1 entry changed since the last approval)"
    ) in output
    # The first thing to do is the fuzzy entry: `i18n review` refuses until it is checked.
    assert "hint: check the translation of 'paragraph/4' and remove its fuzzy flag" in output
    assert ", then sign off: msc-leaflet i18n review care-basics -l th --by NAME --role " in output

    code, output = build(root, out, "--proof", "--allow-fuzzy")
    assert code == 0, output
    last = page_texts(out / "th" / "care-basics.proof.pdf")[-1]
    assert "Sign-off history" in last
    assert "2026-12-02 reviewer: Somchai Jaidee (stale) — terminology checked" in last
    assert "2026-12-02 clinical: Dr. Malee Srisuk (stale)" in last
    changed = last.split("Changed since the last approval")[1]
    assert [line for line in changed.splitlines() if ":" in line] == [
        "paragraph/4: the English text changed",
        "was (English):",
        "now (English):",
    ]  # one change, its English text as approved and as it is now (the Thai is unchanged)
    assert "keep it clean and dry" in changed.split("now (English):")[1]
    # Nothing was deleted: both records are still there, bound to the old text.
    assert [r.role for r in read_signoffs(Project.at(root), "th")] == ["reviewer", "clinical"]


@pytest.mark.parametrize(
    "written", ["20261101", "'20261101'", "2026-11-01T10:00:00", "2026-W44-7", "'2026-1-1'"]
)
def test_a_signoff_date_is_written_yyyy_mm_dd(root: Path, written: str) -> None:
    assert review(root, "reviewer", "Somchai Jaidee")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    text = path.read_text(encoding="utf-8")
    assert "date: 2026-12-02" in text and read_signoffs(Project.at(root), "th")
    path.write_text(text.replace("date: 2026-12-02", f"date: {written}"), encoding="utf-8")
    with pytest.raises(LeafletError, match="YYYY-MM-DD"):
        read_signoffs(Project.at(root), "th")


def test_a_signoff_file_that_is_not_utf8_is_one_error(root: Path) -> None:
    path = root / "locales" / "th" / "signoff.yaml"
    path.write_bytes(b"- by: Jos\xe9\n")
    with pytest.raises(LeafletError, match="UTF-8") as caught:
        read_signoffs(Project.at(root), "th")
    assert caught.value.location.line == 1


@pytest.mark.parametrize(
    ("by", "note", "named"),
    [
        ("Somchai Jaidee\nclinical: Dr. X", "", "LINE FEED"),  # a second line in the proof
        ("Somchai\x1b[2J Jaidee", "", "ESCAPE"),  # a terminal escape
        ("Somchai Jaidee", "checked\u2028approved by all", "LINE SEPARATOR"),
        ("Somchai Jaidee", "ok\tfine", "CHARACTER TABULATION"),
        ("\u202eeediaJ iahcmoS", "", "U+202E"),  # shows as another name than is stored
        ("Somchai \u2066Jaidee\u2069", "", "U+2066"),
        ("Somchai Jaidee", "terms \ue000 ok", "private-use"),
        ("\u200b\u200b", "", "needs a name"),  # a name no one can read
    ],
)
def test_a_signoff_name_or_note_with_hidden_characters_is_refused(
    root: Path, by: str, note: str, named: str
) -> None:
    """--by and --note are printed in the proof and kept in signoff.yaml: a line break,
    control or bidi character there forged a second record in the proof, or left a file
    that every later command refused. Refused as leaflet text is, naming the character;
    nothing is written."""
    code, output = review(root, "reviewer", by, "--note", note)
    assert code == 1 and named in output and "Traceback" not in output, output
    assert by not in output or by == "\u200b\u200b"
    assert not (root / "locales" / "th" / "signoff.yaml").exists()
    assert review(root, "reviewer", "Somchai Jaidee", "--note", "ตรวจแล้ว — ok")[0] == 0
    assert review(root, "clinical", "د. أحمد", "--note", "approved")[0] == 0  # right to left


def test_incomplete_translation_cannot_be_signed_off(root: Path) -> None:
    leaflet = root / "leaflets" / "care-basics.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace("keep it dry", "keep it clean and dry"), encoding="utf-8")
    invoke("i18n", "update", "--project", str(root))
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 1
    assert "1 entry is untranslated or fuzzy" in output
    assert not (root / "locales" / "th" / "signoff.yaml").exists()


def test_required_roles_are_the_projects_choice(root: Path, tmp_path: Path) -> None:
    (root / "msc-leaflet.toml").write_text("[i18n]\nsignoff_required = []\n", encoding="utf-8")
    code, output = build(root, tmp_path / "out", "--strict")
    assert code == 0, output
    (root / "msc-leaflet.toml").write_text('[i18n]\nsignoff_required = ["x"]\n', encoding="utf-8")
    code, output = build(root, tmp_path / "out", "--strict")
    assert code == 1 and "signoff_required must be a list of roles" in output


@pytest.mark.parametrize(
    ("text", "line"), [("i18n = 5\n", 1), ('[i18n]\n\nsignoff_required = "clinical"\n', 3)]
)
def test_a_bad_i18n_setting_names_its_line(root: Path, text: str, line: int) -> None:
    (root / "msc-leaflet.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LeafletError) as caught:
        required_roles(Project.at(root))
    assert caught.value.location.line == line and caught.value.hint


def footers(pdf: Path) -> list[str]:
    """The last three lines of each page: the control line, page number, approval."""
    return [" / ".join(page.splitlines()[-3:]) for page in page_texts(pdf)]


def test_footer_prints_the_approval_date_when_the_theme_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
    root = copy_bundled(tmp_path)
    out = tmp_path / "out"
    args = ("infusion-safety", "-l", "th", "--project", str(root))
    code, output = invoke("i18n", "review", *args, "--by", "Dr. Malee Srisuk", "--role", "clinical")
    assert code == 0, output
    assert invoke("build", *args, "-o", str(out / "off"))[0] == 0
    assert not any("อนุมัติ" in line for line in footers(out / "off/th/infusion-safety.pdf"))

    theme = (ROOT / "src/msc_leaflet/data/theme.yaml").read_text(encoding="utf-8")
    assert "footer-approval: false" in theme
    (root / "theme.yaml").write_text(
        theme.replace("footer-approval: false", "footer-approval: true"), encoding="utf-8"
    )
    assert invoke("build", *args, "-o", str(out / "on"))[0] == 0
    lines = footers(out / "on/th/infusion-safety.pdf")
    assert all("ฉบับแปลภาษาไทยอนุมัติเมื่อ 2 ธันวาคม 2569" in line for line in lines), lines
    # The English source and a stale approval print no such line.
    assert invoke("build", "infusion-safety", "--project", str(root), "-o", str(out / "en"))[0] == 0
    assert not any("approved" in line for line in footers(out / "en/en/infusion-safety.pdf"))
    po = root / "locales/th/LC_MESSAGES/infusion-safety.po"
    po.write_text(po.read_text(encoding="utf-8").replace("ข้อมูลสำหรับผู้ป่วย", "ข้อมูลผู้ป่วย"))
    assert invoke("build", *args, "-o", str(out / "stale"))[0] == 0
    assert not any("อนุมัติ" in line for line in footers(out / "stale/th/infusion-safety.pdf"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: "<<<<<<< HEAD\n" + t + "=======\n" + t + ">>>>>>> review-th\n",
        lambda t: t + "- " + "[" * 100_000 + "]" * 100_000 + "\n",
        lambda t: t + "- {leaflet: care-basics, role: [clinical\n",
        lambda t: t + t,
    ],
    ids=["merge-conflict", "deep-nesting", "unclosed-bracket", "twice"],
)
def test_a_damaged_signoff_file_is_one_error_at_its_line(
    root: Path, tmp_path: Path, damage: Any
) -> None:
    """Two reviewers signing off on two branches leave git's conflict markers in
    signoff.yaml; `build --strict` said `internal error: ScannerError` and `i18n stats`
    printed libyaml's words with exit 70 (100,000 nested brackets, the same)."""
    assert review(root, "reviewer", "Somchai Jaidee")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    if damage("x\n") == "x\nx\n":  # the same records twice: a list may repeat, still read
        assert len(read_signoffs(Project.at(root), "th")) == 2
        return
    for code, output in (build(root, tmp_path / "o", "--strict"),
                         invoke("i18n", "stats", "--project", str(root))):  # fmt: skip
        assert code == 1, output
        assert "internal error" not in output and "Error" not in output, output
        assert re.search(r"locales/th/signoff\.yaml:\d+(:\d+)?: error: ", output), output


def test_proof_of_a_finished_translation_does_not_claim_a_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proof is what the reviewer reads *before* signing: a fully translated Thai
    leaflet with no sign-off said "every entry is translated and reviewed" (and kept
    saying it above "Changed since the last approval" once an edit made a sign-off
    stale). It may only say what the build knows: every entry is translated."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    root = copy_bundled(tmp_path)
    assert not (root / "locales" / "th" / "signoff.yaml").exists()
    out = tmp_path / "out"
    code, output = invoke(
        "build", "infusion-safety", "-l", "th", "--proof", "--project", str(root),
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, output
    last = page_texts(out / "th" / "infusion-safety.proof.pdf")[-1]
    assert "ได้รับการแปลแล้ว" in last  # "has been translated"
    # "reviewed", past the page heading and before the next: the checks' findings,
    # headed "ฉบับตรวจทาน: …" (proof: …) as this section is
    said = last.split("\n", 2)[-1].split("ฉบับตรวจทาน: สิ่งที่การตรวจสอบพบ")[0]
    assert "ตรวจทาน" not in said
    assert "review" not in UI_MESSAGES["proof-complete"].lower()


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def th_review(root: Path) -> tuple[str, dict[str, str]]:
    """The Thai care-basics' review state and what changed since its approval, by
    context; a removed entry, which no current context names, by its words."""
    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.i18n.signoff import leaflet_review

    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("care-basics"), project)
    found = leaflet_review(project, leaflet, "th")[1]
    return found.state, {context or what: what for context, what in found.changed}


LEAFLET = "leaflets/care-basics.yaml"
TH_UI = "locales/th/LC_MESSAGES/ui.po"
TH_PO = "locales/th/LC_MESSAGES/care-basics.po"
ORGANISATION = "organisations/test-clinic.yaml"

#: What a Thai reader reads that is not a msgstr of the leaflet's catalog, each edited
#: after the clinical approval: (file, old, new, the change the proof must name).
READ_BY_THE_PATIENT = {
    "page-word": (TH_UI, 'msgstr "เอกสารอ้างอิง"', 'msgstr "อ้างอิง"', "ui:references"),
    "page-word-fuzzy": (
        TH_UI, 'msgctxt "references"', '#, fuzzy\nmsgctxt "references"', "ui:references"
    ),
    "callout-title": (
        TH_UI, 'msgstr "คำตอบโดยย่อ"', 'msgstr "คำตอบ"', "ui:callout.key-answer"
    ),
    "version": (LEAFLET, 'version: "1.0"', 'version: "1.1"', "document:version"),
    "review-date": (LEAFLET, "next_review: 2027-11-01", "next_review: 2027-05-01",
                    "document:next-review"),
    "contact": (ORGANISATION, 'line: "@testclinic"', 'line: "@testclinic2"',
                "organisation:line"),
    "emergency-number": (ORGANISATION, "name: Test Clinic",
                         'name: Test Clinic\nphone: "+66 2 123 4567"', "organisation:phone"),
    "qr-target": (LEAFLET, "numbered_sections: true",
                  "numbered_sections: true\nurl: https://example.org/care", "url"),
    "reference-year": (LEAFLET, "year: 2001", "year: 2011", "ref:alpha2001"),
    "reference-doi": (LEAFLET, "year: 2002", "year: 2002\n    doi: 10.1000/182", "ref:gamma2002"),
    "english-title-printed": (LEAFLET, "title: A second study", "title: A second trial",
                              "ref/gamma2002/title"),
}  # fmt: skip


@pytest.mark.parametrize("change", READ_BY_THE_PATIENT.values(), ids=READ_BY_THE_PATIENT)
def test_an_approval_goes_stale_when_anything_the_patient_reads_changes(
    root: Path, change: tuple[str, str, str, str]
) -> None:
    """A clinician approves the Thai leaflet as printed: its page words ("References",
    a callout's title), the version and review date in its footer, the clinic's phone
    and LINE, the QR code's address, a reference's year or DOI, a title printed in
    English. Each could change after the approval, and `build --strict` printed text
    no clinician had read: only the catalog's msgids and msgstrs were fingerprinted."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    assert th_review(root) == ("approved", {})
    path, old, new, named = change
    edit(root / path, old, new)
    state, changed = th_review(root)
    assert state == "stale" and named in changed, changed


#: Edits that change no word a Thai reader reads: (file, old, new).
NOT_READ_BY_THE_PATIENT = {
    "desk-word": (TH_UI, 'msgid "Leaflet desk"\nmsgstr ""',
                  'msgid "Leaflet desk"\nmsgstr "โต๊ะเอกสาร"'),
    "unprinted-page-word": (TH_UI, 'msgctxt "callout.warning"',
                            '#, fuzzy\nmsgctxt "callout.warning"'),
    "waiver": (LEAFLET, "id: call-us", "id: call-us\n    note: \"waive: CLAIM001 — a test\""),
    "keywords": (LEAFLET, "numbered_sections: true",
                 "numbered_sections: true\nkeywords: [infusion]"),
    "translator-comment": (TH_PO, 'msgctxt "kicker"', '# checked twice\nmsgctxt "kicker"'),
}  # fmt: skip


@pytest.mark.parametrize("change", NOT_READ_BY_THE_PATIENT.values(), ids=NOT_READ_BY_THE_PATIENT)
def test_an_approval_stays_current_when_nothing_the_patient_reads_changes(
    root: Path, change: tuple[str, str, str]
) -> None:
    """The desk's own words, a page word this leaflet never prints, a claim waiver,
    the PDF's keywords, a translator's comment: none is read by a patient, and none
    may send a clinician back to re-approve."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    path, old, new = change
    edit(root / path, old, new)
    assert th_review(root) == ("approved", {})


def test_line_breaks_glossary_and_other_languages_leave_the_approval_current(root: Path) -> None:
    """Thai words.txt only moves line breaks (the proof shows them; the words are the
    ones approved); the glossary only judges texts; a Vietnamese translator's work is
    not Thai text."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    (root / "locales" / "th" / "words.txt").write_text("ผ้าพันแผล\n", encoding="utf-8")
    (root / "locales" / "glossary.yaml").write_text(
        "- concept: cell\n  en: {preferred: cell}\n", encoding="utf-8"
    )
    vi = root / "locales" / "vi" / "LC_MESSAGES"
    vi.mkdir(parents=True)
    ui = (root / TH_UI).read_text(encoding="utf-8").replace("Language: th", "Language: vi")
    (vi / "ui.po").write_text(ui.replace('msgstr "เอกสารอ้างอิง"', 'msgstr "Tài liệu"'), "utf-8")
    assert th_review(root) == ("approved", {})


def test_a_fuzzy_reference_title_printed_with_allow_fuzzy_is_covered(root: Path) -> None:
    """A cited work's title may stay English, so a fuzzy translation of it did not stop a
    sign-off, and the fingerprint counted it as English; `build --strict --allow-fuzzy`
    then printed the fuzzy Thai title, and a later edit of it kept the approval."""
    from i18n_support import set_msgstr

    po = root / TH_PO
    set_msgstr(po, "ref/gamma2002/title", "การศึกษาที่สอง", fuzzy=True)
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(po, "ref/gamma2002/title", "การศึกษาครั้งที่สอง", fuzzy=True)
    state, changed = th_review(root)
    assert state == "stale" and changed == {"ref/gamma2002/title": "translation changed"}
    set_msgstr(po, "ref/gamma2002/title", "การศึกษาที่สอง", fuzzy=False)  # now printed always
    state, changed = th_review(root)
    confirmed = "translation confirmed (it was marked fuzzy)"  # the words approved
    assert state == "stale" and changed == {"ref/gamma2002/title": confirmed}


def test_strict_build_and_proof_name_a_page_word_changed_since_approval(
    root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / TH_UI, 'msgstr "เอกสารอ้างอิง"', 'msgstr "อ้างอิง"')
    edit(root / ORGANISATION, 'line: "@testclinic"', 'line: "@testclinic2"')
    code, output = build(root, out, "--strict")
    assert code == 1 and "(stale: 2 entries changed since the last approval)" in output, output
    assert stats(root)["changed_since_approval"] == 2
    code, output = build(root, out, "--proof")
    assert code == 0, output
    changed = page_texts(out / "th" / "care-basics.proof.pdf")[-1].split(
        "Changed since the last approval"
    )[1]
    # Worded as `i18n review` words them: which language's text changed.
    assert "ui:references: the Thai translation changed" in changed
    assert "organisation:line: changed" in changed


def test_a_picture_swapped_after_approval_makes_it_stale(root: Path) -> None:
    """A dosing diagram redrawn after the approval is read by every patient, in every
    language: its image is part of what the clinician approved."""
    from PIL import Image

    Image.new("RGB", (40, 30), "teal").save(root / "diagram.png")
    edit(root / LEAFLET, "\nreferences:", "  - figure: diagram.png\n    decorative: true\n"
         "    id: diagram\n\nreferences:")  # fmt: skip
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    Image.new("RGB", (40, 30), "navy").save(root / "diagram.png")
    assert th_review(root) == ("stale", {"figure:diagram": "source changed"})


def test_each_picture_written_without_an_id_is_approved_on_its_own(root: Path) -> None:
    """Two figures written without `id:` were both fingerprinted as "figure:", so the
    second's image stood for both: the first redrawn after the approval left the
    translation approved. Each is named by its context (figure/8, figure/9)."""
    from PIL import Image

    for name, colour in (("dose.png", "teal"), ("wave.png", "grey")):
        Image.new("RGB", (40, 30), colour).save(root / name)
    edit(root / LEAFLET, "\nreferences:", "  - figure: dose.png\n    decorative: true\n"
         "  - figure: wave.png\n    decorative: true\n\nreferences:")  # fmt: skip
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    assert th_review(root)[0] == "approved"
    Image.new("RGB", (40, 30), "navy").save(root / "dose.png")
    assert th_review(root) == ("stale", {"figure:figure/8": "source changed"})


def test_an_approval_made_before_the_page_was_covered_asks_for_one_more(root: Path) -> None:
    """A record written before the page items were fingerprinted approved none of them:
    it is stale, and the proof says so in one line rather than one per page word."""
    from msc_leaflet.i18n.signoff import UNCOVERED_PAGE

    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    old = [line for line in lines if not re.match(r"\s+(page|[a-z-]+:[a-z0-9.-]+|url):", line)]
    assert len(old) < len(lines)
    path.write_text("".join(old), encoding="utf-8")
    state, changed = th_review(root)
    assert state == "stale" and list(changed) == [UNCOVERED_PAGE]
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    assert th_review(root) == ("approved", {})


def signoff_file(root: Path) -> str:
    path = root / "locales" / "th" / "signoff.yaml"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def test_review_shows_what_changed_since_the_last_approval_before_and_when_signing(
    root: Path,
) -> None:
    """A clinician re-approving a stale translation was told only "state approved": not
    which texts had changed since the last approval, which are what they must re-read.
    `i18n review` without a name now lists them and records nothing; with one, it names
    what the new sign-off approved. Each is the proof's and stats' one list."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / LEAFLET, "keep it dry", "keep it clean and dry")
    edit(root / ORGANISATION, 'line: "@testclinic"', 'line: "@testclinic2"')
    edit(root / TH_UI, 'msgstr "เอกสารอ้างอิง"', 'msgstr "อ้างอิง"')
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    before = signoff_file(root)

    args = ("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    code, output = invoke(*args)
    assert code == 0, output
    assert signoff_file(root) == before  # a look, not a sign-off
    assert "state       stale, still needed: clinical" in output
    assert "since the last approval: clinical by Dr. Malee Srisuk on 2026-12-02" in output
    assert "  paragraph/4: the English text changed" in output
    assert "  organisation:line: changed" in output
    assert "  ui:references: the Thai translation changed" in output
    assert "not ready   1 text is untranslated or fuzzy (paragraph/4)" in output
    assert "--by NAME" not in output  # nothing to sign yet: the translator's turn

    # The translator's re-check: "keep it clean and dry", no longer fuzzy.
    set_msgstr(root / TH_PO, "paragraph/4", "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และดูแลให้สะอาดและแห้ง")
    code, output = invoke(*args)
    assert code == 0 and "not ready" not in output, output
    assert "--by NAME --role ROLE" in output and str(root) not in output
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 0, output
    assert "approves    3 changes since clinical by Dr. Malee Srisuk on 2026-12-02" in output
    assert "  paragraph/4: the English text changed" in output
    assert "state       approved" in output
    code, output = invoke(*args)
    assert "no change since the last approval" in output and "state       approved" in output


@pytest.mark.parametrize("variant", ["th_TH", "th-TH"])
def test_a_regional_variants_sign_off_is_recorded_where_its_catalog_is(
    root: Path, tmp_path: Path, variant: str
) -> None:
    """A th_TH build prints the Thai catalog, and its review reads the Thai approvals;
    but `i18n review -l th_TH --by …` wrote its record to a new
    locales/th_TH/signoff.yaml that nothing read: the reviewer's approval was lost, and
    a strict build asked for it again. It is written beside the catalog it approves."""
    root.joinpath("msc-leaflet.toml").write_text(
        '[i18n]\nsignoff_required = ["reviewer", "clinical"]\n', encoding="utf-8"
    )
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    code, output = invoke(
        "i18n", "review", "care-basics", "-l", variant, "--by", "Somchai Jaidee",
        "--role", "reviewer", "--project", str(root),
    )  # fmt: skip
    assert code == 0, output
    assert "locales/th/signoff.yaml" in output and "state       approved" in output, output
    assert not (root / "locales" / "th_TH").exists() and not (root / "locales" / variant).exists()
    roles = [r.role for r in read_signoffs(Project.at(root), "th")]
    assert roles == ["clinical", "reviewer"], roles
    out = tmp_path / "out"
    code, output = invoke(
        "build", "care-basics", "-l", "th_TH", "--strict", "--force", "--project", str(root),
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, output


def test_a_first_review_says_it_approves_the_whole_text(root: Path) -> None:
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "no sign-off yet: a sign-off approves the whole text" in output
    code, output = review(root, "reviewer", "Somchai Jaidee")
    assert code == 0 and "approves    the whole text (the first sign-off)" in output, output


@pytest.mark.parametrize("given", [("--by", "Dr. Malee Srisuk"), ("--role", "clinical")])
def test_a_sign_off_needs_both_a_name_and_a_role(root: Path, given: tuple[str, str]) -> None:
    code, output = invoke(
        "i18n", "review", "care-basics", "-l", "th", "--project", str(root), *given
    )
    assert code != 0 and "--by" in output and "--role" in output, output
    assert "Traceback" not in output and signoff_file(root) == ""


def test_a_text_in_plural_form_is_not_counted_as_translated(root: Path) -> None:
    """A tool (Poedit, Weblate) wrote the kicker as msgid_plural/msgstr[0]. The build
    prints it in English with a warning at its line, and `i18n check` refuses it, but
    stats said 100 % ready and "translated", while a sign-off refused it as untranslated
    and sent the clinician to stats, which showed nothing left. It is written, and the
    build refused it: stats, the review and the build call it rejected (not untranslated,
    which sent the translator looking for an empty msgstr)."""
    edit(
        root / TH_PO,
        'msgid "Patient information"\nmsgstr "ข้อมูลสำหรับผู้ป่วย"',
        'msgid "Patient information"\nmsgid_plural "Patient information"\n'
        'msgstr[0] "ข้อมูลสำหรับผู้ป่วย"',
    )
    row = stats(root)
    assert (row["rejected"], row["untranslated"], row["review"]) == (1, 0, "incomplete"), row
    code, output = invoke("i18n", "stats", "--project", str(root))
    assert re.search(r"care-basics .* 9\d%  not ready  incomplete", output), output
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 1 and "care-basics.po:22: error: I18N002: kicker: the entry is in plural" in (
        output
    )
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert "not ready   1 text is refused by the build's checks (kicker)" in output, output
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 1 and "(kicker)" in output and signoff_file(root) == ""


@pytest.mark.parametrize("state", ["fuzzy", "rejected", "approved-then-fuzzy"])
def test_a_strict_build_hints_the_first_thing_to_do_before_a_sign_off(
    root: Path, tmp_path: Path, state: str
) -> None:
    """`build --strict --allow-fuzzy` with a fuzzy entry hinted `i18n review … --role
    clinical`, which then refused ("1 text is untranslated or fuzzy"): the clinician was
    sent to a command that cannot succeed yet. The hint names the entry, its line in the
    catalog and what it needs; done, the sign-off it then names goes through."""
    po = root / TH_PO
    if state == "approved-then-fuzzy":
        assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    if state == "rejected":  # a lost citation: `refuse_unless_printable` names it first
        edit(po, 'ไข้ [@alpha2001]"', 'ไข้"')
        code, output = build(root, tmp_path / "out", "--strict", "--allow-fuzzy")
        assert code == 1 and "short-answer" in output and "I18N005" in output, output
        return
    set_msgstr(po, "first-day", "วันแรก", fuzzy=True)
    line = msgstr_line(po, "first-day")
    code, output = build(root, tmp_path / "out", "--strict", "--allow-fuzzy")
    assert code == 1 and "Traceback" not in output, output
    hint = next(text for text in output.splitlines() if "hint:" in text)
    assert "'first-day'" in hint and f"care-basics.po:{line}" in hint and "fuzzy" in hint, hint
    set_msgstr(po, "first-day", "วันแรก", fuzzy=False)  # what the hint says to do
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 0, output


@pytest.fixture
def packaged_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Replace the package's ``data/units.yaml`` as an upgrade of msc-leaflet would: call
    the result with (old, new) to edit the copy the checks read. Every verdict cached
    from the old words is dropped, before and after."""
    from msc_leaflet.data import data_path as real
    from msc_leaflet.i18n import localizer, numbers, translation_checks

    copy = tmp_path / "package-data" / "units.yaml"
    copy.parent.mkdir()
    copy.write_bytes(real("units.yaml").read_bytes())
    monkeypatch.setattr(
        numbers, "data_path", lambda name: copy if name == "units.yaml" else real(name)
    )

    def forget() -> None:
        verdicts = [*vars(numbers).values(), *vars(translation_checks).values()]
        for value in [*verdicts, localizer._translation_errors]:
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()

    def upgrade(old: str, new: str) -> None:
        edit(copy, old, new)
        forget()

    yield upgrade
    monkeypatch.undo()
    forget()


def test_an_upgrade_that_refuses_an_approved_translation_makes_it_stale(
    root: Path, packaged_units: Any
) -> None:
    """After an upgrade whose unit words (data/units.yaml) make the build refuse an
    approved Thai text, the page prints it in English, and the approval still showed as
    current. What the reader reads is the verdict, not the word list: the texts it
    sends back to English are named, refused."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    packaged_units("  hour: [ชั่วโมง, ชม.]", "  day: [ชั่วโมง]\n  hour: [ชม.]")
    state, changed = th_review(root)
    assert state == "stale", changed
    assert changed and set(changed.values()) == {"refused by the build's checks"}, changed
    assert "subtitle" in changed and "short-answer" in changed, changed


def test_an_upgrade_of_words_this_translation_does_not_use_keeps_its_approval(
    root: Path, packaged_units: Any
) -> None:
    """Another language's unit words, or a Thai word none of its texts writes, change
    nothing a Thai reader of this leaflet reads."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    packaged_units("  hour: [ម៉ោង]", "  hour: [ម៉ោង, ម.]")
    packaged_units("  hour: [ชั่วโมง, ชม.]", "  hour: [ชั่วโมง, ชม., ชั่วโมงครึ่ง]")
    assert th_review(root) == ("approved", {})


def test_a_logo_swapped_after_approval_makes_it_stale(root: Path) -> None:
    """The clinic's logo is printed on every page a patient reads, as its name is: a
    logo swapped for another clinic's (or one saying something else) after approval
    was printed under an approval no one gave. An edit elsewhere in the clinic's
    profile that prints nothing keeps the approval."""
    from PIL import Image

    Image.new("RGB", (40, 30), "teal").save(root / "organisations" / "logo.png")
    edit(
        root / ORGANISATION, "name: Test Clinic", "name: Test Clinic\nlogo: organisations/logo.png"
    )
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / ORGANISATION, "name: Test Clinic", "# the clinic's own profile\nname: Test Clinic")
    assert th_review(root) == ("approved", {})
    Image.new("RGB", (40, 30), "navy").save(root / "organisations" / "logo.png")
    assert th_review(root) == ("stale", {"organisation:logo": "source changed"})


@pytest.mark.parametrize("edit", ["source", "translation"])
def test_a_refused_signoff_names_the_catalog_line_to_fix(root: Path, edit: str) -> None:
    """A sign-off refused for an incomplete translation named locales/th/signoff.yaml as
    the file with the problem: the translator opened the sign-off history, which was
    fine. The problem is in the catalog: its first entry not printed translated is named,
    file and line, with what to do there; nothing is written."""
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    if edit == "source":  # `i18n update` marks the changed entry fuzzy
        leaflet = root / "leaflets" / "care-basics.yaml"
        text = leaflet.read_text(encoding="utf-8")
        leaflet.write_text(text.replace("keep it dry", "keep it clean and dry"), encoding="utf-8")
        invoke("i18n", "update", "--project", str(root))
    else:  # a translation emptied
        set_msgstr(po, "paragraph/4", "")
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 1 and "Traceback" not in output, output
    where = f"care-basics.po:{msgstr_line(po, 'paragraph/4')}: error: cannot sign off"
    assert where in output, output
    assert "signoff.yaml" not in output, output
    assert "'paragraph/4'" in output.split("hint:", 1)[1], output
    assert not (root / "locales" / "th" / "signoff.yaml").exists()


def test_an_approval_covers_the_clinic_address_printed_in_its_language(root: Path) -> None:
    """The sign-off fingerprinted the profile's one address: with an address per
    language, an edit of the English one sent the Thai clinician back, and an edit of
    the Thai one (the one the Thai reader reads) must, and only that one."""
    edit(
        root / ORGANISATION,
        "name: Test Clinic",
        "name: Test Clinic\naddress:\n  en: 12 Sukhumvit Road\n  th: 12 ถนนสุขุมวิท",
    )
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / ORGANISATION, "en: 12 Sukhumvit Road", "en: 14 Sukhumvit Road")
    assert th_review(root) == ("approved", {})
    edit(root / ORGANISATION, "th: 12 ถนนสุขุมวิท", "th: 14 ถนนสุขุมวิท")
    assert th_review(root) == ("stale", {"organisation:address": "source changed"})


#: A revision with three real edits, none of them in words: the paragraph on eating moved
#: above the first heading, the bandage paragraph split in two, two list items merged.
#: Every block without an `id:` after the moved one changes its context (its position).
REVISION = (
    (
        "  - paragraph: >-\n      You can eat normally. Avoid alcohol for one day, because it "
        "can make\n      you feel worse.\n\n",
        "",
    ),
    (
        "  - heading: The first day",
        "  - paragraph: >-\n      You can eat normally. Avoid alcohol for one day, because it "
        "can make\n      you feel worse.\n\n  - heading: The first day",
    ),
    (
        "on the infusion site for 4 hours and keep it dry.",
        "on the infusion site for 4 hours.\n\n  - paragraph: Keep it dry.",
    ),
    (
        "      - Redness or swelling that grows.\n      - Shortness of breath.",
        "      - Redness or swelling that grows, or shortness of breath.",
    ),
)
#: The translator's work on it: the split halves and the merged item, in Thai.
TRANSLATED = {
    "paragraph/5": "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง",
    "paragraph/6": "อย่าให้เปียกน้ำ",
    "call-us/2": "มีรอยแดงหรืออาการบวมที่ขยายขึ้น หรือหายใจลำบาก",
}


def revise_and_translate(root: Path) -> None:
    """The author's revision (`REVISION`), `i18n update`, then the translator's: the
    new texts translated and every fuzzy entry checked (its flag removed)."""
    from msc_leaflet.i18n.pofile import read_po, write_po

    for old, new in REVISION:
        edit(root / LEAFLET, old, new)
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    catalog = read_po(root / TH_PO)
    for entry in catalog.active:
        entry.msgstr = TRANSLATED.get(entry.msgctxt or "", entry.msgstr)
        entry.set_fuzzy(False)
    write_po(root / TH_PO, catalog)


def test_a_moved_split_or_merged_text_is_listed_once_as_what_happened(
    root: Path, tmp_path: Path
) -> None:
    """After a revision that moved a paragraph, split one and merged two list items,
    review and the proof listed 15 changes: each text whose position (its context)
    moved was a "new entry" and a "removed" one, and the unchanged paragraph now at
    paragraph/4 "the English text changed". The clinician re-reads the three edits."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    revise_and_translate(root)
    state, changed = th_review(root)
    assert state == "stale"
    assert changed == {
        "paragraph/2": "moved from paragraph/5",
        "paragraph/5, paragraph/6": "split from paragraph/4",
        "call-us/2": "merged from call-us/2, call-us/3",
        "paragraph/4, faq/8/1/question, faq/8/1/answer, …": (
            "5 texts renumbered only (the same words in the same order)"
        ),
    }, changed

    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "new entry" not in output and "removed" not in output, output
    assert "  paragraph/2: moved from paragraph/5" in output
    # The old texts beside the new, once: what the split and the merge replaced.
    assert (
        "  paragraph/5, paragraph/6: split from paragraph/4\n"
        "    was (English): Keep the bandage on the infusion site for 4 hours and keep it dry.\n"
        "    was (Thai): ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ\n"
        "    now (English): Keep the bandage on the infusion site for 4 hours. | Keep it dry.\n"
        "    now (Thai): ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง | อย่าให้เปียกน้ำ\n"
    ) in output, output
    assert "    was (English): Redness or swelling that grows. | Shortness of breath.\n" in output

    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    listed = page_texts(out / "th" / "care-basics.proof.pdf")[-1].split(
        "Changed since the last approval"
    )[1]
    assert "paragraph/2: moved from paragraph/5" in listed, listed
    assert "new entry" not in listed and "removed" not in listed, listed
    # Its label on a line of its own, the text under it (set in its own language).
    assert "was (English):\nKeep the bandage on the infusion site for 4 hours and keep" in listed

    # Signed again: the next revision is counted from this text, not the first one.
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    assert th_review(root) == ("approved", {})


def test_a_translation_changed_only_in_spaces_or_punctuation_says_so(root: Path) -> None:
    """A translator who removed a double space or added a full stop was shown as having
    rewritten the translation; the clinician is told it is only spaces or punctuation."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(
        root / TH_PO,
        "paragraph/3",
        "อาการปวดศีรษะเล็กน้อยหรืออ่อนเพลียพบได้บ่อยในวันแรก  และมักหายไปภายใน 48 ชั่วโมง",
    )
    set_msgstr(root / TH_PO, "call-us/3", "หายใจลำบาก!")
    set_msgstr(root / TH_PO, "call-us/2", "มีรอยแดงหรืออาการบวม")
    assert th_review(root)[1] == {
        "paragraph/3": "translation changed (only spaces or punctuation)",
        "call-us/3": "translation changed (only spaces or punctuation)",
        "call-us/2": "translation changed",
    }


def test_a_record_of_an_earlier_version_still_lists_by_context(root: Path) -> None:
    """A record written before texts were kept (no ``wording``/``texts``) is read as
    before: a moved text is new at its new place and removed at its old one. The
    removed one's approved text, which no record kept, is said to be unrecorded, as an
    edit's is: it showed nothing, and the clinician could not tell what was deleted."""
    from msc_leaflet.i18n.signoff_changes import NOT_RECORDED

    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("  wording:")[0], encoding="utf-8")
    assert th_review(root) == ("approved", {})
    revise_and_translate(root)
    changed = th_review(root)[1]
    assert changed["paragraph/2"] == "new entry", changed
    assert "removed (was paragraph/3)" in changed, changed
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert f"  removed (was paragraph/3)\n    was: {NOT_RECORDED}\n  " in output, output


def test_a_signoff_counts_a_split_as_one_change(root: Path) -> None:
    """The lines of the texts beside a split were counted as changes: "12 changes"."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    revise_and_translate(root)
    code, output = review(root, "clinical", "Dr. Malee Srisuk")
    assert code == 0 and "approves    4 changes since clinical by" in output, output


def test_i18n_check_points_at_a_number_a_fuzzy_translation_still_has(root: Path) -> None:
    """The author changed 4 hours to 6; `update` kept the Thai "4 ชั่วโมง", fuzzy, and
    `i18n check` said nothing: the translator is now pointed at the number (a warning,
    at the msgstr's line), and the check still passes."""
    edit(root / LEAFLET, "infusion site for 4 hours", "infusion site for 6 hours")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 0, output
    [said] = [line for line in output.splitlines() if "I18N022" in line or "fuzzy" in line]
    assert f"{TH_PO}:{msgstr_line(root / TH_PO, 'paragraph/4')}:" in said, output
    assert "warning" in said and "paragraph/4" in said, output


@pytest.mark.parametrize(
    ("key", "written"),
    [("wording", 5), ("wording", "abc"), ("entries", 7), ("texts", [1, 2]), ("wording", [])],
)
def test_a_record_edited_by_hand_to_garbage_is_named_not_a_traceback(
    root: Path, key: str, written: Any
) -> None:
    """A value of a record's wording, entries or texts that is not what `review` writes
    (a number, one digest, a list) ended `i18n review` in an internal error."""
    import yaml

    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    [record] = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = next(iter(record[key])) if isinstance(record[key], dict) else None
    record[key] = {first: written} if isinstance(written, int | str) else written
    path.write_text(yaml.safe_dump([record], allow_unicode=True), encoding="utf-8")
    revise_and_translate(root)
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 1, output
    assert "locales/th/signoff.yaml" in output and "sign-off 1 is malformed" in output, output
    assert "internal error" not in output and "Traceback" not in output, output


def test_every_kind_of_change_is_worded_from_the_desks_messages_in_any_language() -> None:
    """`i18n review` words a change in English ("the Thai translation changed (only
    spaces or punctuation) (was list/2)"); the desk's sign-off page showed that same
    English sentence on a Thai or Arabic page. Each kind of change, and each note, is
    now a desk message: the command line prints their English sources, word for word
    as before, and the desk the reader's translation of them, only the places (entry
    names, kept as they are) left in Latin letters."""
    from msc_leaflet.desk.interface import Language, interface
    from msc_leaflet.i18n.signoff import REFUSED, UNCOVERED, UNCOVERED_PAGE, change_in_words
    from msc_leaflet.i18n.signoff_changes import (
        MERGED,
        MOVED,
        NEW_ENTRY,
        REMOVED,
        RENUMBERED,
        REWRITTEN,
        SOURCE_CHANGED,
        SPLIT,
        TRANSLATION_CHANGED,
        Change,
    )

    renumbered = "renumbered only (the same words in the same order)"
    cases = [
        (Change("lede", SOURCE_CHANGED), "the English text changed"),
        (
            Change("lede", SOURCE_CHANGED, small=True),
            "the English text changed (only spaces or punctuation)",
        ),
        (Change("ui:references", TRANSLATION_CHANGED), "the Thai translation changed"),
        (
            Change("list/3", TRANSLATION_CHANGED, small=True, origin="list/2"),
            "the Thai translation changed (only spaces or punctuation) (was list/2)",
        ),
        (Change("organisation:phone", SOURCE_CHANGED), "changed"),
        (Change("faq/2/answer", NEW_ENTRY), "new entry"),
        (Change("", REMOVED, origin="faq/3/answer"), "removed (was faq/3/answer)"),
        (Change("list/4", REFUSED, origin="list/1"), f"{REFUSED} (was list/1)"),
        (Change("paragraph/2", MOVED, origin="paragraph/5"), "moved from paragraph/5"),
        (Change("paragraph/5, paragraph/6", SPLIT, origin="paragraph/4"), "split from paragraph/4"),
        (
            Change("call-us/2", MERGED, origin="call-us/2, call-us/3"),
            "merged from call-us/2, call-us/3",
        ),
        (
            Change("list/1, list/2", REWRITTEN, origin="list/1, list/2, list/3"),
            "rewritten from list/1, list/2, list/3",
        ),
        (Change("paragraph/7", RENUMBERED), renumbered),
        (Change("paragraph/4, list/1, …", RENUMBERED, count=5), f"5 texts {renumbered}"),
        (Change(UNCOVERED_PAGE, UNCOVERED), UNCOVERED),
    ]
    for change, english in cases:
        assert change_in_words(change, ("en", "th")) == english
    for code in ("th", "ar", "zh_Hans", "my"):
        words = interface(Project(ROOT), code)
        for change, _ in cases:
            said = change_in_words(change, ("en", "th"), words, Language)
            assert not re.search("[A-Za-z]", said.replace(change.origin, "")), (code, said)
            assert change.origin in said, (code, said)
            if code == "ar" and change.origin:  # an entry's name keeps its own direction
                assert f"\u2068{change.origin}\u2069" in said


#: The edits a clinician re-approves, each (file, old, new), and what `i18n review`
#: prints under it: the approved text and the current one.
EDITS_SEEN_WAS_AND_NOW = [
    (TH_PO, "หรืออ่อนเพลียพบได้บ่อย", "หรือความอ่อนเพลียพบได้บ่อย"),
    (ORGANISATION, 'phone: "+66 2 123 4567"', 'phone: "+66 2 765 4321"'),
    (LEAFLET, "year: 2001", "year: 2011"),
]
THAI_WAS = "อาการปวดศีรษะเล็กน้อยหรืออ่อนเพลียพบได้บ่อยในวันแรก และมักหายไปภายใน 48 ชั่วโมง"
THAI_NOW = "อาการปวดศีรษะเล็กน้อยหรือความอ่อนเพลียพบได้บ่อยในวันแรก และมักหายไปภายใน 48 ชั่วโมง"


def approve_then_edit(root: Path) -> None:
    """The clinic's phone printed and approved, then one Thai msgstr, the phone and a
    reference's year edited."""
    edit(root / ORGANISATION, "name: Test Clinic", 'name: Test Clinic\nphone: "+66 2 123 4567"')
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    for path, old, new in EDITS_SEEN_WAS_AND_NOW:
        edit(root / path, old, new)


def test_review_and_proof_show_each_edit_was_and_now(root: Path, tmp_path: Path) -> None:
    """An edited translation, phone number or reference was one line, "paragraph/3: the
    Thai translation changed", "organisation:phone: changed": the clinician could not
    see what they approved against what they are asked to approve now. Each edit is now
    followed by its approved text and its current one, whole, in their own language
    (a phone or a reference, printed as written, named by no language)."""
    approve_then_edit(root)
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert (
        "  paragraph/3: the Thai translation changed\n"
        f"    was (Thai): {THAI_WAS}\n"
        f"    now (Thai): {THAI_NOW}\n"
    ) in output, output
    assert (
        "  organisation:phone: changed\n    was: +66 2 123 4567\n    now: +66 2 765 4321\n"
    ) in output, output
    assert (
        "  ref:alpha2001: changed\n"
        "    was: Alpha A, Beta B, 2001, J Test\n"
        "    now: Alpha A, Beta B, 2011, J Test\n"
    ) in output, output
    assert "(English)" not in output  # the English of a translation edit did not change

    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    listed = page_texts(out / "th" / "care-basics.proof.pdf")[-1].split(
        "Changed since the last approval"
    )[1]
    flat = re.sub(r"\s+", "", listed)
    for said in (
        "was(Thai):" + THAI_WAS,
        "now(Thai):" + THAI_NOW,
        "was:+6621234567",
        "now:+6627654321",
        "was:AlphaA,BetaB,2001,JTest",
        "now:AlphaA,BetaB,2011,JTest",
    ):
        assert re.sub(r"\s+", "", said) in flat, (said, listed)


def test_an_edit_whose_approved_text_was_not_kept_says_so(root: Path, tmp_path: Path) -> None:
    """A record made before texts were kept holds digests only: the edit's old text is
    said to be unrecorded, not left out as if there were none, and the new one shown."""
    approve_then_edit(root)
    path = root / "locales" / "th" / "signoff.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  wording:")[0], encoding="utf-8")
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    for name, now in (("paragraph/3", f"now (Thai): {THAI_NOW}"),
                      ("organisation:phone", "now: +66 2 765 4321")):  # fmt: skip
        block = output.split(f"  {name}: ")[1].split("\n  ")[0:3]
        assert block[1].startswith("  was: not recorded"), output
        assert block[2] == f"  {now}", output
    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    listed = page_texts(out / "th" / "care-basics.proof.pdf")[-1]
    assert "organisation:phone: changed\nwas:\nnot recorded" in listed, listed


def _texts_beside_in_proof(path: Path, line: str) -> list[tuple[str, str, str]]:
    """The was/now items under the change whose line starts with ``line`` on a proof's
    last page ("paragraph/3:", "removed (was paragraph/5)"), each (its label, its text,
    the language its text is tagged in), read from the tags."""
    from tagged_read import structure

    document, _ = structure(path)
    items = [node for node in document.walk() if node.role == "LI"]
    start = next(i for i, n in enumerate(items) if n.text().startswith(line))
    said = []
    for item in items[start + 1 :]:
        [label] = [kid.text() for kid in item.kids if kid.role == "Lbl"] or [""]
        if not label.startswith(("was", "now")):
            break
        [body] = [kid for kid in item.kids if kid.role == "LBody"]
        said.append((label, re.sub(r"\s+", " ", body.text()).strip(), body.lang))
    return said


#: A later program version rewords the page word "References" (its English, the ``ui``
#: msgid), and the Thai ui.po has no translation of the new word: the Thai reader now
#: reads it in English. Or the Thai ui.po's "References" is made fuzzy: the same.
#: Each: the rewording (or None), the ui.po edit (or None), the CLI's change line and
#: its was/now lines, as (label, words, language tag).
PAGE_WORD_PRINTED_IN_ENGLISH = {
    "english-reworded": (
        "Sources", None, "the English text changed",
        [("was (English):", "References", "en"), ("was (Thai):", "เอกสารอ้างอิง", "th"),
         ("now (English):", "Sources", "en")],  # printed as its source writes it: once
    ),
    "thai-made-fuzzy": (
        None, ('msgctxt "references"', '#, fuzzy\nmsgctxt "references"'),
        "the Thai translation changed",
        [("was (Thai):", "เอกสารอ้างอิง", "th"), ("now (English):", "References", "en")],
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    "case", PAGE_WORD_PRINTED_IN_ENGLISH.values(), ids=PAGE_WORD_PRINTED_IN_ENGLISH
)
def test_a_page_word_printed_in_english_is_named_and_tagged_english(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Any
) -> None:
    """A page word the Thai catalog has no usable translation of is printed in its
    English ("Sources" on a Thai page); `i18n review` and the proof said "now (Thai):
    Sources" and the proof tagged it Thai (read with a Thai voice). It is named and
    tagged English, the language it is printed in; its Thai "was" stays Thai."""
    reworded, ui_edit, sentence, beside = case
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    if reworded:
        monkeypatch.setitem(UI_MESSAGES, "references", reworded)  # a later version's word
    if ui_edit:
        edit(root / TH_UI, *ui_edit)
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    expected = "".join(f"    {label} {words}\n" for label, words, _ in beside)
    assert f"  ui:references: {sentence}\n{expected}" in output, output
    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    assert _texts_beside_in_proof(out / "th" / "care-basics.proof.pdf", "ui:references:") == beside


def test_a_page_words_english_reworded_is_the_english_text_in_a_thai_source_leaflet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Bangkok clinic's leaflet is written in Thai and translated into English; a later
    program version rewords the page word "References". `i18n review` said "the Thai
    text changed": the clinician looked for a Thai edit no one made. A page word's
    source is the program's English whatever the leaflet's language (`written_in`):
    the line says "the English text changed", and the proof names and tags no Thai."""
    from test_desk import thai_source_project

    root = thai_source_project(tmp_path)
    signed = invoke("i18n", "review", "first-leaflet", "-l", "en", "--by", "Dr. Malee Srisuk",
                    "--role", "clinical", "--project", str(root))  # fmt: skip
    assert signed[0] == 0, signed
    monkeypatch.setitem(UI_MESSAGES, "references", "Sources")
    args = ("i18n", "review", "first-leaflet", "-l", "en", "--project", str(root))
    code, output = invoke(*args)
    assert code == 0, output
    assert "  ui:references: the English text changed\n" in output, output
    assert "Thai" not in output, output
    out = tmp_path / "out"
    built = invoke("build", "first-leaflet", "-l", "en", "--proof", "--force", "--project",
                   str(root), "-o", str(out))  # fmt: skip
    assert built[0] == 0, built
    said = _texts_beside_in_proof(out / "en" / "first-leaflet.proof.pdf", "ui:references:")
    was, now = ("was (English):", "References", "en"), ("now (English):", "Sources", "en")
    assert said == [was, now], said  # the English printed as its source writes it: once


#: A Thai reader's new paragraph (added after the approval, then translated) and the
#: paragraph the author deleted, as the clinician must read them before approving.
NEW_EN = "Wear loose clothing over the infusion site on the first day."
NEW_TH = "ในวันแรกควรสวมเสื้อผ้าหลวม ๆ ทับบริเวณที่ให้เซลล์"
REMOVED_EN = "You can eat normally. Avoid alcohol for one day, because it can make you feel worse."


def add_and_remove_a_paragraph(root: Path) -> str:
    """Approved; then a new paragraph under the first heading and one paragraph deleted,
    `i18n update`, the translator's check and the new one translated. Returns the
    removed one's Thai."""
    from msc_leaflet.i18n.pofile import read_po, write_po

    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    catalog = read_po(root / TH_PO)
    [removed_th] = [e.msgstr for e in catalog.active if e.msgid == REMOVED_EN]
    edit(root / LEAFLET, REVISION[0][0], "")
    edit(root / LEAFLET, "    id: first-day\n", f"    id: first-day\n\n  - paragraph: {NEW_EN}\n")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    catalog = read_po(root / TH_PO)
    for entry in catalog.active:  # the renumbered ones checked, the new one translated
        entry.msgstr = NEW_TH if entry.msgid == NEW_EN else entry.msgstr
        entry.set_fuzzy(False)
    write_po(root / TH_PO, catalog)
    return removed_th


def test_a_new_or_removed_entry_shows_its_text(root: Path, tmp_path: Path) -> None:
    """A paragraph added since the approval was listed "paragraph/3: new entry", one
    deleted "paragraph/5: removed", with no text: the clinician approved a Thai text
    they could not read, and a deletion they could not judge. Each is now followed by
    its text in both languages, in review, the proof (tagged in its language) and the
    desk: the new one as it is now, the removed one as it was.

    The removed one is named by where it was, not as an entry: the paragraph after it
    is paragraph/5 now, and "paragraph/5: removed" under "paragraph/4, paragraph/5: 2
    texts renumbered only" read as if the renumbered one had been deleted."""
    removed_th = add_and_remove_a_paragraph(root)
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert (
        f"  paragraph/3: new entry\n    now (English): {NEW_EN}\n    now (Thai): {NEW_TH}\n"
    ) in output, output
    assert "  paragraph/4, paragraph/5: 2 texts renumbered only" in output, output
    assert (
        f"  removed (was paragraph/5)\n    was (English): {REMOVED_EN}\n"
        f"    was (Thai): {removed_th}\n"
    ) in output, output
    assert "paragraph/5: removed" not in output, output

    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    proof = out / "th" / "care-basics.proof.pdf"
    assert _texts_beside_in_proof(proof, "paragraph/3") == [
        ("now (English):", NEW_EN, "en"),
        ("now (Thai):", NEW_TH, "th"),
    ]
    listed = page_texts(proof)[-1]
    assert "removed (was paragraph/5)" in listed and ": removed" not in listed, listed
    said = _texts_beside_in_proof(proof, "removed (was paragraph/5)")
    assert [(label, lang) for label, _, lang in said] == [
        ("was (English):", "en"),
        ("was (Thai):", "th"),
    ], said
    assert re.sub(r"\s", "", said[1][1]) == re.sub(r"\s", "", removed_th), said


def test_an_edit_beside_a_removed_paragraph_is_an_edit_and_a_removal(
    root: Path, tmp_path: Path
) -> None:
    """A paragraph deleted, and the Thai of the one before it (now renumbered into the
    deleted one's place, paragraph/5) edited: review and the proof said "paragraph/5:
    merged from paragraph/4, paragraph/5", as if the deleted advice on alcohol were
    folded into the bandage paragraph, which does not say it. They now list the edit
    and the removal, the removal by where it was, not as the entry now there."""
    removed_th = add_and_remove_a_paragraph(root)
    bandage_th = "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และระวังอย่าให้โดนน้ำ"
    set_msgstr(root / TH_PO, "paragraph/5", bandage_th)
    assert th_review(root)[1] == {
        "paragraph/3": "new entry",
        "paragraph/5": "translation changed (was paragraph/4)",
        "paragraph/4": "renumbered only (the same words in the same order)",
        "removed (was paragraph/5)": "removed (was paragraph/5)",
    }
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "merged" not in output, output
    assert (
        "  paragraph/5: the Thai translation changed (was paragraph/4)\n"
        "    was (Thai): ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ\n"
        f"    now (Thai): {bandage_th}\n"
    ) in output, output
    assert (
        f"  removed (was paragraph/5)\n    was (English): {REMOVED_EN}\n"
        f"    was (Thai): {removed_th}\n"
    ) in output, output
    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    proof = out / "th" / "care-basics.proof.pdf"
    listed = page_texts(proof)[-1]
    assert "merged" not in listed and "paragraph/5: removed" not in listed, listed
    said = _texts_beside_in_proof(proof, "removed (was paragraph/5)")
    assert [(label, lang) for label, _, lang in said] == [
        ("was (English):", "en"),
        ("was (Thai):", "th"),
    ], said
    assert [label for label, _, _ in _texts_beside_in_proof(proof, "paragraph/5:")] == [
        "was (Thai):",
        "now (Thai):",
    ]


def test_a_text_that_kept_one_side_beside_a_deletion_is_an_edit() -> None:
    """Two approved paragraphs become one: the first's English corrected and its Thai
    kept, the second deleted. That is an edit and a removal (the kept Thai tells which
    text it is), not "merged from" both; two untranslated texts share an empty
    translation, which tells nothing, so a new text beside them is still a merge."""
    from msc_leaflet.i18n.signoff_changes import wording_changes

    texts = {"s1": "Keep it dry.", "s1b": "Keep it dry!", "t1": "อย่าให้เปียก", "s2": "Eat.",
             "t2": "กินได้", "s3": "Rest.", "t0": ""}  # fmt: skip
    approved = {"paragraph/4": "s1 t1", "paragraph/5": "s2 t2"}
    changes = wording_changes(approved, {"paragraph/4": "s1b t1"}, texts, (), "")
    assert [(c.context, c.what) for c in changes] == [
        ("paragraph/4", "source changed (only spaces or punctuation)"),
        ("", "removed (was paragraph/5)"),
    ]
    approved = {"list/1": "s1 t0", "list/2": "s2 t0"}
    changes = wording_changes(approved, {"list/1": "s3 t0"}, texts, (), "")
    assert [(c.context, c.what) for c in changes] == [("list/1", "merged from list/1, list/2")]


def test_a_long_list_of_changes_keeps_each_change_on_one_page(root: Path, tmp_path: Path) -> None:
    """A revision of 60 list items' Thai filled pages of the proof's list of changes;
    a page broke inside a change, so the next began with "now (Thai):" under no line
    naming the entry, the line naming it alone at the foot of the page before. Each
    change now stays on one page with its texts: every page of the list begins with a
    change's line and ends with its last text."""
    from msc_leaflet.i18n.pofile import read_po, write_po

    items = "".join(
        f"      - Check the site on day {n} and note what you see.\n" for n in range(1, 61)
    )
    edit(root / LEAFLET, "  - faq:\n", f"  - list:\n{items}    id: diary\n\n  - faq:\n")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0

    def translate(words: str) -> None:
        catalog = read_po(root / TH_PO)
        for entry in catalog.active:
            context = entry.msgctxt or ""
            if context.startswith("diary/"):
                entry.msgstr = words.format(n=context.split("/")[1])
            entry.set_fuzzy(False)
        write_po(root / TH_PO, catalog)

    translate("ตรวจดูบริเวณนั้นในวันที่ {n} และจดสิ่งที่เห็นไว้")
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    translate("ตรวจดูบริเวณที่ให้เซลล์ในวันที่ {n} และจดสิ่งที่เห็นไว้")
    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    pages = page_texts(out / "th" / "care-basics.proof.pdf")
    start = next(n for n, page in enumerate(pages) if "Changed since the last approval" in page)
    listed = pages[start:]
    assert len(listed) > 2, listed
    for n, page in enumerate(listed):
        lines = [line for line in page.splitlines() if line.strip()][1:-1]  # header, footer
        body = lines[lines.index("Changed since the last approval") + 1 :] if n == 0 else lines
        assert re.match(r"diary/\d+: the Thai translation changed", body[0]), (n, body)
        assert body[-2] == "now (Thai):" and "ในวันที่" in body[-1], (n, body)
    changes = "\n".join(listed).count(": the Thai translation changed")
    assert changes == 60


def test_the_proof_names_the_language_of_a_changed_source(tmp_path: Path) -> None:
    """The proof said "title: source changed" where `i18n review` says "the Thai text
    changed": a clinician approving an English translation of a Thai leaflet could not
    tell whether the Thai source or the program's English had changed. The proof words
    each change as `i18n review` does, and sets the texts beside it in Thai."""
    from test_desk import thai_source_project

    root = thai_source_project(tmp_path)
    signed = invoke("i18n", "review", "first-leaflet", "-l", "en", "--by", "Dr. Malee Srisuk",
                    "--role", "clinical", "--project", str(root))  # fmt: skip
    assert signed[0] == 0, signed
    edit(root / "leaflets" / "first-leaflet.yaml", "title: ชื่อเรื่องของเอกสาร", "title: ชื่อเอกสาร")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    code, output = invoke("i18n", "review", "first-leaflet", "-l", "en", "--project", str(root))
    assert code == 0 and "  title: the Thai text changed\n" in output, output
    out = tmp_path / "out"
    built = invoke("build", "first-leaflet", "-l", "en", "--proof", "--allow-fuzzy", "--force",
                   "--project", str(root), "-o", str(out))  # fmt: skip
    assert built[0] == 0, built
    proof = out / "en" / "first-leaflet.proof.pdf"
    listed = page_texts(proof)[-1].split("Changed since the last approval")[1]
    assert "title: the Thai text changed" in listed, listed
    assert "source changed" not in listed, listed
    assert _texts_beside_in_proof(proof, "title:") == [
        ("was (Thai):", "ชื่อเรื่องของเอกสาร", "th"),
        ("now (Thai):", "ชื่อเอกสาร", "th"),
    ]


def test_a_new_or_removed_contact_shows_its_text(root: Path) -> None:
    """A contact added to the clinic's profile since the approval, and one deleted, were
    "organisation:whatsapp: new entry" and "organisation:line: removed" with nothing to
    read. Each shows its number as printed, named by no language (a page item printed
    as written), and its label's words once where the page prints their English."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / ORGANISATION, 'line: "@testclinic"', 'whatsapp: "+66 81 234 5678"')
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "  organisation:whatsapp: new entry\n    now: +66 81 234 5678\n" in output, output
    assert "  removed (was organisation:line)\n    was: @testclinic\n" in output, output
    assert "  ui:whatsapp: new entry\n    now (English): WhatsApp\n  " in output, output


TITLE_TH = "การศึกษาที่สอง"  # "A second study"


@pytest.mark.parametrize(
    ("fuzzy_at_approval", "said"),
    [
        (True, "the Thai translation confirmed (it was marked fuzzy)"),
        (False, "the Thai translation marked fuzzy (to be checked again)"),
    ],
)
def test_a_fuzzy_mark_removed_or_added_shows_the_text(
    root: Path, tmp_path: Path, fuzzy_at_approval: bool, said: str
) -> None:
    """A reference title approved fuzzy (a title may stay English, so it does not stop
    a sign-off), then confirmed by the translator with the same words, or the other way
    round: review, the proof and the desk said "the Thai translation changed" with no
    text under it: the clinician had nothing to approve against. Each now says what
    happened to the mark and shows the text once, as it is now."""
    set_msgstr(root / TH_PO, "ref/gamma2002/title", TITLE_TH, fuzzy=fuzzy_at_approval)
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(root / TH_PO, "ref/gamma2002/title", TITLE_TH, fuzzy=not fuzzy_at_approval)
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert f"  ref/gamma2002/title: {said}\n    now (Thai): {TITLE_TH}\n" in output, output
    assert "was (" not in output, output
    out = tmp_path / "out"
    assert build(root, out, "--proof")[0] == 0
    proof = out / "th" / "care-basics.proof.pdf"
    assert said in re.sub(r"\s+", " ", page_texts(proof)[-1])
    assert _texts_beside_in_proof(proof, "ref/gamma2002/title:") == [
        ("now (Thai):", TITLE_TH, "th")
    ]


BANDAGE_EN = "Keep the bandage on the infusion site for 6 hours and keep it dry."
BANDAGE_TH = "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 6 ชั่วโมง และอย่าให้เปียกน้ำ"


def test_an_edit_of_both_sides_beside_a_deletion_is_an_edit_and_a_removal(root: Path) -> None:
    """The paragraph on alcohol deleted, and the bandage paragraph before it edited in
    English and in Thai (4 hours made 6): nothing kept a side, so review said
    "paragraph/4: merged from paragraph/4, paragraph/5", as if the advice on alcohol
    were folded into the bandage paragraph, which does not say it. The bandage text is
    that text edited (similar, as `update` judges it when it carries its translation
    over): an edit, and the alcohol paragraph a removal."""
    from msc_leaflet.i18n.pofile import read_po, write_po

    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    edit(root / LEAFLET, REVISION[0][0], "")
    edit(root / LEAFLET, "site for 4 hours", "site for 6 hours")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    catalog = read_po(root / TH_PO)
    for entry in catalog.active:
        entry.msgstr = BANDAGE_TH if entry.msgid == BANDAGE_EN else entry.msgstr
        entry.set_fuzzy(False)
    write_po(root / TH_PO, catalog)
    assert th_review(root)[1] == {
        "paragraph/4": "source changed",
        "removed (was paragraph/5)": "removed (was paragraph/5)",
        "faq/6/1/question, faq/6/1/answer, faq/6/2/question, …": (
            "4 texts renumbered only (the same words in the same order)"
        ),
    }
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "merged" not in output, output
    assert (
        "  paragraph/4: the English text changed\n"
        "    was (English): Keep the bandage on the infusion site for 4 hours and keep it dry.\n"
        "    was (Thai): ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ\n"
        f"    now (English): {BANDAGE_EN}\n"
        f"    now (Thai): {BANDAGE_TH}\n"
    ) in output, output
    assert f"  removed (was paragraph/5)\n    was (English): {REMOVED_EN}\n" in output, output


def test_texts_joined_or_split_off_stay_a_merge_or_a_split() -> None:
    """An edited text with another text of the stretch living on in it is a merge (two
    list items joined) or a split (a sentence split off), even where one of them is
    similar to the text it became; an unrelated text beside an edit is removed."""
    from msc_leaflet.i18n.signoff_changes import wording_changes

    texts = {"r": "Redness or swelling that grows.", "s": "Shortness of breath.",
             "rs": "Redness or swelling that grows, or shortness of breath.",
             "f": "Fever above 38 °C.", "rb": "Redness or swelling that grows fast.",
             "a": "แดง", "b": "หายใจ", "ab": "แดง หรือหายใจ", "c": "ไข้",
             "ab2": "แดงเร็ว"}  # fmt: skip
    joined = wording_changes({"list/2": "r a", "list/3": "s b"}, {"list/2": "rs ab"}, texts, (), "")
    assert [c.what for c in joined] == ["merged from list/2, list/3"]
    split = wording_changes({"list/2": "rs ab"}, {"list/2": "r a", "list/3": "s b"}, texts, (), "")
    assert [c.what for c in split] == ["split from list/2"]
    approved = {"list/2": "r a", "list/3": "f c"}
    edited = wording_changes(approved, {"list/2": "rb ab2"}, texts, (), "")
    assert [(c.context, c.what) for c in edited] == [
        ("list/2", "source changed"),
        ("", "removed (was list/3)"),
    ]
    added = wording_changes({"list/2": "r a"}, {"list/2": "f c", "list/3": "rb ab2"}, texts, (), "")
    assert [(c.context, c.what) for c in added] == [
        ("list/2", "new entry"),
        ("list/3", "source changed (was list/2)"),
    ]


#: A second record of signoff.yaml edited by hand: (the edit, the field's line is where
#: the error points, words of the message).
HAND_EDITS = {
    "month-13": (("  date: 2026-12-02\n  source", "  date: 2026-13-02\n  source"), "date", "month"),
    "name-as-list": (("  by: Dr B\n", "  by: [Dr B]\n"), "by", "by is a list, not a text"),
    "no-date": (("  date: 2026-12-02\n  source", "  source"), "", "it has no date"),
    "role-typo": (("role: reviewer", "role: reviwer"), "role", "unknown role 'reviwer'"),
}  # fmt: skip


@pytest.mark.parametrize("hand_edit", HAND_EDITS.values(), ids=HAND_EDITS)
def test_a_hand_edited_record_is_named_at_its_line(
    root: Path, hand_edit: tuple[tuple[str, str], str, str]
) -> None:
    """A date of month 13 ended `i18n review` in "internal error: ValueError"; a name
    written as a list was accepted and printed "['Dr B']" in the proof's history; a
    missing date was "sign-off 2 is malformed: 'date'", with no line. Each is now named
    at the line of its field (of the record, for a field it lacks), with what is wrong."""
    (old, new), field, said = hand_edit
    assert review(root, "clinical", "Dr A")[0] == 0
    assert review(root, "reviewer", "Dr B")[0] == 0
    path = root / "locales" / "th" / "signoff.yaml"
    text = path.read_text(encoding="utf-8")
    second = text.rindex("- leaflet: care-basics")
    text = text[:second] + text[second:].replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    start = text[:second].count("\n")
    field_at = [n + 1 for n in range(start, len(lines)) if lines[n].startswith(f"  {field}:")]
    line = field_at[0] if field else start + 1
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 1, output
    assert f"signoff.yaml:{line}:" in output and "sign-off 2 is malformed: " in output, output
    assert said in output and "internal error" not in output, output


def test_a_whole_text_rewritten_is_one_change_not_a_search_of_every_pair() -> None:
    """A stretch of texts rewritten into one fewer (60 for 59, as a leaflet rewritten
    throughout) was compared pair by pair for an edit beside a deletion: 0.7 s for 60,
    6 s for 300. A stretch longer than a deletion beside a few edits is a rewrite."""
    from msc_leaflet.i18n.signoff_changes import MOST_COMPARED, wording_changes

    words = ["cells", "blood", "vein", "clot", "risk", "doctor", "clinic", "study", "patient"]
    texts = {f"s{n}": " ".join(words[(n + k) % 9] for k in range(12)) for n in range(120)}
    texts |= {f"t{n}": f"ไทย {n}" for n in range(120)}
    approved = {f"p/{n}": f"s{n} t{n}" for n in range(60)}
    current = {f"p/{n}": f"s{n + 60} t{n + 60}" for n in range(59)}
    assert [c.kind for c in wording_changes(approved, current, texts, (), "")] == ["rewritten"]
    assert MOST_COMPARED < 60


def test_a_catalog_saved_again_decomposed_keeps_its_approval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator's editor that saved an approved Vietnamese catalog again in NFD ("ệ"
    as e ◌̣ ◌̂) changed no word a reader reads, but the approval went stale and the
    review listed every entry as changed, "was" and "now" the same text: a clinician
    was asked to approve again what they had approved. A real edit is still a change."""
    import unicodedata

    from msc_leaflet.i18n.pofile import read_po, write_po

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "languages", project)
    reviewing = ["i18n", "review", "after-your-infusion", "-l", "vi", "--project", str(project)]
    code, output = invoke(*reviewing, "--by", "Nguyễn Văn An", "--role", "reviewer")
    assert code == 0, output
    po = project / "locales" / "vi" / "LC_MESSAGES" / "after-your-infusion.po"
    catalog = read_po(po)
    for entry in catalog.active:
        entry.msgstr = unicodedata.normalize("NFD", entry.msgstr)
    write_po(po, catalog)
    assert not unicodedata.is_normalized("NFC", po.read_text("utf-8"))
    code, output = invoke(*reviewing)
    assert code == 0, output
    assert "no change since the last approval" in output, output
    set_msgstr(po, "title", unicodedata.normalize("NFD", "Sau khi được truyền tế bào"))
    code, output = invoke(*reviewing)
    assert "title: the Vietnamese translation changed" in output, output
    assert output.count("translation changed") == 1, output


SHORT_TH = "พักผ่อน **24 ชั่วโมง** และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]"


def test_review_and_proof_show_a_changed_text_as_read(root: Path, tmp_path: Path) -> None:
    """A clinician re-approving a changed translation read its markup: "was (Thai):
    พักผ่อน **24 ชั่วโมง** …", marks the page never prints, in `i18n review`, the proof
    and the desk alike. Each text is now shown as read (`text_as_read`): no emphasis
    marks, a citation as its [@key]."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(root / TH_PO, "short-answer", SHORT_TH.replace("ให้เพียงพอ", "มากๆ"))
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert "  short-answer: the Thai translation changed\n" in output, output
    was = "พักผ่อน 24 ชั่วโมง และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]"
    assert f"    was (Thai): {was}\n" in output, output
    assert f"    now (Thai): {was.replace('ให้เพียงพอ', 'มากๆ')}\n" in output, output
    assert "**" not in output
    code, output = build(root, tmp_path / "out", "--proof")
    assert code == 0, output
    text = "\n".join(page_texts(tmp_path / "out" / "th" / "care-basics.proof.pdf"))
    proof_was = text[text.index("Changed since the last approval") :]
    assert "พักผ่อน 24 ชั่วโมง" in proof_was and "**" not in proof_was, proof_was


def test_a_change_of_markup_alone_is_shown_as_written(root: Path) -> None:
    """Bold moved from "24 ชั่วโมง" to "24" alone reads the same without its marks:
    shown as read, was and now were one line twice and the clinician saw no change.
    Such an edit is shown as written, its marks and all."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(root / TH_PO, "short-answer", SHORT_TH.replace("**24 ชั่วโมง**", "**24** ชั่วโมง"))
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert f"    was (Thai): {SHORT_TH}\n" in output, output
    now = SHORT_TH.replace("**24 ชั่วโมง**", "**24** ชั่วโมง")
    assert f"    now (Thai): {now}\n" in output, output


def test_a_change_of_what_prints_nothing_is_shown_with_it_named(root: Path) -> None:
    """A zero-width space typed into a Thai msgstr moves where its line breaks; shown as
    read or as typed, was and now looked the same line. It is named where it stands."""
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(root / TH_PO, "short-answer", SHORT_TH.replace("และดื่ม", "และ\u200bดื่ม"))
    code, output = invoke("i18n", "review", "care-basics", "-l", "th", "--project", str(root))
    assert code == 0, output
    assert f"    was (Thai): {SHORT_TH}\n" in output, output
    now = SHORT_TH.replace("และดื่ม", "และ<U+200B>ดื่ม")
    assert f"    now (Thai): {now}\n" in output, output


def test_each_text_of_a_split_is_shown_as_read_on_its_own() -> None:
    """The texts of a split are shown on one line, " | " between them; one refused for
    bold it never closes is shown as written (that is what to fix), the others as
    read, not every text beside it as written."""
    from msc_leaflet.i18n.signoff_changes import SPLIT, Change, texts_shown

    before = (("**Keep** it dry.", "**ปิด** ไว้"),)
    after = (("**Keep** it.", "**ปิด"), ("Keep it *dry*.", "อย่าให้*เปียก*"))
    change = Change("paragraph/5, paragraph/6", SPLIT, before, after, origin="paragraph/4")
    was = texts_shown(change, ("**Keep** it dry.", "**ปิด** ไว้"), ("en", "th"))
    now = texts_shown(change, ("**Keep** it. | Keep it *dry*.", "**ปิด | อย่าให้*เปียก*"), ("en", "th"))
    assert was == [("Keep it dry.", "en"), ("ปิด ไว้", "th")]
    assert now == [("Keep it. | Keep it dry.", "en"), ("**ปิด | อย่าให้เปียก", "th")]


@pytest.mark.parametrize(
    ("entry", "value", "languages", "expected"),
    [
        ("organisation:phone", "+66 2 123 4567", ("en", "th"), "th"),  # its line's
        ("organisation:whatsapp", "+66 81 234 5678", ("en", "ar"), "ar"),
        ("organisation:web", "https://example.org", ("th", "th"), "en"),  # Latin on Thai
        ("url", "https://example.org/leaflet", ("th", "km"), "en"),
        ("organisation:line", "@testclinic", ("en", "th"), "en"),
        ("organisation:address", "12 ถนนสุขุมวิท กรุงเทพฯ", ("en", "en"), "th"),
        ("organisation:address", "شارع سيلوم، بانكوك", ("en", "th"), "ar"),
    ],
)
def test_a_contact_line_beside_a_change_is_in_the_language_the_page_tags_it(
    entry: str, value: str, languages: tuple[str, str], expected: str
) -> None:
    """The list of changes (`i18n review`, the proof, the desk) named a contact's
    language by its letters alone, the leaflet's by default: a phone number on a Thai
    page was English, a web address on a Thai leaflet's page Thai, where the page tags
    them Thai and English. One rule now (`contact_language`), on the translation's page."""
    from msc_leaflet.i18n.signoff_changes import SOURCE_CHANGED, Change, texts_shown
    from msc_leaflet.typeset.printed_language import contact_language

    change = Change(entry, SOURCE_CHANGED, ((value, value),), ((value + "9", value + "9"),))
    shown = texts_shown(change, (value, value), languages)
    assert [language for _, language in shown] == [expected] * len(shown) and shown, shown
    assert contact_language(value, "", languages[1]) == expected

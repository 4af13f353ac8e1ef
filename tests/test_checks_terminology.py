"""TERM001–002: discouraged variants, and translations that drop the agreed term."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO
from msc_leaflet.checks.terminology import discouraged_term, translation_term
from msc_leaflet.content.glossary import load_glossary
from msc_leaflet.errors import LeafletError
from msc_leaflet.project import Project
from test_checks import CLEAN, findings_for, leaflet, translated_context

MSC_TH = "เซลล์สโตรมัลชนิดมีเซนไคม์"


def with_glossary(root: Path) -> Path:
    (root / "locales").mkdir(exist_ok=True)
    shutil.copy(REPO / "locales" / "glossary.yaml", root / "locales" / "glossary.yaml")
    return root


def test_glossary_has_the_agreed_thai_msc_term() -> None:
    concepts = {c.id: c for c in load_glossary(Project.at(REPO))}
    assert concepts["msc"].terms["th"].preferred == MSC_TH
    assert {
        "msc",
        "stem-cell",
        "extracellular-vesicle",
        "exosome",
        "immune-modulation",
        "infusion",
        "gvhd",
    } <= set(concepts)


def test_glossary_words_are_read_as_written(tmp_path: Path) -> None:
    # YAML reads a bare no, on, off or yes as a boolean and 2.0 as a number: Norwegian's
    # tag "no" became False, a term "on" became "True".
    (tmp_path / "leaflets").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "glossary.yaml").write_text(
        "concepts:\n"
        "  - id: dose\n"
        "    en: {preferred: dose, discouraged: [on, 2.0]}\n"
        "    no: {preferred: dose}\n",
        encoding="utf-8",
    )
    [concept] = load_glossary(Project.at(tmp_path))
    assert set(concept.terms) == {"en", "no"}
    assert concept.terms["en"].discouraged == ("on", "2.0")


def test_term001_source(make_project: Callable[..., Path]) -> None:
    body = "- paragraph: Our mesenchymal stem cells help. Graft versus host disease is rare.\n"
    root = with_glossary(make_project({"sample": leaflet(CLEAN + body)}))
    assert findings_for(root, "TERM001") == [
        "20:20: warning: discouraged term “mesenchymal stem cells”; the glossary term is "
        "“mesenchymal stromal cells (MSCs)”",
        "20:49: warning: discouraged term “Graft versus host disease”; the glossary term is "
        "“graft-versus-host disease (GvHD)”",
    ]


def test_term001_mentions_are_not_uses(make_project: Callable[..., Path]) -> None:
    body = (
        "- paragraph: The old name *mesenchymal stem cell* dates from 1991. Clinics say "
        '"stem cells". Graft-versus-host disease is a known use.\n'
    )
    root = with_glossary(make_project({"sample": leaflet(CLEAN + body)}))
    assert findings_for(root, "TERM001") == []


def test_term001_thai(make_project: Callable[..., Path]) -> None:
    root = with_glossary(make_project({"sample": leaflet(CLEAN + "- paragraph: x\n  id: p\n")}))
    bad = translated_context(root, {"p": "สเต็มเซลล์ช่วยได้"})
    assert [i.message for i in discouraged_term(bad)] == [
        "[th] discouraged term “สเต็มเซลล์”; the glossary term is “เซลล์ต้นกำเนิด”"
    ]
    good = translated_context(root, {"p": "เซลล์ต้นกำเนิดช่วยได้"})
    assert list(discouraged_term(good)) == []


def test_term002_translation_missing_the_agreed_term(make_project: Callable[..., Path]) -> None:
    body = (
        "- paragraph: Mesenchymal stromal cells (MSCs) send signals.\n  id: full\n"
        "- paragraph: MSCs are small.\n  id: short\n"
    )
    root = with_glossary(make_project({"sample": leaflet(CLEAN + body)}))
    bad = translated_context(root, {"full": "เซลล์มีเซนไคมอลส่งสัญญาณ", "short": "เซลล์มีขนาดเล็ก"})
    messages = [i.message for i in translation_term(bad)]
    assert messages == [
        f"[th] translation of 'full' does not use the agreed term “{MSC_TH}” for "
        "“mesenchymal stromal cells (MSCs)”",
        f"[th] translation of 'short' does not use the agreed term “{MSC_TH}” for "
        "“mesenchymal stromal cells (MSCs)”",
    ]
    # The full term where the source has it; an abbreviation suffices where it abbreviates.
    good = translated_context(root, {"full": f"{MSC_TH} (MSC) ส่งสัญญาณ", "short": "MSC มีขนาดเล็ก"})
    assert list(translation_term(good)) == []
    # Untranslated text is i18n's business, not a terminology finding.
    assert list(translation_term(translated_context(root, {}))) == []


def test_terms_are_found_however_they_are_typed(make_project: Callable[..., Path]) -> None:
    # A word processor's non-breaking hyphen (U+2011), and a Thai line-break hint (a
    # zero-width space) inside the agreed term, are the same words to the reader: the
    # glossary judged the ASCII spelling only, and TERM002 asked for a term the
    # translation used.
    body = (
        "- paragraph: Graft\u2011vs\u2011host disease is rare.\n  id: old\n"
        "- paragraph: Mesenchymal stromal cells send signals.\n  id: full\n"
        "- paragraph: Graft\u2011versus\u2011host disease is rare.\n  id: gv\n"
    )
    root = with_glossary(make_project({"sample": leaflet(CLEAN + body)}))
    assert findings_for(root, "TERM001") == [
        "20:16: warning: discouraged term “Graft\u2011vs\u2011host disease”; the glossary "
        "term is “graft-versus-host disease (GvHD)”"
    ]
    hinted = MSC_TH.replace("ชนิด", "\u200bชนิด")
    good = translated_context(root, {"full": f"{hinted}ส่งสัญญาณ", "gv": "พบโรคกราฟต์ต่อต้านโฮสต์ได้น้อย"})
    assert list(translation_term(good)) == []
    # U+2011 in the source still asks for the agreed term in the translation.
    bad = translated_context(root, {"full": f"{MSC_TH}ส่งสัญญาณ", "gv": "พบได้น้อย"})
    assert [i.message for i in translation_term(bad)] == [
        "[th] translation of 'gv' does not use the agreed term “โรคกราฟต์ต่อต้านโฮสต์” for "
        "“graft-versus-host disease (GvHD)”"
    ]


def test_arabic_terms_are_read_in_one_spelling(make_project: Callable[..., Path]) -> None:
    # Short vowels, a shadda or a tatweel do not make another word (as for claims).
    root = make_project({"sample": leaflet(CLEAN + "- paragraph: x\n  id: p\n")})
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.yaml").write_text(
        "concepts:\n"
        "  - id: stem-cell\n"
        "    en: {preferred: stem cell}\n"
        "    ar: {preferred: الخلايا الجذعية, discouraged: [الخلايا الأم]}\n",
        encoding="utf-8",
    )
    for typed in ("الخلايا الأم", "الخَلايا الأُمّ", "الخلايـا الأم"):
        bad = translated_context(root, {"p": f"{typed} مفيدة"}, locale="ar")
        assert [i.message for i in discouraged_term(bad)] == [
            f"[ar] discouraged term “{typed}”; the glossary term is “الخلايا الجذعية”"
        ], typed


def test_a_mark_on_a_letter_hides_no_term(make_project: Callable[..., Path]) -> None:
    """ "mesenchymal stém cells" (e + U+0301) prints the discouraged term with an accent;
    the glossary read another word. It stands where the words are typed."""
    body = "- paragraph: Our mesenchymal ste\u0301m cells help.\n"
    root = with_glossary(make_project({"sample": leaflet(CLEAN + body)}))
    [found] = findings_for(root, "TERM001")
    assert found.startswith("20:20: warning: discouraged term “mesenchymal stém cells”")


def test_a_concept_kept_as_written_is_read_and_a_misspelt_kept_is_refused(
    tmp_path: Path,
) -> None:
    """``kept: true`` marks a concept printed as written in every language (I18N020
    reads its terms as no other language); a value that is no true or false is named
    at its line, not taken as false."""
    import pytest

    from msc_leaflet.errors import LeafletError

    (tmp_path / "leaflets").mkdir()
    (tmp_path / "locales").mkdir()
    glossary = tmp_path / "locales" / "glossary.yaml"
    entry = "concepts:\n  - id: wj\n    kept: {}\n    en: {{preferred: Wharton's jelly}}\n"
    glossary.write_text(entry.format("true"), encoding="utf-8")
    [concept] = load_glossary(Project.at(tmp_path))
    assert concept.kept and concept.terms["en"].agreed == ("Wharton's jelly",)
    glossary.write_text(entry.format("always"), encoding="utf-8")
    with pytest.raises(LeafletError) as refused:
        load_glossary(Project.at(tmp_path))
    assert refused.value.location.line == 3 and "'kept' must be true or false" in str(
        refused.value.message
    )


@pytest.mark.parametrize(
    ("concepts", "line", "message"),
    [
        ("  - id: msc\n    en: {preferred: MSC}\n  - id: msc\n    th: {preferred: เอ็มเอสซี}\n",
         4, "concept 'msc' is written twice (first on line 2)"),
        ("  - id: msc\n    EN: {preferred: MSC}\n", 3, "'EN' is never looked up"),
        ("  - id: msc\n    zh_Hans: {preferred: 干细胞}\n", 3, "'zh_Hans' is never looked up"),
        ("  - id: msc\n    en_US: {preferred: MSC}\n", 3, "'en_US' is never looked up"),
    ],
    ids=["twice", "capitals", "script", "region"],
)  # fmt: skip
def test_a_glossary_entry_the_checks_never_read_is_refused(
    tmp_path: Path, concepts: str, line: int, message: str
) -> None:
    """The checks look a text's terms up by its language's code (zh for zh_Hans, en for
    en_US) and a concept by its id: Chinese terms keyed zh_Hans, as the project's
    catalogs are, were never read, and of two concepts with one id the checks named one
    for the other's terms."""
    (tmp_path / "leaflets").mkdir()
    (tmp_path / "locales").mkdir()
    text = "concepts:\n" + concepts
    (tmp_path / "locales" / "glossary.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LeafletError) as refused:
        load_glossary(Project.at(tmp_path))
    assert message in refused.value.message and refused.value.hint, refused.value
    assert refused.value.location.line == line, refused.value

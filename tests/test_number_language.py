"""A number is read in the language of its sentence, not of the term before it.

Latin digits took the language of the text before them: after a label printed in
English in a Chinese or Japanese leaflet the year was English ("Published 2026", then
"年11月1日" in Chinese: two voices for one date), and so was a number after a kept
term ("ISCT 2006"). A number written as a word of its own is now the sentence's;
digits joined to a term ("CD34", "IL-6") stay the term's (`render._number_key`).
Full-width digits (２００６) are read so too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from i18n_support import set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project
from pdfjs_text import run_pdfjs
from tagged_read import structure

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = REPO / "tests" / "fixtures" / "languages"
DIGIT = re.compile("[0-9]")
TAGS = {"zh_Hans": "zh-Hans", "ja": "ja"}


def _without_published(tmp_path: Path, lang: str) -> Path:
    """The languages fixture, its ``lang`` ui catalog leaving "Published" untranslated
    (printed in English, the date after it in the leaflet's words)."""
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    set_msgstr(root / "locales" / lang / "LC_MESSAGES" / "ui.po", "published", "")
    return root


@pytest.mark.parametrize("lang", ["zh_Hans", "ja"])
def test_a_date_after_an_english_label_is_read_in_the_leaflets_language(
    tmp_path: Path, lang: str
) -> None:
    root = _without_published(tmp_path, lang)
    path = build_leaflet(Project.at(root), "after-your-infusion", lang, tmp_path / "out").path
    document, _ = structure(path)
    spans = [n for n in document.walk() if n.role == "Span" and n.lang == "en"]
    assert "Published" in [n.text().strip() for n in spans]
    assert [n.text() for n in spans if DIGIT.search(n.text())] == []
    # The whole date is one stretch of the leaflet's language: "2026年11月1日".
    dates = [text for n in document.walk() for text in n.texts if "年11月1日" in text]
    assert dates and all("2026年11月1日" in text for text in dates)


def test_pdfjs_reads_the_year_with_its_month_and_day(tmp_path: Path) -> None:
    """pdf.js (Firefox's accessibility tree) gives the year no English `Span`."""
    root = _without_published(tmp_path, "zh_Hans")
    path = build_leaflet(Project.at(root), "after-your-infusion", "zh_Hans", tmp_path / "out").path
    pages = run_pdfjs("structure.mjs", path)
    english: list[str] = []

    def walk(node: dict[str, Any], lang: str, texts: dict[str, str]) -> None:
        lang = node.get("lang", lang)
        for kid in node.get("children", []):
            if kid.get("type") == "content":
                if lang == "en":
                    english.append(texts.get(kid["id"], ""))
            else:
                walk(kid, lang, texts)

    for page in pages:
        walk(page["tree"], "", page["texts"])
    assert any("Published" in text for text in english)
    # Reference entries are English with their years ("2018;22(6)"); the body is not.
    body = [text for text in english if "Published" in text]
    assert body and not any(DIGIT.search(text) for text in body)


LEDE = (
    "Some clinics give mesenchymal stromal cells (MSCs) through a drip into a vein.\n"
    "  This leaflet lists the warning signs to watch for afterwards."
)
# The ISCT's minimal criteria (Dominici 2006), in a lede of the developers' writing;
# its Chinese written by the developers.
TERMS_EN = (
    "By the ISCT 2006 criteria, MSCs express CD105 and CD73 and do not express CD34;"
    " they can also secrete IL-6."
)
TERMS_ZH = "按照 ISCT 2006 年的标准，MSCs 表达 CD105 和 CD73，不表达 CD34；它们还可以分泌 IL-6。"
# The same in the full-width digits Chinese text also sets, which Unicode gives no
# script either. (An identifier stays as the source writes it, "IL-6": I18N024
# refuses "IL－６".)
TERMS_ZH_FULL_WIDTH = TERMS_ZH.replace("2006", "２００６")
# In Khmer (pasted from a Chinese or Japanese text), the Khmer font has no full-width
# digits and another font sets them, a piece with no letters right after the term:
# "ISCT ２００６" was one English `Span`.
TERMS_KM_FULL_WIDTH = (
    "តាមលក្ខណៈវិនិច្ឆ័យ ISCT ２００６ កោសិកា MSCs បង្ហាញ CD105 និង CD73"
    " ហើយមិនបង្ហាញ CD34 ទេ។ វាអាចបញ្ចេញ IL-6 ផងដែរ។"
)


@pytest.mark.parametrize(
    ("lang", "translation", "year"),
    [
        ("zh_Hans", TERMS_ZH, "2006"),
        ("zh_Hans", TERMS_ZH_FULL_WIDTH, "２００６"),
        ("km", TERMS_KM_FULL_WIDTH, "２００６"),
    ],
    ids=["zh-ascii-digits", "zh-full-width-digits", "km-full-width-digits"],
)
def test_a_number_after_a_kept_term_is_the_sentences_digits_in_a_term_the_terms(
    tmp_path: Path, lang: str, translation: str, year: str
) -> None:
    root = tmp_path / "languages"
    shutil.copytree(LANGUAGES, root)
    source = root / "leaflets" / "after-your-infusion.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(LEDE, TERMS_EN), "utf-8")
    catalog = root / "locales" / lang / "LC_MESSAGES" / "after-your-infusion.po"
    text = catalog.read_text(encoding="utf-8")
    old = LEDE.replace("\n  ", " ")
    assert old in text
    catalog.write_text(text.replace(old, TERMS_EN), "utf-8")
    set_msgstr(catalog, "lede", translation)
    path = build_leaflet(Project.at(root), "after-your-infusion", lang, tmp_path / "out").path
    document, _ = structure(path)
    lede = next(n for n in document.walk() if n.role == "P" and "ISCT" in n.text())
    english = [kid.text().strip() for kid in lede.walk() if kid.role == "Span"]
    assert english == ["ISCT", "MSCs", "CD105", "CD73", "CD34", "IL-6"]
    assert all(kid.lang == "en" for kid in lede.walk() if kid.role == "Span")
    assert lede.lang in ("", TAGS.get(lang, lang)) and year in "".join(lede.texts)

"""Shaping: the glyphs drawn are HarfBuzz's, and their text layer is the source text."""

from __future__ import annotations

import pytest
import uharfbuzz as hb
from reportlab.lib.colors import black

from msc_leaflet.typeset import MissingGlyphError, Run, default_family, make_paragraph
from msc_leaflet.typeset.fonts import shaping_font
from msc_leaflet.typeset.shaping import harfbuzz_font, shape
from typeset_support import body_style

HARD_WORDS = ["ผู้ป่วย", "ที่", "นี่", "น้ำ", "ปั่น", "ก้ำ", "กำลัง", "เซลล์", "ฤๅษี", "ญุ", "ฐู"]


def harfbuzz_glyphs(font_name: str, text: str) -> list[tuple[int, float, float]]:
    """(glyph id, x, y) straight from HarfBuzz, in 1/1000 em, pen accumulated."""
    hbf = harfbuzz_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbf.font, buf, {})
    out, pen = [], 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        out.append((info.codepoint, pen + pos.x_offset * hbf.scale, pos.y_offset * hbf.scale))
        pen += pos.x_advance * hbf.scale
    return out


def our_glyphs(font_name: str, text: str) -> list[tuple[int, float, float]]:
    out, pen = [], 0.0
    for cluster in shape(font_name, text, "th"):
        out += [(g.gid, pen + g.x, g.y) for g in cluster.glyphs]
        pen += cluster.advance
    return out


@pytest.mark.parametrize("face", ["regular", "bold", "italic"])
@pytest.mark.parametrize("word", HARD_WORDS)
def test_glyphs_are_harfbuzz_output(word: str, face: str) -> None:
    font = getattr(default_family(), face)
    expected = harfbuzz_glyphs(font, word)
    assert our_glyphs(font, word) == expected
    notdef_or_circle = {0, harfbuzz_font(font).font.get_nominal_glyph(0x25CC)}
    assert not notdef_or_circle & {gid for gid, _, _ in expected}


@pytest.mark.parametrize("word", HARD_WORDS)
def test_text_carried_by_glyphs_is_the_word(word: str) -> None:
    """Concatenating the ToUnicode values of the text-carrying glyphs gives the word."""
    font_name = default_family().regular
    texts = shaping_font(font_name).glyph_texts
    for cluster in shape(font_name, word, "th"):
        carried = "".join(texts.get(g.key, chr(g.key)) for g in cluster.carriers if g.key)
        assert carried == cluster.text


def test_sara_am_is_decomposed_and_carried_by_sara_aa() -> None:
    """HarfBuzz draws ำ as nikhahit + sara aa; the sara aa glyph carries "ำ"."""
    font_name = default_family().regular
    (cluster,) = shape(font_name, "กำ", "th")
    texts = shaping_font(font_name).glyph_texts
    hbf = harfbuzz_font(font_name).font
    names = [hbf.glyph_to_string(g.gid) for g in cluster.glyphs]
    assert names == ["uni0E01", "uni0E4D", "uni0E32"]
    carried = [texts.get(g.key, chr(g.key)) if g.key is not None else None for g in cluster.glyphs]
    assert carried == ["ก", None, "ำ"]


def test_bold_inside_a_thai_word_is_shaped_with_the_bold_font() -> None:
    family = default_family()
    runs = [Run("ผู้ป่", family.regular, 11, black), Run("วย", family.bold, 11, black)]
    paragraph = make_paragraph(runs, body_style(), "th")
    fonts = [(p.run.font, p.text) for unit in paragraph.units for p in unit.pieces]
    assert (family.bold, "วย") in fonts
    assert paragraph.getPlainText() == "ผู้ป่วย"


def test_a_mark_alone_in_a_bold_run_stays_with_its_consonant() -> None:
    family = default_family()
    runs = [Run("ที", family.regular, 11, black), Run("่นี่", family.bold, 11, black)]
    paragraph = make_paragraph(runs, body_style(), "th")
    pieces = [(p.run.font, p.text) for unit in paragraph.units for p in unit.pieces]
    assert pieces[0] == (family.regular, "ที่")


@pytest.mark.parametrize(
    ("lang", "plain", "styled", "moved"),
    [
        ("km", "សូមទៅក្", "លីនិក", "លី"),  # ក្លី: ល is written under ក
        ("km", "ស្", "ត្រី", "ត្រី"),  # ស្ត្រី: two subscripts
        ("my", "ကမ္", "ဘာ့", "ဘာ့"),  # ကမ္ဘာ: ဘ stacked under မ
        ("my", "အင်္", "ဂလိပ်", "ဂ"),  # kinzi: င် over ဂ
        ("hi", "क्", "षत्रिय", "ष"),  # the conjunct क्ष
    ],
)
def test_a_style_change_after_a_stacker_keeps_the_stack(
    lang: str, plain: str, styled: str, moved: str
) -> None:
    # A consonant after a Khmer coeng, the Burmese stacker or a virama is drawn under
    # (or joined to) the one before: shaped in another run it stood beside it in full,
    # the coeng or virama drawn alone (ក្ + លី for ក្លី).
    family = default_family()
    runs = [Run(plain, family.regular, 11, black), Run(styled, family.bold, 11, black)]
    paragraph = make_paragraph(runs, body_style(), lang)
    pieces = [p for unit in paragraph.units for p in unit.pieces]
    regular = [p for p in pieces if "bold" not in p.run.font]
    assert "".join(p.text for p in regular) == plain + moved
    drawn = [g.gid for p in regular for c in p.clusters for g in c.glyphs]
    whole = [g.gid for c in shape(regular[0].run.font, plain + moved, lang) for g in c.glyphs]
    assert drawn == whole
    assert paragraph.getPlainText() == plain + styled


def test_a_missing_glyph_raises_with_the_character() -> None:
    # Armenian: no family of the theme has it (Greek α now comes from a fallback face).
    family = default_family()
    with pytest.raises(MissingGlyphError) as caught:
        make_paragraph([Run("ขนาด Բ = 0.05", family.regular, 11, black)], body_style(), "th")
    assert isinstance(caught.value, ValueError)
    assert caught.value.char == "Բ"
    assert caught.value.codepoint == 0x0532
    assert "U+0532" in str(caught.value)
    assert "Armenian script" in str(caught.value)


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("ᱚ", "Ol Chiki"),  # Santali
        ("ᦀ", "New Tai Lue"),
        ("ᨠ", "Tai Tham"),  # not "Tai": Tai Le and Tai Viet are other scripts
        ("ꯀ", "Meetei Mayek"),
        ("Բ", "Armenian"),
    ],
)
def test_a_missing_glyph_names_the_whole_script(char: str, script: str) -> None:
    # The name was the first word of the character's Unicode name: "no font in the
    # theme covers the Ol script", and a font for "Tai" or "New" to add.
    error = MissingGlyphError(char, "Sarabun-regular", char)
    assert f"covers the {script} script" in str(error)
    assert f"a font family that has {script} to" in error.hint

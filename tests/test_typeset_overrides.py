"""Guard: the ReportLab internals the text stage relies on have not changed."""

from __future__ import annotations

from msc_leaflet.typeset.reportlab_overrides import check_reportlab, to_unicode_cmap


def test_reportlab_is_the_version_the_overrides_were_written_for() -> None:
    problems = check_reportlab()
    assert not problems, (
        "ReportLab changed under msc_leaflet.typeset.reportlab_overrides:\n  "
        + "\n  ".join(problems)
        + "\nRe-read the listed functions, adapt the overrides, then update FINGERPRINTS."
    )


def test_to_unicode_values_are_utf16_with_surrogates_and_several_characters() -> None:
    cmap = to_unicode_cmap("AAAAAA+Test", [0, 0x1F600, 0xF0000], {0xF0000: "ที่"})
    assert "<01> <D83DDE00>" in cmap  # U+1F600 as a surrogate pair
    assert "<02> <0E170E350E48>" in cmap  # one glyph, three characters

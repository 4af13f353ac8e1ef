"""Guard: the ReportLab internals the text stage relies on have not changed."""

from __future__ import annotations

from msc_leaflet.typeset.reportlab_overrides import check_reportlab, to_unicode_cmap
from msc_leaflet.typeset.to_unicode import read_cmap


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


def test_consecutive_codes_and_characters_are_one_range_and_read_back_the_same() -> None:
    subset = [0, *range(0x20, 0x7F), 0xF0000, 0xF0001, 0x1F600]
    texts = {0xF0000: "ก", 0xF0001: "ข"}
    cmap = to_unicode_cmap("AAAAAA+Test", subset, texts)
    assert "<01> <5F> <0020>" in cmap  # printable ASCII: one line
    assert "<60> <61> <0E01>" in cmap  # two glyph keys that stand for ก and ข
    assert "<62> <D83DDE00>" in cmap  # a surrogate pair is never part of a range
    read = read_cmap(cmap)
    assert read is not None
    name, last, values = read
    assert (name, last) == ("AAAAAA+Test", len(subset) - 1)
    assert values == {
        code: (texts.get(key) or chr(key)).encode("utf-16-be").hex().upper()
        for code, key in enumerate(subset)
    }


def test_a_cmap_of_another_form_is_not_read() -> None:
    cmap = to_unicode_cmap("AAAAAA+Test", [0, 0x41], {})
    cid = "1 begincidrange\n<00> <01> 1\nendcidrange\nendcmap"
    assert read_cmap(cmap.replace("endcmap", cid)) is None
    assert read_cmap(cmap.replace("<01> <0041>", "<01> <02> [<0041> <0042>]")) is None

"""Words the page prints from fields that are no text are read for promises too.

The leaflet's own `url:` is printed beside its QR code ("More online:
clinic.example/stem-cells-cure-arthritis"), its document code at the foot of every
page, and a reference with no DOI prints its address in the list of references; no
claim check read any of them, while the same words in a paragraph, or in the
organisation's `web:`, were found.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import leaflet_yaml
from msc_leaflet.build.build import build_leaflet
from msc_leaflet.project import Project
from pdfread import page_texts
from test_checks import CLEAN, REFERENCES, findings_for, leaflet

PROMISING_PAGE = "https://clinic.example/stem-cells-cure-arthritis"


def test_a_promise_in_the_leaflets_printed_address_is_found_where_it_is_typed(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    text = leaflet_yaml(CLEAN, extra=f"url: {PROMISING_PAGE}\n", references=REFERENCES)
    root = make_project({"sample": text})
    line = text.splitlines().index(f"url: {PROMISING_PAGE}") + 1
    column = len("url: https://clinic.example/stem-cells-") + 1
    assert findings_for(root, "CLAIM001") == [f"{line}:{column}: error: risky claim “cure”"]
    # … as the reader sees it: the address is printed in words on the page.
    built = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    printed = " ".join(" ".join(page_texts(built.path)).split())
    assert "stem-cells-cure-arthritis" in printed


def test_a_plain_address_is_no_claim(make_project: Callable[..., Path]) -> None:
    root = make_project(
        {"sample": leaflet(CLEAN).replace("blocks:", "url: https://clinic.example/msc\nblocks:")}
    )
    assert findings_for(root, "CLAIM001") == []


def test_an_address_that_denies_a_promise_is_read_as_its_words_are(
    make_project: Callable[..., Path],
) -> None:
    """A page named as its title ("No miracle cures") was an error: the hyphens of its
    address kept "no" from the words it denies, as a space does not."""
    for page in ("no-miracle-cures", "there_is_no-cure-yet", "why-we-do-not-promise-a-cure"):
        extra = f"url: https://clinic.example/{page}\n"
        root = make_project({"sample": leaflet_yaml(CLEAN, extra=extra, references=REFERENCES)})
        assert findings_for(root, "CLAIM001") == [], page


def test_a_self_published_sources_printed_address_is_read_as_its_title_is(
    make_project: Callable[..., Path],
) -> None:
    brochure = REFERENCES + (
        "  - key: brochure\n"
        "    authors: [Clinic A]\n"
        "    title: Our treatment\n"
        "    year: 2024\n"
        f"    url: {PROMISING_PAGE}\n"
    )
    blocks = CLEAN + "- paragraph: See the brochure [@brochure].\n  id: p\n"
    root = make_project({"sample": leaflet_yaml(blocks, references=brochure)})
    found = findings_for(root, "CLAIM005")
    assert [f.split(": ", 2)[2] for f in found] == [
        "the web address of 'brochure', a source with no journal, DOI or PMID, promises “cure”"
    ]
    # A published paper's address is its own: never read (its title is not either).
    published = brochure.replace("    year: 2024\n", "    year: 2024\n    journal: J Test\n")
    root = make_project({"sample": leaflet_yaml(blocks, references=published)})
    assert findings_for(root, "CLAIM005") == []


def test_a_promise_in_the_document_code_printed_on_every_page_is_found(
    make_project: Callable[..., Path],
) -> None:
    # DOC001 takes any code shaped like MSC-PI-001; the foot of every page prints it.
    text = leaflet(CLEAN).replace("code: T-001", "code: CURE-ALL-001")
    root = make_project({"sample": text})
    line = text.splitlines().index("  code: CURE-ALL-001") + 1
    assert findings_for(root, "CLAIM001") == [f"{line}:9: error: risky claim “CURE”"]
    assert findings_for(root, "DOC001") == []

"""REF001–006: citations resolve, references are cited once each and well-formed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import leaflet_yaml
from msc_leaflet.checks import CheckConfig, run_checks
from msc_leaflet.checks.references import unresolved_citation
from msc_leaflet.content.model import Paragraph, Text
from msc_leaflet.project import Project
from test_checks import CLEAN, REFERENCES, TODAY, findings_for, leaflet, translated_context


def refs(*entries: str) -> str:
    return REFERENCES + "".join(entries)


def project_with(make_project: Callable[..., Path], *entries: str, body: str = "") -> Path:
    return make_project({"sample": leaflet_yaml(CLEAN + body, references=refs(*entries))})


def run_for(root: Path, code: str) -> list[Any]:
    """The findings of one check, with their hints."""
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY), locales=["en"])
    return [f for f in found if getattr(f, "code", "") == code]


BETA = """\
  - key: beta2002
    authors: [Beta B]
    title: Another study
    journal: J Test
    year: 2002
    volume: "2"
    pages: 5-6
"""


def test_ref001_unresolved_citation_in_a_model(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    ctx = translated_context(root, {})
    broken = Paragraph(Text("See [@ghost2020].", "p", 19), "p", 19)
    ctx = dataclasses.replace(ctx, leaflet=dataclasses.replace(ctx.leaflet, blocks=(broken,)))
    assert [i.message for i in unresolved_citation(ctx)] == [
        "citation [@ghost2020] has no matching reference"
    ]
    assert list(unresolved_citation(translated_context(root, {}))) == []


def test_ref002_uncited(make_project: Callable[..., Path]) -> None:
    root = project_with(make_project, BETA)
    assert findings_for(root, "REF002") == ["28:10: warning: reference 'beta2002' is never cited"]
    cited = project_with(make_project, BETA, body="- paragraph: Also [@beta2002].\n")
    assert findings_for(cited, "REF002") == []


def test_ref003_duplicates_by_doi_pmid_and_title(make_project: Callable[..., Path]) -> None:
    dup_title = (
        BETA.replace("beta2002", "copy2001")
        .replace("Another study", "A first study of cells")
        .replace("2002", "2001")
    )
    body = "- paragraph: Also [@copy2001].\n"
    root = project_with(make_project, dup_title, body=body)
    assert findings_for(root, "REF003") == [
        "29:10: error: reference 'copy2001' duplicates 'alpha2001' (same title and year)"
    ]
    by_doi = (
        BETA + "    doi: 10.1000/A1\n",
        BETA.replace("beta2002", "other").replace("Another", "Other") + "    doi: 10.1000/a1\n",
    )
    body = "- paragraph: Also [@beta2002; @other].\n"
    assert findings_for(project_with(make_project, *by_doi, body=body), "REF003") == [
        "37:10: error: reference 'other' duplicates 'beta2002' (same DOI)"
    ]
    body = "- paragraph: Also [@beta2002].\n"
    assert findings_for(project_with(make_project, BETA, body=body), "REF003") == []


def test_ref004_doi_syntax(make_project: Callable[..., Path]) -> None:
    body = "- paragraph: Also [@beta2002].\n"
    bad = project_with(make_project, BETA + "    doi: doi:10.1000/xyz\n", body=body)
    assert findings_for(bad, "REF004") == [
        "36:10: error: 'doi:10.1000/xyz' is not a DOI (10.<4–9 digits>/<suffix>)"
    ]
    good = project_with(make_project, BETA + "    doi: 10.1080/14653240600855905\n", body=body)
    assert findings_for(good, "REF004") == []


def test_ref005_pmid_syntax(make_project: Callable[..., Path]) -> None:
    body = "- paragraph: Also [@beta2002].\n"
    bad = project_with(make_project, BETA + "    pmid: PMC123\n", body=body)
    assert findings_for(bad, "REF005") == [
        "36:11: error: 'PMC123' is not a PMID (ASCII digits only)"
    ]
    good = project_with(make_project, BETA + '    pmid: "16923606"\n', body=body)
    assert findings_for(good, "REF005") == []


def test_ref006_vancouver_fields(make_project: Callable[..., Path]) -> None:
    body = "- paragraph: Also [@beta2002].\n"
    no_pages = BETA.replace("    pages: 5-6\n", "")
    assert findings_for(project_with(make_project, no_pages, body=body), "REF006") == [
        "29:10: warning: reference 'beta2002' lacks pages and has no DOI or PMID"
    ]
    with_doi = no_pages + "    doi: 10.1000/b2\n"
    assert findings_for(project_with(make_project, with_doi, body=body), "REF006") == []


def test_ref004_a_doi_typed_with_look_alike_characters(make_project: Callable[..., Path]) -> None:
    # Copied out of a PDF a DOI keeps its soft hyphen or a typographic hyphen; typed with
    # a Chinese or Japanese input method its digits are full-width. Each looks right on
    # paper and passed, but doi.org resolves none of them.
    body = "- paragraph: Also [@beta2002].\n"
    for typed in (
        "10.1080/146532406\u00ad00855905",
        "10.1080/14653240600855905\u200b",
        "10.1016/j.jcyt\u20102006.01.001",
        "10.１０８０/14653240600855905",
        "10.1080/๑4653240600855905",
    ):
        found = findings_for(
            project_with(make_project, BETA + f"    doi: {typed}\n", body=body), "REF004"
        )
        assert len(found) == 1, typed
        assert found[0].startswith("36:10: error: ")
    # The hint gives the DOI to type.
    root = project_with(make_project, BETA + "    doi: 10.１０８０/14653240600855905\n", body=body)
    [finding] = run_for(root, "REF004")
    assert "10.1080/14653240600855905" in finding.hint
    # A DOI whose suffix is in another script is one as written (DataCite registers them).
    good = project_with(make_project, BETA + "    doi: 10.1000/研究-1\n", body=body)
    assert findings_for(good, "REF004") == []


def test_ref005_a_pmid_in_other_digits(make_project: Callable[..., Path]) -> None:
    body = "- paragraph: Also [@beta2002].\n"
    for typed in ("１６９２３６０６", "1๖923606"):
        root = project_with(make_project, BETA + f'    pmid: "{typed}"\n', body=body)
        [finding] = run_for(root, "REF005")
        assert "16923606" in finding.hint, typed


def test_ref003_the_same_title_typed_otherwise(make_project: Callable[..., Path]) -> None:
    # A soft hyphen copied from a PDF, or an accent typed as a combining mark (NFD, as
    # macOS saves a file name), is the same title to a reader.
    for title in (
        "A first stu\u00addy of cells",
        "A first study of cells",
        "A ﬁrst study of cells",
    ):
        copy = (
            BETA.replace("beta2002", "copy2001")
            .replace("Another study", title)
            .replace("2002", "2001")
        )
        root = project_with(make_project, copy, body="- paragraph: Also [@copy2001].\n")
        assert findings_for(root, "REF003") == [
            "29:10: error: reference 'copy2001' duplicates 'alpha2001' (same title and year)"
        ], title
    accented = REFERENCES.replace("A first study of cells", "Études des cellules")
    copy = BETA.replace("beta2002", "copy2001").replace(
        "Another study", "E\u0301tudes des cellules"
    )
    root = make_project(
        {
            "sample": leaflet_yaml(
                CLEAN + "- paragraph: Also [@copy2001].\n",
                references=accented + copy.replace("2002", "2001"),
            )
        }
    )
    assert len(findings_for(root, "REF003")) == 1

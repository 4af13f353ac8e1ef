"""REF001–006: citations resolve, references are cited once each and well-formed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from conftest import leaflet_yaml
from msc_leaflet.checks.references import unresolved_citation
from msc_leaflet.content.model import Paragraph, Text
from test_checks import CLEAN, REFERENCES, findings_for, leaflet, translated_context


def refs(*entries: str) -> str:
    return REFERENCES + "".join(entries)


def project_with(make_project: Callable[..., Path], *entries: str, body: str = "") -> Path:
    return make_project({"sample": leaflet_yaml(CLEAN + body, references=refs(*entries))})


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
    assert findings_for(bad, "REF005") == ["36:11: error: 'PMC123' is not a PMID (digits only)"]
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

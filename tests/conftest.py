"""Shared fixtures: small projects written for the tests, and PDF readers."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

ORGANISATION = """\
name: Test Clinic
line: "@testclinic"
whatsapp: "+66 80 000 0000"
web: https://example.org
"""

REFERENCES = """\
references:
  - key: alpha2001
    authors: [Alpha A, Beta B]
    title: A first study of cells
    journal: J Test
    year: 2001
    volume: "1"
    issue: "2"
    pages: 3-4
  - key: gamma2002
    authors: [Gamma G]
    title: A second study
    journal: J Test
    year: 2002
    doi: 10.1000/xyz123
  - key: delta2003
    authors: [Delta D, Epsilon E, Zeta Z, Eta E, Theta T, Iota I, Kappa K]
    title: A third study
    journal: J Test
    year: 2003
"""


def leaflet_yaml(
    blocks: str, leaflet_id: str = "sample", extra: str = "", references: str = REFERENCES
) -> str:
    head = textwrap.dedent(
        f"""\
        id: {leaflet_id}
        language: en
        kicker: Patient information
        title: A sample leaflet
        subtitle: For the tests
        lede: A short introduction.
        document:
          code: T-001
          version: "2.1"
          published: 2026-01-01
          next_review: 2027-01-01
        audience: Testers
        organisation: test-clinic
        numbered_sections: true
        disclaimer: This is not medical advice.
        """
    )
    return head + extra + "blocks:\n" + textwrap.indent(textwrap.dedent(blocks), "  ") + references


LONG_BLOCKS = "\n".join(
    [
        "- callout: The short answer is here [@alpha2001].\n  kind: key-answer\n  id: answer",
        "- heading: First part\n  id: first",
    ]
    + [
        f"- paragraph: Paragraph {n} says something plain about cells and tests and "
        f"reading labels with care, then cites a study [@{key}]. More words follow to make "
        "the paragraph long enough to wrap over several lines of the page in the body style."
        for n, key in zip(range(1, 31), ["alpha2001", "gamma2002", "delta2003"] * 10, strict=True)
    ]
    + [
        "- faq:\n    - q: Is this a question?\n      a: Yes, and this is its answer.",
        "- list:\n    - One item\n    - Two items\n  style: numbered\n",
    ]
)


@pytest.fixture
def i18n_project(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/i18n: the care-basics leaflet with its Thai catalog."""
    shutil.copytree(REPO / "tests" / "fixtures" / "i18n", tmp_path / "p")
    return tmp_path / "p"


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A project folder with one organisation and the given leaflet files."""

    def make(leaflets: dict[str, str] | None = None) -> Path:
        root = tmp_path / "project"
        (root / "leaflets").mkdir(parents=True, exist_ok=True)
        (root / "organisations").mkdir(exist_ok=True)
        (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
        for name, text in (leaflets or {"sample": leaflet_yaml(LONG_BLOCKS)}).items():
            (root / "leaflets" / f"{name}.yaml").write_text(text, encoding="utf-8")
        return root

    return make

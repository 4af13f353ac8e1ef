"""What a screen reader says of a phone or mail link: its annotation's /Contents.

It read the raw target, "tel:+66645055599", in every language; a phone link now says
"Call +66 (0) 64 505 5599" in the language of the text it is in ("โทร …" on a Thai
page), the number as printed, and a mail link "Email …" (`typeset/link_words.py`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from conftest import leaflet_yaml
from i18n_support import set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project
from msc_leaflet.typeset.link_words import address_label
from pdfjs_text import run_pdfjs

REPO = Path(__file__).resolve().parents[1]
PHONE = "+66 (0) 64 505 5599"  # the bundled organisation's WhatsApp, as printed


def _links(path: Path) -> list[tuple[str, str, str]]:
    """Each link annotation of a tagged PDF that leaves the document: its target, its
    /Contents, and the language its Link element is read in."""
    pdf = pikepdf.open(path)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    found = []
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            if action is None or "/URI" not in action:
                continue
            found.append(
                (
                    str(action.URI),
                    str(annotation.Contents),
                    _lang_of(parents[int(annotation.StructParent)]),
                )
            )
    return found


def _lang_of(element: Any) -> str:
    while "/Lang" not in element and "/P" in element:
        element = element.P
    return str(element.get("/Lang", ""))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("links")
    project = Project.at(REPO)
    built = {
        locale: build_leaflet(project, "infusion-safety", locale, out).path
        for locale in ("en", "th")
    }
    result = build_leaflet(project, "infusion-safety", "th", out, edition="parallel")
    built["th.parallel"] = result.path
    return built


ENGLISH = (f"Call {PHONE}", "en")
THAI = (f"โทร {PHONE}", "th")


@pytest.mark.parametrize(
    ("name", "heard"),
    # The parallel edition's two columns each print the closing box, in its language.
    [("en", {ENGLISH}), ("th", {THAI}), ("th.parallel", {THAI, ENGLISH})],
)
def test_a_phone_link_says_call_and_the_number_in_its_language(
    bundled: dict[str, Path], name: str, heard: set[tuple[str, str]]
) -> None:
    phones = [link for link in _links(bundled[name]) if link[0].startswith("tel:")]
    assert phones and all(url == "tel:+66645055599" for url, _, _ in phones)
    assert {(contents, link_lang) for _, contents, link_lang in phones} == heard
    # A web link is still described by its address.
    webs = [link for link in _links(bundled[name]) if link[0].startswith("https:")]
    assert webs and all(contents == url for url, contents, _ in webs)


def test_pdfjs_hears_the_phone_links_words(bundled: dict[str, Path]) -> None:
    """pdf.js (Firefox) gives the same words to its accessibility tree."""
    pages = run_pdfjs("links.mjs", bundled["th"])
    phones = [link for links in pages for link in links if (link["url"] or "").startswith("tel:")]
    assert phones and {link["contents"] for link in phones} == {f"โทร {PHONE}"}


BODY_LINKS = """\
- paragraph: >-
    If anything worries you after the visit, [call the nurse on 02 123 4567](tel:021234567),
    or write to [nurse@example.org](mailto:nurse@example.org?subject=After%20my%20visit)
    and the team answers within a day; the visit's paper says more at
    [the clinic's page](https://example.org/after).
"""


def test_body_links_to_a_phone_and_a_mailbox_say_what_they_do(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Links written in a text: the number as the words print it; the mailbox without
    the link's subject; in English, the project having no ui catalog."""
    root = make_project({"sample": leaflet_yaml(BODY_LINKS)})
    path = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    found = {url: (contents, lang) for url, contents, lang in _links(path)}
    assert found["tel:021234567"] == ("Call 02 123 4567", "en")
    assert found["mailto:nurse@example.org?subject=After%20my%20visit"] == (
        "Email nurse@example.org",
        "en",
    )
    assert found["https://example.org/after"][0] == "https://example.org/after"


@pytest.mark.parametrize(
    ("url", "printed", "expected"),
    [
        ("tel:+66645055599", "+66 (0) 64 505 5599", ("call-link", {"number": PHONE})),
        # A label that names no number, or a number wrapped over two lines (each
        # annotation prints half): the number dialled.
        ("tel:+66645055599", "WhatsApp us", ("call-link", {"number": "+66645055599"})),
        ("tel:+66645055599", "+66 (0) 64", ("call-link", {"number": "+66645055599"})),
        # Thai digits dial 02…; the isolates of a right-to-left line are not said.
        ("tel:021234567", "\u2066๐๒ ๑๒๓ ๔๕๖๗\u2069", ("call-link", {"number": "๐๒ ๑๒๓ ๔๕๖๗"})),
        ("MAILTO:a@b.org?subject=x", "write", ("email-link", {"address": "a@b.org"})),
        ("https://example.org", "example.org", None),
    ],
)
def test_address_label(url: str, printed: str, expected: object) -> None:
    assert address_label(url, printed) == expected


def test_without_a_translation_the_number_alone_is_said_in_its_lines_voice(
    tmp_path: Path,
) -> None:
    """A Vietnamese ui.po that leaves "Call {number}" untranslated: the link says the
    number alone, which any voice reads, and stays in the line's language, as a phone
    number is read with its label (not English words in a Vietnamese voice, nor the
    number retagged English)."""
    root = tmp_path / "languages"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", root)
    (root / "organisations" / "test-clinic.yaml").write_text(
        'name: Test Clinic\nphone: "+66 2 123 4567"\nweb: https://example.org\n', "utf-8"
    )
    set_msgstr(root / "locales" / "vi" / "LC_MESSAGES" / "ui.po", "call-link", "")
    path = build_leaflet(Project.at(root), "after-your-infusion", "vi", tmp_path / "out").path
    phones = [link for link in _links(path) if link[0].startswith("tel:")]
    assert phones == [("tel:+6621234567", "+66 2 123 4567", "vi")]

"""The desk's last gaps: a choice given twice on every page, a pack's HEAD, a leaflet
whose catalog cannot be read, and a warning said once wherever builds are reported."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from batch_support import two_leaflets
from desk_support import builds, copy_library, desk_client, snapshot
from i18n_support import set_msgstr
from msc_leaflet.cli.app import app


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_library(tmp_path_factory.mktemp("desk-gaps"))


@pytest.fixture(scope="module")
def client(project: Path) -> Iterator[TestClient]:
    with desk_client(project) as test_client:
        yield test_client


def _reasons(page: str) -> str:
    return " ".join(part.split("</p>")[0] for part in page.split('<p class="reason"')[1:])


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("/?lang=th&lang=en", "Language: more than one was given (“th” and “en”)"),
        ("/?topic=basics&topic=safety", "More than one topic was given (“basics” and “safety”)"),
        ("/?q=cells&q=MSC", "More than one search was given (“cells” and “MSC”)"),
        ("/leaflets/infusion-safety/signoff?lang=th&lang=en",
         "Language: more than one was given (“th” and “en”)"),
        ("/leaflets/infusion-safety/signoff?lang=th&page=1&page=2",
         "page is given more than once"),
    ],
)  # fmt: skip
def test_a_choice_given_twice_on_the_library_or_sign_off_page_is_refused(
    client: TestClient, project: Path, address: str, said: str
) -> None:
    """``/?lang=th&lang=en`` showed the library filtered by one of the two languages,
    and the sign-off page of one of them, without a word: a clinician could read the
    English sign-off for the Thai one. Refused now (400) as the PDF route refuses a
    choice given twice, naming the field and both values; nothing built or written."""
    before = snapshot(project)
    started = builds(client).builds_started
    page = client.get(address)
    assert page.status_code == 400, address
    assert said in _reasons(page.text), page.text
    assert 'class="card"' not in page.text and "<table" not in page.text
    assert builds(client).builds_started == started
    assert snapshot(project) == before


def test_a_choice_given_once_still_serves_the_library_and_sign_off(client: TestClient) -> None:
    assert client.get("/?lang=th&topic=basics&q=MSC").status_code == 200
    assert client.get("/leaflets/infusion-safety/signoff?lang=th&page=1").status_code == 200
    thai = client.get("/?lang=th&lang=en", headers={"cookie": "desk_ui=zh_Hans"})
    assert thai.status_code == 400 and "“th”和“en”" in thai.text


def test_a_head_for_an_up_to_date_pack_joins_nothing(
    client: TestClient, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``HEAD`` for a pack whose leaflets were up to date still set its cover and
    joined every page (a link checker kept a core busy for headers alone). Now it is
    answered from the leaflets' outputs: the ``GET``'s type, file name and caching, no
    body and no length (known only once joined), nothing run in the build pool."""
    address = "/pack.pdf?leaflet=infusion-safety&leaflet=what-msc-can-do&lang=th&with_source=1"
    got = client.get(address)
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    ran: list[object] = []
    desk_builds = builds(client)
    original = desk_builds.run

    async def counted(fn: object, *args: object) -> object:
        ran.append(fn)
        return await original(fn, *args)

    monkeypatch.setattr(desk_builds, "run", counted)
    before = snapshot(project)
    head = client.head(address)
    assert head.status_code == 200 and head.content == b""
    for name in ("content-type", "content-disposition", "cache-control"):
        assert head.headers[name] == got.headers[name], name
    assert "patient-pack.th.sequential.pdf" in head.headers["content-disposition"]
    assert head.headers.get("content-length") != "0"
    assert ran == [] and snapshot(project) == before
    # Not up to date (one of its leaflets never built in English): 404, nothing built.
    started = desk_builds.builds_started
    cold = client.head("/pack.pdf?leaflet=stromal-or-stem&lang=en")
    assert cold.status_code == 404 and ran == []
    assert desk_builds.builds_started == started


def _between(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


def test_a_leaflet_with_an_unreadable_catalog_lists_that_language_once(tmp_path: Path) -> None:
    """With a leaflet's Thai catalog half saved, its Translation list was empty, as if
    no one had begun the translation, and its Status row was gone. Now Thai is listed,
    not ready, with its sign-off link, and the catalog's file and line said in that row
    alone on the page, in whichever language the page shows; Status lists the row, not
    ready, as its checks list the error."""
    root = copy_library(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    with open(catalog, "a", encoding="utf-8") as po:
        po.write('\nmsgid "half-saved\n')
    line = catalog.read_text(encoding="utf-8").count("\n")
    where = f"locales/th/LC_MESSAGES/infusion-safety.po:{line}"
    with desk_client(root) as desk:
        for lang in ("th", "en"):
            page = desk.get(f"/leaflets/infusion-safety?lang={lang}")
            assert page.status_code == 200
            listed = _between(page.text, "<h2>Translation</h2>", "<h2>Content checks</h2>")
            assert listed.count("<li>Thai: not ready · ") == 1, listed
            assert "/leaflets/infusion-safety/signoff?lang=th" in listed
            assert "A file of the project cannot be read" in listed and where in listed
            assert page.text.count(where) == 1, lang
        # A catalog read well is listed as before, with how far it is.
        other = desk.get("/leaflets/stromal-or-stem?lang=en").text
        assert "Thai: 100% translated — ready" in other
        status = desk.get("/status").text
        rows = re.findall(r"<tr>\s*<th scope=\"row\"[^>]*>(.*?)</th>(.*?)</tr>", status, re.S)
        safety = [cells for title, cells in rows if title == "Safety of MSC infusions"]
        thai = [cells for cells in safety if '<td class="short">Thai</td>' in cells]
        assert len(thai) == 1 and "not ready" in thai[0], safety
        assert status.count(where) == 1


def test_a_repeated_warning_is_said_once_by_a_dry_run_and_in_json(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """ "A warning that repeats is printed once" held for the build's text alone: its
    ``--dry-run`` said a leaflet's missing catalog again for each edition, and
    ``--json`` left a script to count it once per output. The dry run says it once;
    both JSON documents list each warning once under ``warned``, with the outputs that
    warned of it, and an output's own list holds it once."""
    root = two_leaflets(make_project)
    args = ["build", "one", "-l", "de", "--edition", "single", "--edition", "parallel",
            "-p", str(root), "-o", str(tmp_path / "o")]  # fmt: skip
    said = "no de catalog for leaflet 'one': every text is printed untranslated"
    outputs = ["de/one.parallel.pdf", "de/one.pdf"]
    for extra in (["--dry-run"], []):
        text = CliRunner().invoke(app, [*args, *extra])
        assert text.exit_code == 0, text.output
        assert text.stderr.count(said) == 1, (extra, text.stderr)
    for extra in (["--dry-run", "--force"], ["--force"]):
        document = json.loads(CliRunner().invoke(app, [*args, *extra, "--json"]).stdout)
        [warned] = [w for w in document["warned"] if said in w["message"]]
        assert sorted(warned["outputs"]) == outputs, (extra, warned)
        assert warned["severity"] == "warning" and "file" in warned
        for output in document["outputs"]:
            assert sum(said in w["message"] for w in output["warnings"]) == 1, output


def test_a_build_warning_the_leaflet_page_gives_is_said_once(tmp_path: Path) -> None:
    """A Thai proof built with "References" untranslated in ``ui.po``: the leaflet page
    said the warning under Translation and again in the build's warnings. Said once
    now, among the build's warnings (announced), with its file and line; a page not
    built (the leaflet not ready, no proof) still says it under Translation."""
    root = copy_library(tmp_path)
    line = set_msgstr(root / "locales" / "th" / "LC_MESSAGES" / "ui.po", "references", "")
    said = "untranslated th page words, printed in English: references"
    with desk_client(root) as desk:
        page = desk.get("/leaflets/infusion-safety?lang=th&proof=1")
        assert page.status_code == 200 and "pages/1.png" in page.text
        assert page.text.count(said) == 1, page.text
        warned = _between(page.text, '<div class="build-warnings" role="status">', "</div>")
        assert said in warned and f"locales/th/LC_MESSAGES/ui.po: warning: 1 {said}" in warned
        assert f"(line {line})" in warned
        unbuilt = desk.get("/leaflets/infusion-safety?lang=th")
        assert unbuilt.text.count(said) == 1 and "build-warnings" not in unbuilt.text
        listed = _between(unbuilt.text, "<h2>Translation</h2>", "<h2>Content checks</h2>")
        assert said in listed and "locales/th/LC_MESSAGES/ui.po" in listed


def _pack_error(page: str) -> str:
    return _between(page, '<p class="reason" role="alert" id="pack-error">', "</p>")


@pytest.mark.parametrize(
    ("address", "ui", "said"),
    [
        ("/pack?lang=th&lang=en&leaflet=infusion-safety", "en",
         "Language: more than one was given (“th” and “en”). Choose one."),
        ("/pack?lang=th&lang=en&leaflet=infusion-safety", "zh_Hans", "“th”和“en”"),
        ("/pack.pdf?lang=th&lang=en&leaflet=infusion-safety", "th", "“th”และ“en”"),
    ],
)  # fmt: skip
def test_a_pack_form_with_its_language_twice_is_refused_at_the_language(
    client: TestClient, project: Path, address: str, ui: str, said: str
) -> None:
    """The pack form opened from ``/pack?lang=th&lang=en`` ticked one of the two
    languages without a word, and a nurse made the pack in it. Refused (400) at the
    language group as the PDF route refuses it, both values named in the reader's
    language, neither picked for them, the ticked leaflet kept, nothing built."""
    before, started = snapshot(project), builds(client).builds_started
    page = client.get(address, headers={"cookie": f"desk_ui={ui}"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert said in _pack_error(page.text), page.text
    assert '<fieldset id="pack-language" aria-describedby="pack-error">' in page.text
    assert 'value="infusion-safety" checked' in page.text
    assert 'name="lang" value="th" checked' not in page.text or ui == "th"
    assert builds(client).builds_started == started and snapshot(project) == before


@pytest.mark.parametrize(
    "address",
    [
        "/pack?with_source=1&with_source=0",
        "/pack?missing=1&missing=1",
        "/pack.pdf?leaflet=infusion-safety&lang=th&with_source=1&with_source=0",
        "/pack.pdf?leaflet=infusion-safety&lang=th&warned=1&warned=0",
    ],
)
def test_a_pack_option_given_twice_is_refused(
    client: TestClient, project: Path, address: str
) -> None:
    """``with_source=1&with_source=0`` made a pack with or without the originals as
    Starlette happened to read it (the last). Refused (400), the field named after
    the desk's sentence; no pack made, nothing built."""
    before, started = snapshot(project), builds(client).builds_started
    page = client.get(address)
    assert page.status_code == 400 and "%PDF" not in page.text
    field = address.rsplit("&", 1)[1].split("=")[0]
    assert f"{field} is given more than once" in page.text
    assert builds(client).builds_started == started and snapshot(project) == before


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("/interface?lang=th&lang=en&next=/", "Language: more than one was given (“th” and “en”)"),
        ("/interface?lang=th&next=/&next=/status", "next is given more than once"),
    ],
)  # fmt: skip
def test_the_language_switch_refuses_a_field_given_twice(
    client: TestClient, address: str, said: str
) -> None:
    """``/interface?lang=th&lang=en`` switched the desk to one of the two languages
    (the last) without a word. Refused (400) in the reader's language, the desk's
    language left as it was (no cookie set), and so a page to go back to given twice."""
    answer = client.get(address, follow_redirects=False)
    assert answer.status_code == 400 and "set-cookie" not in answer.headers
    assert said in answer.text, answer.text
    once = client.get("/interface?lang=th&next=/status", follow_redirects=False)
    assert once.status_code == 303 and once.headers["location"] == "/status"
    assert "desk_ui=th" in once.headers["set-cookie"]
    client.cookies.clear()  # the module's other tests read the desk in English


DESK_LANGUAGES = ["th", "vi", "my", "km", "lo", "ja", "zh_Hans", "zh_Hant", "ar", "hi"]


@pytest.mark.parametrize("ui", DESK_LANGUAGES)
def test_a_search_or_topic_given_twice_is_said_as_such_in_every_language(
    client: TestClient, ui: str
) -> None:
    """``q=cells&q=MSC`` was refused with the sentence of a print choice: "Search
    titles: “cells, MSC” is not offered. Choose on the leaflet's page", on the
    library, where a search is typed, not offered. A search or a topic given twice
    has a sentence of its own, in the reader's language (translated, not the English
    source), the values as typed, listed as the reader's language lists them."""
    from msc_leaflet.desk.choices import each_quoted
    from msc_leaflet.desk.interface import Word, interface

    words = interface(client.app.state.desk.project, ui)  # type: ignore[attr-defined]
    for field, key, values in (("q", "desk.search-twice", ["cells", "MSC"]),
                               ("topic", "desk.topic-twice", ["basics", "safety"])):  # fmt: skip
        assert words.untranslated([key]) == [], (ui, key)
        page = client.get(f"/?{field}={values[0]}&{field}={values[1]}",
                          headers={"cookie": f"desk_ui={ui}"})  # fmt: skip
        assert page.status_code == 400
        reason = _reasons(page.text)
        assert each_quoted(values, ui) in reason, (ui, reason)
        assert "Choose on the leaflet" not in reason and "is not offered" not in reason
    # Any other choice given twice is said as given twice too, with the field's name.
    page = client.get("/?lang=th&lang=en", headers={"cookie": f"desk_ui={ui}"})
    both = each_quoted(["th", "en"], ui)
    said = words("desk.given-twice", field=Word("desk.language"), value=both)
    assert said.split("(")[0].split("（")[0] in _reasons(page.text), (ui, said)


@pytest.mark.parametrize("ui", ["en", *DESK_LANGUAGES])
def test_a_print_choice_given_twice_is_said_at_its_field_as_given_twice(
    client: TestClient, ui: str
) -> None:
    """``lang=th&lang=en`` on a leaflet's page was said at the language as "“th, en” is
    not offered here", as if Thai were not offered. Said now, in the reader's language,
    as more than one given; a value truly not offered (``paper=letter``) keeps its
    sentence."""
    from msc_leaflet.desk.choices import each_quoted
    from msc_leaflet.desk.interface import interface

    words = interface(client.app.state.desk.project, ui)  # type: ignore[attr-defined]
    page = client.get("/leaflets/infusion-safety?lang=th&lang=en&paper=letter",
                      headers={"cookie": f"desk_ui={ui}"})  # fmt: skip
    assert page.status_code == 400
    at_lang = _between(page.text, 'id="lang-problem" role="alert">', "</p>")
    at_paper = _between(page.text, 'id="choice-paper-problem" role="alert">', "</p>")
    assert at_lang == words("desk.given-twice-here", value=each_quoted(["th", "en"], ui)), ui
    assert at_paper == words("desk.not-offered", value="letter"), ui
    assert at_lang != at_paper.replace("letter", each_quoted(["th", "en"], ui))

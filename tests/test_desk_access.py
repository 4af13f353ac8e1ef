"""The desk as a screen-reader or keyboard user meets it (WCAG 2.2 AA), read from its
HTML and CSS with the standard library alone: contrast, languages, labels and errors,
links to PDFs, and a form that keeps what was chosen when it is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from desk_support import LOCAL, copy_library, desk_client
from msc_leaflet.desk.app import HERE, create_app

CSS = re.sub(
    r"/\*.*?\*/", "", (HERE / "static" / "desk.css").read_text(encoding="utf-8"), flags=re.S
)
# The header and buttons: their text sits on their own background (checked below),
# and a ring drawn around them sits on what is behind them.
CONTROL_RULES = {".top", "button, .button", "button:hover, .button:hover"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with desk_client(copy_library(tmp_path_factory.mktemp("access"))) as test_client:
        yield test_client


def _rules() -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", CSS):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body)
        )
        rules.append((" ".join(selector.split()), declarations))
    return rules


def _colour(value: str, variables: dict[str, str]) -> str | None:
    """A colour as #rrggbb, through var(--name); None for anything else."""
    if match := re.fullmatch(r"var\((--[\w-]+)\)", value):
        value = variables.get(match.group(1), "")
    value = {"#fff": "#ffffff", "#000": "#000000"}.get(value, value)
    return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def _contrast(one: str, two: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_and_focus_rings_contrast_with_what_they_sit_on() -> None:
    """The focus ring (#b35c00) was 4.3:1 on the grey of the library's search box and
    4.0:1 on the red-tinted error box: a keyboard user lost track of the search field,
    the language list and the Show button. Every text colour and every focus ring is
    now at least 4.5:1 on every background the stylesheet paints under it."""
    rules = _rules()
    variables = next(d for s, d in rules if s == ":root")
    variables = {k: v for k, v in variables.items() if k.startswith("--")}
    grounds = {
        colour
        for selector, d in rules
        if selector not in CONTROL_RULES
        for name in ("background", "background-color")
        if name in d and (colour := _colour(d[name], variables))
    }
    texts = {
        colour
        for selector, d in rules
        if selector not in CONTROL_RULES and not selector.startswith(".top") and "color" in d
        if (colour := _colour(d["color"], variables))
    }
    rings = {
        colour
        for selector, d in rules
        if ":focus" in selector and not selector.startswith(".top")
        for name in ("outline", "outline-color")
        if name in d
        for word in d[name].split()
        if (colour := _colour(word, variables))
    }
    assert rings and grounds and texts
    low = [
        f"{fg} on {bg}: {_contrast(fg, bg):.2f}"
        for fg in sorted(texts | rings)
        for bg in sorted(grounds)
        if _contrast(fg, bg) < 4.5
    ]
    assert low == []
    # On the coloured header, text and its ring are white; so is a button's text.
    by_selector = dict(rules)
    top, button = by_selector[".top"], by_selector["button, .button"]
    top_ring = by_selector[".top a:focus-visible"]["outline-color"]
    for text, ground in ((top["color"], top["background"]), (top_ring, top["background"]),
                         (button["color"], button["background"])):  # fmt: skip
        one, two = _colour(text, variables), _colour(ground, variables)
        assert one and two and _contrast(one, two) >= 4.5


class Page(HTMLParser):
    """A page as its elements: tag, attributes and the text inside each."""

    VOID = frozenset(("meta", "link", "img", "input", "br", "hr", "source", "area", "base", "wbr"))

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in self.VOID:
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs, _ in self.elements
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]

    def text(self, **wanted: str) -> str:
        for _, attrs, text in self.elements:
            if all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items()):
                return " ".join("".join(text).split())
        raise AssertionError(f"no element with {wanted}")

    def title(self) -> str:
        return next(" ".join("".join(t).split()) for n, _, t in self.elements if n == "title")


def _ticked(page: Page, name: str) -> list[str]:
    return [a["value"] for a in page.find("input", name=name) if "checked" in a]


def _tied_error(page: Page, group: str) -> str:
    """The text of the error a fieldset (named by its legend's control) points to."""
    fieldsets = [a for a in page.find("fieldset") if a.get("id") == group]
    assert len(fieldsets) == 1, f"no fieldset {group}"
    described = fieldsets[0].get("aria-describedby", "")
    assert described, f"the {group} group is not tied to its error"
    error = page.find("p", id=described)
    assert error and error[0].get("role") == "alert"
    return page.text(id=described)


def test_a_refused_pack_keeps_what_was_chosen_and_ties_the_error_to_it(
    client: TestClient,
) -> None:
    """A receptionist ticks three leaflets, picks Vietnamese and "add the English
    version", and one leaflet is not ready in Vietnamese: the desk answered with a bare
    error page, and back on the pack page every tick, the language and the English
    option were gone. With no leaflet ticked, the language and option were lost too.
    Now the pack form comes back as it was sent, the error above it, announced, tied to
    the group to correct, and the page's title says something is wrong."""
    client.cookies.clear()
    ids = ["choosing-a-clinic", "infusion-safety", "what-research-says"]
    sent = {"leaflet": ids, "lang": "vi", "with_source": "1"}
    refused = client.get("/pack.pdf", params=sent, headers={"accept-language": "th"})
    assert refused.status_code == 400
    page = Page(refused.text)
    assert _ticked(page, "leaflet") == ids
    assert _ticked(page, "lang") == ["vi"] and _ticked(page, "with_source") == ["1"]
    assert "Choosing a clinic" in _tied_error(page, "pack-leaflets")
    assert page.title().startswith("มีบางอย่างไม่ถูกต้อง")  # "Something is not right"
    assert page.find("form", action="/pack.pdf")

    none_ticked = client.get("/pack.pdf", params={"lang": "vi", "with_source": "1"})
    page = Page(none_ticked.text)
    assert _ticked(page, "leaflet") == []
    assert _ticked(page, "lang") == ["vi"] and _ticked(page, "with_source") == ["1"]
    assert _tied_error(page, "pack-leaflets") == "Choose at least one leaflet."
    # Without an error, the groups point to none.
    fresh = Page(client.get("/pack").text)
    assert all("aria-describedby" not in a for a in fresh.find("fieldset"))
    assert not fresh.find("p", role="alert")


def test_a_pack_naming_a_leaflet_or_language_since_removed_keeps_the_rest_of_the_form(
    client: TestClient,
) -> None:
    """A receptionist opens the pack page, ticks three leaflets and Thai; meanwhile an
    editor renames one leaflet (or a language folder is removed). Sent, the pack
    answered with a bare error page: every tick, the language and the English option
    were gone. Now the form comes back as it was sent, the leaflets still here ticked,
    the error (in the reader's language, naming what is gone) tied to its group."""
    client.cookies.clear()
    here = ["choosing-a-clinic", "what-research-says"]
    sent = {"leaflet": [here[0], "renamed-meanwhile", here[1]], "lang": "th", "with_source": "1"}
    answer = client.get("/pack.pdf", params=sent, headers={"accept-language": "th"})
    assert answer.status_code == 404
    page = Page(answer.text)
    assert page.find("form", action="/pack.pdf")
    assert _ticked(page, "leaflet") == here
    assert _ticked(page, "lang") == ["th"] and _ticked(page, "with_source") == ["1"]
    error = _tied_error(page, "pack-leaflets")
    assert "renamed-meanwhile" in error and "ไม่มีเอกสาร" in error  # "there is no leaflet"

    gone = {"leaflet": here, "lang": "de", "with_source": "1"}
    answer = client.get("/pack.pdf", params=gone, headers={"accept-language": "th"})
    assert answer.status_code == 404
    page = Page(answer.text)
    assert _ticked(page, "leaflet") == here and _ticked(page, "with_source") == ["1"]
    assert "de" in _tied_error(page, "pack-language")


UI_LANGUAGES = ("en", "th", "my", "km", "lo", "vi", "zh_Hans", "zh_Hant", "ja", "ar")
# Words of English prose (a check's message, a refusal), not of Vietnamese or a code.
ENGLISH = re.compile(
    r"\b(the|of|is|was|are|to|no|not|in|on|at|a|it|for|and|or|than|be|with|from)\b"
)


class Runs(HTMLParser):
    """Every piece of text with the language and direction it is in (``lang``/``dir``
    inherited from the nearest ancestor that sets them)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, str, str]] = []
        self._stack: list[tuple[str, str, str]] = [("", "", "")]
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        _, lang, direction = self._stack[-1]
        inner = (tag, found.get("lang") or lang, found.get("dir") or direction)
        if tag not in Page.VOID:
            self._stack.append(inner)

    def handle_endtag(self, tag: str) -> None:
        if tag not in Page.VOID and len(self._stack) > 1:
            while len(self._stack) > 1 and self._stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        tag, lang, direction = self._stack[-1]
        if data.strip() and tag not in ("style", "script", "title"):
            self.runs.append((lang, direction, " ".join(data.split())))


def _english_untagged(html: str) -> list[str]:
    return [
        text
        for lang, direction, text in Runs(html).runs
        if lang != "en" and len(ENGLISH.findall(text.lower())) >= 2 and text.isascii()
    ]


def test_english_words_on_a_page_in_another_language_are_tagged_english(
    client: TestClient,
) -> None:
    """The checks and the desk's refusals speak English. On a Thai page a screen reader
    read "next review was due on 2027-11-01" with a Thai voice, and on an Arabic page
    "33% of sentences look passive" was laid out right to left. The severity badge
    ("warning") was an English word in every language. Now every English message is
    tagged lang="en" dir="ltr" (isolated from the page's direction), and the badge is
    in the page's language."""
    client.cookies.clear()
    pages = ["/", "/leaflets/infusion-safety?lang=th", "/leaflets/choosing-a-clinic?lang=vi",
             "/pack", "/status", "/leaflets/no-such-leaflet", "/?topic=nope"]  # fmt: skip
    for ui in UI_LANGUAGES:
        for path in pages:
            answer = client.get(path, headers={"accept-language": ui.replace("_", "-")})
            assert answer.status_code in (200, 404), (ui, path)
            assert _english_untagged(answer.text) == [], (ui, path)
            if ui != "en":
                english_runs = [(d, t) for lang, d, t in Runs(answer.text).runs if lang == "en"]
                assert all(d == "ltr" for d, _ in english_runs), (ui, path)
                badges = Page(answer.text).find("span", class_="severity")
                assert all(b.get("lang") is None for b in badges)
                assert not re.search(r'class="severity">(error|warning|info)<', answer.text)
    thai = client.get("/status", headers={"accept-language": "th"}).text
    assert 'class="severity">คำเตือน<' in thai  # "warning"


def _links(html: str) -> list[tuple[dict[str, str], str]]:
    page = Page(html)
    return [
        (attrs, " ".join("".join(text).split()))
        for tag, attrs, text in page.elements
        if tag == "a" and "/pdf" in attrs.get("href", "")
    ]


@pytest.mark.parametrize("ui", ["en", "th", "ar"])
def test_a_link_to_a_pdf_says_it_is_a_pdf_and_in_which_language(
    client: TestClient, ui: str
) -> None:
    """ "Open PDF" did not say in which language the PDF is (the leaflet page can be in
    English while the PDF is Thai), and the Status page's proof links ("Proof") did not
    say they open a PDF. A screen reader's list of links gave no way to tell them apart
    from pages. Each link to a PDF now says PDF and the language, and carries
    type="application/pdf" and hreflang."""
    from msc_leaflet.desk.interface import language_label

    client.cookies.clear()
    headers = {"accept-language": ui}
    leaflet = client.get("/leaflets/infusion-safety?lang=th", headers=headers).text
    status = client.get("/status", headers=headers).text
    links = _links(leaflet) + _links(status)
    assert len(links) > 10
    for attrs, name in links:
        code = re.search(r"[?&]lang=([\w-]+)", attrs["href"].replace("&amp;", "&"))
        assert code, attrs
        assert attrs.get("type") == "application/pdf", attrs
        assert attrs.get("hreflang") == code.group(1).replace("_", "-"), attrs
        assert "PDF" in name and language_label(code.group(1), ui) in name, (name, attrs)


def test_a_leaflet_not_ready_in_the_chosen_language_says_so_at_the_language_choice(
    client: TestClient,
) -> None:
    """Choosing Vietnamese for a leaflet not translated into it, a screen-reader user
    heard nothing: the page came back without an Open PDF link, and far below, under
    "Pages", a bare "not ready" (not which language, not tied to the choice, not
    announced). An edition that does not exist was the same, tied to nothing. Now the
    message names the language, is announced, and the choice it is about points to it."""
    from msc_leaflet.desk.interface import language_label

    client.cookies.clear()
    thai = {"accept-language": "th"}
    page = Page(client.get("/leaflets/choosing-a-clinic?lang=vi", headers=thai).text)
    select = page.find("select", id="lang")[0]
    message = page.find("p", id=select.get("aria-describedby", "-"))
    assert message and message[0].get("role") == "alert"
    assert language_label("vi", "th") in page.text(id=select["aria-describedby"])

    english = client.get("/leaflets/choosing-a-clinic?lang=en&edition=parallel").text
    assert "does not exist" in _tied_error(Page(english), "choice-edition")

    ready = Page(client.get("/leaflets/choosing-a-clinic?lang=th").text)
    assert not [e for e in ready.elements if "aria-describedby" in e[1]]
    assert not ready.find("p", role="alert")


def test_a_language_whose_desk_words_are_partly_translated_is_not_offered(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A clinic adds Indonesian: `msc-leaflet i18n update` makes locales/id/…/ui.po and
    its translator starts with the leaflets' page words. The desk offered "Indonesia"
    at once and showed every word not yet translated in English, on a page tagged
    lang="id": a screen reader read the English words with an Indonesian voice. A
    language is now offered once its catalog translates every word of the desk; until
    then the desk speaks English, tagged as English."""
    import shutil

    from msc_leaflet.i18n.desk_labels import DESK_MESSAGES

    root = copy_library(tmp_path_factory.mktemp("partial"))
    catalog = root / "locales" / "id" / "LC_MESSAGES" / "ui.po"
    catalog.parent.mkdir(parents=True)
    shutil.copy(root / "locales" / "th" / "LC_MESSAGES" / "ui.po", catalog)
    text = catalog.read_text(encoding="utf-8")
    blank = 'msgctxt "desk.pack-intro"\nmsgid "'
    start = text.index('msgstr "', text.index(blank))
    catalog.write_text(text[:start] + 'msgstr ""\n' + text[text.index("\n\n", start) :], "utf-8")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/pack", headers={"accept-language": "id"}).text
        assert '<html lang="en" dir="ltr">' in page
        assert DESK_MESSAGES["desk.pack-intro"] in page and 'hreflang="id"' not in page
        assert desk.get("/interface?lang=id", follow_redirects=False).status_code == 404
        catalog.write_text(text, "utf-8")  # every desk word translated: offered
        assert '<html lang="id" dir="ltr">' in desk.get("/", headers={"accept-language": "id"}).text


def test_a_page_picture_is_described_in_the_interface_language_alone(
    client: TestClient,
) -> None:
    """A Thai leaflet's page pictures on an English page were described as "Page 1 of
    ความปลอดภัยของ MSC…": an alt text cannot mark a part of it as Thai, so a screen
    reader read the Thai title with an English voice (or skipped it), once per page.
    The pictures are now "Page 1", "Page 2"… in the interface's language, under the
    heading that gives the title in its own language."""
    client.cookies.clear()
    thai_letters = re.compile("[\u0e00-\u0e7f]")
    for ui in UI_LANGUAGES:
        page = client.get(
            "/leaflets/infusion-safety?lang=th", headers={"accept-language": ui.replace("_", "-")}
        )
        alts = [a["alt"] for a in Page(page.text).find("img") if "/pages/" in a.get("src", "")]
        assert len(alts) >= 3, ui
        if ui != "th":
            assert not [alt for alt in alts if thai_letters.search(alt)], ui
    english = client.get("/leaflets/infusion-safety?lang=th", headers={"accept-language": "en"})
    assert 'alt="Page 2"' in english.text


def test_a_topic_that_no_leaflet_has_now_keeps_the_search_and_says_so_at_the_topic(
    client: TestClient,
) -> None:
    """A bookmarked "/?topic=infusions", or a filter sent from a page opened before an
    editor renamed the keyword, answered with a bare error page: the search typed and
    the language chosen were lost, and nothing pointed at the topic list. Now the
    library comes back (404) with the search and language kept, every topic shown, and
    a message, announced and tied to the topic list, in the interface's language."""
    client.cookies.clear()
    sent = {"q": "MSC", "lang": "th", "topic": "no-longer-a-topic"}
    answer = client.get("/", params=sent, headers={"accept-language": "th"})
    assert answer.status_code == 404
    page = Page(answer.text)
    assert page.find("input", id="q")[0]["value"] == "MSC"
    assert [o["value"] for o in page.find("option") if "selected" in o] == ["th"]  # any topic
    select = page.find("select", id="topic")[0]
    message = page.find("p", id=select.get("aria-describedby", "-"))
    assert message and message[0].get("role") == "alert"
    assert "หัวข้อ" in page.text(id=select["aria-describedby"])  # "topic", in Thai
    assert "no-longer-a-topic" not in page.text(id=select["aria-describedby"])
    assert 'class="card"' in answer.text  # the leaflets matching the rest are shown
    fine = Page(client.get("/", params={"topic": "safety"}).text)
    assert "aria-describedby" not in fine.find("select", id="topic")[0]


def test_a_library_link_naming_a_language_since_removed_keeps_the_search(
    client: TestClient,
) -> None:
    """A bookmarked "/?lang=km&q=MSC", kept after the clinic removed its Khmer folder (or
    a language code from another project), answered with a bare error page: the search
    and topic were lost, nothing pointed at the language list. As for a topic gone, the
    library now comes back (404) with the search and topic kept, every language's
    leaflets shown, and the language named at the language choice, announced."""
    client.cookies.clear()
    sent = {"q": "MSC", "lang": "de", "topic": "safety"}
    answer = client.get("/", params=sent, headers={"accept-language": "th"})
    assert answer.status_code == 404
    page = Page(answer.text)
    assert page.find("input", id="q")[0]["value"] == "MSC"
    assert [o["value"] for o in page.find("option") if "selected" in o] == ["safety"]
    select = page.find("select", id="lang")[0]
    message = page.find("p", id=select.get("aria-describedby", "-"))
    assert message and message[0].get("role") == "alert"
    assert "de" in page.text(id=select["aria-describedby"])
    assert "ไม่มี" in page.text(id=select["aria-describedby"])  # "not offered", in Thai
    assert 'class="card"' in answer.text  # the leaflets matching the rest are shown


def test_the_language_switch_works_on_a_page_with_a_long_search(client: TestClient) -> None:
    """The search box takes 200 characters; in Thai their address is about 1,800 bytes,
    which the desk serves. Each language switch link carries that address once more,
    percent-encoded again (about 5,400 bytes): following it answered "request too long"
    in bare English text. A switch link is now always one the desk answers: past what
    fits, it leads back to the same page without its query."""
    client.cookies.clear()
    search = ("ความปลอดภัย" * 19)[:200]
    page = client.get("/", params={"q": search}, headers={"accept-language": "th"})
    assert page.status_code == 200
    links = [a["href"] for a in Page(page.text).find("a") if a["href"].startswith("/interface")]
    assert links
    for link in links:
        answer = client.get(link, follow_redirects=False)
        assert answer.status_code == 303, link
        assert answer.headers["location"].startswith("/")
    client.cookies.clear()


def test_status_names_each_project_problem_once_and_says_it_is_an_error(
    tmp_path: Path,
) -> None:
    """A leaflet that does not load and a locale folder not named after a language: the
    Status page listed them above the check results in a red-bordered list with no
    word saying "error" (colour alone, WCAG 1.4.1), the leaflet once more among the
    check results, and the count above ("1 error(s)") left the folder out. Each is now
    listed once, with the severity word, and counted."""
    root = copy_library(tmp_path)
    (root / "leaflets" / "half-saved.yaml").write_text("id: half-saved\ntitle: [oops\n")
    (root / "locales" / "tlh" / "LC_MESSAGES").mkdir(parents=True)
    (root / "locales" / "tlh" / "LC_MESSAGES" / "ui.po").write_text('msgid ""\nmsgstr ""\n')
    with desk_client(root) as desk:
        html = desk.get("/status").text
    items = re.findall(r'<li class="error".*?</li>', html, re.S)
    assert sum("half-saved.yaml" in item for item in items) == 1, items
    assert sum("locales/tlh" in item for item in items) == 1, items
    assert all('<span class="severity">Error</span>' in item for item in items), items
    assert f"{len(items)} error(s)" in html


@pytest.mark.parametrize(("ui", "names"), [("en", ("English", "Thai")), ("th", ("อังกฤษ", "ไทย"))])
def test_a_cards_languages_are_read_as_separate_words(
    client: TestClient, ui: str, names: tuple[str, str]
) -> None:
    """Each library card's "Printable in" badges were spans side by side with nothing
    between them: a screen reader, reader mode or a copy read "EnglishThai" as one word
    (in Thai "อังกฤษไทย"). The names are now apart in the text, the badges as they were."""
    client.cookies.clear()
    html = client.get("/", headers={"accept-language": ui}).text
    paragraphs = re.findall(r"<p>[^<]*<span class=\"tag\">.*?</p>", html, re.S)
    assert paragraphs
    for paragraph in paragraphs:
        text = re.sub(r"<[^>]+>", "", paragraph)
        assert names[0] + names[1] not in text
        assert re.search(re.escape(names[0]) + r"[\s,、]+" + re.escape(names[1]), text), text


def test_a_page_that_names_a_choice_not_offered_says_so_in_its_title(
    client: TestClient,
) -> None:
    """A screen reader reads a page's title first. A refused pack's title began
    "Something is not right", but a library link with a topic or language gone (404)
    and a leaflet link with a paper not offered (400) were titled as if all was well:
    the error further down was the first sign. Their titles now say it too."""
    client.cookies.clear()
    for path, params in (("/", {"topic": "gone"}), ("/", {"lang": "de"}),
                         ("/leaflets/infusion-safety", {"paper": "letter"})):  # fmt: skip
        answer = client.get(path, params=params, headers={"accept-language": "th"})
        assert 400 <= answer.status_code < 500, (path, params)
        assert Page(answer.text).title().startswith("มีบางอย่างไม่ถูกต้อง"), (path, params)
    for path in ("/", "/leaflets/infusion-safety"):
        fine = client.get(path, headers={"accept-language": "th"})
        assert not Page(fine.text).title().startswith("มีบางอย่างไม่ถูกต้อง")


def test_an_address_with_no_page_is_a_desk_page_in_the_readers_language(
    client: TestClient,
) -> None:
    """A mistyped or outdated address (/leaflet/…, an old bookmark) answered with the
    bare text "Not Found": English whatever the reader's language, no language tagged,
    no heading, no menu, no way back but the browser's. It is now a page of the desk
    (404) in the reader's language, with its heading, menu and a link to the library."""
    client.cookies.clear()
    for path in ("/nope", "/leaflet/infusion-safety", "/leaflets/infusion-safety/pages/x.png"):
        answer = client.get(path, headers={"accept-language": "th"})
        assert answer.status_code == 404, path
        assert answer.headers["content-type"].startswith("text/html"), path
        page = Page(answer.text)
        assert page.find("html", lang="th") and page.find("h1") and page.find("a", href="/")
        assert "Not Found" not in answer.text
        assert "ไม่มีหน้านี้" in answer.text  # "there is no such page"


def _reasons(page: Page) -> list[dict[str, str]]:
    return [a for a in page.find("p") if a.get("class") == "reason"]


@pytest.mark.parametrize("ui", ["th", "ar"])
def test_the_desks_own_refusals_are_in_the_readers_language(client: TestClient, ui: str) -> None:
    """A Thai receptionist asking for a pack with a leaflet not ready in Vietnamese, or
    for more leaflets than a pack holds, or following an old link (a leaflet renamed,
    a paper the desk does not offer, a page past the last) read the desk's answer in
    English, on a page otherwise Thai: the sentences the desk itself composes were
    never translated. They are now in the reader's language, with nothing tagged
    English; a message that comes from the command line's checks (an id no leaflet
    could have) stays English, tagged so, after a sentence in the reader's language."""
    client.cookies.clear()
    headers = {"accept-language": ui}
    too_many: dict[str, str | list[str]] = {
        "leaflet": [f"leaflet-{n}" for n in range(25)],
        "lang": "th",
    }
    refused: list[tuple[str, dict[str, str | list[str]], int]] = [
        ("/pack.pdf", {"leaflet": ["choosing-a-clinic"], "lang": "vi"}, 400),
        ("/pack.pdf", too_many, 400),
        ("/leaflets/choosing-a-clinic/pdf", {"lang": "vi"}, 400),
        ("/leaflets/no-such-leaflet/pdf", {}, 404),
        ("/leaflets/infusion-safety/pdf", {"paper": "letter"}, 400),
        ("/leaflets/infusion-safety/pdf", {"lang": "fr"}, 400),
        ("/leaflets/infusion-safety/pdf", {"lang": "en", "edition": "parallel"}, 404),
        ("/leaflets/infusion-safety/pages/999.png", {"lang": "en"}, 404),
        ("/interface", {"lang": "xx"}, 404),
    ]
    for path, params, status in refused:
        answer = client.get(path, params=params, headers=headers)
        assert answer.status_code == status, (path, params)
        page = Page(answer.text)
        reasons = _reasons(page)
        assert reasons, (path, params)
        assert all("lang" not in reason for reason in reasons), (path, params)
        assert _english_untagged(answer.text) == [], (path, params)
        for _, attrs, text in page.elements:
            if attrs.get("class") == "reason":  # not English, tagged or not
                assert len(ENGLISH.findall("".join(text).lower())) < 2, (path, params, text)
    # A leaflet id no leaflet could have: the command line's own words, introduced.
    answer = client.get("/leaflets/Not_An_Id!/pdf", headers=headers)
    assert answer.status_code == 400
    reasons = _reasons(Page(answer.text))
    assert "lang" not in reasons[0] and reasons[-1].get("lang") == "en"


@pytest.mark.parametrize("ui", ["th", "ar"])
def test_status_names_each_leaflet_by_its_title_in_its_language(
    client: TestClient, ui: str
) -> None:
    """The Status table headed each row with the leaflet's file name
    ("infusion-safety"), read with a Thai or Arabic voice and, on an Arabic page,
    laid out right to left with the language after it; the proof links said the same.
    Each row is now headed by the leaflet's title in the reader's language (its source
    title where there is no translation), tagged with the language it is written in.
    The link's words are joined as the reader's language joins a list (a space in
    Thai, ، in Arabic: `list-separators`), no longer with a Latin comma."""
    from msc_leaflet.languages import profile

    client.cookies.clear()
    html = client.get("/status", headers={"accept-language": ui}).text
    page = Page(html)
    rows = [a for a in page.find("th", scope="row") if a.get("lang")]
    # Every leaflet × the languages it is written and translated in (English, Thai):
    # one with only ui.po has no row, as in `i18n stats`.
    assert len(rows) == 5 * 2
    assert '<th scope="row">infusion-safety</th>' not in html
    assert all(row.get("dir") in ("ltr", "rtl") for row in rows)
    # The proof links: "Proof (PDF), <title>, <language>", the title tagged too.
    separator = profile(ui).list_separator
    assert html.count(f'<span class="visually-hidden">{separator}<span lang="') == len(rows)
    assert '<span class="visually-hidden">, <span lang="' not in html
    assert ", infusion-safety," not in html

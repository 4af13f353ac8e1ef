"""The desk against clients that do not behave like one browser with one cookie: a
language cookie sent twice, and requests a hostile client writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from desk_support import builds, copy_library, desk_client


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_library(tmp_path_factory.mktemp("desk-hostile"))


@pytest.fixture(scope="module")
def client(project: Path) -> Iterator[TestClient]:
    with desk_client(project) as test_client:
        yield test_client


def _page_language(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found, html[:200]
    return found.group(1)


@pytest.mark.parametrize(
    ("cookies", "shown"),
    [
        (["desk_ui=th; desk_ui=en"], "th"),
        (["desk_ui=en; desk_ui=th"], "en"),
        (["desk_ui=th", "desk_ui=en"], "th"),  # one header per cookie (HTTP/2, a proxy)
        (["other=1", "desk_ui=vi"], "vi"),  # the desk's cookie in the second header
        (["desk_ui=xx; desk_ui=th"], "th"),  # a stale value first hides no usable one
        (['desk_ui="ja"'], "ja"),
        (["desk_ui=; desk_ui=../../etc"], "en"),
    ],
)  # fmt: skip
def test_the_first_usable_language_cookie_is_the_one_read(
    client: TestClient, cookies: list[str], shown: str
) -> None:
    """Two ``desk_ui`` cookies ("desk_ui=th; desk_ui=en", a second path's, or two
    ``Cookie`` headers as an HTTP/2 client sends them) were read as one: the last
    of one header, and nothing of a second header. A browser sends the cookie of the
    most specific path first, so the first one the desk speaks is the one read."""
    client.cookies.clear()
    sent = [("cookie", value) for value in cookies] + [("accept-language", "en")]
    page = client.get("/status", headers=sent)
    assert page.status_code == 200
    assert _page_language(page.text) == shown


@pytest.mark.parametrize(
    ("ui", "said"),
    [
        ("en", "(“cells” and “MSC”)"),
        ("th", "“cells”และ“MSC”"),
        ("vi", "“cells” và “MSC”"),
        ("zh_Hans", "“cells”和“MSC”"),
        ("zh_Hant", "「cells」和「MSC」"),
        ("ja", "「cells」、「MSC」"),
        ("hi", "“cells” और “MSC”"),
    ],
)  # fmt: skip
def test_two_values_given_are_each_quoted_and_listed_as_a_sentence_lists_them(
    client: TestClient, ui: str, said: str
) -> None:
    """``q=cells&q=MSC`` was said in Thai as (“cells MSC”): Thai lists with a space, so
    the two searches read as one search for both words. Each value is now quoted on its
    own and the list joined with the language's "and" (CLDR's list patterns)."""
    client.cookies.clear()
    page = client.get("/?q=cells&q=MSC", headers={"cookie": f"desk_ui={ui}"})
    assert page.status_code == 400
    assert said in page.text, page.text
    assert "cells MSC" not in page.text and "cells, MSC" not in page.text


def test_a_language_with_no_cldr_list_pattern_still_lists() -> None:
    """A project's own interface language CLDR has no list pattern for (Klingon, a
    code Babel does not know) is listed with its separator, not a traceback."""
    from msc_leaflet.languages import conjoined

    assert conjoined(["a", "b"], "tlh") == "a, b"
    assert conjoined(["a", "b", "c"], "en") == "a, b, and c"


@pytest.mark.parametrize(
    "sent",
    [
        [("host", "evil.example"), ("host", "127.0.0.1")],
        [("host", "127.0.0.1"), ("host", "127.0.0.1")],
        [("sec-fetch-site", "cross-site"), ("sec-fetch-site", "same-origin")],
        [("origin", "http://evil.example"), ("origin", "http://127.0.0.1")],
    ],
)
def test_a_header_the_guard_decides_on_given_twice_is_refused(
    client: TestClient, project: Path, sent: list[tuple[str, str]]
) -> None:
    """``Host: evil.example`` then ``Host: 127.0.0.1`` passed the DNS-rebinding check
    (the guard read the last of two headers) while the pages read the first; a second
    ``Sec-Fetch-Site`` could pass another site's request as the desk's own. A header
    of one value sent twice is refused (400, RFC 9112 3.2 for Host), in the reader's
    language, the header named; nothing built."""
    client.cookies.clear()
    started = builds(client).builds_started
    answer = client.get("/leaflets/infusion-safety/pdf?lang=th", headers=[
        *sent, ("accept-language", "th")])  # fmt: skip
    assert answer.status_code == 400 and "%PDF" not in answer.text
    lead, reason = answer.text.split("\n")[:2]
    assert _page_language_of_plain(lead) == "th"
    assert f"the {sent[0][0]} header is given more than once" in reason
    assert builds(client).builds_started == started


def _page_language_of_plain(line: str) -> str:
    return "th" if re.search("[\u0e00-\u0e7f]", line) else "other"


def _outside_isolates(text: str) -> str:
    """``text`` with every first-strong isolate (FSI … PDI) and what it holds taken out,
    innermost first: what the bidi algorithm lays out as the sentence around them."""
    inner = re.compile("\u2068[^\u2068\u2069]*\u2069")
    while inner.search(text):
        text = inner.sub("", text)
    return text


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u202b", "\u2067", "\u200f"])
@pytest.mark.parametrize(
    "address",
    [
        "/leaflets/infusion-safety?lang=en&paper={v}abc",
        "/leaflets/infusion-safety/pdf?lang=en&paper={v}abc",
        "/?q={v}abc&q=x",
        "/leaflets/infusion-safety?lang=en&edition=parallel&edition={v}abc",
    ],
)
def test_a_bidi_control_in_a_value_given_does_not_reorder_the_sentence(
    client: TestClient, address: str, control: str
) -> None:
    """``paper=%E2%80%AEabc`` (RIGHT-TO-LEFT OVERRIDE) was quoted bare in an English
    refusal: "“‮abc” is not offered here: choose one of these." drew the rest of the
    sentence reversed, right to left, and a link could make a refusal read otherwise.
    A value carrying a bidi control is isolated (FSI … PDI), which ends the override
    at the value (UAX #9, X6a); the sentence outside reads as written."""
    client.cookies.clear()
    page = client.get(address.format(v=quote(control)), headers={"accept-language": "en"})
    assert page.status_code in (400, 404)
    reasons = re.findall(r'<p class="reason"[^>]*>(.*?)</p>', page.text, re.S)
    said = [reason for reason in reasons if "abc" in reason]
    assert said, reasons
    for reason in said:
        assert control not in _outside_isolates(reason), repr(reason)

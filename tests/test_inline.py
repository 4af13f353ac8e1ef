"""Inline markup: the only path from author text to styled text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msc_leaflet.content.inline import (
    InlineError,
    Span,
    link_refusal,
    parse_inline,
    plain_text,
    text_as_read,
    text_as_written,
)


def test_styles_links_and_citations() -> None:
    spans = parse_inline("Plain **bold** *it* [site](https://x.org) cited [@a; @b].")
    assert spans == [
        Span("Plain "),
        Span("bold", bold=True),
        Span(" "),
        Span("it", italic=True),
        Span(" "),
        Span("site", link="https://x.org"),
        Span(" cited "),
        Span("", cites=("a", "b")),
        Span("."),
    ]


def test_escapes_and_folded_whitespace() -> None:
    assert plain_text("a \\*star\\* and\n  \\[x\\]") == "a *star* and [x]"


@pytest.mark.parametrize(
    "text",
    [
        "<img src='/etc/passwd'/>",
        "<font size=40>x</font>",
        "&amp; &#60;para&#62;",
        "<para>x</para>",
    ],
)
def test_reportlab_markup_is_literal_text(text: str) -> None:
    assert plain_text(text) == text


@pytest.mark.parametrize(
    "text", ["[x](javascript:alert(1))", "[x](file:///etc/passwd)", "[x](data:text/html,hi)"]
)
def test_unsafe_link_schemes_are_refused(text: str) -> None:
    with pytest.raises(InlineError):
        parse_inline(text)


@pytest.mark.parametrize(
    "url",
    [
        "https://12",
        "https://clinic/contact",
        "http://localhost:8080",
        "https://10.1.2",
        "https://a..b",
    ],
)
def test_a_link_to_a_host_no_patient_can_reach_is_refused(url: str) -> None:
    """ "web: 12" linked to https://12 (the address 0.0.0.12), "web: clinic" to an
    intranet's name: both printed as the clinic's web address, opening nothing."""
    assert "whole address" in link_refusal(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "https://ศิริราช.ไทย/ติดต่อ",
        "https://xn--12c1fe0br.xn--o3cw4h",
        "https://192.0.2.10/info",
        "https://[2001:db8::1]/info",
        "https://example.org./page",
    ],
)
def test_a_link_to_a_domain_or_an_ip_address_is_allowed(url: str) -> None:
    assert link_refusal(url) == ""


@pytest.mark.parametrize("text", ["**open", "*open", "[@", "[@ bad key]"])
def test_malformed_markup_is_an_error(text: str) -> None:
    with pytest.raises(InlineError):
        parse_inline(text)


@given(st.text(max_size=200))
def test_any_text_gives_spans_or_inline_error(text: str) -> None:
    try:
        spans = parse_inline(text)
    except InlineError as exc:
        assert 0 <= exc.offset <= len(text)
    else:
        assert all(isinstance(span, Span) for span in spans)


def test_links_give_each_label_as_printed_and_its_target() -> None:
    from msc_leaflet.content.inline import Link, links

    source = "See [the **registry**](https://x.org), [](https://y.org) and [x [@a]](tel:+66)."
    assert links(source) == [
        Link("the registry", "https://x.org"),
        Link("", "https://y.org"),  # an empty label prints nothing; A11Y005 reports it
        Link("x ", "tel:+66"),  # a citation inside a label prints no text
    ]


def test_plain_text_sets_a_citation_tight_against_its_word() -> None:
    """As the page prints it: no space before a citation's place, none lost after it."""
    assert plain_text("study [@a] and the review [@b; @c].") == "study and the review."
    assert plain_text("**bold** [@a], then [a link](https://x.org) [@b]") == "bold, then a link"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_a_no_break_space_is_kept_as_typed(space: str) -> None:
    """The docs tell writers to type a no-break space to keep "2 000" or "10 mg" on one
    line; the parser made every space a plain one, so the line could part there anyway
    and copy/paste gave back a space the writer never typed."""
    [span] = parse_inline(f"Take 10{space}mg,  then  2{space}000 cells.")
    assert span.text == f"Take 10{space}mg, then 2{space}000 cells."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Take 500\u2009mg,  twice a day.", "Take 500\u2009mg, twice a day."),  # ISO 80000
        ("注意事項\u3000必ず読んでください。", "注意事項\u3000必ず読んでください。"),
        ("\u3000患者は毎日薬を飲みます。\u3000\n", "患者は毎日薬を飲みます。"),  # ends trimmed
        ("a\u2002b\u2003c\u200ad\u205fe", "a\u2002b\u2003c\u200ad\u205fe"),
    ],
    ids=["thin", "ideographic", "ends", "em-spaces"],
)
def test_a_unicode_space_is_kept_as_typed(text: str, kept: str) -> None:
    """Only what a YAML file folds (line breaks, runs of plain spaces and tabs) is one
    space: a thin space before a unit (docs/scripts.md), a Japanese writer's
    ideographic space, an em space printed as a plain word space and was read back as
    one."""
    [span] = parse_inline(text)
    assert span.text == kept


@pytest.mark.parametrize(
    ("source", "read"),
    [
        (
            "**Hemocompatibility screening** means *testing*",
            "Hemocompatibility screening means testing",
        ),
        ("a \\*star\\* and \\[brackets\\]", "a *star* and [brackets]"),
        ("see [the registry](https://example.org/r) now", "see the registry now"),
        ("cells [@a; @b] stay", "cells [@a; @b] stay"),
        ("blood\u00ad\u200bwork  and\u00a0more", "bloodwork and\u00a0more"),
        ("**opened and never closed", "**opened and never closed"),
    ],
)
def test_text_as_read_is_what_a_reader_reads(source: str, read: str) -> None:
    """What the proof, `i18n review` and the desk show of a leaflet text: no marks the
    page never prints, a link as its label, a citation as written, a no-break space
    kept; malformed markup (a refused translation) as written."""
    assert text_as_read(source) == read


def test_text_as_written_names_what_prints_nothing() -> None:
    """An edit that reads the same before and after is shown as written, with each
    character that prints nothing named: it is all that changed."""
    assert text_as_written("**และ**\u200bดื่ม  น้ำ\u00ad") == "**และ**<U+200B>ดื่ม น้ำ<U+00AD>"

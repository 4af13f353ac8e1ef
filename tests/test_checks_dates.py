"""DATE001–002 and DOC001–002: review dates, document code and version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from msc_leaflet.checks.dates import date_far_ahead, document_code, document_version
from test_checks import CLEAN, findings_for, leaflet, translated_context


def test_date001_overdue_is_a_warning_unless_strict(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})  # next_review: 2027-01-01
    late = dt.date(2027, 3, 1)
    assert findings_for(root, "DATE001", today=late) == [
        "11:16: warning: next review was due on 2027-01-01 (59 days ago)"
    ]
    assert findings_for(root, "DATE001", today=late, strict=True) == [
        "11:16: error: next review was due on 2027-01-01 (59 days ago)"
    ]
    assert findings_for(root, "DATE001", today=dt.date(2027, 1, 1)) == []


def test_date002_review_soon(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet(CLEAN)})
    assert findings_for(root, "DATE002", today=dt.date(2026, 12, 1)) == [
        "11:16: warning: next review is due on 2027-01-01, in 31 days"
    ]
    assert findings_for(root, "DATE002", today=dt.date(2026, 6, 1)) == []


def test_doc001_placeholder_code(make_project: Callable[..., Path]) -> None:
    bad = make_project({"sample": leaflet(CLEAN).replace("code: T-001", "code: TODO")})
    assert findings_for(bad, "DOC001") == [
        "8:9: error: document code 'TODO' is missing or not a code like MSC-PI-001"
    ]
    assert findings_for(make_project({"sample": leaflet(CLEAN)}), "DOC001") == []


def test_doc002_version(make_project: Callable[..., Path]) -> None:
    bad = make_project({"sample": leaflet(CLEAN).replace('version: "2.1"', "version: draft")})
    assert findings_for(bad, "DOC002") == [
        "9:12: error: version 'draft' is missing or not a number like \"1.0\""
    ]
    assert findings_for(make_project({"sample": leaflet(CLEAN)}), "DOC002") == []


def test_doc_checks_on_a_model_with_empty_fields(make_project: Callable[..., Path]) -> None:
    ctx = translated_context(make_project({"sample": leaflet(CLEAN)}), {})
    empty = dataclasses.replace(ctx.leaflet.document, code="", version="")
    ctx = dataclasses.replace(ctx, leaflet=dataclasses.replace(ctx.leaflet, document=empty))
    assert len(list(document_code(ctx))) == len(list(document_version(ctx))) == 1


def test_date003_a_buddhist_era_review_date(make_project: Callable[..., Path]) -> None:
    # A Thai writer dates in the Buddhist Era: next_review 2570-01-01 is 2027-01-01, but
    # read as written it lay 543 years ahead, so DATE001 never said the review was due.
    text = leaflet(CLEAN).replace("next_review: 2027-01-01", "next_review: 2570-01-01")
    root = make_project({"sample": text})
    assert findings_for(root, "DATE003", today=dt.date(2026, 6, 1)) == [
        "11:16: error: next_review 2570-01-01 is 544 years ahead: a year of the Thai "
        "calendar? Dates are read in the Common Era"
    ]
    [issue] = date_far_ahead(translated_context(root, {}))
    assert issue.hint == "write next_review: 2027-01-01 (the Thai year less 543)"
    assert findings_for(make_project({"sample": leaflet(CLEAN)}), "DATE003") == []


def test_date003_a_buddhist_era_reference_year(make_project: Callable[..., Path]) -> None:
    text = leaflet(CLEAN).replace("year: 2001", "year: 2544")
    assert findings_for(make_project({"sample": text}), "DATE003") == [
        "25:11: error: the year of reference 'alpha2001', 2544, is 518 years ahead: a "
        "year of the Thai calendar? Dates are read in the Common Era"
    ]


def test_a_date_typed_in_other_digits_is_refused_saying_so(
    make_project: Callable[..., Path],
) -> None:
    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.errors import LeafletError
    from msc_leaflet.project import Project

    text = leaflet(CLEAN).replace("next_review: 2027-01-01", "next_review: ２０２７-０１-０１")
    root = make_project({"sample": text})
    project = Project.at(root)
    try:
        load_leaflet(project.leaflet_path("sample"), project)
    except LeafletError as error:
        assert "2027-01-01" in str(error)
    else:
        raise AssertionError("a date in full-width digits was read")


def test_doc001_doc002_typed_with_look_alike_characters(
    make_project: Callable[..., Path],
) -> None:
    # A word processor's non-breaking hyphen, or Thai or full-width digits, print like
    # the code and version but are not what the register holds: the code was refused
    # as "not a code like MSC-PI-001", which it looks like, and a version in Thai digits
    # passed while the same code in them did not.
    for code, version in (("T\u2011001", "2.1"), ("T-００１", "2.1"), ("T-001", "๒.๑")):
        text = leaflet(CLEAN).replace("code: T-001", f"code: {code}")
        text = text.replace('version: "2.1"', f'version: "{version}"')
        ctx = translated_context(make_project({"sample": text}), {})
        [issue] = [*document_code(ctx), *document_version(ctx)]
        assert "ASCII" in issue.message, (code, version)
        assert issue.hint.endswith(("code: T-001", 'version: "2.1"')), issue.hint

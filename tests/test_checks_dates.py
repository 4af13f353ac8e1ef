"""DATE001–002 and DOC001–002: review dates, document code and version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from msc_leaflet.checks.dates import document_code, document_version
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

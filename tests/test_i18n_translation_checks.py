"""Each translation check, with one translation it rejects and one it accepts."""

from __future__ import annotations

import pytest

from msc_leaflet.i18n.translation_checks import check_translation

SOURCE = "Rest for **24 hours** [@alpha2001]. See [the registry](https://clinicaltrials.gov)."
GOOD = "พักผ่อน **24 ชั่วโมง** [@alpha2001] ดู[ทะเบียน](https://clinicaltrials.gov)"


@pytest.mark.parametrize(
    ("rule", "source", "bad", "good"),
    [
        ("empty", "Rest.", "   ", "พักผ่อน"),
        ("markup", "Rest *now*.", "พักผ่อน *ตอนนี้", "พักผ่อน *ตอนนี้*"),  # invalid markup
        ("markup", SOURCE, GOOD.replace("**", ""), GOOD),  # bold lost
        ("links", SOURCE, GOOD.replace("clinicaltrials.gov", "example.org"), GOOD),
        ("citations", SOURCE, GOOD.replace(" [@alpha2001]", ""), GOOD),
        ("citations", "A [@a; @b].", "ก [@a]", "ก [@b; @a]"),  # order may change, set may not
        ("numbers", "Wait 48 hours at 38 °C.", "รอ 24 ชั่วโมง ที่ 38 °C", "รอ 48 ชั่วโมง ที่ ๓๘ °C"),
        ("numbers", "Named in 1991.", "ตั้งชื่อในปี 1992", "ตั้งชื่อในปี พ.ศ. 2534"),  # B.E. year
        ("urls", "Visit https://example.org today.", "ไปที่ example.org", "ไปที่ https://example.org"),
        ("placeholders", "Page {page} of {pages}", "หน้า {page}", "หน้า {page} จาก {pages}"),
        ("whitespace", "Rest.", " พักผ่อน", "พักผ่อน"),
        ("whitespace", "Note: ", "หมายเหตุ:", "หมายเหตุ: "),
        ("length", "Drink plenty of water for two whole days.", "ดื่มน้ำ", "ดื่มน้ำมาก ๆ ตลอดสองวันเต็ม"),
    ],
)
def test_rule_rejects_bad_and_accepts_good(rule: str, source: str, bad: str, good: str) -> None:
    assert rule in {p.check for p in check_translation(source, bad)}
    assert [p for p in check_translation(source, good) if p.check == rule] == []


def test_length_is_only_a_warning() -> None:
    [problem] = check_translation("Drink plenty of water for two whole days.", "ดื่มน้ำ")
    assert problem.severity == "warning"


def test_all_other_rules_are_errors() -> None:
    problems = check_translation(SOURCE, "พักผ่อน")
    assert {p.check for p in problems} >= {"markup", "links", "citations", "numbers"}
    assert all(p.severity == "error" for p in problems if p.check != "length")

"""What a user sees for each class of bad input: one message, the right exit code, no
traceback. These are the rows of the table in docs/hardening.md, checked."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import leaflet_yaml
from msc_leaflet.cli.app import app

runner = CliRunner()
GOOD = leaflet_yaml("- paragraph: Hello.\n", references="")


def build(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "--project", str(root), "-o", str(root / "out"), *args])
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.exit_code, output


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        previous, current = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES: dict[str, tuple[bytes, str]] = {
    "invalid UTF-8": (b"id: sample\ntitle: caf\xe9\n", "2:11: error: file is not valid UTF-8"),
    "BOM": (b"\xef\xbb\xbf" + GOOD.encode(), "1:1: error: file starts with a byte-order mark"),
    "tab": (
        GOOD.replace("  code: T-001", "\tcode: T-001").encode(),
        "8:1: error: invalid YAML: a tab character where YAML expects spaces\n"
        "    hint: indent with spaces, never tabs",
    ),
    "duplicate key": (
        GOOD.replace("audience: Testers\n", "audience: Testers\ntitle: Again\n").encode(),
        "13:1: error: duplicate key 'title' (first defined on line 4)",
    ),
    "billion laughs": (billion_laughs().encode(), "error: anchors and aliases"),
    "too big": (
        (GOOD + "  - paragraph: " + "x" * 2_000_000 + "\n").encode(),
        "the limit is 2,000,000",
    ),
    "deep nesting": (
        (GOOD + "  - paragraph: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "error: nesting deeper than 40 levels",
    ),
    "alias of a key": (
        # An anchor on a key was never looked at again: `audience: *k` printed "kicker".
        GOOD.replace("title: A sample leaflet", "&k title: A sample leaflet")
        .replace("audience: Testers", "audience: *k")
        .encode(),
        "4:1: error: anchors and aliases (&name, *name) are not allowed",
    ),
    "full-width colon": (
        # A Chinese, Japanese or Thai input method's colon: "could not find expected ':'"
        # a line below, with a hint about quotes.
        GOOD.replace("title: A sample leaflet", "title\uff1aA sample leaflet").encode(),
        "error: invalid YAML: a full-width colon '\uff1a' after 'title' on line 4, where "
        "YAML expects ':'\n    hint: type it as 'title: '",
    ),
    "YAML's next-line escape": (
        GOOD.replace("title: A sample leaflet", 'title: "A sample\\Nleaflet"').encode(),
        "4:17: error: control character U+0085 NEXT LINE (NEL)",
    ),
    "wrong type": (
        GOOD.replace("title: A sample leaflet", "title: [one, two]").encode(),
        "4:8: error: 'title' must be non-empty text",
    ),
    "javascript: link": (
        leaflet_yaml("- paragraph: Call [us](javascript:alert(1)).\n", references="").encode(),
        "error: link target 'javascript:alert(1)' is not allowed",
    ),
    "date as a number": (
        GOOD.replace("published: 2026-01-01", "published: 20260101").encode(),
        "10:14: error: 'published' must be a date YYYY-MM-DD, not '20260101'",
    ),
    "date as a week": (
        GOOD.replace("next_review: 2027-01-01", "next_review: 2027W011").encode(),
        "11:16: error: 'next_review' must be a date YYYY-MM-DD, not '2027W011'",
    ),
    "Buddhist-era leap day": (
        # 29 February 2571 is a day of the Thai calendar (2028 CE); "not a date" alone
        # left the writer sure the date was right.
        GOOD.replace("next_review: 2027-01-01", "next_review: 2571-02-29").encode(),
        "hint: write next_review: 2028-02-29",
    ),
    "id with a path": (
        GOOD.replace("id: sample", "id: ../../etc/passwd").encode(),
        "1:5: error: 'id' is not a slug",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_leaflet_is_one_error_and_exit_1(make_project: Callable[..., Path], case: str) -> None:
    content, message = CASES[case]
    root = make_project({"sample": "x"})
    (root / "leaflets" / "sample.yaml").write_bytes(content)
    code, output = build(root)
    assert code == 1
    assert message in output
    assert not (root / "out" / "en" / "sample.pdf").exists()


@pytest.mark.parametrize(
    ("web", "refused"),
    [
        ("javascript:app.alert(2)", True),
        ('"JavaScript:alert(1)"', True),
        ("mailto:desk@example.org", True),
        ("ftp://example.org", True),
        ("example.org/contact", False),
        ("HTTPS://example.org", False),
        ("12", True),
        ("clinic", True),
    ],
)
def test_an_organisation_web_address_links_only_to_the_web(
    make_project: Callable[..., Path], web: str, refused: bool
) -> None:
    root = make_project({"sample": GOOD})
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(profile.read_text().replace("web: https://example.org", f"web: {web}"))
    code, output = build(root)
    if refused:
        assert code == 1 and "test-clinic.yaml:4:6: error: 'web' " in output
        assert "is not allowed as a link" in output
        assert "hint: links may only use http or https" in output or (
            "hint: write the whole address" in output
        )
    else:
        assert code == 0, output


@pytest.mark.parametrize(
    ("number", "refused"),
    [
        ('"call us on LINE"', True),
        ("ask at the desk", True),
        ('"+66 80 000 0000"', False),
        ("1669", False),  # a Thai hotline: four digits
        ('"๐๘๐ ๐๐๐ ๐๐๐๐"', False),
    ],
)
def test_an_organisation_number_with_nothing_to_dial_is_refused_at_its_line(
    make_project: Callable[..., Path], number: str, refused: bool
) -> None:
    """A WhatsApp or phone "number" without a digit printed on every page as a contact
    no one could dial, under a link that dialled nothing."""
    root = make_project({"sample": GOOD})
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(
        profile.read_text().replace('whatsapp: "+66 80 000 0000"', f"whatsapp: {number}")
    )
    code, output = build(root)
    if refused:
        assert code == 1 and "test-clinic.yaml:3:11: error: 'whatsapp' " in output, output
        assert "holds no number to dial" in output and "Traceback" not in output
        assert not (root / "out" / "en" / "sample.pdf").exists()
    else:
        assert code == 0, output


@pytest.mark.parametrize(
    ("where", "address", "refused"),
    [
        ("web", "https://www.\u0435xample.org", True),  # a Cyrillic е
        ("link", "https://\u0430pple.example.org/consent", True),  # a Cyrillic а
        ("link", "https://ex\u03bfmple.org", True),  # a Greek ο
        ("web", "https://ศิริราช.ไทย", False),  # one script per label
        ("link", "https://пример.рф", False),
        ("link", "https://bücher.example.org", False),
    ],
)
def test_a_look_alike_web_address_is_refused(
    make_project: Callable[..., Path], where: str, address: str, refused: bool
) -> None:
    """ "www.еxample.org" with a Cyrillic е prints as the clinic's address and opens
    another site: a host label mixing Latin with Cyrillic, Greek or Armenian letters is
    the look-alike trick of UTS #39. A domain in one script is an address like any."""
    if where == "web":
        root = make_project({"sample": GOOD})
        profile = root / "organisations" / "test-clinic.yaml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("web: https://example.org", f"web: {address}"))
    else:
        paragraph = f"- paragraph: See [our page]({address}).\n"
        root = make_project({"sample": leaflet_yaml(paragraph, references="")})
    code, output = build(root)
    if refused:
        assert code == 1, output
        assert "is not allowed" in output and "letters in '" in output
        assert "(a look-alike address)" in output
    else:
        assert code == 0, output


def test_markup_injection_prints_literally(make_project: Callable[..., Path]) -> None:
    text = '\'<img src="x.png"/> <font size="40">big</font> &amp;\''
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {text}\n", references="")})
    assert build(root)[0] == 0


def test_symlink_out_of_the_project_is_refused(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml("- figure: photo.png\n  alt: A photo.\n")})
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"secret")
    os.symlink(outside, root / "photo.png")
    code, output = build(root)
    assert code == 1 and "path 'photo.png' points outside the project" in output


@pytest.mark.parametrize(
    "args",
    [
        ["sample", "-l", "en", "--edition", "parallel"],
        ["-l", "en", "--edition", "sequential"],
        ["sample", "--edition", "parallel", "--dry-run"],  # no translation to pair
    ],
)
def test_a_bilingual_edition_with_nothing_to_pair_is_an_error(
    make_project: Callable[..., Path], args: list[str]
) -> None:
    """A parallel edition of an English leaflet in English built nothing, printed
    "0 built, 0 skipped, 0 failed" and ended 0: the print shop waited for a file that
    was never made."""
    root = make_project({"sample": GOOD})
    code, output = build(root, *args)
    assert code == 1, output
    assert "leaflets/sample.yaml: error: a " in output
    assert "pairs a translation with the source, and sample is written in en" in output
    assert "hint: build it with --locale set to a language it is translated into" in output
    assert not (root / "out" / "en").exists()


def test_a_bilingual_edition_of_the_library_skips_leaflets_in_that_language(
    make_project: Callable[..., Path],
) -> None:
    """`-l th --edition parallel` of a library with a leaflet written in Thai builds the
    others' parallel editions, as before: only a named leaflet, or a run with nothing
    to build at all, is refused."""
    thai = GOOD.replace("id: sample", "id: thai").replace("language: en", "language: th")
    root = make_project({"sample": GOOD, "thai": thai})
    code, output = build(root, "-l", "th", "--edition", "parallel", "--dry-run")
    assert code == 0, output
    assert "th/sample.parallel.pdf" in output and "thai" not in output


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2026-02-30",
            ":6:9: error: sign-off 1 is malformed: '2026-02-30' is no day of the calendar: "
            "February 2026 has 28 days",
        ),
        (
            "2026-13-01",
            ":6:9: error: sign-off 1 is malformed: '2026-13-01' is no day of the calendar: "
            "a year has 12 months",
        ),
    ],
)
def test_a_sign_off_dated_on_no_day_says_why_in_words(
    i18n_project: Path, written: str, message: str
) -> None:
    """A sign-off dated 30 February was refused with Python's "day is out of range for
    month", which names neither the date nor the month."""
    signed = runner.invoke(
        app,
        ["i18n", "review", "care-basics", "-l", "th", "--by", "Somchai Jaidee",
         "--role", "reviewer", "--project", str(i18n_project)],
    )  # fmt: skip
    assert signed.exit_code == 0, signed.output
    record = i18n_project / "locales" / "th" / "signoff.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"date: \S+", f"date: {written}", text), encoding="utf-8")
    result = runner.invoke(app, ["i18n", "stats", "--project", str(i18n_project)])
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in output
    assert "signoff.yaml:" in output and message in output, output
    assert "out of range" not in output


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Evil\u202eClinic", "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Caf\ufffd Clinic", "U+FFFD"),
        ("Bell\x07Clinic", "control character U+0007 BELL"),
    ],
)
def test_init_refuses_a_name_its_first_build_would_refuse(
    tmp_path: Path, name: str, message: str
) -> None:
    """`init --name` wrote the name into the profile as given: the project it promised
    buildable was refused at its first build. Now nothing is written."""
    folder = tmp_path / "my-clinic"
    result = runner.invoke(app, ["init", str(folder), "--name", name])
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in output, output
    assert f"{folder}: error: the organisation's name (--name): {message}" in output
    assert not folder.exists()


@pytest.mark.parametrize("written", ["sample.yaml", "leaflets/sample.yaml", "SAMPLE"])
@pytest.mark.parametrize("command", [["build"], ["check"], ["preview"]])
def test_a_leaflet_named_as_its_file_is_pointed_to_its_id(
    make_project: Callable[..., Path], written: str, command: list[str]
) -> None:
    """`build leaflets/sample.yaml` (as a shell completes it) was told only "use
    lower-case letters, digits and '-'", with another leaflet's id as the example."""
    root = make_project({"sample": GOOD})
    result = runner.invoke(app, [*command, written, "--project", str(root)])
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in output, output
    assert f"leaflet id '{written}' is not valid" in output
    assert "hint: did you mean 'sample'? A leaflet is named by its id" in output


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--note", "n" * 2_001, "the sign-off's note (--note) is 2,001 characters; at most 2,000"),
        ("--by", "B" * 201, "the sign-off's name (--by) is 201 characters; at most 200"),
    ],
)
def test_a_sign_off_keeps_no_page_long_remark(
    i18n_project: Path, option: str, value: str, message: str
) -> None:
    """A 100,000-character --note was kept for good in the append-only signoff.yaml,
    which every review reads whole: twenty of them passed the file's size limit, and no
    sign-off of the language could be read again."""
    record = i18n_project / "locales" / "th" / "signoff.yaml"
    args = ["--by", "Somchai Jaidee", "--note", "checked", option, value]
    result = runner.invoke(
        app,
        ["i18n", "review", "care-basics", "-l", "th", "--role", "reviewer", *args,
         "--project", str(i18n_project)],
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in output, output
    assert message in output and not record.exists()


def test_unknown_option_is_a_usage_error() -> None:
    result = runner.invoke(app, ["build", "--frobnicate"])
    assert result.exit_code == 2 and "No such option: --frobnicate" in result.stderr


@pytest.mark.parametrize(
    ("po_text", "message"),
    [
        ('msgid "a"\nmsgstr "unterminated\n', ":2: error: the string is not closed"),
        ('msgid "a"\nmsgstr[12345] "x"\n', ":2: error: unknown keyword or malformed line"),
    ],
)
def test_malformed_catalog_is_one_error(
    make_project: Callable[..., Path], po_text: str, message: str
) -> None:
    root = make_project()
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(po_text)
    result = runner.invoke(app, ["i18n", "check", "--project", str(root)])
    assert result.exit_code == 1
    # A finding, on stdout with the others (as `check` prints them); the count on stderr.
    assert message in result.stdout and "Traceback" not in result.stderr + result.stdout


THAI_PO = Path("locales") / "th" / "LC_MESSAGES" / "care-basics.po"
PARAGRAPH_3 = "อาการปวดศีรษะเล็กน้อยหรืออ่อนเพลียพบได้บ่อยในวันแรก และมักหายไปภายใน 48 ชั่วโมง"
PARAGRAPH_5 = "รับประทานอาหารได้ตามปกติ งดเครื่องดื่มแอลกอฮอล์หนึ่งวัน เพราะอาจทำให้รู้สึกแย่ลง"


def typed_at(path: Path, char: str, after: str = "") -> str:
    """``line:column`` (1-based, in characters) where ``char`` is first typed in
    ``path`` after the first line holding ``after``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line)
    for number, line in enumerate(lines[start:], start + 1):
        if char in line:
            return f"{number}:{line.index(char) + 1}"
    raise AssertionError(f"{char!r} is not in {path}")


def retranslate(root: Path, old: str, new: str) -> Path:
    """The Thai catalog of ``root`` with the msgstr ``old`` written as ``new`` (its
    quoted lines from ``msgstr`` on): a translator's edit."""
    catalog = root / THAI_PO
    text = catalog.read_text(encoding="utf-8")
    assert f'msgstr "{old}"' in text
    catalog.write_text(text.replace(f'msgstr "{old}"', new), encoding="utf-8")
    return catalog


@pytest.mark.parametrize(
    "msgstr",
    [
        f'msgstr "\u2c80{PARAGRAPH_3}"',  # at its start, where the entry's msgctxt is 2 lines up
        f'msgstr "{PARAGRAPH_3[:20]}\u2c80{PARAGRAPH_3[20:]}"',  # inside the line
        # wrapped by a tool: on the 3rd line of the msgstr, after an escape
        f'msgstr ""\n"{PARAGRAPH_3[:10]}\\"\\t"\n"{PARAGRAPH_3[10:30]} \u2c80{PARAGRAPH_3[30:]}"',
    ],
    ids=["start", "inside", "third line"],
)
def test_a_character_no_font_has_is_named_where_the_translator_typed_it(
    i18n_project: Path, msgstr: str
) -> None:
    catalog = retranslate(i18n_project, PARAGRAPH_3, msgstr)
    code, output = build(i18n_project, "-l", "th")
    assert code == 1
    assert f"care-basics.po:{typed_at(catalog, chr(0x2C80))}: error: U+2C80" in output


@pytest.mark.parametrize(
    ("typed", "at", "said"),
    [
        ("\u202e", "\u202e", "[I18N013] bidirectional control U+202E"),
        ("\ufffd", "\ufffd", "U+FFFD"),
        ("**", "*", "[I18N003] invalid inline markup"),
    ],
    ids=["bidi override", "replacement character", "unclosed bold"],
)
def test_a_refused_translation_is_named_where_the_mistake_is_typed(
    i18n_project: Path, typed: str, at: str, said: str
) -> None:
    """A msgstr the build does not use (the source text is printed) is named at the
    line and column of its bad character, on the continuation line that holds it."""
    wrapped = f'msgstr ""\n"{PARAGRAPH_5[:12]}"\n"{PARAGRAPH_5[12:25]}{typed}{PARAGRAPH_5[25:]}"'
    catalog = retranslate(i18n_project, PARAGRAPH_5, wrapped)
    code, output = build(i18n_project, "-l", "th")
    assert code == 0, output
    place = typed_at(catalog, at, after='msgctxt "paragraph/5"')
    assert f"care-basics.po:{place}: warning: translation of 'paragraph/5' not used" in output
    assert said in output
    result = runner.invoke(app, ["i18n", "check", "--project", str(i18n_project)])
    assert f"care-basics.po:{place}: error: I18N0" in result.stdout  # the same place


def pluralize(root: Path, old: str, forms: list[str]) -> Path:
    """The Thai catalog of ``root`` with the entry translated ``old`` made plural by
    hand (msgid_plural, msgstr[0]…), its forms ``forms``: another tool's edit."""
    written = 'msgid_plural "hours"\n' + "\n".join(
        f'msgstr[{n}] "{form}"' for n, form in enumerate(forms)
    )
    return retranslate(root, old, written)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("\u202e", "[I18N013] msgstr[{form}]: bidirectional control U+202E"),
        ("\ufffd", "msgstr[{form}]: U+FFFD REPLACEMENT CHARACTER"),
        ("\ue000", "msgstr[{form}]: private-use character U+E000"),
        ("**", "[I18N003] msgstr[{form}]: invalid inline markup"),
    ],
    ids=["bidi override", "replacement character", "private use", "unclosed bold"],
)
@pytest.mark.parametrize("form", [0, 1, 2])
def test_a_bad_character_in_a_plural_form_is_named_at_that_form(
    i18n_project: Path, typed: str, said: str, form: int
) -> None:
    """A plural entry is never printed, but its forms are a translator's work: each
    msgstr[n] is checked as a msgstr is, and named at its own line and column."""
    forms = [PARAGRAPH_5] * 3
    forms[form] = f"{PARAGRAPH_5[:25]}{typed}{PARAGRAPH_5[25:]}"
    catalog = pluralize(i18n_project, PARAGRAPH_5, forms)
    place = typed_at(catalog, typed[0], after=f"msgstr[{form}]")
    result = runner.invoke(app, ["i18n", "check", "--project", str(i18n_project)])
    assert f"care-basics.po:{place}: error: I18N0" in result.stdout, result.stdout
    said = said.format(form=form)
    assert said.split("] ")[-1] in result.stdout
    code, output = build(i18n_project, "-l", "th")
    assert code == 0, output
    assert f"care-basics.po:{place}: warning: translation of 'paragraph/5' not used" in output
    assert said in output


SHORT_ANSWER = "พักผ่อน **24 ชั่วโมง** และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]"
FAQ_ANSWER = "ดูได้ที่[ทะเบียนงานวิจัยทางคลินิก](https://clinicaltrials.gov) และสอบถามแพทย์ของคุณ [@gamma2002]"


@pytest.mark.parametrize(
    ("old", "new", "typed", "code"),
    [
        (PARAGRAPH_3, PARAGRAPH_3.replace("48", "49"), "49", "I18N007"),
        (PARAGRAPH_3, PARAGRAPH_3.replace("48", "๔๙"), "๔๙", "I18N007"),  # Thai digits
        (PARAGRAPH_3, PARAGRAPH_3.replace("48", "48 ชั่วโมง หรือ 72"), "72", "I18N007"),
        (SHORT_ANSWER, SHORT_ANSWER.replace("@alpha2001", "@alpha2010"), "@alpha2010", "I18N005"),
        (
            SHORT_ANSWER,
            SHORT_ANSWER.replace("[@alpha2001]", "[@gamma2002; @alpha2001]"),
            "@gamma2002",
            "I18N005",
        ),
        (
            FAQ_ANSWER,
            FAQ_ANSWER.replace("trials.gov", "trial.gov"),
            "https://clinicaltrial.gov",
            "I18N004",
        ),
        (
            FAQ_ANSWER,
            FAQ_ANSWER.replace(" [@gamma", " https://clinic.example [@gamma"),
            "https://clinic.example",
            "I18N006",
        ),
    ],
    ids=["number", "Thai digits", "number added", "citation", "citation added", "link", "URL"],
)
def test_a_changed_number_citation_or_url_is_named_where_it_is_typed(
    i18n_project: Path, old: str, new: str, typed: str, code: str
) -> None:
    """The citation, number or URL the translation has and its source has not is named
    at its line and column in the msgstr (wrapped here, as a tool wraps it), not only
    at the msgstr's first line."""
    at = new.index(typed)
    catalog = retranslate(i18n_project, old, f'msgstr ""\n"{new[: at - 3]}"\n"{new[at - 3 :]}"')
    place = typed_at(catalog, typed, after=f'"{new[: at - 3]}"')
    result = runner.invoke(app, ["i18n", "check", "--project", str(i18n_project)])
    assert f"care-basics.po:{place}: error: {code}" in result.stdout, result.stdout
    code_, output = build(i18n_project, "-l", "th")
    assert code_ == 0, output
    assert f"care-basics.po:{place}: warning: translation of '" in output, output


@pytest.mark.parametrize(
    "paragraph",
    [
        "\u2c80 first.",  # at the text's start
        "Rest after the \u2c80 infusion.",  # inside the line
        ">-\n      Rest after the infusion and\n      drink water \u2c80 today.",  # folded
    ],
    ids=["start", "inside", "folded"],
)
def test_a_character_no_font_has_in_the_leaflet_is_named_at_its_column(
    make_project: Callable[..., Path], paragraph: str
) -> None:
    """The build and `check` name a character no font has at its line and column in
    the leaflet's YAML, as they do in a catalog's msgstr."""
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {paragraph}\n", references="")})
    place = typed_at(root / "leaflets" / "sample.yaml", "\u2c80")
    code, output = build(root)
    assert code == 1 and f"sample.yaml:{place}: error: U+2C80" in output, output
    result = runner.invoke(app, ["check", "--project", str(root)])
    assert f"sample.yaml:{place}: error: TEXT002" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("two\nlines.yaml", "leaflets/two\\nlines.yaml: error:"),
        ("evil\u202egpj.yaml", "leaflets/evil\\u202egpj.yaml: error:"),
        ("bell\x07.yaml", "leaflets/bell\\x07.yaml: error:"),
    ],
    ids=["newline", "bidi-override", "control"],
)
@pytest.mark.parametrize("command", ["check", "list"])
def test_a_file_name_with_a_control_character_is_shown_escaped(
    make_project: Callable[..., Path], name: str, shown: str, command: str
) -> None:
    """A file whose name holds a newline split its message over two lines (a CI that
    reads `file:line: error:` lost the file), and one with U+202E showed
    ``evil<U+202E>gpj.yaml`` in the terminal as ``evillmay.jpg``: the name as written,
    escaped, is the file the user must rename."""
    root = make_project({"sample": GOOD, name.removesuffix(".yaml"): GOOD})
    result = runner.invoke(app, [command, "--project", str(root)])
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert shown in output, output
    assert not any(c in output for c in "\u202e\x07"), output
    assert not any(line.startswith("lines.yaml") for line in output.splitlines()), output


LONG_NAMES = {"ascii-100k": "x" * 100_000, "thai-258-bytes": "ก" * 86}


@pytest.mark.parametrize("value", LONG_NAMES.values(), ids=LONG_NAMES.keys())
@pytest.mark.parametrize(
    "args",
    [
        ["build", "-l", "{}"],
        ["build", "{}"],
        ["check", "{}"],
        ["new", "{}"],
        ["i18n", "init", "{}"],
        ["build", "-o", "{}"],
        ["build", "-o", "out/{}/pdf"],
        ["list", "--project", "{}"],
    ],
    ids=["locale", "build-id", "check-id", "new-id", "i18n-init", "out", "out-inside", "project"],
)
def test_a_name_no_file_system_holds_is_shown_by_its_start(
    make_project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    value: str,
) -> None:
    """A 100 kB leaflet id, locale or folder typed (or pasted) on the command line was
    refused, but echoed whole, up to three times: 100 kB lines in the terminal and the
    CI log, the hint lost above them. A name longer than a file system holds (255 bytes)
    is no file the user can open: it is shown by its start and its length."""
    root = make_project({"sample": GOOD})
    monkeypatch.chdir(root)
    result = runner.invoke(app, [arg.format(value) for arg in args])
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output[:2000]
    assert "Traceback" not in output and "internal error" not in output
    longest = max(output.splitlines(), key=len)
    assert len(longest) < 400, longest[:400]
    assert f"({len(value):,} characters)" in output, output[:2000]


@pytest.mark.parametrize(
    "args",
    [["build", "-l", "th\nx"], ["build", "-l", "th\u202e"], ["i18n", "init", "th\nx"]],
    ids=["build-locale-newline", "build-locale-override", "i18n-init-newline"],
)
def test_an_option_value_with_a_control_character_is_shown_escaped(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """``-l $'th\\n'`` (a value pasted with its line end) was refused as
    ``--locale th<newline>: error:``, the option split from its message, and the failed
    job listed as ``th<newline>/*.pdf``: every line of a message starts as it should."""
    monkeypatch.chdir(make_project({"sample": GOOD}))
    result = runner.invoke(app, args)
    output = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in output, output
    assert "\u202e" not in output and re.search(r"th\\(n|u202e)\S*: error: locale", output)
    starts = ("--locale", "i18n init", "hint:", "- ", "0 built", "failures:", "FAILED")
    assert all(line.lstrip().startswith(starts) for line in output.splitlines() if line), output


def test_an_empty_today_is_no_date(make_project: Callable[..., Path]) -> None:
    """``check --today ""`` (a script's unset variable: ``--today "$AS_OF"``) checked
    against the real date without a word, as if --today were not given."""
    root = make_project({"sample": GOOD})
    result = runner.invoke(app, ["check", "--today", "", "--project", str(root)])
    output = result.stdout + result.stderr
    assert result.exit_code == 2 and "'' is not a date: use YYYY-MM-DD" in output, output

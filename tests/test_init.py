"""`msc-leaflet init`: a clinic's own project, complete and buildable, or nothing at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.cli import new as scaffold
from msc_leaflet.cli.app import app
from msc_leaflet.cli.new import init_project
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import Leaflet, Text, map_texts
from msc_leaflet.errors import LeafletError, Location
from msc_leaflet.files import write_atomic
from msc_leaflet.project import Project

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_init_makes_a_project_that_builds_into_its_own_build_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = invoke("init", str(tmp_path / "my-clinic"), "--name", "My Clinic")
    assert code == 0, output
    root = tmp_path / "my-clinic"
    assert (root / "organisations" / "my-clinic.yaml").read_text().startswith("# Your organisation")
    assert "CHANGE-ME: My Clinic" in (root / "organisations" / "my-clinic.yaml").read_text()
    assert "organisation: my-clinic" in (root / "leaflets" / "first-leaflet.yaml").read_text()
    for path in ("README.md", ".gitignore", "locales/ui.pot", "locales/glossary.yaml"):
        assert (root / path).is_file(), path
    assert (root / "locales" / "th" / "LC_MESSAGES" / "ui.po").is_file()
    assert (root / "locales" / "th" / "words.txt").is_file()
    # --project DIR builds into DIR/build, not into the folder the command runs in.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, output = invoke("build", "--project", str(root), "-l", "en")
    assert code == 0, output
    assert (root / "build" / "en" / "first-leaflet.pdf").is_file()
    assert not any(elsewhere.iterdir())


def test_init_with_the_library_prints_the_clinics_own_organisation(tmp_path: Path) -> None:
    made = init_project(tmp_path / "clinic", library="msc")
    leaflets = sorted(p.name for p in (made.root / "leaflets").glob("*.yaml"))
    assert leaflets == [
        "choosing-a-clinic.yaml",
        "infusion-safety.yaml",
        "stromal-or-stem.yaml",
        "what-msc-can-do.yaml",
        "what-research-says.yaml",
    ]
    for leaflet in (made.root / "leaflets").glob("*.yaml"):
        assert "\norganisation: clinic\n" in leaflet.read_text()
    assert not (made.root / "organisations" / "sample-clinic.yaml").exists()
    catalogs = sorted(p.name for p in (made.root / "locales" / "th" / "LC_MESSAGES").glob("*.po"))
    assert len(catalogs) == 6 and "ui.po" in catalogs
    # The library's Thai word list and glossary, not the empty starters.
    assert "มีเซนไคมอล" in (made.root / "locales" / "th" / "words.txt").read_text()
    assert "concepts: []" not in (made.root / "locales" / "glossary.yaml").read_text()


@pytest.mark.parametrize("name", ['Dr. "Smile" Clinic', "A\\B Clinic", "คลินิก 'ยิ้ม'", "Tab\there"])
def test_any_clinic_name_makes_a_readable_organisation(tmp_path: Path, name: str) -> None:
    """The name goes inside a quoted YAML value: a quote or a backslash in it made a
    file that every command then refused."""
    made = init_project(tmp_path / "clinic", library="msc", name=name)
    project = Project.at(made.root)
    leaflet, _ = load_leaflet(project.leaflet_path("infusion-safety"), project)
    assert leaflet.organisation.name == f"CHANGE-ME: {name}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "Bad Slug"], "organisation id 'Bad Slug' is not valid"),
        (["--library", "nope"], "no bundled library 'nope'"),
    ],
)
def test_bad_arguments_are_one_line_and_touch_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, output = invoke("init", str(tmp_path / "clinic"), *args)
    assert code == 1
    assert message in output and "Traceback" not in output
    assert not (tmp_path / "clinic").exists()


def test_a_non_empty_folder_is_refused_unless_asked(tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    root.mkdir()
    (root / "notes.txt").write_text("mine")
    code, output = invoke("init", str(root))
    assert code == 1 and "folder is not empty" in output and "--into-existing" in output
    assert snapshot(root) == {"notes.txt": b"mine"}
    code, output = invoke("init", str(root), "--into-existing")
    assert code == 0, output
    assert (root / "notes.txt").read_text() == "mine"
    assert (root / "leaflets" / "first-leaflet.yaml").is_file()


@pytest.mark.parametrize("inside", ["leaflets/sub", "locales/th/sub", "organisations/sub"])
def test_a_project_inside_another_projects_sources_is_refused(tmp_path: Path, inside: str) -> None:
    """``init clinic/leaflets/sub`` made a project no command of either reads; a folder
    merely named leaflets/ that holds projects (``~/leaflets/clinic``) is no project's."""
    outer = tmp_path / "clinic"
    assert invoke("init", str(outer))[0] == 0
    before = snapshot(outer)
    code, output = invoke("init", str(outer / inside))
    folder = inside.split("/")[0]
    assert code == 1 and f"{folder}/, the {folder} folder of a project" in output, output
    assert "msc-leaflet init" in output and "Traceback" not in output
    assert snapshot(outer) == before
    (tmp_path / "home" / "leaflets").mkdir(parents=True)
    assert invoke("init", str(tmp_path / "home" / "leaflets" / "clinic"))[0] == 0


def test_an_existing_file_is_never_overwritten_and_nothing_is_written(tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    (root / "leaflets").mkdir(parents=True)
    (root / "leaflets" / "first-leaflet.yaml").write_text("my own leaflet")
    before = snapshot(root)
    code, output = invoke("init", str(root), "--into-existing")
    assert code == 1
    assert "first-leaflet.yaml" in output and "already exists; nothing was written" in output
    assert snapshot(root) == before
    assert sorted(p.name for p in root.rglob("*")) == ["first-leaflet.yaml", "leaflets"]


def test_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    # Root ignores permission bits, so make the parent a file: mkdir fails for everyone.
    (tmp_path / "a-file").write_text("x")
    code, output = invoke("init", str(tmp_path / "a-file" / "clinic"))
    assert code == 1 and "a-file: error: is a file, where a folder must be" in output
    assert "Traceback" not in output and (tmp_path / "a-file").read_text() == "x"


def test_a_failure_while_writing_removes_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = write_atomic  # what scaffold imported

    def fail_on_the_fourth(path: Path, data: bytes, *, overwrite: bool = True) -> bool:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise LeafletError(Location(path), "cannot write: No space left on device")
        return real(path, data, overwrite=overwrite)

    monkeypatch.setattr(scaffold, "write_atomic", fail_on_the_fourth)
    with pytest.raises(LeafletError, match="No space left"):
        init_project(tmp_path / "clinic")
    assert not (tmp_path / "clinic").exists()


def test_check_refuses_the_placeholders_until_the_clinic_replaces_them(tmp_path: Path) -> None:
    root = init_project(tmp_path / "clinic").root
    code, output = invoke("check", "--project", str(root))
    assert code == 1
    assert "organisations/clinic.yaml:4: error: DOC003:" in output
    assert "DOC001: document code 'CHANGE-ME-001'" in output
    profile = root / "organisations" / "clinic.yaml"
    profile.write_text("name: Clinic\nphone: +66 2 123 4567\n")
    _, output = invoke("check", "--project", str(root))
    assert "DOC003" not in output


def test_update_starts_no_leaflet_catalogs_in_a_language_that_translates_none(
    tmp_path: Path,
) -> None:
    # init copies every supported language's ui.po; `i18n update` used to start every
    # leaflet's catalog in each of them, after which build printed them all in English.
    root = init_project(tmp_path / "clinic", library="msc").root
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0, output
    ui_only = [d for d in (root / "locales").iterdir() if (d / "LC_MESSAGES" / "ui.po").is_file()]
    assert len(ui_only) > 2
    for folder in ui_only:
        leaflets = [p.stem for p in (folder / "LC_MESSAGES").glob("*.po") if p.stem != "ui"]
        assert folder.name == "th" or leaflets == [], folder.name
    assert (root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po").is_file()
    code, output = invoke("build", "--project", str(root), "-j", "2")
    assert code == 0 and "10 built" in output, output


@pytest.mark.parametrize(
    ("folder", "hint"),
    [
        ("My Clinic", "--organisation my-clinic"),
        ("คลินิกสุขภาพ", "--organisation ID"),
        ("Bangkok_Clinic.2026", "--organisation bangkok-clinic-2026"),
    ],
)
def test_a_folder_name_that_is_no_id_says_to_pass_organisation(
    tmp_path: Path, folder: str, hint: str
) -> None:
    """The id comes from the folder's name unless --organisation gives it; a folder
    named "My Clinic" or in Thai was refused with the rule for ids only, and nothing
    said where the id came from or how to give another."""
    code, output = invoke("init", str(tmp_path / folder))
    assert code == 1 and "Traceback" not in output
    assert f"organisation id {folder!r} is not valid" in output
    assert "folder's name" in output and hint in output, output
    assert not (tmp_path / folder).exists()
    if hint != "--organisation ID":
        code, output = invoke("init", str(tmp_path / folder), *hint.split())
        assert code == 0, output


@pytest.mark.parametrize("signal_after", ["file", "folder"])
def test_an_interrupt_just_after_a_write_leaves_no_half_made_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signal_after: str
) -> None:
    # Ctrl-C (or SIGTERM, raised the same way) landing after a file's rename or a folder's
    # mkdir, before init recorded it: that file stayed behind, so the project was half
    # made, the message said no partial files were left, and a rerun was refused as
    # "folder is not empty".
    calls = 0
    real_write, real_mkdir = write_atomic, Path.mkdir

    def write_then_interrupt(path: Path, data: bytes, *, overwrite: bool = True) -> bool:
        nonlocal calls
        calls += 1
        written = real_write(path, data, overwrite=overwrite)
        if signal_after == "file" and calls == 3:
            raise KeyboardInterrupt
        return written

    def mkdir_then_interrupt(self: Path, *args: object, **kwargs: object) -> None:
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]
        if self.name == "LC_MESSAGES":
            raise KeyboardInterrupt

    monkeypatch.setattr(scaffold, "write_atomic", write_then_interrupt)
    if signal_after == "folder":
        monkeypatch.setattr(Path, "mkdir", mkdir_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        init_project(tmp_path / "clinic")
    monkeypatch.undo()
    assert not (tmp_path / "clinic").exists()
    code, output = invoke("init", str(tmp_path / "clinic"))
    assert code == 0, output


@pytest.mark.parametrize("then", ["finish", "fail"])
def test_two_inits_into_one_folder_at_once_leave_the_first_ones_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    # Two terminals (or a script run twice) start `init clinic` together: both find the
    # folder empty, then one writes its project while the other is about to. The other
    # found each file already holding its own bytes and took it for its own: it said it
    # had made the project too, and on a failure (a full disk, Ctrl-C) it removed the first one's
    # files, which had been reported made.
    real_write_all, real_write = scaffold._write_all, write_atomic
    folder = tmp_path / "clinic"
    first: dict[str, bytes] = {}

    def other_init_writes_first(at: Path, files: dict[Path, bytes]) -> None:
        monkeypatch.setattr(scaffold, "_write_all", real_write_all)
        init_project(folder)  # the other terminal's, all of it
        first.update(snapshot(folder))
        real_write_all(at, files)

    def disk_full_at_the_last(path: Path, data: bytes, *, overwrite: bool = True) -> bool:
        if path.name == "first-leaflet.yaml" and first:
            raise LeafletError(Location(path), "cannot write: no space left on the disk")
        return real_write(path, data, overwrite=overwrite)

    monkeypatch.setattr(scaffold, "_write_all", other_init_writes_first)
    if then == "fail":
        monkeypatch.setattr(scaffold, "write_atomic", disk_full_at_the_last)
    with pytest.raises(LeafletError, match="appeared while writing; nothing was kept"):
        init_project(folder)
    assert first and snapshot(folder) == first  # the first project, whole


def _latin_words(leaflet: Leaflet) -> list[str]:
    """Words in Latin letters among a leaflet's texts (its citation keys aside)."""
    texts: list[str] = []

    def keep(text: Text) -> Text:
        texts.append(re.sub(r"\[@[^]]*\]", "", text.value))
        return text

    map_texts(leaflet, keep)
    assert texts
    return re.findall(r"[A-Za-z]+", " ".join(texts))


def test_init_in_thai_starts_a_project_whose_leaflets_are_written_in_thai(
    tmp_path: Path,
) -> None:
    """A Bangkok clinic writes in Thai: `init` only offered an English starter, which it
    had to rewrite and re-label before anything it printed was in its language, and each
    `new` leaflet started in English again."""
    code, output = invoke("init", str(tmp_path / "clinic"), "--language", "th")
    assert code == 0, output
    root = tmp_path / "clinic"
    project = Project.at(root)
    starter = root / "leaflets" / "first-leaflet.yaml"
    leaflet, _ = load_leaflet(starter, project)
    assert leaflet.language == "th"
    assert leaflet.title.value == "ชื่อเรื่องของเอกสาร"
    assert _latin_words(leaflet) == []
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    assert (root / "build" / "th" / "first-leaflet.pdf").is_file()
    assert not (root / "build" / "en").exists()
    # The project's next leaflet starts in the language its leaflets are written in.
    code, output = invoke("new", "hand-hygiene", "--project", str(root))
    assert code == 0, output
    second, _ = load_leaflet(project.leaflet_path("hand-hygiene"), project)
    assert second.language == "th" and second.title.value == leaflet.title.value
    code, output = invoke("new", "for-visitors", "--language", "en", "--project", str(root))
    assert code == 0, output
    third, _ = load_leaflet(project.leaflet_path("for-visitors"), project)
    assert third.language == "en" and third.title.value == "Title of the leaflet"


def test_new_starts_in_the_language_most_leaflets_are_written_in(tmp_path: Path) -> None:
    root = init_project(tmp_path / "clinic", language="th").root
    project = Project.at(root)
    (root / "leaflets" / "half-written.yaml").write_text("id: half-written\nlanguage: [\n")
    (root / "leaflets" / "not-utf8.yaml").write_bytes(b"language: \xff\n")
    assert scaffold.project_language(project) == "th"
    for leaflet_id in ("one", "two"):
        scaffold.new_leaflet(project, leaflet_id, language="en")
    assert scaffold.project_language(project) == "en"
    (tmp_path / "empty" / "leaflets").mkdir(parents=True)
    assert scaffold.project_language(Project.at(tmp_path / "empty")) == "en"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--language", "ko"], "no starter leaflet is written in ko"),
        (["--language", "xx"], "unknown locale 'xx'"),
        (["--language", "no"], "reads as a yes/no value"),
        (["--language", "th", "--library", "msc"], "a library brings its own leaflets"),
    ],
)
def test_a_language_with_no_starter_is_one_line_and_touches_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, output = invoke("init", str(tmp_path / "clinic"), *args)
    assert code == 1 and "Traceback" not in output
    assert f"--language {args[1]}: error: " in output and message in output, output
    assert not (tmp_path / "clinic").exists()


def test_new_refuses_a_language_with_no_starter_and_writes_nothing(tmp_path: Path) -> None:
    root = init_project(tmp_path / "clinic").root
    code, output = invoke("new", "x", "--language", "ko", "--project", str(root))
    assert code == 1 and "Traceback" not in output
    assert "no starter leaflet is written in ko" in output and "`language:` to ko" in output
    assert not (root / "leaflets" / "x.yaml").exists()


def test_a_regional_tag_is_its_languages_starter_labelled_as_given(tmp_path: Path) -> None:
    made = init_project(tmp_path / "clinic", language="th-TH")
    text = (made.root / "leaflets" / "first-leaflet.yaml").read_text("utf-8")
    assert "\nlanguage: th_TH\n" in text and "ข้อมูลสำหรับผู้ป่วย" in text


def _described_in_full() -> list[str]:
    """The languages the package describes in full: a profile with a claim list, so
    `check` reads a leaflet in it for promises of cure (Persian and Korean have none: a
    clinician who reads them must), and each script its letters are also written
    in and read from (`letters-in-scripts`: Traditional Chinese, zh_Hant)."""
    from msc_leaflet.checks.claims import claim_list
    from msc_leaflet.languages import language_subtag, profile, profiles

    full = [p.tag for p in profiles() if claim_list(p.tag).claims]
    return full + [
        profile(f"{language_subtag(tag)}_{script}").tag
        for tag in full
        for script, _ in profile(tag).script_letters
    ]


def test_every_language_described_in_full_has_a_starter() -> None:
    """`init --language my` was refused "no starter leaflet is written in my": only an
    English or a Thai clinic could start a project in its own language."""
    assert sorted(scaffold.starter_templates()) == sorted(_described_in_full())


def _texts_of(leaflet: Leaflet) -> list[str]:
    """Every text of ``leaflet``, as written."""
    texts: list[str] = []

    def keep(text: Text) -> Text:
        texts.append(text.value)
        return text

    map_texts(leaflet, keep)
    return texts


def _check_codes(output: str) -> set[str]:
    """The finding codes (DOC001, REF006 …) of `msc-leaflet check`'s output."""
    return set(re.findall(r": (?:error|warning): ([A-Z]+[0-9]+):", output))


def _printed(text: str) -> list[str]:
    """The pieces of a leaflet text the page prints as written: a citation key is
    printed as its number."""
    from test_scripts_build import squash

    return [squash(part) for part in re.split(r"\[@[^]]*\]", text) if squash(part)]


@pytest.mark.parametrize("language", sorted(scaffold.starter_templates()))
def test_each_starter_builds_and_checks_with_only_its_placeholders(
    tmp_path: Path, language: str
) -> None:
    """Each starter, as `init --language X` writes it: written in its language (no text
    left in the English starter's words), built with its text in the PDF's text layer
    (all but its audience: the PDF's subject, not printed) and no glyph drawn as an
    empty box, and `check` finds only what the English starter has a clinic replace
    (its document code, the organisation's CHANGE-ME values, the example reference)."""
    from test_languages_editions import notdef_glyphs
    from test_scripts_build import squash
    from typeset_support import extract_poppler

    root = tmp_path / "clinic"
    code, output = invoke("init", str(root), "--language", language)
    assert code == 0, output
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path("first-leaflet"), project)
    assert leaflet.language == language
    texts = _texts_of(leaflet)
    if language != "en":
        english = scaffold.starter_templates()["en"].read_text("utf-8")
        assert [text for text in texts if text in english] == []
        template = scaffold.starter_templates()[language].read_text("utf-8")
        assert "professional medical translator must review" in template.split("\nid:")[0]
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    pdf = root / "build" / language / "first-leaflet.pdf"
    printed = squash(extract_poppler(pdf))
    on_page = [text for text in texts if not leaflet.audience or text != leaflet.audience.value]
    missing = [piece for text in on_page for piece in _printed(text) if piece not in printed]
    assert missing == []
    assert notdef_glyphs(pdf) == []
    code, output = invoke("check", "--project", str(root))
    assert _check_codes(output) == {"DOC001", "DOC003", "REF006"}, output
    # The project's next leaflet starts from the same starter, in the same language.
    code, output = invoke("new", "second", "--project", str(root))
    assert code == 0, output
    second, _ = load_leaflet(project.leaflet_path("second"), project)
    assert (second.language, second.title.value) == (language, leaflet.title.value)


@pytest.mark.parametrize(
    ("tag", "starter"),
    [
        ("zh-Hans", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("zh_CN", "zh_Hans"),
        ("ar_EG", "ar"),
        ("ja-JP", "ja"),
        ("vi_VN", "vi"),
        # Traditional Chinese has its own starter, never the Simplified one: a Taiwan
        # or Hong Kong clinic given 资料标题 would print Simplified characters.
        ("zh_Hant", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
    ],
)
def test_a_tag_of_a_described_language_takes_its_starter(tag: str, starter: str) -> None:
    """zh_Hans's language subtag is zh: matched by subtag, the Chinese starter was no
    starter of zh-Hans, the tag Chinese leaflets are labelled with."""
    assert (
        scaffold.starter_template(tag, Location(Path("x")))
        == (scaffold.starter_templates()[starter])
    )


@pytest.mark.parametrize("tag", ["ko", "fa", "fr", "zh_Latn"])
def test_a_tag_with_no_starter_is_refused_with_the_list(tmp_path: Path, tag: str) -> None:
    """A starter is text in one script, and a clinic given another's would print it
    (Chinese in Latin letters is not the Chinese starter); Korean and Persian, described
    without a claim list, have none."""
    code, output = invoke("init", str(tmp_path / "clinic"), "--language", tag)
    assert code == 1 and "Traceback" not in output
    assert f"no starter leaflet is written in {tag}" in output, output
    assert f"starters are written in {', '.join(scaffold.starter_templates())}:" in output
    assert not (tmp_path / "clinic").exists()


@pytest.mark.parametrize("command", ["init", "new"])
def test_the_help_names_every_starters_language(command: str) -> None:
    """`--help` said "en or th" while the package carried no other starter; it names
    each one there is."""
    code, output = invoke(command, "--help")
    assert code == 0
    for language in scaffold.starter_templates():
        assert re.search(rf"\b{language}\b", output), language


def test_init_in_bare_zh_builds_with_the_page_words_in_chinese(tmp_path: Path) -> None:
    """`init --language zh` wrote ``language: zh``, and then every build printed the
    version line, "References" and "Page 1 of 1" in English with a warning, beside the
    complete zh_Hans ui catalog it had just copied. The tag is kept as given; zh is
    Simplified Chinese in CLDR, so it reads the zh_Hans catalogs."""
    code, output = invoke("init", str(tmp_path / "clinic"), "--language", "zh")
    assert code == 0, output
    root = tmp_path / "clinic"
    assert "\nlanguage: zh\n" in (root / "leaflets" / "first-leaflet.yaml").read_text("utf-8")
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    assert "printed in English" not in output and "i18n init zh" not in output, output
    assert (root / "build" / "zh" / "first-leaflet.pdf").is_file()


@pytest.mark.parametrize("tag", ["zh_Hant", "zh_TW"])
def test_a_traditional_chinese_project_prints_its_page_words_in_traditional(
    tmp_path: Path, tag: str
) -> None:
    """`init --language zh_TW` was refused (no starter), and a zh_Hant leaflet built
    with "References", "Version" and "Page 1 of 1" in English beside its Chinese: the
    starter is Traditional Chinese, and its page words print from the zh_Hant ui.po."""
    from typeset_support import extract_poppler

    root = tmp_path / "clinic"
    code, output = invoke("init", str(root), "--language", tag)
    assert code == 0, output
    assert "資料標題" in (root / "leaflets" / "first-leaflet.yaml").read_text("utf-8")
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    assert "printed in English" not in output, output
    printed = extract_poppler(root / "build" / tag / "first-leaflet.pdf")
    for words in ("參考文獻", "審核日期", "第 1 頁，共 1 頁", "簡要回答", "請注意", "聯絡我們"):
        assert words in printed, words
    assert "References" not in printed and "Page 1" not in printed


@pytest.mark.parametrize("tag", ["zh_Hant", "zh_TW", "zh_HK"])
def test_i18n_init_of_traditional_chinese_starts_from_the_traditional_ui_catalog(
    tmp_path: Path, tag: str
) -> None:
    """A project without a Traditional Chinese ui.po (the test leaflet's has none)
    printed its page words in English and `i18n init zh_TW` started an empty catalog:
    it starts from the bundled zh_Hant one, its review note kept."""
    import shutil

    from msc_leaflet.i18n.pofile import read_po

    root = tmp_path / "clinic"
    shutil.copytree(Path(__file__).parent / "fixtures" / "languages", root)
    code, output = invoke("i18n", "init", tag, "--project", str(root))
    assert code == 0, output
    made = read_po(root / "locales" / tag / "LC_MESSAGES" / "ui.po")
    assert made.header["Language"] == tag
    assert "professional medical translator" in made.header["X-Review-Required"]
    written = {e.msgctxt: e.msgstr for e in made.entries if e.msgstr}
    assert (written["references"], written["contact"]) == ("參考文獻", "聯絡我們")


def test_i18n_init_zh_is_zh_hans_one_locale_in_one_folder(tmp_path: Path) -> None:
    """A bare zh is zh_Hans (CLDR's default content for Chinese), one locale: `i18n init
    zh` in a project with locales/zh_Hans started a second folder, and every leaflet was
    built twice, into build/zh and build/zh_Hans. It starts zh_Hans's leaflets there; in
    a project without zh_Hans it starts zh from the bundled Simplified words."""
    import shutil

    from msc_leaflet.i18n.pofile import read_po

    root = tmp_path / "clinic"
    assert invoke("init", str(root))[0] == 0
    code, output = invoke("i18n", "init", "zh", "--project", str(root))
    assert code == 0, output
    assert not (root / "locales" / "zh").exists()
    assert "warning" not in output, output  # zh_Hans's leaflet catalog, started there
    assert (root / "locales" / "zh_Hans" / "LC_MESSAGES" / "first-leaflet.po").is_file()
    simplified = read_po(root / "locales" / "zh_Hans" / "LC_MESSAGES" / "ui.po")
    shutil.rmtree(root / "locales" / "zh_Hans")
    code, output = invoke("i18n", "init", "zh", "--project", str(root))
    assert code == 0, output
    made = read_po(root / "locales" / "zh" / "LC_MESSAGES" / "ui.po")
    written = {e.msgid: e.msgstr for e in made.entries if e.msgstr}
    assert written and written == {e.msgid: e.msgstr for e in simplified.entries if e.msgstr}


# The page words every leaflet prints (with an address: the online note), by context.
PAGE_WORDS = (
    "version", "published", "review-date", "references", "page-of", "contact", "phone",
    "web", "disclaimer", "more-online",
)  # fmt: skip
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _as_read(text: str) -> str:
    """``text`` as a reader compares it: no bidi marks (an extractor's, not the page's),
    spaces and line ends as one space."""
    return re.sub(r"\s+", " ", BIDI_MARKS.sub("", text)).strip()


@pytest.mark.parametrize("language", [x for x in scaffold.starter_templates() if x != "en"])
def test_a_leaflet_written_in_a_language_prints_its_page_words_in_it(
    tmp_path: Path, language: str
) -> None:
    """A leaflet whose source language is Arabic printed its version line with English
    labels: the source language's page words come from its ui catalog, as a
    translation's do, in every starter's language, and no English one is printed."""
    from msc_leaflet.i18n.pofile import read_po
    from typeset_support import extract_poppler

    root = tmp_path / "clinic"
    code, output = invoke("init", str(root), "--language", language)
    assert code == 0, output
    leaflet = root / "leaflets" / "first-leaflet.yaml"
    text = leaflet.read_text("utf-8").replace(
        "\nid: first-leaflet\n", "\nid: first-leaflet\nurl: https://example.org/first\n"
    )
    leaflet.write_text(text, "utf-8")
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    assert "printed in English" not in output, output
    printed = _as_read(extract_poppler(root / "build" / language / "first-leaflet.pdf"))
    catalog = read_po(root / "locales" / language / "LC_MESSAGES" / "ui.po")
    words = {entry.msgctxt: entry.msgstr for entry in catalog.entries}
    for key in PAGE_WORDS:
        word = _as_read(words[key].split("{")[0]) or _as_read(words[key].split("}")[-1])
        assert word and word in printed, (key, word)
    english_words = ("Version", "Published", "Review date", "References", "Page 1", "Contact us")
    for english in (*english_words, "This leaflet online", "Please note"):
        assert english not in printed, english


def test_a_language_with_no_ui_catalog_is_said_once_for_the_whole_build(tmp_path: Path) -> None:
    """With no ui.po for the leaflets' own language, the page words print in English and
    the build says so: once, not once for every leaflet, which buried the other
    warnings under copies of one."""
    root = tmp_path / "clinic"
    code, output = invoke("init", str(root), "--language", "ar")
    assert code == 0, output
    first = root / "leaflets" / "first-leaflet.yaml"
    text = first.read_text("utf-8").replace("\nid: first-leaflet\n", "\nid: second-leaflet\n")
    (root / "leaflets" / "second-leaflet.yaml").write_text(text, "utf-8")
    (root / "locales" / "ar" / "LC_MESSAGES" / "ui.po").unlink()
    code, output = invoke("build", "--project", str(root))
    assert code == 0, output
    assert output.count("no ar catalog for the words the page prints itself") == 1, output
    assert "msc-leaflet i18n init ar" in output, output

"""The clinic desk through Starlette's test client: pages, PDFs, packs, and refusals."""

from __future__ import annotations

import asyncio
import base64
import html
import io
import pickle
import re
import shutil
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient
from typer.testing import CliRunner

from desk_support import LOCAL, OVERDUE_DAY, REPO, builds, copy_library, desk_client, snapshot
from i18n_support import set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.fingerprint import file_sha256
from msc_leaflet.build.manifest import load_manifest
from msc_leaflet.cli.app import app as cli_app
from msc_leaflet.desk.app import create_app
from msc_leaflet.desk.builds import Builds
from msc_leaflet.desk.interface import Language, interface, negotiate
from msc_leaflet.desk.server import allowed_hosts, checked_token, listening_sockets
from msc_leaflet.desk.shelf import without_folders
from msc_leaflet.errors import LeafletError, Location
from msc_leaflet.i18n.desk_labels import DESK_MESSAGES
from msc_leaflet.i18n.extract import ui_template
from msc_leaflet.languages import profile
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project, locale_name

TOKEN = "correct-horse-battery"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_library(tmp_path_factory.mktemp("desk"))


@pytest.fixture(scope="module")
def client(project: Path) -> Iterator[TestClient]:
    with desk_client(project) as test_client:
        yield test_client


def test_library_lists_every_leaflet_with_overdue_review(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.text.count('class="card"') == 5
    assert "Safety of MSC infusions" in page.text
    assert "Review overdue since 1 November 2027" in page.text
    assert "Printable in" in page.text and "Thai" in page.text


def test_interface_follows_the_browser_then_the_switch(client: TestClient) -> None:
    thai = client.get("/", headers={"accept-language": "th-TH,th;q=0.9,en;q=0.5"})
    assert '<html lang="th" dir="ltr">' in thai.text and "คลังเอกสาร" in thai.text
    assert "เลยกำหนดทบทวนตั้งแต่ 1 พฤศจิกายน 2570" in thai.text  # Buddhist Era
    switched = client.get("/interface?lang=en&next=/status", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/status"
    assert negotiate("fr, th;q=0.8", ["en", "th"]) == "th"
    assert negotiate("de", ["en", "th"]) == "en"


def test_interface_in_arabic_reads_right_to_left_and_tags_are_valid_html(
    client: TestClient,
) -> None:
    client.cookies.clear()  # the test before chose English with the switch
    arabic = client.get("/", headers={"accept-language": "ar"})
    assert '<html lang="ar" dir="rtl">' in arabic.text and "المكتبة" in arabic.text
    # The language switch names each language in its own script, tagged as HTML wants.
    assert 'lang="zh-Hans" dir="ltr" hreflang="zh-Hans"' in arabic.text
    assert 'lang="zh_Hans"' not in arabic.text  # the query value may stay zh_Hans
    # An English title on an Arabic page keeps its own direction ("cells?" not "?cells").
    assert '<h2 lang="en" dir="ltr">' in arabic.text
    available = ["en", "th", "zh_Hans"]
    assert negotiate("zh-CN,zh;q=0.9", available) == "zh_Hans"
    assert negotiate("zh-Hans", available) == "zh_Hans"
    assert negotiate("zh-TW", available) == "en"
    # With the Traditional catalog a Taiwan or Hong Kong browser is given it, and a
    # mainland one still the Simplified.
    available = ["en", "th", "zh_Hans", "zh_Hant"]
    for tag in ("zh-TW", "zh-HK", "zh-Hant-TW", "zh-TW,zh;q=0.9"):
        assert negotiate(tag, available) == "zh_Hant", tag
    assert negotiate("zh-CN,zh;q=0.9", available) == "zh_Hans"
    traditional = client.get("/", headers={"accept-language": "zh-TW"})
    assert '<html lang="zh-Hant" dir="ltr">' in traditional.text and "手冊庫" in traditional.text


def test_filters_and_search_in_every_language(client: TestClient) -> None:
    by_thai_title = client.get("/", params={"q": "ความปลอดภัย"})
    assert by_thai_title.text.count('class="card"') == 1
    assert "infusion-safety" in by_thai_title.text
    by_topic = client.get("/", params={"topic": "basics", "lang": "th"})
    assert by_topic.text.count('class="card"') == 2
    assert "การรักษาด้วย MSC ทำอะไรได้และทำอะไรไม่ได้" in by_topic.text


def test_pdf_is_the_built_output_and_served_again_without_a_build(
    client: TestClient, project: Path
) -> None:
    first = client.get("/leaflets/infusion-safety/pdf", params={"lang": "th"})
    assert first.status_code == 200 and first.headers["content-type"] == "application/pdf"
    built = project / "build" / "desk" / "th" / "infusion-safety.pdf"
    assert first.content == built.read_bytes()
    manifest = project / "build" / "desk" / "manifest.json"
    entry = load_manifest(manifest).outputs["th/infusion-safety.pdf"]
    assert entry.sha256 == file_sha256(built)
    assert entry.pages == len(PdfReader(built).pages)
    started = builds(client).builds_started
    again = client.get("/leaflets/infusion-safety/pdf", params={"lang": "th"})
    assert again.content == first.content and builds(client).builds_started == started


def test_leaflet_page_shows_previews_choices_checks_and_translation(client: TestClient) -> None:
    page = client.get("/leaflets/what-msc-can-do", params={"lang": "th", "edition": "parallel"})
    assert page.status_code == 200
    assert page.text.count('class="page-list"') == 1 and "pages/1.png" in page.text
    assert "Open PDF" in page.text and "Content checks" in page.text
    assert "100% translated" in page.text
    picture = client.get("/leaflets/what-msc-can-do/pages/1.png?lang=th&edition=parallel")
    assert picture.headers["content-type"] == "image/png" and picture.content[:4] == b"\x89PNG"
    missing = client.get("/leaflets/what-msc-can-do/pages/99.png?lang=th")
    assert missing.status_code == 404


def test_a_page_picture_removed_meanwhile_is_drawn_again(client: TestClient) -> None:
    # `msc-leaflet preview` rewriting the folder, or a cleanup, while the desk serves it:
    # a picture other than page 1's gone was a bare 500.
    url = "/leaflets/infusion-safety/pages/2.png?lang=th"
    first = client.get(url)
    assert first.status_code == 200
    [picture] = (client.app.state.desk.builds.out_dir / "preview" / "th").glob(  # type: ignore[attr-defined]
        "infusion-safety/page-02.png"
    )
    picture.unlink()
    again = client.get(url)
    assert again.status_code == 200 and again.content[:4] == b"\x89PNG"
    assert picture.is_file()


def test_patient_pack_has_a_cover_and_every_leaflet(client: TestClient, project: Path) -> None:
    ids = ["choosing-a-clinic", "infusion-safety", "what-research-says"]
    pack = client.get("/pack.pdf", params={"leaflet": ids, "lang": "th"})
    assert pack.status_code == 200
    reader = PdfReader(io.BytesIO(pack.content))
    pages = [len(PdfReader(project / "build" / "desk" / "th" / f"{i}.pdf").pages) for i in ids]
    assert len(reader.pages) == 1 + sum(pages)
    cover = reader.pages[0].extract_text()
    assert "ข้อมูลสำหรับนำกลับบ้าน" in cover and "การเลือกคลินิก" in cover
    with_english = client.get("/pack.pdf", params={"leaflet": ids[:1], "lang": "th",
                                                   "with_source": "1"})  # fmt: skip
    assert (
        "Choosing a clinic" in PdfReader(io.BytesIO(with_english.content)).pages[0].extract_text()
    )
    empty = client.get("/pack.pdf", params={"lang": "th"}, follow_redirects=False)
    assert empty.status_code == 303
    # A leaflet not translated into the pack's language would come in English under a
    # cover in the patient's language: refused, naming it.
    untranslated = client.get("/pack.pdf", params={"leaflet": ids[:1], "lang": "vi"})
    assert untranslated.status_code == 400 and "Choosing a clinic" in untranslated.text


def test_a_leaflet_not_ready_in_a_language_is_not_handed_out_in_it(client: TestClient) -> None:
    """A leaflet with no Vietnamese translation built as Vietnamese prints its English
    text under Vietnamese page furniture: handed to a patient it reads as theirs. The
    pack refused it; the leaflet's own page offered it. Now the page says it is not
    ready and offers no PDF; the PDF is refused, naming the leaflet; the proof, which
    lists what is untranslated, is still there for the translator."""
    page = client.get("/leaflets/choosing-a-clinic?lang=vi")
    assert page.status_code == 200
    assert 'id="choice-problem" role="alert">Not yet ready to print in' in page.text
    assert "/leaflets/choosing-a-clinic/pdf?" not in page.text
    refused = client.get("/leaflets/choosing-a-clinic/pdf?lang=vi")
    assert refused.status_code == 400 and "Choosing a clinic" in refused.text
    assert client.get("/leaflets/choosing-a-clinic/pages/1.png?lang=vi").status_code == 400
    proof = client.get("/leaflets/choosing-a-clinic/pdf?lang=vi&proof=1")
    assert proof.status_code == 200 and proof.content.startswith(b"%PDF")
    ready = client.get("/leaflets/choosing-a-clinic/pdf?lang=th")
    assert ready.status_code == 200 and ready.content.startswith(b"%PDF")


def test_status_lists_translations_checks_and_proofs(client: TestClient) -> None:
    page = client.get("/status")
    assert page.status_code == 200
    assert "/leaflets/stromal-or-stem/pdf?lang=th&amp;proof=1" in page.text
    assert "error(s)" in page.text and "User interface words" in page.text
    proof = client.get("/leaflets/stromal-or-stem/pdf?lang=th&proof=1")
    assert proof.status_code == 200 and proof.content.startswith(b"%PDF")


def test_security_headers(client: TestClient) -> None:
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in page.text and "http://" not in page.text.replace(LOCAL, "")
    assert client.get("/static/desk.css").headers["x-content-type-options"] == "nosniff"


HOSTILE = [
    "/leaflets/..%2F..%2Fetc%2Fpasswd/pdf",
    "/leaflets/%2e%2e/pdf?lang=th",
    "/leaflets/..%5C..%5Cwindows/pdf",
    "/leaflets/Infusion-Safety/pdf",
    "/leaflets/infusion-safety/pdf?lang=../../etc",
    "/leaflets/infusion-safety/pdf?lang=zz",
    "/leaflets/infusion-safety/pdf?lang=th&edition=../x",
    "/leaflets/infusion-safety/pdf?lang=th&paper=%2Fetc",
    "/leaflets/infusion-safety/pages/0.png?lang=th",
    "/leaflets/infusion-safety/pages/..%2F..%2Fmanifest.json",
    "/static/..%2F..%2Fapp.py",
    "/static/%2e%2e/%2e%2e/cli.py",
    "/pack.pdf?leaflet=../../etc/passwd&lang=th",
    "/pack.pdf?leaflet=infusion-safety&lang=xx-YY",
    "/?lang=..",
    "/?topic=../../secret",
    "/interface?lang=fr",
    "/?q=" + "ก" * 3000,
    "/leaflets/" + "a" * 600,
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_requests_get_4xx_and_touch_nothing(
    client: TestClient, project: Path, url: str
) -> None:
    before = snapshot(project)
    outputs = sorted((project / "build").rglob("*")) if (project / "build").exists() else []
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert snapshot(project) == before
    after = sorted((project / "build").rglob("*")) if (project / "build").exists() else []
    assert after == outputs


def test_only_reading_methods(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, "/leaflets/infusion-safety/pdf").status_code == 405


def test_another_site_cannot_start_a_build_in_the_background(client: TestClient) -> None:
    # <img src="http://127.0.0.1:8000/leaflets/…/pdf?…"> on any page open in the clinic's
    # browser: refused before any build. A link the reader follows still opens the page.
    count = builds(client).builds_started
    url = "/leaflets/infusion-safety/pdf?lang=th&paper=a5"
    for mode in ("no-cors", "cors", "same-origin"):
        background = {"sec-fetch-site": "cross-site", "sec-fetch-mode": mode}
        assert client.get(url, headers=background).status_code == 403
    assert builds(client).builds_started == count
    # Another program's page on the same computer or server (another port: the browser
    # calls it "same-site", as it does a neighbour under the same domain) is no page of
    # the desk either.
    for mode in ("no-cors", "cors"):
        neighbour = {"sec-fetch-site": "same-site", "sec-fetch-mode": mode}
        assert client.get(url, headers=neighbour).status_code == 403
    assert builds(client).builds_started == count
    followed = {"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate"}
    assert client.get("/", headers=followed).status_code == 200
    own = {"sec-fetch-site": "same-origin", "sec-fetch-mode": "no-cors"}
    assert client.get("/static/desk.css", headers=own).status_code == 200
    typed = {"sec-fetch-site": "none", "sec-fetch-mode": "navigate"}  # an address typed in
    assert client.get("/", headers=typed).status_code == 200


def test_another_sites_hidden_frame_cannot_start_a_build(client: TestClient) -> None:
    """A page of another site can fill itself with invisible frames, each loading a PDF
    address of the desk: the browser marks such a request a navigation (of the frame,
    not of the reader's tab), so the guard let it through as "a link the reader
    follows", and each frame started a build, keeping the clinic computer's cores busy
    (X-Frame-Options only hides the answer). Only a navigation of the reader's own tab
    (``Sec-Fetch-Dest: document``) from another site is a followed link."""
    count = builds(client).builds_started
    url = "/leaflets/infusion-safety/pdf?lang=th&paper=a5&colour=cmyk"
    for site in ("cross-site", "same-site"):
        for dest in ("iframe", "frame", "object", "embed"):
            framed = {"sec-fetch-site": site, "sec-fetch-mode": "navigate", "sec-fetch-dest": dest}
            assert client.get(url, headers=framed).status_code == 403, (site, dest)
    assert builds(client).builds_started == count
    followed = {"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate",
                "sec-fetch-dest": "document"}  # fmt: skip
    assert client.get("/", headers=followed).status_code == 200
    own_frame = {"sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate",
                 "sec-fetch-dest": "iframe"}  # fmt: skip
    assert client.get("/static/desk.css", headers=own_frame).status_code == 200


def test_another_sites_prefetch_cannot_start_a_build(client: TestClient) -> None:
    """A page of another site may ask the browser to fetch its links ahead of a click
    (speculation rules, ``<link rel=prefetch>``): the browser sends each as a navigation
    of a tab, marked ``Sec-Fetch-Dest: document``, and the guard took it for a link the
    reader follows, so a list of PDF addresses started as many builds nobody asked for.
    A prefetch (``Sec-Purpose`` or the older ``Purpose``) is no reader following a link."""
    count = builds(client).builds_started
    url = "/leaflets/infusion-safety/pdf?lang=th&paper=a5&colour=cmyk&edition=parallel"
    navigation = {"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate",
                  "sec-fetch-dest": "document"}  # fmt: skip
    for purpose in ({"sec-purpose": "prefetch"}, {"sec-purpose": "prefetch;prerender"},
                    {"purpose": "prefetch"}):  # fmt: skip
        assert client.get(url, headers=navigation | purpose).status_code == 403, purpose
    assert builds(client).builds_started == count
    own = {"sec-fetch-site": "same-origin", "sec-purpose": "prefetch"}
    assert client.get("/", headers=own).status_code == 200


def test_another_site_cannot_start_a_build_from_a_browser_without_fetch_metadata(
    client: TestClient,
) -> None:
    """Safari before 16.4 (an older clinic iPad that cannot update) sends no
    ``Sec-Fetch-Site``: a ``fetch`` of a PDF address from any page open on it started a
    build, as from curl. Such a request still says its page's ``Origin``; one that is
    not the desk's own is refused before anything is built."""
    count = builds(client).builds_started
    url = "/leaflets/infusion-safety/pdf?lang=th&paper=a5&edition=sequential"
    for origin in ("http://evil.example", "null", "http://127.0.0.1:9999", "http://localhost"):
        refused = client.get(url, headers={"origin": origin})
        assert refused.status_code == 403, origin
        assert "another site" in refused.text or "its own pages" in refused.text
    assert builds(client).builds_started == count
    own = client.get("/static/desk.css", headers={"origin": LOCAL})
    assert own.status_code == 200


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_a_host_header_no_browser_writes_is_refused(client: TestClient) -> None:
    """The port was cut off at the last ':' whatever stood after it, so a Host of
    ``127.0.0.1:8000@evil.example`` was read as 127.0.0.1 and answered."""
    for host in ("127.0.0.1:8000@evil.example", "127.0.0.1:x", "localhost:80:80", "[::1]x"):
        assert client.get("/", headers={"host": host}).status_code == 400, host
    for host in ("127.0.0.1:8000", "127.0.0.1", " 127.0.0.1:80 "):
        assert client.get("/", headers={"host": host}).status_code == 200, host


def test_a_trailing_dot_on_an_allowed_host_is_the_same_host(project: Path) -> None:
    """``localhost.`` is the fully qualified spelling of ``localhost``: it was refused.
    Nothing else grows looser: two dots, a dot before the name, or a dot after a
    foreign name are still refused (DNS rebinding)."""
    app = create_app(project, hosts=allowed_hosts("127.0.0.1", 8000),
                     pool=ThreadPoolExecutor(1), warm=False)  # fmt: skip
    with TestClient(app, base_url="http://localhost.:8000") as local:
        for host in ("localhost.", "localhost.:8000", "LOCALHOST.:80", "127.0.0.1."):
            assert local.get("/pack", headers={"host": host}).status_code == 200, host
        refused = ("localhost..", ".localhost", "evil.example.", "localhost.evil.example.")
        for host in (*refused, ".", "localhost..:8000", "[::1].", "localhost.@evil.example"):
            assert local.get("/pack", headers={"host": host}).status_code == 400, host


def test_open_redirect_is_not_followed(client: TestClient) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.get("/interface", params={"lang": "th", "next": target},
                              follow_redirects=False)  # fmt: skip
        assert response.headers["location"] == "/"


def test_token_required_beyond_localhost(project: Path) -> None:
    app = create_app(project, token=TOKEN, hosts=None, pool=ThreadPoolExecutor(1), warm=False)
    with TestClient(app, base_url="http://192.0.2.10:8000") as remote:
        missing = remote.get("/")
        assert missing.status_code == 401 and "Basic" in missing.headers["www-authenticate"]
        wrong = "Basic " + base64.b64encode(b"desk:not-the-token").decode()
        assert remote.get("/", headers={"authorization": wrong}).status_code == 401
        assert remote.get("/", headers={"authorization": "Bearer nope"}).status_code == 401
        right = "Basic " + base64.b64encode(f"desk:{TOKEN}".encode()).decode()
        assert remote.get("/", headers={"authorization": right}).status_code == 200
        assert remote.get("/", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize("token", ["pässwörd-123456", "ключ-доступа-desk", "secret-wàà-1234"])
def test_a_non_ascii_token_works_as_bearer_and_basic(project: Path, token: str) -> None:
    """The header arrives as bytes; a UTF-8 token must match them byte for byte (an
    ending U+00E0 is the bytes C3 A0: the A0 is no blank to strip)."""
    app = create_app(project, token=token, hosts=None, pool=ThreadPoolExecutor(1), warm=False)
    with TestClient(app, base_url="http://192.0.2.10:8000") as remote:
        for header in (
            b"Bearer " + token.encode(),
            b"Basic " + base64.b64encode(b"desk:" + token.encode()),
        ):
            assert remote.get("/", headers={b"authorization": header}).status_code == 200
        wrong = b"Bearer " + token.encode("latin-1", "replace")[:-1] + b"x"
        assert remote.get("/", headers={b"authorization": wrong}).status_code == 401


def test_a_thai_token_set_in_an_ascii_locale_works(project: Path) -> None:
    """``MSC_DESK_TOKEN=รหัสผ่าน… msc-leaflet serve`` under LC_ALL=C (Python's UTF-8
    mode off): Python holds each byte of the token as a surrogate (U+DCE0 …), and every
    request, with the token or without, was a 500 and a traceback in the log."""
    typed = "รหัสผ่านยาวพอแล้ว".encode()
    token = typed.decode("ascii", "surrogateescape")  # as os.environ gives it then
    app = create_app(project, token=token, hosts=None, pool=ThreadPoolExecutor(1), warm=False)
    with TestClient(app, base_url="http://192.0.2.10:8000") as remote:
        assert remote.get("/", headers={b"authorization": b"Bearer " + typed}).status_code == 200
        basic = b"Basic " + base64.b64encode(b"desk:" + typed)
        assert remote.get("/", headers={b"authorization": basic}).status_code == 200
        assert remote.get("/", headers={"authorization": "Bearer wrong-token"}).status_code == 401


def test_serve_refuses_a_network_address_without_a_token(
    monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    monkeypatch.delenv("MSC_DESK_TOKEN", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--project", str(project), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "without a token" in result.output
    with pytest.raises(LeafletError, match="shorter"):
        checked_token("0.0.0.0", "short")
    assert checked_token("127.0.0.1", None) is None
    monkeypatch.setenv("MSC_DESK_TOKEN", TOKEN)
    assert checked_token("0.0.0.0", None) == TOKEN


def serve_cli(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli_app, ["serve", "--project", str(project), "--token", TOKEN, "--workers", "1", *args]
    )
    return result.exit_code, result.output


def test_serve_on_a_port_in_use_says_so_before_announcing_anything(project: Path) -> None:
    """uvicorn bound only after the URL (another program's) was printed, then exited 3."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        code, output = serve_cli(project, "--port", str(port))
    assert code == 1
    assert f"--port: error: port {port} is already in use" in output
    assert "desk for" not in output and "Errno" not in output and ".: error" not in output


def test_serve_on_an_unknown_or_foreign_address_says_so(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = serve_cli(project, "--host", "192.0.2.77", "--port", "8000")
    assert code == 1 and "--host: error: 192.0.2.77 is not an address of this computer" in output

    def unknown(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "no such name")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    code, output = serve_cli(project, "--host", "desk.invalid", "--port", "8000")
    assert code == 1 and "desk.invalid is not a known address" in output
    assert "desk for" not in output and "no such name" not in output


def test_listening_sockets_are_bound_and_handed_over() -> None:
    sockets = listening_sockets("127.0.0.1", 0)
    try:
        assert [s.getsockname()[0] for s in sockets] == ["127.0.0.1"]
    finally:
        for sock in sockets:
            sock.close()


class CountingPool(ThreadPoolExecutor):
    """Counts the jobs the desk hands its pool. One thread: a process builds one leaflet
    at a time (the language's word list and ReportLab's font registry are per-process
    state), which is why the desk's real pool is of processes. Two threads building en
    and th at once made this test fail now and then on a Thai word list swapped under
    the Thai build; the requests still arrive concurrently."""

    def __init__(self) -> None:
        super().__init__(1)
        self.jobs: list[str] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.jobs.append(getattr(fn, "__name__", ""))
        return super().submit(fn, *args, **kwargs)


def test_concurrent_requests_build_each_output_once(tmp_path: Path) -> None:
    project = Project.at(copy_library(tmp_path))
    pool = CountingPool()
    desk_builds = Builds(project, project.root / "build", pool)

    async def many() -> list[str]:
        wanted = [("infusion-safety", "th")] * 6 + [("infusion-safety", "en")] * 4
        built = await asyncio.gather(
            *(desk_builds.pdf(i, loc, "single", PrintSpec()) for i, loc in wanted)
        )
        return [b.path.name + b.job.locale for b in built]

    names = asyncio.run(many())
    assert len(names) == 10 and pool.jobs == ["build_job", "build_job"]
    manifest = load_manifest(project.root / "build" / "manifest.json")
    assert set(manifest.outputs) == {"th/infusion-safety.pdf", "en/infusion-safety.pdf"}
    pool.shutdown()


def test_desk_words_are_in_the_ui_template_and_translated() -> None:
    keys = {entry.msgctxt for entry in ui_template().active}
    assert set(DESK_MESSAGES) <= keys
    from msc_leaflet.desk.interface import interface

    thai = interface(Project.at(Path(__file__).resolve().parents[1]), "th")
    assert all(key in thai.translations for key in DESK_MESSAGES)
    assert thai("desk.found", count=3) == "พบ 3 ฉบับ"


def test_a_value_in_a_sentence_keeps_its_own_direction() -> None:
    """A value put into a translated sentence (a refused address, a signer's name, a
    leaflet's title) is isolated (U+2068 … U+2069): on an Arabic page "../../etc" or
    an English name read in their own direction, not reordered with the Arabic around
    them; so is an Arabic name on an English page. Latin values on a left-to-right page
    need no isolation and are left as they are."""
    from msc_leaflet.desk.interface import interface

    root = Project.at(Path(__file__).resolve().parents[1])
    arabic = interface(root, "ar")
    assert "\u2068../../etc\u2069" in arabic("desk.not-offered", value="../../etc")
    english = interface(root, "en")
    assert "\u2068د. سارة\u2069" in english("desk.not-offered", value="د. سارة")
    assert english("desk.not-offered", value="letter") == (
        "“letter” is not offered here: choose one of these."
    )


def test_an_editors_lock_and_an_unknown_language_folder_leave_the_desk_working(
    tmp_path: Path,
) -> None:
    """Emacs' lock (.#name.yaml, a link to nowhere) in leaflets/, and a ui catalog in a
    folder CLDR knows no language by: the command line reads past both, and every page
    of the desk answered 500 while either was there."""
    root = copy_library(tmp_path)
    (root / "leaflets" / ".#infusion-safety.yaml").symlink_to("root@host.1234:1700000000")
    stray = root / "locales" / "tlh" / "LC_MESSAGES"
    stray.mkdir(parents=True)
    shutil.copy(root / "locales" / "th" / "LC_MESSAGES" / "ui.po", stray / "ui.po")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        for page in ("/", "/status", "/pack", "/leaflets/infusion-safety"):
            assert desk.get(page).status_code == 200, page


def test_a_broken_catalog_is_named_on_the_page_and_never_breaks_the_interface(
    tmp_path: Path,
) -> None:
    """A translator's half-saved ``.po`` (an unclosed string, bytes that are not UTF-8):
    the interface falls back to English words for a broken ``ui`` catalog, and a page
    that needs a broken catalog names it, file and line, with what to do — every page
    answered a bare "Internal Server Error" while either file was there."""
    root = copy_library(tmp_path)
    messages = root / "locales" / "th" / "LC_MESSAGES"
    (messages / "ui.po").write_bytes(b"\xff\xfe not a catalog")
    with open(messages / "infusion-safety.po", "a", encoding="utf-8") as po:
        po.write('\nmsgid "half-saved\n')
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as desk:
        thai_reader = {"accept-language": "th"}
        for page in ("/", "/pack", "/?lang=th"):
            assert desk.get(page, headers=thai_reader).status_code == 200, page
        # The page words' catalog: Status lists it with the check results (a page of
        # every leaflet was a 500 naming it), and the Thai page of a leaflet says so.
        status = desk.get("/status", headers=thai_reader)
        assert status.status_code == 200
        items = re.findall(r'<li class="error".*?</li>', status.text, re.S)
        assert sum("locales/th/LC_MESSAGES/ui.po:1" in item for item in items) == 1, items
        english = desk.get("/leaflets/what-msc-can-do?lang=en", headers=thai_reader)
        assert english.status_code == 200
        thai = desk.get("/leaflets/what-msc-can-do?lang=th", headers=thai_reader)
        assert "locales/th/LC_MESSAGES/ui.po:1" in thai.text
        assert "/leaflets/what-msc-can-do/pdf?" not in thai.text
        for answer in (status, english, thai):
            assert "Internal Server Error" not in answer.text
            assert "Traceback" not in answer.text
        shutil.copy(REPO / "locales" / "th" / "LC_MESSAGES" / "ui.po", messages / "ui.po")
        # Once it is mended, the leaflet's catalog is one language of one leaflet: Status
        # names it among the check results, the other leaflets are unaffected.
        status = desk.get("/status", headers=thai_reader)
        assert status.status_code == 200
        assert "locales/th/LC_MESSAGES/infusion-safety.po:" in status.text
        assert desk.get("/leaflets/what-msc-can-do?lang=en").status_code == 200


def test_a_half_saved_translation_holds_back_its_language_alone(tmp_path: Path) -> None:
    """A translator's half-saved Thai catalog of one leaflet withdrew the whole leaflet
    from the desk: its English page said "no leaflet: renamed or withdrawn" (404), and
    Status and every other leaflet's page were a 500 (the checks stopped at the file).
    Now Thai alone is not ready, its page says which line to correct, and the English
    leaflet, the other leaflets and Status are served."""
    root = copy_library(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    with open(catalog, "a", encoding="utf-8") as po:
        po.write('\nmsgid "half-saved\n')
    line = catalog.read_text(encoding="utf-8").count("\n")
    where = f"locales/th/LC_MESSAGES/infusion-safety.po:{line}"
    with desk_client(root) as desk:
        thai = desk.get("/leaflets/infusion-safety?lang=th")
        assert thai.status_code == 200
        assert 'role="alert">Not yet ready to print in' in thai.text
        assert f'<code dir="ltr">{where}</code>' in thai.text
        # Said once on the leaflet's page, file and line, in either language: it was
        # listed again among the checks, without its file.
        for lang in ("th", "en"):
            page = desk.get(f"/leaflets/infusion-safety?lang={lang}").text
            said = re.findall(r"<li [^>]*>(?:(?!</li>).)*not closed", page, re.S)
            assert len(said) == 1 and where in said[0], (lang, said)
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 400
        english = desk.get("/leaflets/infusion-safety/pdf?lang=en")
        assert english.headers["content-type"] == "application/pdf"
        assert desk.get("/leaflets/stromal-or-stem?lang=th").status_code == 200
        status = desk.get("/status")
        assert status.status_code == 200
        # Listed once, as `msc-leaflet check` reports it: an error of that language.
        items = re.findall(r'<li class="error".*?</li>', status.text, re.S)
        assert sum(where in item for item in items) == 1, items
        library = desk.get("/", params={"lang": "th"}).text
        assert "infusion-safety" not in library and "stromal-or-stem" in library


def test_a_leaflet_that_does_not_load_says_why_on_its_own_page(tmp_path: Path) -> None:
    """A leaflet one typo away from printing (YAML an editor left broken) was "no
    leaflet: it may have been renamed or withdrawn" at its own address, and staff
    following a bookmark went looking for a withdrawal. Its page names the file, the
    line and what to do; the other leaflets still print."""
    root = copy_library(tmp_path)
    source = root / "leaflets" / "stromal-or-stem.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", "utf-8")
    with desk_client(root) as desk:
        for address in ("/leaflets/stromal-or-stem", "/leaflets/stromal-or-stem/pdf?lang=en"):
            page = desk.get(address)
            assert page.status_code == 500, address
            assert "leaflets/stromal-or-stem.yaml:" in page.text
            assert "renamed or withdrawn" not in page.text
        assert desk.get("/leaflets/nothing-here").status_code == 404
        assert "renamed or withdrawn" in desk.get("/leaflets/nothing-here").text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200


@pytest.mark.parametrize(
    ("host", "url"),
    [("127.0.0.2", "http://127.0.0.2:8000"), ("0:0:0:0:0:0:0:1", "http://[::1]:8000"),
     ("::1", "http://[::1]:8000"), ("localhost", "http://localhost:8000")],
)  # fmt: skip
def test_a_desk_on_any_loopback_address_answers_the_browser_that_opens_it(
    project: Path, host: str, url: str
) -> None:
    """``--host 127.0.0.2`` is loopback, so no token is asked, but the browser sends
    ``Host: 127.0.0.2:8000``: every request was refused as a foreign Host."""
    app = create_app(project, hosts=allowed_hosts(host, 8000), pool=ThreadPoolExecutor(1),
                     warm=False)  # fmt: skip
    with TestClient(app, base_url=url) as local:
        assert local.get("/pack").status_code == 200
        assert local.get("/pack", headers={"host": "evil.example"}).status_code == 400


def test_a_huge_workers_number_starts_no_more_than_the_machine_can_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve --workers 1000` started and warmed 1000 build processes (each lays out a
    leaflet, ~150 MB) before the desk answered. Now at most four per core, as build -j."""
    from msc_leaflet.build import workers
    from msc_leaflet.desk import app as desk_app

    monkeypatch.setattr(workers, "cpu_cores", lambda: 2)
    started: list[int] = []

    def new_pool(count: int) -> ThreadPoolExecutor:
        started.append(count)
        return ThreadPoolExecutor(1)

    monkeypatch.setattr(desk_app, "new_pool", new_pool)
    create_app(project, workers=1000, warm=False)
    create_app(project, warm=False)
    create_app(project, workers=3, warm=False)
    assert started == [8, 2, 3]


def test_a_theme_nested_too_deep_stops_the_desk_in_one_line(project: Path, tmp_path: Path) -> None:
    """The desk read theme.yaml's paper with PyYAML's own reader: 100,000 nested
    brackets made `serve` fail at startup with `internal error: RecursionError`."""
    root = tmp_path / "p"
    shutil.copytree(project, root)
    (root / "theme.yaml").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(LeafletError, match="nesting deeper than") as caught:
        create_app(root, pool=ThreadPoolExecutor(1), warm=False)
    assert caught.value.location.path.name == "theme.yaml"


@pytest.mark.parametrize("placeholder", ["{count.real.nope}", "{count[0]}", "{count:>40}",
                                         "{count!r}"])  # fmt: skip
def test_a_desk_word_whose_placeholder_is_more_than_a_name_is_shown_in_english(
    tmp_path: Path, placeholder: str
) -> None:
    """A ``ui.po`` translation of a desk word keeping its ``{count}`` but adding a field
    of its own that Python's ``str.format`` reads as code (an attribute, an index, a
    width, a conversion: a typo, or a catalog from elsewhere) passed the placeholder
    check, and every page showing that word was a bare 500 (or, with a width of
    millions, a page of padding, or a desk out of memory). Such a translation is now
    left out as a fuzzy one is: the page shows the bundled library's word, else the
    English one."""
    root = copy_library(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "พบ {count} ฉบับ"' in text
    changed = f'msgstr "พบ {{count}} ฉบับ {placeholder}"'
    po.write_text(text.replace('msgstr "พบ {count} ฉบับ"', changed), encoding="utf-8")

    expected = ("พบ 5 ฉบับ", "5 leaflet(s)")
    assert interface(Project.at(root), "th")("desk.found", count=5) in expected
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/", headers={"accept-language": "th"})
    assert page.status_code == 200
    assert page.text.split('role="status">', 1)[1].split("</p>", 1)[0] in expected


def test_a_catalog_saved_while_its_leaflet_builds_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator saves a corrected title while the desk builds that leaflet (or
    `i18n update` rewrites the catalog). The PDF holds the old title; the manifest
    recorded the catalog as it was after the build, so the old PDF counted as up to
    date and was handed out until some other file changed. Now the next request
    builds again and serves the new title."""
    from msc_leaflet.build import build as build_stage

    project = Project.at(copy_library(tmp_path))
    catalog = project.root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    old = "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ"
    new = "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ"
    original = build_stage.build_loaded
    saves = [new]

    def build_while_the_translator_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = original(*args, **kwargs)
        if saves:  # the save lands after the catalog was read, before the build ends
            text = catalog.read_text(encoding="utf-8")
            catalog.write_text(text.replace(old, saves.pop()), encoding="utf-8")
        return result

    monkeypatch.setattr(build_stage, "build_loaded", build_while_the_translator_saves)
    pool = ThreadPoolExecutor(1)
    desk_builds = Builds(project, project.root / "build", pool)

    def title() -> str:
        built = asyncio.run(desk_builds.pdf("infusion-safety", "th", "single", PrintSpec()))
        metadata = PdfReader(built.path).metadata
        assert metadata is not None
        return str(metadata.title)

    assert title() == old  # built from the catalog as it was read
    assert title() == new and desk_builds.builds_started == 2
    assert title() == new and desk_builds.builds_started == 2  # now up to date
    pool.shutdown()


def test_a_title_shown_untranslated_is_tagged_with_its_own_language(client: TestClient) -> None:
    """A leaflet not translated into the page's language shows its English title, which
    was tagged as that language: a screen reader read "Choosing a clinic" with a
    Vietnamese voice, and on an Arabic pack page '"Stromal" or "stem" cells?' was laid
    out right to left ("?cells …"). The title now carries the language it is written in."""
    client.cookies.clear()
    page = client.get("/leaflets/choosing-a-clinic", params={"lang": "vi"})
    assert '<h1 lang="en" dir="ltr">Choosing a clinic</h1>' in page.text
    translated = client.get("/leaflets/choosing-a-clinic", params={"lang": "th"})
    assert '<h1 lang="th" dir="ltr">การเลือกคลินิก</h1>' in translated.text
    pack = client.get("/pack", headers={"accept-language": "ar"})
    stromal = "&#34;Stromal&#34; or &#34;stem&#34; cells?"
    assert f'<span lang="en" dir="ltr">{stromal}</span>' in pack.text
    assert 'dir="rtl">&#34;Stromal' not in pack.text
    thai_pack = client.get("/pack", headers={"accept-language": "th"})
    assert '<span lang="th" dir="ltr">การเลือกคลินิก</span>' in thai_pack.text


def test_the_stylesheet_mirrors_for_a_right_to_left_interface() -> None:
    """The Arabic desk is laid out right to left (``dir="rtl"``), so every side the
    stylesheet names must be a logical one (start/end). An error's red bar was set on
    the left border, which an Arabic page does not draw (its bar is on the right): an
    error looked like a warning. Table headings were aligned left over right-to-left
    rows, and language tags had their gap on the wrong side."""
    import re

    from msc_leaflet.desk.app import HERE

    css = re.sub(r"/\*.*?\*/", "", (HERE / "static" / "desk.css").read_text(encoding="utf-8"),
                 flags=re.S)  # fmt: skip

    def physical(name: str, value: str) -> bool:
        if re.search(r"(^|-)(left|right)(-|$)", name):
            return True
        if name in ("text-align", "float", "clear"):
            return value in ("left", "right")
        sides = value.split()  # a shorthand's four sides: right and left differ
        shorthand = name in ("margin", "padding", "border-width", "border-color", "inset")
        return shorthand and len(sides) == 4 and sides[1] != sides[3]

    declarations = re.findall(r"([\w-]+)\s*:\s*([^;{}]+)", css)
    assert [f"{n}: {v.strip()}" for n, v in declarations if physical(n, v.strip())] == []


def test_the_desk_prints_on_the_themes_paper_even_when_it_changes(tmp_path: Path) -> None:
    """A clinic whose theme prints on A5 (set while the desk runs, or before): the
    library's links and the leaflet page chose A4 all the same, and the desk rebuilt
    the command line's A5 output as A4 in the same file, one undoing the other. The
    desk read the theme's paper once, at start-up. Now its default is the theme's paper,
    as `msc-leaflet build` prints it, read again when theme.yaml changes."""
    root = copy_library(tmp_path)
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        checked = 'name="paper" value="{}" checked'
        assert checked.format("a4") in desk.get("/leaflets/infusion-safety?lang=th").text
        bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text("utf-8")
        assert "\npaper: a4 " in bundled
        theme = bundled.replace("\npaper: a4 ", "\npaper: a5 ", 1)
        (root / "theme.yaml").write_text(theme, encoding="utf-8")
        page = desk.get("/leaflets/infusion-safety?lang=th")
        assert checked.format("a5") in page.text and checked.format("a4") not in page.text
        pdf = desk.get("/leaflets/infusion-safety/pdf?lang=th")
        width, height = PdfReader(io.BytesIO(pdf.content)).pages[0].mediabox.upper_right
        assert (round(float(width)), round(float(height))) == (420, 595)  # A5
        started = builds(desk).builds_started
        again = desk.get("/leaflets/infusion-safety/pdf?lang=th&paper=a5")
        assert again.content == pdf.content and builds(desk).builds_started == started


def test_a_check_turned_off_in_the_settings_leaves_the_status_page_at_once(
    tmp_path: Path,
) -> None:
    """The findings were kept until a leaflet or catalog changed (or the day did): a
    check turned off, or made an error, in msc-leaflet.toml still showed as before on
    the Status and leaflet pages, unlike `msc-leaflet check`."""
    root = copy_library(tmp_path)
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"],
                     today=lambda: OVERDUE_DAY)  # fmt: skip
    with TestClient(app, base_url=LOCAL) as desk:
        overdue = "next review was due on"  # DATE001: every review date has passed
        assert overdue in desk.get("/status").text
        settings = root / "msc-leaflet.toml"
        settings.write_text('[checks.DATE001]\nseverity = "off"\n', encoding="utf-8")
        assert overdue not in desk.get("/status").text
        settings.write_text('[checks.DATE001]\nseverity = "error"\n', encoding="utf-8")
        status = desk.get("/status").text
        assert '<li class="error"><span class="severity">Error</span>' in status


def test_another_site_cannot_switch_the_desks_language(client: TestClient) -> None:
    """The language switch is the desk's one remembered choice (a cookie). A link or
    script on another site (a top-level navigation, which the guard lets through for
    reading) switched the reception PC's desk to any language it speaks."""
    client.cookies.clear()
    url = "/interface?lang=ar&next=/pack"
    for site in ("cross-site", "same-site"):
        sent = {"sec-fetch-site": site, "sec-fetch-mode": "navigate"}
        answer = client.get(url, headers=sent, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/pack"
        assert "set-cookie" not in answer.headers
    own = {"sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate"}
    answer = client.get(url, headers=own, follow_redirects=False)
    assert "desk_ui=ar" in answer.headers["set-cookie"]
    client.cookies.clear()


def test_a_leaflet_that_does_not_load_is_named_as_the_project_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk started as a service (from / or a home folder) showed a leaflet that does
    not load with the path from where it was started ("srv/clinic/leaflets/…" or an
    absolute one): the server's own folders on a page any member of staff can open,
    while the check below it said "leaflets/…"."""
    root = copy_library(tmp_path)
    (root / "leaflets" / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    elsewhere = tmp_path / "service"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        status = desk.get("/status").text
    assert '<code dir="ltr">leaflets/broken.yaml:3</code>' in status
    assert str(tmp_path.name) not in status and "../" not in status


def test_a_translation_the_build_cannot_use_is_not_handed_out(tmp_path: Path) -> None:
    """A Thai paragraph with markup opened and never closed (a translator's ``**``) is
    refused by the build, which prints the English paragraph instead. The catalog still
    counted as complete, so the desk called the leaflet ready in Thai and handed out a
    Thai leaflet with an English paragraph in it. Now such a leaflet is not ready in
    Thai (its proof, for the translator, says which text); the others are."""
    root = copy_library(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = catalog.read_text(encoding="utf-8")
    lede = 'msgstr "บางคลินิกให้เซลล์สโตรมัล'
    assert text.count(lede) == 1
    catalog.write_text(text.replace(lede, 'msgstr "**บางคลินิกให้เซลล์สโตรมัล'), "utf-8")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/leaflets/infusion-safety?lang=th")
        assert 'id="choice-problem" role="alert">Not yet ready to print in' in page.text
        assert "/leaflets/infusion-safety/pdf?" not in page.text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 400
        pack = desk.get("/pack.pdf", params={"leaflet": "infusion-safety", "lang": "th"})
        assert pack.status_code == 400 and "Safety of MSC infusions" in pack.text
        library = desk.get("/", params={"lang": "th"}).text
        assert "infusion-safety" not in library and "stromal-or-stem" in library
        proof = desk.get("/leaflets/infusion-safety/pdf?lang=th&proof=1")
        assert proof.status_code == 200
        assert desk.get("/leaflets/stromal-or-stem/pdf?lang=th").status_code == 200


def test_a_catalog_saved_while_the_shelf_is_read_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shelf (titles, what is ready in which language) was stamped with the state
    of the files after it was read: a catalog saved while it was being read (the
    translator's last entry, `i18n update`) left the old shelf in place, marked as
    current, until some other file changed."""
    from msc_leaflet.desk import shelf as shelf_module
    from msc_leaflet.desk.shelf import ShelfReader

    project = Project.at(copy_library(tmp_path))
    catalog = project.root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    old, new = "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ", "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ"
    original = shelf_module.read_card
    saves = [new]

    def read_while_the_translator_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        card = original(*args, **kwargs)
        if saves and card.id == "infusion-safety":
            text = catalog.read_text(encoding="utf-8")
            catalog.write_text(text.replace(old, saves.pop()), encoding="utf-8")
        return card

    monkeypatch.setattr(shelf_module, "read_card", read_while_the_translator_saves)
    reader = ShelfReader(project)
    card = reader().card("infusion-safety")
    assert card is not None and card.title("th") == old  # as it was read
    card = reader().card("infusion-safety")
    assert card is not None and card.title("th") == new


def test_topics_are_tagged_with_the_language_they_are_written_in(client: TestClient) -> None:
    """Topics are the leaflets' keywords, never translated: on a Thai or Arabic desk a
    screen reader read "safety, infusions" with a Thai or Arabic voice."""
    client.cookies.clear()
    page = client.get("/", headers={"accept-language": "th"})
    assert '<option value="safety" lang="en" dir="ltr">safety</option>' in page.text
    assert '<span lang="en" dir="ltr">safety, infusions</span>' in page.text


class DyingPool(ThreadPoolExecutor):
    """A process pool whose worker was killed (out of memory, a crash in a native
    library): it refuses every job from then on, as a real one does."""

    def __init__(self) -> None:
        super().__init__(1)

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        from concurrent.futures.process import BrokenProcessPool

        raise BrokenProcessPool("a child process terminated abruptly")


def test_a_build_worker_that_dies_is_replaced(tmp_path: Path) -> None:
    """A pool worker killed by the system (out of memory) breaks a process pool for
    good: every later build, page picture and check failed with a bare "Internal
    Server Error" until someone restarted the desk. Now the desk starts a new pool
    and runs the job again; the failed checks are not kept either."""
    root = copy_library(tmp_path)
    pools: list[ThreadPoolExecutor] = []

    def fresh() -> ThreadPoolExecutor:
        pools.append(ThreadPoolExecutor(1))
        return pools[-1]

    app = create_app(root, pool=DyingPool(), renew_pool=fresh, warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        pdf = desk.get("/leaflets/infusion-safety/pdf?lang=th")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert desk.get("/status").status_code == 200
        assert len(pools) == 1
        builds(desk).pool = DyingPool()  # dies again, later
        assert desk.get("/leaflets/stromal-or-stem/pdf?lang=th").status_code == 200
        assert len(pools) == 2
    for pool in pools:
        pool.shutdown()


class NoForkServerPool(ThreadPoolExecutor):
    """A process pool whose fork server is gone (killed with the desk's process group
    as it started): starting a worker fails with EOFError, not BrokenProcessPool."""

    def __init__(self) -> None:
        super().__init__(1)

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        raise EOFError("unexpected EOF")


def test_a_fork_server_that_died_is_a_pool_to_replace(tmp_path: Path) -> None:
    """``timeout 60 msc-leaflet serve`` stopped during its warm-up (or the fork server
    killed otherwise): uvicorn printed ``ERROR: Traceback … EOFError: unexpected EOF``
    and "Application startup failed". The warm-up is a head start only, and a dead
    fork server is a dead pool: replaced, the job run again."""
    root = copy_library(tmp_path)
    app = create_app(root, pool=NoForkServerPool(), renew_pool=NoForkServerPool, warm=True,
                     hosts=["127.0.0.1"])  # fmt: skip
    with TestClient(app, base_url=LOCAL) as desk:  # the lifespan's warm-up did not fail
        assert desk.get("/").status_code == 200
        answer = desk.get("/leaflets/infusion-safety/pdf?lang=th")
        assert answer.status_code == 500 and "stopped unexpectedly" in answer.text
        fresh = ThreadPoolExecutor(1)
        builds(desk).pool, builds(desk).renew = NoForkServerPool(), lambda: fresh
        pdf = desk.get("/leaflets/infusion-safety/pdf?lang=th")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    fresh.shutdown()


def test_a_pool_that_keeps_dying_is_named_and_the_desk_recovers(tmp_path: Path) -> None:
    """When the new pool dies too, the page says so in words (not a bare 500), and
    once builds work again the Status page answers: its failed checks were kept
    and shown until the sources changed."""
    root = copy_library(tmp_path)
    app = create_app(root, pool=DyingPool(), renew_pool=DyingPool, warm=False,
                     hosts=["127.0.0.1"])  # fmt: skip
    with TestClient(app, base_url=LOCAL) as desk:
        for url in ("/status", "/leaflets/infusion-safety/pdf?lang=th"):
            answer = desk.get(url)
            assert answer.status_code == 500 and "stopped unexpectedly" in answer.text
            assert "Internal Server Error" not in answer.text
            # The desk's own words, in Thai on a Thai page, none of them English.
            thai = desk.get(url, headers={"accept-language": "th"}).text
            assert "หยุดทำงานกะทันหัน" in thai  # "stopped unexpectedly"
            assert 'lang="en"' not in thai.split("<main", 1)[1], url
        builds(desk).pool = working = ThreadPoolExecutor(1)
        assert desk.get("/status").status_code == 200
    working.shutdown()


def test_a_translation_changed_since_its_clinical_approval_is_not_handed_out(
    tmp_path: Path,
) -> None:
    """A clinician signs the Thai text off (`i18n review`); then a translator edits it.
    `build --strict` refuses the Thai leaflet (its approval is stale) but the desk
    went on calling it ready and handed the unapproved text to patients. Now it is
    not ready until the clinician signs the new text; a translation no one has signed
    yet is not affected (signing off is the project's choice)."""
    root = copy_library(tmp_path)

    def sign_off() -> None:
        result = CliRunner().invoke(cli_app, [
            "i18n", "review", "infusion-safety", "-l", "th", "--by", "Dr Somchai",
            "--role", "clinical", "--project", str(root),
        ])  # fmt: skip
        assert result.exit_code == 0, result.output

    sign_off()
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200
        catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
        text = catalog.read_text(encoding="utf-8")
        old, new = "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ", "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ"
        catalog.write_text(text.replace(old, new), encoding="utf-8")
        page = desk.get("/leaflets/infusion-safety?lang=th")
        assert 'id="choice-problem" role="alert">Not yet ready to print in' in page.text
        assert "Thai: 100% translated — not ready" in page.text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 400
        pack = desk.get("/pack.pdf", params={"leaflet": "infusion-safety", "lang": "th"})
        assert pack.status_code == 400
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th&proof=1").status_code == 200
        assert desk.get("/leaflets/stromal-or-stem/pdf?lang=th").status_code == 200  # unsigned
        sign_off()  # the clinician approves the new text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200


def test_a_build_that_fails_names_its_file_as_the_project_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk started as a service (from / or a home folder) showed a build failure
    with the path from where it was started ("../project/locales/…", or an absolute
    one): not a file the clinic can find in its project, and the server's own folders
    on a page anyone on the desk can open. Every path on the page is the project's."""
    root = copy_library(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    lines = catalog.read_text(encoding="utf-8").splitlines(keepends=True)
    # Contexts dropped, as a po2xliff/xliff2po round trip does: the build refuses it.
    catalog.write_text("".join(x for x in lines if not x.startswith("msgctxt")), "utf-8")
    elsewhere = tmp_path / "service"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        answer = desk.get("/leaflets/infusion-safety/pdf?lang=th&proof=1")
    assert answer.status_code == 500
    assert "locales/th/LC_MESSAGES/infusion-safety.po:1: " in answer.text
    assert str(tmp_path) not in answer.text and "../" not in answer.text
    internal = f"internal error: OSError: [Errno 28] '{root}/build/th/x.pdf'"
    shown = without_folders(Project(root), internal)
    assert shown == "internal error: OSError: [Errno 28] 'build/th/x.pdf'"


def test_a_language_whose_page_words_are_untranslated_is_not_ready(tmp_path: Path) -> None:
    """Every leaflet's Thai catalog complete, but "Page 1 of 4" fuzzy in the Thai
    interface catalog (ui.po): the build only warns and prints it in English, and the
    desk called every leaflet ready in Thai and handed out Thai leaflets with English
    page furniture. Now they are not ready in Thai, the leaflet page names the entry
    (as the project names its file), and the proof is still built for the translator.
    A word only a proof prints (its watermark) holds back no leaflet."""
    root = copy_library(tmp_path)
    ui = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    page_of = '#. Keep the {placeholders} exactly as they are.\nmsgctxt "page-of"\n'
    watermark = 'msgstr "ฉบับตรวจทาน – ห้ามแจกจ่าย"'
    assert text.count(page_of) == 1 and text.count(watermark) == 1
    ui.write_text(text.replace(watermark, 'msgstr ""'), encoding="utf-8")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200
        ui.write_text(ui.read_text("utf-8").replace(page_of, f"#, fuzzy\n{page_of}"), "utf-8")
        page = desk.get("/leaflets/infusion-safety?lang=th")
        assert 'id="choice-problem" role="alert">Not yet ready to print in' in page.text
        assert "/leaflets/infusion-safety/pdf?" not in page.text
        assert "locales/th/LC_MESSAGES/ui.po" in page.text and "page-of (line 21)" in page.text
        assert str(tmp_path) not in page.text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 400
        pack = desk.get("/pack.pdf", params={"leaflet": "stromal-or-stem", "lang": "th"})
        assert pack.status_code == 400
        assert "infusion-safety" not in desk.get("/", params={"lang": "th"}).text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th&proof=1").status_code == 200
        assert desk.get("/leaflets/infusion-safety/pdf?lang=en").status_code == 200


def test_a_token_on_the_command_line_is_steered_to_the_environment(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve --token X`` puts the token in the process list: any user of the computer
    reads it with ``ps`` and reaches the desk from the network. The help says to use
    the environment variable, and a token given on the command line for a network
    address is warned of (it still works: the desk is not refused for it)."""
    monkeypatch.delenv("MSC_DESK_TOKEN", raising=False)
    help_text = " ".join(CliRunner().invoke(cli_app, ["serve", "--help"]).output.split())
    assert "MSC_DESK_TOKEN" in help_text and "ps" in help_text
    # 192.0.2.77 (a documentation address) is no address of this computer: serve stops
    # there, after the warning, and starts nothing.
    code, output = serve_cli(project, "--host", "192.0.2.77")
    assert code == 1 and "not an address of this computer" in output
    assert "warning:" in output and "MSC_DESK_TOKEN" in output
    monkeypatch.setenv("MSC_DESK_TOKEN", TOKEN)
    result = CliRunner().invoke(
        cli_app, ["serve", "--project", str(project), "--host", "192.0.2.77", "--workers", "1"]
    )
    assert result.exit_code == 1 and "warning:" not in result.output
    with socket.socket() as other:  # on loopback the token reaches no network: no warning
        other.bind(("127.0.0.1", 0))
        other.listen()
        code, output = serve_cli(project, "--port", str(other.getsockname()[1]))
    assert code == 1 and "warning:" not in output


def test_a_pack_whose_cover_words_are_untranslated_is_refused(tmp_path: Path) -> None:
    """The pack's cover prints desk words of the patient's language ("Information to
    take home"). A project whose Thai is filed as th_TH (the bundled catalogs, which
    fill gaps, are th) and whose ui.po left that entry empty got a Thai pack under an
    English heading. Now the pack is refused, naming the entry and its file."""
    root = copy_library(tmp_path)
    (root / "locales" / "th").rename(root / "locales" / "th_TH")
    ui = root / "locales" / "th_TH" / "LC_MESSAGES" / "ui.po"
    text = ui.read_text(encoding="utf-8")
    cover = 'msgctxt "desk.pack-cover"\nmsgid "Information to take home"\nmsgstr "'
    assert text.count(cover) == 1
    start = text.index(cover) + len(cover)
    ui.write_text(text[:start] + text[text.index('"', start) :], encoding="utf-8")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        pack = desk.get("/pack.pdf", params={"leaflet": "infusion-safety", "lang": "th_TH"})
        assert pack.status_code == 400
        assert "desk.pack-cover" in pack.text and "locales/th_TH/LC_MESSAGES/ui.po" in pack.text
        assert str(tmp_path) not in pack.text
        english = desk.get("/pack.pdf", params={"leaflet": "infusion-safety", "lang": "en"})
        assert english.status_code == 200


def test_an_error_in_a_build_process_reaches_the_page_with_its_file(tmp_path: Path) -> None:
    """An unknown check in msc-leaflet.toml stops the checks in a pool worker with an
    error naming the file and line. The error could not cross back from the worker
    process (it did not survive pickling): the pool broke, was started again twice,
    and the Status page said "a build process stopped unexpectedly (the computer may
    be short of memory)". Now the page says what is wrong and where, and the pool
    stays up."""
    error = LeafletError(Location(Path("msc-leaflet.toml"), 2), "unknown setting", "fix it")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.location, copy.message, copy.hint) == (error.location, "unknown setting", "fix it")
    root = copy_library(tmp_path)
    (root / "msc-leaflet.toml").write_text("[checks]\nno-such-check = 1\n", encoding="utf-8")
    app = create_app(root, warm=False, hosts=["127.0.0.1"], workers=1)
    with TestClient(app, base_url=LOCAL) as desk:
        status = desk.get("/status")
        assert "msc-leaflet.toml:2" in status.text and "no-such-check" in status.text
        assert "stopped unexpectedly" not in status.text


def test_the_library_offers_only_languages_a_leaflet_can_be_printed_in(
    client: TestClient,
) -> None:
    """Hindi has the interface's words (ui.po) but no leaflet translated: the library's
    language filter offered it, and picking it listed no leaflet without a word why.
    Now the filter and the pack offer only languages some leaflet is ready in, and a
    link naming such a language (a bookmark) says why none shows, at the choice."""
    client.cookies.clear()
    page = client.get("/")
    assert '<option value="th">Thai</option>' in page.text
    assert '<option value="hi"' not in page.text
    assert 'value="hi"' not in client.get("/pack").text
    hindi = client.get("/", params={"lang": "hi"})
    assert hindi.status_code == 200 and hindi.text.count('class="card"') == 0
    assert 'aria-describedby="lang-problem"' in hindi.text
    assert 'id="lang-problem" role="alert">No leaflet is ready to print in Hindi yet' in hindi.text
    assert '<option value="hi" selected>Hindi</option>' in hindi.text  # as the link asked


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("lang=th&paper=letter&edition=parallel&colour=cmyk", "choice-paper", "letter"),
        ("lang=th&edition=poster&paper=a5&colour=cmyk", "choice-edition", "poster"),
        ("lang=th&colour=spot&edition=parallel&paper=a5", "choice-colour", "spot"),
        ("lang=fr&edition=parallel&paper=a5&colour=cmyk", "lang", "fr"),
        ("lang=..%2F..%2Fetc&edition=parallel&paper=a5&colour=cmyk", "lang", "../../etc"),
    ],
)
def test_a_link_with_a_choice_the_desk_does_not_offer_keeps_the_others(
    client: TestClient, project: Path, query: str, field: str, value: str
) -> None:
    """A link with a print setting the desk does not offer (a paper, edition or colour
    value from another tool, a language since removed) gave the bare error page: the
    other choices were lost. Now the leaflet page comes back (400) with every valid
    choice kept, the value not offered named, announced and tied to its own field,
    and no PDF offered or built for choices nobody made."""
    before = snapshot(project)
    page = client.get(f"/leaflets/infusion-safety?{query}")
    assert page.status_code == 400
    assert '<h1 lang="' in page.text and "Print choices" in page.text
    tag = page.text.split(f'id="{field}"')[1].split(">")[0]
    assert f'aria-describedby="{field}-problem"' in tag
    problem = page.text.split(f'id="{field}-problem" role="alert">')[1].split("</p>")[0]
    assert f"“{html.escape(value)}”" in problem and "is not offered" in problem
    assert page.text.count('role="alert"') == 1
    kept = [c for c in ("edition=parallel", "paper=a5", "colour=cmyk", "lang=th") if c in query]
    for choice in kept:
        name, wanted = choice.split("=")
        if name == "lang":
            assert '<option value="th" selected>' in page.text
        else:
            assert f'name="{name}" value="{wanted}" checked' in page.text
    assert "/pdf?" not in page.text and "pages/1.png" not in page.text
    assert snapshot(project) == before
    # The PDF address is still refused outright: nothing to keep there.
    assert client.get(f"/leaflets/infusion-safety/pdf?{query}").status_code in (400, 404)


@pytest.mark.parametrize(
    ("query", "field", "value", "kept"),
    [
        ("lang=th&lang=en&edition=parallel&paper=a5", "lang", "“th” and “en”",
         ('name="edition" value="parallel" checked', 'name="paper" value="a5" checked')),
        ("lang=th&paper=a4&paper=a5&colour=cmyk", "choice-paper", "“a4” and “a5”",
         ('<option value="th" selected>', 'name="colour" value="cmyk" checked')),
        ("lang=th&proof=1&proof=0&edition=parallel", "choice-proof", "“1” and “0”",
         ('<option value="th" selected>', 'name="edition" value="parallel" checked')),
    ],
)  # fmt: skip
def test_a_choice_given_twice_is_refused_at_its_field(
    client: TestClient, project: Path, query: str, field: str, value: str, kept: tuple[str, ...]
) -> None:
    """``lang=th&lang=en`` served one of the two languages without a word: a nurse
    could hand out the English leaflet to a Thai reader. A field given twice is now
    refused at that field (400), both values named, every other choice kept, nothing
    built; the PDF address is refused outright."""
    started = builds(client).builds_started
    before = snapshot(project)
    page = client.get(f"/leaflets/infusion-safety?{query}")
    assert page.status_code == 400
    assert f'aria-describedby="{field}-problem"' in page.text
    problem = page.text.split(f'id="{field}-problem" role="alert">')[1].split("</p>")[0]
    # Said as given twice, not as a value not offered: Thai is offered.
    assert f"More than one was given ({value})" in problem and "not offered" not in problem
    assert page.text.count('role="alert"') == 1
    for choice in kept:
        assert choice in page.text
    assert "/pdf?" not in page.text and "pages/1.png" not in page.text
    pdf = client.get(f"/leaflets/infusion-safety/pdf?{query}")
    assert pdf.status_code == 400 and "%PDF" not in pdf.text
    assert value in pdf.text
    assert builds(client).builds_started == started
    assert snapshot(project) == before


def test_a_pack_with_its_language_given_twice_is_refused(client: TestClient) -> None:
    """``/pack.pdf?…&lang=th&lang=en`` handed out a pack in one of the two languages:
    the form comes back (400) naming both at the language, its leaflets kept, nothing
    built."""
    started = builds(client).builds_started
    pack = client.get("/pack.pdf?leaflet=infusion-safety&leaflet=what-msc-can-do&lang=th&lang=en")
    assert pack.status_code == 400 and pack.headers["content-type"].startswith("text/html")
    assert "more than one was given (“th” and “en”)" in pack.text
    assert 'value="infusion-safety" checked' in pack.text
    assert builds(client).builds_started == started


def test_a_head_request_builds_nothing(client: TestClient, project: Path) -> None:
    """A ``HEAD`` for a PDF started its build (a link checker, a browser checking a
    download). Now a ``HEAD`` is answered from an output already up to date (the
    headers a ``GET`` gets, no body) and otherwise 404, nothing built or written."""
    query = "lang=th&edition=sequential&paper=a5&colour=cmyk"
    addresses = (
        f"/leaflets/what-research-says/pdf?{query}",
        f"/leaflets/what-research-says?{query}",
        f"/leaflets/what-research-says/pages/1.png?{query}",
        "/pack.pdf?leaflet=what-research-says&leaflet=choosing-a-clinic&lang=th&with_source=1",
    )
    started = builds(client).builds_started
    before = snapshot(project)
    for address in addresses:
        head = client.head(address)
        assert head.status_code == 404, address
        assert head.content == b""
    assert builds(client).builds_started == started
    assert snapshot(project) == before
    got = client.get(addresses[0])
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    head = client.head(addresses[0])
    assert head.status_code == 200 and head.content == b""
    for name in ("content-type", "content-length", "content-disposition", "cache-control"):
        assert head.headers[name] == got.headers[name], name
    assert builds(client).builds_started == started + 1


@pytest.mark.parametrize(
    ("ui", "hidden"),
    [("en", ", Thai"), ("zh_Hans", "、泰语"), ("ja", "、タイ語"), ("th", " ไทย"),
     ("ar", "، التايلاندية")],
)  # fmt: skip
def test_the_sign_off_link_names_its_language_as_the_reader_writes(
    client: TestClient, ui: str, hidden: str
) -> None:
    """The words a screen reader hears after "Sign-off" began with a Latin space in
    every language, Chinese and Japanese included: joined now with the reader's own
    list separator (languages.yaml), as Status joins its hidden words."""
    page = client.get("/leaflets/infusion-safety?lang=en", headers={"cookie": f"desk_ui={ui}"})
    links = re.findall(r'/signoff\?lang=th">(.*?)</a>', page.text)
    assert links, ui
    for link in links:
        assert link.endswith(f'<span class="visually-hidden">{hidden}</span>'), link


def test_a_language_given_twice_is_listed_as_the_reader_lists(client: TestClient) -> None:
    """The values named are joined as the reader's language writes a list."""
    chinese = {"cookie": "desk_ui=zh_Hans"}
    page = client.get("/leaflets/infusion-safety?lang=th&lang=en", headers=chinese)
    assert page.status_code == 400 and "“th”和“en”" in page.text


def test_sign_off_is_shown_by_whom_and_when_and_when_it_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clinicians approve each translation (`i18n review`); the desk did not say whether
    a language of a leaflet was signed off, by whom and when, or that its text changed
    since. Now the leaflet page and the status page say so, read-only: the desk
    writes no sign-off."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 2026-11-20
    root = copy_library(tmp_path)
    result = CliRunner().invoke(cli_app, [
        "i18n", "review", "infusion-safety", "-l", "th", "--by", "Dr Malee Srisuk",
        "--role", "clinical", "--project", str(root),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    signed = "Signed off by Dr Malee Srisuk (clinician) on 20 November 2026"
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/leaflets/infusion-safety?lang=en")
        assert f"Thai: 100% translated — ready · {signed}" in page.text
        assert "Not signed off yet" in desk.get("/leaflets/stromal-or-stem?lang=en").text
        status = desk.get("/status").text
        assert '<th scope="col">Sign-off</th>' in status
        assert signed in status and "Not signed off yet" in status
        thai = desk.get("/status", headers={"accept-language": "th"}).text
        assert "Dr Malee Srisuk" in thai and "Signed off" not in thai
        before = snapshot(root)
        catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
        text = catalog.read_text(encoding="utf-8")
        old, new = "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ", "ความปลอดภัยของการให้ MSC ทางหลอดเลือดดำ"
        catalog.write_text(text.replace(old, new), encoding="utf-8")
        changed = "Changed since Dr Malee Srisuk (clinician) signed it off on 20 November 2026"
        assert changed in desk.get("/leaflets/infusion-safety?lang=en").text
        assert changed in desk.get("/status").text
        signoffs = root / "locales" / "th" / "signoff.yaml"
        assert snapshot(root)["locales/th/signoff.yaml"] == before["locales/th/signoff.yaml"]
        assert signoffs.is_file()


def test_readiness_counts_only_the_page_words_the_leaflet_prints(tmp_path: Path) -> None:
    """Readiness counted every word of ui.po: with the Thai "The short answer" callout
    label (or "Frequently asked questions", which no page prints) untranslated, every
    leaflet was "not ready" in Thai, though each titles its callouts and `build` prints
    no English word. Now a word counts for the leaflets that print it: the one whose
    key-answer callout has no title of its own is not ready, the others are."""
    root = copy_library(tmp_path)
    ui = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    for context in ("callout.key-answer", "faq", "audience", "document-code"):
        set_msgstr(ui, context, "")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/leaflets/choosing-a-clinic?lang=th")
        assert "Not yet ready" not in page.text and "/leaflets/choosing-a-clinic/pdf?" in page.text
        assert desk.get("/").text.count('<span class="tag">Thai</span>') == 5
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200
        # The build agrees: no page word printed in English.
        built = build_leaflet(Project.at(root), "choosing-a-clinic", "th", tmp_path / "out")
        assert not [f for f in built.findings if "ui.po" in str(f.location)]
        leaflet = root / "leaflets" / "choosing-a-clinic.yaml"
        text = leaflet.read_text(encoding="utf-8")
        assert text.count("    title: The short answer\n") == 1
        leaflet.write_text(text.replace("    title: The short answer\n", ""), encoding="utf-8")
        page = desk.get("/leaflets/choosing-a-clinic?lang=th")
        assert 'id="choice-problem" role="alert">Not yet ready to print in' in page.text
        assert "callout.key-answer (line" in page.text and "faq (line" not in page.text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200


def test_a_pdf_another_build_replaced_meanwhile_is_not_handed_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk builds the Thai leaflet on A4, then reads the file to send it. A
    `msc-leaflet build --paper a5` (or --allow-fuzzy: neither is in the file's name) of
    the same output renamed its PDF in between: the desk handed out the other build's
    file, on the wrong paper or with unreviewed translations. It sends only the bytes
    it built (or found up to date), building again if the file was replaced."""
    root = copy_library(tmp_path)
    real = Builds.pdf
    replaced: list[bytes] = []

    async def cli_build_lands_meanwhile(self: Builds, *args: object) -> object:
        built = await real(self, *args)  # type: ignore[arg-type]
        if not replaced:  # into the desk's own folder: `build -o build/desk`, a second desk
            command = ["build", "infusion-safety", "-l", "th", "--paper", "a5"]
            command += ["-o", str(built.path.parents[1])]
            result = CliRunner().invoke(cli_app, [*command, "--project", str(root)])
            assert result.exit_code == 0, result.output
            replaced.append(built.path.read_bytes())
        return built

    monkeypatch.setattr(Builds, "pdf", cli_build_lands_meanwhile)
    with desk_client(root) as client:
        sent = client.get("/leaflets/infusion-safety/pdf", params={"lang": "th"})
        assert sent.status_code == 200
        assert replaced and sent.content != replaced[0]
        width, height = PdfReader(io.BytesIO(sent.content)).pages[0].mediabox[2:]
        assert (round(float(width)), round(float(height))) == (595, 842)  # A4, as asked


def test_page_pictures_are_drawn_from_the_pdf_built_not_one_renamed_in_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same race for the leaflet page's pictures: they were drawn from the file,
    an A5 PDF a `build --paper a5` had just renamed in, and kept under the hash of the
    desk's A4 one, so the page showed A5 pictures until the leaflet changed."""
    root = copy_library(tmp_path)
    real = Builds.pdf
    replaced: list[str] = []

    async def cli_build_lands_meanwhile(self: Builds, *args: object) -> object:
        built = await real(self, *args)  # type: ignore[arg-type]
        if not replaced:
            replaced.append("done")
            command = ["build", "infusion-safety", "-l", "th", "--paper", "a5"]
            command += ["-o", str(built.path.parents[1])]  # the desk's own folder
            result = CliRunner().invoke(cli_app, [*command, "--project", str(root)])
            assert result.exit_code == 0, result.output
        return built

    monkeypatch.setattr(Builds, "pdf", cli_build_lands_meanwhile)
    with desk_client(root) as client:
        assert client.get("/leaflets/infusion-safety", params={"lang": "th"}).status_code == 200
        picture = client.get("/leaflets/infusion-safety/pages/1.png", params={"lang": "th"})
        assert picture.status_code == 200 and replaced
        width, height = Image.open(io.BytesIO(picture.content)).size
        assert (width, height) == (794, 1123)  # A4 at the desk's 96 dpi, as asked


def test_the_booklet_notes_word_counts_only_for_a_booklet(tmp_path: Path) -> None:
    """ "Notes" heads the ruled page a booklet is padded with, and only a booklet prints
    it; readiness counted it for every leaflet in every paper. With the Thai "Notes"
    untranslated, no leaflet was ready in Thai: the library listed none, the pack
    refused every one and an A4 PDF that prints no English word was refused. Now it
    counts for the booklet alone: the A4 leaflet and the pack are handed out; the
    booklet, whose padding page would say "Notes" in English, is not."""
    root = copy_library(tmp_path)
    set_msgstr(root / "locales" / "th" / "LC_MESSAGES" / "ui.po", "notes", "")
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        assert desk.get("/").text.count('<span class="tag">Thai</span>') == 5
        page = desk.get("/leaflets/infusion-safety?lang=th")
        assert "Not yet ready" not in page.text and "/leaflets/infusion-safety/pdf?" in page.text
        assert desk.get("/leaflets/infusion-safety/pdf?lang=th").status_code == 200
        pack = desk.get("/pack.pdf", params={"leaflet": ["infusion-safety"], "lang": "th"})
        assert pack.status_code == 200
        booklet = desk.get("/leaflets/infusion-safety?lang=th&paper=booklet")
        assert 'id="choice-problem" role="alert">Not yet ready to print in' in booklet.text
        assert "notes (line" in booklet.text
        refused = desk.get("/leaflets/infusion-safety/pdf?lang=th&paper=booklet")
        assert refused.status_code == 400


def test_the_desk_never_replaces_a_print_file_the_command_line_built(tmp_path: Path) -> None:
    """A print shop's Thai file, built with `msc-leaflet build --colour cmyk --bleed 3mm
    --crop-marks --strict`, lay in build/th/; a nurse opening the leaflet at the desk had
    it rebuilt there as a screen PDF, and the print shop was sent that one. The desk
    builds into a folder of its own, whatever paper and colour are chosen at it."""
    root = copy_library(tmp_path)
    out = root / "build"
    command = ["build", "infusion-safety", "-l", "th", "--project", str(root), "-o", str(out)]
    printing = ["--colour", "cmyk", "--bleed", "3mm", "--crop-marks", "--paper", "a5"]
    result = CliRunner().invoke(cli_app, [*command, *printing])
    assert result.exit_code == 0, result.output
    print_file = out / "th" / "infusion-safety.pdf"
    printed = print_file.read_bytes()
    recorded = load_manifest(out / "manifest.json").outputs["th/infusion-safety.pdf"]
    with desk_client(root) as desk:
        for query in ("lang=th", "lang=th&paper=a5", "lang=th&paper=a5&colour=cmyk"):
            sent = desk.get(f"/leaflets/infusion-safety/pdf?{query}")
            assert sent.status_code == 200 and sent.content != printed
        assert desk.get("/leaflets/infusion-safety?lang=th").status_code == 200
    assert print_file.read_bytes() == printed
    assert load_manifest(out / "manifest.json").outputs["th/infusion-safety.pdf"] == recorded
    assert not (out / "preview").exists()


def test_the_proof_choice_reaches_the_build_as_build_proof_would(client: TestClient) -> None:
    """`proof=1` is the command line's `--proof`. A value the desk does not know
    (`proof=yes`, `proof=on` from a hand-made link) built the patient's PDF where a
    reviewer's proof was asked for, silently; and the leaflet page's form had no proof
    field, so "Update preview" on a proof turned it into the print file. Now an unknown
    value is refused at its field (nothing built), and the form keeps the proof."""
    started = builds(client).builds_started
    for value in ("yes", "on", "2"):
        refused = client.get(f"/leaflets/infusion-safety/pdf?lang=th&proof={value}")
        assert refused.status_code == 400, value
        assert f"Proof: “{value}” is not offered" in html.unescape(refused.text)
        page = client.get(f"/leaflets/infusion-safety?lang=th&proof={value}")
        assert page.status_code == 400
        assert 'id="choice-proof-problem" role="alert"' in page.text
    assert builds(client).builds_started == started
    # Downloads carry their language (`download_name`): a proof and the print file of
    # one language are told apart by the variant, as in the build's output folder.
    proof = client.get("/leaflets/infusion-safety/pdf?lang=th&proof=1")
    assert 'filename="infusion-safety.th.proof.pdf"' in proof.headers["content-disposition"]
    plain = client.get("/leaflets/infusion-safety/pdf?lang=th&proof=0")
    assert 'filename="infusion-safety.th.pdf"' in plain.headers["content-disposition"]
    page = client.get("/leaflets/infusion-safety?lang=th&proof=1")
    assert '<input type="checkbox" name="proof" value="1" checked>' in page.text
    assert "/pdf?lang=th&amp;edition=single&amp;paper=a4&amp;colour=rgb&amp;proof=1" in page.text
    unticked = client.get("/leaflets/infusion-safety?lang=th")
    assert '<input type="checkbox" name="proof" value="1">' in unticked.text


def test_the_page_title_is_in_the_interface_language_alone(client: TestClient) -> None:
    """`<title>` cannot carry a `lang` of its own: it is read in the page's language.
    The leaflet page titled itself with the leaflet in the language chosen to print,
    so an English desk showing the Thai leaflet had a Thai title read by an English
    voice (and an Arabic desk an English one, laid out right to left). Now the title
    is the leaflet's in the interface language, or the desk's word "Leaflet" when the
    leaflet has no title in it; the heading keeps the printed title, tagged."""
    client.cookies.clear()

    def title(page: str) -> str:
        return html.unescape(page.split("<title>", 1)[1].split("</title>", 1)[0])

    english = client.get("/leaflets/infusion-safety?lang=th")
    assert title(english.text) == "Safety of MSC infusions · Leaflet desk"
    assert '<h1 lang="th" dir="ltr">ความปลอดภัยของ MSC' in english.text
    thai = client.get("/leaflets/infusion-safety?lang=en", headers={"accept-language": "th"})
    assert title(thai.text) == "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ · โต๊ะแจกเอกสาร"
    arabic = client.get("/leaflets/infusion-safety?lang=th", headers={"accept-language": "ar"})
    words = interface(Project(REPO), "ar")
    assert title(arabic.text) == f"{words('desk.leaflet')} · {words('desk.name')}"
    refused = client.get("/leaflets/infusion-safety?lang=th&paper=letter")
    assert title(refused.text) == "Something is not right · Safety of MSC infusions · Leaflet desk"


def test_the_guards_refusals_speak_the_readers_language(client: TestClient) -> None:
    """The guard refuses before any page runs (a request too long, a Host the desk does
    not answer to, a form sent by POST, another site's request): it answered in bare
    English on a Thai desk. Now it leads with the desk's own sentence in the reader's
    language (the cookie, else the browser's), its English reason after it, with the
    same status, and nothing is built or written."""
    client.cookies.clear()
    thai = {"accept-language": "th"}
    lead = interface(Project(REPO), "th")("desk.bad-address")
    started = builds(client).builds_started
    refusals = [
        (client.get("/status?q=" + "a" * 3000, headers=thai), 414, "request too long"),
        (client.get("/", headers=thai | {"host": "evil.example"}), 400, "unexpected Host"),
        (client.post("/pack.pdf", headers=thai, content=b"x" * 100_000), 405, "only reads"),
        (client.get("/leaflets/infusion-safety/pdf?lang=th", headers=thai | {
            "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors",
            "sec-fetch-dest": "image"}), 403, "links a reader follows"),
    ]  # fmt: skip
    for answer, status, english in refusals:
        assert answer.status_code == status
        assert answer.text.startswith(lead + "\n") and english in answer.text
        assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert refusals[2][0].headers["allow"] == "GET, HEAD"
    assert builds(client).builds_started == started
    plain = client.post("/pack.pdf")  # no language asked: English, as before
    assert plain.text.startswith(DESK_MESSAGES["desk.bad-address"] + "\n")


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("lang=th&paper=A5&colour=CMYK", "paper=a5&amp;colour=cmyk"),
        ("lang=th&edition=Parallel&paper=A4&colour=Rgb", "edition=parallel&amp;paper=a4"),
        ("lang=th&paper=Booklet&proof=TRUE", "paper=booklet&amp;colour=rgb&amp;proof=1"),
    ],
)
def test_print_choices_are_read_in_any_letter_case_as_the_cli_reads_them(
    client: TestClient, query: str, kept: str
) -> None:
    """`msc-leaflet build --paper A4 --colour CMYK` is accepted (`fixed_word`): a link
    written the same way (`paper=A4`, `colour=CMYK`) was refused by the desk, "not
    offered". Now the desk reads each fixed word as the command line does, and the
    page and its PDF link use the one spelling."""
    page = client.get(f"/leaflets/infusion-safety?{query}")
    assert page.status_code == 200 and "is not offered" not in page.text
    assert kept in page.text
    assert client.get(f"/leaflets/infusion-safety/pdf?{query}").status_code == 200


def test_the_token_refusal_speaks_the_readers_language(project: Path) -> None:
    """A nurse on a Thai desk opened it without the token (a new tablet): the 401 was
    the bare English "this desk needs its token", while every other refusal of the
    guard led with the desk's sentence in the reader's language. Now it leads with the
    desk's own sentence asking for the password, the browser's prompt still asked for
    (Basic challenge), the English reason after it; no page runs."""
    app = create_app(project, token=TOKEN, hosts=None, pool=ThreadPoolExecutor(1), warm=False)
    thai = interface(Project(REPO), "th")("desk.needs-token")
    with TestClient(app, base_url="http://192.0.2.10:8000") as remote:
        for headers, lead in (({"accept-language": "th"}, thai),
                              ({}, DESK_MESSAGES["desk.needs-token"])):  # fmt: skip
            missing = remote.get("/", headers=headers)
            assert missing.status_code == 401 and "Basic" in missing.headers["www-authenticate"]
            assert missing.text.startswith(lead + "\n") and "needs its token" in missing.text
        wrong_token = {"accept-language": "th", "authorization": "Bearer x"}
        wrong = remote.get("/status", headers=wrong_token)
        assert wrong.status_code == 401 and wrong.text.startswith(thai + "\n")
        assert "Status" not in wrong.text and "สถานะ" not in wrong.text


def _proof_with_page_words_fuzzy(tmp_path: Path) -> Path:
    """A project whose Thai "Page 1 of 4" is fuzzy: a Thai proof builds with a warning."""
    root = copy_library(tmp_path)
    ui = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    page_of = '#. Keep the {placeholders} exactly as they are.\nmsgctxt "page-of"\n'
    ui.write_text(ui.read_text("utf-8").replace(page_of, f"#, fuzzy\n{page_of}"), "utf-8")
    return root


def test_the_leaflet_page_shows_what_the_build_warned_of(tmp_path: Path) -> None:
    """`msc-leaflet build` prints a build's warnings (a word of the page printed in
    English, a language with no catalog); the desk built the same PDF and showed none
    of them, so the proof's reviewer never learnt why "Page 1 of 4" was English. Now the
    leaflet page says the build warned, in the reader's language, announced
    (role="status"), each warning as the command line words it, tagged English and
    named as the project names its file; the same once the PDF is up to date."""
    root = _proof_with_page_words_fuzzy(tmp_path)
    with desk_client(root) as desk:
        for headers in ({}, {"accept-language": "th"}, {"accept-language": "ar"}):
            page = desk.get("/leaflets/infusion-safety?lang=th&proof=1", headers=headers)
            assert page.status_code == 200
            region = page.text.split('<div class="build-warnings" role="status">')[1]
            region = region.split("</div>")[0]
            lead = interface(Project(REPO), headers.get("accept-language", "en"))
            assert html.escape(lead("desk.build-warnings"), quote=False) in region
            warned = region.split('<li lang="en" dir="ltr">')[1].split("</li>")[0]
            assert "locales/th/LC_MESSAGES/ui.po" in warned and "page-of (line 21)" in warned
            assert "remove the fuzzy flag" in warned and str(tmp_path) not in warned
        assert builds(desk).builds_started == 1  # the later pages: up to date, still shown
        clean = desk.get("/leaflets/infusion-safety?lang=en")
        assert clean.status_code == 200 and "build-warnings" not in clean.text


def test_a_booklet_says_it_is_for_printing_and_labels_each_sheet_side(
    client: TestClient,
) -> None:
    """The command line's `--imposition booklet` notes that booklet sheets are not
    tagged for screen readers; the desk said nothing, and drew the sheet sides as
    "Page 1", "Page 2"… at portrait size, though the first side holds pages 8 and 1.
    Now the page says so (announced), each picture is named by the sheet side and the
    pages it holds (`sheet_order`), drawn landscape as the sheet is."""
    page = client.get("/leaflets/infusion-safety?lang=th&paper=booklet")
    assert page.status_code == 200 and "/pdf?" in page.text
    note = page.text.split('<div class="build-warnings" role="status">')[1].split("</div>")[0]
    assert DESK_MESSAGES["desk.booklet-untagged"] in html.unescape(note)
    pictures = page.text.split('class="page-list sheets"')[1].split("</ol>")[0]
    alts = [html.unescape(a.split('"')[0]) for a in pictures.split('alt="')[1:]]
    assert alts[:2] == ["Sheet 1, front: pages 8 and 1", "Sheet 1, back: pages 2 and 7"]
    assert len(alts) == 4 and alts[3] == "Sheet 2, back: pages 4 and 5"
    assert 'width="1123" height="794"' in pictures and 'width="794"' not in pictures
    drawn = client.get("/leaflets/infusion-safety/pages/1.png?lang=th&paper=booklet")
    width, height = Image.open(io.BytesIO(drawn.content)).size
    assert width > height
    thai = client.get(
        "/leaflets/infusion-safety?lang=th&paper=booklet", headers={"accept-language": "th"}
    )
    words = interface(Project(REPO), "th")
    assert html.escape(words("desk.booklet-untagged"), quote=False) in thai.text
    side = words("desk.sheet-front", sheet=1, left=8, right=1)
    assert f'alt="{html.escape(side)}"' in thai.text
    a4 = client.get("/leaflets/infusion-safety?lang=th&paper=a4")
    assert "build-warnings" not in a4.text and 'alt="Page 1"' in a4.text


def test_a_right_to_left_booklets_sheet_sides_are_named_as_they_are_bound() -> None:
    """An Arabic booklet is bound on the right: its first side holds pages 1 and 8,
    left to right, and is named so."""
    from msc_leaflet.desk.routes import picture_names

    english = interface(Project(REPO), "en")
    assert picture_names(english, 4, booklet=True, right_to_left=True) == [
        "Sheet 1, front: pages 1 and 8", "Sheet 1, back: pages 7 and 2",
        "Sheet 2, front: pages 3 and 6", "Sheet 2, back: pages 5 and 4",
    ]  # fmt: skip
    assert picture_names(english, 2, booklet=False, right_to_left=True) == ["Page 1", "Page 2"]


def _thai_catalog_without_language(tmp_path: Path) -> Path:
    """A project whose Thai infusion-safety.po lost its Language header (a tool stripped
    it): still ready to print, but every build of it warns that the header is missing."""
    root = copy_library(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = po.read_text("utf-8")
    assert text.count('"Language: th\\n"\n') == 1
    po.write_text(text.replace('"Language: th\\n"\n', ""), "utf-8")
    return root


def test_the_pack_shows_what_its_builds_warned_of_before_its_pdf(tmp_path: Path) -> None:
    """The leaflet page says what a build warned of; a patient pack built from the same
    PDFs handed the nurse the file at once, the warning ("catalog has no header") said
    nowhere. Now a pack whose builds warned comes back as the pack page, the form as
    sent, the build's warnings shown as the leaflet page shows them (the desk's sentence
    in the reader's language, each warning in English, announced), and a link to open
    the PDF; a pack whose builds said nothing is the PDF, as before."""
    root = _thai_catalog_without_language(tmp_path)
    ids = ["infusion-safety", "stromal-or-stem"]
    sent = {"leaflet": ids, "lang": "th", "with_source": "1"}
    with desk_client(root) as desk:
        for headers in ({}, {"accept-language": "th"}):
            page = desk.get("/pack.pdf", params=sent, headers=headers)
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
            region = page.text.split('<div class="build-warnings" role="status">')[1]
            region = region.split("</div>")[0]
            lead = interface(Project(REPO), headers.get("accept-language", "en"))
            assert html.escape(lead("desk.build-warnings"), quote=False) in region
            warned = region.split('<li lang="en" dir="ltr">')[1].split("</li>")[0]
            assert "locales/th/LC_MESSAGES/infusion-safety.po:1" in warned
            assert "no Language" in warned and str(tmp_path) not in warned
            for tick in ids:  # the form as it was sent
                assert f'name="leaflet" value="{tick}" checked' in page.text
            assert 'name="lang" value="th" checked' in page.text
            assert 'name="with_source" value="1" checked' in page.text
            link = page.text.split('class="button" href="')[1].split('"')[0]
            pdf = desk.get(html.unescape(link))
            assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
            assert f'type="application/pdf" hreflang="th">{lead("desk.open-pdf")} (' in page.text
        clean = desk.get("/pack.pdf", params={"leaflet": ids[1:], "lang": "th"})
        assert clean.status_code == 200 and clean.content.startswith(b"%PDF")


@pytest.mark.parametrize("spelled", ["TH", "Th", "zh-hans"])
def test_a_locale_in_a_link_is_read_as_the_command_line_reads_it(
    client: TestClient, spelled: str
) -> None:
    """`msc-leaflet build -l TH` builds Thai (`cli.options.locale_names`); the desk
    refused `lang=TH` in a link as a language the project does not have. Now every
    page and file reads the locale as the command line does and answers with a
    redirect to its one spelling, every other choice kept."""
    expected = locale_name(spelled)
    assert expected in ("th", "zh_Hans")
    for address, params in (
        ("/", {"lang": spelled, "q": "MSC"}),
        ("/leaflets/infusion-safety", {"lang": spelled, "paper": "a5"}),
        ("/leaflets/infusion-safety/pdf", {"lang": spelled}),
        ("/pack", {"lang": spelled, "leaflet": "infusion-safety"}),
        ("/pack.pdf", {"lang": spelled, "leaflet": "infusion-safety"}),
    ):
        moved = client.get(address, params=params, follow_redirects=False)
        assert moved.status_code == 301, address
        target = moved.headers["location"]
        assert target.startswith(address + "?") and f"lang={expected}" in target
        assert all(f"{k}={v}" in target for k, v in params.items() if k != "lang")
        # Thai is ready in every bundled leaflet; Chinese is a language of the project.
        if expected == "th" or address == "/":
            assert client.get(target).status_code == 200, target


# The Thai starter's words in English: the English starter (`leaflet-template-en.yaml`)
# says the same, so a Thai-source project gets a complete English translation.
THAI_STARTER_IN_ENGLISH = {
    "kicker": "Patient information",
    "title": "Title of the leaflet",
    "subtitle": "One line that says what the reader will learn",
    "lede": "Two or three plain sentences that tell the reader why this leaflet matters.",
    "audience": "Patients and families",
    "short-answer": "Answer the title's question in two or three sentences.",
    "first-section": "First section",
    "paragraph/3": "Write short sentences in plain words. Cite a source like this [@example2020].",
    "faq/4/1/question": "A question patients often ask?",
    "faq/4/1/answer": "A short, honest answer.",
    "disclaimer": "This leaflet is general information. It does not replace a consultation "
    "with your own doctor.",
    "ref/example2020/title": "Title of the article",
}


def thai_source_project(folder: Path, language: str = "th") -> Path:
    """A Bangkok clinic's project (`init --language th`): its leaflet written in Thai,
    translated into English for the clinic's foreign patients."""
    from msc_leaflet.cli.new import init_project

    root = init_project(folder / "clinic", language=language).root
    result = CliRunner().invoke(cli_app, ["i18n", "init", "en", "-p", str(root)])
    assert result.exit_code == 0, result.output
    po = root / "locales" / "en" / "LC_MESSAGES" / "first-leaflet.po"
    for context, english in THAI_STARTER_IN_ENGLISH.items():
        set_msgstr(po, context, english)
    return root


def _pack_option(page: str) -> str:
    """The text of the pack form's option to add each leaflet's original after it."""
    label = page.split('name="with_source" value="1"')[1].split("</label>")[0]
    return html.unescape(label.split(">", 1)[1]).strip()


@pytest.mark.parametrize("ui", ["en", "th", "ja", "ar"])
def test_the_pack_option_names_the_leaflets_own_language_not_english(
    tmp_path: Path, ui: str
) -> None:
    """In a clinic whose leaflets are written in Thai, the pack form offered to "Add the
    English version after each leaflet": ticked, it added the Thai original to an
    English pack. The option now says what it adds: the original, in its language,
    named in the reader's."""
    from msc_leaflet.desk.interface import language_label

    root = thai_source_project(tmp_path)
    with desk_client(root) as desk:
        page = desk.get("/pack", headers={"accept-language": ui})
        option = _pack_option(page.text)
        assert language_label("th", ui) in option, option
        assert language_label("en", ui) not in option, option
        pack = desk.get("/pack.pdf", params={"leaflet": "first-leaflet", "lang": "en",
                                             "with_source": "1"})  # fmt: skip
    assert pack.status_code == 200, pack.text
    cover = PdfReader(io.BytesIO(pack.content)).pages[0].extract_text()
    assert "Title of the leaflet" in cover and "ชื่อเรื่องของเอกสาร" in cover


def test_the_pack_option_names_english_in_an_english_source_project(client: TestClient) -> None:
    client.cookies.clear()
    option = _pack_option(client.get("/pack", headers={"accept-language": "en"}).text)
    assert option == "Add the original (English) after each leaflet"
    from msc_leaflet.desk.interface import language_label

    thai = _pack_option(client.get("/pack", headers={"accept-language": "th"}).text)
    assert language_label("en", "th") in thai and language_label("th", "th") not in thai


def test_the_pack_option_names_each_language_leaflets_are_written_in(tmp_path: Path) -> None:
    """A Thai clinic's leaflet for visitors written in English: each leaflet's original
    is added, so the option names both, each once."""
    from msc_leaflet.desk.interface import language_label

    root = thai_source_project(tmp_path)
    made = CliRunner().invoke(cli_app, ["new", "for-visitors", "--language", "en",
                                        "--project", str(root)])  # fmt: skip
    assert made.exit_code == 0, made.output
    with desk_client(root) as desk:
        for ui in ("en", "th"):
            desk.cookies.clear()
            option = _pack_option(desk.get("/pack", headers={"accept-language": ui}).text)
            for code in ("th", "en"):
                assert option.count(language_label(code, ui)) == 1, option


def test_a_check_hint_names_the_catalog_as_the_project_names_it(tmp_path: Path) -> None:
    """A check of a translation names in its hint the catalog line to change. On the
    desk it read "(/srv/clinic/locales/th/…/infusion-safety.po:135:50)": the server's
    own folders on a page any member of staff can open, while the finding's place
    beside it said "leaflets/…". Hints now name it from the project's folder."""
    root = copy_library(tmp_path)
    with desk_client(root) as desk:
        pages = [desk.get("/status").text, desk.get("/leaflets/infusion-safety?lang=th").text]
    for page in pages:
        hints = re.findall(r'<span class="hint"[^>]*>([^<]*)</span>', page)
        assert any("(locales/th/LC_MESSAGES/" in hint for hint in hints), hints
        assert str(root) not in page


def test_a_regional_language_tag_is_named_not_shown_as_its_code() -> None:
    """A project started with `init --language th-TH` writes `language: th_TH`: the
    desk showed "Printable in: th_TH" and "Open PDF (th_TH)", as CLDR's table of
    language names has no th_TH. It is named by its parts, in the reader's language."""
    from msc_leaflet.desk.interface import language_label

    assert language_label("th_TH", "en") == "Thai (Thailand)"
    assert language_label("th-TH", "th") == "ไทย (ไทย)"
    assert language_label("zh_Hans", "en") == "Simplified Chinese"  # CLDR's own name
    assert language_label("th", "en") == "Thai" and language_label("xx", "en") == "xx"


def test_the_desk_counts_a_refused_translation_as_stats_and_the_sign_off_do(
    tmp_path: Path,
) -> None:
    """A Thai lede whose msgstr drops the bold's closing ``**``: the build prints the
    English lede. The desk called it not ready but still "100% translated", as stats did
    (100 %, ready). The desk, `i18n stats` and the sign-off now read one verdict: the
    same share, the same entry rejected."""
    import json

    root = copy_library(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    text = catalog.read_text(encoding="utf-8")
    lede = 'msgstr "บางคลินิกให้เซลล์สโตรมัล'
    catalog.write_text(text.replace(lede, 'msgstr "**บางคลินิกให้เซลล์สโตรมัล'), "utf-8")
    result = CliRunner().invoke(
        cli_app, ["i18n", "stats", "--format", "json", "--project", str(root)]
    )
    [row] = [r for r in json.loads(result.stdout) if r["domain"] == "infusion-safety"]
    assert row["rejected"] == 1 and row["percent"] < 100 and not row["ready"], row
    assert [why["context"] for why in row["rejections"]] == ["lede"]
    app = create_app(root, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"])
    with TestClient(app, base_url=LOCAL) as desk:
        page = desk.get("/leaflets/infusion-safety?lang=en").text
        assert f"{row['percent']}% translated" in page and "100% translated" not in page


def _status_rows(page: str, title: str) -> list[str]:
    """The languages Status lists for the leaflet titled ``title``, in order."""
    row = re.compile(r'<th scope="row"[^>]*>([^<]*)</th>\s*<td[^>]*>([^<]*)</td>')
    return [language for heading, language in row.findall(page) if html.unescape(heading) == title]


def test_an_interface_language_is_not_shown_as_a_partly_done_translation(
    client: TestClient, tmp_path: Path
) -> None:
    """Lao has only the interface's words (ui.po) and no leaflet catalog. Status and the
    leaflet page said "Lao: 10% translated — not ready" for every leaflet (the reference
    titles, optional, count as done), where `i18n stats` lists no Lao row: a clinician
    read that someone had started a Lao translation nobody had begun. Now the desk lists
    the rows `i18n stats` lists, and a language gets its rows once a catalog exists."""
    client.cookies.clear()
    status = client.get("/status").text
    assert _status_rows(status, "What MSC therapy can and cannot do") == ["English", "Thai"]
    page = client.get("/leaflets/what-msc-can-do", params={"lang": "lo"}).text
    assert "<li>Lao: " not in page and "<li>Thai: 100% translated" in page
    assert "Not yet ready to print in Lao" in page  # still offered, and refused by name
    root = copy_library(tmp_path)
    started = CliRunner().invoke(cli_app, ["i18n", "init", "lo", "--project", str(root)])
    assert started.exit_code == 0, started.output
    with desk_client(root) as desk:
        rows = _status_rows(desk.get("/status").text, "Choosing a clinic")
        assert rows == ["English", "Lao", "Thai"]  # as `i18n stats` lists them
        page = desk.get("/leaflets/choosing-a-clinic", params={"lang": "lo"}).text
        assert "<li>Lao: " in page and "Not yet ready to print in Lao" in page


def test_text_quoted_in_a_finding_is_tagged_with_its_own_language(client: TestClient) -> None:
    """A check quotes the translation it is about: “ນີ້ໝາຍຄວາມວ່າ…” in a Lao readability
    warning. The whole finding was tagged English, so a screen reader spelled the Lao
    out with an English voice, and a browser drew quoted Han (Japanese or Chinese) with
    whichever CJK face its English default picks. Each quotation is now tagged with the
    language it is written in: the finding's locale where its letters are that
    language's, else the script's language; English quotes stay in the English span."""
    from msc_leaflet.errors import Finding

    desk = client.app.state.desk  # type: ignore[attr-defined]
    macros = desk.templates.get_template("_findings.html").make_module(
        {"t": lambda key, **_: key, "messages_lang": "en"}
    )
    where = Location(Path("leaflets/what-msc-can-do.yaml"), 38)
    messages = [
        "[lo] phrase of 16 words (leaflet average 6.0): “ນີ້ໝາຍຄວາມວ່າ<ຈຸລັງ>…”",
        "[ja] line break 2: “細胞は信号を送る”",
        "[zh_Hans] line break 2: “细胞发出信号”",
        "[ar] phrase: “الخلايا ترسل إشارات”",
        "section “Signals, not spare parts”: 17% of words have 3+ syllables",
    ]
    shown = str(macros.findings([Finding(where, "warning", m) for m in messages]))
    assert '<span lang="lo" dir="ltr">ນີ້ໝາຍຄວາມວ່າ&lt;ຈຸລັງ&gt;…</span>' in shown
    assert '<span lang="ja" dir="ltr">細胞は信号を送る</span>' in shown
    assert '<span lang="zh-Hans" dir="ltr">细胞发出信号</span>' in shown
    assert '<span lang="ar" dir="rtl">الخلايا ترسل إشارات</span>' in shown
    assert "section “Signals, not spare parts”: 17%" in shown  # English, in the English span
    assert shown.count('<span lang="en" dir="ltr">') == len(messages)  # each finding's own


FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")


def _stylesheets(client: TestClient, page: str = "/") -> str:
    """Every stylesheet a desk page links, as one text: what a browser reads."""
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', client.get(page).text)
    return "\n".join(client.get(html.unescape(href)).text for href in links)


def _font_faces(css: str) -> list[dict[str, str]]:
    """The @font-face rules of ``css``, each as its descriptors (quotes stripped)."""
    faces = []
    for body in FONT_FACE.findall(css):
        pairs = re.findall(r"([\w-]+)\s*:\s*([^;]+);", body)
        faces.append({name: value.strip().strip('"') for name, value in pairs})
    return faces


def _url(face: dict[str, str]) -> str:
    found = re.match(r'url\("?([^")]+)"?\)', face["src"])
    assert found, face
    return found.group(1)


def _covers(face: dict[str, str], char: str) -> bool:
    """Whether a browser would take ``char`` from ``face`` (its unicode-range; none: all)."""
    if "unicode-range" not in face:
        return True
    for part in face["unicode-range"].split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        if int(first, 16) <= ord(char) <= int(last or first, 16):
            return True
    return False


def _lang_stack(css: str, tag: str) -> list[str]:
    """The font-family list the stylesheet gives text tagged ``tag`` (``:lang(tag)``)."""
    found = re.search(r":lang\(" + re.escape(tag) + r"\)[^{]*\{\s*font-family:\s*([^;]+);", css)
    assert found, f"no font-family for :lang({tag})"
    return [name.strip().strip('"') for name in found.group(1).split(",")]


# A letter of each language the desk offers (its interface speaks them all), and the
# family of the bundled theme the build sets it in.
LANGUAGE_LETTERS = {
    "my": ("မ", "NotoSansMyanmar"),
    "lo": ("ລ", "NotoSansLao"),
    "km": ("ក", "NotoSansKhmer"),
    "ar": ("ع", "NotoSansArabic"),
    "hi": ("क", "NotoSansDevanagari"),
    "ja": ("の", "NotoSansCJKsc"),
    "zh-Hans": ("细", "NotoSansCJKsc"),
    "th": ("ก", "Sarabun"),
}


def test_the_desk_draws_every_language_in_the_font_the_build_embeds(client: TestClient) -> None:
    """The desk served Sarabun alone: Burmese, Lao, Khmer, Arabic, Devanagari and CJK
    pages were drawn with whatever the device had, empty boxes on an offline tablet
    without those fonts, and Unicode Burmese garbled by a Zawgyi-era Android's system
    font. Each language now names, first for its text, the family the build embeds,
    and the stylesheet declares that family's own files, served by the desk."""
    from msc_leaflet.typeset.font_files import bundled_config, face_path

    css = _stylesheets(client)
    faces = _font_faces(css)
    config = bundled_config()
    for tag, (letter, family) in LANGUAGE_LETTERS.items():
        stack = _lang_stack(css, tag) if family != "Sarabun" else [family]
        drawn_by = next(
            f for name in stack for f in faces if f["font-family"] == name and _covers(f, letter)
        )
        assert drawn_by["font-family"] == family, (tag, stack)
        served = client.get(_url(drawn_by))
        assert served.status_code == 200, (tag, _url(drawn_by))
        assert served.content == face_path(config.family(family), "regular").read_bytes(), tag
    # The device's own fonts come only after the served ones, for what none of them has.
    assert _lang_stack(css, "my")[-2:] == ["system-ui", "sans-serif"]


def test_a_font_is_fetched_only_for_a_page_that_shows_its_script(client: TestClient) -> None:
    """Noto Sans CJK is 17 MB: a browser must fetch it for Chinese or Japanese text
    only, never for a Thai or English page, so each family but the Latin one declares
    the letters it is for (unicode-range)."""
    faces = {f["font-family"]: f for f in _font_faces(_stylesheets(client))}
    cjk = faces["NotoSansCJKsc"]
    assert [c for c in "细の。「" if not _covers(cjk, c)] == []
    assert [c for c in "Aa1 ก,.-" if _covers(cjk, c)] == []
    for family in ("NotoSansMyanmar", "NotoSansLao", "NotoSansKhmer", "NotoSansArabic"):
        assert not _covers(faces[family], "A") and not _covers(faces[family], "ก"), family
    assert _covers(faces["Sarabun"], "A") and _covers(faces["Sarabun"], "ก")


def test_the_font_route_serves_each_face_and_nothing_else(client: TestClient) -> None:
    """Each served font is cached for good (its address carries its content hash, so a
    changed file is a new address); any other path under /fonts is no font: 404."""
    urls = sorted({_url(face) for face in _font_faces(_stylesheets(client))})
    assert len(urls) >= 7
    for url in urls:
        served = client.get(url)
        assert served.status_code == 200, url
        assert served.headers["content-type"] == "font/ttf", url
        assert "immutable" in served.headers["cache-control"], url
        assert served.headers["x-content-type-options"] == "nosniff"
    lao = next(u for u in urls if u.endswith("/NotoSansLao-Regular.ttf"))
    digest = lao.split("/")[2]
    for hostile in (
        lao.replace("NotoSansLao-Regular.ttf", "OFL.txt"),  # beside a font, not a font
        lao.replace("NotoSansLao-Regular.ttf", "NotoSansMyanmar-Regular.ttf"),  # other hash
        lao.replace(digest, "0" * len(digest)),
        f"/fonts/{digest}/..%2FOFL.txt",
        f"/fonts/{digest}/%2e%2e/%2e%2e/noto-sans-lao/OFL.txt",
        "/fonts/..%2F..%2Fdesk%2Fapp.py",
        "/fonts/Sarabun-Regular.ttf",
        "/fonts/%2e%2e/%2e%2e/theme.yaml",
    ):
        answer = client.get(hostile)
        assert answer.status_code == 404, hostile
        assert not answer.content.startswith(b"\x00\x01\x00\x00"), hostile


def test_the_desk_serves_the_projects_own_font_as_its_builds_embed_it(tmp_path: Path) -> None:
    """A clinic that sets Burmese in a font of its own (``fonts/`` beside its theme)
    prints with it; the desk serves that file too, and the file as it is now: replaced,
    it has a new address, and the old one is no font any more."""
    from msc_leaflet.typeset.font_files import bundled_config, face_path

    root = copy_library(tmp_path)
    myanmar = bundled_config().family("NotoSansMyanmar")
    own = root / "fonts" / "clinic-myanmar" / "Clinic.ttf"
    own.parent.mkdir(parents=True)
    shutil.copy(face_path(myanmar, "regular"), own)
    theme = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    family = "    ClinicMyanmar:\n      folder: clinic-myanmar\n      regular: Clinic.ttf\n"
    family += "      bold: regular\n      italic: regular\n      bold-italic: regular\n"
    assert "\n  scripts:\n" in theme and "Mymr: NotoSansMyanmar\n" in theme
    theme = theme.replace("\n  scripts:\n", f"\n{family}  scripts:\n")
    theme = theme.replace("Mymr: NotoSansMyanmar\n", "Mymr: ClinicMyanmar\n")
    (root / "theme.yaml").write_text(theme, encoding="utf-8")
    with desk_client(root) as desk:
        css = _stylesheets(desk)
        assert _lang_stack(css, "my")[0] == "ClinicMyanmar"
        (face,) = [f for f in _font_faces(css) if f["font-family"] == "ClinicMyanmar"]
        assert desk.get(_url(face)).content == own.read_bytes()
        shutil.copy(face_path(myanmar, "bold"), own)
        (renewed,) = [
            f for f in _font_faces(_stylesheets(desk)) if f["font-family"] == "ClinicMyanmar"
        ]
        assert _url(renewed) != _url(face)
        assert desk.get(_url(face)).status_code == 404
        assert desk.get(_url(renewed)).content == own.read_bytes()


def test_the_pack_cover_names_the_clinic_as_its_language_prints_it(tmp_path: Path) -> None:
    """The cover of a Thai patient pack said "for" the clinic's English name while the
    Thai leaflets inside printed its Thai one: the desk reads the profile as a build does."""
    from msc_leaflet.desk.shelf import read_card

    root = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "fixtures" / "i18n", root)
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(
        "name:\n  en: Test Clinic\n  th: คลินิกทดสอบ\nweb: https://example.org\n", "utf-8"
    )
    card = read_card(Project.at(root), "care-basics", ["th", "vi"])
    assert card.organisation_in("th") == "คลินิกทดสอบ"
    assert card.organisation_in("en") == card.organisation_in("vi") == "Test Clinic"


@pytest.mark.parametrize("ui", ["ar", "th"])
def test_a_plain_text_refusal_keeps_its_sentence_in_the_sentences_direction(
    client: TestClient, ui: str
) -> None:
    """A refusal before any page runs is plain text, which a browser lays out left to
    right (chromium's text viewer sets no direction): the Arabic sentence's full stop
    stood at its right end, where an Arabic reader starts (".المكتب لا يعرف …"). Now a
    right-to-left sentence is an isolate of its own direction (RLI … PDI), its marks at
    its end; a left-to-right one (Thai) is sent as it is. The English reason follows."""
    client.cookies.clear()
    refused = client.post("/", headers={"accept-language": ui})
    lead = interface(Project(REPO), ui)("desk.bad-address")
    first, reason = refused.text.split("\n")[:2]
    assert refused.status_code == 405 and "only reads" in reason
    assert first == (f"\u2067{lead}\u2069" if ui == "ar" else lead)


def test_a_search_typed_in_another_script_keeps_its_own_direction(client: TestClient) -> None:
    """The search box shows what a reader typed: an English title searched on the
    Arabic desk, an Arabic one on the English desk. It took the page's direction, so a
    search ending in a mark or a number ("MSC 2024.", "(v2)") was drawn with that mark
    on the wrong side. Every field showing typed text now reads its direction from the
    text (``dir="auto"``), on a page in either direction."""
    for ui, query in (("ar", "Safety 2024."), ("en", "سلامة الخلايا")):
        page = client.get("/", params={"q": query}, headers={"accept-language": ui})
        fields = re.findall(r'<input [^>]*type="search"[^>]*>', page.text)
        assert fields and all('dir="auto"' in field for field in fields), (ui, fields)


def test_each_download_is_named_with_its_language_and_edition(client: TestClient) -> None:
    """A nurse who downloaded the Thai and the English leaflet got two files called
    `infusion-safety.pdf` (the browser renamed one "infusion-safety (1).pdf"), and a
    pack was `patient-pack-th.pdf` beside them. Each download is now named as the
    build's output folder names it, the locale folder brought into the name:
    `th/infusion-safety.parallel.pdf` is `infusion-safety.th.parallel.pdf`, a pack
    `patient-pack.th.pdf` (`.sequential` with each leaflet's original)."""
    client.cookies.clear()
    names = {}
    for lang in ("th", "en"):
        answer = client.get(f"/leaflets/infusion-safety/pdf?lang={lang}")
        assert answer.status_code == 200
        names[lang] = answer.headers["content-disposition"]
    assert names["th"] == (
        "inline; filename=\"infusion-safety.th.pdf\"; filename*=UTF-8''infusion-safety.th.pdf"
    )
    assert 'filename="infusion-safety.en.pdf"' in names["en"]
    ids = ["infusion-safety"]
    pack = client.get("/pack.pdf", params={"leaflet": ids, "lang": "th"})
    assert 'filename="patient-pack.th.pdf"' in pack.headers["content-disposition"]
    originals = client.get("/pack.pdf", params={"leaflet": ids, "lang": "th", "with_source": "1"})
    assert originals.status_code == 200
    assert 'filename="patient-pack.th.sequential.pdf"' in originals.headers["content-disposition"]


@pytest.mark.parametrize(
    ("locale", "variant", "name"),
    [
        ("th", "", "infusion-safety.th.pdf"),
        ("ar", ".parallel", "infusion-safety.ar.parallel.pdf"),
        (
            "zh_Hans",
            ".sequential.booklet.proof",
            "infusion-safety.zh_Hans.sequential.booklet.proof.pdf",
        ),
    ],
)
def test_a_download_name_is_the_output_name_with_its_folder_brought_in(
    locale: str, variant: str, name: str
) -> None:
    from msc_leaflet.files import download_name

    assert download_name(locale, "infusion-safety", variant) == name


@pytest.mark.parametrize(
    ("name", "fallback", "encoded"),
    [
        ("infusion-safety.th.pdf", "infusion-safety.th.pdf", "infusion-safety.th.pdf"),
        ("ยา.th.pdf", "download.th.pdf", "%E0%B8%A2%E0%B8%B2.th.pdf"),
        ('a"b\\c;d\r\nx.pdf', "a_b_c_d_x.pdf", "a%22b%5Cc%3Bd%0D%0Ax.pdf"),
        ("安全.pdf", "download.pdf", "%E5%AE%89%E5%85%A8.pdf"),
    ],
)
def test_content_disposition_is_safe_ascii_with_the_name_in_utf8(
    name: str, fallback: str, encoded: str
) -> None:
    """RFC 6266: `filename` is ASCII for old browsers, `filename*` (RFC 5987) the name
    in UTF-8. A quote, backslash or line break in a name could close the header's
    quoted string or start a header of its own; a name of other letters alone falls
    back to `download`, not to an empty or dot-led file name."""
    from msc_leaflet.desk.downloads import content_disposition

    header = content_disposition(name)
    assert header == f"inline; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
    assert header.isascii() and "\r" not in header and "\n" not in header


#: Each interface language's list separator and label end (languages.yaml).
DESK_LISTS = [
    ("en", ", ", ": "),
    ("ar", "\u060c ", ": "),  # ، Arabic comma
    ("zh_Hans", "\u3001", "\uff1a"),  # 、 and ：, no space
    ("ja", "\u3001", "\uff1a"),
    ("th", " ", ": "),  # Thai writes no comma: a space
    ("my", "\u104a ", "- "),  # ၊ (little section)
    ("km", ", ", "\u17d6 "),  # ៖ (camnuc pii kuuh)
]


@pytest.mark.parametrize(("ui", "separator", "label_end"), DESK_LISTS)
def test_the_library_lists_languages_as_the_reader_writes_a_list(
    client: TestClient, project: Path, ui: str, separator: str, label_end: str
) -> None:
    """ "Printable in: Thai, English" was joined with a Latin ", " after a Latin ":" in
    every interface language: an Arabic page read , where its readers write ، and a
    Chinese one "可打印的语言: " where they write ：. Separators and label ends now
    come from the reader's language profile; English reads as before."""
    client.cookies.clear()
    page = client.get("/", headers={"accept-language": ui}).text
    words = interface(Project(project), ui)
    assert f'{words("desk.printable-in")}{label_end}<span class="tag">' in page
    assert f'<span class="visually-hidden">{separator}</span>' in page
    if ui != "en":
        assert '<span class="visually-hidden">, </span>' not in page or separator == ", "


@pytest.mark.parametrize(("ui", "separator", "label_end"), DESK_LISTS)
def test_the_status_page_names_a_proof_link_with_the_readers_separators(
    client: TestClient, ui: str, separator: str, label_end: str
) -> None:
    """The proof link's hidden words ("Proof (PDF), <title>, Thai") were joined with a
    Latin comma, read aloud in Arabic or Chinese by a screen reader."""
    client.cookies.clear()
    page = client.get("/status", headers={"accept-language": ui}).text
    assert (
        f'PDF{profile(ui).aside_close}<span class="visually-hidden">{separator}<span lang=' in page
    )


@pytest.mark.parametrize(
    ("ui", "button", "proof", "signoff"),
    [
        ("en", "Open PDF (Thai)", "Proof (PDF)", "Not signed off yet ("),
        ("ja", "PDF を開く（タイ語）", "校正刷り（PDF）", "未承認（"),
        ("zh_Hans", "打开 PDF（泰语）", "校样（PDF）", "尚未签字确认（"),
        ("zh_Hant", "開啟 PDF（泰文）", "校樣（PDF）", "尚未簽核（"),
    ],
)  # fmt: skip
def test_an_aside_is_in_the_parentheses_the_readers_language_writes(
    client: TestClient, ui: str, button: str, proof: str, signoff: str
) -> None:
    """ "開啟 PDF (泰文)": the desk put a Latin space and Latin parentheses around the
    language of a PDF, the proof link's "PDF" and the sign-off link, on a page whose
    catalog writes "印刷廠（CMYK）" — Chinese and Japanese enclose an aside in the
    full-width （ ）, with no space (`parentheses` in data/languages.yaml)."""
    client.cookies.clear()
    reader = {"accept-language": ui.replace("_", "-")}  # a browser's tag: zh-Hant
    page = client.get("/leaflets/infusion-safety?lang=th", headers=reader).text
    link = re.search(r'<a class="button" href="/leaflets/infusion-safety/pdf[^>]*>(.*?)</a>', page)
    assert link is not None and link.group(1) == button
    status = re.sub(r'<span class="visually-hidden">.*?</span>|<[^>]+>', "", client.get(
        "/status", headers=reader).text)  # fmt: skip
    assert proof in status and signoff in status


@pytest.mark.parametrize(
    ("language", "keywords", "shown"),
    [
        ("th", "[ความปลอดภัย, การรักษา]", "ความปลอดภัย การรักษา"),
        ("ar", "[السلامة, العلاج]", "السلامة، العلاج"),
        # Read as the PDF's keywords are (`plain_text`): no marks the page never prints.
        ("en", '["**stem** cells", "blood\\\\*tests"]', "stem cells, blood*tests"),
    ],
)
def test_topics_are_joined_as_their_own_language_writes_a_list(
    tmp_path: Path, language: str, keywords: str, shown: str
) -> None:
    """A Thai clinic's topics read "ความปลอดภัย, การรักษา" with a Latin comma Thai does
    not write; Arabic ones with , for ،. Topics are joined in the language they are
    written in, the one their span is tagged with."""
    from msc_leaflet.cli.new import init_project

    root = init_project(tmp_path / "clinic", language=language).root
    source = root / "leaflets" / "first-leaflet.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("numbered_sections:", f"keywords: {keywords}\nnumbered_sections:", 1),
        encoding="utf-8",
    )
    with desk_client(root) as desk:
        page = desk.get("/", headers={"accept-language": "en"}).text
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<span lang="{language}" dir="{direction}">{shown}</span>' in page


@pytest.mark.parametrize(
    ("ui", "separator"), [("en", "; "), ("ar", "\u061b "), ("zh_Hans", "\uff1b"), ("th", " ")]
)
def test_sign_offs_are_joined_as_the_reader_writes_clauses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ui: str, separator: str
) -> None:
    """Two sign-offs of one translation were joined with a Latin "; " on every page:
    Arabic writes ؛, Chinese ；, Thai a space."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 2026-11-20
    root = copy_library(tmp_path)
    for by, role in (("Dr Malee Srisuk", "clinical"), ("Somchai Dee", "reviewer")):
        result = CliRunner().invoke(cli_app, [
            "i18n", "review", "infusion-safety", "-l", "th", "--by", by, "--role", role,
            "--project", str(root),
        ])  # fmt: skip
        assert result.exit_code == 0, result.output
    import datetime as dt

    from msc_leaflet.i18n import format_date

    words = interface(Project(root), ui)
    day = format_date(dt.date(2026, 11, 20), ui)
    signed = [
        words("desk.signed-off", by=by, role=words(f"desk.role.{role}"), date=day)
        for by, role in (("Dr Malee Srisuk", "clinical"), ("Somchai Dee", "reviewer"))
    ]
    with desk_client(root) as desk:
        page = desk.get("/leaflets/infusion-safety?lang=en", headers={"accept-language": ui})
    said = html.unescape(page.text)
    assert separator.join(signed) in said or separator.join(reversed(signed)) in said, said


def test_a_bare_zh_catalog_is_offered_with_the_bundled_simplified_desk_words(
    tmp_path: Path,
) -> None:
    """A clinic's locales/zh (bare zh, Simplified in CLDR) with its own few words: the
    desk looked for a bundled zh catalog, found none beside zh_Hans, and never offered
    Chinese at all; a zh_Hant catalog of its own few words reads the bundled
    Traditional words, never Simplified ones."""
    from msc_leaflet.desk.interface import interface_languages

    root = copy_library(tmp_path)
    locales = root / "locales"
    for folder in ("zh", "zh_Hant"):
        (locales / folder / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
        header = (locales / "zh_Hans" / "LC_MESSAGES" / "ui.po").read_text("utf-8")
        header = header.split("\n\n")[0].replace("zh_Hans", folder) + "\n"
        (locales / folder / "LC_MESSAGES" / "ui.po").write_text(header, "utf-8")
    shutil.rmtree(locales / "zh_Hans")  # the words come from the bundled library's
    project = Project.at(root)
    chinese = interface(project, "zh")
    assert chinese.untranslated(list(DESK_MESSAGES)) == []
    assert chinese("desk.found", count=3) == interface(Project.at(REPO), "zh_Hans")(
        "desk.found", count=3
    )
    assert "zh" in interface_languages(project)
    traditional = interface(project, "zh_Hant")("desk.found", count=3)
    assert traditional == interface(Project.at(REPO), "zh_Hant")("desk.found", count=3)
    assert traditional != chinese("desk.found", count=3)


def _offer_interface(root: Path, code: str) -> None:
    """The project offers the desk in ``code``: the bundled ui catalog, unless it has its own."""
    folder = root / "locales" / code / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "ui.po").exists():
        shutil.copy(REPO / "locales" / code / "LC_MESSAGES" / "ui.po", folder / "ui.po")


def _signoff_fixture(tmp_path: Path, organisation: str = "") -> Path:
    """The i18n fixture project, its Thai text signed off by a clinician, then revised as
    `test_i18n_signoff` revises it (a text moved, one split, two merged) and one number
    changed in the source, which leaves its Thai translation fuzzy with the old one.
    ``organisation``: lines added to the clinic's profile before the sign-off."""
    from test_i18n_signoff import FIXTURE, LEAFLET, ORGANISATION, edit, revise_and_translate

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    with (root / ORGANISATION).open("a", encoding="utf-8") as profile:
        profile.write(organisation)
    result = CliRunner().invoke(cli_app, [
        "i18n", "review", "care-basics", "-l", "th", "--by", "Dr Malee Srisuk",
        "--role", "clinical", "--project", str(root),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    revise_and_translate(root)
    edit(root / LEAFLET, "infusion site for 4 hours.", "infusion site for 6 hours.")
    assert CliRunner().invoke(cli_app, ["i18n", "update", "--project", str(root)]).exit_code == 0
    return root


def _cli(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli_app, [*args, "--project", str(root)])
    return result.output


def test_the_signoff_page_lists_the_changes_i18n_review_lists_was_and_now(
    tmp_path: Path,
) -> None:
    """The desk said only "Changed since … signed it off": a clinician had to run `i18n
    review` to learn what. The sign-off page now lists the same changes in the same
    words, with the approved and current texts of each (Thai tagged Thai, so drawn in
    its font), and `i18n check`'s finding on the entry beside it, at its msgstr."""
    root = _signoff_fixture(tmp_path)
    before = snapshot(root)
    listed = _cli(root, "i18n", "review", "care-basics", "-l", "th")
    cli_changes = [
        line.strip() for line in listed.splitlines()
        if line.startswith("  ") and not line.startswith("    ")
    ]  # fmt: skip
    assert len(cli_changes) == 4, listed
    warning = next(x for x in _cli(root, "i18n", "check").splitlines() if "I18N022" in x)
    with desk_client(root) as desk:
        leaflet = desk.get("/leaflets/care-basics?lang=th").text
        assert 'href="/leaflets/care-basics/signoff?lang=th"' in leaflet
        page = desk.get("/leaflets/care-basics/signoff?lang=th")
    assert page.status_code == 200
    said = re.sub(r"<[^>]+>", "", html.unescape(page.text))
    for change in cli_changes:
        assert change in said, (change, said)
    # Was and now, each text in its language: an edit's too, not only a split's.
    assert '<p class="text" lang="th" dir="ltr">อย่าให้เปียกน้ำ</p>' in page.text
    was = "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ"
    assert f'<p class="text" lang="th" dir="ltr">{was}</p>' in page.text
    # The I18N022 warning, in the CLI's words, under the split that made it, at its line.
    message = warning.split("I18N022: ")[1]
    split = page.text.split("split from paragraph/4")[1].split("merged from")[0]
    assert message in re.sub(r"<[^>]+>", "", html.unescape(split))
    line = warning.split(": warning")[0].rsplit(":", 1)[0].rsplit(":", 1)[1]
    assert f"locales/th/LC_MESSAGES/care-basics.po:{line}</code>" in split
    assert snapshot(root) == before  # read-only: the desk records nothing


def test_the_signoff_page_shows_markup_in_a_translation_as_typed(tmp_path: Path) -> None:
    """A translation is text a translator typed: markup in it is shown, never run."""
    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    set_msgstr(po, "call-us/2", '<script>alert("x")</script><img src=x onerror=alert(1)>')
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_the_signoff_page_shows_a_changed_text_as_read(tmp_path: Path) -> None:
    """A changed translation's was and now showed its markup ("พักผ่อน **24 ชั่วโมง**"),
    marks the page never prints; they are shown as read, as `i18n review` and the
    proof show them (`text_as_read`): no emphasis marks, a citation as its [@key]."""
    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    now = "พักผ่อน **24 ชั่วโมง** และดื่มน้ำมากๆ โทรหาเราหากมีไข้ [@alpha2001]"
    set_msgstr(po, "short-answer", now)
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    item = html.unescape(_change_item(page, "short-answer"))
    assert "พักผ่อน 24 ชั่วโมง และดื่มน้ำมากๆ โทรหาเราหากมีไข้ [@alpha2001]" in item, item
    assert "พักผ่อน 24 ชั่วโมง และดื่มน้ำให้เพียงพอ" in item and "**" not in item, item


def test_a_signoff_record_edited_to_garbage_is_named_and_holds_the_leaflet_back(
    tmp_path: Path,
) -> None:
    """A signoff.yaml whose record was hand-edited (a wording value a number) ended the
    sign-off page in a traceback, and the leaflet page, unable to read it, handed the
    Thai text out as if no approval had gone stale. Now the sign-off page names the
    file and what to do, and the leaflet is not ready until the file is restored."""
    import yaml

    from msc_leaflet.i18n.pofile import read_po, write_po

    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    catalog = read_po(po)
    for entry in catalog.active:  # the translator's work done: printable, not approved
        if entry.msgctxt == "paragraph/5":  # the hours the source now says
            entry.msgstr = entry.msgstr.replace("4 ชั่วโมง", "6 ชั่วโมง")
        entry.set_fuzzy(False)
    write_po(po, catalog)
    path = root / "locales" / "th" / "signoff.yaml"
    [record] = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["wording"] = dict.fromkeys(record["wording"], 5)
    path.write_text(yaml.safe_dump([record], allow_unicode=True), encoding="utf-8")
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th")
        assert page.status_code == 500
        said = html.unescape(page.text)
        assert "locales/th/signoff.yaml" in said and "sign-off 1 is malformed" in said
        assert "restore it from git" in said and "Traceback" not in said
        assert desk.get("/leaflets/care-basics/pdf?lang=th").status_code == 400


def test_a_long_list_of_changes_is_shown_a_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A revision of a whole leaflet lists hundreds of changes: the page shows them
    `CHANGES_PER_PAGE` at a time, numbered on, with a link to each page; a page number
    that is not one is refused at the address, nothing read."""
    from dataclasses import replace

    from msc_leaflet.desk import signoff_view as view
    from msc_leaflet.i18n.signoff import pending as real
    from msc_leaflet.i18n.signoff_changes import Change

    root = _signoff_fixture(tmp_path)

    def many(project: Project, leaflet_id: str, locale: str) -> object:
        found = real(project, leaflet_id, locale)
        changes = tuple(
            Change(f"list/{n}", "translation changed", (("A", "ก"),), (("A", f"ข{n}"),))
            for n in range(1, 501)
        )
        return replace(found, review=replace(found.review, changes=changes))

    monkeypatch.setattr(view, "pending", many)
    with desk_client(root) as desk:
        first = desk.get("/leaflets/care-basics/signoff?lang=th").text
        last = desk.get("/leaflets/care-basics/signoff?lang=th&page=10").text
        assert desk.get("/leaflets/care-basics/signoff?lang=th&page=x").status_code == 400
        assert desk.get("/leaflets/care-basics/signoff?lang=th&page=-1").status_code == 400
    per_page = view.CHANGES_PER_PAGE
    assert first.count('<code dir="ltr">list/') == per_page == last.count('<code dir="ltr">list/')
    assert "(500)" in first and '<ol class="changes" start="1">' in first
    assert f'<ol class="changes" start="{500 - per_page + 1}">' in last and ">ข500<" in last
    assert 'page=10" aria-current="page"' in last


# The sign-off page's own words, and the desk words around them, whose English must not
# be left on a page in another language.
SIGNOFF_PAGE_KEYS = (
    *(key for key in DESK_MESSAGES if key.startswith("desk.change")),
    "desk.was", "desk.now", "desk.signoff-how", "desk.signoff", "desk.leaflet",
    "desk.signoff-changed", "desk.role.clinical", "desk.translation", "desk.checks",
    "desk.severity.warning",
)  # fmt: skip


def _english_phrases(keys: tuple[str, ...]) -> set[str]:
    """The fixed words of ``keys``' English sources, between their placeholders."""
    phrases = set()
    for key in keys:
        for part in re.split(r"\{\w+\}|[():·]", DESK_MESSAGES[key]):
            if len(re.findall("[A-Za-z]", part)) >= 3:
                phrases.add(part.strip(" ,."))
    return phrases


def _words_of_the_desk(page: str) -> str:
    """The text of a page's main part that the desk words itself: without the leaflet's
    texts (in their languages), the entries' names and commands (<code>), and `i18n
    check`'s findings (English by design, tagged so)."""
    main = page.split("<main", 1)[1]
    for pattern in (
        r'<p class="text".*?</p>',
        r"<code.*?</code>",
        r'<ul class="findings">.*?</ul>',
    ):
        main = re.sub(pattern, " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def test_the_signoff_page_speaks_the_interface_language_it_is_set_to(tmp_path: Path) -> None:
    """The desk speaks nine languages, but its sign-off page said in English, on a Thai or
    Arabic page, what changed ("moved from paragraph/5", "split from …", "renumbered
    only"), its heading, the "was" and "now" of each text and how to sign off. Every
    one is now a desk word in every interface language (an Arabic page right to left,
    an entry's name isolated in it), and the English page says what `i18n review` says."""
    from msc_leaflet.i18n.pofile import read_po
    from msc_leaflet.languages import bcp47, right_to_left

    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    for entry in read_po(po).active:
        if entry.msgctxt == "disclaimer":  # a full stop added: only punctuation changed
            set_msgstr(po, "disclaimer", entry.msgstr + ".")
    languages = ("th", "lo", "km", "my", "vi", "zh_Hans", "zh_Hant", "ja", "ar", "hi")
    for code in languages:  # the project offers the bundled interface languages
        _offer_interface(root, code)
    phrases = _english_phrases(SIGNOFF_PAGE_KEYS)
    address = "/leaflets/care-basics/signoff?lang=th"
    with desk_client(root) as desk:
        english = _words_of_the_desk(desk.get(address, headers={"accept-language": "en"}).text)
        pages = {
            code: desk.get(address, headers={"accept-language": code.replace("_", "-")}).text
            for code in languages
        }
    # What the English page says, so that its absence below is meaningful.
    for said in ("moved from", "split from", "merged from", "renumbered only", "was", "now",
                 "Changed since the last approval", "only spaces or punctuation",
                 "the Thai translation changed", "sign off"):  # fmt: skip
        assert said in english, (said, english)
    for code, page in pages.items():
        direction = "rtl" if right_to_left(code) else "ltr"
        assert f'<html lang="{bcp47(code)}" dir="{direction}">' in page, code
        words = interface(Project(root), code)
        assert not words.untranslated(SIGNOFF_PAGE_KEYS), code
        left = [p for p in phrases if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])",
                                                _words_of_the_desk(page), re.I)]  # fmt: skip
        assert left == [], (code, left)
        shown = html.unescape(page)
        assert words("desk.changes-since", count=5) in shown, code
        assert words("desk.change.moved", place="paragraph/5") in shown, code
        assert f'<p class="side">{html.escape(words("desk.was"))}</p>' in page, code
        assert '<span lang="en"' not in page.split('<ol class="changes"')[1].split("<li>")[1]
    assert "\u2068paragraph/5\u2069" in html.unescape(pages["ar"])  # its own direction


def test_a_language_named_inside_a_vietnamese_sentence_is_written_in_lower_case() -> None:
    """CLDR names English "Tiếng Anh" in Vietnamese, as a title or a menu writes it; a
    sentence writes "văn bản tiếng Anh". At the start of a sentence the capital stays,
    and every other language's names are as CLDR gives them."""
    from msc_leaflet.desk.interface import Interface, Language, Languages

    key = "desk.change.translation"
    vi = Interface("vi", {key: "bản dịch {language} đã thay đổi"})
    assert vi(key, language=Language("en")) == "bản dịch tiếng Anh đã thay đổi"
    assert Interface("vi", {key: "{language}: đã thay đổi"})(key, language=Language("th")) == (
        "Tiếng Thái: đã thay đổi"
    )
    either = Interface("vi", {key: "{language} hoặc"})(key, language=Languages(("th", "en")))
    assert either.startswith("Tiếng Thái") and "tiếng Anh" in either
    assert Interface("en", {})(key, language=Language("th")) == "the Thai translation changed"


def test_the_signoff_page_shows_a_cure_claim_in_a_translation_beside_its_change(
    tmp_path: Path,
) -> None:
    """`i18n check` names a promise of cure typed in a Thai msgstr (CLAIM001, at the
    msgstr's line), but the sign-off page showed only the catalog rules' findings: a
    clinician reading the changed text before signing saw no word of it. It is now
    beside the change, with the CLI's code, message and line."""
    from i18n_support import msgstr_line

    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    set_msgstr(po, "disclaimer", "เซลล์ต้นกำเนิดรักษาเบาหวานให้หายขาดได้")
    line = msgstr_line(po, "disclaimer")
    [told] = [x for x in _cli(root, "i18n", "check").splitlines() if ": CLAIM001: " in x]
    assert f"care-basics.po:{line}:" in told, told
    message = told.split(": CLAIM001: ", 1)[1]
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    changes = page.split('<ol class="changes"')[1].split("</ol>")[0]
    [item] = [li for li in changes.split("<li>") if '<code dir="ltr">disclaimer</code>' in li]
    said = html.unescape(re.sub(r"<[^>]+>", "", item))
    assert "CLAIM001" in said and message in said, said
    assert f"locales/th/LC_MESSAGES/care-basics.po:{line}:" in said
    listed = page.split('<ul class="findings">')[-1]
    assert "CLAIM001" in listed  # and in the catalog's list below


def test_the_signoff_page_shows_emphasis_a_chinese_reader_never_sees(tmp_path: Path) -> None:
    """A translated "**Do not** wait" prints plain in Chinese (the CJK font has no bold):
    the clinician signing the translation off reads the warning (TEXT004) on the page,
    with the code and message `i18n check` prints."""
    from test_checks_emphasis import emphasis_project

    root = emphasis_project(tmp_path)
    [told] = [x for x in _cli(root, "i18n", "check").splitlines() if "[zh_Hans] '不要'" in x]
    message = told.split(": TEXT004: ", 1)[1]
    with desk_client(root) as desk:
        page = desk.get("/leaflets/after-your-infusion/signoff?lang=zh_Hans").text
    listed = html.unescape(re.sub(r"<[^>]+>", "", page.split('<ul class="findings">')[-1]))
    assert "TEXT004" in listed and message in listed, listed


def _change_item(page: str, context: str) -> str:
    """The list item of the sign-off page's change at entry ``context``."""
    changes = page.split('<ol class="changes"')[1].split("</ol>")[0]
    [item] = [li for li in changes.split("<li>") if f'<code dir="ltr">{context}</code>' in li]
    return item


@pytest.mark.parametrize(
    "ui", ["en", "th", "lo", "km", "my", "vi", "zh_Hans", "zh_Hant", "ja", "ar", "hi"]
)
def test_an_edit_whose_approved_text_was_not_kept_says_so_on_the_signoff_page(
    tmp_path: Path, ui: str
) -> None:
    """An approval made before texts were kept holds digests only. `i18n review` says
    "was: not recorded (…)"; the sign-off page left the "was" out, as if the text had
    been empty. It now says so, in the reader's language (the English the CLI prints)."""
    from msc_leaflet.i18n.signoff_changes import NOT_RECORDED

    root = _signoff_fixture(tmp_path)
    path = root / "locales" / "th" / "signoff.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  wording:")[0], encoding="utf-8")
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    set_msgstr(po, "disclaimer", "เอกสารนี้เป็นข้อมูลทั่วไป ไม่ใช่คำแนะนำทางการแพทย์ค่ะ")
    review = _cli(root, "i18n", "review", "care-basics", "-l", "th")
    assert f"was: {NOT_RECORDED}" in review, review
    if ui != "en":
        _offer_interface(root, ui)
    words = interface(Project(root), ui)
    assert not words.untranslated(["desk.change.not-recorded"]), ui
    with desk_client(root) as desk:
        page = desk.get(
            "/leaflets/care-basics/signoff?lang=th",
            headers={"accept-language": ui.replace("_", "-")},
        ).text
    item = _change_item(page, "disclaimer")
    was = f'<p class="side">{html.escape(words("desk.was"))}</p>'
    assert was in item, item
    said = item.split(was, 1)[1].split("</div>")[0]
    assert html.escape(words("desk.change.not-recorded")) in said, said
    assert (NOT_RECORDED in html.unescape(said)) == (ui == "en"), said


def test_a_contacts_text_is_tagged_with_the_language_it_is_written_in(tmp_path: Path) -> None:
    """The sign-off page tagged every approved and current text of a change with the
    leaflet's language or the translation's by its side: a Thai address, which the
    clinic's profile writes for Thai readers of an English leaflet, was tagged English
    (read with an English voice, drawn in the Latin font). Each text is now tagged with
    the language its letters are written in; an English one stays English."""
    from test_i18n_signoff import ORGANISATION, edit

    address = "address:\n  en: 12 Sukhumvit Road, Bangkok\n  th: 12 ถนนสุขุมวิท กรุงเทพฯ\n"
    root = _signoff_fixture(tmp_path, address)
    edit(root / ORGANISATION, "12 ถนนสุขุมวิท", "14 ถนนสุขุมวิท")
    edit(root / ORGANISATION, "name: Test Clinic", "name: Test Clinic Bangkok")
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    item = _change_item(page, "organisation:address")
    for number in (12, 14):
        said = f'<p class="text" lang="th" dir="ltr">{number} ถนนสุขุมวิท กรุงเทพฯ</p>'
        assert said in item, item
    named = _change_item(page, "organisation:name")
    assert '<p class="text" lang="en" dir="ltr">Test Clinic Bangkok</p>' in named, named


def test_a_contact_line_is_tagged_on_the_signoff_page_as_the_page_tags_it(
    tmp_path: Path,
) -> None:
    """The sign-off page tagged a contact line by a rule of letters of its own: the
    clinic's phone number, digits alone, was English beside a Thai change, where the
    Thai page reads it in Thai with its label. It now reads the page's one rule
    (`typeset.printed_language.contact_language`), as the proof's list of changes does."""
    from test_i18n_signoff import ORGANISATION, edit

    root = _signoff_fixture(tmp_path, 'phone: "+66 2 123 4567"\n')
    edit(root / ORGANISATION, "123 4567", "765 4321")
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    item = _change_item(page, "organisation:phone")
    for number in ("123 4567", "765 4321"):
        assert f'<p class="text" lang="th" dir="ltr">+66 2 {number}</p>' in item, item


def test_the_signoff_page_shows_only_the_language_whose_text_changed(tmp_path: Path) -> None:
    """On a Thai translation's edit the sign-off page showed the unchanged English
    source under both "was" and "now", where `i18n review` and the proof show only the
    Thai (`texts_beside`): the clinician compared four texts to find the two that
    differ. The page now shows the sides `sides_shown` names, as they do."""
    root = _signoff_fixture(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    set_msgstr(po, "disclaimer", "เอกสารนี้เป็นข้อมูลทั่วไป ไม่ใช่คำแนะนำทางการแพทย์ค่ะ")
    review = _cli(root, "i18n", "review", "care-basics", "-l", "th")
    assert "(English)" not in review.split("  disclaimer:")[1].split("\n  ")[1], review
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    item = _change_item(page, "disclaimer")
    langs = re.findall(r'<p class="text" lang="([^"]+)"', item)
    assert langs == ["th", "th"], item
    assert "ไม่ใช่คำแนะนำทางการแพทย์ค่ะ" in item and "general information" not in item, item


def test_a_page_words_english_is_tagged_english_in_a_thai_source_leaflet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page word's source is the program's English ("References"), whatever the
    leaflet's language; the sign-off page tagged it with the leaflet's (Thai, for a
    Bangkok clinic's leaflet translated into English) and `i18n review` and the proof
    named it "was (Thai): References". Both now say English (`labels.UI_LANGUAGE`)."""
    from msc_leaflet.i18n.labels import UI_MESSAGES

    root = thai_source_project(tmp_path)
    signed = _cli(root, "i18n", "review", "first-leaflet", "-l", "en", "--by", "Dr Malee Srisuk",
                  "--role", "clinical")  # fmt: skip
    assert "clinical by Dr Malee Srisuk" in signed, signed
    monkeypatch.setitem(UI_MESSAGES, "references", "Sources")  # a later version's word
    review = _cli(root, "i18n", "review", "first-leaflet", "-l", "en")
    assert "    was (English): References\n" in review, review
    assert "(Thai)" not in review, review
    with desk_client(root) as desk:
        page = desk.get("/leaflets/first-leaflet/signoff?lang=en").text
    item = _change_item(page, "ui:references")
    texts = re.findall(r'<p class="text" lang="([^"]+)" dir="ltr">([^<]*)</p>', item)
    # Each text once: the English translation prints what the English source writes.
    assert texts == [("en", "References"), ("en", "Sources")], item


@pytest.mark.parametrize("ui", ["en", "th", "ar"])
def test_a_page_words_english_reworded_is_named_english_on_the_signoff_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ui: str
) -> None:
    """In a Thai-source leaflet translated into English, a later program version's
    rewording of the page word "References" was "the Thai text changed" on the sign-off
    page, as in `i18n review`: a page word's source is the program's English. The page
    says "the English text changed", English named in the reader's language."""
    from msc_leaflet.desk.interface import Language
    from msc_leaflet.i18n.labels import UI_MESSAGES

    root = thai_source_project(tmp_path)
    signed = _cli(root, "i18n", "review", "first-leaflet", "-l", "en", "--by", "Dr Malee Srisuk",
                  "--role", "clinical")  # fmt: skip
    assert "clinical by Dr Malee Srisuk" in signed, signed
    monkeypatch.setitem(UI_MESSAGES, "references", "Sources")
    if ui != "en":
        _offer_interface(root, ui)
    words = interface(Project(root), ui)
    with desk_client(root) as desk:
        page = desk.get("/leaflets/first-leaflet/signoff?lang=en",
                        headers={"accept-language": ui}).text  # fmt: skip
    item = html.unescape(_change_item(page, "ui:references"))
    assert words("desk.change.source", language=Language("en")) in item, item
    assert words("desk.change.source", language=Language("th")) not in item, item


def test_a_page_word_printed_in_english_on_a_thai_page_is_tagged_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later program version rewords "References", which the Thai ui.po has no
    translation of: the Thai page prints "Sources" in English, and the sign-off page
    tagged that "now" text Thai (read with a Thai voice, drawn in the Thai font). It is
    tagged English, the approved Thai word beside it Thai."""
    from msc_leaflet.i18n.labels import UI_MESSAGES
    from test_i18n_signoff import FIXTURE

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    signed = _cli(root, "i18n", "review", "care-basics", "-l", "th", "--by", "Dr Malee Srisuk",
                  "--role", "clinical")  # fmt: skip
    assert "clinical by Dr Malee Srisuk" in signed, signed
    monkeypatch.setitem(UI_MESSAGES, "references", "Sources")
    with desk_client(root) as desk:
        page = desk.get("/leaflets/care-basics/signoff?lang=th").text
    item = _change_item(page, "ui:references")
    assert "the English text changed" in item, item
    texts = re.findall(r'<p class="text" lang="([^"]+)" dir="ltr">([^<]*)</p>', item)
    # "Sources" once: the page prints the English source's word, not a second text.
    assert texts == [("en", "References"), ("th", "เอกสารอ้างอิง"), ("en", "Sources")], item


@pytest.mark.parametrize(
    "ui", ["en", "th", "lo", "km", "my", "vi", "zh_Hans", "zh_Hant", "ja", "ar", "hi"]
)
def test_a_new_or_removed_entry_shows_its_text_on_the_signoff_page(tmp_path: Path, ui: str) -> None:
    """A paragraph added since the approval, and one deleted, were "new entry" and
    "removed" with no text under them, as in `i18n review`: the clinician approved a
    Thai text the page never showed. The new one is shown as it is now, the removed one
    as it was, each text in its language, as `i18n review` and the proof show them.

    The removed one was named "paragraph/5: removed", the name of the edited paragraph
    now there ("paragraph/5: the Thai translation changed"), and `i18n check`'s cure
    claim in that other paragraph was listed under it. It is "removed (was
    paragraph/5)" in the reader's language, with no finding of the text now there."""
    from i18n_support import msgstr_line
    from test_i18n_signoff import FIXTURE, NEW_EN, NEW_TH, REMOVED_EN
    from test_i18n_signoff import add_and_remove_a_paragraph as revise

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    removed_th = revise(root)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    # The paragraph now at paragraph/5 (was paragraph/4) edited to promise a cure.
    set_msgstr(po, "paragraph/5", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง เซลล์ต้นกำเนิดรักษาเบาหวานให้หายขาดได้")
    [told] = [x for x in _cli(root, "i18n", "check").splitlines() if ": CLAIM001: " in x]
    assert f"care-basics.po:{msgstr_line(po, 'paragraph/5')}:" in told, told
    if ui != "en":
        _offer_interface(root, ui)
    words = interface(Project(root), ui)
    with desk_client(root) as desk:
        page = desk.get(
            "/leaflets/care-basics/signoff?lang=th",
            headers={"accept-language": ui.replace("_", "-")},
        ).text
    changes = page.split('<ol class="changes"')[1].split("</ol>")[0].split("<li>")
    [new] = [item for item in changes if '<code dir="ltr">paragraph/3</code>' in item]
    removed_words = words("desk.change.was-at", change=words("desk.change.removed"),
                          place="paragraph/5")  # fmt: skip
    [removed] = [item for item in changes if removed_words in html.unescape(item)]
    assert words("desk.change.new") in html.unescape(new), new
    now, was = words("desk.now"), words("desk.was")
    assert _sides_and_texts(new) == [(now, "", ""), ("", "en", NEW_EN), ("", "th", NEW_TH)]
    said = _sides_and_texts(removed)
    assert said == [(was, "", ""), ("", "en", REMOVED_EN), ("", "th", removed_th)], removed
    assert "<code" not in removed and "CLAIM001" not in removed, removed
    assert "CLAIM001" in _change_item(page, "paragraph/5"), page


def _sides_and_texts(item: str) -> list[tuple[str, str, str]]:
    """A change's "was"/"now" labels and texts in order: (label, "", "") or ("", the
    text's lang, the text)."""
    found = re.findall(
        r'<p class="side">([^<]*)</p>|<p class="text" lang="([^"]+)"[^>]*>([^<]*)</p>', item
    )
    return [(side, lang, html.unescape(text)) for side, lang, text in found]


@pytest.mark.parametrize("ui", ["en", "th", "ar"])
def test_a_fuzzy_mark_removed_shows_the_text_on_the_signoff_page(tmp_path: Path, ui: str) -> None:
    """A reference title approved fuzzy, then confirmed with the same words: the page
    said "the Thai translation changed" with no text, nothing to approve against. It
    says the translation was confirmed, in the reader's language, and shows it now."""
    from test_i18n_signoff import FIXTURE, TH_PO, TITLE_TH, review

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    set_msgstr(root / TH_PO, "ref/gamma2002/title", TITLE_TH, fuzzy=True)
    assert review(root, "clinical", "Dr. Malee Srisuk")[0] == 0
    set_msgstr(root / TH_PO, "ref/gamma2002/title", TITLE_TH)
    if ui != "en":
        _offer_interface(root, ui)
    words = interface(Project(root), ui)
    with desk_client(root) as desk:
        page = desk.get(
            "/leaflets/care-basics/signoff?lang=th",
            headers={"accept-language": ui.replace("_", "-")},
        ).text
    item = _change_item(page, "ref/gamma2002/title")
    confirmed = words("desk.change.confirmed", language=Language("th"))
    assert confirmed in item, item
    assert _sides_and_texts(item) == [(words("desk.now"), "", ""), ("", "th", TITLE_TH)], item


def test_desk_words_and_sign_off_names_are_shown_composed(tmp_path: Path) -> None:
    """A Vietnamese ui.po saved decomposed (NFD, as some editors on macOS save it) and a
    sign-off whose name and note were typed in a decomposed terminal: the desk showed
    "Ngày", "Nguyễn" as letters and their marks apart, which the browser's search for
    the word does not find and some fonts draw with the tone beside its letter. The
    page's labels were composed (`catalog.msgstr_as_read`); the desk's now are too, and
    so is a sign-off's name and note, wherever it is shown."""
    import unicodedata

    root = copy_library(tmp_path)
    po = root / "locales" / "vi" / "LC_MESSAGES" / "ui.po"
    po.write_text(unicodedata.normalize("NFD", po.read_text(encoding="utf-8")), encoding="utf-8")
    name, note = "BS. Nguyễn Thị Hoa", "đã kiểm tra thuật ngữ"
    review = [
        "i18n", "review", "infusion-safety", "-l", "th", "--role", "clinical",
        "--by", unicodedata.normalize("NFD", name), "--note", unicodedata.normalize("NFD", note),
        "--project", str(root),
    ]  # fmt: skip
    assert CliRunner().invoke(cli_app, review).exit_code == 0
    assert name in (root / "locales" / "th" / "signoff.yaml").read_text(encoding="utf-8")
    with desk_client(root) as desk:
        for address in ("/", "/status", "/leaflets/infusion-safety",
                        "/leaflets/infusion-safety/signoff?lang=th"):  # fmt: skip
            page = desk.get(address, headers={"accept-language": "vi"})
            assert page.status_code == 200, address
            decomposed = [
                line.strip()
                for line in page.text.splitlines()
                if unicodedata.normalize("NFC", line) != line
            ]
            assert decomposed == [], (address, decomposed[:2])
        assert "Đã quá hạn xem xét lại" in desk.get("/", headers={"accept-language": "vi"}).text
        status = desk.get("/status", headers={"accept-language": "vi"}).text
        assert f"Đã được {name} (bác sĩ lâm sàng) phê duyệt" in status, status
        # …on a date as a Vietnamese reader writes it (`long-date`), not CLDR's "7 tháng
        # 12, 2026" with an English comma.
        assert re.search(r"phê duyệt ngày \d{1,2} tháng \d{1,2} năm 20\d\d \(", status)
        assert note in desk.get("/leaflets/infusion-safety/signoff?lang=th").text


def test_a_library_whose_leaflets_do_not_load_says_which_file_to_correct(
    tmp_path: Path,
) -> None:
    """An organisation file left broken stops every leaflet that prints it from loading:
    the library read "0 leaflet(s). No leaflet matches. Clear the search or choose
    another language", sending staff to a search they never typed. It now says a file
    cannot be read, in the reader's language, naming each leaflet's error, file and
    line; a leaflet that loads still has its card."""
    root = copy_library(tmp_path)
    organisation = next((root / "organisations").glob("*.yaml"))
    organisation.write_text("name: [\n", encoding="utf-8")
    with desk_client(root) as desk:
        for ui in ("en", "th"):
            page = desk.get("/", headers={"accept-language": ui}).text
            words = interface(Project(root), ui)
            assert f'id="unreadable">{words.line("desk.source-error")}</p>' in page
            assert f'<code dir="ltr">organisations/{organisation.name}:2</code>' in page
            assert words.line("desk.none-found") not in page
        (root / "leaflets" / "broken.yaml").write_text("id: broken\ntitle: [\n", "utf-8")
        organisation.write_text(
            (REPO / "organisations" / organisation.name).read_text("utf-8"), "utf-8"
        )
        page = desk.get("/").text
        assert '<code dir="ltr">leaflets/broken.yaml:3</code>' in page
        assert 'href="/leaflets/infusion-safety?lang=en"' in page


def test_a_pdf_is_always_sent_whole_and_fresh(client: TestClient) -> None:
    """A PDF is rebuilt in place when its sources change: a part of it asked for by
    ``Range`` (a viewer fetching pages on demand, a resumed download) could join bytes
    of two builds, and a cached copy revalidated by an ``ETag`` of the old one could be
    shown after a correction. The desk sends neither ``Accept-Ranges`` nor a validator:
    every answer is the whole current file (200), whatever the request asks."""
    address = "/leaflets/infusion-safety/pdf?lang=en"
    whole = client.get(address)
    assert whole.status_code == 200 and "accept-ranges" not in whole.headers
    assert "etag" not in whole.headers and "last-modified" not in whole.headers
    assert whole.headers["cache-control"] == "no-cache"
    for asked in (
        {"range": "bytes=0-99"},
        {"range": "bytes=-100", "if-range": '"old"'},
        {"if-none-match": "*"},
        {"if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT"},
    ):
        answer = client.get(address, headers=asked)
        assert answer.status_code == 200, asked
        assert answer.content == whole.content, asked
        assert answer.content.startswith(b"%PDF-") and b"%%EOF" in answer.content[-32:]


def test_the_language_switch_names_each_language_as_it_names_itself(client: TestClient) -> None:
    """The switch wrote Babel's display names, "中文 (简体)" and "中文 (繁體)": a Latin space
    and Latin parentheses in a Chinese name, where CLDR names the languages standing
    alone "简体中文" and "繁體中文" (and the desk's own language lists say so)."""
    client.cookies.clear()
    page = client.get("/").text
    names = dict(re.findall(r'<a href="/interface\?lang=([A-Za-z_]+)[^"]*"[^>]*>(.*?)</a>', page))
    assert names["zh_Hans"] == "简体中文" and names["zh_Hant"] == "繁體中文"
    assert names["th"] == "ไทย" and names["ja"] == "日本語" and names["en"] == "English"
    assert not [name for name in names.values() if "(" in name]

"""Render small numbered PDFs to preview pictures and check what a reviewer gets."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from msc_leaflet.errors import LeafletError
from msc_leaflet.finishing.preview import BACKGROUND, DEFAULT_DPI, write_previews


def numbered_pdf(path: Path, pages: int, version: str = "") -> Path:
    """An A5 PDF whose pages each show their number in big type (after ``version``)."""
    canvas = Canvas(str(path), pagesize=A5, invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 96)
        canvas.drawCentredString(A5[0] / 2, A5[1] / 2, f"{version}{number}")
        canvas.showPage()
    canvas.save()
    return path


def pixels(points: float, dpi: float) -> int:
    """PDFium's canvas size: a part-covered pixel still counts."""
    return math.ceil(points * dpi / 72)


def test_one_png_per_page_at_the_requested_resolution(tmp_path: Path) -> None:
    pdf = numbered_pdf(tmp_path / "leaflet.pdf", 3)
    result = write_previews(pdf, tmp_path / "preview")
    assert [path.name for path in result.pages] == ["page-01.png", "page-02.png", "page-03.png"]
    for path in result.pages:
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.size == (pixels(A5[0], DEFAULT_DPI), pixels(A5[1], DEFAULT_DPI))

    result = write_previews(pdf, tmp_path / "small", dpi=36)
    with Image.open(result.pages[0]) as image:
        assert image.size == (210, 298)  # A5 is 148 × 210 mm; at 36 dpi ≈ 210 × 298 px


def test_pages_show_their_content(tmp_path: Path) -> None:
    """A blank render would pass the size checks; the big number must be there."""
    result = write_previews(numbered_pdf(tmp_path / "leaflet.pdf", 1), tmp_path / "preview")
    with Image.open(result.pages[0]) as image:
        grey = image.convert("L")
        assert grey.getpixel((0, 0)) == 255  # white paper
        middle = grey.crop(
            (grey.width // 3, grey.height // 3, grey.width * 2 // 3, grey.height * 2 // 3)
        )
        darkest, _ = middle.getextrema()
        assert isinstance(darkest, int)  # one band ("L"): (min, max), not a pair per band
        assert darkest < 50  # black type


def test_contact_sheet_shows_all_pages_as_thumbnails(tmp_path: Path) -> None:
    pdf = numbered_pdf(tmp_path / "leaflet.pdf", 6)
    result = write_previews(pdf, tmp_path / "preview", thumb_width=120)
    assert result.contact_sheet == tmp_path / "preview" / "contact-sheet.png"
    thumb_height = round(120 * A5[1] / A5[0])
    with Image.open(result.contact_sheet) as sheet:
        # Six pages in rows of four: four thumbnails across, two rows down.
        assert sheet.width > 4 * 120
        assert sheet.height > 2 * thumb_height
        assert sheet.width < 5 * 120 and sheet.height < 3 * thumb_height
        assert sheet.convert("RGB").getpixel((1, 1)) == BACKGROUND


def test_stale_pages_from_a_longer_preview_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "preview"
    write_previews(numbered_pdf(tmp_path / "long.pdf", 6), out)
    (out / "notes.txt").write_text("kept")
    result = write_previews(numbered_pdf(tmp_path / "short.pdf", 4), out)
    assert sorted(path.name for path in out.iterdir()) == [
        "contact-sheet.png",
        "notes.txt",
        "page-01.png",
        "page-02.png",
        "page-03.png",
        "page-04.png",
    ]
    assert result.pages == [out / f"page-0{n}.png" for n in range(1, 5)]


def test_rerun_writes_identical_bytes(tmp_path: Path) -> None:
    pdf = numbered_pdf(tmp_path / "leaflet.pdf", 2)
    first = write_previews(pdf, tmp_path / "a")
    second = write_previews(pdf, tmp_path / "b")
    for one, two in zip(
        [*first.pages, first.contact_sheet], [*second.pages, second.contact_sheet], strict=True
    ):
        assert one.read_bytes() == two.read_bytes()


def test_missing_pdf_is_a_leaflet_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.pdf"
    with pytest.raises(LeafletError) as caught:
        write_previews(missing, tmp_path / "preview")
    assert caught.value.location.path == missing
    assert "not found" in caught.value.message
    assert not (tmp_path / "preview").exists()


def test_file_that_is_not_a_pdf_is_a_leaflet_error(tmp_path: Path) -> None:
    fake = tmp_path / "leaflet.pdf"
    fake.write_text("title: not a PDF at all\n")
    with pytest.raises(LeafletError) as caught:
        write_previews(fake, tmp_path / "preview")
    assert caught.value.location.path == fake
    assert "cannot read" in caught.value.message and caught.value.hint


@pytest.mark.parametrize(("dpi", "thumb_width"), [(0, 200), (72, 0), (math.nan, 200)])
def test_sizes_must_be_positive(tmp_path: Path, dpi: float, thumb_width: int) -> None:
    pdf = numbered_pdf(tmp_path / "leaflet.pdf", 1)
    with pytest.raises(ValueError, match="must be positive"):
        write_previews(pdf, tmp_path / "preview", dpi=dpi, thumb_width=thumb_width)


#: write_previews of argv[1] at 300 dpi in a fresh process; its peak resident memory.
PREVIEW_PEAK = """
import sys
from collections.abc import Callable
from pathlib import Path
from msc_leaflet.finishing.preview import write_previews
write_previews(Path(sys.argv[1]), Path(sys.argv[2]), dpi=300)
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(int(hwm.split()[1]) // 1024)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_a_long_leaflet_is_previewed_one_page_at_a_time(tmp_path: Path) -> None:
    """Every page picture was held until the contact sheet was made: 40 A5 pages at
    300 dpi held 520 MB, a 470-page leaflet (what the limits allow) at 600 dpi ~50 GB.
    Now one page is held at a time, and the thumbnails."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    pdf = numbered_pdf(tmp_path / "long.pdf", 40)
    result = subprocess.run(
        [sys.executable, "-c", PREVIEW_PEAK, str(pdf), str(tmp_path / "preview")],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    assert int(result.stdout.split()[-1]) < 250, result.stdout
    assert len(list((tmp_path / "preview").glob("page-*.png"))) == 40
    with Image.open(tmp_path / "preview" / "contact-sheet.png") as sheet:
        assert sheet.width == 16 + 4 * (240 + 16)


@pytest.mark.parametrize("dpi", ["nan", "NaN", "-nan"])
def test_a_resolution_that_is_no_number_is_a_usage_error(
    make_project: Callable[..., Path], tmp_path: Path, dpi: str
) -> None:
    # NaN passes every range check (each comparison is false): it reached the page size
    # and was "internal error: ValueError: cannot convert float NaN to integer", exit 70.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    args = ["preview", "sample", "--dpi", dpi, "--project", str(root), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "--dpi" in result.output and "internal error" not in result.output
    assert not (tmp_path / "o").exists()  # refused before anything was built


def _waiting_on_a_lock(pid: int) -> bool:
    """Whether process ``pid`` waits for a lock another holds (Linux's /proc/locks lists
    each waiter with '->')."""
    lines = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    return any(line.split()[1] == "->" and line.split()[5] == str(pid) for line in lines)


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="needs Linux's /proc/locks")
def test_two_previews_into_one_folder_at_once_leave_one_documents_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`msc-leaflet preview` in two terminals (or beside the desk, which draws its page
    pictures into the same folder), of two versions of the leaflet: each wrote its
    pages one by one, so the folder ended with the first pages of one version, the
    rest and the contact sheet of the other, and a reviewer approved a mixture."""
    import os
    import subprocess
    import sys
    import time

    from msc_leaflet.files import write_atomic
    from msc_leaflet.finishing import preview

    first, second = numbered_pdf(tmp_path / "a.pdf", 3), numbered_pdf(tmp_path / "b.pdf", 5, "B")
    wanted = {
        name: {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
        for name, pdf in (("only-a", first), ("only-b", second))
        if write_previews(pdf, tmp_path / name)
    }
    folder = tmp_path / "preview"
    other: list[subprocess.Popen[bytes]] = []

    def other_preview_meanwhile(path: Path, data: bytes, **how: Any) -> bool:
        written = write_atomic(path, data, **how)
        if not other:  # after this one's first page, the other terminal's starts
            code = (
                "import sys; from pathlib import Path; "
                "from msc_leaflet.finishing.preview import write_previews; "
                "write_previews(Path(sys.argv[1]), Path(sys.argv[2]))"
            )
            env = {**os.environ, "PYTHONPATH": str(Path(preview.__file__).parents[2])}
            command = [sys.executable, "-c", code, str(second), str(folder)]
            other.append(subprocess.Popen(command, env=env))
            # Either it finished (it wrote over) or it waits for this one: no sleeping.
            while other[0].poll() is None and not _waiting_on_a_lock(other[0].pid):
                time.sleep(0.01)
        return written

    monkeypatch.setattr(preview, "write_atomic", other_preview_meanwhile)
    write_previews(first, folder)
    assert other[0].wait(timeout=120) == 0
    found = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert found in (wanted["only-a"], wanted["only-b"])


def test_preview_draws_the_pdf_it_built_not_one_another_build_renamed_in(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`msc-leaflet preview` builds (or finds up to date) the PDF, then draws the file.
    A `msc-leaflet build --paper a5` of the same output in another terminal (its paper
    is not in the file's name) landing in between was drawn instead: the reviewer saw
    A5 pages for the A4 leaflet the preview was asked for. The preview plans again, and
    draws the file as it is now built: A5, and says so."""
    from typer.testing import CliRunner

    from msc_leaflet.build import batch
    from msc_leaflet.cli.app import app

    root = make_project()
    real = batch.run_batch
    other: list[str] = []

    def other_build_meanwhile(*args: object, **kwargs: object) -> object:
        report = real(*args, **kwargs)  # type: ignore[arg-type]
        if not other:
            other.append("started")  # its own run_batch is this one too
            command = ["build", "sample", "--paper", "a5", "--project", str(root)]
            other.append(CliRunner().invoke(app, command).output)
        return report

    monkeypatch.setattr(batch, "run_batch", other_build_meanwhile)
    result = CliRunner().invoke(app, ["preview", "sample", "--project", str(root)])
    assert result.exit_code == 0 and "built" in other[1], (result.output, other)
    assert "as built, with --paper a5" in result.output
    with Image.open(root / "build" / "preview" / "en" / "sample" / "page-01.png") as page:
        assert page.size == (pixels(419.53, DEFAULT_DPI), pixels(595.28, DEFAULT_DPI))  # A5

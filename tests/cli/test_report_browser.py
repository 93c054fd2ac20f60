"""``reflect report`` in a real browser: headless Chromium (Debian's ``chromium``; .ci/run
installs it) renders the page offline, the charts are in its DOM, the console stays
silent, and a screenshot is not blank."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.cli.test_report import parse, write_journal

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no `chromium` on PATH: `apt-get install chromium` (.ci/run installs it)")


def chromium(page: Path, profile: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """Chromium run headless on a local file, with no network, its console on stderr."""
    argv = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--disable-background-networking", "--disable-sync", "--metrics-recording-only", "--no-default-browser-check",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--hide-scrollbars", *flags, page.as_uri(),
    ]  # fmt: skip
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (still filtered) scanlines of a non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height, channels = 8, b"", 0, 0, 0
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride = zlib.decompress(idat), width * channels + 1
    return width, height, [raw[i * stride : (i + 1) * stride] for i in range(height)]


@pytest.fixture
def page(reflect, tmp_path: Path) -> Path:
    write_journal(reflect, tmp_path)
    target = tmp_path / "report.html"
    result = reflect("report", "--output", str(target))
    assert result.exit_code == 0, result.output
    return target


def test_the_browser_finds_the_charts_in_the_page_and_no_script_error(page, tmp_path):
    run = chromium(page, tmp_path / "profile", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    rendered = parse(run.stdout)
    assert len(rendered.charts) >= 3
    for kind in ("heatmap", "contrast", "funnel", "columns", "timeline", "recovery", "plan"):
        assert f'data-chart="{kind}"' in run.stdout
    assert "Recurring themes by" in "".join(rendered.charts)
    assert console_messages(run.stderr) == []


def test_the_console_check_does_catch_an_error(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><script>notDefinedAnywhere()</script><img src="https://example.invalid/x.png">', encoding="utf-8")
    run = chromium(broken, tmp_path / "profile", "--dump-dom")
    assert any("notDefinedAnywhere" in line for line in console_messages(run.stderr))


def test_a_screenshot_of_the_page_is_not_blank(page, tmp_path):
    shot = tmp_path / "shot.png"
    run = chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,1600")
    assert shot.exists(), run.stderr[-2000:]
    width, height, rows = png_rows(shot.read_bytes())
    assert (width, height) == (1000, 1600)
    # A blank page is one scanline repeated; text and charts make hundreds of different ones.
    assert len(set(rows)) > 300
    # and the page is mostly background, not one colour flooding the screen
    blank = sum(1 for row in rows if len(set(row[1:])) <= 4)
    assert 0.1 < blank / height < 0.95

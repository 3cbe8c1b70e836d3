"""Size and Chromium rendering time of the audit's HTML page for a big export (issue 20).

    python benchmarks/html_report.py [--messages N] [--keep DIR] [--reps R]

Writes the Telegram export of benchmarks/audit_speed.py (10^6 messages by default: 2,000 members
over about a year), runs `sqtool --quiet audit result.json --report html -o report.html`, then opens
the page R times (default 3) in Debian's headless Chromium (Playwright with executable_path) and
prints the page's size and the fastest time to its load event and to the first contentful paint,
against the targets: under 1 MB and under 2 s. Exits 2 when Chromium or Playwright is missing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

TARGET_BYTES = 1_000_000
TARGET_SECONDS = 2.0
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def render_times(page_file: Path, reps: int) -> tuple[float, float]:
    """Fastest wall time from navigation to the load event, and to the first contentful paint (s)."""
    from playwright.sync_api import sync_playwright

    loads, paints = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for _ in range(reps):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(page_file.as_uri(), wait_until="load")
            loads.append(time.perf_counter() - started)
            paint = page.evaluate(
                "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"
            )
            paints.append(paint / 1000)
            page.close()
        browser.close()
    return min(loads), min(paints)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the export and the page here and keep them")
    args = parser.parse_args()
    if not Path("/usr/bin/chromium").is_file():
        print("Chromium is missing: apt-get install chromium", file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("Playwright is missing: pip install -e '.[test]'", file=sys.stderr)
        return 2
    from audit_speed import generate

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        telegram, _whatsapp = generate(folder, args.messages)
        page_file = folder / "report.html"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sqtool", "--quiet", "audit", str(telegram), "--report", "html", "-o",
             str(page_file), "--force"],
            check=True,
            env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )  # fmt: skip
        audit_seconds = time.perf_counter() - started
        size = page_file.stat().st_size
        load, paint = render_times(page_file, args.reps)
    print(f"messages                 {args.messages:>12,}")
    print(f"audit + HTML (command)   {audit_seconds:>11.1f} s")
    ok_size = "ok" if size < TARGET_BYTES else "OVER"
    print(f"page size                {size:>12,} bytes  (target < {TARGET_BYTES:,}: {ok_size})")
    ok_load = "ok" if load < TARGET_SECONDS else "OVER"
    print(f"Chromium: load event     {load:>11.2f} s  (target < {TARGET_SECONDS} s: {ok_load})")
    print(f"Chromium: first paint    {paint:>11.2f} s")
    return 0 if size < TARGET_BYTES and load < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())

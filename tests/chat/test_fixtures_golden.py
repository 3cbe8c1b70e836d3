"""Every own fixture against the JSON summary beside it (``<name>.expected.json``).

Regenerate after a deliberate change with ``pytest tests/chat/test_fixtures_golden.py --update-golden``
and review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import FIXTURES, golden_text

FOLDER = FIXTURES / "chat"
# what the readers decide, out of the full audit report: the first surface of issue 4
SUMMARY_KEYS = ("format", "formats", "messages", "senders", "first", "last", "joins", "leaves", "removals")
SUMMARY_KEYS += ("skipped", "duplicates", "bots")
EXPORTS = sorted(path for path in FOLDER.iterdir() if not path.name.endswith(".expected.json"))


def outcome(cli, path) -> dict:
    result = cli("audit", str(path), "--tz", "Europe/Berlin", "--report", "json", "--top", "0")
    if result.exit_code != 0:
        # damaged fixtures: the error line (with the file name made relative) and the lenient summary
        lenient = cli("audit", str(path), "--tz", "Europe/Berlin", "--report", "json", "--top", "0", "--lenient")
        document = json.loads(lenient.stdout)
        document["error"] = result.stderr.replace(str(FOLDER) + os.sep, "").splitlines()
    else:
        document = json.loads(result.stdout)
    summary = {key: document["summary"][key] for key in SUMMARY_KEYS}
    warnings = [  # file names relative to the fixtures folder, so the goldens hold wherever the checkout is
        {**warning, "file": str(warning["file"]).replace(str(FOLDER) + os.sep, "")} if "file" in warning else warning
        for warning in document["warnings"]
    ]
    kept = {"summary": summary, "senders": document["senders"], "warnings": warnings}
    if "error" in document:
        kept["error"] = document["error"]
    return kept


@pytest.mark.parametrize("path", EXPORTS, ids=[path.name for path in EXPORTS])
def test_fixture_matches_its_golden_summary(cli, path):
    golden = path.with_name(path.name + ".expected.json")
    got = outcome(cli, path)
    assert got == json.loads(golden_text(golden, json.dumps(got, ensure_ascii=False, indent=2) + "\n"))

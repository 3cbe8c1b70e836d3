"""The Linux wheel holds the compiled readers: built here, installed in a fresh virtualenv, it audits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.native.helpers import needs_native


@pytest.mark.slow
@needs_native
def test_the_wheel_is_native_and_audits_from_a_fresh_virtualenv(tmp_path: Path) -> None:
    """`pip wheel .` compiles the extension into a platform wheel (sources left out, simdjson's licence in);
    installed alone in a new virtualenv, `sqtool --version` names the native backend and the audit runs."""
    built = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(built)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = built.glob("sqtool-*.whl")
    assert not wheel.name.endswith("-none-any.whl"), wheel.name  # a platform wheel: it holds compiled code
    names = zipfile.ZipFile(wheel).namelist()
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    assert f"sqtool/_native/_core{suffix}" in names
    assert "sqtool/_native/simdjson/LICENSE" in names
    assert not [name for name in names if name.endswith((".cpp", ".h"))]  # 7 MB of sources stay out

    fresh = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # the dependencies come from this test's environment (no network); sqtool itself only from the wheel
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SQTOOL_BACKEND")}

    def sqtool(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), "-m", "sqtool", *arguments],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    where = subprocess.run([str(python), "-c", "import sqtool; print(sqtool.__file__)"], cwd=tmp_path,
                           env=environment, capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert where.startswith(str(fresh))  # the installed copy, not the checkout
    version = sqtool("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.splitlines()[1].startswith("backend: native (C++, simdjson ")
    export = tmp_path / "result.json"
    messages = [
        {"id": n, "type": "message", "date_unixtime": str(1740823200 + 600 * n), "from": f"m{n % 5}",
         "from_id": f"u{n % 5}", "text": "怎么报名？" if n % 4 == 0 else "好的"}
        for n in range(200)
    ]  # fmt: skip
    export.write_text(json.dumps({"name": "G", "messages": messages}, ensure_ascii=False), encoding="utf-8")
    audit = sqtool("--quiet", "audit", str(export), "--tz", "UTC", "--report", "json")
    assert audit.returncode in (0, 1), audit.stderr
    assert json.loads(audit.stdout)["summary"]["messages"] == 200

import os
import stat

import pytest

from sqtool.errors import SqtoolError
from sqtool.fsutil import write_atomic
from sqtool.i18n import Translator


def test_writes_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "report.txt"
    write_atomic(target, "one")
    with pytest.raises(SqtoolError) as refused:
        write_atomic(target, "two")
    assert refused.value.key == "fs.exists"
    assert target.read_text() == "one"
    write_atomic(target, "two", force=True)
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    previous = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_atomic(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o600)
        write_atomic(kept, "new", force=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(previous)


def test_missing_folders_are_created(tmp_path):
    write_atomic(tmp_path / "reports" / "ci" / "report.txt", "x")
    assert (tmp_path / "reports" / "ci" / "report.txt").read_text() == "x"


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_is_refused_with_a_hint_naming_it(tmp_path, force):
    with pytest.raises(SqtoolError) as refused:
        write_atomic(tmp_path, "x", force=force)
    message, hint = refused.value.texts(Translator("en"))
    assert message == "this is a folder, not a file"
    assert hint == f"name a file inside it, e.g. {tmp_path}/report.txt"


def test_cli_output_onto_a_folder_is_a_usage_error(cli, tmp_path):
    result = cli("schema", "--output", str(tmp_path), "--force")
    assert result.exit_code == 2
    assert "this is a folder, not a file" in result.stderr


def test_a_device_is_written_into_never_replaced():
    """`-o /dev/null` (with or without --force) writes into the device: a rename over it would leave a
    plain file where /dev/null was (found by a helper session; restored with mknod)."""
    import os
    import stat as stat_module
    from pathlib import Path

    from sqtool.fsutil import write_atomic

    device = Path(os.devnull)
    write_atomic(device, "ignored\n")
    write_atomic(device, "ignored\n", force=True)
    assert stat_module.S_ISCHR(device.stat().st_mode)

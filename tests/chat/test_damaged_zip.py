"""Damaged or cut-short zip archives: a clear error naming the archive (and member), exit 2, never an internal error."""

import zipfile

import pytest

from sqtool.chat.read import read_exports
from sqtool.errors import SqtoolError
from tests.conftest import CORPUS, needs_shared

CHAT = "".join(
    f"1/2/26, 10:{minute:02d} - A: message number {minute} with some words to compress\n" for minute in range(60)
)


def whatsapp_zip(path):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", CHAT)
    return path


def flip(path, offset, data=b"\xff\x00\xff\x00"):
    raw = bytearray(path.read_bytes())
    raw[offset : offset + len(data)] = data
    path.write_bytes(bytes(raw))
    return path


def data_offset(path):
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("_chat.txt")
    return info.header_offset + 30 + len(info.filename) + 10  # inside the deflate stream


def test_bad_deflate_data_names_the_member(tmp_path, cli):
    path = flip(whatsapp_zip(tmp_path / "bad.zip"), data_offset(tmp_path / "bad.zip"))
    result = cli("audit", str(path), "--tz", "UTC")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}: error: the zip archive is damaged (member _chat.txt): ")
    assert "hint:" in result.stderr and "internal error" not in result.stderr


def test_bad_crc_is_damage(tmp_path):
    path = whatsapp_zip(tmp_path / "crc.zip")
    central = path.read_bytes().index(b"PK\x01\x02")
    flip(path, central + 16, b"\x00\x00\x00\x00")  # the central directory's CRC-32, which zipfile checks
    with pytest.raises(SqtoolError) as caught:
        list(read_exports([path]))
    assert caught.value.key == "chat.damaged_zip"
    assert "CRC" in caught.value.args_for_message["reason"]


def test_bad_local_header_magic_is_damage(tmp_path):
    path = flip(whatsapp_zip(tmp_path / "magic.zip"), 0, b"XXXX")
    with pytest.raises(SqtoolError) as caught:
        list(read_exports([path]))
    assert caught.value.key == "chat.damaged_zip" and caught.value.args_for_message["member"] == "_chat.txt"


def test_truncated_zip_is_damage_not_an_unknown_format(tmp_path, cli):
    whole = whatsapp_zip(tmp_path / "whole.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    result = cli("audit", str(cut), "--tz", "UTC")
    assert result.exit_code == 2
    assert f"{cut}: error: the zip archive is damaged: " in result.stderr
    assert "cannot tell which chat export" not in result.stderr


@needs_shared
@pytest.mark.parametrize(
    "name", ["whatsapp_txt/chatanalytics_4A_11M.zip", "slack_json/slackexportviewer_testarchive.zip"]
)
def test_corpus_zips_with_flipped_bytes(tmp_path, cli, name):
    source = CORPUS / name
    if not source.exists():
        pytest.skip(f"{name} is not in the corpus")
    raw = source.read_bytes()
    for step, offset in enumerate(range(40, min(len(raw) - 4, 4000), 97)):
        damaged = tmp_path / f"d{step}.zip"
        damaged.write_bytes(raw[:offset] + b"\xa5\x5a\xa5\x5a" + raw[offset + 4 :])
        result = cli("audit", str(damaged), "--tz", "UTC", "--lenient")
        assert result.exit_code in (0, 2), result.stderr
        assert "internal error" not in result.stderr

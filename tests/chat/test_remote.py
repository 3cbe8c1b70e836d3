"""Exports named by a URL are opened by fsspec (chat/remote.py) and read like local files: the same
audit, the URL as their name in every message, every limit in force, named errors, no file left."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from sqtool.chat.remote import glob_urls, is_url

CHAT = "\n".join(
    [
        "01/06/2026, 09:00 - 小林: 今天的分享几点开始？",
        "01/06/2026, 09:02 - Amy: 晚上八点，链接在群公告",
        "01/06/2026, 09:05 - 小林: 好的，谢谢",
        "02/06/2026, 10:00 - Bob: Has anyone tried the new tagging tool?",
        "02/06/2026, 10:04 - Amy: yes, it works well",
    ]
)
NAME = "WhatsApp Chat with 读书会.txt"


@pytest.fixture
def memory() -> Iterator[fsspec.AbstractFileSystem]:
    """fsspec's in-memory object store, emptied after each test."""
    store = fsspec.filesystem("memory")
    yield store
    store.rm("/", recursive=True)


def _audit(cli, path: str, *args: str) -> dict:
    result = cli("--quiet", "audit", path, "--tz", "UTC", "--report", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _leftovers() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob("sqtool-url-*"))


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("s3://bucket/a.json", True),
        ("memory://b/x.txt", True),
        ("file:///data/x.txt", True),
        ("C:\\exports\\x.txt", False),
        ("exports/x.txt", False),
        ("-", False),
        ("weird:/x", False),
    ],
)
def test_what_counts_as_a_url(text: str, url: bool) -> None:
    assert is_url(text) is url


def test_a_url_export_audits_as_the_same_file_on_disk(cli, memory, tmp_path: Path) -> None:
    """The same figures as the local copy; the group is named from the URL's file name; nothing of the
    temporary copy is left behind."""
    local = tmp_path / NAME
    local.write_text(CHAT + "\n", encoding="utf-8")
    memory.pipe(f"/bucket/{NAME}", (CHAT + "\n").encode())
    before = set(_leftovers())
    remote, disk = _audit(cli, f"memory://bucket/{NAME}"), _audit(cli, str(local))
    assert remote["summary"].pop("files") == [f"memory://bucket/{NAME}"] and disk["summary"].pop("files") == [
        str(local)
    ]
    assert remote["summary"] == disk["summary"] and remote["summary"]["messages"] == 5
    assert remote["participation"] == disk["participation"]
    page = cli("--quiet", "audit", f"memory://bucket/{NAME}", "--tz", "UTC", "--report", "html", "-o", "-")
    assert page.exit_code == 0 and '<p class="meta">读书会</p>' in page.stdout  # named from the URL's file name
    assert set(_leftovers()) == before


def test_errors_name_the_url(cli, memory) -> None:
    """A missing object, an unknown protocol, a folder and an object over --max-input-bytes are usage
    errors (exit 2) that name the URL, in both languages."""
    memory.pipe("/bucket/big.txt", (CHAT + "\n").encode() * 200)
    missing = cli("audit", "memory://bucket/nothing.txt")
    assert missing.exit_code == 2 and "memory://bucket/nothing.txt" in missing.stderr
    assert "no such file" in missing.stderr
    unknown = cli("audit", "nosuch://bucket/x.txt")
    assert unknown.exit_code == 2 and "'nosuch'" in unknown.stderr and "s3://bucket/export.json" in unknown.stderr
    folder = cli("--lang", "zh", "audit", "memory://bucket")
    assert folder.exit_code == 2 and "这个网址是文件夹" in folder.stderr
    big = cli("audit", "memory://bucket/big.txt", "--max-input-bytes", "10KB")
    assert big.exit_code == 2 and "memory://bucket/big.txt" in big.stderr and "--max-input-bytes" in big.stderr
    assert "Traceback" not in missing.stderr + unknown.stderr + folder.stderr + big.stderr


def test_without_fsspec_the_error_says_what_to_install(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec now raises ImportError
    result = cli("audit", "s3://bucket/export.json")
    assert result.exit_code == 2 and "pip install 'sqtool[dask]'" in result.stderr
    chinese = cli("--lang", "zh", "audit", "s3://bucket/export.json")
    assert "需要借助 fsspec 读取网址" in chinese.stderr


def test_a_glob_url_lists_the_objects_sorted_with_their_protocol(memory) -> None:
    for name in ("b.txt", "a.txt", "c.json"):
        memory.pipe(f"/bucket/exports/{name}", b"x")
    found = glob_urls("memory://bucket/exports/*.txt")
    assert [url.removeprefix("memory://").lstrip("/") for url in found] == [
        "bucket/exports/a.txt",
        "bucket/exports/b.txt",
    ]
    assert all(url.startswith("memory://") and memory.cat(url) == b"x" for url in found)


def test_a_url_export_saved_to_history_is_keyed_by_its_url() -> None:
    """An export without a group name of its own is saved under its URL as written (not a local path
    made from it)."""
    from sqtool.audit.history import group_of

    group = group_of(community_name=None, plan_path=None, export_group=None, exports=["memory://bucket/chat.csv"])
    assert group.key == "path:memory://bucket/chat.csv"

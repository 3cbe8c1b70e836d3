"""A manifest may name exports by URL (object storage that fsspec reads): the workers open them, and
the outcomes are those of the same files named by path, serially and on a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

import fsspec
import pytest

import sqtool
from tests.portfolio.groups import UNTIL, four_groups


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    four_groups(tmp_path)
    return tmp_path


def _url_manifest(folder: Path, prefix: str) -> Path:
    """groups.yaml again, each export written as ``prefix`` + its path (a glob stays a glob)."""
    text = (folder / "groups.yaml").read_text(encoding="utf-8").replace("exports/", f"{prefix}exports/")
    manifest = folder / "urls.yaml"
    manifest.write_text(text, encoding="utf-8")
    return manifest


def test_file_urls_on_a_dask_cluster_give_the_outcomes_of_paths(folders: Path) -> None:
    """file:// URLs (fsspec's local store, what a shared mount looks like as a URL), one of them a glob,
    audited on a 2-worker Dask LocalCluster: the very outcomes of the manifest with plain paths."""
    from distributed import Client, LocalCluster

    plain = sqtool.portfolio("groups.yaml", until=UNTIL)
    manifest = _url_manifest(folders, f"file://{folders}/")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        remote = sqtool.portfolio(str(manifest), until=UNTIL, executor=client.get_executor())
    assert [outcome.figures for outcome in remote.outcomes] == [outcome.figures for outcome in plain.outcomes]
    assert [group.status for group in remote.groups] == ["failed", "act", "dormant", "healthy"]
    failed = remote.groups[0].outcome.failure
    assert failed is not None and failed.where.startswith("file://") and failed.where.endswith("broken.csv")


def test_memory_urls_and_a_missing_object(folders: Path, cli) -> None:
    """Objects in fsspec's memory store read as the files they were copied from; an object that is not
    there fails only its own group, with the URL in its error."""
    store = fsspec.filesystem("memory")
    try:
        for path in (folders / "exports").iterdir():
            store.pipe(f"/bucket/exports/{path.name}", path.read_bytes())
        manifest = _url_manifest(folders, "memory://bucket/")
        text = manifest.read_text(encoding="utf-8").replace(
            "memory://bucket/exports/sh1.csv", "memory://bucket/gone.csv"
        )
        manifest.write_text(text, encoding="utf-8")
        plain = {outcome.name: outcome for outcome in sqtool.portfolio("groups.yaml", until=UNTIL).outcomes}
        remote = {outcome.name: outcome for outcome in sqtool.portfolio(str(manifest), until=UNTIL).outcomes}
        assert remote["上海2群"].figures == plain["上海2群"].figures
        assert remote["北京1群"].figures == plain["北京1群"].figures  # found by a glob URL
        gone = remote["上海1群"].failure
        assert gone is not None and gone.key == "fs.not_found" and gone.where == "memory://bucket/gone.csv"
        result = cli("portfolio", "urls.yaml", "--until", UNTIL, "--fail-on", "never")
        assert result.exit_code == 0 and "memory://bucket/gone.csv" in result.stdout
    finally:
        store.rm("/", recursive=True)

"""Run one fuzz case through the CLI in-process and say what, if anything, went wrong."""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from tests.fuzz.seeds import PLAN, WECHAT_CSV, Seed

INTERNAL = ("internal error", "内部错误", "Traceback (most recent call last)")
REPORTS = ("json", "md", "text", "json", "md")  # the terminal report is the slowest to render
_LOGGED: dict[str, set[str]] = {}  # family -> problem signatures already written to the log


@dataclass(frozen=True)
class Case:
    family: str
    seed: Seed
    data: bytes
    mutations: tuple[str, ...]
    variant: int  # picks the command, report format, language and options


@dataclass(frozen=True)
class Outcome:
    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str
    problem: str | None  # None: a clean, named or bounded outcome


def _file_name(case: Case) -> str:
    if "zip-wrap" in case.mutations:
        return "export.zip"
    return case.seed.name


def command_for(case: Case, folder: Path) -> tuple[list[str], bool]:
    """The CLI arguments for ``case`` with its input written under ``folder``; and whether stdout is JSON."""
    target = folder / _file_name(case)
    target.write_bytes(case.data)
    lang = ["--lang", "zh"] if case.variant % 5 == 0 else []
    if case.family in ("plans", "configs", "answers", "rosters"):
        plan = folder / "base-plan.yaml"
        if case.family != "plans":
            plan.write_bytes(PLAN.data)
        export = folder / "base-export.csv"
        export.write_bytes(WECHAT_CSV.data)
    if case.family == "plans":
        choice = case.variant % 3
        if choice == 0:
            return [*lang, "validate", str(target), "-f", "json"], True
        if choice == 1:
            return [*lang, "check", str(target), "-f", "json", "--today", "2026-06-01"], True
        return [*lang, "audit", str(export), "--plan", str(target), "-r", "json", "--tz", "UTC"], True
    if case.family == "configs":
        return [*lang, "check", str(plan), "--config", str(target), "-f", "json", "--today", "2026-06-01"], True
    if case.family == "answers":
        quiet = ["-q"] if case.variant % 2 else []
        return [*lang, *quiet, "init", str(folder / "new-plan.yaml"), "--answers", str(target)], False
    if case.family == "rosters":
        return [*lang, "audit", str(export), "--roster", str(target), "-r", "json", "--tz", "UTC"], True
    report = REPORTS[case.variant % len(REPORTS)]
    args = [*lang, "audit", str(target), "--tz", "UTC", "-r", report]
    if case.variant % 4 == 1:
        args.append("--lenient")
    if case.variant % 7 == 3:
        args += ["-o", str(folder / "out" / f"report.{report}")]
        return args, False
    return args, report == "json"


def run_case(case: Case, folder: Path) -> Outcome:
    import typer.testing

    from sqtool.cli import app

    args, json_out = command_for(case, folder)
    env = {"LANG": "en_US.UTF-8", "LC_ALL": "", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "COLUMNS": "100"}
    building = typer.testing._get_command  # typer rebuilds the click command on every invoke (~55 ms)
    typer.testing._get_command = lambda _app: _command(app)  # type: ignore[assignment]
    try:
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    except BaseException as error:
        return Outcome(tuple(args), -1, "", "", f"escaped: {type(error).__name__}: {error}"[:500])
    finally:
        typer.testing._get_command = building
    stdout, stderr = result.stdout, result.stderr
    problem = None
    if result.exit_code not in (0, 1, 2):
        problem = f"exit code {result.exit_code}"
    elif any(marker in stdout + stderr for marker in INTERNAL):
        problem = "internal error: " + stderr.strip()[-400:]
    elif json_out and result.exit_code in (0, 1):
        try:
            json.loads(stdout)
        except ValueError as error:
            problem = f"stdout is not JSON: {error}"
    leftovers = [path.name for path in folder.rglob("*.tmp")]
    if problem is None and leftovers:
        problem = f"temporary files left: {leftovers}"
    return Outcome(tuple(args), result.exit_code, stdout, stderr, problem)


_COMMANDS: dict[int, object] = {}


def _command(app: object) -> object:
    import typer.main

    if id(app) not in _COMMANDS:
        _COMMANDS[id(app)] = typer.main.get_command(app)  # type: ignore[arg-type]
    return _COMMANDS[id(app)]


def log_problem(case: Case, outcome: Outcome) -> None:
    """Append a failing case to $SQTOOL_FUZZ_LOG (JSON lines) so a long run can be replayed: the
    first case of each kind of problem (its text without numbers and paths) per family."""
    where = os.environ.get("SQTOOL_FUZZ_LOG")
    if not where or outcome.problem is None:
        return
    signature = re.sub(r"[0-9]+|/tmp/\S+", "#", outcome.problem)[:160]
    seen = _LOGGED.setdefault(case.family, set())
    if signature in seen:
        return
    seen.add(signature)
    entry = {
        "family": case.family,
        "seed": case.seed.name,
        "mutations": case.mutations,
        "variant": case.variant,
        "args": outcome.args,
        "problem": outcome.problem,
        "data": base64.b64encode(case.data[:300_000]).decode("ascii"),
    }
    with open(where, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(entry, ensure_ascii=False) + "\n")

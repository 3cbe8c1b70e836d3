"""The console entry point: ``sqtool`` and ``sqtool --help`` print the top-level page straight from the
catalogue (``cli_pages``), everything else goes through typer (``cli.main``).

Importing typer, click and the command declarations takes several times as long as Python itself
starts; the page that tells a new user what sqtool does needs none of it. Anything but the plain page
(a command, any other option, a shell asking for completions, a vanished working folder) takes the
usual way, which says the same thing.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Console entry point."""
    if "_SQTOOL_COMPLETE" not in os.environ and _can_stay():
        from sqtool.cli_pages import quick_help

        found = quick_help(sys.argv[1:])
        if found is not None:
            page, to_stderr = found
            stream = sys.stderr if to_stderr else sys.stdout
            if stream is not None:  # a closed stream gets nothing, as click's echo does
                stream.write(page + "\n")
                stream.flush()
            raise SystemExit(2 if to_stderr else 0)
    from sqtool.cli import main as typer_main

    typer_main()


def _can_stay() -> bool:
    try:
        os.getcwd()
    except OSError:  # cli.main says so in the user's language
        return False
    return True

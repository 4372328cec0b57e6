"""``python -m decisiontrack`` and the console script.

``--version`` is answered before typer and the command tree are imported: scripts and package
managers ask it often, and it needs none of them.
"""

import sys


def main() -> None:
    """Entry point: the version at once, everything else through the CLI."""
    if sys.argv[1:] == ["--version"]:
        from decisiontrack import __version__

        print(f"decisiontrack {__version__}")
        return
    from decisiontrack.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()

"""``python -m decisiontrack``."""

from decisiontrack.cli import main

if __name__ == "__main__":
    main()

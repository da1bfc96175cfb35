"""``python -m dragoman.cli.run``: the console script without an installed entry point."""

from dragoman.cli import main

if __name__ == "__main__":
    main()

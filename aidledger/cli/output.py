"""What the commands print: one-line errors and warnings, tables of untrusted text, progress bars.

Everything shown comes from articles, paths and ids nobody vetted, so no
string is ever read as rich markup ("[/x]" in an article is text, not a tag),
a message is always one line (never wrapped at 80 columns when stderr is a
pipe), and a progress bar appears only on a terminal.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Standard error: messages are never wrapped, so each stays one line for grep and logs.
err = Console(stderr=True, soft_wrap=True, highlight=False)
#: The width of tables written to a pipe or file (a terminal gives its own): $COLUMNS, else this, wide
#: enough for a report's package rows (100 characters of evidence) to stay one line each.
PIPE_WIDTH = 200


def out() -> Console:
    """Standard output for tables: the terminal's width, or $COLUMNS / :data:`PIPE_WIDTH` in a pipe, where
    lines of text are never wrapped."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=int(os.environ.get("COLUMNS") or PIPE_WIDTH), soft_wrap=True)
    return console


def one_line(message: object) -> str:
    """``message`` with every run of whitespace (line breaks included) made one space."""
    return " ".join(str(message).split())


def cell(value: object) -> Text:
    """A table cell holding ``value`` as plain text, never as markup."""
    return Text("" if value is None else str(value))


def error(message: object) -> None:
    """One line on standard error: ``error: message``."""
    err.print(Text.assemble(("error", "red"), ": ", one_line(message)))


def warning(message: object) -> None:
    """One line on standard error: ``warning: message``."""
    err.print(Text.assemble(("warning", "yellow"), ": ", one_line(message)))


class NewMessages:
    """Prints the failures and warnings a run appends to its lists, each once, as they come."""

    def __init__(self) -> None:
        self.printed = (0, 0)

    def __call__(self, failures: list[str], warnings: list[str]) -> None:
        for message in failures[self.printed[0] :]:
            error(message)
        for message in warnings[self.printed[1] :]:
            warning(message)
        self.printed = (len(failures), len(warnings))


@contextmanager
def progress_bar(description: str, total: int | None, quiet: bool) -> Iterator[Callable[..., None]]:
    """A bar with count, elapsed time and ETA on standard error, and the function that advances it by
    one (or by its argument; ``total=`` sets a total learnt on the way); disabled with ``quiet`` or when
    stderr is not a terminal. Messages printed through :data:`err` meanwhile appear above it."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    with bar:
        task = bar.add_task(description, total=total)

        def advance(steps: int = 1, total: int | None = None) -> None:
            if total is not None:
                bar.update(task, total=total)
            bar.advance(task, steps)

        yield advance


def showing(quiet: bool) -> bool:
    """Whether a progress bar would be shown (so its total is worth counting)."""
    return not quiet and err.is_terminal

"""What kg shows on a terminal while it works: a progress bar for builds, a status line for long steps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text


class _Rate(ProgressColumn):
    """Articles a second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


def progress_bar(console: Console | None = None) -> Progress:
    """A bar of articles done of the total, with their rate and the time left; nothing when not on a terminal."""
    console = console or Console(stderr=True)
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                    TimeRemainingColumn(), TextColumn("left"), console=console, transient=True,
                    disable=not console.is_terminal)


@contextmanager
def status(first: str, console: Console | None = None) -> Iterator[Callable[[str], None]]:
    """A spinner with what a long step is doing; yields the function that changes the words."""
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield lambda words: None
        return
    with console.status(first) as spinner:
        yield lambda words: spinner.update(words)

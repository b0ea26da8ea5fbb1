"""What a user sees on a terminal while kg works."""

from __future__ import annotations

import io
import time

from rich.console import Console

from kg.console import progress_bar, status


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=140), out


def test_the_build_bar_shows_articles_done_of_the_total_their_rate_and_the_time_left() -> None:
    console, out = _terminal()
    bar = progress_bar(console)
    task = bar.add_task("articles", total=10)
    bar.update(task, completed=1)
    time.sleep(0.05)
    bar.update(task, completed=3)
    console.print(bar.get_renderable())
    shown = out.getvalue()
    assert "3/10" in shown and "articles/s" in shown and "left" in shown, shown


def test_the_bar_and_the_status_stay_silent_off_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False)
    assert progress_bar(console).disable
    with status("drawing", console) as say:
        say("still drawing")
    assert out.getvalue() == ""

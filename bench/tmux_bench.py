"""The bench that can't flatter: the installed `planner-tui` in a real terminal (tmux), timed
from the outside as a person sees it, beside the smallest Textual apps built the same way.

    python bench/tmux_bench.py                      # 10-year demo data, 9 rounds
    python bench/tmux_bench.py --years 10 100       # both, and the 100 y ÷ 10 y ratios
    python bench/tmux_bench.py --rounds 11 --only launch,views,typing

How a key is timed: `send-keys`, then the pane is read (`capture-pane`, every few ms, through
one tmux control-mode client so reading costs no process) until it stops changing for a
quiet window; the key's time is when the final picture first appeared — not the first
change. The final picture must be the expected one: a warm-up round (not counted) records
each step's settled screen with a longer quiet window, and every counted round must reach
that same screen. Comparisons are interleaved in each round (bare app, app, echo app, app
again), so both see the same load. Launch figures are medians over the rounds (first frames
over more launches: --first-frames, besides the rounds' own); key figures pool every
round's keys (median and p95).

The floors: bench/floor_chrome.py (Header, five MODES, Footer: first frame and view switch)
and bench/floor_echo.py (Header, Input, Static, Footer: the keystroke floor). For
comparison, bare apps with a view or a form built like the app's: floor_map.py (the Map's
first visit and filter), floor_review.py (the Review's ← / →) and floor_form.py (the
check-in).

Prints the table of issue 18 with the budget beside each figure and writes
bench/results/tmux-latest.json (and tmux-<N>y.json, which a later run's ratio can use).
Screens are compared as text (colour-only changes are not seen: an Input's blinking cursor
would never settle).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from common import CACHE, HERE, NOW, dataset, env, work_copy

SIZE = (120, 40)
READING = 2.0
"""Seconds a person reads Today before their first key, in the rounds that time first
visits that way (the app makes the other views meanwhile)."""
FIRST_VISITS = (("m", "Map"), ("j", "Journal"), ("p", "Plan"), ("r", "Review"))
FIRST_FRAMES = 5
"""Extra launches of the bare app and the app, in turns, each round (launch group;
--first-frames): a first frame varies by a third from one launch to the next here, so
three rounds' medians alone said 1.1× one run and 1.6× the next."""
GROUPS = ("launch", "views", "typing", "forms", "memory", "export", "cli")


def installed_command() -> str:
    beside = Path(sys.executable).with_name("planner-tui")
    return str(beside) if beside.exists() else "planner-tui"


class Unsettled(Exception):
    pass


class AppClosed(Exception):
    """The program in the pane ended while a step waited for its screen."""


class Tmux:
    """One tmux server of this run (its own ``-L`` socket), one pane of a fixed size, and a
    control-mode client that sends its keys and reads its screen."""

    def __init__(self, socket: str, size: tuple[int, int]) -> None:
        self.base = ["tmux", "-L", socket, "-f", os.devnull]
        width, height = size
        subprocess.run([*self.base, "new-session", "-d", "-s", "bench", "-x", str(width),
                        "-y", str(height), "sleep 86400"], check=True)  # fmt: skip
        for option in (["-g", "window-size", "manual"], ["-g", "remain-on-exit", "on"]):
            subprocess.run([*self.base, "set-option", *option], check=True)
        self.client = subprocess.Popen(
            [*self.base, "-C", "attach-session", "-f", "no-output", "-t", "bench"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )  # fmt: skip
        self.sync()
        self.socket_path = self.command("display-message", "-p", "#{socket_path}")
        self.command("resize-window", "-t", "bench", "-x", str(width), "-y", str(height))

    def sync(self) -> None:
        """Read past what the client says on attaching, up to the reply to a marker, so
        each command's reply is the next one read."""
        marker = f"tmuxbench-sync-{time.monotonic_ns()}"
        self.write("display-message", "-p", marker)
        while marker not in self.reply("display-message"):
            pass

    def write(self, *args: str) -> None:
        assert self.client.stdin
        self.client.stdin.write(" ".join(quote(a) for a in args) + "\n")
        self.client.stdin.flush()

    def reply(self, what: str) -> list[str]:
        """The next reply block's lines (notifications between blocks are skipped)."""
        assert self.client.stdout
        lines: list[str] = []
        inside = False
        while True:
            line = self.client.stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client ended")
            line = line.rstrip("\n")
            if line.startswith("%begin"):
                # flags 1: a reply to this client's command (0: the attach's own, which can
                # come late)
                inside, lines = line.split()[-1] == "1", []
            elif inside and (line.startswith("%end") or line.startswith("%error")):
                if line.startswith("%error"):
                    raise RuntimeError(f"tmux {what}: {' '.join(lines)}")
                return lines
            elif inside:
                lines.append(line)

    def command(self, *args: str) -> list[str]:
        self.write(*args)
        return self.reply(args[0])

    def dead(self) -> bool:
        """Whether the program in the pane has ended (the pane stays, remain-on-exit)."""
        return self.command("display-message", "-p", "-t", "bench", "#{pane_dead}") == ["1"]

    def screen(self) -> str:
        return "\n".join(self.command("capture-pane", "-p", "-t", "bench"))

    def send(self, key: str) -> None:
        if len(key) == 1:
            self.command("send-keys", "-t", "bench", "-l", key)
        else:
            self.command("send-keys", "-t", "bench", key)

    def launch(self, script: Path) -> None:
        self.command("respawn-pane", "-k", "-t", "bench", f"sh {shlex.quote(str(script))}")

    def close(self) -> None:
        if self.client.stdin:
            self.client.stdin.close()
        subprocess.run([*self.base, "kill-server"], capture_output=True, check=False)
        self.client.wait(timeout=10)
        if self.socket_path:  # kill-server leaves its socket file behind
            Path(self.socket_path[0]).unlink(missing_ok=True)


def quote(arg: str) -> str:
    """An argument for tmux's command parser."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
    return f'"{escaped}"'


Check = Callable[[str], bool]


def print_crash_log(shown: str) -> None:
    """The end of the crash.log a screen names (it goes with the bench's folder)."""
    found = re.search(r"(/\S+?)\s*crash\.log", shown.replace("\n", ""))
    if found:
        log = Path(found.group(1).rstrip("/")) / "crash.log"
        with contextlib.suppress(OSError):
            print(f"  {log}:\n{log.read_text()[-4000:]}", file=sys.stderr)


@dataclass
class Run:
    """A bench run on one dataset: its terminal, the recorded pictures and the samples."""

    tmux: Tmux
    folder: Path
    quiet: float
    poll: float
    timeout: float
    calibrating: bool = True
    """Recording each step's settled screen (with a longer quiet window)."""
    counted: bool = False
    """Keeping the timings (every round but the warm-up)."""
    references: dict[str, str] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    misses: dict[str, int] = field(default_factory=dict)
    pid_file: Path = Path()

    def settle(self, step: str, began: float, check: Check, quiet: float | None = None) -> float:
        """Seconds from *began* until the screen showed its settled picture (the expected
        one, unchanged for the quiet window)."""
        if quiet is None:
            quiet = self.quiet * 3 if self.calibrating else self.quiet
            expected = None if self.calibrating else self.references.get(step)
        else:  # only waiting (nothing timed or recorded): for the right screen, briefly quiet
            expected = None
        last, changed = None, began
        while True:
            shown = self.tmux.screen()
            now = time.perf_counter()
            if shown != last:
                last, changed = shown, now
            elif now - changed >= quiet and (
                shown == expected if expected is not None else check(shown)
            ):
                if self.calibrating and expected is None and step not in self.references:
                    self.references[step] = shown
                return changed - began
            elif now - changed >= max(1.0, 10 * quiet) and check(shown):
                # The warm-up recorded a passing frame that did not last (a busy machine can
                # hold one still for the whole quiet window): this one has, so it replaces it.
                print(f"  ~ {step}: settled on a screen other than the warm-up's; it now "
                      "stands for this step", file=sys.stderr)  # fmt: skip
                self.references[step] = shown
                return changed - began
            if now - changed > 1 and self.tmux.dead():
                raise AppClosed(f"{step}: the program closed; its screen was:\n{shown}")
            if now - began > self.timeout:
                self.misses[step] = self.misses.get(step, 0) + 1
                print(f"  ! {step}: not the expected screen after {self.timeout:.0f} s; "
                      f"it was:\n{shown}", file=sys.stderr)  # fmt: skip
                print_crash_log(shown)
                return now - began
            time.sleep(self.poll)

    def first(self, began: float, check: Check) -> float:
        """Seconds from *began* until *check* first holds (a first frame)."""
        while True:
            shown = self.tmux.screen()
            now = time.perf_counter()
            if check(shown):
                return now - began
            if now - began > self.timeout:
                raise Unsettled(f"no first frame after {self.timeout:.0f} s:\n{shown}")
            time.sleep(self.poll)

    def record(self, figure: str, seconds: float) -> None:
        if self.counted:
            self.samples.setdefault(figure, []).append(seconds)

    def key(
        self,
        step: str,
        key: str,
        check: Check,
        figure: str | None = None,
        quiet: float | None = None,
    ) -> float:
        began = time.perf_counter()
        self.tmux.send(key)
        seconds = self.settle(step, began, check, quiet)
        if figure:
            self.record(figure, seconds)
        return seconds

    def launch(self, name: str, command: list[str], extra: dict[str, str]) -> float:
        script = self.folder / f"{name}.sh"
        variables = {**extra, "TERM": "xterm-256color"}
        script.write_text(
            f"echo $$ > {shlex.quote(str(self.pid_file))}\n"
            "exec env -u COLUMNS -u LINES "
            + " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
            + " "
            + " ".join(shlex.quote(c) for c in command)
            + "\n"
        )
        self.tmux.command("respawn-pane", "-k", "-t", "bench", "sleep 86400")  # an empty pane
        self.settle_blank()
        began = time.perf_counter()
        self.tmux.launch(script)
        return began

    def settle_blank(self) -> None:
        deadline = time.perf_counter() + 10
        while self.tmux.screen().strip() and time.perf_counter() < deadline:
            time.sleep(self.poll)

    def app_pid(self) -> int:
        return int(self.pid_file.read_text().strip())


# ------------------------------------------------------------------------- what shows


def chrome(shown: str) -> bool:
    """A first frame: the header with the first view's title, and the footer."""
    lines = shown.splitlines()
    return len(lines) > 2 and "Today" in lines[0] and "Quit" in shown.splitlines()[-1]


def titled(title: str, *words: str) -> Check:
    """A view's whole screen: its title, its *words*, and the footer with all of its keys (a
    footer still being rebuilt after a switch can hold still long enough to look settled)."""

    def check(shown: str) -> bool:
        lines = shown.splitlines()
        return (
            len(lines) > 2
            and title in lines[0]
            and all(key in lines[-1] for key in ("Quit", "palette"))
            and "Opening your planner" not in shown
            and all(w in shown for w in words)
        )

    return check


VIEW_READY = {
    "t": titled("Today", "Small steps for today", "Today's check-in"),
    "m": titled("Map", "people · sorted"),
    "p": titled("Plan", "How earlier steps went"),
    "j": titled("Journal", "mood  connected"),
    "r": titled("Review", "Overview", "Days with a check-in"),
}
BARE_READY = {k: titled(t, "of a bare app") for k, t in
              {"t": "Today", "m": "Map", "p": "Plan", "j": "Journal", "r": "Review"}.items()}  # fmt: skip
FORM_OPEN = {"c": lambda s: "Check-in for" in s, "s": lambda s: "Plan a small step" in s}


def bare_form_open(shown: str) -> bool:
    return "Check-in of a bare app" in shown and "Save" in shown.splitlines()[-1]


def bare_filtering(shown: str) -> bool:
    """The bare Map-like view with its filter box focused: Textual's own Footer then hides
    the keys a letter would type (Quit too), so :func:`titled` can't be its check."""
    return "Map" in shown.splitlines()[0] and "300 people of" in shown


def back_on_today(shown: str) -> bool:
    return not any(form(shown) for form in FORM_OPEN.values()) and VIEW_READY["t"](shown)


def typed(value: str) -> Check:
    """What was typed so far is on screen (a screen line loses its trailing spaces)."""
    value = value.rstrip()
    return lambda shown: value in shown


MAP_TYPING = [*"ana sil", *["BSpace"] * 7, *"fam", *["BSpace"] * 3]
JOURNAL_TYPING = [*"walk river", *["BSpace"] * 10, *"#calm", *["BSpace"] * 5]
ECHO_TYPING = [*"hello there", *["BSpace"] * 11]
REVIEW_TURNS = ["Left"] * 4 + ["Right"] * 4


def typing(
    run: Run, step: str, keys: list[str], figure: str, shown: Callable[[str], Check]
) -> None:
    value = ""
    for n, key in enumerate(keys):
        value = value[:-1] if key == "BSpace" else value + key
        run.key(f"{step}:{n}", key, shown(value), figure)


# ------------------------------------------------------------------------- one round


def bare_round(run: Run, groups: set[str]) -> None:
    began = run.launch("bare", [sys.executable, str(HERE / "floor_chrome.py")], {})
    run.record("bare first frame", run.first(began, chrome))
    run.settle("bare:ready", began, BARE_READY["t"])
    if "views" in groups:
        for n, key in enumerate("mpjrt" * 2):
            run.key(f"bare:switch:{n}", key, BARE_READY[key], "bare view switch")


def map_floor_round(run: Run, groups: set[str]) -> None:
    """The first visit of a bare app's view built like the Map (bench/floor_map.py), and
    typing in its filter built like the Map's."""
    began = run.launch("baremap", [sys.executable, str(HERE / "floor_map.py")], {})
    run.settle("baremap:ready", began, BARE_READY["t"])
    run.key("baremap:first", "m", titled("Map", "300 people of a bare app"), "bare map first visit")
    if "typing" in groups:
        run.key("baremap:/", "/", bare_filtering, "bare Map /")
        typing(run, "baremap", MAP_TYPING, "bare Map filter typing", typed)
        run.key("baremap:esc", "Escape", titled("Map", "300 people of a bare app"),
                "bare Map Escape")  # fmt: skip


def review_floor_round(run: Run) -> None:
    """← and → on a bare app's page built like the Review (bench/floor_review.py), as
    often as in the app's round."""
    began = run.launch("barereview", [sys.executable, str(HERE / "floor_review.py")], {})
    run.settle("barereview:ready", began, BARE_READY["t"])
    run.key("barereview:first", "r", BARE_READY["r"])
    for n, key in enumerate(REVIEW_TURNS):
        run.key(f"barereview:{n}", key, BARE_READY["r"], "bare Review ← / →")


def form_floor_round(run: Run) -> None:
    """The bare app's form built like the check-in (bench/floor_form.py), opened as often."""
    began = run.launch("bareform", [sys.executable, str(HERE / "floor_form.py")], {})
    run.settle("bareform:ready", began, BARE_READY["t"])
    for n in range(3):
        run.key(f"bareform:c:{n}", "c", bare_form_open, "bare form open")
        run.key(f"bareform:c:{n}:close", "Escape", BARE_READY["t"])


def echo_round(run: Run) -> None:
    began = run.launch("echo", [sys.executable, str(HERE / "floor_echo.py")], {})
    run.settle("echo:ready", began, lambda s: "echo:" in s and "floor-echo" in s)
    typing(run, "echo", ECHO_TYPING, "keystroke floor", lambda v: typed(f"echo: {v}"))


def app_round(run: Run, home: Path, groups: set[str]) -> None:
    began = run.launch("app", [installed_command()], app_env(home))
    run.record("app first frame", run.first(began, chrome))
    run.record("Today with its data", run.settle("app:today", began, VIEW_READY["t"]))
    if "views" in groups:
        for key, name in FIRST_VISITS:  # at once, as if Today were not read
            run.key(f"app:first:{key}", key, VIEW_READY[key], f"first visit: {name}")
        for n, key in enumerate("tmpjr" * 2):
            run.key(f"app:switch:{n}", key, VIEW_READY[key], "view switch (revisit)")
    if "typing" in groups:
        run.key("app:to-map", "m", VIEW_READY["m"])
        run.key("map:/", "/", VIEW_READY["m"], "Map /")
        typing(run, "map", MAP_TYPING, "Map filter typing", typed)
        run.key("map:esc", "Escape", VIEW_READY["m"], "Map Escape")
        run.key("app:to-journal", "j", VIEW_READY["j"])
        run.key("journal:/", "/", VIEW_READY["j"], "Journal /")
        typing(run, "journal", JOURNAL_TYPING, "Journal search typing", typed)
        run.key("journal:esc", "Escape", VIEW_READY["j"], "Journal Escape")
        run.key("app:to-review", "r", VIEW_READY["r"])
        for n, key in enumerate(REVIEW_TURNS):
            run.key(f"review:{n}", key, titled("Review", "Overview"), "Review ← / →")
    if "forms" in groups:
        run.key("app:to-today", "t", VIEW_READY["t"])
        for n in range(3):
            for key, name in (("c", "open check-in c"), ("s", "open wizard s")):
                run.key(f"form:{key}:{n}", key, FORM_OPEN[key], name)
                run.key(f"form:{key}:{n}:close", "Escape", back_on_today)


def first_frames(run: Run, home: Path, launches: int) -> None:
    """*launches* more first frames of each, bare app and app in turns."""
    for _ in range(launches):
        began = run.launch("bare", [sys.executable, str(HERE / "floor_chrome.py")], {})
        run.record("bare first frame", run.first(began, chrome))
        began = run.launch("app", [installed_command()], app_env(home))
        run.record("app first frame", run.first(began, chrome))
        run.settle("app:today", began, VIEW_READY["t"])  # as a person would, before quitting


def reading_round(run: Run, home: Path) -> None:
    """First visits after reading Today for :data:`READING` seconds, as a person might."""
    began = run.launch("reading", [installed_command()], app_env(home))
    run.settle("reading:today", began, VIEW_READY["t"])
    time.sleep(READING)  # the person reading, not a wait for the app
    for key, name in FIRST_VISITS:
        run.key(f"reading:first:{key}", key, VIEW_READY[key], f"first visit after reading: {name}")


def cold_round(run: Run, home: Path) -> None:
    """Today after a change elsewhere (the data version moved on, as any write by another
    program moves it): nothing from an earlier start may be shown, so Today reads afresh."""
    with contextlib.closing(sqlite3.connect(home / "planner.db")) as connection, connection:
        connection.execute("UPDATE app_setting SET value = value + 1 WHERE key = 'data_version'")
    began = run.launch("cold", [installed_command()], app_env(home))
    run.record("Today after a change elsewhere", run.settle("cold:today", began, VIEW_READY["t"]))


def app_env(home: Path) -> dict[str, str]:
    # No daily backup copy: a person's app takes one at the day's first start, and again
    # only after a change, not on every start.
    return {"PLANNER_TUI_HOME": str(home), "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London",
            "PLANNER_TUI_DAILY_BACKUPS": "0"}  # fmt: skip


# ------------------------------------------------------------------------- the others


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def memory(run: Run, home: Path, switches: int, forms: int) -> dict[str, float]:
    """RSS of the app's process after 20 view switches and 20 form cycles, and after
    *switches* and *forms* (a closed view or form that stays alive shows as growth).
    Nothing here is timed: each key waits for its screen, briefly quiet."""
    quiet = 0.05
    began = run.launch("memory", [installed_command()], app_env(home))
    run.settle("mem:today", began, VIEW_READY["t"], quiet)
    pid, result = run.app_pid(), {}
    done_switches = done_forms = 0
    for target_switches, target_forms, label in ((20, 20, "after 20"), (switches, forms, "after")):
        while done_switches < target_switches:
            key = "mpjrt"[done_switches % 5]
            run.key("mem:switch", key, VIEW_READY[key], quiet=quiet)
            done_switches += 1
        if done_forms < target_forms:
            run.key("mem:today", "t", VIEW_READY["t"], quiet=quiet)
        while done_forms < target_forms:
            key = "cs"[done_forms % 2]
            try:
                # settled before Escape, as in the timed rounds (a form closed while it is
                # still filling in has closed the app: see the report)
                run.key("mem:form", key, FORM_OPEN[key], quiet=run.quiet)
                run.key("mem:close", "Escape", back_on_today, quiet=quiet)
            except AppClosed as closed:
                print(f"  ! {closed}", file=sys.stderr)
                result["memory: the app closed at form cycle"] = done_forms + 1
                return result
            done_forms += 1
        time.sleep(1.0)  # let the last frame's garbage go
        result[f"RSS {label} (MiB)"] = rss_mib(pid)
    result["RSS growth (MiB)"] = result["RSS after (MiB)"] - result["RSS after 20 (MiB)"]
    result["memory switches"], result["memory forms"] = switches, forms
    return result


def timed_child(command: list[str], environ: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one whole command."""
    began = time.perf_counter()
    child = subprocess.Popen(command, env=environ, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{command} exited {child.returncode}")
    return seconds, usage.ru_maxrss / 1024


def exports(home: Path, folder: Path, runs: int) -> dict[str, float]:
    result: dict[str, float] = {}
    for fmt in ("json", "markdown"):
        times, peaks = [], []
        for _ in range(runs):
            out = folder / f"export.{fmt}"
            seconds, peak = timed_child(
                [installed_command(), "export", "--format", fmt, "-o", str(out)], env(home)
            )
            out.unlink(missing_ok=True)
            times.append(seconds)
            peaks.append(peak)
        result[f"export {fmt} (s)"] = statistics.median(times)
        result[f"export {fmt} peak RSS (MiB)"] = max(peaks)
    return result


def review_against_search(home: Path, runs: int) -> dict[str, float]:
    review = [installed_command(), "review"]
    search = [installed_command(), "search", "river", "--limit", "50"]
    ours, theirs = [], []
    timed_child(review, env(home))  # once first: files in the page cache for both
    for _ in range(runs):
        ours.append(timed_child(review, env(home))[0])
        theirs.append(timed_child(search, env(home))[0])
    return {"review CLI (s)": statistics.median(ours), "search CLI (s)": statistics.median(theirs)}


# ------------------------------------------------------------------------- the table


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(int(len(ordered) * 0.95 + 0.5) - 1, 0)]


def summarise(run: Run) -> dict[str, float]:
    out: dict[str, float] = {}
    for figure, samples in run.samples.items():
        out[f"{figure} median (ms)"] = statistics.median(samples) * 1000
        out[f"{figure} p95 (ms)"] = p95(samples) * 1000
        out[f"{figure} n"] = len(samples)
    return out


@dataclass
class Row:
    figure: str
    budget: str
    cells: dict[int, str]
    ok: dict[int, bool | None]
    values: dict[int, float]


def ms(v: float) -> str:
    return f"{v:,.0f} ms"


def rows_for(results: dict[int, dict[str, float]]) -> list[Row]:
    rows: list[Row] = []

    def add(
        figure: str,
        budget: str,
        each: Callable[[dict[str, float]], tuple[float, str, bool | None] | None],
    ) -> None:
        row = Row(figure, budget, {}, {}, {})
        for years, got in results.items():
            try:
                measured = each(got)
            except KeyError:
                measured = None
            if measured is not None:
                row.values[years], row.cells[years], row.ok[years] = measured
        if row.cells:
            rows.append(row)

    def floor(got: dict[str, float]) -> float:
        return got["keystroke floor p95 (ms)"]

    def vs_floor(
        name: str, times: float, extra: str = ""
    ) -> Callable[[dict[str, float]], tuple[float, str, bool]]:
        def each(got: dict[str, float]) -> tuple[float, str, bool]:
            value = got[f"{name} p95 (ms)"]
            return (
                value,
                f"{ms(value)} ({value / floor(got):.1f}× floor){extra}",
                value <= times * floor(got),
            )

        return each

    bare = "bare first frame median (ms)"
    add("first frame, vs a bare Textual app with the same chrome", "≤ 1.2×", lambda g: (
        g["app first frame median (ms)"] / g[bare],
        f"{g['app first frame median (ms)'] / g[bare]:.2f}× ({ms(g['app first frame median (ms)'])} / {ms(g[bare])})",
        g["app first frame median (ms)"] <= 1.2 * g[bare]))  # fmt: skip
    add("Today after a change elsewhere", "≤ 2×", lambda g: (
        g["Today after a change elsewhere median (ms)"] / g[bare],
        f"{g['Today after a change elsewhere median (ms)'] / g[bare]:.2f}× ({ms(g['Today after a change elsewhere median (ms)'])})",
        g["Today after a change elsewhere median (ms)"] <= 2 * g[bare]))  # fmt: skip
    for _, name in FIRST_VISITS:
        key = f"first visit: {name} median (ms)"
        add(f"first visit of a view at once: {name}", "≤ bare app's first frame",
            lambda g, key=key: (g[key], ms(g[key]), g[key] <= g[bare]))  # fmt: skip
    for _, name in FIRST_VISITS:
        key = f"first visit after reading: {name} median (ms)"
        add(f"first visit after {READING:.0f} s on Today: {name}", "≤ bare app's first frame",
            lambda g, key=key: (g[key], ms(g[key]), g[key] <= g[bare]))  # fmt: skip
    add("view switch (revisit), p95", "≤ 1.5× floor", vs_floor("view switch (revisit)", 1.5))

    def typing_row(view: str, what: str) -> Callable[[dict[str, float]], tuple[float, str, bool]]:
        def each(g: dict[str, float]) -> tuple[float, str, bool]:
            value = max(
                g[f"{view} {what} p95 (ms)"], g[f"{view} / p95 (ms)"], g[f"{view} Escape p95 (ms)"]
            )
            note = f" (/ {ms(g[f'{view} / p95 (ms)'])}, Escape {ms(g[f'{view} Escape p95 (ms)'])})"
            return value, f"{ms(g[f'{view} {what} p95 (ms)'])}{note}", value <= 1.5 * floor(g)

        return each

    add(
        "Map filter typing, p95 (with / and Escape)",
        "≤ 1.5× floor",
        typing_row("Map", "filter typing"),
    )
    add(
        "Journal search typing, p95 (with / and Escape)",
        "≤ 1.5× floor",
        typing_row("Journal", "search typing"),
    )
    add("Review ← / →, p95", "≤ 1.5× floor", vs_floor("Review ← / →", 1.5))
    add("open check-in c, p95", "≤ 3× floor", vs_floor("open check-in c", 3))
    add("open wizard s, p95", "≤ 3× floor", vs_floor("open wizard s", 3))
    if len(results) > 1 and 10 in results and 100 in results:
        ratios = {}
        for key, value in results[100].items():
            if (
                key.endswith("(ms)")
                and "floor" not in key
                and "bare" not in key
                and key in results[10]
            ) and results[10][key] > 0:
                ratios[key] = value / results[10][key]
        if ratios:
            worst = max(ratios, key=lambda k: ratios[k])
            row = Row("100 y ÷ 10 y, every figure (worst)", "≤ 1.2", {100: f"{ratios[worst]:.2f} ({worst})"},
                      {100: ratios[worst] <= 1.2}, {100: ratios[worst]})  # fmt: skip
            rows.append(row)
    counts = next((g for g in results.values() if "memory switches" in g), {})
    cycles = f"{counts.get('memory switches', 300):.0f} view switches + {counts.get('memory forms', 200):.0f} form cycles"
    add(f"memory after {cycles} vs after 20", "within 10 MiB", lambda g: (
        (0.0, f"the app closed at form cycle {g['memory: the app closed at form cycle']:.0f}", False)
        if "memory: the app closed at form cycle" in g else (
        g["RSS growth (MiB)"],
        f"{g['RSS growth (MiB)']:+.1f} MiB ({g['RSS after 20 (MiB)']:.0f} → {g['RSS after (MiB)']:.0f})",
        g["RSS growth (MiB)"] <= 10)))  # fmt: skip
    for fmt in ("json", "markdown"):
        add(f"export --format {fmt}", "peak ≤ 200 MiB", lambda g, fmt=fmt: (
            g[f"export {fmt} peak RSS (MiB)"],
            f"{g[f'export {fmt} (s)']:.1f} s, peak {g[f'export {fmt} peak RSS (MiB)']:.0f} MiB",
            g[f"export {fmt} peak RSS (MiB)"] <= 200))  # fmt: skip
    add("planner-tui review CLI, vs search", "≤ 2× search", lambda g: (
        g["review CLI (s)"] / g["search CLI (s)"],
        f"{g['review CLI (s)']:.2f} s ({g['review CLI (s)'] / g['search CLI (s)']:.2f}× search {g['search CLI (s)']:.2f} s)",
        g["review CLI (s)"] <= 2 * g["search CLI (s)"]))  # fmt: skip
    add("keystroke floor: echo app, p95", "(the floor)", lambda g: (floor(g), ms(floor(g)), None))
    add("bare chrome app: first frame", "(the floor)", lambda g: (g[bare], ms(g[bare]), None))
    add("bare chrome app: view switch, p95", "(for comparison)", lambda g: (
        g["bare view switch p95 (ms)"], ms(g["bare view switch p95 (ms)"]), None))  # fmt: skip
    add("bare app: first visit of a view built like the Map", "(for comparison)", lambda g: (
        g["bare map first visit median (ms)"], ms(g["bare map first visit median (ms)"]), None))  # fmt: skip
    add("bare app: typing in a filter built like the Map's, p95 (with / and Escape)",
        "(for comparison)", lambda g: (*typing_row("bare Map", "filter typing")(g)[:2], None))  # fmt: skip
    add("bare app: ← / → on a page built like the Review, p95", "(for comparison)", lambda g: (
        g["bare Review ← / → p95 (ms)"], ms(g["bare Review ← / → p95 (ms)"]), None))  # fmt: skip
    add("bare form app: open a form built like the check-in, p95", "(for comparison)", lambda g: (
        g["bare form open p95 (ms)"], ms(g["bare form open p95 (ms)"]), None))  # fmt: skip
    add("Today with its data (usual start)", "(for comparison)", lambda g: (
        g["Today with its data median (ms)"] / g[bare],
        f"{g['Today with its data median (ms)'] / g[bare]:.2f}× ({ms(g['Today with its data median (ms)'])})",
        None))  # fmt: skip
    return rows


def table(rows: list[Row], years: list[int]) -> str:
    head = ["figure", *(f"{y} y" for y in years), "budget (same run)", "met"]
    lines = [head]
    for row in rows:
        verdicts = [v for v in row.ok.values() if v is not None]
        mark = "" if not verdicts else "✓" if all(verdicts) else "✗"
        lines.append([row.figure, *(row.cells.get(y, "—") for y in years), row.budget, mark])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in lines
    ]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def load() -> dict[str, object]:
    one, five, fifteen = os.getloadavg()
    return {"loadavg": [round(one, 2), round(five, 2), round(fifteen, 2)], "nproc": os.cpu_count()}


# ------------------------------------------------------------------------- main


def bench(years: int, args: argparse.Namespace, groups: set[str], folder: Path) -> dict[str, float]:
    home = work_copy(dataset(years, args.cache), folder / f"home-{years}y")
    tmux = Tmux(f"tmuxbench-{os.getpid()}-{years}y", SIZE)
    run = Run(tmux, folder, args.quiet / 1000, args.poll / 1000, args.timeout,
              pid_file=folder / "app.pid")  # fmt: skip
    figures: dict[str, float] = {}
    try:
        first = 0 if args.warm_up else 1
        for n in range(first, args.rounds + 1):
            run.calibrating, run.counted = n == first, n > 0
            label = (
                "warm-up (records each settled screen)" if n == 0 else f"round {n}/{args.rounds}"
            )
            print(f"  {years} y: {label}", file=sys.stderr, flush=True)
            if "launch" in groups or "views" in groups:
                bare_round(run, groups)
            app_round(run, home, groups)
            if groups & {"views", "typing"}:
                map_floor_round(run, groups)
            if "typing" in groups:
                review_floor_round(run)
            if "views" in groups:
                reading_round(run, home)
            if "forms" in groups:
                form_floor_round(run)
            if groups & {"views", "typing", "forms"}:
                echo_round(run)
            if "launch" in groups:
                cold_round(run, home)
                first_frames(run, home, args.first_frames)
        figures.update(summarise(run))
        if "memory" in groups:
            print(f"  {years} y: memory", file=sys.stderr, flush=True)
            try:
                figures.update(memory(run, home, args.switches, args.forms))
            except AppClosed as closed:
                print(f"  ! {closed}", file=sys.stderr)
                figures["memory: the app closed at form cycle"] = 0
    finally:
        tmux.close()
    if "export" in groups:
        print(f"  {years} y: exports", file=sys.stderr, flush=True)
        figures.update(exports(home, folder, args.export_runs))
    if "cli" in groups:
        print(f"  {years} y: review and search", file=sys.stderr, flush=True)
        figures.update(review_against_search(home, args.rounds))
    figures["unsettled steps"] = sum(run.misses.values())
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, nargs="+", default=[10])
    parser.add_argument("--rounds", type=int, default=9, help="counted rounds (7–11)")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"some of {','.join(GROUPS)}")
    parser.add_argument("--quiet", type=float, default=200, help="quiet window, ms")
    parser.add_argument("--poll", type=float, default=3, help="screen read interval, ms")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a step may take")
    parser.add_argument("--first-frames", type=int, default=FIRST_FRAMES,
                        help="extra launches of each a round, for the first frame")  # fmt: skip
    parser.add_argument("--warm-up", action=argparse.BooleanOptionalAction, default=True,
                        help="a first round, not counted, records each settled screen "
                        "(--no-warm-up: the first counted round does; for a quick check that "
                        "the bench runs, not for figures)")  # fmt: skip
    parser.add_argument("--switches", type=int, default=300)
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=CACHE, help="where datasets are kept")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    groups = {g.strip() for g in args.only.split(",") if g.strip()}
    unknown = groups - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    started = load()
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="tmuxbench-") as tmp:
        for years in args.years:
            results[years] = bench(years, args, groups, Path(tmp))
    ended = load()
    args.out.mkdir(parents=True, exist_ok=True)
    years_shown = list(args.years)
    if len(args.years) == 1:  # the other size from an earlier run, for the ratio
        other = {10: 100, 100: 10}.get(args.years[0])
        earlier = args.out / f"tmux-{other}y.json"
        if other and earlier.exists():
            results[other] = json.loads(earlier.read_text())["figures"]
            years_shown = sorted([*args.years, other])
    rows = rows_for(results)
    print(f"\nplanner-tui in a real terminal (tmux {SIZE[0]}×{SIZE[1]}, settled screens) — "
          f"{args.rounds} rounds, quiet window {args.quiet:.0f} ms")  # fmt: skip
    print(f"machine: {started['nproc']} cores; load average at start {started['loadavg']}, "
          f"at end {ended['loadavg']}")  # fmt: skip
    for years in years_shown:
        if years not in args.years:
            print(f"({years} y from an earlier run: {args.out / f'tmux-{years}y.json'})")
        misses = results[years].get("unsettled steps", 0)
        if misses:
            print(
                f"{years} y: {misses:.0f} steps never reached their expected screen (timed at the limit)"
            )
    print(table(rows, years_shown))
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    for years in args.years:
        record = {"when": stamp, "years": years, "rounds": args.rounds, "load_start": started,
                  "load_end": ended, "figures": results[years]}  # fmt: skip
        (args.out / f"tmux-{years}y.json").write_text(json.dumps(record, indent=1))
    latest = {
        "when": stamp, "rounds": args.rounds, "quiet_ms": args.quiet, "size": SIZE,
        "load_start": started, "load_end": ended, "groups": sorted(groups),
        "figures": {str(y): results[y] for y in years_shown},
        "table": [{"figure": r.figure, "budget": r.budget, "cells": {str(y): c for y, c in r.cells.items()},
                   "met": r.ok and all(v for v in r.ok.values() if v is not None)} for r in rows],
    }  # fmt: skip
    (args.out / "tmux-latest.json").write_text(json.dumps(latest, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Running `planner-tui` from a test: in this process by default (the command line is
`cli.main`, so a table of a hundred runs takes seconds instead of a minute of interpreter
start-ups), or as a real process where the process itself is what is tested (bytes on
stdin, locales, pipes, terminals, signals, resource limits)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from planner_tui import cli, clock

NOW = "2026-11-23T20:00:00"
ZONE = "Europe/London"


def environment(now: str, zone: str, extra: Mapping[str, str] | None) -> dict[str, str]:
    env = {**os.environ, "PLANNER_TUI_NOW": now, "TZ": zone, **(extra or {})}
    env.pop("PLANNER_TUI_HOME", None)  # --home says where; nothing from the developer's shell
    return env


def run(
    home: Path,
    *args: str,
    stdin: str | None = None,
    now: str = NOW,
    zone: str = ZONE,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`planner-tui --home HOME ARGS…` as `cli.main`, with its own clock, zone, environment
    and streams (stdin not a terminal, as under `capture_output`); the exit code as a
    process would give it."""
    argv = ["--home", str(home), *args]
    out, err = _stream(b""), _stream(b"")
    with _process_state(environment(now, zone, env), _stream((stdin or "").encode()), out, err):
        try:
            code = cli.main(argv)
        except SystemExit as stop:  # argparse's --help, --version and usage errors
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
    return subprocess.CompletedProcess(["planner-tui", *argv], code, _text(out), _text(err))


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("planner-tui: ") and words in lines[0], lines[0]


def run_process(
    home: Path,
    *args: str | bytes,
    stdin: str | bytes | None = None,
    now: str = NOW,
    zone: str = ZONE,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The same as a real process (``python -m planner_tui``): bytes in, bytes out."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "planner_tui", "--home", str(home), *args],
        input=data if data is not None else b"",
        capture_output=True,
        env=environment(now, zone, env),
        timeout=120,
    )


def _stream(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return str(raw.decode("utf-8", "backslashreplace").replace("\r\n", "\n"))


@contextmanager
def _process_state(
    env: dict[str, str], stdin: io.TextIOWrapper, out: io.TextIOWrapper, err: io.TextIOWrapper
) -> Iterator[None]:
    """What a new process would have: this environment (and its zone, its clock), these
    streams."""
    saved_env = dict(os.environ)
    saved = sys.stdin, sys.stdout, sys.stderr
    frozen = clock._frozen  # the tests' own frozen clock would hide PLANNER_TUI_NOW
    clock.freeze(None)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    sys.stdin, sys.stdout, sys.stderr = stdin, out, err
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        clock.freeze(frozen)
        os.environ.clear()
        os.environ.update(saved_env)
        time.tzset()

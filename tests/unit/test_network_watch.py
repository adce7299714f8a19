"""The network watch every test process runs under (tests/support/sitecustomize.py): it stops
network access before anything is sent, and the suite fails when anything tried."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_network_watch_stops_a_connection_before_the_system_call(tmp_path: Path) -> None:
    """The guard the whole suite runs under (tests/support/sitecustomize.py) stops a process
    reaching for the network before anything is sent, and logs it so the suite fails. Proved on
    loopback only: the same connect without the watch is refused by the system (so the port is
    really closed), while under the watch it never gets that far."""
    log = tmp_path / "network.log"
    reach = (
        "import socket, sys\n"
        "probe = socket.socket()\n"
        "try:\n"
        "    probe.connect(('127.0.0.1', int(sys.argv[1])))\n"
        "except OSError as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    closed_port = subprocess.run(  # a port nobody listens on: bound, then let go
        [sys.executable, "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0));"
         "print(s.getsockname()[1]); s.close()"],
        env={k: v for k, v in os.environ.items() if k != "PLANNER_TUI_NETWORK_LOG"},
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    unwatched = {k: v for k, v in os.environ.items() if k != "PLANNER_TUI_NETWORK_LOG"}
    refused = subprocess.run(
        [sys.executable, "-c", reach, closed_port], env=unwatched, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    assert refused.startswith("ConnectionRefusedError")

    watched = {**os.environ, "PLANNER_TUI_NETWORK_LOG": str(log)}
    stopped = subprocess.run(
        [sys.executable, "-c", reach, closed_port], env=watched, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    assert stopped.strip() == "NetworkBlocked network access is not allowed in tests"
    assert f"socket.connect (('127.0.0.1', {closed_port}),)" in log.read_text(encoding="utf-8")

    local = "import asyncio\nasyncio.run(asyncio.sleep(0))\n"  # a local wake-up pipe only
    log.unlink()
    subprocess.run([sys.executable, "-c", local], env=watched, check=True)
    assert not log.exists()


def test_the_suite_fails_when_code_under_test_reaches_for_the_network(tmp_path: Path) -> None:
    """Even when the code swallows the error, the run that tried is marked failed."""
    (tmp_path / "test_reaches.py").write_text(
        "import socket\n\n"
        "def test_swallows_the_error():\n"
        "    try:\n"
        "        socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "    except OSError:\n"
        "        pass\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider",
         "-q", "-o", "addopts=", "--rootdir", str(tmp_path), str(tmp_path / "test_reaches.py")],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "TMPDIR": str(tmp_path)},  # its own network-log folder lands here
    )  # fmt: skip
    assert "1 passed" in run.stdout  # the test itself saw nothing wrong…
    assert "NETWORK ACCESS during the tests" in run.stdout  # …but the watch did
    assert run.returncode == 1

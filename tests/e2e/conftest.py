"""What the end-to-end tests share."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator

import pytest

from .test_tmux import Tmux


@pytest.fixture
def tmux(request: pytest.FixtureRequest) -> Iterator[Tmux]:
    """A tmux server of the test's own (its own ``-L`` socket), killed when it ends."""
    path = shutil.which("tmux")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide tmux")
        pytest.skip("tmux is not installed")
    test = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:12]
    server = Tmux(path, f"planner-tui-{os.getpid()}-{test}")
    yield server
    server.kill_server()

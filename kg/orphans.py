"""Worker processes that end with the process that forked them.

A build forks workers (the nlp stage's, :mod:`kg.nlp.zygote`; the graph stage's,
:mod:`kg.shards`); if the build is killed (``kill -9``, out of memory), no worker may
be left behind, still reading articles or holding files.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def die_with(parent: int) -> None:
    """In a forked worker: on Linux, have the kernel kill this process when ``parent``
    (the process that forked it) dies; elsewhere the worker ends when its work does.
    Exits at once if ``parent`` died before the request."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the request above
        os._exit(1)

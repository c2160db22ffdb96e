"""Pausing the cyclic garbage collector while a stage makes many objects that are not garbage.

The collector runs every 700 new container objects (lists, dicts, tuples, instances) and walks
the young ones; the objects that survive two walks are promoted, and once enough have been, a
full collection walks every object of the program (the whole glossary and every module: ~70,000
objects, tens of milliseconds). Reading a record, composing, explaining and scoring its page
make tens of thousands of objects, none of them in a cycle: reference counting frees them.
Walking them finds nothing, and promoting the ones still in use sets off the full collections
(measured: a twentieth of the pipeline's time). So these stages pause the collector and switch
it back on (if it was on) as they return; anything they did leave in a cycle is collected then.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the ``with`` block, back on after it if it was on before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["collector_paused"]

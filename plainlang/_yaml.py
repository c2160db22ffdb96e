"""``safe_load`` through libyaml when PyYAML was built with it.

PyYAML's pure-Python SafeLoader takes about 10 ms for the 8 KB wording table; its C loader
(``CSafeLoader``, the same safe constructors over libyaml's parser) takes a tenth of that and
gives the same data. The tables a trial page needs are read on every cold ``plainlang
summarize``, so the difference is part of its start-up time. Errors are the same
``yaml.YAMLError`` with the same line and column marks.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, on the C parser when there is one."""
    return yaml.load(text, Loader=_LOADER)

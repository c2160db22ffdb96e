"""Showing plainlang's results to people: notebook display, the preview page, widgets, plots.

``html`` and ``view`` need only Jinja2. ``notebook`` (ipywidgets) and ``plot`` (matplotlib)
need the optional extra ``plainlang[notebook]`` and are never imported from here, so that
``import plainlang`` stays light and works without them.
"""

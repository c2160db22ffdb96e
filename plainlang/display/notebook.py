"""The live editor for Jupyter (needs ``plainlang[notebook]``: ipywidgets).

    >>> from plainlang.display.notebook import Editor
    >>> Editor("Paste a draft here.")   # the last line of a cell shows it

A text box and, under it, the feedback of :func:`plainlang.display.feedback.feedback`: the
grade, the draft with its sentences tinted and hard words and unexplained terms marked, and
plainer words to try. It updates as the writer types (``continuous_update``).
"""

from __future__ import annotations

from typing import Any

from plainlang.config import DEFAULT_PROFILE, Profile
from plainlang.display.feedback import Feedback, feedback
from plainlang.explain import Glossary


class Editor:
    """A draft box with live feedback. ``widget`` is the ipywidgets box to show or embed.

    Mutable on purpose: it is a view of the text box's current value. ``feedback`` is the
    latest result, so code (and tests) can read what the writer sees.
    """

    def __init__(
        self, text: str = "", profile: Profile | None = None, glossary: Glossary | None = None
    ) -> None:
        import ipywidgets

        self.profile = profile or DEFAULT_PROFILE
        self.glossary = glossary if glossary is not None else Glossary.load(self.profile.glossaries)
        self.textarea = ipywidgets.Textarea(
            value=text,
            placeholder="Paste or type a draft here.",
            continuous_update=True,
            layout=ipywidgets.Layout(width="100%", height="10em"),
        )
        self.output = ipywidgets.HTML()
        self.widget = ipywidgets.VBox([self.textarea, self.output])
        self.feedback: Feedback = self._refresh()
        self.textarea.observe(self._on_change, names="value")

    @property
    def text(self) -> str:
        return str(self.textarea.value)

    @text.setter
    def text(self, value: str) -> None:
        self.textarea.value = value  # the observer refreshes the feedback

    def _refresh(self) -> Feedback:
        result = feedback(self.text, self.profile, self.glossary)
        self.output.value = result.html
        return result

    def _on_change(self, change: dict[str, Any]) -> None:
        self.feedback = self._refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


__all__ = ["Editor"]

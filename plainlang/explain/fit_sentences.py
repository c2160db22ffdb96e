"""The "fit" style's question, "does this sentence stay within the limit?", asked sentence by
sentence instead of term by term.

``fit.fits`` answers it from scratch for every first use: it finds the sentence's bounds (two
searches, then a walk past "e.g." and initials), counts the sentence's words, and walks every
edit planned so far to add what those inside the sentence change. A 1,000-word text explains
about 100 terms in about 30 sentences, so that was ~100 bound searches and ~5,000 edit visits
for ~30 answers: half the style's time. ``SentenceFit`` keeps, for one text being planned:

- the last bounds found, reused while no sentence boundary lies between the two uses
  (``reach``);
- each sentence's own word count and whether it ends in a full stop;
- the word changes of the edits already settled (those a later use can no longer take back),
  sorted by start, so the edits inside a sentence are found by a search.

The answers are the plain functions' (``fit.fits``, ``fit.reserve``, ``fit.sentence_bounds``);
tests/explain/test_fast_paths.py holds each shortcut against them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence

from plainlang.explain.fit import _Edit, reserve, widened, words
from plainlang.explain.glossary import Glossary
from plainlang.explain.spans import sentence_end, sentence_start
from plainlang.explain.usage import Use

# What can end a sentence or start one between two positions, as ``sentence_end`` and
# ``sentence_start`` read the text: a line end; ".", "!" or "?" (closing quotes or brackets
# after it) before a blank or the end; a citation's "]" before a blank. With none of them
# between two uses, both find the same sentence ("2.5 mg" and "(AML) is" do not move it).
# (Written with the characters first, as spans._SENTENCE_END, so the engine skips ahead to
# them instead of entering the alternation at every character.)
_BOUNDARY = re.compile(r"[\n.!?\]](?:(?<=\n)|(?<=[.!?])[\"'”’)\]]*(?=\s|$)|(?<=\])(?=\s|$))")
# Near a sentence's start, "a)" or "1." before a blank may also be a list number to step over
_NEAR_START = re.compile(r"[\n.!?\])](?:(?<=\n)|(?<=[.!?])[\"'”’)\]]*(?=\s|$)|(?<=[\])])(?=\s|$))")
_SKIPPED = "-*+•>#"  # what sentence_start steps over at a sentence's start, with blanks
_LIST_NUMBER_CHARS = 3  # "123." : a list number's [.)] comes at most 3 characters after its start


def same_sentence(text: str, known: int, start: int, at: int) -> bool:
    """True when ``sentence_bounds(text, at)`` is certainly ``sentence_bounds(text, known)``,
    ``start`` being ``sentence_start(text, known)``: ``known <= at <= reach(...)``."""
    return known <= at <= reach(text, known, start)


def reach(text: str, known: int, start: int) -> int:
    """How far after ``known`` the sentence certainly stays the one ``known`` is in (-1: not
    even ``known`` itself), ``start`` being ``sentence_start(text, known)``.

    ``sentence_end`` searches forward for the first boundary; ``sentence_start`` searches back
    for the nearest one, then steps over blanks, bullets and a list number ("1.", "a)") up to
    its position. With no boundary in ``text[known:at]`` and a character at ``known`` where the
    step-over stops, both searches find the same characters from either position, and the
    step-over ends in the same place: a list number that only the longer reach could take
    would need its "." or ")" and a blank after ``known`` but within 3 characters of ``start``.
    The walk past "e.g." that ``sentence_bounds`` adds depends only on what the two find.
    """
    if known >= len(text):
        return -1
    first = text[known]
    if first.isspace() or first in _SKIPPED:
        return -1
    near = known - start <= _LIST_NUMBER_CHARS
    found = (_NEAR_START if near else _BOUNDARY).search(text, known)
    return len(text) if found is None else found.start()


def _change(text: str, edit: _Edit) -> int:
    """Words ``edit`` adds to ``text`` (fewer than 0 when it takes some away), as ``fit.fits``
    counts them; 0 at once for an edit that writes what is there already."""
    new = edit.text
    if edit.end - edit.start == len(new) and text.startswith(new, edit.start):
        return 0
    return words(new) - words(text[edit.start : edit.end])


class SentenceFit:
    """``fit.fits`` with ``fit.reserve`` for the first uses of one text, in text order.

    Made per ``plan_text`` call and dropped with it: it holds offsets into that text only.
    """

    def __init__(self, text: str, uses: Sequence[Use], glossary: Glossary, limit: int) -> None:
        self._text = text
        self._uses = uses
        self._starts: list[int] | None = None  # each use's match.start, when reserve first needs them
        self._glossary = glossary
        self._limit = limit
        # the last position whose bounds were found, how far on they hold (reach), and them
        self._known = 0
        self._reach = -1
        self._known_bounds = (0, 0)
        self._sentences: dict[tuple[int, int], tuple[int, bool]] = {}  # words, ends in a stop
        self._changes: list[tuple[int, int, int]] = []  # (start, end, word change) but 0, sorted
        # the same changes in the order they were settled: a sentence met again adds those
        # settled since it was last counted (each edit's change is worked out once, and the
        # many that change nothing, a term kept as written, are not visited again)
        self._log: list[tuple[int, int, int]] = []
        self._settled = 0  # edits[:_settled] are in _changes
        # per sentence: how long _log was when its words were last counted, and those words
        self._counted: dict[tuple[int, int], tuple[int, int]] = {}
        # The last sentence found over the limit with the edits settled then. While no settled
        # edit has taken words away (``_shrunk``), settling more only adds: it stays over, and
        # ``over`` answers for its later uses without counting (a long list of conditions has
        # a dozen terms or more, and each asked it)
        self._over_bounds: tuple[int, int] | None = None
        self._shrunk = False

    def bounds(self, at: int) -> tuple[int, int]:
        """``fit.sentence_bounds(text, at)``, found again only when the sentence may differ."""
        if self._known <= at <= self._reach:
            return self._known_bounds
        text = self._text
        start = sentence_start(text, at)
        found = widened(text, start, sentence_end(text, at))
        self._known, self._reach, self._known_bounds = at, reach(text, at, start), found
        return found

    def fits(self, edits: Sequence[_Edit], settled: int, at: int) -> bool:
        """``fit.fits(text, edits, at, limit, fit.reserve(text, at, uses, glossary, end))``.

        ``edits[:settled]`` must never change after this call (the plan only appends, and takes
        back only what it planned for the current use, ``edits[settled:]``); ``settled`` never
        decreases from one call to the next.
        """
        counted = self._settled_words(edits, settled, at)
        if counted is None:
            return True  # no full stop of its own: the parenthesis stays (fit.fits)
        total, start, end = counted
        text = self._text
        for edit in edits[settled:]:
            if start <= edit.start and edit.end <= end:
                total += _change(text, edit)
        return self._within(total, at, end)

    def over(self, edits: Sequence[_Edit], settled: int, at: int) -> bool:
        """The sentence holding ``at`` is over the limit with ``edits[:settled]`` alone, so no
        edit for ``at`` that adds words can fit: ``not fits(edits + added, settled, at)``.

        A parenthesis never takes words away (tests/explain/test_fit_sentences.py holds it):
        it keeps the words it replaces ("a AML" → "an acute myeloid leukemia (AML, ...)").
        The same conditions on ``edits`` and ``settled`` as for ``fits``.
        """
        if settled != self._settled:
            self._settle(edits, settled)
        if self._known <= at <= self._reach and self._known_bounds == self._over_bounds and not self._shrunk:
            return True  # over already with fewer settled edits, and none took words away
        counted = self._settled_words(edits, settled, at)
        if counted is None:
            return False
        total, start, end = counted
        if total > self._limit:
            self._over_bounds = (start, end)
            return True
        return not self._within(total, at, end)

    def _settled_words(self, edits: Sequence[_Edit], settled: int, at: int) -> tuple[int, int, int] | None:
        """Words of the sentence holding ``at`` with the settled edits inside it made, and its
        bounds; None when it has no full stop of its own."""
        if settled < self._settled:
            raise ValueError("settled edits cannot be taken back")
        text = self._text
        # self.bounds(at), its common case inline: this runs once or twice per term explained
        found = self._known_bounds if self._known <= at <= self._reach else self.bounds(at)
        known = self._sentences.get(found)
        if known is None:
            start, end = found
            sentence = text[start:end]
            known = (words(sentence), sentence.rstrip().endswith((".", "!", "?")))
            self._sentences[found] = known
        total, closed = known
        if not closed:
            return None
        start, end = found
        log = self._log
        if settled > self._settled:
            self._settle(edits, settled)
        counted = self._counted.get(found)
        if counted is None:  # a sentence met first: the settled edits inside it, by a search
            changes = self._changes
            i = bisect_left(changes, (start,))
            count = len(changes)
            while i < count and changes[i][0] <= end:
                if changes[i][1] <= end:
                    total += changes[i][2]
                i += 1
        else:  # met before: only the changes settled since (a list of many terms has many)
            since, total = counted
            for change_start, change_end, change in log[since:]:
                if start <= change_start and change_end <= end:
                    total += change
        self._counted[found] = (len(log), total)
        return total, start, end

    def _settle(self, edits: Sequence[_Edit], settled: int) -> None:
        """Take the word changes of ``edits[self._settled:settled]`` into the settled ones."""
        if settled < self._settled:
            raise ValueError("settled edits cannot be taken back")
        text = self._text
        changes = self._changes
        log = self._log
        for edit in edits[self._settled : settled]:
            change = _change(text, edit)
            if change:  # most edits write the words as they are (the term kept, a sentence after)
                entry = (edit.start, edit.end, change)
                insort(changes, entry)
                log.append(entry)
                if change < 0:
                    self._shrunk = True
        self._settled = settled

    def _within(self, total: int, at: int, end: int) -> bool:
        """``total`` words, with room kept for the abbreviations still to come, fit the limit."""
        if total > self._limit:  # reserve only adds words: over already
            return False
        if self._starts is None:
            self._starts = [use.match.start for use in self._uses]
        return total + reserve(self._text, at, self._uses, self._glossary, end, self._starts) <= self._limit


__all__ = ["SentenceFit", "reach", "same_sentence"]

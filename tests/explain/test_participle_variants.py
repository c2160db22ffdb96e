"""A variant made through a stem guessed from a participle never takes a word from the term that
writes that stem: "Lactated Ringer's" is lactate, not lactating."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plainlang.explain import Glossary
from plainlang.explain.variants import participle_forms, verb_forms


def _terms(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.term) for m in Glossary.load(()).find(text)]


def test_lactated_is_a_form_of_lactate_not_of_lactating() -> None:
    assert ("Lactated", "lactate") in _terms("Lactated Ringer's Injection is given.")
    assert ("lactating", "lactating") in _terms("Women who are lactating cannot join.")


def test_participle_terms_keep_their_other_participle_where_no_term_writes_the_stem() -> None:
    found = _terms("People were screened, then staged.")
    assert ("screened", "screening") in found


def test_participle_forms_are_the_last_words_verb_forms() -> None:
    assert participle_forms("lactating") == frozenset(verb_forms("lactating"))
    assert "fluid lactated" in participle_forms("fluid lactating")
    assert participle_forms("lactate") == frozenset()


@given(st.from_regex(r"[a-z]{2,8}(ed|ing)", fullmatch=True))
def test_participle_forms_never_hold_the_word_itself(word: str) -> None:
    forms = participle_forms(word)
    assert word not in forms
    assert forms <= frozenset(verb_forms(word))

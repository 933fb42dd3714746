"""Passive to active: 'Uw aanvraag wordt door de gemeente beoordeeld.' -> 'De gemeente beoordeelt uw aanvraag.'

Only simple main clauses are rewritten: one finite verb (a form of 'worden', a
modal with 'worden', or 'zijn' with a 'door' phrase), the participle last or
followed by a prepositional phrase, the subject a noun phrase. The agent is the
'door' phrase; without one, 'wij' only when the letter speaks as 'wij'. Verb
forms come from the tense of the finite verb and the person of the agent.
Anything else gets no rewrite: a wrong sentence is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import conjugation
from ..model import Edit, Finding, Fix
from . import rewriter
from .phrases import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    SUBJECT_PRONOUNS,
    head_noun,
    lower_first,
    noun_phrase_end,
    original,
    render,
    sentence_case,
    words,
)

MODALS = frozenset({"kunnen", "moeten", "zullen", "mogen", "willen"})
FINITE_AUXILIARIES = frozenset({
    "wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren", "kan", "kunnen", "kunt", "kon", "konden",
    "moet", "moeten", "moest", "moesten", "zal", "zullen", "zult", "zou", "zouden", "mag", "mogen", "mocht",
    "mochten", "wil", "willen", "wilt", "wilde", "wilden",
})
PAST_FORMS = frozenset({"werd", "werden", "was", "waren", "kon", "konden", "moest", "moesten", "zou", "zouden",
                        "mocht", "mochten", "wilde", "wilden"})


@rewriter("passive-voice")
def active_voice(ctx, finding: Finding) -> tuple[Fix, ...]:
    sentence = ctx.sentence_of(ctx.token_range(finding.start, finding.end).start)
    if sentence is None:
        return ()
    text = _active(ctx, sentence.span)
    if text is None:
        return ()
    span = sentence.span
    return (Fix((Edit(span.start_char, span.end_char, text),), "proposed", "Schrijf de zin actief: zeg wie het doet."),)


def _active(ctx, span) -> str | None:
    tokens = words(span)
    finite = _finite_verbs(tokens)
    participle = _participle(tokens)
    if len(finite) != 1 or participle is None or finite[0] > participle:
        return None
    position, verb_token = finite[0], tokens[finite[0]]
    auxiliary = conjugation.lemma_of_auxiliary(verb_token.lower_)
    has_worden = any(t.lower_ == "worden" for t in tokens[position + 1 : participle])
    kind = "present" if auxiliary == "worden" else "modal" if auxiliary in MODALS and has_worden else \
        "perfect" if auxiliary == "zijn" else None
    verb = conjugation.infinitive_of_participle(tokens[participle].lower_)
    if kind is None or verb is None:
        return None
    middle = [t for t in tokens[position + 1 : participle] if t.lower_ != "worden"]
    subject, prefield, middle = _subject(tokens[:position], middle)
    if subject is None:
        return None
    agent, middle = _agent(middle)
    if agent is None and (kind == "perfect" or not ctx.profile.speaks_as_we):
        return None  # 'is gekomen' is no passive; a passive without agent becomes 'wij' only in a 'wij' letter
    clause = Clause(prefield, subject, middle, tokens[participle + 1 :], verb, tokens[participle].lower_)
    return _compose(ctx, clause, agent, kind, verb_token, span[-1].text if span[-1].is_punct else "")


def _finite_verbs(tokens) -> list[int]:
    """Positions of the finite verbs: the first auxiliary form after the first word (the tagger misses
    'moeten' and 'worden' as finite verbs), and any other verb tagged finite that does not follow an
    article ('de aanvragen' is a noun)."""
    auxiliary = next((i for i, t in enumerate(tokens) if i and t.lower_ in FINITE_AUXILIARIES), None)
    others = [i for i, t in enumerate(tokens) if t.tag_.startswith("WW|pv") and i != auxiliary
              and t.lower_ not in FINITE_AUXILIARIES and not (i and tokens[i - 1].lower_ in DETERMINERS)]
    return ([auxiliary] if auxiliary is not None else []) + others


def _participle(tokens) -> int | None:
    """The participle: last, or followed only by a prepositional phrase ('uitgenodigd voor een gesprek')."""
    for index in range(len(tokens) - 1, 0, -1):
        if tokens[index].tag_.startswith("WW|vd"):
            after = tokens[index + 1 :]
            return index if not after or after[0].pos_ == "ADP" else None
    return None


def _subject(before: list, middle: list):
    """(subject tokens, prefield tokens, remaining middle): subject first, or right after the finite verb."""
    if before and noun_phrase_end(before, 0) == len(before):
        return before, [], middle
    end = noun_phrase_end(middle, 0) if middle else 0
    if before and end:
        return middle[:end], before, middle[end:]
    return None, [], middle


def _agent(middle: list):
    """The 'door' phrase: its noun phrase's words, and the middle without it."""
    for index, token in enumerate(middle):
        if token.lower_ == "door":
            end = noun_phrase_end(middle, index + 1)
            if end > index + 1:
                return middle[index + 1 : end], middle[:index] + middle[end:]
    return None, middle


@dataclass(slots=True)
class Clause:
    prefield: list
    subject: list
    middle: list
    after: list
    """A prepositional phrase after the participle: it stays last."""
    verb: str
    participle: str


def _compose(ctx, clause: Clause, agent, kind: str, finite, punctuation: str) -> str | None:
    agent_text, person = _agent_person(ctx, agent) if agent else ("wij", "pl")
    past = finite.lower_ in PAST_FORMS
    if kind == "present":
        form = conjugation.past(clause.verb, person == "pl") if past else conjugation.present(clause.verb, person)
        tail = conjugation.split_particle(clause.verb)[0]
    elif kind == "modal":
        modal = conjugation.lemma_of_auxiliary(finite.lower_)
        form = conjugation.past(modal, person == "pl") if past else conjugation.present(modal, person)
        tail = clause.verb
    else:
        form = conjugation.past("hebben", person == "pl") if past else conjugation.present("hebben", person)
        tail = clause.participle
    object_text = _object(ctx, clause.subject)
    if form is None or object_text is None:
        return None
    middle = clause.middle
    indirect = ""
    if middle and middle[0].lower_ in OBJECT_PRONOUNS.values() and middle[0].pos_ == "PRON":
        indirect, middle = original(ctx, middle[0]), middle[1:]  # 'wordt u toegestuurd' -> 'sturen u ... toe'
    objects = [indirect, object_text, render(ctx, middle) if middle else ""]
    after = render(ctx, clause.after) if clause.after else ""
    head = [render(ctx, clause.prefield), form, agent_text] if clause.prefield else [agent_text, form]
    parts = [*head, *objects, tail, after]
    return sentence_case(" ".join(part for part in parts if part)) + punctuation


def _agent_person(ctx, agent) -> tuple[str, str]:
    """The agent as a subject ('ons' -> 'wij') and its grammatical person."""
    if len(agent) == 1 and agent[0].pos_ == "PRON":
        text = SUBJECT_PRONOUNS.get(agent[0].lower_, original(ctx, agent[0]))
        return text, conjugation.person_of([text], False)
    return render(ctx, agent), "pl" if "Plur" in head_noun(agent).morph.get("Number") else "3sg"


def _object(ctx, subject) -> str | None:
    if len(subject) == 1 and subject[0].pos_ == "PRON":
        return OBJECT_PRONOUNS.get(subject[0].lower_)
    text = render(ctx, subject)
    return lower_first(text, subject[0])

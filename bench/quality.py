"""Quality of the findings on real letters: the regression set in realletters/, labelled by hand.

    python bench/quality.py [--details]

Prints, next to the targets of issue 11:
- F1 per letter-level verdict (threat: any finding of the threat category; the others: their rule fires);
- jargon precision and recall: a labelled term is found when a `jargon` finding's text is the same word or
  phrase (case-insensitive, by lemma, list word or word stem; findings with the very words of a label are paired
  with it first; a split verb's finding 'treft' counts as the 'aantreffen' it stood for); a term is found too
  where a nominalisation or a vague deadline reports it, once, with a fix that removes it ('bezwaar indienen' ->
  'bezwaar maken', 'tijdig' -> a date: failure mode 8 of issue 11); precision counts the distinct jargon findings
  per letter;
- CEFR level agreement, exact and within one step, and how many before/after pairs come out in order;
- the share of letters with a missing-help finding, beside the labelled share.
--details lists every disagreement per letter; --batch N scores one batch only (2 to 9 were labelled blind).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "realletters"
VERDICTS = ("threat", "missing-action", "missing-contact", "missing-help", "vague-deadline")
TARGETS = {"threat": 0.90, "missing-action": 0.90, "missing-contact": 0.90, "missing-help": 0.85,
           "vague-deadline": 0.85, "jargon recall": 0.85, "jargon precision": 0.90, "level within one": 0.95,
           "level exact": 0.65}
ENDINGS = re.compile(r"(ingen|ing|heden|heid|en|e|s|d|t)$")
DOUBLED = re.compile(r"([bdfgklmnprst])\1$")
VOWEL_PAIRS = re.compile(r"([aeou])\1")
REPORTED_ELSEWHERE = frozenset({"nominalisation", "vague-deadline"})
"""Rules more specific than jargon whose findings report the officialese they cover."""


@dataclass
class Outcome:
    """What the checker said about one letter."""

    label: dict
    verdicts: dict[str, bool]
    jargon: set[str]
    level: str | None
    found_terms: set[str] = field(default_factory=set)
    false_terms: set[str] = field(default_factory=set)


def batch(label: dict) -> int:
    """The batch a letter was added in: the first 40, then the blind batches (``heldout = true``, ``batch = 3``)."""
    return label.get("batch", 2 if label.get("heldout") else 1)


def load_set() -> list[dict]:
    with (SET / "letters.toml").open("rb") as handle:
        return tomllib.load(handle)["letter"]


def predicted_verdicts(report) -> dict[str, bool]:
    rules = {f.rule for f in report.findings}
    threat = any(f.category == "threat" for f in report.findings)
    return {name: threat if name == "threat" else name in rules for name in VERDICTS}


def forms(text: str, checker) -> set[tuple[str, ...]]:
    """A word or phrase as written: its lowercase words, their lemmas and their list words."""
    doc = checker.nlp(text.lower())
    words = [t for t in doc if not t.is_punct]
    written = [tuple(t.lower_ for t in words), tuple(t.lemma_.lower() for t in words),
               tuple(checker.lexicon.list_word(t.lower_) for t in words)]
    if len(words) > 1:  # a separable verb in pieces: 'in te dienen', 'deel ik u mede'
        written += [("".join(t.lower_ for t in words if t.lower_ != "te"),), (words[-1].lower_ + words[0].lower_,)]
    return set(written)


def stems(written: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The forms and the forms cut to a stem, to compare loosely."""
    return written | {tuple(_stem(word) for word in form) for form in written}


def _stem(word: str) -> str:
    return VOWEL_PAIRS.sub(r"\1", DOUBLED.sub(r"\1", ENDINGS.sub("", word)))


def _matches(found: set[tuple[str, ...]], keys: set[tuple[str, ...]]) -> bool:
    """The same words, or one found inside the other ('verzoek ik u' holds 'verzoek'; 'voldoen' is in 'voldoen aan'),
    or a phrase's words in a finding that split it ('stellen u nog 14 dagen in de gelegenheid')."""
    return any(_inside(a, b) or _inside(b, a) or (len(b) > 1 and set(b) <= set(a)) for a in found for b in keys)


def _inside(small: tuple[str, ...], large: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(large[i : i + n] == small for i in range(len(large) - n + 1))


def score_letter(label: dict, report, checker, list_words: dict[str, tuple[str, ...]] | None = None) -> Outcome:
    """``list_words``: per jargon finding, the list words its tokens stood for in the letter ('treft' in 'treft u
    ... aan' stood for 'aantreffen'), which the finding's text alone does not show."""
    jargon = {f.text for f in report.findings if f.rule == "jargon"}
    level = report.readability.level if report.readability else None
    outcome = Outcome(label, predicted_verdicts(report), jargon, level)
    found_forms = {text: forms(text, checker) | {(list_words or {}).get(text, ())} - {()} for text in jargon}
    label_forms = {term: forms(term, checker) for term in label["jargon"]}
    written = {text: tuple(text.lower().split()) for text in [*jargon, *label["jargon"]]}
    # The same words first, so that a loose match ('indienen' ~ 'Indien') does not take a finding that is the very
    # term of another label ('indien'); then the loose matches of every label ('voldoen aan' ~ 'voldaan').
    for exact in (True, False):
        for term in label["jargon"]:
            keys = label_forms[term]
            matches = {text for text, found in found_forms.items()
                       if (written[text] == written[term] if exact else _matches(stems(found), stems(keys)))}
            if matches:
                outcome.found_terms.add(term)
            found_forms = {text: found for text, found in found_forms.items() if text not in matches}
    outcome.false_terms = set(found_forms)
    elsewhere = {f.text: stems(forms(f.text, checker)) for f in report.findings if f.rule in REPORTED_ELSEWHERE}
    for term in sorted(set(label["jargon"]) - outcome.found_terms):
        covering = next((text for text, found in elsewhere.items() if _matches(found, stems(label_forms[term]))), None)
        if covering is not None:
            outcome.found_terms.add(term)
            del elsewhere[covering]
    return outcome


def f1(outcomes: list[Outcome], name: str) -> float:
    pairs = [(o.label[name], o.verdicts[name]) for o in outcomes]
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if pred and not gold)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)


def level_figures(outcomes: list[Outcome]) -> tuple[float, float, str]:
    from lettercheck.model import CEFR

    steps = [abs(CEFR.index(o.level) - CEFR.index(o.label["level"])) if o.level else 9 for o in outcomes]
    by_file = {o.label["file"]: o for o in outcomes}
    pairs = {tuple(sorted((o.label["file"], o.label["pair"]))) for o in outcomes if "pair" in o.label}
    ordered = sum(1 for a, b in pairs if _in_order(by_file[a], by_file[b]))
    return (sum(s == 0 for s in steps) / len(steps), sum(s <= 1 for s in steps) / len(steps),
            f"{ordered} of {len(pairs)}")


def _in_order(a: Outcome, b: Outcome) -> bool:
    from lettercheck.model import CEFR

    if not (a.level and b.level):
        return False
    gold = CEFR.index(a.label["level"]) - CEFR.index(b.label["level"])
    seen = CEFR.index(a.level) - CEFR.index(b.level)
    return gold * seen > 0


def evaluate() -> list[Outcome]:
    from lettercheck.engine import Checker
    from lettercheck.readers import read_letter

    checker = Checker()
    labels = load_set()
    analyses = checker.analyse_many(read_letter(SET / label["file"]) for label in labels)
    return [score_letter(label, analysis.report(), checker, _list_words(analysis))
            for label, analysis in zip(labels, analyses, strict=True)]


def _list_words(analysis) -> dict[str, tuple[str, ...]]:
    spans = {f.text: analysis.doc.char_span(f.start, f.end, alignment_mode="expand")
             for f in analysis.findings if f.rule == "jargon"}
    return {text: tuple(t.norm_ for t in span if not t.is_punct) for text, span in spans.items() if span is not None}


def line(name: str, value: float, shown: str | None = None) -> str:
    target = TARGETS.get(name)
    mark = "" if target is None else f"   target >= {target:.2f}: {'met' if value >= target else 'NOT MET'}"
    return f"  {name:<22}{shown or f'{value:.2f}':>10}{mark}"


def summary(outcomes: list[Outcome]) -> list[str]:
    lines = [f"real letters: {len(outcomes)} (realletters/letters.toml)", "verdicts (F1):"]
    lines += [line(name, f1(outcomes, name)) for name in VERDICTS]
    labelled = sum(len(o.label["jargon"]) for o in outcomes)
    found = sum(len(o.found_terms) for o in outcomes)
    flagged = sum(len(o.jargon) for o in outcomes)
    false = sum(len(o.false_terms) for o in outcomes)
    lines.append("jargon:")
    lines.append(line("jargon recall", found / labelled if labelled else 1.0, f"{found}/{labelled}"))
    right = flagged - false
    lines.append(line("jargon precision", right / flagged if flagged else 1.0, f"{right}/{flagged}"))
    exact, within, ordered = level_figures(outcomes)
    lines += ["level:", line("level exact", exact), line("level within one", within),
              f"  {'pairs in order':<22}{ordered:>10}"]
    share = sum(o.verdicts["missing-help"] for o in outcomes) / len(outcomes)
    gold = sum(o.label["missing-help"] for o in outcomes) / len(outcomes)
    lines.append(f"missing-help fires on {share:.0%} of the letters (labelled: {gold:.0%})")
    return lines


def details(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        wrong = [f"{n}: labelled {o.label[n]}, found {o.verdicts[n]}" for n in VERDICTS if o.label[n] != o.verdicts[n]]
        missed = sorted(set(o.label["jargon"]) - o.found_terms)
        if o.level != o.label["level"]:
            wrong.append(f"level: labelled {o.label['level']}, found {o.level}")
        if missed:
            wrong.append(f"jargon missed: {', '.join(missed)}")
        if o.false_terms:
            wrong.append(f"jargon not labelled: {', '.join(sorted(o.false_terms))}")
        lines += [o.label["file"], *(f"  {w}" for w in wrong)] if wrong else []
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every disagreement per letter")
    parser.add_argument("--batch", type=int, help="only one batch: 1 (the first 40), 2 to 9 (labelled blind)")
    args = parser.parse_args()
    outcomes = evaluate()
    if args.batch:
        outcomes = [o for o in outcomes if batch(o.label) == args.batch]
    print("\n".join(summary(outcomes)))
    if args.details:
        print("\n".join(["", *details(outcomes)]))


if __name__ == "__main__":
    main()

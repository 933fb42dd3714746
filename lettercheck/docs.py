"""Rule documentation generated from the rule catalogue (docs/rules.md)."""

from __future__ import annotations

import re

from .catalogue import load_categories, load_rules
from .model import SEVERITY_LABELS

FIX_SAFETY = {
    "safe": "Safe: the suggestion can replace the flagged text as it stands.",
    "proposed": "Proposed: the suggestion shows a better direction; a person rewrites the sentence.",
    "none": "No rewrite is offered.",
}


def rules_markdown() -> str:
    rules = load_rules()
    lines = [
        "# Rules",
        "",
        "Generated from `wordlists/rules.toml` by `python -m lettercheck rules --markdown`;",
        "edit the catalogue, not this file. Messages and examples are Dutch, as the users see them.",
        "Word-list rules take their per-entry messages and suggestions from the `.tsv` files in `wordlists/`.",
        "",
    ]
    for category in load_categories().values():
        lines += [f"## {category.id} ({category.label})", ""]
        for rule in (r for r in rules.values() if r.category == category.id):
            lines += [
                f"### `{rule.id}`",
                "",
                f"Severity: `{rule.severity}`. Message: {rule.message}",
                "",
                "**Why is this bad?** " + " ".join(rule.why.split()),
                "",
                "**Example**",
                "",
                _quote(rule.bad),
                "",
                "**Use instead**",
                "",
                _quote(rule.good),
                "",
                f"**Suggestion:** {_template(rule.suggestion)}",
                "",
                f"**Fix safety:** {FIX_SAFETY[rule.fix]}",
                "",
            ]
    return "\n".join(lines)


def _template(text: str) -> str:
    """Show a message template's fields as the reader will see them filled in."""
    return text.replace("{alternatives}", "'…' (the alternatives of the word-list entry)")


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.strip().split("\n"))


FIELD = re.compile(r"\{\w+\}")
"""A field of a message template, filled in by the check."""
FIX_LABELS = {"safe": "veilig (kan zo worden overgenomen)", "proposed": "voorstel (laat iemand meekijken)",
              "none": "geen herschrijving"}


def rules_table(rule_ids: list[str] | None = None) -> str:
    """One line per rule: id, category, severity, message."""
    rules = load_rules()
    shown = [rules[rule_id] for rule_id in rule_ids] if rule_ids is not None else list(rules.values())
    width = max(len(rule.id) for rule in shown)
    return "\n".join(
        f"{rule.id:<{width}}  {rule.category:<9} {SEVERITY_LABELS[rule.severity]:<12} {rule.message}"
        for rule in shown
    )


def rule_text(rule_id: str) -> str:
    """A rule's documentation for the terminal, in Dutch (``lettercheck rules ID``)."""
    rule = load_rules()[rule_id]
    category = load_categories()[rule.category]
    return "\n".join([
        f"{rule.id} ({category.label})",
        f"Ernst: {SEVERITY_LABELS[rule.severity]} · herschrijving: {FIX_LABELS[rule.fix]}",
        "",
        f"Melding: {FIELD.sub('…', rule.message)}",
        "",
        "Waarom: " + " ".join(rule.why.split()),
        "",
        "Zo niet:",
        _indent(rule.bad),
        "",
        "Maar zo:",
        _indent(rule.good),
        "",
        f"Suggestie: {FIELD.sub('…', rule.suggestion)}",
    ])


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().split("\n"))

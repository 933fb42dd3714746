"""Rule documentation generated from the rule catalogue (docs/rules.md)."""

from __future__ import annotations

from .output import CATEGORY_LABELS, SEVERITY_LABELS
from .rules import CATEGORIES, load_rules

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
    for category in CATEGORIES:
        lines += [f"## {category} ({CATEGORY_LABELS[category]})", ""]
        for rule in (r for r in rules.values() if r.category == category):
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


def rules_table() -> str:
    rules = load_rules()
    width = max(map(len, rules))
    return "\n".join(
        f"{rule.id:<{width}}  {rule.category:<9} {SEVERITY_LABELS[rule.severity]:<12} {rule.message}"
        for rule in rules.values()
    )

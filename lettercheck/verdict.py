"""The pass/fail decision for CI: whether a report meets the bar, and why not (in Dutch)."""

from __future__ import annotations

from .model import CEFR, SEVERITY_LABELS, Report, severity_rank


def failures(report: Report, fail_on: str = "error", max_level: str | None = None) -> list[str]:
    """Why ``report`` falls below the bar; empty when it passes (or could not be read)."""
    if report.error is not None:
        return []
    reasons = []
    threshold = severity_rank(fail_on)
    counts: dict[str, int] = {}
    for finding in report.findings:
        if severity_rank(finding.severity) >= threshold:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
    if counts:
        parts = [f"{counts[s]} × {SEVERITY_LABELS[s]}" for s in sorted(counts, key=severity_rank, reverse=True)]
        reasons.append(f"bevindingen vanaf '{SEVERITY_LABELS[fail_on]}' (--fail-on): {', '.join(parts)}")
    level = report.readability.level if report.readability else None
    if max_level and level and CEFR.index(level) > CEFR.index(max_level):
        reasons.append(f"taalniveau {level} is hoger dan {max_level} (--max-level)")
    return reasons


def fails(report: Report, fail_on: str = "error", max_level: str | None = None) -> bool:
    return bool(failures(report, fail_on, max_level))

"""Horizontal bar charts as inline SVG: no script, no external asset, readable without colour (values are
written next to the bars)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 520
LABEL_WIDTH = 230
BAR_WIDTH = 220
ROW = 32
BAR = 20


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    shown: str
    """The value as written next to the bar ("12", "40%")."""
    style: str
    """CSS class of the bar."""


def bar_chart(bars: list[Bar], title: str, *, scale: float | None = None, line_after: int | None = None,
              line_label: str = "") -> str:
    """Bars scaled to ``scale`` (default: the largest value); a dashed line under bar ``line_after`` (the target)."""
    top = scale or max((bar.value for bar in bars), default=0) or 1
    height = ROW * len(bars) + 8
    parts = [f'<svg class="grafiek" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for row, bar in enumerate(bars):
        y = row * ROW + 4
        length = max(0.0, bar.value / top * BAR_WIDTH)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 4}" text-anchor="end">{escape(bar.label)}</text>',
            f'<rect class="{escape(bar.style)}" x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR}" rx="2"/>',
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR - 4}">{escape(bar.shown)}</text>',
        ]
    if line_after is not None:
        y = (line_after + 1) * ROW + 1
        parts += [f'<line class="doel" x1="0" x2="{WIDTH}" y1="{y}" y2="{y}"/>',
                  f'<text class="doel" x="{WIDTH - 4}" y="{y - 4}" text-anchor="end">{escape(line_label)}</text>']
    parts.append("</svg>")
    return "".join(parts)

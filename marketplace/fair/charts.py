"""Small server-rendered SVG bar charts (no charting library): horizontal grouped bars, one group per label,
one bar per series, with the value written at the end of each bar. Text is escaped; the chart has a <title>
and an aria-label so screen readers announce it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.translation import gettext as _

COLORS = ("#b0361d", "#9aa5b1", "#2f6f4f", "#c9a227")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | int | float]
    color: str = ""


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart_svg(*, title: str, labels: Sequence[str], series: Sequence[Series],
                  value_format: Callable[[Decimal | int | float], str] = str, width: int = 760,
                  label_width: int = 230, bar_height: int = 14, max_rows: int = 15) -> str:
    labels = list(labels)[:max_rows]
    group_height = bar_height * len(series) + 10
    top, legend_height = 34, 22
    height = top + legend_height + group_height * max(len(labels), 1) + 10
    peak = max((float(v) for s in series for v in list(s.values)[:max_rows]), default=0) or 1.0
    plot_width = width - label_width - 110
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="fair-chart" font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" font-size="15" font-weight="600" fill="#1b1b1b">{escape(title)}</text>',
    ]
    x = label_width
    for index, s in enumerate(series):
        color = s.color or COLORS[index % len(COLORS)]
        parts.append(f'<rect x="{x}" y="{top - 10}" width="12" height="12" fill="{color}"/>')
        parts.append(f'<text x="{x + 16}" y="{top}" fill="#333">{escape(s.name)}</text>')
        x += 20 + 8 * len(s.name) + 20
    if not labels:
        parts.append(f'<text x="0" y="{top + legend_height + 14}" fill="#555">{escape(_("Chưa có số liệu"))}</text>')
    for row, label in enumerate(labels):
        y0 = top + legend_height + row * group_height
        parts.append(f'<text x="{label_width - 8}" y="{y0 + group_height / 2 + 2:.0f}" text-anchor="end" '
                     f'fill="#1b1b1b"><title>{escape(label)}</title>{escape(_short(label, 34))}</text>')
        for index, s in enumerate(series):
            value = list(s.values)[row] if row < len(s.values) else 0
            bar = max(float(value) / peak * plot_width, 0)
            y = y0 + index * bar_height
            color = s.color or COLORS[index % len(COLORS)]
            parts.append(f'<rect x="{label_width}" y="{y}" width="{bar:.1f}" height="{bar_height - 2}" '
                         f'fill="{color}"/>')
            parts.append(f'<text x="{label_width + bar + 4:.1f}" y="{y + bar_height - 4}" fill="#333">'
                         f"{escape(value_format(value))}</text>")
    parts.append("</svg>")
    return "".join(parts)

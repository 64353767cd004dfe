"""A small, deterministic SVG chart: one row of squares per group, sponsors filled.

The picture is self-contained: no scripts, no external fonts, images or
hosts; text uses the reader's own system fonts.  The same input always gives
the same bytes (integer coordinates, fixed order and fixed ids).
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import escape_html

FONTS = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans', sans-serif"
INK = "#1f2328"
MUTED = "#57606a"
FILLED = "#0b5cad"
EMPTY = "#d0d7de"

CELL, STEP = 9, 11
ROW_HEIGHT = 70
TOP = 44
MARGIN = 12


@dataclass(frozen=True)
class Row:
    """One group: its label, a detail (counts), how many members, and the filled members' codes."""

    label: str
    detail: str
    members: int
    filled: tuple[str, ...]


def waffle(rows: list[Row], title: str, description: str, legend: tuple[str, str]) -> str:
    """The chart as an SVG document (a string ending with a newline).

    Each row: the label and its detail on one line, then one square per
    member (filled ones first), then the filled members' codes.
    """
    widest = max((max(r.members, len(r.filled)) for r in rows), default=0)
    width = max(widest * STEP, 360) + 2 * MARGIN
    height = TOP + len(rows) * ROW_HEIGHT + 24
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="chart-title chart-desc" font-family="{FONTS}">',
        f'<title id="chart-title">{escape_html(title)}</title>',
        f'<desc id="chart-desc">{escape_html(description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="24" font-size="16" font-weight="700" fill="{INK}">{escape_html(title)}</text>',
    ]
    for i, row in enumerate(rows):
        y = TOP + i * ROW_HEIGHT
        out.append(f'<text x="{MARGIN}" y="{y + 14}" font-size="14" fill="{INK}">'
                   f'<tspan font-weight="700">{escape_html(row.label)}</tspan>'
                   f'<tspan fill="{MUTED}"> {escape_html(row.detail)}</tspan></text>')
        for k in range(max(row.members, len(row.filled))):
            fill = FILLED if k < len(row.filled) else EMPTY
            out.append(f'<rect x="{MARGIN + k * STEP}" y="{y + 24}" width="{CELL}" height="{CELL}" fill="{fill}"/>')
        if row.filled:
            out.append(f'<text x="{MARGIN}" y="{y + 52}" font-size="12" fill="{INK}">{escape_html(" · ".join(row.filled))}</text>')
    y = TOP + len(rows) * ROW_HEIGHT
    out.append(f'<rect x="{MARGIN}" y="{y}" width="{CELL}" height="{CELL}" fill="{FILLED}"/>')
    out.append(f'<text x="{MARGIN + 15}" y="{y + 9}" font-size="12" fill="{INK}">{escape_html(legend[0])}</text>')
    out.append(f'<rect x="{MARGIN + 150}" y="{y}" width="{CELL}" height="{CELL}" fill="{EMPTY}"/>')
    out.append(f'<text x="{MARGIN + 165}" y="{y + 9}" font-size="12" fill="{INK}">{escape_html(legend[1])}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"

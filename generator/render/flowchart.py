"""A deterministic SVG picture of a series: one column per resolution, one bar per paragraph.

Each bar is coloured by the resolution in which its paragraph's line begins;
a changed paragraph carries a dark tick at its left edge; curves join each
paragraph to the one it continues in the column before.  No scripts, fonts
or hosts; integer coordinates and a fixed order give the same bytes for the
same input.  The page beside it carries the same facts as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import escape_html
from .svg import FONTS, INK, MUTED

# Colours that stay apart for the common kinds of colour blindness (Okabe and Ito).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")
LINK = "#8c959f"
BAR_W, BAR_H, GAP, PART_GAP = 64, 6, 2, 10
COL_STEP = 190
LEFT, TOP, LEGEND = 16, 70, 20


@dataclass(frozen=True)
class Bar:
    """A paragraph: its id, the column of the resolution its line begins in, whether it changed,
    and the ids of the paragraphs it continues in the column before."""

    id: str
    origin: int
    changed: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    heading: str
    detail: str
    bars: tuple[Bar, ...]


def _y(index: int, bar: Bar, bars: tuple[Bar, ...]) -> int:
    operative_before = bar.id.startswith("op-") and any(b.id.startswith("pp-") for b in bars)
    return TOP + index * (BAR_H + GAP) + (PART_GAP if operative_before else 0)


def flow(columns: list[Column], legend: list[str], changed_label: str, title: str, description: str) -> str:
    """The picture as an SVG document (a string ending with a newline)."""
    tallest = max((len(c.bars) for c in columns), default=0)
    width = LEFT * 2 + (len(columns) - 1) * COL_STEP + BAR_W + 40
    legend_rows = (len(legend) + 2) // 3 + 1
    height = TOP + tallest * (BAR_H + GAP) + PART_GAP + 30 + legend_rows * LEGEND
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="flow-title flow-desc" font-family="{FONTS}">',
        f'<title id="flow-title">{escape_html(title)}</title>',
        f'<desc id="flow-desc">{escape_html(description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    where: list[dict[str, int]] = []
    for c, column in enumerate(columns):
        x = LEFT + c * COL_STEP
        out.append(f'<text x="{x}" y="24" font-size="15" font-weight="700" fill="{INK}">{escape_html(column.heading)}</text>')
        out.append(f'<text x="{x}" y="44" font-size="12" fill="{MUTED}">{escape_html(column.detail)}</text>')
        where.append({})
        for index, bar in enumerate(column.bars):
            y = _y(index, bar, column.bars)
            where[c][bar.id] = y
            out.append(f'<rect x="{x}" y="{y}" width="{BAR_W}" height="{BAR_H}" fill="{PALETTE[bar.origin % len(PALETTE)]}"/>')
            if bar.changed:
                out.append(f'<rect x="{x}" y="{y}" width="4" height="{BAR_H}" fill="{INK}"/>')
        if c:
            x0 = LEFT + (c - 1) * COL_STEP + BAR_W
            for bar in column.bars:
                for source in bar.sources:
                    if source in where[c - 1]:
                        y0 = where[c - 1][source] + BAR_H // 2
                        y1 = where[c][bar.id] + BAR_H // 2
                        mid = (x0 + x) // 2
                        out.append(f'<path d="M{x0} {y0}C{mid} {y0} {mid} {y1} {x} {y1}" fill="none" stroke="{LINK}" '
                                   f'stroke-width="1" stroke-opacity="0.6"/>')
    y = height - legend_rows * LEGEND
    for k, text in enumerate(legend):
        lx, ly = LEFT + (k % 3) * COL_STEP, y + (k // 3) * LEGEND
        out.append(f'<rect x="{lx}" y="{ly}" width="12" height="10" fill="{PALETTE[k % len(PALETTE)]}"/>')
        out.append(f'<text x="{lx + 18}" y="{ly + 10}" font-size="12" fill="{INK}">{escape_html(text)}</text>')
    ly = y + (len(legend) + 2) // 3 * LEGEND
    out.append(f'<rect x="{LEFT}" y="{ly}" width="4" height="10" fill="{INK}"/>')
    out.append(f'<text x="{LEFT + 18}" y="{ly + 10}" font-size="12" fill="{INK}">{escape_html(changed_label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"

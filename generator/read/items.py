"""The labels of sub-items: lettered (a), (b) ... (z), then doubled (aa),
(bb) ... (zz), and roman (i), (ii) ..., and items nested inside items.

An item continues the deepest list whose next label it is, or a list above
that one; the first label of a scheme ((a) or (i)) opens a list inside the
item before it.  (i) after (h) is the ninth letter unless (ii) follows it, in
which case it opened a roman list inside (h); (ii) after (hh) is a doubled letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_ROMAN_UNITS = [("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1)]


def roman(n: int) -> str:
    """1 -> i, 14 -> xiv (below 40)."""
    out = ""
    for numeral, value in _ROMAN_UNITS:
        while n >= value:
            out += numeral
            n -= value
    return out


ROMANS = tuple(roman(n) for n in range(1, 40))
_ALPHABET = tuple(chr(c) for c in range(ord("a"), ord("z") + 1))
LETTERS = _ALPHABET + tuple(c + c for c in _ALPHABET)
SCHEMES = {"letter": LETTERS, "roman": ROMANS}


def successor(scheme: str, label: str) -> str | None:
    labels = SCHEMES[scheme]
    index = labels.index(label)
    return labels[index + 1] if index + 1 < len(labels) else None


def is_label(label: str) -> bool:
    return label in LETTERS or label in ROMANS


@dataclass
class _Level:
    scheme: str
    last: str


@dataclass
class ItemPlacer:
    """Places the items of one paragraph, one label at a time, in a tree of lists."""

    levels: list[_Level] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)  # the path of each item placed, in order (updated in place)
    moved: bool = False  # whether the last placement moved the item before it (see _ninth_letter_was_roman)

    def expected(self) -> str:
        if not self.levels:
            return "a"
        deepest = self.levels[-1]
        return successor(deepest.scheme, deepest.last) or "a"

    def owner(self) -> list[str]:
        """The path of the item whose list the next label should continue ([] for the paragraph's own list)."""
        return [lv.last for lv in self.levels[:-1]]

    def place(self, label: str) -> list[str] | None:
        """The path of the item labelled `label` (["b", "ii"]), or None if it fits nowhere."""
        self.moved = False
        if label == "ii" and self.levels and self._ninth_letter_was_roman(len(self.levels) - 1):
            self.levels[-1].last = label
            self.moved = True
            return self._placed([lv.last for lv in self.levels])
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if successor(level.scheme, level.last) == label:
                del self.levels[depth + 1:]
                level.last = label
                return self._placed([lv.last for lv in self.levels])
        if label in ("a", "i"):
            self.levels.append(_Level("letter" if label == "a" else "roman", label))
            return self._placed([lv.last for lv in self.levels])
        return None

    def _ninth_letter_was_roman(self, depth: int) -> bool:
        """Whether (ii) shows that the item before, read as the letter (i) after (h), opened a roman list in (h)."""
        level = self.levels[depth]
        if not (level.scheme == "letter" and level.last == "i"):
            return False
        previous = self.paths[-1]
        if len(self.paths) < 2 or self.paths[-2][: depth + 1] != previous[:depth] + ["h"]:
            return False
        level.last = "h"
        self.levels.append(_Level("roman", "i"))
        previous[depth:] = ["h", "i"]
        return True

    def _placed(self, path: list[str]) -> list[str]:
        self.paths.append(path)
        return path

"""Lead phrases: what a paragraph opens with.

A preambular paragraph opens with a lead phrase the lexicon lists
(content/languages/<code>.yml: "Recalling also", "Deeply concerned"), or, where
the lexicon lacks it, with one the layout's `guessed_lead` pattern finds
(content/pdftext.<code>.yml: "Deploring", "Seriously concerned").  After a blank
line any such opening is taken; after a page break only a participle followed by
a lower-case word ("Guided by"), since there a capitalised word is as likely to
be a proper noun that goes on with the sentence ("Convention (Revised), 1949",
"Beijing Declaration").  An operative paragraph opens with the layout's adverbs
and a verb ("Also recalls"), or a listed phrase ("Calls upon").
"""

from __future__ import annotations

import re

from .base import Reading


def preambular_lead(reading: Reading, text: str) -> str | None:
    """The lexicon's lead phrase that `text` opens with, as a whole word, or None."""
    for lead in reading.lang.leads:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return None


def guessed_lead(reading: Reading, text: str, after: str, line: int) -> str | None:
    """The opening phrase of a preambular paragraph whose lead the lexicon lacks, recorded as a decision;
    None if `text` does not open like one (after a page break, see the module's note)."""
    guess = reading.layout.guessed_lead
    m = guess.pattern.match(text)
    if not m:
        return None
    lead = m.group(0)
    word = (m.group("word") or lead.split()[0]).lower()
    if after == "page" and not (guess.participle.match(word) and re.match(r"\s+[a-z]", text[len(lead):])):
        return None
    reading.decide(line, f"took {lead!r} as a preambular lead phrase, although the lexicon does not list it")
    return lead


def operative_lead(reading: Reading, text: str, pid: str, line: int) -> str:
    """The opening phrase of an operative paragraph: its adverbs and verb, or a listed phrase."""
    layout = reading.layout
    remaining, lead = text, ""
    while True:
        adverb = next((a for a in layout.adverbs if remaining.startswith(a + " ")), None)
        if adverb is None:
            break
        lead += adverb + " "
        remaining = remaining[len(adverb) + 1:]
    if lead:
        remaining = remaining[:1].upper() + remaining[1:]
    phrase = next((p for p in layout.phrases if remaining.startswith(p) and (len(remaining) == len(p) or not remaining[len(p)].isalnum())), None)
    if phrase is None:
        m = re.match(r"[A-Z][a-z]+\b", remaining)
        if not m:
            reading.decide(line, f"{pid} does not open with a capitalised verb; no lead phrase")
            return ""
        phrase = m.group()
    return text[: len(lead) + len(phrase)]

"""The changes page of a resolution against the one before it: the whole text as a redline.

For each paragraph, in order: the words it inserts and deletes against the
paragraph it continues (generator.analyse.lineage), marked up as <ins> and
<del> with words a screen reader announces ("inserted:", "deleted:"), so
that the change is not told by colour alone; new paragraphs marked new;
dropped paragraphs shown with their last wording, where they stood.  The
diff is by word (an LCS alignment that only inserts and deletes), items
start a line of their own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rapidfuzz.distance import Indel

from ..knowledge.lexicon import load_lexicon
from ..knowledge.ui import strings
from ..model.document import Paragraph
from ..model.lineage import Step
from ..paths import safe_path
from ..urls import split_id
from .edition import Edition, href
from .markup import escape, escape_html

CHANGES = "changes.md"
_TOKEN = re.compile(r"\S+\s*")
_LABEL = re.compile(r"^\([a-z]{1,5}\)$")


def tokens(p: Paragraph) -> list[str]:
    """A paragraph's words, each with the space after it; each item opens with its label, "(a)"."""
    out = _TOKEN.findall(p.text)
    for s in p.subparagraphs:
        out.append(f"({s.label}) ")
        out += _TOKEN.findall(s.text)
    return out


def redline(old: list[str], new: list[str], ui: dict) -> list[str]:
    """HTML paragraphs of the words of `new` against `old`, inserted and deleted runs marked; a label opens a paragraph."""
    key_old, key_new = [t.strip() for t in old], [t.strip() for t in new]
    runs: list[list[tuple[str, str]]] = []
    for op in Indel.opcodes(key_old, key_new):
        if op.tag == "equal":
            runs.append([("", t) for t in new[op.dest_start:op.dest_end]])
        elif op.tag == "delete":
            runs.append([("del", t) for t in old[op.src_start:op.src_end]])
        else:
            runs.append([("ins", t) for t in new[op.dest_start:op.dest_end]])
    for i in range(len(runs) - 1):  # what a change deletes reads before what it inserts
        if runs[i][0][0] == "ins" and runs[i + 1][0][0] == "del":
            runs[i], runs[i + 1] = runs[i + 1], runs[i]
    blocks: list[list[tuple[str, str]]] = [[]]
    for kind, token in (pair for run in runs for pair in run):
        if _LABEL.match(token.strip()) and blocks[-1]:
            blocks.append([])
        blocks[-1].append((kind, token))
    return [_marked(block, ui) for block in blocks if block]


def _marked(block: list[tuple[str, str]], ui: dict) -> str:
    """One paragraph of (kind, token) runs as HTML: consecutive tokens of one kind in one <ins> or <del>."""
    out: list[str] = []
    i = 0
    while i < len(block):
        kind = block[i][0]
        j = i
        while j < len(block) and block[j][0] == kind:
            j += 1
        text = "".join(t for _, t in block[i:j])
        trail = text[len(text.rstrip()):]
        body = escape(text.rstrip())
        if kind:
            said = ui["inserted"] if kind == "ins" else ui["deleted"]
            out.append(f'<{kind}><span class="visually-hidden">{escape(said)} </span>{body}'
                       f'<span class="visually-hidden"> {escape(ui["end"])}</span></{kind}>{trail}')
        else:
            out.append(body + trail)
        i = j
    return "<p>" + "".join(out).rstrip() + "</p>"


class ChangesPage:
    """The changes page of one edition against the same language's version of the resolution before."""

    def __init__(self, edition: Edition, step: Step):
        self.edition = edition
        self.step = step
        self.previous = edition.in_work(edition.collection.work(step.previous))
        if self.previous is None:
            raise ValueError(f"no {edition.lang} version of {step.previous}")
        all_strings = strings(edition.lang)
        self.ui = all_strings["series"]["changes"]
        self.series_ui = all_strings["series"]
        self.language = load_lexicon().languages[edition.lang]

    def label(self, pid: str) -> str:
        kind, number, _ = split_id(pid)
        return self.language.label("preambular" if kind == "pp" else "operative", n=number)

    def link(self, to: Edition, target: str) -> str:
        return href(self.edition.url(CHANGES), to.url(target))

    def head(self, pid: str, status: str, extra: list[str], to: Edition) -> str:
        page = self.link(to, f"{split_id(pid)[0]}/{split_id(pid)[1]}.md")
        parts = [f'<a href="{escape_html(page)}">{escape(self.label(pid))}</a>',
                 f'<span class="change__status">{escape(status)}</span>'] + [escape(x) for x in extra]
        return '<p class="change__head">' + " · ".join(parts) + "</p>"

    def paragraph(self, p: Paragraph) -> str:
        link = self.step.link(p.id)
        assert link is not None
        old_res = self.previous.res
        statuses = self.series_ui["history"]["statuses"]
        if link.predecessor is None:
            body = redline([], tokens(p), self.ui)
            head = self.head(p.id, self.ui["new"], [], self.edition)
        else:
            was = self.ui["was"].format(label=self.label(link.predecessor))
            extra = [was]
            if link.also_from:
                extra.append(self.ui["also"].format(labels=", ".join(self.label(q) for q in link.also_from)))
            if link.status != "unchanged":
                extra.append(self.ui["similarity"].format(value=f"{link.similarity:.2f}"))
            head = self.head(p.id, statuses[link.status], extra, self.edition)
            before = tokens(old_res.paragraph(link.predecessor))
            body = redline(before, tokens(p), self.ui)
        return (f'<div class="change change--{link.status}" id="{p.id}">{head}'
                f'<div class="change__text" lang="{self.edition.lang}">{"".join(body)}</div></div>')

    def dropped(self, pid: str) -> str:
        old = self.previous.res.paragraph(pid)
        status = self.ui["dropped"].format(label=self.label(pid), previous=self.edition.collection.work(self.step.previous).number)
        head = ('<p class="change__head"><span class="change__status">'
                f'<a href="{escape_html(self.link(self.previous, f"{split_id(pid)[0]}/{split_id(pid)[1]}.md"))}">{escape(status)}</a>'
                "</span></p>")
        body = redline(tokens(old), [], self.ui)
        return f'<div class="change change--dropped" id="dropped-{pid}">{head}<div class="change__text">{"".join(body)}</div></div>'

    def order(self) -> list[tuple[str, str]]:
        """("kept", new id) for each paragraph, with ("dropped", old id) after the paragraph that continues
        the nearest earlier paragraph that was kept."""
        old_ids = [p.id for p in self.previous.res.paragraphs]
        last_successor: dict[str, str] = {}
        for link in self.step.links:
            for q in (link.predecessor, *link.also_from):
                if q is not None:
                    last_successor[q] = link.paragraph
        after: dict[str | None, list[str]] = {}
        for index, pid in enumerate(old_ids):
            if pid in self.step.dropped:
                anchor = next((last_successor[q] for q in reversed(old_ids[:index]) if q in last_successor), None)
                after.setdefault(anchor, []).append(pid)
        out: list[tuple[str, str]] = [("dropped", q) for q in after.get(None, [])]
        for p in self.edition.res.paragraphs:
            out.append(("kept", p.id))
            out += [("dropped", q) for q in after.get(p.id, [])]
        return out

    def page(self) -> str:
        work = self.edition.work
        previous = self.edition.collection.work(self.step.previous)
        title = self.ui["title"].format(previous=previous.number, number=work.number)
        description = self.ui["description"].format(previous=previous.number, number=work.number)
        counts = self.ui["counts"].format(unchanged=self.step.count("unchanged"), changed=self.step.count("changed"),
                                          new=self.step.count("new"), dropped=len(self.step.dropped))
        out = [f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
               f"description: {json.dumps(escape(description), ensure_ascii=False)}\n"
               "hide:\n  - toc\nsearch:\n  exclude: true\n---\n",
               f"# {escape(title)} {{ #title }}\n",
               escape(self.ui["intro"].format(previous=previous.number, number=work.number)) + "\n",
               escape(counts) + " " + escape(self.ui["legend"]) + "\n"]
        blocks = [self.paragraph(self.edition.res.paragraph(pid)) if kind == "kept" else self.dropped(pid)
                  for kind, pid in self.order()]
        out.append('<div class="changes">\n' + "\n".join(blocks) + "\n</div>\n")
        return "\n".join(out)


def write_changes(edition: Edition, docs: Path) -> bool:
    """Write the edition's changes page into its site's docs folder, if the lineage has a step for it in its language."""
    step = edition.collection.lineage.step(edition.work.symbol)
    if step is None or step.language != edition.lang or edition.in_work(edition.collection.work(step.previous)) is None:
        return False
    path = safe_path(docs, *edition.src(CHANGES).split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ChangesPage(edition, step).page(), encoding="utf-8", newline="\n")
    return True

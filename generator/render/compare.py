"""Two language versions of one resolution, aligned paragraph by paragraph.

The site's own text (the primary version, published at /) and a second
language version of the same resolution (published at /<lang>/, e.g. the
English original beside the Chinese draft) share their ids: pp-7 in one is
pp-7 in the other, and so are pp-10-a and fn-12.  `align` checks this rather
than assuming it: the two must have the same paragraphs in the same order,
the same lettered items in each, and the same footnotes, or it raises
SourceError naming both files and the first place where they part.

It then compares each passage (paragraph, lettered item, footnote) of the
two versions for what a translation keeps unchanged: the documents it cites
(Reference ids do not depend on the language: ga-res-76-181,
doc-a-conf-234-16) and the years it writes in figures.  Wording is not
compared.  Where they differ, the site says so: `write_pages` writes
/compare/ (both texts side by side) and /differences/ into the docs folder
of each version, and `paragraph_notes` gives one paragraph's differences for
its page.  `Alternate` describes the other version's site for the language
switch (overrides/partials/alternate.html).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..knowledge.lexicon import Language, Lexicon, load_lexicon
from ..knowledge.ui import strings
from ..model.alignment import AlignedPassage
from ..model.document import Citation, NoteRef, Paragraph, Passage, Reference, Resolution, Text
from ..source import SourceError
from ..urls import paragraph_url, reference_url
from .edition import Edition, docs_url, href
from .blocks import Ui, format_date, place_label
from .markup import escape, escape_html

COMPARE = "compare.md"
DIFFERENCES = "differences.md"
NEWLINE = "\n"


def _name(res: Resolution) -> str:
    return res.source_name or res.document.symbol or res.document.language


# -- labels in a language -------------------------------------------------------------------


def reference_label(ref: Reference, language: Language, lexicon: Lexicon) -> str:
    """A reference's label in `language`, whichever version it was found in."""
    if ref.kind == "resolution" and ref.body and ref.number:
        try:
            body = lexicon.body(ref.body).names.get(language.code, (ref.body,))[0]
        except KeyError:
            body = ref.body
        return language.label("resolution", body=body, number=ref.number)
    if ref.kind == "treaty" and ref.volume is not None and ref.number:
        return language.label("treaty", volume=ref.volume, number=ref.number)
    if ref.kind == "sdg-target" and ref.number:
        return language.label("sdg_target", number=ref.number)
    return ref.symbol or ref.label


def page_url(pid: str) -> str:
    """A passage's page in its site: pp-10-a -> pp/10/#pp-10-a, fn-12 -> text/#fn-12."""
    if pid.startswith("fn-"):
        return f"text/#{pid}"
    return paragraph_url(pid).lstrip("/")


# -- pages -----------------------------------------------------------------------------


class View:
    """A resolution's two language versions as the site of one of them (`edition`) shows them."""

    def __init__(self, edition: Edition):
        alignment = edition.collection.alignment(edition.res)
        if alignment is None:
            raise ValueError(f"{_name(edition.res)} has no other language version to compare with")
        self.edition = edition
        self.alignment = alignment
        self.this, self.other = alignment.a, alignment.b
        lang = self.lang = edition.lang
        self.lexicon = load_lexicon()
        self.language = self.lexicon.languages[lang]
        self.all_strings = strings(lang)
        self.ui = self.all_strings["bilingual"]
        self.site_ui = self.all_strings["site"]
        self.page = COMPARE  # the page being written
        self.notes_here = True  # whether it lists the footnotes

    # -- words

    def t(self, *keys: str, **values: object) -> str:
        node: object = self.ui
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise SourceError(f"content/ui/bilingual.{self.lang}.yml", None, f"missing interface string {'.'.join(keys)!r}")
            node = node[key]
        if not isinstance(node, str):
            raise SourceError(f"content/ui/bilingual.{self.lang}.yml", None, f"{'.'.join(keys)!r} must be a string")
        return node.format(**values)

    def language_name(self, res: Resolution) -> str:
        code = res.document.language
        return self.site_ui["languages"].get(code, code)

    def version(self, res: Resolution) -> str:
        return self.t("version", language=self.language_name(res), symbol=res.document.symbol or _name(res))

    def date(self, iso: str | None) -> str:
        return format_date(iso, self.site_ui)

    def label(self, res: Resolution, pid: str) -> str:
        """序言部分第 7 段 / Footnote 12 (Preambular paragraph 17), in `res`'s language."""
        lang = res.document.language
        language = self.lexicon.languages[lang]
        return place_label(res, pid, language, Ui(lang, strings(lang).get("indexes", {})))

    def ref_label(self, rid: str) -> str:
        ref = self.alignment.references[rid]
        return reference_label(ref, self.language, self.lexicon)

    def refs(self, rids: Iterable[str]) -> str:
        labels = [self.ref_label(r) for r in rids]
        return self.t("list_separator").join(labels) if labels else self.t("none")

    # -- URLs

    def root(self, res: Resolution) -> str:
        return self.edition.edition(res).root

    def here(self, name: str) -> str:
        return self.edition.url(name)

    def link(self, name: str, res: Resolution, url: str) -> str:
        """From the page `name` of this site to `url` in the site of `res`."""
        return href(self.here(name), self.root(res) + url)

    # -- the texts

    def passage_html(self, res: Resolution, passage: Passage, lead: int = 0, strong: bool = False) -> str:
        """A passage as inline HTML: escaped text, its lead set off, citations linked, footnote markers.

        Text is escaped with markup.escape, as on every page: inert as HTML
        and as Markdown alike (these blocks are raw HTML, which Markdown
        leaves alone, but nothing should depend on that).

        A footnote marker leads to the footnote's row on the page when the
        page has one (`self.notes_here`), else to the footnote in the full
        text of the marker's version.
        """
        refs = {r.id: r for r in res.references}
        lang = res.document.language
        tag = "strong" if strong else "span"
        note_label = strings(lang)["bilingual"]["compare"]["footnote_ref"]
        out: list[str] = []
        pos = 0
        if lead:
            out.append(f'<{tag} class="lead">')
        for seg, text in passage.segments():
            if lead and pos >= lead:
                out.append(f"</{tag}>")
                lead = 0
            if isinstance(seg, Text):
                if lead and pos + len(text) > lead:
                    cut = lead - pos
                    out.append(f"{escape(text[:cut].replace(NEWLINE, ' '))}</{tag}>")
                    text, pos, lead = text[cut:], lead, 0
                out.append(escape(text.replace("\n", " ")))
            elif isinstance(seg, Citation):
                ref = refs.get(seg.reference_id)
                url = reference_url(ref, lang) if ref else None
                covered = escape(text.replace("\n", " "))
                out.append(f'<a class="citation" href="{escape_html(url)}">{covered}</a>' if url else covered)
            elif isinstance(seg, NoteRef):
                name = escape(note_label.format(n=seg.number))
                target = f"#fn-{seg.number}" if self.notes_here else self.link(self.page, res, f"text/#fn-{seg.number}")
                out.append(f'<sup class="fnref"><a href="{escape_html(target)}" aria-label="{name}">{seg.number}</a></sup>')
            pos += len(text)
        if lead:
            out.append(f"</{tag}>")
        return "".join(out)

    def paragraph_html(self, res: Resolution, p: Paragraph) -> str:
        operative = p.kind == "operative"
        ui = strings(res.document.language)["site"]
        number = f'<span class="para__num">{escape(ui["operative_number"].format(n=p.number))}</span> ' if operative else ""
        html = f'<p class="para__text">{number}{self.passage_html(res, p.body, len(p.lead), operative)}</p>'
        if p.subparagraphs:
            items = "".join(
                f'<li class="subpara"><span class="subpara__label">{escape(ui["subparagraph_label"].format(label=s.label))}</span> '
                f"{self.passage_html(res, s.body)}</li>" for s in p.subparagraphs)
            html += f'<ol class="subparas">{items}</ol>'
        return html

    def cell(self, name: str, res: Resolution, pid: str) -> str:
        """One version of a passage, headed by a link to its page (in that version's language)."""
        lang = res.document.language
        if pid.startswith("fn-"):
            kind = "footnote"
            body = f'<p class="para__text">{self.passage_html(res, res.footnote(int(pid[3:])).body)}</p>'
            label = strings(lang)["bilingual"]["compare"]["footnote_ref"].format(n=pid[3:])
        else:
            paragraph = res.paragraph(pid)
            kind = paragraph.kind
            sub = next((s for s in paragraph.subparagraphs if s.id == pid), None)
            body = (f'<p class="para__text">{self.passage_html(res, sub.body)}</p>' if sub
                    else self.paragraph_html(res, paragraph))
            label = self.label(res, pid)
        link = self.link(name, res, page_url(pid))
        return (f'<div class="pair__text para para--{kind}" lang="{lang}">'
                f'<p class="pair__label"><a href="{escape_html(link)}">{escape(label)}</a></p>{body}</div>')

    def pair(self, name: str, pid: str, anchor: bool = True, differs: AlignedPassage | None = None) -> str:
        ident = f' id="{pid}"' if anchor else ""
        note = ""
        if differs is not None:
            target = self.link(name, self.this, docs_url(DIFFERENCES) + f"#{differs.id}")
            note = f'<p class="pair__differs"><a href="{escape_html(target)}">{escape(self.t("compare", "differs"))}</a></p>'
        return (f'<div class="pair"{ident}>{self.cell(name, self.this, pid)}{self.cell(name, self.other, pid)}{note}</div>')

    def heads(self) -> str:
        return ('<div class="pair pair--head" aria-hidden="true">'
                + "".join(f'<p class="pair__version">{escape(self.version(r))}</p>' for r in (self.this, self.other))
                + "</div>")

    @staticmethod
    def front_matter(title: str, description: str, exclude: bool) -> str:
        """Title and description (escaped, as JSON strings), the full width for the two columns, and search.

        The side-by-side page repeats every paragraph page's text: it stays
        out of the search index, as the full text does.
        """
        search = "search:\n  exclude: true\n" if exclude else "search:\n  boost: 0.2\n"
        return (f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
                f"description: {json.dumps(escape(description), ensure_ascii=False)}\n"
                f"hide:\n  - navigation\n  - toc\n{search}---\n\n")

    # -- the two pages

    def compare_page(self) -> str:
        name = self.page = COMPARE
        self.notes_here = True
        d, o = self.this.document, self.other.document
        a, b = self.language_name(self.this), self.language_name(self.other)
        title = self.t("compare", "title")
        out = [self.front_matter(title, self.t("compare", "description", title=d.title, a=a, b=b), exclude=True)]
        out.append(f"# {escape(title)} {{ #title }}\n")
        out.append(escape(self.t("compare", "intro", a=a, b=b, a_symbol=d.symbol or _name(self.this), a_date=self.date(d.date),
                                 b_symbol=o.symbol or _name(self.other), b_date=self.date(o.date))) + "\n")
        out.append(f"[{escape(self.t('compare', 'differences'))}]({DIFFERENCES})\n")
        differing = {p.id: p for p in self.alignment.differences}

        def first_difference(ids: Iterable[str]) -> AlignedPassage | None:
            return next((differing[i] for i in ids if i in differing), None)

        out.append(f"## {escape(self.t('compare', 'paragraphs'))} {{ #paragraphs }}\n")
        rows = [self.heads()]
        for p in self.this.paragraphs:
            rows.append(self.pair(name, p.id, differs=first_difference([p.id] + [s.id for s in p.subparagraphs])))
        out.append('<div class="compare">\n' + "\n".join(rows) + "\n</div>\n")
        if self.this.footnotes:
            out.append(f"## {escape(self.t('compare', 'footnotes'))} {{ #footnotes }}\n")
            rows = [self.heads()] + [self.pair(name, f.id, differs=differing.get(f.id)) for f in self.this.footnotes]
            out.append('<div class="compare compare--notes">\n' + "\n".join(rows) + "\n</div>\n")
        return "\n".join(out)

    def differences_page(self) -> str:
        name = self.page = DIFFERENCES
        self.notes_here = False
        d, o = self.this.document, self.other.document
        a, b = self.language_name(self.this), self.language_name(self.other)
        title = self.t("differences", "title")
        description = self.t("differences", "description", a=a, b=b, a_symbol=d.symbol or _name(self.this),
                             b_symbol=o.symbol or _name(self.other))
        out = [self.front_matter(title, description, exclude=False), f"# {escape(title)} {{ #title }}\n",
               escape(self.t("differences", "intro")) + "\n"]
        found = self.alignment.differences
        out.append(escape(self.t("differences", "count", count=len(found)) if found else self.t("differences", "none")) + "\n")
        out.append(f"[{escape(self.t('differences', 'compare'))}]({COMPARE})\n")
        for p in found:
            out.append(f"## {escape(self.label(self.this, p.id))} {{ #{p.id} }}\n")
            out.extend(f"- {escape(line)}" for line in self.explain(p))
            out.append("")
            out.append('<div class="compare">\n' + self.heads() + "\n" + self.pair(name, p.id, anchor=False) + "\n</div>\n")
        return "\n".join(out)

    def explain(self, p: AlignedPassage) -> list[str]:
        """What differs in a passage, in sentences."""
        lines = []
        for rids, res in ((p.only_a, self.this), (p.only_b, self.other)):
            if rids:
                lines.append(self.t("differences", "only", language=self.language_name(res), refs=self.refs(rids)))
        if p.years_differ:
            sep = self.t("list_separator")
            lines.append(self.t("differences", "years", a=self.language_name(self.this), b=self.language_name(self.other),
                                a_years=sep.join(p.a.years) or self.t("none"), b_years=sep.join(p.b.years) or self.t("none")))
        return lines

    def notes(self, pid: str) -> list[tuple[str, str, list[str]]]:
        """(passage id, its label, sentences) for each difference in paragraph `pid`."""
        return [(p.id, self.label(self.this, p.id), self.explain(p)) for p in self.alignment.differences_in(pid)]

    # -- for the other pages of this version (generator.pages)

    @property
    def other_name(self) -> str:
        return self.language_name(self.other)

    @property
    def other_lang(self) -> str:
        return self.other.document.language

    def other_page(self, src: str, pid: str | None = None) -> str:
        """A link from this version's docs file `src` (pp/7.md) to paragraph `pid` (or the home) of the other's site."""
        return href(self.here(src), self.root(self.other) + (page_url(pid) if pid else ""))

    def other_page_text(self) -> str:
        """The words of a link to the same paragraph in the other version."""
        return self.t("other_page", language=self.other_name, symbol=self.other.document.symbol or _name(self.other))


def write_pages(edition: Edition, docs: Path) -> None:
    """Write compare.md and differences.md of an edition that has another language version into its docs folder."""
    view = View(edition)
    folder = docs / edition.prefix if edition.prefix else docs
    folder.mkdir(parents=True, exist_ok=True)
    (folder / COMPARE).write_text(view.compare_page(), encoding="utf-8", newline="\n")
    (folder / DIFFERENCES).write_text(view.differences_page(), encoding="utf-8", newline="\n")

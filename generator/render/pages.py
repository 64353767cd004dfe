"""The reading site's pages: home, full text and one page per paragraph.

`write_pages` writes Markdown (with HTML blocks, `md_in_html`) into the
generated docs folder; MkDocs and the theme overrides in `overrides/` turn it
into the site.  Every piece of source text goes through `markup.escape`, so
the pages publish the text as text.  Interface strings come from
`content/ui/site.<lang>.yml`; paragraph labels from the language file.

Links to pages other parts of the generator write (downloads, per-paragraph
JSON records) are marked `<!-- optional -->`: the MkDocs hook drops such a
line when its target is not part of the site.

Each Renderer writes one edition (generator.render.edition): a language
version of one resolution of the collection.  With another language version
of the same resolution, the pages link to it: each paragraph page to the
same paragraph there (a relative link across the two sites, written as HTML
because MkDocs checks only links within one site), and states where the two
texts differ; the home page links to its home and to /compare/ and
/differences/.  In a series, each paragraph page tells the paragraph's
history (generator.render.history) and the home page the resolutions before
and after.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..knowledge.lexicon import Language, load_lexicon
from ..knowledge.ui import required as ui_required
from ..model.document import Citation, NoteRef, Paragraph, Passage, Text
from ..paths import safe_path
from ..urls import UNDOCS, reference_url
from . import compare as bilingual
from . import structured_data
from .blocks import format_date
from .edition import Edition, md_url, page_file, relative
from .history import SeriesBlocks
from .indexes import actor_name
from .markup import escape, escape_html, inline

TEMPLATES = Path(__file__).resolve().parent / "templates"
OPTIONAL = "<!-- optional -->"
# How much of a paragraph a meta description and the home page's table of
# contents show, in columns: a Chinese character takes two, a letter one.
DESCRIPTION_WIDTH = 180
EXCERPT_WIDTH = 56

# Interface strings every language file must provide (content/ui/site.<lang>.yml).
UI_KEYS = (
    "site_description", "nav", "text_title", "text_description", "home", "date", "session", "agenda",
    "adopted", "languages", "distribution", "subparagraph_label", "operative_number", "footnotes",
    "footnote_ref", "footnote_back", "footnote_back_nth", "prev", "next", "pager", "more",
    "in_text", "json_record", "downloads", "actors", "list_separator", "ellipsis", "citation",
    "citation_without_symbol", "tools", "parentheses",
)


def site_strings(lang: str) -> dict[str, Any]:
    """The site's interface strings for `lang`, checked for completeness."""
    return ui_required(lang, "site", UI_KEYS, "interface strings", "the reading site")


def attr(value: str) -> str:
    """A value for an attr_list attribute (curated strings only): no quotes or braces."""
    return "".join(ch for ch in value if ch not in '"{}\n')


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _in_word(text: str, i: int) -> bool:
    """Whether offset `i` falls between two letters of a word written with spaces (not between two Chinese characters)."""
    return all(0 <= j < len(text) and text[j].isalnum() and _columns(text[j]) == 1 for j in (i - 1, i))


def shorten(text: str, width: int, ellipsis: str) -> str:
    """`text` on one line, cut to at most `width` columns (a wide character takes two) with `ellipsis`;
    a cut inside a word of a spaced script goes back to the word's start."""
    text = " ".join(text.split())
    used = 0
    for i, ch in enumerate(text):
        used += _columns(ch)
        if used > width:
            if _in_word(text, i) and " " in text[:i]:
                i = text.rindex(" ", 0, i)
            return text[:i].rstrip() + ellipsis
    return text


@dataclass
class _Notes:
    """Footnote reference ids on one page: fnref-5, then fnref-5-2 for a second reference."""

    counts: dict[int, int]

    def next_id(self, number: int) -> str:
        n = self.counts.get(number, 0) + 1
        self.counts[number] = n
        return f"fnref-{number}" if n == 1 else f"fnref-{number}-{n}"

    def ref_ids(self, number: int) -> list[str]:
        n = self.counts.get(number, 0)
        return [f"fnref-{number}" if i == 1 else f"fnref-{number}-{i}" for i in range(1, n + 1)]


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The page templates, compiled once for every edition."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda s: Markup(escape(str(s)))
    env.filters["yaml"] = lambda s: Markup(json.dumps(str(s), ensure_ascii=False))
    return env


class Renderer:
    """Renders the model into the site's Markdown pages."""

    def __init__(self, edition: Edition):
        res = self.res = edition.res
        self.edition = edition
        self.collection = edition.collection
        self.other = bilingual.View(edition) if self.collection.alignment(res) is not None else None
        self.lang_code = res.document.language
        self.lang: Language = load_lexicon().languages[self.lang_code]
        self.ui = site_strings(self.lang_code)
        self.series = SeriesBlocks(edition, self.lang, self.ui)
        self.env = templates()
        # mentions by passage id, with their place in the document's list
        self.actors = {a.id: a for a in res.actors}
        self.mentions_in: dict[str, list[tuple[int, str]]] = {}
        for i, m in enumerate(res.mentions):
            self.mentions_in.setdefault(m.paragraph, []).append((i, m.actor))

    # -- small pieces --------------------------------------------------------

    def label(self, p: Paragraph) -> str:
        return self.lang.label(p.kind, n=p.number)

    def t(self, key: str, **values: Any) -> str:
        return self.ui[key].format(**values)

    def date(self, iso: str | None) -> str:
        return format_date(iso, self.ui)

    @cached_property
    def references(self) -> dict[str, Any]:
        return {r.id: r for r in self.res.references}

    def passage(self, passage: Passage, notes: _Notes, lead: int = 0, lead_tag: str = "span") -> str:
        """Inline Markdown for a passage: escaped text, citation links, footnote references.

        The first `lead` characters (the opening phrase) are wrapped in
        `<lead_tag class="lead">`.  A footnote reference is kept on one line
        with the character before it, so that it never opens a line.
        """
        out: list[str] = []
        pos = 0
        open_lead = lead > 0
        if open_lead:
            out.append(f'<{lead_tag} class="lead">')

        def close_lead() -> None:
            nonlocal open_lead
            if open_lead:
                out.append(f"</{lead_tag}>")
                open_lead = False

        segments = list(passage.segments())
        held = ""  # the last character of a text that a footnote reference follows
        for i, (seg, text) in enumerate(segments):
            if isinstance(seg, Text):
                if open_lead and pos + len(text) >= lead:
                    cut = lead - pos
                    out.append(self.text(text[:cut]))
                    close_lead()
                    text, pos = text[cut:], pos + cut
                pos += len(text)
                if not open_lead and i + 1 < len(segments) and isinstance(segments[i + 1][0], NoteRef):
                    text, held = text[:-1], text[-1:]
                out.append(self.text(text))
            elif isinstance(seg, Citation):
                out.append(self.citation(seg, text))
                pos += len(text)
            elif isinstance(seg, NoteRef):
                ref = self.noteref(seg.number, notes)
                out.append(f'<span class="fnref-glue">{self.text(held)}{ref}</span>' if held else ref)
                held = ""
            if open_lead and pos >= lead:
                close_lead()
        close_lead()
        return "".join(out)

    text = staticmethod(inline)

    def citation(self, seg: Citation, covered: str) -> str:
        ref = self.references.get(seg.reference_id)
        url = reference_url(ref, self.lang_code) if ref else None
        if not url:
            return self.text(covered)
        return f"[{self.text(covered)}]({md_url(url)}){{ .citation }}"

    def noteref(self, number: int, notes: _Notes) -> str:
        rid = notes.next_id(number)
        name = attr(self.t("footnote_ref", n=number))
        return (f'<sup class="fnref" id="{rid}" data-search-exclude>'
                f'[{number}](#fn-{number}){{ .footnote-ref aria-label="{name}" }}</sup>')

    # -- blocks ---------------------------------------------------------------

    def paragraph_block(self, p: Paragraph, notes: _Notes, src: str, page_link: bool) -> Markup:
        """The paragraph as HTML with Markdown spans: number, lead, text, sub-paragraphs."""
        operative = p.kind == "operative"
        body = self.passage(p.body, notes, lead=len(p.lead), lead_tag="strong" if operative else "span")
        return Markup(self.env.get_template("paragraph_block.md.j2").render(
            p=p,
            kind=p.kind,
            number=Markup(self.text(self.t("operative_number", n=p.number))) if operative else "",
            body=Markup(body),
            subs=self.items(p, notes),
            page_link=relative(src, page_file(p.id)) if page_link else None,
            page_label=self.label(p),
        ).strip())

    def items(self, p: Paragraph, notes: _Notes) -> list[tuple]:
        """A paragraph's items as a tree: (item, label, text, the items of the list inside it)."""
        nodes = {s.id: (s, Markup(self.text(self.t("subparagraph_label", label=s.label))),
                        Markup(self.passage(s.body, notes)), []) for s in p.subparagraphs}
        top: list[tuple] = []
        for s in p.subparagraphs:
            (nodes[s.parent][3] if s.parent else top).append(nodes[s.id])
        return top

    def footnotes_block(self, numbers: Iterable[int], notes: _Notes) -> Markup:
        """The footnotes `numbers`, each with back-links to its references on the page."""
        items = []
        for number in numbers:
            note = self.res.footnote(number)
            inner = _Notes({})  # a footnote's own markers (rare) are not back-referenced
            items.append({
                "number": number,
                "text": Markup(self.passage(note.body, inner)),
                "backrefs": [(ref, Markup(attr(self.t("footnote_back", n=number) if k == 1 else self.t("footnote_back_nth", n=number, k=k))))
                             for k, ref in enumerate(notes.ref_ids(number), 1)],
            })
        return Markup(self.env.get_template("footnotes.md.j2").render(items=items).strip())

    def description(self, p: Paragraph) -> str:
        return shorten(p.text, DESCRIPTION_WIDTH, self.ui["ellipsis"])

    def citation_parts(self, p: Paragraph) -> tuple[str, str]:
        """The citation of a paragraph, split where the page's URL goes."""
        d = self.res.document
        fmt = self.ui["citation" if d.symbol else "citation_without_symbol"]
        before, _, after = fmt.partition("{url}")
        values = {"organ": d.organ or "", "document_type": d.document_type or "", "title": d.title,
                  "symbol": d.symbol or "", "label": self.label(p)}
        return before.format(**values), after.format(**values)

    # -- pages ----------------------------------------------------------------

    def paragraph_page(self, p: Paragraph, prev: Paragraph | None, next_: Paragraph | None) -> str:
        src = page_file(p.id)
        notes = _Notes({})
        block = self.paragraph_block(p, notes, src, page_link=False)
        numbers = list(dict.fromkeys(p.footnotes))
        cite_before, cite_after = self.citation_parts(p)
        owners = {pid for pid, _ in p.passages} | {f"fn-{n}" for n in numbers}
        actors = self.actors
        hits = sorted(hit for pid in owners for hit in self.mentions_in.get(pid, ()))
        mentioned = list(dict.fromkeys(a for _, a in hits if a in actors))
        return self.env.get_template("paragraph.md.j2").render(
            ui=self.ui,
            p=p,
            title=self.label(p),
            description=self.description(p),
            cite_before=cite_before,
            cite_after=cite_after,
            structured_data=structured_data.front_matter(structured_data.paragraph(self.res, p, self.label(p), self.series.node(src))),
            doc=self.res.document,
            home=relative(src, "index.md"),
            block=block,
            footnotes=self.footnotes_block(numbers, notes) if numbers else None,
            actors=[(actor_name(actors[a], self.lang_code), relative(src, f"actors/{actors[a].slug}.md")) for a in mentioned],
            other=self.other_links(src, p),
            differences=self.differences(src, p),
            in_text=relative(src, f"text.md#{p.id}"),
            json_record=relative(src, f"data/paragraphs/{p.id}.json"),
            downloads=relative(src, "downloads.md"),
            prev=(self.label(prev), relative(src, page_file(prev.id))) if prev else None,
            next=(self.label(next_), relative(src, page_file(next_.id))) if next_ else None,
            history=self.series.history(src, p),
            boost=2 if self.edition.is_site_home else 1,  # the site's own resolution ranks before the others
            optional=Markup(OPTIONAL),
        )

    def other_links(self, src: str, p: Paragraph | None) -> dict[str, Any] | None:
        """Links from page `src` to the other language version: the same paragraph (or its home), side by side."""
        if self.other is None:
            return None
        other_url = self.other.other_page(src, p.id if p else None)
        text = self.other.other_page_text() if p else self.other.version(self.other.other)
        return {
            "html": Markup(f'<a href="{escape_html(other_url)}" hreflang="{self.other.other_lang}">{escape_html(text)}</a>'),
            "compare": relative(src, f"{bilingual.COMPARE}#{p.id}" if p else bilingual.COMPARE),
            "compare_text": self.other.t("compare", "title"),
            "differences": relative(src, bilingual.DIFFERENCES),
            "differences_text": self.other.t("differences", "title"),
        }

    def differences(self, src: str, p: Paragraph) -> dict[str, Any] | None:
        """Where this paragraph (its text, items, footnotes) and the other version's differ, in sentences."""
        notes = self.other.notes(p.id) if self.other is not None else []
        if not notes:
            return None
        return {
            "heading": self.other.t("note", "heading", language=self.other.other_name),
            "items": notes,
            "link": relative(src, f"{bilingual.DIFFERENCES}#{notes[0][0]}"),
            "link_text": self.other.t("note", "link"),
        }

    def text_page(self) -> str:
        src = "text.md"
        notes = _Notes({})
        blocks = [self.paragraph_block(p, notes, src, page_link=True) for p in self.res.paragraphs]
        numbers = [f.number for f in self.res.footnotes]
        d = self.res.document
        return self.env.get_template("text.md.j2").render(
            ui=self.ui,
            doc=d,
            description=self.t("text_description", title=d.title, symbol=d.symbol or ""),
            opening=self.lang.opening,
            blocks=blocks,
            footnotes=self.footnotes_block(numbers, notes) if numbers else None,
        )

    def home_page(self) -> str:
        d = self.res.document
        ui, home = self.ui, self.ui["home"]
        adoption = d.adoption
        adopted_symbol = adoption.symbol if adoption else None
        adopted_text = None
        if adoption and adoption.symbol and adoption.date:
            number = adoption.symbol.rsplit("RES/", 1)[-1]
            adopted_text = ui["adopted"].format(date=self.date(adoption.date), number=number)
        rows = [
            (home["symbol"], d.symbol),
            (home["document_type"], d.document_type),
            (home["date"], self.date(d.date)),
            (home["session"], ui["session"].format(n=d.session) if d.session else None),
            (home["committee"], d.committee),
            (home["agenda_item"], ui["agenda"].format(item=d.agenda_item, title=d.agenda_title or "") if d.agenda_item else None),
            (home["original_language"], ui["languages"].get(d.original_language, d.original_language) if d.original_language else None),
            (home["distribution"], ui["distribution"].get(d.distribution, d.distribution) if d.distribution else None),
        ]
        toc = []
        for kind, heading in (("preambular", home["preambular"]), ("operative", home["operative"])):
            items = [(p, self.excerpt(p), page_file(p.id)) for p in self.res.paragraphs if p.kind == kind]
            if items:
                toc.append((kind, heading, items))
        licence = d.metadata.get("licence") or {}
        other = (self.other.other, self.other.link("index.md", self.other.other, "")) if self.other else None
        return self.env.get_template("home.md.j2").render(
            ui=ui,
            home=home,
            doc=d,
            description=home["description"].format(title=d.title, symbol=d.symbol or "", document_type=d.document_type or ""),
            structured_data=structured_data.front_matter(structured_data.resolution(self.res, other, self.series.node("index.md"))),
            rows=[(k, v) for k, v in rows if v],
            adopted_text=adopted_text,
            adopted_symbol=adopted_symbol,
            adopted_url=md_url(UNDOCS.format(lang=self.lang_code, symbol=adopted_symbol)) if adopted_symbol else None,
            sponsors=self.ui_join([s.name for s in self.res.sponsors]),
            toc=toc,
            licence=licence,
            licence_url=md_url(licence["url"]) if licence.get("url") else None,
            other=self.other_links("index.md", None),
            series=self.series.links("index.md"),
            optional=Markup(OPTIONAL),
        )

    def excerpt(self, p: Paragraph) -> str:
        rest = p.text[len(p.lead):]
        return shorten(rest, EXCERPT_WIDTH, self.ui["ellipsis"])

    def ui_join(self, names: list[str]) -> str:
        if len(names) < 2:
            return "".join(names)
        return self.lang.sponsor_separator.join(names[:-1]) + self.lang.sponsor_last_separator + names[-1]


def write_pages(edition: Edition, docs: Path) -> None:
    """Write an edition's index.md, text.md and pp/<n>.md, op/<n>.md into its place in its site's `docs` folder."""
    res = edition.res
    r = Renderer(edition)
    files: dict[str, str] = {"index.md": r.home_page(), "text.md": r.text_page()}
    paragraphs = res.paragraphs
    for i, p in enumerate(paragraphs):
        prev = paragraphs[i - 1] if i > 0 else None
        next_ = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        files[page_file(p.id)] = r.paragraph_page(p, prev, next_)
    for name, text in sorted(files.items()):
        path = safe_path(docs, *edition.src(name).split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

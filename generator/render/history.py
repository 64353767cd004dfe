"""A paragraph's history across the series, and a resolution's place in it, as the pages tell them.

Lineage is computed in the language every resolution of the series has
(English); a version in another language (a translated draft) takes the
lineage of its counterpart, which has the same paragraph ids.  Walking the
links back from a paragraph gives the resolution where its line begins and
each step since; walking forward gives what the later resolutions made of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Any

from markupsafe import Markup

from ..knowledge.lexicon import Language
from ..knowledge.ui import strings
from ..model.collection import Collection, Work
from ..model.document import Paragraph, Resolution
from ..model.lineage import Link
from ..analyse.lineage import paragraph_text
from ..urls import split_id
from .blocks import format_date
from .edition import Edition, href, md_url, page_file
from .markup import escape_html, inline


@dataclass(frozen=True)
class Stage:
    """The paragraph `pid` of resolution `work`; `link` ties it to the stage before (None for the first)."""

    work: Work
    pid: str | None
    link: Link | None
    text: str | None  # its wording, in the lineage's language (None when dropped)

    @property
    def status(self) -> str:
        """unchanged, changed, new; "first" for the first resolution of the series; "dropped"."""
        if self.pid is None:
            return "dropped"
        return self.link.status if self.link is not None else "first"


def _text(work: Work, lang: str, pid: str) -> str:
    version = work.version(lang)
    assert version is not None
    return paragraph_text(version.paragraph(pid))


def stages(collection: Collection, res: Resolution, pid: str) -> tuple[list[Stage], list[Stage]]:
    """(the stages up to and including this one, oldest first; the stages after it).

    Both are empty when the paragraph's resolution is in no series of two or more.
    """
    work = collection.work_of(res)
    lineage = collection.lineage
    lang = collection.lineage_language(work)
    if lang is None:
        return [], []
    back: list[Stage] = []
    w: Work | None = work
    current: str | None = pid
    while w is not None and current is not None:
        s = lineage.step(w.symbol)
        link = s.link(current) if s else None
        back.append(Stage(w, current, link, _text(w, lang, current)))
        if link is None or link.predecessor is None:
            break
        w, current = collection.work(s.previous), link.predecessor
    forward: list[Stage] = []
    w, current = work, pid
    while current is not None and (n := collection.next(w)) is not None:
        s = lineage.step(n.symbol)
        if s is None:
            break
        successors = s.successors(current)
        if not successors:
            forward.append(Stage(n, None, None, None))
            break
        link = successors[0]
        forward.append(Stage(n, link.paragraph, link, _text(n, lang, link.paragraph)))
        w, current = n, link.paragraph
    return list(reversed(back)), forward


class SeriesBlocks:
    """What a page of one edition says of the series: a paragraph's history, the resolutions
    before and after, and the series as a JSON-LD node.  Links within a site are Markdown
    (MkDocs checks them), across sites HTML."""

    def __init__(self, edition: Edition, language: Language, site_ui: dict[str, Any]):
        self.edition = edition
        self.collection = edition.collection
        self.res = edition.res
        self.lang_code = edition.lang
        self.lang = language
        self.site_ui = site_ui
        self.ui = strings(edition.lang)["series"]

    text = staticmethod(inline)

    def date(self, iso: str | None) -> str:
        return format_date(iso, self.site_ui)

    def resolution_name(self, number: str) -> str:
        return self.ui["resolution"].format(number=number)

    def pid_label(self, pid: str) -> str:
        kind, number, _ = split_id(pid)
        return self.lang.label("preambular" if kind == "pp" else "operative", n=number)

    @property
    def lineage_lang(self) -> str:
        return self.collection.lineage_language(self.edition.work) or self.lang_code

    def history(self, src: str, p: Paragraph) -> dict[str, Any] | None:
        """The paragraph's history across the series: each stage, linked to its page and to its changes."""
        back, forward = stages(self.collection, self.res, p.id)
        if len(back) + len(forward) < 2:
            return None
        h = self.ui["history"]
        items = []
        for stage in back + forward:
            name = self.resolution_name(stage.work.number)
            date = self.date(stage.work.adopted)
            here = stage.work is self.edition.work
            if stage.pid is None:
                line = self.text(h["dropped_in"].format(resolution=name, date=date))
            else:
                label = h["this"] if here else self.pid_label(stage.pid)
                text = self.text(h["stage"].format(resolution=name, date=date, label=label, status=h["statuses"][stage.status]))
                page = None if here else self.stage_link(src, stage, page_file(stage.pid))
                line = self.anchor(text, page) if page else text
            if stage.link is not None and stage.pid is not None and (changes := self.stage_link(src, stage, f"changes.md#{stage.pid}", self.lineage_lang)):
                line += self.text(self.site_ui["list_separator"]) + self.anchor(self.text(h["see_changes"]), changes)
            wording = None
            if not here and stage.text and (stage.status in ("first", "new", "changed") or stage is back[0]):
                wording = {"summary": h["wording"].format(resolution=name), "text": stage.text, "lang": self.lineage_lang}
            items.append({"line": Markup(line), "wording": wording, "here": here})
        home = self.site_home()
        return {"heading": h["heading"], "intro": h["intro"], "items": items,
                "begins": h["begins"].format(resolution=self.resolution_name(back[0].work.number)),
                "series": Markup(self.anchor(self.text(h["series"]), (self.edition.link(src, home, "series.md"), False, home.lang)))}

    def stage_link(self, src: str, stage: Stage, target: str, lang: str | None = None) -> tuple[str, bool, str] | None:
        """(link, whether it leads to another language's site, that language) from page `src` to page
        `target` (pp/7.md) of the stage's resolution: in `lang`, else in this language if published, else in the lineage's."""
        to = (self.edition.in_work(stage.work, lang) if lang else None) or self.edition.in_work(stage.work) \
            or self.edition.in_work(stage.work, self.lineage_lang)
        if to is None:
            return None
        return self.edition.link(src, to, target), to.lang != self.lang_code, to.lang

    @staticmethod
    def anchor(text: str, link: tuple[str, bool, str]) -> str:
        """A link on escaped `text`: Markdown within this site (MkDocs checks it), HTML across sites."""
        url, cross, lang = link
        if cross:
            return f'<a href="{escape_html(url)}" hreflang="{lang}">{text}</a>'
        return f"[{text}]({md_url(url)})"

    def node(self, src: str) -> dict[str, Any] | None:
        """The series of the page's resolution as a JSON-LD node: its title and the /series/ page (relative to page `src`)."""
        series = self.collection.series_of(self.edition.work)
        if series is None or len(series.works) < 2:
            return None
        return {"@type": "CreativeWorkSeries", "@id": href(self.edition.url(src), self.site_home().url("series.md")),
                "name": series.title}

    def site_home(self) -> Edition:
        """The edition at this site's root (where /series/ stands)."""
        work = self.collection.main_work
        return self.edition.in_work(work) or self.edition

    def links(self, src: str) -> dict[str, Any] | None:
        """The home page's place in the series: the resolutions before and after, the changes, the series page."""
        work = self.edition.work
        before, after = self.collection.previous(work), self.collection.next(work)
        if before is None and after is None:
            return None
        s = self.ui
        links = []
        for key, other in (("previous", before), ("next", after)):
            to = self.edition.in_work(other) or self.edition.in_work(other, self.lineage_lang) if other else None
            if other is not None and to is not None:
                text = self.text(s["series"][key].format(number=other.number))
                links.append(Markup(self.anchor(text, (self.edition.link(src, to, "index.md"), to.lang != self.lang_code, to.lang))))
        if before is not None and self.collection.lineage.step(work.symbol) is not None:
            to = self.edition if self.lang_code == self.lineage_lang else self.edition.counterpart(self.lineage_lang)
            if to is not None:
                text = self.text(s["changes"]["title"].format(previous=before.number, number=work.number))
                links.append(Markup(self.anchor(text, (self.edition.link(src, to, "changes.md"), to.lang != self.lang_code, to.lang))))
        home = self.site_home()
        links.append(Markup(self.anchor(self.text(s["series"]["title"]), (self.edition.link(src, home, "series.md"), False, home.lang))))
        return {"heading": s["series"]["title"], "links": links}


"""/series/: the resolutions of the series on one page, and a picture of their lineage.

For each resolution: its symbol, adoption date, session and counts, and
against the one before it how many paragraphs are unchanged, changed, new
and dropped, linked to its changes page.  The picture (generator.render
.flowchart) shows which parts of the text are old and stable and which are
new; the table of where each resolution's paragraphs begin says the same in
text.  Each language's site has the page, in its language.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

from ..knowledge.ui import strings
from ..model.collection import Series, Work
from ..paths import safe_path
from .edition import Edition
from .flowchart import Bar, Column, flow
from .blocks import cell, format_date, table
from .markup import escape, escape_html

SERIES = "series.md"
PICTURE = "series/lineage.svg"


class SeriesPage:
    """The series page of one language's site (`home`: the edition at that site's root)."""

    def __init__(self, home: Edition, series: Series):
        self.home = home
        self.collection = home.collection
        self.series = series
        all_strings = strings(home.lang)
        self.ui = all_strings["series"]
        self.site_ui = all_strings["site"]
        self.lineage_lang = self.collection.lineage_language(series.works[0]) or home.lang

    def date(self, iso: str | None) -> str:
        return format_date(iso, self.site_ui)

    def edition(self, work: Work) -> Edition | None:
        return self.home.in_work(work) or self.home.in_work(work, self.lineage_lang)

    def link(self, text: str, to: Edition, target: str) -> str:
        """A link from the series page: Markdown within this site, HTML across sites."""
        url = self.home.link(SERIES, to, target)
        if to.lang == self.home.lang:
            return f"[{escape(text)}]({url})"
        return f'<a href="{escape_html(url)}" hreflang="{to.lang}">{escape(text)}</a>'

    @cached_property
    def origins(self) -> dict[str, list[int]]:
        """For each work, the index (in the series) of the work where each of its paragraphs' line begins."""
        out: dict[str, list[int]] = {}
        previous: dict[str, int] = {}
        for index, work in enumerate(self.series.works):
            version = work.version(self.lineage_lang)
            step = self.collection.lineage.step(work.symbol)
            here: dict[str, int] = {}
            for p in version.paragraphs if version else []:
                link = step.link(p.id) if step else None
                here[p.id] = previous.get(link.predecessor, index) if link and link.predecessor else index
            out[work.symbol] = [here[p.id] for p in version.paragraphs] if version else []
            previous = here
        return out

    def table_rows(self) -> list[list[str]]:
        c = self.ui["series"]
        rows = []
        for work in self.series.works:
            to = self.edition(work)
            name = self.ui["resolution"].format(number=work.number)
            version = work.version(self.lineage_lang) or work.versions[0]
            step = self.collection.lineage.step(work.symbol)
            previous = self.collection.previous(work)
            if step is None or previous is None:
                counts = ["", "", "", ""]
                changes = cell(c["first"])
            else:
                counts = [str(step.count("unchanged")), str(step.count("changed")), str(step.count("new")), str(len(step.dropped))]
                target = self.home.in_work(work, step.language)
                text = c["changes_link"].format(previous=previous.number)
                changes = self.link(text, target, "changes.md") if target else cell(text)
            rows.append([self.link(name, to, "index.md") if to else cell(name), cell(self.date(work.adopted)),
                         str(work.session or ""), str(len(version.preambular)), str(len(version.operative)),
                         str(len(version.footnotes)), *counts, changes])
        return rows

    def picture(self) -> str:
        c = self.ui["series"]
        origins = self.origins
        columns = []
        for index, work in enumerate(self.series.works):
            version = work.version(self.lineage_lang)
            step = self.collection.lineage.step(work.symbol)
            bars = []
            for p, origin in zip(version.paragraphs if version else [], origins[work.symbol]):
                link = step.link(p.id) if step else None
                sources = ((link.predecessor,) + link.also_from) if link and link.predecessor else ()
                bars.append(Bar(p.id, origin, bool(link and link.status == "changed"), sources))
            year = (work.adopted or "")[:4]
            columns.append(Column(work.number, f"{year} · {len(bars)}", tuple(bars)))
        legend = [c["since"].format(number=w.number) for w in self.series.works]
        changed = self.ui["history"]["statuses"]["changed"]
        alt = c["picture_alt"].format(count=len(self.series.works))
        return flow(columns, legend, changed, c["picture_heading"], alt)

    def age_rows(self) -> list[list[str]]:
        origins = self.origins
        rows = []
        for work in self.series.works:
            counts = [origins[work.symbol].count(i) for i in range(len(self.series.works))]
            rows.append([cell(self.ui["resolution"].format(number=work.number))] + [str(n) if n else "" for n in counts])
        return rows

    def page(self) -> str:
        c = self.ui["series"]
        cols = c["columns"]
        title = c["title"]
        # the series' title in this site's language: its own resolution's, when that is one of the series
        own = any(w is self.home.work for w in self.series.works)
        description = c["description"].format(title=self.home.res.document.title if own else self.series.title)
        out = [f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
               f"description: {json.dumps(escape(description), ensure_ascii=False)}\n"
               "search:\n  boost: 0.2\n---\n",
               f"# {escape(title)} {{ #title }}\n",
               escape(c["intro"]) + "\n", escape(c["method"]) + "\n",
               f"## {escape(c['table_heading'])} {{ #resolutions }}\n",
               table([cols[k] for k in ("resolution", "adopted", "session", "preambular", "operative", "footnotes",
                                        "unchanged", "changed", "new", "dropped", "changes")], self.table_rows()),
               f"## {escape(c['picture_heading'])} {{ #picture }}\n",
               escape(c["picture_intro"]) + "\n",
               f"![{escape(c['picture_alt'].format(count=len(self.series.works)))}]({PICTURE})\n",
               f"### {escape(c['age_table_heading'])} {{ #ages }}\n",
               table([c["age_columns"]["resolution"]] + [f"{c['age_columns']['begins']} {w.number}" for w in self.series.works],
                     self.age_rows())]
        return "\n".join(out)


def write_series(home: Edition, docs: Path) -> bool:
    """Write series.md and its picture into the docs folder of `home`'s site, when the collection has a series of two or more."""
    series = next((s for s in home.collection.series if len(s.works) > 1), None)
    if series is None:
        return False
    page = SeriesPage(home, series)
    for name, text in ((SERIES, page.page()), (PICTURE, page.picture())):
        path = safe_path(docs, *home.src(name).split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return True

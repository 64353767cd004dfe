"""The index pages: /sponsors/ (with its chart), /actors/, /actors/<slug>/ and /references/.

Pages are Markdown for MkDocs.  Every piece of source text goes through
markup.escape; every link to another page of the site is a relative link to
its Markdown file when that file has been generated (MkDocs then checks it
and rewrites it for any deployment path), else the root-relative URL of the
URL contract.  External links come from generator.urls.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..analyse.mentions import context
from ..knowledge.actors import Gazetteer, load_actors
from ..knowledge.countries import load_gazetteer
from ..knowledge.lexicon import Language, load_lexicon
from ..knowledge.ui import strings
from ..model.document import Actor, Mention, Passage, Reference, Resolution, Sponsor
from ..paths import safe_path
from ..urls import reference_url
from . import svg
from .blocks import Links, Ui, cell, external, front_matter, place_label, place_url, table
from .compare import View
from .edition import Edition
from .markup import escape, escape_html

CHART = "sponsors/regional-groups.svg"
KINDS = ("resolution", "document", "treaty", "sdg-target")
_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.\-]+/[A-Za-z0-9._~/?&=%+\-]*$")


def load_ui(lang: str, gazetteer: Gazetteer) -> Ui:
    ui = Ui(lang, strings(lang).get("indexes", {}))
    for actor_type in gazetteer.types:
        ui.text("actors", "types", actor_type)
    for role in gazetteer.roles:
        ui.text("actors", "roles", role)
    for kind in KINDS:
        ui.text("references", "kinds", kind)
    return ui


def passages(res: Resolution) -> dict[str, Passage]:
    out: dict[str, Passage] = {}
    for p in res.paragraphs:
        out.update(dict(p.passages))
    out.update({f.id: f.body for f in res.footnotes})
    return out


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# -- sponsors ---------------------------------------------------------------------------


def sponsor_rows(res: Resolution, lang: str) -> list[tuple[str, int, int, list]]:
    """(group code, group name, members, sponsors) for every regional group, in the gazetteer's order."""
    countries = load_gazetteer()
    out = []
    for group in countries.regional_groups:
        members = [s for s in res.sponsors if s.regional_group == group.code]
        out.append((group.code, group.name(lang), len(group.members), members))
    return out


def sponsors_chart(res: Resolution, ui: Ui, lang: str) -> tuple[str, str]:
    """The SVG chart and its text alternative."""
    rows, parts = [], []
    for code, name, members, sponsors in sponsor_rows(res, lang):
        detail = ui.text("sponsors", "chart_count", count=len(sponsors), members=members)
        rows.append(svg.Row(f"{name} ({code})", detail, members, tuple(s.iso3 or "?" for s in sponsors)))
        parts.append(ui.text("sponsors", "chart_group", group=name, count=len(sponsors), members=members))
    alt = ui.text("sponsors", "chart_alt", groups=ui.text("labels", "group_separator").join(parts))
    picture = svg.waffle(rows, ui.text("sponsors", "chart_title"), alt,
                         (ui.text("sponsors", "legend_sponsor"), ui.text("sponsors", "legend_other")))
    return picture, alt


def sponsor_name(s: Sponsor, lang: str) -> str:
    return (s.name_en or s.name) if lang == "en" else s.name


def no_sponsors_page(res: Resolution, ui: Ui, lang: str, other: View | None) -> str:
    """/sponsors/ of a text that names no sponsors (an adopted resolution), and the other text's, if it names them."""
    d = res.document
    symbol = d.symbol or d.title
    words = Ui(lang, strings(lang).get("bilingual", {}))  # content/ui/bilingual.<lang>.yml, `sponsors`
    out = [front_matter(ui.text("sponsors", "title"), words.text("sponsors", "none", symbol=symbol))]
    out.append(f"# {escape(ui.text('sponsors', 'title'))}\n")
    out.append(escape(words.text("sponsors", "none", symbol=symbol)) + "\n")
    if other is not None and other.other.sponsors:
        sponsors = other.other.sponsors
        names = [sponsor_name(s, lang) for s in sponsors]
        layout = load_lexicon().languages[lang]
        listed = layout.sponsor_separator.join(names[:-1]) + layout.sponsor_last_separator + names[-1] if len(names) > 1 else names[0]
        o = other.other.document
        out.append(escape(words.text("sponsors", "other", language=other.other_name, symbol=o.symbol or o.title,
                                     count=len(sponsors), names=listed)) + "\n")
        link = other.other_page("sponsors.md") + "sponsors/"
        text = words.text("sponsors", "other_link", symbol=o.symbol or o.title)
        out.append(f'<p><a href="{escape_html(link)}" hreflang="{other.other_lang}">{escape(text)}</a></p>\n')
    return "\n".join(out)


def sponsors_page(res: Resolution, ui: Ui, lang: str, alt: str) -> str:
    countries = load_gazetteer()
    d = res.document
    symbol = d.symbol or d.title
    count = len(res.sponsors)
    out = [front_matter(ui.text("sponsors", "title"), ui.text("sponsors", "description", symbol=symbol, count=count))]
    out.append(f"# {escape(ui.text('sponsors', 'title'))}\n")
    out.append(escape(ui.text("sponsors", "intro", document_type=d.document_type or "", count=count)) + "\n")
    out.append(f"![{escape(alt)}]({CHART})\n")
    out.append(escape(ui.text("sponsors", "chart_caption")) + "\n")
    out.append(f"## {escape(ui.text('sponsors', 'groups_heading'))}\n")
    none = ui.text("labels", "none")
    sep = ui.text("labels", "list_separator")
    group_rows = []
    for code, name, members, sponsors in sponsor_rows(res, lang):
        listed = sep.join(sponsor_name(s, lang) for s in sponsors) or none
        group_rows.append([f"{cell(name)} ({cell(code)})", str(len(sponsors)), str(members), cell(listed)])
    c = ui.get("sponsors", "columns")
    out.append(table([c["group"], c["count"], c["members"], c["sponsors"]], group_rows))
    out.append(f"## {escape(ui.text('sponsors', 'list_heading'))}\n")
    rows = []
    for i, s in enumerate(res.sponsors, 1):
        group = countries.group(s.regional_group).name(lang) if s.regional_group else none
        rows.append([str(i), cell(s.name), cell(s.iso3 or none), cell(s.name_en or none), cell(group)])
    out.append(table([c["number"], c["name"], c["iso3"], c["name_en"], c["group"]], rows))
    return "\n".join(out)


# -- actors -----------------------------------------------------------------------------


def actor_name(actor: Actor, lang: str) -> str:
    return actor.name_en if lang == "en" else actor.name


def role_summary(mentions: list[Mention], gazetteer: Gazetteer, ui: Ui) -> str:
    counts = Counter(m.role for m in mentions)
    parts = [ui.text("actors", "role_count", role=ui.text("actors", "roles", role), count=counts[role])
             for role in gazetteer.roles if role != "mention" and counts[role]]
    return " · ".join(parts) or ui.text("labels", "none")


def by_actor(res: Resolution) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {a.id: [] for a in res.actors}
    for m in res.mentions:
        out.setdefault(m.actor, []).append(m)
    return out


def actors_index(res: Resolution, gazetteer: Gazetteer, ui: Ui, lang: str) -> str:
    d = res.document
    mentions = by_actor(res)
    out = [front_matter(ui.text("actors", "title"), ui.text("actors", "description", symbol=d.symbol or d.title))]
    out.append(f"# {escape(ui.text('actors', 'title'))}\n")
    out.append(escape(ui.text("actors", "intro", count=len(res.actors), mentions=len(res.mentions))) + "\n")
    c = ui.get("actors", "columns")
    order = {a.id: i for i, a in enumerate(gazetteer.actors)}
    for actor_type in gazetteer.types:
        actors = [a for a in res.actors if a.type == actor_type]
        if not actors:
            continue
        actors.sort(key=lambda a: (-len(mentions[a.id]), order.get(a.id, len(order)), a.id))
        heading = ui.text("actors", "type_heading", type=ui.text("actors", "types", actor_type), count=len(actors))
        out.append(f"## {escape(heading)}\n")
        rows = []
        for a in actors:
            ms = mentions[a.id]
            english = a.name_en + (f" ({a.acronym_en})" if a.acronym_en else "")
            rows.append([f"[{cell(actor_name(a, lang))}]({a.slug}.md)", cell(english), str(len(ms)),
                         str(len({m.paragraph for m in ms})), cell(role_summary(ms, gazetteer, ui))])
        out.append(table([c["name"], c["name_en"], c["mentions"], c["paragraphs"], c["roles"]], rows))
    return "\n".join(out)


def highlighted(text: str, m: Mention, rules) -> str:
    """The context of a mention, escaped, with the name marked."""
    ctx = context(text, m.start, m.end, rules)

    def inline(piece: str) -> str:
        return escape(re.sub(r"\s+", " ", piece))

    return (("…" if ctx.cut_start else "") + inline(text[ctx.start:m.start].lstrip()) + "<mark>" + inline(text[m.start:m.end])
            + "</mark>" + inline(text[m.end:ctx.end].rstrip()) + ("…" if ctx.cut_end else ""))


def actor_page(res: Resolution, actor: Actor, mentions: list[Mention], gazetteer: Gazetteer, ui: Ui,
               lang: str, links: Links, language: Language, texts: dict[str, Passage] | None = None) -> str:
    """The page of one actor; `texts` (every passage by id) is computed once by the caller when there are many."""
    here = f"actors/{actor.slug}.md"
    name = actor_name(actor, lang)
    texts = passages(res) if texts is None else texts
    rules = gazetteer.rules.get(lang)
    english = lang == "en"  # the gazetteer's names are Chinese and English: an English page needs only these
    description = name if english else f"{name} — {actor.name_en}"
    out = [front_matter(name, description)]
    out.append(f"# {escape(name)}\n")
    out.append(f"[{escape(ui.text('actors', 'back'))}](index.md)\n")
    f = ui.get("actors", "facts")
    facts = [] if english else [(f["name_en"], actor.name_en)]
    acronyms = [x for x in ((actor.acronym_en,) if english else (actor.acronym, actor.acronym_en)) if x]
    if acronyms:
        facts.append((f["acronym"], " / ".join(acronyms)))
    facts.append((f["type"], ui.text("actors", "types", actor.type)))
    found = []
    for m in mentions:
        form = texts[m.paragraph].text[m.start:m.end]
        if form != name and form not in found:
            found.append(form)
    if found:
        facts.append((f["forms"], ui.text("labels", "list_separator").join(found)))
    places = len({m.paragraph for m in mentions})
    facts.append((f["count"], ui.text("actors", "count", mentions=len(mentions), paragraphs=places)))
    if any(m.role != "mention" for m in mentions):
        facts.append((f["roles"], role_summary(mentions, gazetteer, ui)))
    out.append("\n".join(f"- {escape(k)}：{cell(v)}" if lang != "en" else f"- {escape(k)}: {cell(v)}" for k, v in facts) + "\n")
    out.append(f"## {escape(ui.text('actors', 'mentions_heading'))}\n")
    c = ui.get("actors", "columns")
    rows = []
    for m in mentions:
        label = place_label(res, m.paragraph, language, ui)
        link = f"[{cell(label)}]({links.to(place_url(m.paragraph), here)})"
        rows.append([link, cell(ui.text("actors", "roles", m.role)), highlighted(texts[m.paragraph].text, m, rules)])
    out.append(table([c["paragraph"], c["role"], c["context"]], rows))
    return "\n".join(out)


# -- references -------------------------------------------------------------------------


def printed_in(res: Resolution) -> dict[str, str]:
    """Resolutions without a symbol -> the document that prints them.

    The rule: where a passage cites a resolution that has no symbol of its
    own (a commission's or a treaty body's), and the next footnote marker in
    that passage, before any citation of a document that has a symbol, leads
    to a footnote that cites exactly one document, that document prints it
    (第 27/2 号决议¹¹ … ¹¹ 见《……正式记录》(E/2018/30)).
    """
    refs = {r.id: r for r in res.references}
    notes = {f.number: f for f in res.footnotes}
    out: dict[str, str] = {}
    for pid, passage in passages(res).items():
        for citation in passage.citations:
            ref = refs.get(citation.reference_id)
            if ref is None or ref.kind != "resolution" or ref.symbol or ref.id in out:
                continue
            blockers = [c.start for c in passage.citations if c.start >= citation.end and refs[c.reference_id].symbol]
            limit = min(blockers, default=len(passage.text) + 1)
            marker = next((n for n in passage.notes if citation.end <= n.offset < limit), None)
            if marker is None or marker.number not in notes:
                continue
            cited = [refs[c.reference_id] for c in notes[marker.number].body.citations]
            documents = {r.id for r in cited if r.kind == "document" and r.symbol}
            if len(documents) == 1 and len({r.id for r in cited}) == 1:
                out[ref.id] = documents.pop()
    return out


def treaty_names(res: Resolution, language: Language) -> dict[str, str]:
    """Treaties cited in a footnote -> the title in brackets right before that footnote's marker."""
    pairs = [q for q in language.quotes if q[0] != q[1]]
    texts = passages(res)
    out: dict[str, str] = {}
    for ref in res.references:
        if ref.kind != "treaty":
            continue
        for owner in ref.cited_in:
            if not owner.startswith("fn-"):
                continue
            note = res.footnote(int(owner[3:]))
            passage = texts.get(note.paragraph)
            mark = next((n for n in passage.notes if n.number == note.number), None) if passage else None
            if mark is None:
                continue
            before = passage.text[:mark.offset].rstrip().rstrip("，,、；;").rstrip()
            for opening, closing in pairs:
                if before.endswith(closing):
                    depth = 0
                    for i in range(len(before) - 1, -1, -1):
                        depth += before[i] == closing
                        depth -= before[i] == opening
                        if depth == 0:
                            out.setdefault(ref.id, before[i:])
                            break
            if ref.id in out:
                break
    return out


def cited_cell(res: Resolution, ref: Reference, language: Language, ui: Ui, links: Links) -> str:
    sep = ui.text("labels", "list_separator")
    return sep.join(f"[{cell(place_label(res, pid, language, ui))}]({links.to(place_url(pid), 'references.md')})"
                    for pid in ref.cited_in)


def references_page(res: Resolution, ui: Ui, lang: str, links: Links, language: Language) -> str:
    d = res.document
    refs = {r.id: r for r in res.references}
    printed = printed_in(res)
    names = treaty_names(res, language)
    lexicon = load_lexicon()
    c = ui.get("references", "columns")
    none = ui.text("references", "no_link")
    out = [front_matter(ui.text("references", "title"), ui.text("references", "description", symbol=d.symbol or d.title))]
    out.append(f"# {escape(ui.text('references', 'title'))}\n")
    out.append(escape(ui.text("references", "intro", count=len(res.references))) + "\n")

    def official(ref: Reference) -> str:
        url = reference_url(ref, lang)
        if url:
            return external(ref.symbol or ref.label, url)
        if ref.id in printed:
            doc = refs[printed[ref.id]]
            return escape(ui.text("references", "printed_in", link="\0")).replace("\0", external(doc.symbol or doc.label, reference_url(doc, lang)))
        return escape(none)

    kinds = list(KINDS) + sorted({r.kind for r in res.references} - set(KINDS))
    for kind in kinds:
        group = [r for r in res.references if r.kind == kind]
        if not group:
            continue
        out.append(f"## {escape(ui.text('references', 'kinds', kind))}\n")
        if kind == "resolution":
            if any(r.id in printed for r in group):
                out.append(escape(ui.text("references", "printed_note")) + "\n")
            codes = [b.code for b in lexicon.bodies]
            for code in codes + sorted({r.body or "" for r in group} - set(codes)):
                members = [r for r in group if (r.body or "") == code]
                if not members:
                    continue
                try:
                    body = lexicon.body(code).names.get(lang, (code,))[0]
                    heading = ui.text("references", "body_resolutions", body=body)
                except KeyError:
                    heading = ui.text("references", "other_resolutions")
                out.append(f"### {escape(heading)}\n")
                rows = [[cell(r.label), official(r), cited_cell(res, r, language, ui, links)] for r in members]
                out.append(table([c["document"], c["official"], c["cited_in"]], rows))
        elif kind == "treaty":
            rows = []
            for r in group:
                volume = ui.text("references", "treaty_volume", volume=r.volume, number=r.number)
                rows.append([cell(names.get(r.id, ui.text("labels", "none"))), external(volume, reference_url(r, lang)),
                             cited_cell(res, r, language, ui, links)])
            out.append(table([c["treaty"], c["unts"], c["cited_in"]], rows))
        else:
            rows = [[cell(r.label), official(r), cited_cell(res, r, language, ui, links)] for r in group]
            out.append(table([c["document"], c["official"], c["cited_in"]], rows))
    return "\n".join(out)


# -- the whole set ----------------------------------------------------------------------


def write_indexes(edition: Edition, docs: Path) -> None:
    """Write sponsors.md (and its chart), actors/index.md, actors/<slug>.md and references.md into `docs`.

    A text that names no sponsors gets a sponsors page that says so, and
    names those of the other language version of the same resolution, if it has any.

    A resolution that has not been annotated yet (sponsors without codes) is
    annotated first, so the pages never show half the data.
    """
    res = edition.res
    other = View(edition) if edition.collection.alignment(res) is not None else None
    lang = res.document.language
    gazetteer = load_actors()
    ui = load_ui(lang, gazetteer)
    language = load_lexicon().languages[lang]
    links = Links(docs)
    if res.sponsors:
        picture, alt = sponsors_chart(res, ui, lang)
        write(docs / CHART, picture)
        write(docs / "sponsors.md", sponsors_page(res, ui, lang, alt))
    else:
        write(docs / "sponsors.md", no_sponsors_page(res, ui, lang, other))
    write(docs / "actors" / "index.md", actors_index(res, gazetteer, ui, lang))
    mentions = by_actor(res)
    texts = passages(res)
    for actor in res.actors:
        page = actor_page(res, actor, mentions[actor.id], gazetteer, ui, lang, links, language, texts)
        write(safe_path(docs, "actors", f"{actor.slug}.md"), page)
    write(docs / "references.md", references_page(res, ui, lang, links, language))

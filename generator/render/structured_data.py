"""schema.org JSON-LD for the reading site's pages, built from the model.

Search engines and citation tools read it to tell that a page is a
resolution of the United Nations General Assembly, or a paragraph of one,
with its symbol, date and the organ that passed it.  The vocabulary is
schema.org's legislation terms:

- the resolution's home page is a `Legislation` (legislationIdentifier and
  identifier: its symbol; legislationType: its document type as the text
  names it; datePublished: the document's date; inLanguage; sameAs: its
  official page at undocs.org; hasPart: its paragraphs);
- a paragraph page is a `Legislation` too, `isPartOf` the resolution, its
  identifier the paragraph's id as every dataset writes it (pp-7), its
  lettered items (pp-10-a) `hasPart`.  schema.org defines Legislation as
  "a legal document ... or a component of a legal act (like an article)";
  `LegislationObject` would be wrong: it is a file (a MediaObject) holding
  a legislation, not a part of one;
- draft and adopted text: a resolution adopted by the General Assembly is
  `legislationPassedBy` the organ (an Organization, part of the United
  Nations), `legislationDate` the day of adoption, and `isBasedOn` the draft
  it adopted: schema.org defines isBasedOn as "a resource from which this
  work is derived or from which it is a modification or adaptation", which
  is what an adopted resolution is of its draft.  (workExample and
  exampleOfWork relate a work to its editions and translations, and
  legislationConsolidates a consolidated text to the acts it merges; neither
  fits.)  A draft is passed by no one and has no legislationDate: its
  date is datePublished.  schema.org has no inverse of isBasedOn, so the
  draft's page states the relation with a second node for the adopted
  resolution.  Which document adopted which comes from the model: an
  adopted text's heading and the draft's metadata file (`adopted:`), and the
  adopted text's metadata names its draft.  Where the site
  publishes the other document (/en/ for A/RES/12/345), that node's @id is
  its home page;
- `series`, a resolution's series (a CreativeWorkSeries node: its title and
  the site's /series/ page), is placed as the resolution's `isPartOf`.

Page addresses are written relative to the page ("./" the page itself,
"../../" the home page of a paragraph page); generator.render.site_address makes
them full when the build knows the site's address.  Other pages (the full
text, the indexes, the downloads) get a `WebPage` about the resolution, made
at MkDocs time from their title and description (`page_script`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..knowledge.ui import metadata_strings
from ..urls import UNDOCS, paragraph_path
from .link_preview import page_description, page_title
from .site_address import resolve

if TYPE_CHECKING:
    from ..model.document import DocumentInfo, Paragraph, Resolution

CONTEXT = "https://schema.org"
HERE = "./"


def up(path: str) -> str:
    """From the site path `path` ("pp/7/", "" for the home page) back to the site's root: "../../", "./"."""
    depth = len([part for part in path.split("/") if part])
    return "../" * depth or HERE


def _united_nations(lang: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": metadata_strings(lang)["organization"]}


def _document(symbol: str | None, node_id: str | None, lang: str) -> dict[str, Any]:
    """A node for a document known by its symbol: the resolution itself, or its draft or adopted version."""
    node: dict[str, Any] = {"@type": "Legislation"}
    if node_id is not None:
        node["@id"] = node_id
    if symbol:
        node["legislationIdentifier"] = node["identifier"] = symbol
        node["sameAs"] = UNDOCS.format(lang=lang, symbol=symbol)
    return node


def _passed(node: dict[str, Any], d: DocumentInfo, day: object) -> dict[str, Any]:
    """`node`, a resolution adopted on `day`, with its date of adoption and the organ that passed it."""
    if day:
        node["legislationDate"] = str(day)
    if d.organ:
        node["legislationPassedBy"] = {"@type": "Organization", "name": d.organ,
                                       "parentOrganization": _united_nations(d.language)}
    return node


def _other_version(d: DocumentInfo, symbol: str, other: tuple[Resolution, str] | None) -> dict[str, Any]:
    """The node of the draft or adopted document `symbol`: the other version's home when the site publishes it."""
    if other is None or other[0].document.symbol != symbol:
        return _document(symbol, None, d.language)
    published = other[0].document
    node = _document(symbol, other[1], published.language)
    node["name"] = published.title
    node["inLanguage"] = published.language
    return node


def resolution(res: Resolution, other: tuple[Resolution, str] | None = None,
               series: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-LD of the resolution's home page.

    `other`: the other language version the site publishes and the address
    of its home page relative to this one ("en/"), when there is one;
    `series`: the series the resolution belongs to, a node, when known.
    """
    d = res.document
    node = _document(d.symbol, HERE, d.language)
    node["name"] = d.title
    if d.document_type:
        node["legislationType"] = d.document_type
    node["inLanguage"] = d.language
    if d.date:
        node["datePublished"] = d.date
    node["publisher"] = _united_nations(d.language)
    if series is not None:
        node["isPartOf"] = series
    node["hasPart"] = [{"@type": "Legislation", "@id": paragraph_path(p.id), "identifier": p.id} for p in res.paragraphs]
    adoption = d.adoption
    adopted_as = adoption.symbol if adoption else None
    graph = [node]
    if adoption and adopted_as and adopted_as == d.symbol:  # the adopted resolution itself
        _passed(node, d, adoption.date)
        if adoption.draft:
            node["isBasedOn"] = _other_version(d, adoption.draft, other)
    elif adoption and adopted_as:  # a draft, adopted as `adopted_as`
        adopted = _passed(_other_version(d, adopted_as, other), d, adoption.date)
        adopted["isBasedOn"] = {"@id": HERE}
        graph.append(adopted)
    return {"@context": CONTEXT, "@graph": graph} if len(graph) > 1 else {"@context": CONTEXT, **node}


def paragraph(res: Resolution, p: Paragraph, name: str | None = None,
              series: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-LD of a paragraph's page: a part of the resolution, identified by the paragraph's id;
    `name`: its label (序言部分第 7 段), as the page's title gives it."""
    d = res.document
    whole = _document(d.symbol, up(paragraph_path(p.id)), d.language)
    whole["name"] = d.title
    if series is not None:
        whole["isPartOf"] = series
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": HERE,
        "identifier": p.id,
        "inLanguage": d.language,
        "isPartOf": whole,
    }
    if name:
        node["name"] = name
    if p.subparagraphs:
        node["hasPart"] = [{"@type": "Legislation", "@id": f"#{s.id}", "identifier": s.id} for s in p.subparagraphs]
    return node


def web_page(name: str, description: str | None, lang: str, path: str) -> dict[str, Any]:
    """The JSON-LD of any other page at site path `path`: a web page about the resolution (the site's home)."""
    node: dict[str, Any] = {"@context": CONTEXT, "@type": "WebPage", "@id": HERE, "name": name}
    if description:
        node["description"] = description
    node["inLanguage"] = lang
    node["about"] = {"@id": up(path)}
    return node


def front_matter(data: dict[str, Any]) -> Markup:
    """`data` as a YAML front-matter value: JSON on one line, every character outside ASCII escaped."""
    return Markup(json.dumps(data, ensure_ascii=True))


def script_text(data: dict[str, Any]) -> Markup:
    """`data` as the text of a <script type="application/ld+json">: it cannot end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def page_script(page: Any, config: Any) -> Markup:
    """The JSON-LD of a MkDocs page: its generator's (front matter `structured_data`), or a WebPage; addresses resolved."""
    data = page.meta.get("structured_data")
    if not isinstance(data, dict):
        data = web_page(page_title(page, config), page_description(page, config), config.theme.get("language") or "zh",
                        page.url)
    return script_text(resolve(data, page.canonical_url))

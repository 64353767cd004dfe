"""The document model: a resolution in the domain's own words.

Everything downstream (pages, indexes, JSON, CSV, Akoma Ntoso) reads these
classes and nothing else.  Text is kept as plain strings; the positions of
footnote markers and citations are kept beside the text as offsets, so that
each renderer can interleave them in its own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Union

Kind = Literal["preambular", "operative"]


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker at character `offset` of a text."""

    offset: int
    number: int


@dataclass(frozen=True)
class Citation:
    """A span `text[start:end]` that cites the reference `reference_id`."""

    start: int
    end: int
    reference_id: str


@dataclass(frozen=True)
class Text:
    """A run of plain text (one of the pieces `Passage.segments` yields)."""

    value: str


Segment = Union[Text, NoteRef, Citation]


@dataclass
class Passage:
    """Plain text with its footnote markers and citations."""

    text: str
    notes: list[NoteRef] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def footnotes(self) -> list[int]:
        return [n.number for n in self.notes]

    def segments(self, start: int = 0) -> Iterator[tuple[Segment, str]]:
        """Yield `(segment, text)` pairs from `start` on, in reading order.

        A Citation is yielded with the text it covers; a NoteRef with "";
        a Text with its own value.  Citations never contain a NoteRef.
        """
        events: list[tuple[int, int, Segment]] = []
        for n in self.notes:
            if n.offset >= start:
                events.append((n.offset, 0, n))
        for c in self.citations:
            if c.start >= start:
                events.append((c.start, 1, c))
        events.sort(key=lambda e: (e[0], e[1]))
        pos = start
        for offset, _, seg in events:
            if offset > pos:
                yield Text(self.text[pos:offset]), self.text[pos:offset]
            if isinstance(seg, Citation):
                covered = self.text[seg.start:seg.end]
                yield seg, covered
                pos = seg.end
            else:
                yield seg, ""
                pos = max(pos, offset)
        if pos < len(self.text):
            yield Text(self.text[pos:]), self.text[pos:]


@dataclass
class SubParagraph:
    """An item of a paragraph, (a), (b) ... or (i), (ii) ...; `parent` is the id of
    the item it stands in, for an item of a list inside an item (op-5-b-ii in op-5-b)."""

    id: str
    label: str
    body: Passage
    line: int
    parent: str | None = None

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def footnotes(self) -> list[int]:
        return self.body.footnotes


@dataclass
class Paragraph:
    """A numbered paragraph: its opening phrase (`lead`) is `body.text[:len(lead)]`."""

    id: str
    number: int
    lead: str
    body: Passage
    line: int
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    kind: Kind = "preambular"

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def footnotes(self) -> list[int]:
        """Footnote numbers referenced in the paragraph and its items, in order."""
        out = list(self.body.footnotes)
        for sub in self.subparagraphs:
            out.extend(sub.footnotes)
        return out

    @property
    def passages(self) -> list[tuple[str, Passage]]:
        """The paragraph's own passage and its items', each with its id."""
        return [(self.id, self.body)] + [(s.id, s.body) for s in self.subparagraphs]


@dataclass
class PreambularParagraph(Paragraph):
    kind: Kind = "preambular"


@dataclass
class OperativeParagraph(Paragraph):
    kind: Kind = "operative"


@dataclass
class Footnote:
    """A footnote; `paragraph` is the id of the (sub-)paragraph that references it."""

    number: int
    body: Passage
    paragraph: str
    line: int

    @property
    def id(self) -> str:
        return f"fn-{self.number}"

    @property
    def text(self) -> str:
        return self.body.text


@dataclass
class Sponsor:
    """A sponsoring State as the document names it; codes are added from the gazetteer."""

    name: str
    iso3: str | None = None
    name_en: str | None = None
    regional_group: str | None = None


@dataclass
class Actor:
    """A State, organ, office, official, mechanism or group the resolution speaks of or to."""

    id: str
    slug: str
    name: str
    name_en: str
    type: str
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    acronym_en: str | None = None


@dataclass
class Mention:
    """An actor named in a passage (`paragraph`: pp-N, op-N, pp-N-a or fn-N).

    `role` is "mention" or, in operative paragraphs, what the paragraph does
    to the actor ("requested", "urged", "invited", ...). `start`/`end` locate
    the name in the passage text; `sentence` is the clause around it.
    """

    actor: str
    paragraph: str
    role: str
    start: int
    end: int
    sentence: str


@dataclass
class Reference:
    """A document the resolution cites.

    `kind` is one of: resolution, document, treaty, sdg-target.
    `body` names the issuing organ of a resolution (a code from bodies.yml).
    `cited_in` lists the ids of paragraphs (or sub-paragraphs) and footnotes
    (`fn-N`) whose text cites it, in document order.
    """

    id: str
    kind: str
    label: str
    number: str | None = None
    body: str | None = None
    symbol: str | None = None
    volume: int | None = None
    cited_in: list[str] = field(default_factory=list)


@dataclass
class Adoption:
    """How a text became (or was adopted as) a resolution.

    An adopted resolution states these facts in its own heading and closing
    lines; a draft cannot, and takes them from its metadata file.  `source`
    says which: "text", or the metadata file's note of where the facts come from.
    """

    symbol: str | None = None
    date: str | None = None
    meeting: str | None = None
    committee: str | None = None
    report: str | None = None
    report_paragraph: str | None = None
    draft: str | None = None
    source: str = "text"


@dataclass
class DocumentInfo:
    """What the document says about itself, plus what its metadata file adds."""

    title: str
    language: str
    organ: str | None = None
    distribution: str | None = None
    date: str | None = None
    original_language: str | None = None
    session: int | None = None
    committee: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    document_type: str | None = None
    symbol: str | None = None
    symbol_line: int | None = None  # where the text states its symbol (None: from the metadata file)
    adoption: Adoption | None = None
    metadata: dict = field(default_factory=dict)


@dataclass
class Resolution:
    document: DocumentInfo
    sponsors: list[Sponsor]
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    references: list[Reference]
    decisions: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    source_name: str = ""
    source_path: str = ""  # the file it was read from, as given

    @property
    def preambular(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "preambular"]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "operative"]

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with id `pid` (an item's id gives its paragraph); an index, rebuilt when the list changes length."""
        index = self.__dict__.get("_paragraph_index")
        if index is None or index[1] != len(self.paragraphs):
            ids = {pid: p for p in self.paragraphs for pid, _ in p.passages}
            index = self.__dict__["_paragraph_index"] = (ids, len(self.paragraphs))
        return index[0][pid]

    def footnote(self, number: int) -> Footnote:
        """The footnote numbered `number` (an index, rebuilt when the list changes length)."""
        index = self.__dict__.get("_footnote_index")
        if index is None or len(index) != len(self.footnotes):
            index = self.__dict__["_footnote_index"] = {f.number: f for f in self.footnotes}
        return index[number]

    def reference(self, rid: str) -> Reference:
        for r in self.references:
            if r.id == rid:
                return r
        raise KeyError(rid)


def paragraph_id(kind: Kind, number: int) -> str:
    return f"{'pp' if kind == 'preambular' else 'op'}-{number}"


@dataclass(frozen=True)
class FRBRUri:
    """An Akoma Ntoso FRBR IRI for a UN document, e.g.
    /akn/un/statement/deliberation/unga/2001-11-10/A-C.3-12-L.34-Rev.1
    (AKN4UN: subtype "deliberation"; draft or adopted is the statement's @name).

    `work` is the IRI of the Work; `expression(lang)` and `manifestation(lang)`
    append the language and format parts as the AKN naming convention sets out.
    """

    country: str
    doctype: str
    subtype: str
    actor: str
    date: str
    number: str

    @property
    def work(self) -> str:
        return f"/akn/{self.country}/{self.doctype}/{self.subtype}/{self.actor}/{self.date}/{self.number}"

    def expression(self, language: str) -> str:
        return f"{self.work}/{language}@"

    def manifestation(self, language: str, fmt: str = "akn") -> str:
        return f"{self.expression(language)}/!main.{fmt}" if fmt != "akn" else f"{self.expression(language)}/!main"

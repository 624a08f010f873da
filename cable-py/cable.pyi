"""Parser for US diplomatic cables (State Department telegrams as in the 2010–11 Cablegate
release).

``parse()`` reads the text of one cable, ``parse_html()`` a cablegate page, ``parse_file()`` a
file of either kind, ``read_csv()`` streams the rows of a cables.csv file, ``read_dir()`` walks a
directory; ``to_dataframe()`` builds a pandas DataFrame with one row per cable,
``paragraphs_frame()`` one with a row per paragraph, ``citations()`` the citation edges of a
corpus. ``canonical_id()``, ``tag_kind()``, ``station()`` and ``stations()`` give the ids
knowledge. Hand-written stub, checked against the
compiled module with ``python -m mypy.stubtest cable``.
"""

import datetime
import os
from typing import Any, BinaryIO, Dict, Iterable, List, Literal, Optional, Tuple, Union, final

__all__ = [
    "parse",
    "parse_file",
    "parse_html",
    "read_csv",
    "read_dir",
    "Cable",
    "CableError",
    "CsvRowError",
    "EncodingError",
    "NotACableError",
    "to_arrow",
    "arrow_stream",
    "ArrowStream",
    "to_dataframe",
    "paragraphs_frame",
    "citations",
    "canonical_id",
    "tag_kind",
    "station",
    "stations",
    "Station",
    "CableReader",
    "Break",
    "ClassifiedBy",
    "Envelope",
    "ExecutiveOrder",
    "Item",
    "Marking",
    "Paragraph",
    "ParseWarning",
    "Passage",
    "Recipient",
    "Reference",
    "Routing",
    "Section",
    "__version__",
]

__version__: str

_Text = Union[str, bytes, bytearray]
_Path = Union[str, "os.PathLike[str]"]
_Span = Tuple[int, int]
_Errors = Literal["replace", "strict"]
_OnError = Literal["raise", "skip"]

class CableError(ValueError):
    """Base class of the errors raised for input that cannot be read as a cable.

    A ``ValueError``. ``message``: what went wrong; ``kind``: a short code such as
    ``"not_a_cable"``; ``position``: byte offset in the text (for a CSV row: in the file);
    ``row``: the 1-based CSV row, or None; ``path``: the file, or None.
    """

    message: str
    kind: str
    position: int
    row: Optional[int]
    path: Optional[str]

class NotACableError(CableError):
    """The input holds no cable: ``kind`` is ``"empty"``, ``"binary"``, ``"not_a_cable"``,
    ``"too_large"``, ``"no_pre_block"`` or ``"csv_file"``."""

class EncodingError(CableError):
    """Bytes that had to be replaced while decoding, raised only with ``errors="strict"``."""

class CsvRowError(CableError):
    """A malformed row of a cables.csv file, with its ``row`` number and byte ``position``."""

@final
class Recipient:
    """An addressee of the ``TO`` or ``INFO`` list: ``RUEHC/SECSTATE WASHDC IMMEDIATE 5322``."""

    @property
    def route(self) -> Optional[str]:
        """Routing indicator before the slash (``"RUEHC"``), or None."""
    @property
    def name(self) -> str:
        """Plain-language address (``"SECSTATE WASHDC"``)."""
    @property
    def office(self) -> Optional[str]:
        """Office after a ``//``, or None."""
    @property
    def precedence(self) -> Optional[str]:
        """Delivery precedence (``"IMMEDIATE"``, ``"PRIORITY"``, ...), or None."""
    @property
    def mcn(self) -> Optional[str]:
        """Message continuity number as written (``"5322"``, ``"2276-2279"``), or None."""
    @property
    def excluded(self) -> Tuple[str, ...]:
        """Members of this collective excluded from delivery by ``XMT`` lines."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the addressee line in ``Cable.text``."""
    def to_dict(self) -> Dict[str, Any]:
        """The recipient as in the JSON contract."""

@final
class Routing:
    """Format lines 1–4 of the routing header."""

    @property
    def transmission_id(self) -> Optional[str]:
        """``"VZCZCXRO9060"``, or None."""
    @property
    def relay_precedence(self) -> Optional[str]:
        """Precedence prosign of the relay line (``"OO"``), or None."""
    @property
    def relays(self) -> Tuple[str, ...]:
        """Routing indicators of the relay line."""
    @property
    def station(self) -> Optional[str]:
        """Originating station routing indicator of the ``DE`` line (``"RUEHMO"``), or None."""
    @property
    def serial(self) -> Optional[str]:
        """Station serial number of the ``DE`` line as written (``"5434"``), or None."""
    @property
    def section(self) -> Optional[int]:
        """Section number of the ``DE`` line, or None."""
    @property
    def julian_time(self) -> Optional[str]:
        """Julian day and time of transmission (``"3211231"``), or None."""
    @property
    def security(self) -> Optional[str]:
        """Security warning group (``"ZNY CCCCC"``), or None."""
    @property
    def signals(self) -> Optional[str]:
        """Operating signals after the security group (``"ZZH"``), or None."""
    def to_dict(self) -> Dict[str, Any]:
        """The routing as in the JSON contract."""

@final
class Section:
    """``SECTION 01 OF 02``."""

    @property
    def number(self) -> int:
        """This section's number (1-based)."""
    @property
    def total(self) -> Optional[int]:
        """How many sections the telegram has, or None."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"number": ..., "total": ...}``."""

@final
class ExecutiveOrder:
    """The ``E.O.`` line: ``E.O. 12958: DECL: 11/16/2017``."""

    @property
    def order(self) -> Optional[str]:
        """Number of the executive order (``"12958"``), or None."""
    @property
    def declassify_on(self) -> Optional[datetime.date]:
        """The declassification date when the instruction is one, else None."""
    @property
    def declassify_raw(self) -> Optional[str]:
        """The declassification instruction as written, or None."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the line in ``Cable.text``."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract (``declassify_on`` as an ISO date string)."""

@final
class Reference:
    """A reference of the ``REF`` block."""

    @property
    def label(self) -> Optional[str]:
        """Bullet label (``"A"``), or None."""
    @property
    def kind(self) -> Literal["cable", "email", "telcon", "memcon", "report", "other"]:
        """What is cited."""
    @property
    def id(self) -> Optional[str]:
        """Canonical id of a cited cable (``"07STATE12345"``), or None."""
    @property
    def station(self) -> Optional[str]:
        """Station of a cited cable, or None."""
    @property
    def serial(self) -> Optional[int]:
        """Serial of a cited cable, or None."""
    @property
    def year(self) -> Optional[int]:
        """Four-digit year of a cited cable, or None."""
    @property
    def text(self) -> str:
        """The item as written (its own words when the item cites several cables)."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract."""

@final
class ClassifiedBy:
    """The ``Classified By:`` line."""

    @property
    def text(self) -> str:
        """The line after the keyword, as written."""
    @property
    def names(self) -> Tuple[str, ...]:
        """Person names, titles removed."""
    @property
    def reasons(self) -> Tuple[str, ...]:
        """Classification reasons, normalised (``"1.4(b)"``)."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract."""

@final
class Marking:
    """A portion marking such as ``(C)``, ``(S//NF)``."""

    @property
    def level(self) -> str:
        """The level it names (``"CONFIDENTIAL"``)."""
    @property
    def caveats(self) -> Tuple[str, ...]:
        """Caveats, upper case, ``NF`` expanded to ``NOFORN``."""
    @property
    def raw(self) -> str:
        """The marking as written."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract."""

@final
class ParseWarning:
    """Something odd but usable the parser met."""

    @property
    def kind(self) -> str:
        """``"unrecognised_line"``, ``"invalid_date"``, ``"lossy_decoding"``, ..."""
    @property
    def message(self) -> str:
        """A short description."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span in ``Cable.text``."""
    @property
    def text(self) -> str:
        """The text concerned (at most 200 bytes of it)."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract."""

@final
class Envelope:
    """What the container (a cablegate page, a cables.csv row) says about the cable."""

    @property
    def kind(self) -> Literal["cablegate_html", "cables_csv"]:
        """The container."""
    @property
    def row_id(self) -> Optional[int]:
        """Row id (first CSV column), or None."""
    @property
    def reference_id(self) -> Optional[str]:
        """The container's reference id, or None."""
    @property
    def created(self) -> Optional[str]:
        """The container's date as written, or None."""
    @property
    def released(self) -> Optional[str]:
        """Release date of a page, or None."""
    @property
    def classification(self) -> Optional[str]:
        """The container's classification (``"SECRET//NOFORN"``), or None."""
    @property
    def origin(self) -> Optional[str]:
        """The container's origin (``"Embassy Moscow"``), or None."""
    @property
    def references(self) -> Tuple[str, ...]:
        """Referenced ids."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract."""

@final
class Item:
    """A sub-item of a paragraph: a line starting with a label (``A.``, ``(1)``, ``--``) and the
    lines continuing it. It stays part of the paragraph's ``text``."""

    @property
    def label(self) -> str:
        """The label as written (``"A."``, ``"(1)"``, ``"--"``)."""
    @property
    def text(self) -> str:
        """The item's text after the label, cleaned like paragraph text."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span in ``Cable.text``, from the label to the end of the item."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"label": ..., "text": ..., "span": [start, end]}``."""

@final
class Paragraph:
    """A paragraph of the body: numbered (``1. (C) ...``) or, in cables without numbers, a block
    of text between blank lines."""

    @property
    def index(self) -> int:
        """Position in ``Cable.paragraphs`` (0-based); ``Passage.paragraphs`` hold these."""
    @property
    def number(self) -> Optional[int]:
        """The true paragraph number (``12.`` read as 2, with a warning), or None when unnumbered."""
    @property
    def written_number(self) -> Optional[str]:
        """The number as written, pilcrow and period included (``"12."``, ``"¶4."``), or None."""
    @property
    def marking(self) -> Optional[Marking]:
        """The portion marking (``(C)``, ``(S//NF)``), or None."""
    @property
    def level(self) -> Optional[str]:
        """The level of the portion marking (``"SECRET"``), or None."""
    @property
    def heading(self) -> Optional[str]:
        """The heading above the paragraph (``"Lavrov's Letter"``), or None."""
    @property
    def text(self) -> str:
        """The text after the number and marking, cleaned: breaks cut out, lines joined, a
        sub-item starting a new line."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the paragraph as written (the heading excluded)."""
    @property
    def text_span(self) -> _Span:
        """``(start, end)`` byte span of the text as written (after the marking)."""
    @property
    def heading_span(self) -> Optional[_Span]:
        """``(start, end)`` byte span of the heading's caption lines, or None."""
    @property
    def items(self) -> Tuple[Item, ...]:
        """The sub-items (``A.``, ``(1)``, ``--``) that start lines of the paragraph."""
    def to_dict(self) -> Dict[str, Any]:
        """As in the JSON contract: ``{number, written_number, marking, heading, text, span, items}``."""

@final
class Passage:
    """A summary, comment, action request or inline note: a stretch of one or more paragraphs."""

    @property
    def kind(self) -> Literal["summary", "comment", "action_request", "note", "inline_comment"]:
        """What the passage is."""
    @property
    def text(self) -> str:
        """The text, cleaned, paragraphs separated by a blank line; keywords excluded."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the text as written in ``Cable.text``."""
    @property
    def paragraphs(self) -> Tuple[int, ...]:
        """Indexes into ``Cable.paragraphs`` of the paragraphs the passage covers."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"kind": ..., "text": ..., "span": [start, end], "paragraphs": [...]}``."""

@final
class Break:
    """A page or section break in the body, cut out of the text it interrupts."""

    @property
    def kind(self) -> Literal["page", "section"]:
        """``"page"`` (a page marker or ``PAGE nn`` banner) or ``"section"`` (a partial record's
        repeated header)."""
    @property
    def page(self) -> Optional[int]:
        """The page the break starts (``002 OF 002`` → 2), or None."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the break's lines in ``Cable.text``."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"kind": ..., "page": ..., "span": [start, end]}``."""

@final
class DocumentMarking:
    """The marking of the whole text, declared by a paragraph (``1. CONFIDENTIAL - ENTIRE TEXT.``)."""

    @property
    def level(self) -> str:
        """The level it names (``"CONFIDENTIAL"``)."""
    @property
    def caveats(self) -> Tuple[str, ...]:
        """Caveats, upper case (``ENTIRE TEXT`` is the scope, not a caveat)."""
    @property
    def raw(self) -> str:
        """The marking as written (``"CONFIDENTIAL - ENTIRE TEXT"``)."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the marking in ``Cable.text``."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"level": ..., "caveats": [...], "raw": ..., "span": [start, end]}``."""

@final
class Link:
    """A cross-reference in a paragraph's text: ``REF A``, ``reftel``, ``septel``, ``para 13``."""

    @property
    def kind(self) -> Literal["reference", "paragraph", "reference_paragraph", "septel"]:
        """What it points at."""
    @property
    def paragraph(self) -> int:
        """Index of the paragraph whose text holds it."""
    @property
    def target(self) -> Optional[int]:
        """Index into ``Cable.references`` or ``Cable.paragraphs`` of what it names, or None."""
    @property
    def number(self) -> Optional[int]:
        """The paragraph number cited (``para 13`` → 13), or None."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the label or number as written."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"kind": ..., "paragraph": ..., "target": ..., "number": ..., "span": [start, end]}``."""

@final
class Drafting:
    """Who drafted, cleared and approved the telegram."""

    @property
    def drafted(self) -> str:
        """The drafter as written (``"POL:MBURROWS"``)."""
    @property
    def cleared(self) -> Tuple[str, ...]:
        """The clearances, in order."""
    @property
    def approved(self) -> Optional[str]:
        """The approver, or None."""
    @property
    def span(self) -> _Span:
        """``(start, end)`` byte span of the block in ``Cable.text``."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"drafted": ..., "cleared": [...], "approved": ..., "span": [start, end]}``."""

@final
class Cable:
    """A parsed cable. Read-only; properties are computed from the text when read."""

    @property
    def reference_id(self) -> Optional[str]:
        """``"07MOSCOW5434"``, or None when station, serial or year are unknown."""
    @property
    def transmission_id(self) -> Optional[str]:
        """``"VZCZCXRO9060"``, or None."""
    @property
    def created(self) -> Optional[datetime.datetime]:
        """The date-time group as a timezone-aware UTC ``datetime``, or None."""
    @property
    def dtg(self) -> Optional[str]:
        """The date-time group as written (``"171231Z NOV 07"``), or None."""
    @property
    def precedence(self) -> Optional[str]:
        """Action precedence (``"IMMEDIATE"``), or None."""
    @property
    def info_precedence(self) -> Optional[str]:
        """Info precedence, or None."""
    @property
    def sender(self) -> Optional[str]:
        """The ``FM`` line (``"AMEMBASSY MOSCOW"``), or None."""
    @property
    def origin(self) -> Optional[str]:
        """Station of the reference id (``"MOSCOW"``), or None."""
    @property
    def serial(self) -> Optional[int]:
        """Serial of the reference id (``5434``), or None."""
    @property
    def to(self) -> Tuple[Recipient, ...]:
        """Action addressees."""
    @property
    def info(self) -> Tuple[Recipient, ...]:
        """Information addressees."""
    @property
    def routing(self) -> Routing:
        """Format lines 1–4 of the routing header."""
    @property
    def classification(self) -> Optional[str]:
        """``"UNCLASSIFIED"``, ``"SBU"``, ``"LIMITED OFFICIAL USE"``, ``"CONFIDENTIAL"``,
        ``"SECRET"``, ``"TOP SECRET"``, or None."""
    @property
    def caveats(self) -> Tuple[str, ...]:
        """Captions and handling caveats (``("SIPDIS",)``)."""
    @property
    def document_marking(self) -> Optional[DocumentMarking]:
        """The marking of the whole text when a paragraph declares one, or None."""
    @property
    def distribution(self) -> Tuple[str, ...]:
        """Distribution lines."""
    @property
    def section(self) -> Optional[Section]:
        """``SECTION 01 OF 02``, or None."""
    @property
    def eo(self) -> Optional[ExecutiveOrder]:
        """The ``E.O.`` line, or None."""
    @property
    def tags(self) -> Tuple[str, ...]:
        """TAGS, canonical: upper case, in order, without repeats, misspellings fixed, glued tags split."""
    @property
    def tags_raw(self) -> Tuple[str, ...]:
        """TAGS as written, before canonicalisation."""
    @property
    def subject(self) -> Optional[str]:
        """The subject joined into one line, or None."""
    @property
    def subject_marking(self) -> Optional[Marking]:
        """A portion marking at the start of the subject, or None."""
    @property
    def references(self) -> Tuple[Reference, ...]:
        """The ``REF`` block."""
    @property
    def classified_by(self) -> Optional[ClassifiedBy]:
        """The ``Classified By:`` line, or None."""
    @property
    def partial(self) -> bool:
        """True for a partial record."""
    @property
    def envelope(self) -> Optional[Envelope]:
        """The container's metadata, or None for plain text."""
    @property
    def paragraphs(self) -> Tuple[Paragraph, ...]:
        """The paragraphs of the body, in text order."""
    def paragraph(self, number: int) -> Optional[Paragraph]:
        """The paragraph numbered ``number`` (the first, if the number repeats), or None."""
    @property
    def summary(self) -> Optional[Passage]:
        """The summary, or None."""
    @property
    def comment(self) -> Optional[Passage]:
        """The comment, or None."""
    @property
    def action_request(self) -> Optional[Passage]:
        """The action request, or None."""
    @property
    def notes(self) -> Tuple[Passage, ...]:
        """Inline ``(Note: ...)`` and ``(Comment: ...)`` passages."""
    @property
    def links(self) -> Tuple[Link, ...]:
        """Cross-references in the paragraphs' text, in text order."""
    @property
    def signature(self) -> Optional[str]:
        """The signature as written (``"BURNS"``), or None."""
    @property
    def signers(self) -> Tuple[str, ...]:
        """The names of the signature, split (``("KEEGAN", "PAAL")``)."""
    @property
    def drafting(self) -> Optional[Drafting]:
        """The drafting block (``DRAFTED BY:`` ...), or None."""
    @property
    def redactions(self) -> Tuple[_Span, ...]:
        """``(start, end)`` byte spans of the ``XXXXXXXXXXXX`` runs."""
    @property
    def breaks(self) -> Tuple[Break, ...]:
        """Page and section breaks in the body."""
    @property
    def sections(self) -> List[Dict[str, Any]]:
        """The sections of a telegram sent in sections: ``{"number", "total", "span",
        "header_span"}`` each; empty for a text of one section."""
    @property
    def warnings(self) -> Tuple[ParseWarning, ...]:
        """Everything odd but usable the parser met."""
    @property
    def spans(self) -> Dict[str, Any]:
        """The JSON ``spans`` object: ``[start, end]`` byte spans of parts and fields."""
    @property
    def text(self) -> str:
        """The text the cable was parsed from."""
    @property
    def body(self) -> str:
        """Everything after the metadata block, as written."""
    @property
    def source(self) -> Optional[str]:
        """Where it was read (``"cables.csv:17"``, a file's path), as the tables' ``source``; None for ``parse()``."""
    def to_dict(self) -> Dict[str, Any]:
        """The JSON contract as a dict (``json.loads(cable.to_json())``)."""
    def to_json(self, *, indent: bool = False) -> str:
        """The JSON contract; ``indent=True`` pretty-prints."""

@final
class Station:
    """A post of the station table."""

    @property
    def station(self) -> str:
        """The station of reference ids (``"MOSCOW"``)."""
    @property
    def plad(self) -> str:
        """The usual plain-language address (``"AMEMBASSY MOSCOW"``)."""
    @property
    def plads(self) -> Tuple[str, ...]:
        """Every plain-language address known for the post, the usual one first."""
    @property
    def routes(self) -> Tuple[str, ...]:
        """Routing indicators (``("RUEHMO",)``)."""
    @property
    def origin(self) -> str:
        """The envelope origin name (``"Embassy Moscow"``)."""
    @property
    def origins(self) -> Tuple[str, ...]:
        """Every origin name known for the post."""
    @property
    def country(self) -> str:
        """The host country (``"Russia"``)."""
    @property
    def geo(self) -> str:
        """The host country's TAGS code (``"RS"``)."""
    @property
    def aliases(self) -> Tuple[str, ...]:
        """Other spellings of the station (``("HCMC",)``)."""
    def to_dict(self) -> Dict[str, Any]:
        """``{station, plads, routes, origin, origins, country, geo, aliases}``."""

@final
class CableReader:
    """An iterator of ``Cable`` over a cables.csv file or a directory, read as it goes."""

    def __iter__(self) -> "CableReader": ...
    def __next__(self) -> Cable: ...
    @property
    def errors(self) -> List[Exception]:
        """The errors met so far with ``on_error="skip"``."""
    @property
    def bytes_read(self) -> int:
        """Bytes of the input read so far (decompressed)."""
    @property
    def total_bytes(self) -> Optional[int]:
        """Size of the input when known (plain files), else None."""

def parse(data: _Text, /, *, year: Optional[int] = None, errors: _Errors = "replace") -> Cable:
    """Parses the text of one cable (``str`` or ``bytes``)."""

def parse_html(page: _Text, /, *, year: Optional[int] = None, errors: _Errors = "replace") -> Cable:
    """Parses a cablegate HTML page."""

def parse_file(
    path: Union[_Path, BinaryIO], /, *, year: Optional[int] = None, errors: _Errors = "replace"
) -> Cable:
    """Reads and parses a file or binary file object holding one cable (text or page,
    detected; gzip and zstd decompressed)."""

def read_csv(
    path: Union[_Path, BinaryIO],
    /,
    *,
    year: Optional[int] = None,
    errors: _Errors = "replace",
    on_error: _OnError = "raise",
    byte_range: Optional[Tuple[int, int]] = None,
    progress: bool = False,
) -> CableReader:
    """Streams the rows of a cables.csv file, or of a binary file object (``gzip.open(p)``,
    ``io.BytesIO``); gzip and zstd are decompressed. ``byte_range=(start, end)``: only the rows
    whose first byte lies in ``[start, end)`` of a plain file."""

def read_dir(
    path: _Path,
    /,
    *,
    year: Optional[int] = None,
    errors: _Errors = "replace",
    on_error: _OnError = "raise",
    progress: bool = False,
) -> CableReader:
    """Walks a directory and yields the cables of its files."""

def to_arrow(
    cables: Iterable[Cable], /, *, table: Literal["cables", "paragraphs", "citations"] = "cables", text: bool = False
) -> Any:
    """A ``pyarrow.Table`` of the cables (one row per cable, paragraph or citation), typed
    columns (``to``, ``info``, ``references``, ``paragraphs``: lists of structs; the citations'
    ``in_corpus``), built in Rust and handed over through the Arrow C stream interface."""

@final
class ArrowStream:
    """Record batches of one of the core's tables, read through ``__arrow_c_stream__``."""

    def __arrow_c_stream__(self, requested_schema: Optional[Any] = None) -> Any: ...
    @property
    def num_rows(self) -> int: ...

def arrow_stream(
    cables: Iterable[Cable], /, *, table: Literal["cables", "paragraphs", "citations"] = "cables"
) -> ArrowStream:
    """The table of ``to_arrow()`` as an ``ArrowStream``, for polars and DuckDB without pyarrow."""

def to_dataframe(cables: Iterable[Cable], /, *, columns: Optional[List[str]] = None) -> Any:
    """A pandas DataFrame with one row per cable: the columns of ``to_arrow(cables)``, or those
    named in ``columns``, also ``text`` and ``body`` (needs pandas and pyarrow)."""

def paragraphs_frame(cables: Iterable[Cable], /, *, columns: Optional[List[str]] = None) -> Any:
    """A pandas DataFrame with one row per paragraph: source, reference_id, index, number, level,
    caveats, heading, text (needs pandas and pyarrow)."""

def citations(cables: Iterable[Cable]) -> Any:
    """A pandas DataFrame of citation edges: citing, cited, label, kind, in_corpus, source (needs pandas and pyarrow)."""

def canonical_id(id: str) -> Optional[str]:
    """The canonical form of a cable id (``"07MOSCOW5434"``), or None."""

def tag_kind(tag: str) -> Literal["subject", "geo", "org", "program", "person", "unknown"]:
    """The kind of a TAGS tag."""

def station(name: str) -> Optional[Station]:
    """A post by station, alias, PLAD, routing indicator or origin name, or None."""

def stations() -> Tuple[Station, ...]:
    """Every post of the station table."""

def _corpus_files(path: _Path) -> List[Tuple[Any, int, bool]]:
    """Internal (cable.dask): the files of the core's walk, with size and plain-CSV flag."""

def _read_paths(
    paths: List[_Path], /, *, year: Optional[int] = None, errors: _Errors = "replace", on_error: _OnError = "raise"
) -> CableReader:
    """Internal (cable.dask): the cables of the given files, read by the core's walk."""

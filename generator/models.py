"""The content format, declared once: validation, Python types and JSON Schema.

Every reader-facing text is a :data:`Text`, a map from language code to text.
Models are frozen and forbid unknown fields, so a misspelt key is an error
rather than a silently ignored line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator.dates import FullDate, PartialDate

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Ids and slugs name output files (actors/<id>.md, data/timelines/<slug>.json): well
# under the 255 bytes a file name may have on every common file system.
MAX_ID_LENGTH = 80
LANG_PATTERN = r"^[a-z]{2,3}$"
FILE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
ALLOWED_SCHEMES = ("http", "https", "mailto")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")  # what generator.images publishes
ARTICLE_SUFFIXES = (".txt", ".md")


# Unicode's control characters (category Cc) are exactly these two ranges;
# tab and newline are allowed in texts.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_invisible(text: str) -> str:
    """Refuse control and format characters (bidi overrides, zero-width) in names."""
    if text.isprintable():  # C code, and false for every Cc and Cf character
        return text
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf"):
            raise ValueError(f"contains the invisible character U+{ord(char):04X}")
    return text


def describe_char(char: str) -> str:
    """A character as a message names it: 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)."""
    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"


def shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid id or slug, naming the character at fault; None if it is."""
    if len(value) > MAX_ID_LENGTH:
        return f"it is {len(value)} characters long; the limit is {MAX_ID_LENGTH}"
    for char in value:
        if not ("a" <= char <= "z" or "0" <= char <= "9" or char == "-"):
            lower = ": write it in lowercase" if char.isascii() and char.isupper() else ""
            return f"{describe_char(char)} is not a-z, 0-9 or '-'{lower}"
    if not re.match(ID_PATTERN, value):
        return "use lowercase a-z and 0-9, with single '-' between words"
    return None


# Characters that show nothing although Unicode calls them letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_UNSEEN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})
# Bidirectional controls reorder what a reader sees, so a name or a title can show as
# other text than it holds; no one-line text needs them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> bool:
    return any(
        unicodedata.category(char) not in _UNSEEN and char not in _BLANK_LETTERS for char in text
    )


def _non_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("is empty; write the text or remove the field")
    if not _visible(text):
        raise ValueError(
            "is empty to a reader: it holds only invisible characters; write the text or "
            "remove the field"
        )
    control = _CONTROL.search(text)
    if control:
        raise ValueError(f"contains the control character U+{ord(control.group()):04X}")
    return text


def _no_bidi(text: str) -> str:
    found = _BIDI.search(text)
    if found:
        raise ValueError(
            f"contains the bidirectional control {describe_char(found.group())}, which can "
            "make it show as other text; delete it"
        )
    return text


def _safe_url(url: str) -> str:
    """Accept only absolute http(s) and mailto links, written plainly."""
    if url != url.strip() or any(unicodedata.category(c) in ("Cc", "Cf", "Zs") for c in url):
        raise ValueError("links may not contain spaces or invisible characters")
    if "&" in url.split("?", 1)[0] or "\\" in url:
        # 'jav&#x61;script:' and backslash tricks: entities have no place before the query.
        raise ValueError(f"{url!r} is not a plain link; only http, https and mailto are allowed")
    parts = urlsplit(url)  # its scheme comes back lower-cased
    if parts.scheme not in ALLOWED_SCHEMES:
        raise ValueError(f"{url!r}: only http, https and mailto links are allowed")
    if not url.startswith(parts.scheme):
        raise ValueError(f"{url!r}: write the scheme in lowercase ({parts.scheme}:)")
    if parts.scheme in ("http", "https") and not parts.hostname:
        raise ValueError(f"{url!r} has no host; write the full address")
    if "@" in parts.netloc:
        # https://trusted.example@evil.example/ goes to evil.example.
        raise ValueError(
            f"{url!r} has a user name or password before its host ('…@'), which can make "
            "one site look like another; write the plain address"
        )
    return url


def _file_name(name: str) -> str:
    if not re.match(FILE_PATTERN, name) or ".." in name:
        raise ValueError(
            f"{name!r} is not a plain file name beside briefing.yaml "
            "(letters, digits, '.', '_' and '-'; no folders)"
        )
    return name


LangCode = Annotated[str, Field(pattern=LANG_PATTERN, description="ISO 639 language code")]
Identifier = Annotated[
    str,
    Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH, description="lowercase a-z, 0-9 and '-'"),
]
# One line of text: a name, a title, a label.
Line = Annotated[
    str, Field(min_length=1, max_length=500), AfterValidator(_non_blank), AfterValidator(_no_bidi)
]
Paragraph = Annotated[str, Field(min_length=1, max_length=10_000), AfterValidator(_non_blank)]
Url = Annotated[
    str,
    # The scheme is checked by _safe_url, which says why; the pattern is for editors.
    Field(
        max_length=2_000,
        description="http, https or mailto",
        json_schema_extra={"pattern": "^(https?://|mailto:)"},
    ),
    AfterValidator(_safe_url),
]
FileName = Annotated[str, Field(max_length=120), AfterValidator(_file_name)]
Text = Annotated[
    dict[LangCode, Paragraph],
    Field(min_length=1, description="The same text in each language: {id: ..., en: ...}"),
]
LineText = Annotated[
    dict[LangCode, Line],
    Field(min_length=1, description="The same line in each language: {id: ..., en: ...}"),
]
ActorType = Literal["person", "organization", "country", "media", "other"]
# What kind of work a briefing is: a closed list, so that every language has a label for
# each (templates/_macros.md.j2, kind_label) and the briefings list can filter by it.
Kind = Literal["analysis", "explainer", "factbox", "interview", "news", "opinion", "profile"]
KINDS: tuple[Kind, ...] = get_args(Kind)
Status = Literal["happened", "expected", "cancelled"]
# What readers are told: an event still "expected" after the last day it could fall on
# has an outcome nobody recorded, and saying "expected" of it would be false.
ShownStatus = Literal["happened", "expected", "cancelled", "unrecorded"]


def shown_language(texts: Mapping[str, str], lang: str, order: Sequence[str]) -> str:
    """The language a Text is shown in on a ``lang`` page: its own, else the first
    of the site's languages it has (validation guarantees it has one)."""
    if lang in texts:
        return lang
    return next(code for code in (*order, *sorted(texts)) if code in texts)


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class ArticleRef(Model):
    """The source article: a file beside briefing.yaml and where it came from."""

    file: FileName | None = Field(
        None,
        description="article.id.txt (as pasted) or article.id.md, beside briefing.yaml; "
        "leave it out when the text may not be republished",
    )
    language: LangCode
    title: LineText | None = Field(None, description="The original headline")
    author: Line | None = None
    publisher: Line | None = None
    url: Url | None = None
    published: PartialDate | None = None

    @model_validator(mode="after")
    def _article_suffix(self) -> ArticleRef:
        if self.file is not None and not self.file.endswith(ARTICLE_SUFFIXES):
            raise ValueError(f"article file {self.file!r} must end in .txt or .md")
        return self


class Image(Model):
    file: FileName | None = None
    url: Url | None = None
    caption: Text | None = None
    alt: LineText | None = Field(None, description="What the photo shows, for screen readers")
    credit: Line | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Image:
        if (self.file is None) == (self.url is None):
            raise ValueError("give either file: or url: for the image, not both or neither")
        if self.file and not self.file.lower().endswith(IMAGE_SUFFIXES):
            raise ValueError(f"image {self.file!r} must be one of {', '.join(IMAGE_SUFFIXES)}")
        return self


class ActorRole(Model):
    actor: Identifier = Field(description="An id from content/actors.yaml")
    role: LineText | None = None


class TimelineEntry(Model):
    date: PartialDate
    end: PartialDate | None = Field(
        None, description="Last day (or month, year) of an event that lasts a while"
    )
    approximate: bool = Field(False, description="Shown as 'around' the date")
    date_label: LineText | None = Field(None, description="Display text for vague dates")
    status: Status = "happened"
    event: Text
    actors: list[Identifier] = Field(default_factory=list, max_length=200)
    id: Identifier | None = Field(
        None,
        description="An event's own id, shared by the entries of several briefings that "
        "record it in other words: shown once, linking every briefing (one date for all)",
    )

    def status_on(self, today: dt.date) -> ShownStatus:
        """The status readers are told on ``today`` (a month or a year has passed when it
        has ended): the one rule for pages, feeds, data, the calendar and Coming up."""
        if self.status == "expected" and (self.end or self.date).last_day() < today:
            return "unrecorded"
        return self.status

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        start = info.data.get("date")
        if end is None or not isinstance(start, PartialDate):
            return end
        if end.precision < start.precision:
            raise ValueError(
                f"{end} is less precise than the date {start}; write the end as precisely"
            )
        if end.sort_key < start.sort_key:
            raise ValueError(f"{end} is before the date {start}; the end comes on or after it")
        return end


class Source(Model):
    title: Line
    publisher: Line | None = None
    url: Url
    date: PartialDate | None = None
    language: LangCode | None = None


class Correction(Model):
    """A correction published after the briefing: when, and what was wrong."""

    date: FullDate
    text: Text


class Mentions(Model):
    """What `briefings check` says about the article's mentions."""

    ignore: list[Identifier] = Field(
        default_factory=list,
        max_length=200,
        description="Actors the article mentions only in passing (an id from "
        "content/actors.yaml): `briefings check` does not ask to list them",
    )


class Briefing(Model):
    """content/briefings/<slug>/briefing.yaml"""

    title: LineText
    summary: Text
    published: FullDate
    updated: FullDate | None = None
    authors: list[Line] = Field(
        default_factory=list, max_length=20, description="Who wrote the briefing, shown as a byline"
    )
    corrections: list[Correction] = Field(default_factory=list, max_length=50)
    article: ArticleRef
    kind: Kind | None = Field(
        None, description="What kind of work it is, shown as a label and filter on the list"
    )
    image: Image | None = None
    tags: list[Identifier] = Field(default_factory=list, max_length=50)
    key_points: list[Text] = Field(min_length=1, max_length=50)
    actors: list[ActorRole] = Field(min_length=1, max_length=200)
    timeline: list[TimelineEntry] = Field(default_factory=list, max_length=500)
    sources: list[Source] = Field(default_factory=list, max_length=200)
    mentions: Mentions = Field(default_factory=Mentions)


class Actor(Model):
    """One entry of content/actors.yaml."""

    type: ActorType
    name: LineText
    description: Text | None = None
    aliases: list[Annotated[Line, AfterValidator(_no_invisible)]] = Field(
        default_factory=list, max_length=50
    )
    wikidata: Annotated[str, Field(pattern=WIKIDATA_PATTERN)] | None = None


class ActorRegistry(RootModel[dict[Identifier, Actor]]):
    """content/actors.yaml: every actor any briefing may name, by id."""

    model_config = ConfigDict(frozen=True, strict=True)


class Tag(Model):
    """One entry of content/tags.yaml: a topic's name, and what the topic is about, shown
    under the title of its page. Written either way: ``{id: ..., en: ...}`` (the name
    alone) or ``{name: {id: ..., en: ...}, description: {id: ..., en: ...}}``."""

    name: LineText
    description: Text | None = None


# Its JSON Schema; the loader reads each entry with `tag_entry`, which tells the forms apart.
class TagRegistry(RootModel[dict[Identifier, LineText | Tag]]):
    """content/tags.yaml: each topic by id, with its name in each language ({id: ...,
    en: ...}), or its name and description ({name: ..., description: ...})."""

    model_config = ConfigDict(frozen=True, strict=True)


_TAG = TypeAdapter(Tag)
_TAG_NAME: TypeAdapter[dict[str, str]] = TypeAdapter(LineText)


def named_only(value: object) -> bool:
    """Whether a tags.yaml entry is written as its name alone: a mapping with a ``name``
    key is the long form (no language code is ``name``)."""
    return not (isinstance(value, dict) and "name" in value)


def tag_entry(value: object) -> Tag:
    """A tags.yaml entry in either form, as a `Tag`. Raises ValidationError, located
    inside the entry as it is written."""
    if named_only(value):
        return Tag(name=_TAG_NAME.validate_python(value))
    return _TAG.validate_python(value)


# Every field name of the content files, for "did you mean" on a misspelt one.
FIELD_NAMES = frozenset(
    name
    for model in (
        Briefing,
        ArticleRef,
        Image,
        ActorRole,
        TimelineEntry,
        Source,
        Mentions,
        Actor,
        Tag,
    )
    for name in model.model_fields
)


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each content file, from the same models that validate it."""
    return {
        "briefing": Briefing.model_json_schema(),
        "actors": ActorRegistry.model_json_schema(),
        "tags": TagRegistry.model_json_schema(),
    }

"""``briefings new``: a briefing folder pre-filled from a pasted article.

Everything a machine found is written with a ``# REVIEW`` marker at the end of
its line; ``briefings check`` warns about each marker left (an error with
``--strict``), and texts only a person can write (summary, key points, the
translation) are left empty, which ``check`` reports as errors. The folder is
created whole or not at all, and an existing folder is never touched.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import newswire
from generator.article import ArticleBody, ArticleError, parse_article, repair_mojibake
from generator.date_mentions import DateMention, find_dates, reference_date
from generator.date_patterns import SEASON_LABELS
from generator.dates import PartialDate
from generator.files import REVIEW_MARKER as MARKER
from generator.layout import RESERVED_IDS
from generator.load import MAX_ARTICLE_BYTES
from generator.markup import yaml_string
from generator.mentions import NameMention, find_actors
from generator.models import ID_PATTERN, Actor
from generator.names import find_names


class ScaffoldError(Exception):
    pass


q = yaml_string  # every value written as a double-quoted scalar that reads back as is


# What YAML cannot hold even in a comment: control characters, lone surrogates (a file
# name's undecodable bytes) and the two non-characters.
_NOT_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _comment(text: str, limit: int = 110) -> str:
    """``text`` on one line for a comment, cut to ``limit`` characters."""
    # Its start is enough: a whole sentence for each name and date it holds would make
    # a one-line article quadratic. Read on only if the start was mostly blank.
    head = text[: 4 * limit]
    one_line = " ".join(_NOT_YAML.sub("", head).split())
    if len(head) < len(text) and len(one_line) <= limit:
        one_line = " ".join(_NOT_YAML.sub("", text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def guess_language(source: Path, languages: Iterable[str], default: str) -> str:
    """The language from a name like ``article.id.txt``, or the default."""
    parts = source.name.split(".")
    return next((p for p in parts[1:-1] if p in languages), default)


TITLE_LENGTH = 120  # characters; a longer candidate is cut after a whole word


def _title(paragraphs: list[str], text: str) -> str:
    """The headline (a short first line without a full stop), else the opening
    sentence; without dateline or editors' code, never cut inside a word."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = newswire.strip_wire_code(newswire.strip_dateline(first))
    if first and len(first) <= TITLE_LENGTH and not first.endswith("."):
        return first
    opening = paragraphs[0] if paragraphs else ""
    sentence = re.split(r"(?<=[.!?])\s", opening)[0]
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    return sentence[: TITLE_LENGTH + 1].rsplit(" ", 1)[0].rstrip(",;:")


def render_briefing(
    *,
    source_name: str,
    article_file: str,
    language: str,
    languages: tuple[str, ...],
    body: ArticleBody,
    story: newswire.Story,
    text: str,
    actors: list[NameMention],
    names: list[NameMention],
    dates: list[DateMention],
    today: dt.date,
    repaired: bool = False,
    article_date: PartialDate | None = None,
) -> str:
    others = [lang for lang in languages if lang != language]
    lines = [
        "# yaml-language-server: $schema=../../../schema/briefing.schema.json",
        f"# Scaffolded by `briefings new` from {_comment(source_name)}.",
        f"# Lines ending in '{MARKER}' were filled in by a machine: check each, then delete",
        "# the marker. Empty texts are yours to write; `briefings check` lists what is left.",
        *(
            [
                "# The article had garbled characters (mojibake, or control characters): the",
                "# texts below are repaired; the article file is copied as it was.",
            ]
            if repaired
            else []
        ),
        "title:",
        f"  {language}: {q(_title(story.paragraphs, text))}  {MARKER}: the article's opening",
        *(f"  {lang}: {q('')}" for lang in others),
        "summary:",
        f"  {language}: {q('')}",
        *(f"  {lang}: {q('')}" for lang in others),
        f"published: {today.isoformat()}  {MARKER}: the briefing's date",
        "article:",
        f"  file: {article_file}",
        f"  language: {language}",
    ]
    byline = body.byline or story.byline
    if byline:
        lines.append(f"  author: {q(byline)}  {MARKER}: from the byline")
    if body.caption or body.credit:
        lines += [
            "# The article's photo caption; add the photo (file: or url:) to use it:",
            "# image:",
            f"#   caption: {{{language}: {q(body.caption or '')}}}",
            f"#   credit: {q(body.credit or '')}",
        ]
    lines += ["tags: []", "key_points:", f"  - {language}: {q('')}"]
    lines += [f"    {lang}: {q('')}" for lang in others]
    lines.append("actors:")
    lines += [actor_line(mention) for mention in actors]
    if not actors:
        lines.append(NO_ACTORS)
    if names:
        lines.append("# Names not in content/actors.yaml (add them there to list them here):")
        lines += [f"#   {q(n.name)}: {_comment(n.sentence, 90)}" for n in names]
    lines.append("timeline:" if dates else "timeline: []")
    for found in unique_dates(dates):
        lines += timeline_lines(found, language, languages, article_date, today)
    return "\n".join(lines) + "\n"


# The actors' list when the article names none of the registry's.
NO_ACTORS = "  []  # no actor of content/actors.yaml is named in the article"


def actor_line(mention: NameMention) -> str:
    """An entry of ``actors:`` for an actor the article names, as a list item at two spaces."""
    return f"  - actor: {mention.actor_id}  {MARKER}: named as {q(mention.name)}"


def timeline_lines(
    found: DateMention,
    language: str,
    languages: tuple[str, ...],
    article_date: PartialDate | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """An entry of ``timeline:`` for a date the article mentions, after the sentence it
    came from, as a list item at two spaces; with the article's date and today's, a date
    after the article's gets its status."""
    lines = [
        f"  # {_comment(found.sentence)}",
        f"  - date: {q(found.date.iso())}  {MARKER}: from {q(found.text)}",
    ]
    if found.end:
        lines.append(f"    end: {q(found.end.iso())}")
    if found.approximate and not found.season:
        lines.append("    approximate: true")
    if article_date and today and found.date.first_day() > article_date.last_day():
        # Still to come, or, for an older article, passed: a reviewer says what happened.
        if (found.end or found.date).last_day() >= today:
            lines.append(f"    status: expected  {MARKER}: after the article's date")
        else:
            lines.append(f"    status: happened  {MARKER}: after the article's; it has passed")
    if found.season:
        id_label, en_label = SEASON_LABELS[found.season]
        label = {
            "id": f"{id_label} {found.date.year}",
            "en": f"{en_label} {found.date.year}",
        }
        shown = ", ".join(f"{k}: {q(v)}" for k, v in label.items() if k in languages)
        lines.append(f"    date_label: {{{shown}}}")
        lines.append("    approximate: true")
    lines.append("    event:")
    lines.append(f"      {language}: {q('')}")
    lines += [f"      {lang}: {q('')}" for lang in languages if lang != language]
    return lines


def unique_dates(dates: list[DateMention]) -> list[DateMention]:
    """The dates in order, each date (or range) once."""
    seen: set[tuple[PartialDate, PartialDate | None]] = set()
    kept = []
    for mention in sorted(dates, key=lambda m: (m.date, m.end or m.date)):
        if (mention.date, mention.end) not in seen:
            seen.add((mention.date, mention.end))
            kept.append(mention)
    return kept


def _read_article(source: Path) -> str:
    """The pasted article's text; a file that is not UTF-8 text is refused at its first
    bad character, as ``file:line:column: article: ...``."""
    info = source.stat()  # asked first: a pipe or a device would block or never end
    if not stat.S_ISREG(info.st_mode):
        raise ScaffoldError(f"{source}: article: not a plain file; save the article to a file")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise ScaffoldError(
            f"{source}: article: the file is {info.st_size:,} bytes; "
            f"the limit is {MAX_ARTICLE_BYTES:,}"
        )
    raw = source.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ScaffoldError(f"{source}:1:1: article: the file is UTF-16; save it as UTF-8")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw[: exc.start].decode("utf-8")  # the valid start, to place the bad byte
        if "\x00" not in text:
            problem = f"byte 0x{raw[exc.start]:02X} is not UTF-8; save the file as UTF-8"
            raise _refused(source, text, len(text), problem) from None
    nul = text.find("\x00")
    if nul >= 0:
        problem = "a NUL character: an article must be UTF-8 text, not a binary file"
        raise _refused(source, text, nul, problem)
    return text


def _refused(source: Path, text: str, at: int, problem: str) -> ScaffoldError:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return ScaffoldError(f"{source}:{line}:{column}: article: {problem}")


@dataclass(frozen=True)
class ReadArticle:
    """A pasted article as ``briefings new`` reads it."""

    text: str  # repaired of mojibake
    repaired: bool
    language: str
    body: ArticleBody
    story: newswire.Story
    paragraphs: list[str]  # the story's and the photo caption: where names and dates are


def read_article(source: Path, language: str) -> ReadArticle:
    pasted = _read_article(source)
    text = repair_mojibake(pasted)
    try:
        body = parse_article(text, language, markdown_source=source.suffix == ".md")
    except ArticleError as exc:
        where = f"{source}:{exc.line}" if exc.line else str(source)
        raise ScaffoldError(f"{where}: article: {exc}") from None
    story = newswire.story(body.paragraphs)
    # A caption is read as a sentence, not as a heading: its full stop went with "Foto:".
    caption = [body.caption.rstrip(".") + "."] if body.caption else []
    paragraphs = [*story.paragraphs, *caption]
    return ReadArticle(text, text != pasted, language, body, story, paragraphs)


def registry_names(registry: Mapping[str, Actor]) -> list[NameMention]:
    """Every name and alias of the registry, as names known already: one the article
    uses is its actor's, never a new name ("Bakamla" after "Badan Keamanan Laut")."""
    return [
        NameMention(actor_id, name, "", 0)
        for actor_id, actor in registry.items()
        for name in (*actor.name.values(), *actor.aliases)
    ]


def scaffold(
    briefings_dir: Path,
    slug: str,
    source: Path,
    *,
    languages: tuple[str, ...],
    registry: Mapping[str, Actor],
    language: str | None = None,
    article_date: PartialDate | None = None,
    today: dt.date | None = None,
) -> Path:
    """Create ``briefings_dir/slug`` from ``source``; return the new briefing.yaml."""
    if not re.match(ID_PATTERN, slug):
        raise ScaffoldError(f"{slug!r} is not a valid slug: use lowercase a-z, 0-9 and '-'")
    if slug in RESERVED_IDS:
        raise ScaffoldError(f"{slug!r} is reserved (briefings/{slug}.md lists all briefings)")
    target = briefings_dir / slug
    if target.exists():
        raise ScaffoldError(f"{target} already exists; nothing was changed")
    if source.suffix not in (".txt", ".md"):
        raise ScaffoldError(f"{source}: the article must be a .txt (as pasted) or .md file")
    read = read_article(source, language or guess_language(source, languages, languages[0]))
    text, body, found_in, paragraphs = read.text, read.body, read.story, read.paragraphs
    language = read.language
    actors = find_actors(paragraphs, registry)
    article_date = article_date or reference_date(paragraphs)
    article_file = f"article.{language}{source.suffix}"
    yaml_text = render_briefing(
        source_name=source.name,
        article_file=article_file,
        language=language,
        languages=languages,
        body=body,
        story=found_in,
        text=text,
        actors=actors,
        names=find_names(
            paragraphs,
            [*actors, *registry_names(registry)],
            body.byline or found_in.byline,
            outlets=found_in.outlets,
            credited=found_in.credited,
        ),
        dates=find_dates(paragraphs, article_date),
        today=today or dt.date.today(),
        repaired=read.repaired,
        article_date=article_date,
    )
    # Build the folder beside its final place, then rename: all or nothing.
    briefings_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=briefings_dir))
    try:
        shutil.copyfile(source, staging / article_file)
        (staging / "briefing.yaml").write_text(yaml_text, encoding="utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target / "briefing.yaml"

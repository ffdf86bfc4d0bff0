"""A synthetic but realistic corpus: N briefings in two languages, seeded, so every run
builds the same thing. Words are made of syllables so that no real text is needed."""

from __future__ import annotations

import json
import random
from pathlib import Path

SYLLABLES = [
    "ka",
    "ra",
    "ma",
    "na",
    "ta",
    "sa",
    "la",
    "pa",
    "ba",
    "da",
    "ga",
    "ha",
    "ja",
    "wa",
    "ya",
    "ke",
    "re",
    "me",
    "ne",
    "te",
    "se",
    "le",
    "pe",
    "be",
    "de",
    "ge",
]
SYLLABLES += [
    "ki",
    "ri",
    "mi",
    "ni",
    "ti",
    "si",
    "li",
    "pi",
    "bi",
    "di",
    "gi",
    "ko",
    "ro",
    "mo",
    "no",
    "to",
    "so",
    "lo",
    "po",
    "bo",
    "do",
    "go",
    "ku",
    "ru",
    "mu",
    "nu",
    "tu",
    "su",
]
TYPES = ["person"] * 5 + ["organization"] * 2 + ["country"] * 2 + ["media"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class Words:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary = [self._word() for _ in range(4000)]

    def _word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(1, 4)))

    def sentence(self, low: int = 6, high: int = 16) -> str:
        words = self.rng.choices(self.vocabulary, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, words: int) -> str:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(self.sentence())
        return " ".join(parts)

    def name(self) -> str:
        return " ".join(w.capitalize() for w in self.rng.sample(self.vocabulary, 2))


def write_corpus(
    content: Path, count: int, *, actors: int = 300, tags: int = 30, seed: int = 7
) -> None:
    rng = random.Random(seed)
    words = Words(rng)
    content.mkdir(parents=True, exist_ok=True)
    actor_ids = [f"actor-{i:04d}" for i in range(actors)]
    with (content / "actors.yaml").open("w", encoding="utf-8") as out:
        for actor_id in actor_ids:
            name = words.name()
            out.write(
                f"{actor_id}:\n  type: {rng.choice(TYPES)}\n  name: {{id: {q(name)}, en: {q(name)}}}\n"
                f"  description: {{id: {q(words.sentence())}, en: {q(words.sentence())}}}\n"
                f"  aliases: [{q(name.split()[-1])}]\n"
            )
    tag_ids = [f"tag-{i:02d}" for i in range(tags)]
    with (content / "tags.yaml").open("w", encoding="utf-8") as out:
        for tag_id in tag_ids:
            out.write(f"{tag_id}: {{id: {q(words.name())}, en: {q(words.name())}}}\n")
    for number in range(count):
        folder = content / "briefings" / f"briefing-{number:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        year = 2000 + number * 26 // max(count, 1)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        paragraphs: list[str] = []
        total = rng.randint(600, 1200)
        while sum(len(p.split()) for p in paragraphs) < total:
            paragraphs.append(words.paragraph(rng.randint(60, 120)))
        paragraphs.insert(2, words.sentence() + " Foto: Contoh.int")
        paragraphs.append(words.name().upper())
        (folder / "article.id.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
        chosen = rng.sample(actor_ids, rng.randint(3, 12))
        lines = [
            f"title: {{id: {q(words.sentence(4, 9))}, en: {q(words.sentence(4, 9))}}}",
            f"summary: {{id: {q(words.paragraph(40))}, en: {q(words.paragraph(40))}}}",
            f"published: {published}",
            "article:",
            "  file: article.id.txt",
            "  language: id",
            f"  publisher: {q(words.name())}",
            "  url: https://example.org/article",
            f"tags: [{', '.join(rng.sample(tag_ids, rng.randint(1, 4)))}]",
            "key_points:",
            *(
                f"  - {{id: {q(words.sentence())}, en: {q(words.sentence())}}}"
                for _ in range(rng.randint(3, 7))
            ),
            "actors:",
            *(
                f"  - actor: {a}\n    role: {{id: {q(words.sentence(3, 8))}, en: {q(words.sentence(3, 8))}}}"
                for a in chosen
            ),
            "timeline:",
        ]
        for _ in range(rng.randint(5, 15)):
            precision = rng.choice(["year", "month", "day"])
            date = str(year - rng.randint(0, 3))
            if precision != "year":
                date += f"-{rng.randint(1, 12):02d}"
            if precision == "day":
                date += f"-{rng.randint(1, 28):02d}"
            lines += [
                f"  - date: {date}",
                f"    status: {rng.choice(['happened', 'happened', 'expected'])}",
                f"    event: {{id: {q(words.sentence())}, en: {q(words.sentence())}}}",
                f"    actors: [{', '.join(rng.sample(chosen, min(2, len(chosen))))}]",
            ]
        (folder / "briefing.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

"""Interface strings from gettext catalogs (``locales/<lang>/LC_MESSAGES/messages.po``).

The catalogs are the only home of interface text: templates mark strings with
``_()``, ``make messages`` extracts them with Babel, translators edit the
``.po`` files. They are compiled in memory on load, so no compiled ``.mo``
file needs to be committed or kept in step. A language without a catalog
falls back to the English source strings.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "messages"


def catalog_path(locales_dir: Path, lang: str) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_translations(locales_dir: Path, lang: str) -> NullTranslations:
    path = catalog_path(locales_dir, lang)
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    # Fuzzy entries are unreviewed guesses; gettext ignores them, and so do we.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@dataclass(frozen=True)
class Translator:
    """The gettext functions for one language, as templates call them."""

    lang: str
    translations: NullTranslations
    # Each message's translation, looked up once: a page asks for a dozen.
    _known: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def gettext(self, message: str, **values: object) -> str:
        text = self._known.get(message)
        if text is None:
            text = self._known[message] = str(self.translations.ugettext(message))
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = str(self.translations.ungettext(singular, plural, n))
        return text % {"num": n, **values}


def translators(locales_dir: Path, languages: tuple[str, ...]) -> dict[str, Translator]:
    return {lang: Translator(lang, load_translations(locales_dir, lang)) for lang in languages}

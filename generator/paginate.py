"""A listing split over numbered pages, newest first: on its own, like Pelican's paginator."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TypeVar

from generator.layout import later_page, link
from generator.pages import Pager

T = TypeVar("T")


def paginate(
    first: PurePosixPath, items: Sequence[T], size: int
) -> list[tuple[PurePosixPath, Sequence[T], Pager | None]]:
    """A listing cut into pages of at most ``size`` items: (path, items, pager) each.

    An empty listing is one empty page; a pager only when there are several pages.
    """
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [items]
    if len(chunks) == 1:
        return [(first, chunks[0], None)]
    paths = [later_page(first, number) for number in range(1, len(chunks) + 1)]
    return [
        (
            path,
            chunk,
            Pager(
                number=index + 1,
                count=len(chunks),
                first=link(path, paths[0]),
                newer=link(path, paths[index - 1]) if index else None,
                older=link(path, paths[index + 1]) if index + 1 < len(chunks) else None,
            ),
        )
        for index, (path, chunk) in enumerate(zip(paths, chunks, strict=True))
    ]

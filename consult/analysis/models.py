"""The frozen results of an analysis, and its input."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import NamedTuple


class CommentInput(NamedTuple):
    """One comment: its id, its text and, when stored at submission, its tokens (a tuple, or the
    space-joined string the web layer stores) and the code of its cut (``prepared.prepare_cut``: with
    the tokens, it spares reading the rules again). A named tuple: a million are made per big analysis."""

    id: Hashable
    text: str
    tokens: tuple[str, ...] | str | None = None
    cut: str | None = None


@dataclass(frozen=True)
class DuplicateGroup:
    """Copies of one text (exact or near): the representative and every member."""

    representative_id: Hashable
    member_ids: tuple[Hashable, ...]
    count: int


@dataclass(frozen=True)
class Theme:
    """A group of comments about one thing, as a drafter will see it.

    ``size`` counts every comment including campaign copies; ``member_ids`` lists
    them all in input order; ``representative_ids`` are central comments that are
    not copies of one another; ``kinds`` counts proposal kinds over the members. A comment is a
    member of the theme of its main point; ``also_ids`` lists those whose other points are here.
    """

    index: int
    label: str
    keywords: tuple[str, ...]
    size: int
    member_ids: tuple[Hashable, ...]
    representative_ids: tuple[Hashable, ...]
    kinds: dict[str, int] = field(hash=False)
    # Comments filed under another theme (their main point) that also make this theme's point.
    also_ids: tuple[Hashable, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Themes, copy groups and the per-comment mapping of one ``analyse`` call.

    ``assignments`` maps every id to its theme index, or -1 for a comment with no
    content (empty, punctuation or emoji only). ``duplicate_of`` maps each copy to
    the id of its group's representative; originals and unique comments are absent.
    """

    themes: tuple[Theme, ...]
    duplicate_groups: tuple[DuplicateGroup, ...]
    assignments: dict[Hashable, int] = field(hash=False)
    duplicate_of: dict[Hashable, Hashable] = field(hash=False)
    # How well each grouped comment fits its theme: cosine to the theme's centre (copies share their
    # original's). Low values are the comments a drafter should confirm before an answer reaches them.
    fit: dict[Hashable, float] = field(default_factory=dict, hash=False)
    # A comment's other points: theme index → how well its best point there fits (see ``fit``).
    also: dict[Hashable, dict[int, float]] = field(default_factory=dict, hash=False)
    # Every comment's own proposal kind (``ProposalKind`` values), copies and pointless ones included.
    kinds: dict[Hashable, str] = field(default_factory=dict, hash=False)

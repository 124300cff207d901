"""Consult text analysis: segmentation, article references, copies and themes.

Pure: imports nothing from Flask, SQLAlchemy, WTForms or the web modules of
``consult``. In: plain strings. Out: frozen dataclasses.
"""

from .models import Analysis, CommentInput, DuplicateGroup, Theme
from .normalize import normalize_text
from .pipeline import analyse
from .proposals import ProposalKind, classify_proposal
from .refs import ArticleRef, find_article_refs
from .tokenizer import Tokenizer

__all__ = [
    "Analysis",
    "ArticleRef",
    "CommentInput",
    "DuplicateGroup",
    "ProposalKind",
    "Theme",
    "Tokenizer",
    "analyse",
    "classify_proposal",
    "find_article_refs",
    "normalize_text",
]

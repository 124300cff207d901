"""The bytes of an uploaded draft (.txt, .docx, .pdf, .doc, .wps, .odt) or a pasted text → plain text.

Pure: no web imports. Every refusal is a DraftFileError with a stable `code`. Encodings are
detected, never guessed: if no candidate decodes the whole file strictly, the upload is refused.

Limits: an upload may be up to MAX_UPLOAD_BYTES (20 MB, inclusive; a .docx can carry images), but
the text in it may be at most MAX_TEXT_BYTES (10 MB: the whole Criminal Law is 0.2 MB), so a
plain-text file over 10 MB is refused as "too_large".
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace

from consult.drafts.converters import ConversionError, office_to_docx, pdf_paragraphs
from consult.drafts.docx_lines import docx_lines

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200  # deflate rarely beats 100:1 on real XML; a bomb does 1000:1
MAX_ZIP_MEMBERS = 2000
TEXT_EXTENSIONS = (".txt", ".text")
DOCX_EXTENSIONS = (".docx",)
PDF_EXTENSIONS = (".pdf",)
OFFICE_EXTENSIONS = (".doc", ".wps", ".odt")  # converted to .docx by LibreOffice

_MESSAGES = {
    "empty": "文件是空的，没有可以导入的文字",
    "too_large": "文件太大：草案文件不能超过{limit}",
    "binary": "这不是文本文件（{what}）",
    "encrypted": "文件已加密或是旧版 .doc 格式，请另存为未加密的 .docx",
    "not_zip": "文件扩展名是 .docx，但内容不是有效的 Word 文档",
    "zip_bomb": "文件解压后过大，已拒绝处理",
    "bad_docx": "无法读取这个 Word 文档，文件可能已损坏",
    "undecodable": "无法识别文件的文字编码，请另存为 UTF-8 编码的文本",
    "unsupported_type": "不支持“{extension}”类型的文件，请上传 .docx、.doc、.wps、.odt、.pdf 或 .txt 文件",
    "not_pdf": "文件扩展名是 .pdf，但内容不是 PDF",
    "bad_pdf": "无法读取这个 PDF 文件，文件可能已损坏",
    "pdf_no_text": "这个 PDF 没有文字层（可能是扫描件），无法提取文字",
    "pdf_encrypted": "这个 PDF 已加密",
    "pdf_timeout": "读取这个 PDF 用时过长，已停止",
    "not_office": "文件扩展名是“{extension}”，但内容不是这种格式的文档",
    "no_converter": "服务器没有安装 LibreOffice，无法转换“{extension}”文件",
    "convert_failed": "无法转换这个“{extension}”文件，文件可能已加密或损坏",
    "convert_timeout": "转换这个“{extension}”文件用时过长，已停止",
}
_MAGIC = {
    b"%PDF": "PDF 文件",
    b"PK\x03\x04": "ZIP 压缩包或 Office 文档",
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"\xd0\xcf\x11\xe0": "旧版 Office 文档",
    b"{\\rtf": "RTF 文档",
    b"Rar!": "RAR 压缩包",
    b"7z\xbc\xaf": "7z 压缩包",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B}


class DraftFileError(Exception):
    """An upload that cannot become text; `code` is stable, `detail` fills the message."""

    def __init__(self, code: str, **detail):
        self.code = code
        self.detail = detail
        super().__init__(_MESSAGES.get(code, code).format_map(_Defaulting(detail)))


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class ImportedText:
    text: str
    encoding: str | None
    kind: str  # "txt" | "docx" | "pdf" | "doc" | "wps" | "odt" | "paste"
    # What reading changed, for the drafter to check: "numbering" (Word list numbers written out),
    # "converted" (by LibreOffice), "removed:<pages>:<line>" (a running header or footer),
    # "joined:<page>" (a paragraph carried over from that page to the next).
    notes: tuple[str, ...] = field(default=())


def read_pasted(text: str) -> ImportedText:
    text = _normalise(text)
    _check_text(text)
    return ImportedText(text, None, "paste")


def read_upload(filename: str, data: bytes) -> ImportedText:
    """Dispatch on the extension; the content is checked against it, never trusted."""
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if len(data) > MAX_UPLOAD_BYTES:
        raise DraftFileError("too_large", size=len(data), limit="20 MB")
    if not data.strip():
        raise DraftFileError("empty")
    if extension in TEXT_EXTENSIONS:
        return _read_txt(data)
    if extension in DOCX_EXTENSIONS:
        return _read_docx(data)
    if extension in PDF_EXTENSIONS:
        return _read_pdf(data)
    if extension in OFFICE_EXTENSIONS:
        return _read_office(data, extension)
    raise DraftFileError("unsupported_type", extension=extension or filename)


def _normalise(text: str) -> str:
    return text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str) -> None:
    if not text.strip():
        raise DraftFileError("empty")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise DraftFileError("too_large", size=len(text.encode("utf-8")), limit="10 MB")


# --- plain text -------------------------------------------------------------------------------


def _read_txt(data: bytes) -> ImportedText:
    if len(data) > MAX_TEXT_BYTES:
        raise DraftFileError("too_large", size=len(data), limit="10 MB")
    text, encoding = decode_text(data)
    text = _normalise(text)
    _check_text(text)
    return ImportedText(text, encoding, "txt")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then GB18030, then BOM-less UTF-16; each candidate
    must decode the whole file strictly, and the guessed ones must read as Chinese text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), codec
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DraftFileError("binary", what=what)
    if b"\x00" in data:
        # NULs are ASCII's high byte in UTF-16; in any other text they mean a binary file.
        found = _utf16(data)
        if found:
            return found
        raise DraftFileError("binary", what="含有 NUL 字节")
    if _control_share(data) > 0.05:
        raise DraftFileError("binary", what="含有大量控制字符")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    found = _utf16(data)
    if found:
        return found
    raise DraftFileError("undecodable")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise DraftFileError("undecodable", encoding=codec) from error


def _utf16(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16: whichever byte order decodes strictly into plausible Chinese."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text) and _control_share(text.encode("utf-8")) == 0:
            return text, codec
    return None


def _control_share(data: bytes) -> float:
    sample = data[:8192]
    return sum(b < 0x20 and b not in _TEXT_CONTROLS for b in sample) / max(len(sample), 1)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; real Chinese text is CJK, ASCII and punctuation."""
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return True
    usual = sum(
        c.isascii()
        or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or unicodedata.category(c).startswith("P")
        for c in letters
    )
    return usual / len(letters) >= 0.95


# --- .docx ------------------------------------------------------------------------------------


def _read_docx(data: bytes) -> ImportedText:
    if data.startswith(_OLE_MAGIC):
        # Encrypted .docx files and old binary .doc files both live in an OLE2 container.
        raise DraftFileError("encrypted")
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise DraftFileError("not_zip")
    _check_zip(buffer)
    try:
        lines, notes = docx_lines(buffer)
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors…
        raise DraftFileError("bad_docx", reason=type(error).__name__) from error
    text = _normalise("\n".join(lines))
    _check_text(text)
    return ImportedText(text, None, "docx", tuple(notes))


def _check_zip(buffer: io.BytesIO, required: str = "word/document.xml") -> None:
    """Refuse archives that would inflate beyond reason, before anything decompresses them."""
    try:
        with zipfile.ZipFile(buffer) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise DraftFileError("not_zip") from error
    if len(members) > MAX_ZIP_MEMBERS:
        raise DraftFileError("zip_bomb", members=len(members))
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise DraftFileError("zip_bomb", size=total)
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1):
            raise DraftFileError("zip_bomb", member=member.filename)
    if required not in {m.filename for m in members}:
        raise DraftFileError("bad_docx", reason=f"no {required}")


# --- PDF, .doc, .wps, .odt ------------------------------------------------------------------------


def _read_pdf(data: bytes) -> ImportedText:
    try:
        lines, notes = pdf_paragraphs(data)
    except ConversionError as error:
        raise DraftFileError(error.code, **error.detail) from error
    text = _normalise("\n".join(lines))
    _check_text(text)
    return ImportedText(text, None, "pdf", tuple(notes))


def _read_office(data: bytes, extension: str) -> ImportedText:
    if extension == ".odt":
        _check_zip(io.BytesIO(data), required="content.xml")
    try:
        as_docx = office_to_docx(data, extension)
    except ConversionError as error:
        raise DraftFileError(error.code, **error.detail) from error
    imported = _read_docx(as_docx)
    return replace(imported, kind=extension[1:], notes=("converted", *imported.notes))

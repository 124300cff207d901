"""Uploads → text: encodings, .docx, and one test per refusal code (all bytes built here)."""

from __future__ import annotations

import codecs
import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from consult.drafts.importers import MAX_TEXT_BYTES, MAX_UPLOAD_BYTES, DraftFileError, read_pasted, read_upload

DRAFT = "某市公园条例\n第一条 为了加强公园管理，制定本条例。\n第二条 本条例适用于本市。\n"


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def refusal(filename: str, data: bytes) -> DraftFileError:
    with pytest.raises(DraftFileError) as caught:
        read_upload(filename, data)
    return caught.value


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (DRAFT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + DRAFT.encode("utf-8"), "utf-8-sig"),
        (DRAFT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"), "utf-16"),
        (DRAFT.encode("utf-16-le"), "utf-16-le"),
        (DRAFT.encode("utf-16-be"), "utf-16-be"),
        (DRAFT.encode("gb18030"), "gb18030"),
    ],
)
def test_text_encodings_are_detected_and_reported(data, encoding):
    imported = read_upload("草案.TXT", data)
    assert (imported.text, imported.encoding, imported.kind) == (DRAFT, encoding, "txt")


def test_crlf_and_bom_are_normalised():
    imported = read_upload("a.txt", codecs.BOM_UTF8 + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    assert imported.text == DRAFT


def test_gb18030_is_not_guessed_for_text_that_does_not_read_as_chinese():
    # Valid GB18030, but it decodes to Hangul: more likely a wrong guess than a Chinese draft.
    soup = ("한국어 텍스트 파일입니다" * 10).encode("gb18030")
    assert refusal("a.txt", soup).code == "undecodable"


def test_bytes_that_decode_nowhere_are_undecodable():
    assert refusal("a.txt", "公园".encode("utf-8") + b"\xff\xfe\xff" + b"\x80" * 3).code == "undecodable"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + b"x" * 100,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
        b"abc\x00def\x00\x00ghi\x01\x02",
        bytes(range(1, 32)) * 10,
    ],
)
def test_binary_files_named_txt_are_refused(data):
    assert refusal("draft.txt", data).code == "binary"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t  ", "\u3000\n".encode("utf-8")])
def test_empty_uploads_are_refused(data):
    assert refusal("a.txt", data).code == "empty"


def test_too_large_text_is_refused():
    big = ("第一条 公园。\n" * (MAX_TEXT_BYTES // 10)).encode("utf-8")
    assert len(big) > MAX_TEXT_BYTES
    error = refusal("a.txt", big)
    assert error.code == "too_large" and "10 MB" in str(error)


def test_uploads_over_the_upload_limit_are_refused_before_reading():
    assert refusal("a.docx", b"PK" + b"\x00" * MAX_UPLOAD_BYTES).code == "too_large"


def test_unknown_extensions_are_refused():
    assert refusal("draft.pages", b"PK\x03\x04").code == "unsupported_type"
    assert refusal("draft", DRAFT.encode()).code == "unsupported_type"
    assert refusal("draft.rtf", b"{\\rtf1 x}").code == "unsupported_type"


def test_docx_paragraphs_and_tables_in_order():
    data = docx_bytes("某市公园条例", "第一条 为了管理，制定本条例。", table=[["公园", "等级"], ["东湖", "一级"]])
    imported = read_upload("draft.docx", data)
    assert imported.kind == "docx" and imported.encoding is None
    assert imported.text == "某市公园条例\n第一条 为了管理，制定本条例。\n公园\t等级\n东湖\t一级"


def test_docx_automatic_article_numbering_is_written_out():
    document = docx.Document()
    document.add_paragraph("某市公园条例")
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text in ["为了管理，制定本条例。", "本条例适用于本市。"]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_upload("draft.docx", buffer.getvalue())
    assert imported.text.splitlines()[1:] == ["第一条 为了管理，制定本条例。", "第二条 本条例适用于本市。"]
    assert imported.notes


def test_encrypted_word_files_are_refused():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    assert refusal("draft.docx", ole).code == "encrypted"


def test_docx_that_is_not_a_zip_is_refused():
    assert refusal("draft.docx", DRAFT.encode("utf-8")).code == "not_zip"


def test_zip_without_a_word_document_is_bad_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "你好")
    assert refusal("draft.docx", buffer.getvalue()).code == "bad_docx"


def test_corrupt_word_document_is_bad_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
        archive.writestr("word/document.xml", "<also not xml")
    assert refusal("draft.docx", buffer.getvalue()).code == "bad_docx"


def test_zip_bomb_is_refused_before_decompression():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (50 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    assert refusal("draft.docx", data).code == "zip_bomb"


def test_empty_docx_is_empty():
    assert refusal("draft.docx", docx_bytes("", "  ")).code == "empty"


def test_pasted_text_is_normalised_and_checked():
    imported = read_pasted("\ufeff" + DRAFT.replace("\n", "\r\n"))
    assert (imported.text, imported.encoding, imported.kind) == (DRAFT, None, "paste")
    with pytest.raises(DraftFileError) as caught:
        read_pasted(" \n\u3000")
    assert caught.value.code == "empty"


def test_error_messages_are_chinese_and_codes_stable():
    error = refusal("draft.xlsx", b"PK\x03\x04")
    assert error.code == "unsupported_type"
    assert error.detail == {"extension": ".xlsx"}
    assert "不支持" in str(error) and ".xlsx" in str(error)

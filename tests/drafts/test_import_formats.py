"""Drafts imported from the formats they really arrive in: PDF (text layer, page furniture dropped,
wrapped lines and paragraphs across pages joined), .doc, .wps and .odt (converted by LibreOffice)."""

import io
import zipfile

import pytest
from format_files import REGULATION, blank_pdf, converted_with_libreoffice, docx_of, office, regulation_pdf
from pypdf import PdfReader, PdfWriter

from consult.drafts import converters
from consult.drafts.importers import DraftFileError, read_upload
from consult.drafts.radicals import unify_radicals
from consult.drafts.structure import parse_draft

needs_office = pytest.mark.skipif(office() is None, reason="LibreOffice is not installed")


def structure(text: str) -> list[tuple[str, str | None, list[tuple[str, int]]]]:
    parsed = parse_draft(text)
    return [(a.number, a.chapter, [(p.text, len(p.items)) for p in a.paragraphs]) for a in parsed.articles]


def refusal(name: str, data: bytes) -> DraftFileError:
    with pytest.raises(DraftFileError) as caught:
        read_upload(name, data)
    return caught.value


@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
def test_a_printed_pdf_reads_article_by_article_as_written(indent):
    imported = read_upload("草案.pdf", regulation_pdf(indent=indent))
    assert imported.kind == "pdf"
    assert structure(imported.text) == structure(REGULATION)
    assert parse_draft(imported.text).title == "滨海市湿地公园管理条例（草案）"


def test_the_headers_footers_and_page_joins_it_removed_are_reported():
    imported = read_upload("草案.pdf", regulation_pdf())
    text = imported.text
    assert "2026/11/30" not in text and "example.gov.cn" not in text and "/3" not in text
    removed = [n for n in imported.notes if n.startswith("removed:")]
    assert any("example.gov.cn" in n for n in removed) and any("09:41" in n for n in removed)
    assert any(n.startswith("joined:") for n in imported.notes)  # a paragraph ran across a page


def test_browser_fonts_radicals_become_the_characters_they_show():
    assert unify_radicals("第⼀条 ⼈⺠政府⻓期⻔票") == "第一条 人民政府长期门票"
    assert unify_radicals("第一条 人民政府") == "第一条 人民政府"


def test_a_scan_without_text_is_refused_with_a_clear_reason():
    assert refusal("scan.pdf", blank_pdf()).code == "pdf_no_text"


def test_encrypted_corrupt_and_misnamed_pdfs_are_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(regulation_pdf())))
    writer.encrypt("secret")
    locked = io.BytesIO()
    writer.write(locked)
    assert refusal("locked.pdf", locked.getvalue()).code == "pdf_encrypted"
    assert refusal("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200).code == "bad_pdf"
    assert refusal("text.pdf", "第一条 这不是PDF。".encode()).code == "not_pdf"


def test_a_pdf_that_takes_too_long_is_stopped(monkeypatch):
    monkeypatch.setattr(converters, "PDF_TIMEOUT", 0.01)
    assert refusal("slow.pdf", regulation_pdf()).code == "pdf_timeout"


@needs_office
@pytest.mark.parametrize(("name", "target"), [("草案.doc", "doc"), ("草案.wps", "doc"), ("草案.odt", "odt")])
def test_word_97_wps_and_opendocument_files_are_converted_then_read_as_docx(name, target):
    data = converted_with_libreoffice(docx_of(), target)
    imported = read_upload(name, data)
    assert imported.kind == name.rsplit(".", 1)[1] and "converted" in imported.notes
    assert structure(imported.text) == structure(REGULATION)


def test_without_libreoffice_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(converters, "office_program", lambda: None)
    error = refusal("草案.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert error.code == "no_converter"


@needs_office
def test_a_converter_that_hangs_is_killed(monkeypatch):
    monkeypatch.setattr(converters, "OFFICE_TIMEOUT", 0.05)
    data = converted_with_libreoffice(docx_of(), "doc")
    assert refusal("草案.doc", data).code == "convert_timeout"


@needs_office
def test_a_broken_word_97_file_is_refused():
    assert refusal("broken.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000).code == "convert_failed"


def test_office_files_must_be_what_their_names_say():
    assert refusal("草案.doc", "第一条 纯文本。".encode()).code == "not_office"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/zip")
        archive.writestr("content.xml", "<x/>")
    assert refusal("草案.odt", buffer.getvalue()).code == "not_office"


def test_an_opendocument_zip_bomb_is_refused_before_conversion():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\x00" * (50 * 1024 * 1024))
    assert refusal("草案.odt", buffer.getvalue()).code == "zip_bomb"

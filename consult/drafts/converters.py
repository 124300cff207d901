"""Drafts in the formats they arrive in: a PDF with a text layer, and Word 97-2003 (.doc), WPS (.wps)
and OpenDocument (.odt) files, which LibreOffice turns into .docx for the .docx reader.

Both run in a child process with a time and memory limit (sandbox.py); a converter that hangs or
crashes is killed and reported, and nothing is stored. Pure: bytes in, text out.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

from consult.drafts.sandbox import ConverterFailed, converted

PDF_TIMEOUT = 60.0  # seconds; a 500-article draft takes about 5
OFFICE_TIMEOUT = 90.0  # LibreOffice starts in a few seconds, converts a long .doc in a few more
OFFICE_MEMORY = 4 * 1024**3  # soffice reserves much address space it never touches
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class ConversionError(Exception):
    """`code` is one of the importer's stable error codes."""

    def __init__(self, code: str, **detail: object):
        super().__init__(code)
        self.code = code
        self.detail = detail


def pdf_paragraphs(data: bytes) -> tuple[list[str], list[str]]:
    """(paragraphs, notes) of a PDF's text layer; see pdf_lines.py."""
    if not data.startswith(PDF_MAGIC):
        raise ConversionError("not_pdf")

    def command(source: Path, _work: Path) -> list[str]:
        return [sys.executable, "-m", "consult.drafts.pdf_lines", str(source)]

    def read(out: bytes, _work: Path) -> dict:
        return json.loads(out)

    try:
        result = converted(data, ".pdf", command, read, timeout=PDF_TIMEOUT)
    except ConverterFailed as error:
        raise ConversionError("pdf_timeout" if error.code == "timeout" else "bad_pdf") from error
    if "error" in result:
        raise ConversionError(f"pdf_{result['error']}" if result["error"] != "bad_pdf" else "bad_pdf")
    return result["lines"], result["notes"]


def office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_to_docx(data: bytes, extension: str) -> bytes:
    """A .doc, .wps or .odt file as .docx bytes, converted by LibreOffice in headless mode."""
    _check_office_content(data, extension)
    program = office_program()
    if program is None:
        raise ConversionError("no_converter", extension=extension)

    def command(source: Path, work: Path) -> list[str]:
        # A profile of its own: LibreOffice refuses to start twice on one profile, and a user's
        # profile must not be touched.
        profile = (work / "profile").as_uri()
        out = str(work / "out")
        return [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, str(source)]  # fmt: skip

    def read(_out: bytes, work: Path) -> bytes:
        produced = work / "out" / "source.docx"
        if not produced.exists():  # an encrypted or broken file: LibreOffice says nothing and writes nothing
            raise ConversionError("convert_failed", extension=extension)
        return produced.read_bytes()

    try:
        return converted(data, extension, command, read, timeout=OFFICE_TIMEOUT, memory=OFFICE_MEMORY,
                         env={"HOME": "/tmp"})  # fmt: skip
    except ConverterFailed as error:
        code = "convert_timeout" if error.code == "timeout" else "convert_failed"
        raise ConversionError(code, extension=extension) from error


def _check_office_content(data: bytes, extension: str) -> None:
    """The content must be what the extension says: an OLE2 container (.doc, .wps), RTF saved as .doc,
    or an OpenDocument zip (.odt, checked like a .docx against zip bombs by the caller)."""
    if extension == ".odt":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ConversionError("not_office", extension=extension)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" not in names or archive.read("mimetype").strip() != ODT_MIMETYPE:
                raise ConversionError("not_office", extension=extension)
        return
    if not (data.startswith(OLE_MAGIC) or data.startswith(b"{\\rtf")):
        raise ConversionError("not_office", extension=extension)

"""Translated messages for the stable error codes of importers, parser and services."""

from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

ERRORS = {
    "empty": _l("文件是空的，没有可以导入的文字。"),
    "too_large": _l("文件太大：草案文件不能超过 %(limit)s。"),
    "binary": _l("这不是文本文件。请上传 .docx、.doc、.wps、.odt、.pdf 或 .txt 格式的草案。"),
    "encrypted": _l("文件已加密，无法读取。请在 Word 中另存为未加密的 .docx。"),
    "not_zip": _l("文件扩展名是 .docx，但内容不是有效的 Word 文档。"),
    "zip_bomb": _l("文件解压后过大，已拒绝处理。"),
    "bad_docx": _l("无法读取这个 Word 文档，文件可能已损坏。"),
    "undecodable": _l("无法识别文件的文字编码。请另存为 UTF-8 编码的文本。"),
    "unsupported_type": _l("不支持这种文件类型，请上传 .docx、.doc、.wps、.odt、.pdf 或 .txt 文件。"),
    "not_pdf": _l("文件扩展名是 .pdf，但内容不是 PDF 文件。"),
    "bad_pdf": _l("无法读取这个 PDF 文件，文件可能已损坏。"),
    "pdf_no_text": _l("这个 PDF 没有文字层，可能是扫描件，无法提取文字。请上传起草时的 Word 文件，或粘贴全文。"),
    "pdf_encrypted": _l("这个 PDF 已加密，无法读取。请上传未加密的文件。"),
    "pdf_timeout": _l("读取这个 PDF 用时过长，已停止。请上传 Word 文件，或粘贴全文。"),
    "not_office": _l("文件扩展名是“%(extension)s”，但内容不是这种格式的文档。"),
    "no_converter": _l(
        "服务器没有安装 LibreOffice，无法读取“%(extension)s”文件。请管理员安装 libreoffice-writer-nogui，或另存为 .docx 后上传。"
    ),
    "convert_failed": _l("无法转换这个“%(extension)s”文件，文件可能已加密或损坏。请另存为 .docx 后上传。"),
    "convert_timeout": _l("转换这个“%(extension)s”文件用时过长，已停止。请另存为 .docx 后上传。"),
    "no_articles": _l("没有找到任何条文（如“第一条”）。请检查文件是否为法规草案全文。"),
    "match_unknown": _l("所选的原条文不在当前版本中，请重新选择。"),
    "match_twice": _l("同一条原条文被对应到了两条新条文，请逐条核对后重新选择。"),
    "amendment_refused": _l("修正案草案中有修改无法应用到当前版本，没有做任何修改：%(reasons)s"),
    "amendment_stale": _l("草案在上传修正案草案之后有了新版本，修正案与当前版本不再对应。请重新上传。"),
    "amendment_draft": _l(
        "这是一份修正案或修改决定草案（%(count)s 处修改），不是条文齐全的草案，不能单独导入。"
        "请用命令 flask drafts amend 把它应用到所修改的法规文本上，得到修改后的全文再导入。"
    ),
    "nothing_given": _l("请上传文件或粘贴草案全文。"),
    "both_given": _l("请只选择一种方式：上传文件或粘贴全文。"),
    "pending_missing": _l("这份待导入的草案已不存在或已保存，请重新上传。"),
    "bad_slug": _l("网址简称只能使用小写字母、数字和连字符。"),
    "slug_taken": _l("网址简称“%(slug)s”已被使用，请换一个。"),
    "title_missing": _l("请填写标题。"),
    "window_inverted": _l("截止时间必须晚于开始时间。"),
    "archived": _l("已归档的征求意见不能再次发布。"),
    "not_open": _l("只有已发布的征求意见可以截止。"),
    "not_published": _l("尚未发布的草案不能归档。"),
}


error_message = messages_from(ERRORS)


def warning_text(warning) -> str:
    """A parse warning (ParseWarning or its stored dict) in the reader's language."""
    record = (
        warning
        if isinstance(warning, dict)
        else {
            "kind": warning.kind,
            "line": warning.line,
            "text": warning.text,
            "detail": dict(warning.detail),
            "message": str(warning),
        }
    )
    template = WARNINGS.get(record["kind"])
    if template is None:
        return record["message"]
    where = str(_l("第 %(line)s 行", line=record["line"])) if record.get("line") else ""
    excerpt = record["text"] if len(record["text"]) <= 80 else record["text"][:80] + "…"
    try:
        return f"{where}{'：' if where else ''}{template % {**record['detail'], 'text': excerpt}}"
    except (KeyError, TypeError, ValueError):
        return record["message"]


# One per kind in consult.drafts.parsing.model.WARNING_KINDS; details come from the parser.
WARNINGS = {
    "no_articles": _l("未识别出任何条文"),
    "numbering_gap": _l("条文编号不连续，应为%(expected)s，实为%(found)s"),
    "numbering_repeat": _l("条文编号重复：%(found)s"),
    "numbering_order": _l("条文编号倒退，应为%(expected)s，实为%(found)s"),
    "orphan_text": _l("这段文字不属于任何条文，已原样保留：%(text)s"),
    "heading_wrapped": _l("标题跨行，已合并为“%(title)s”"),
    "inline_items_split": _l("同一行内的 %(count)s 项已拆分为单独的项"),
    "articles_split": _l("一行内包含 %(count)s 条条文（原文换行丢失），已按条拆分"),
    "toc_skipped": _l("已跳过目录（%(count)s 行）"),
    "annex": _l("条文之后的“%(title)s”作为附件处理，不作为条文"),
    "web_chrome": _l("网页导航、页眉或页脚文字，已排除在正文之外：%(text)s"),
}


FORMATS = {
    "txt": _l("纯文本"),
    "paste": _l("粘贴的文字"),
    "docx": _l("Word 文档（.docx）"),
    "doc": _l("Word 97-2003 文档（.doc），已用 LibreOffice 转换"),
    "wps": _l("WPS 文档（.wps），已用 LibreOffice 转换"),
    "odt": _l("OpenDocument 文档（.odt），已用 LibreOffice 转换"),
    "pdf": _l("PDF（按文字层和版面位置读取）"),
}


def import_note(note: str) -> str:
    """One thing reading a file changed (see ImportedText.notes), in the reader's language."""
    kind, _, rest = note.partition(":")
    if kind == "numbering":
        return str(_l("Word 自动编号已写成文字"))
    if kind == "removed":
        pages, _, line = rest.partition(":")
        return str(_l("删去页眉或页脚“%(line)s”（%(pages)s 页）", line=line, pages=pages))
    if kind == "amendment":
        return str(_l("按修正案草案的 %(count)s 项修改，由当前版本生成修改后的全文", count=rest))
    if kind == "joined":
        return str(_l("第 %(page)s 页末尾的段落与下一页开头接续", page=rest))
    return ""  # "converted": the format line says it already


CHANGE_LABELS = {"same": _l("未修改"), "modified": _l("内容修改"), "added": _l("新增"), "removed": _l("删去")}

"""Translated messages for the stable error codes of importers, parser and services."""

from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

ERRORS = {
    "empty": _l("文件是空的，没有可以导入的文字。"),
    "too_large": _l("文件太大：草案文件不能超过 %(limit)s。"),
    "binary": _l("这不是文本文件。请上传 .docx 或 .txt 格式的草案。"),
    "encrypted": _l("文件已加密或是旧版 .doc 格式，无法读取。请在 Word 中另存为未加密的 .docx。"),
    "not_zip": _l("文件扩展名是 .docx，但内容不是有效的 Word 文档。"),
    "zip_bomb": _l("文件解压后过大，已拒绝处理。"),
    "bad_docx": _l("无法读取这个 Word 文档，文件可能已损坏。"),
    "undecodable": _l("无法识别文件的文字编码。请另存为 UTF-8 编码的文本。"),
    "unsupported_type": _l("不支持这种文件类型，请上传 .docx 或 .txt 文件。"),
    "no_articles": _l("没有找到任何条文（如“第一条”）。请检查文件是否为法规草案全文。"),
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

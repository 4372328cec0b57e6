"""The base document: python-docx's template set up as GB/T 9704, or the office's own.

With ``--reference-doc`` (as in pandoc) the office template's styles and page set-up win;
only the styles it lacks get our look, so a missing ``Quote`` never leaves Word's blue.
"""

from __future__ import annotations

from pathlib import Path
from zipfile import BadZipFile

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from decisiontrack.errors import UserError
from decisiontrack.render.looks import LATIN, LOOKS, apply_look, set_fonts, set_language
from decisiontrack.render.page import add_page_numbers, set_up_page


def open_base(reference_doc: Path | None):
    """(document, names of the styles that carry our look) ready for the body."""
    import docx

    if reference_doc is None:
        document = docx.Document()
        _set_defaults(document)
        ours = _ensure_styles(document, impose=True)
        for section in document.sections:
            set_up_page(section)
            add_page_numbers(document, section, with_fonts=True)
        return document, ours
    document = _open_reference(reference_doc)
    _clear_body(document)
    ours = _ensure_styles(document, impose=False)
    section = document.sections[-1]
    if not _has_footer(section):
        add_page_numbers(document, section, with_fonts="Footer" in ours)
    return document, ours


def _open_reference(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise UserError(f"找不到参考文档 {path}：请检查 --reference-doc 的路径")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError):
        raise UserError(
            f"参考文档 {path} 不是有效的 Word 文档（.docx）：请在 Word 或 WPS 中另存为 .docx 后重试"
        ) from None


def _clear_body(document) -> None:
    """Drop the template's sample text but keep its final section (page set-up)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _has_footer(section) -> bool:
    footers = (section.footer, section.even_page_footer)
    return not all(footer.is_linked_to_previous for footer in footers)


def _ensure_styles(document, impose: bool) -> set[str]:
    """Give our look to every style we use, or only to those the reference lacks."""
    ours = set()
    for name, look in LOOKS.items():
        try:
            style = document.styles[name]
        except KeyError:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if name != "Normal":
                style.base_style = document.styles["Normal"]
        else:
            if not impose:
                continue
        apply_look(style, look)
        ours.add(name)
    return ours


def _set_defaults(document) -> None:
    """Document defaults without theme fonts, with zh-CN as the East-Asian language."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, LOOKS["Normal"].east_asia, LATIN)
    set_language(rpr)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        document.settings.element.append(theme_lang)
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = document.settings.element.find(qn("w:characterSpacingControl"))
    if spacing is not None:  # 标点挤压: compress punctuation rather than let it hang
        spacing.set(qn("w:val"), "compressPunctuation")

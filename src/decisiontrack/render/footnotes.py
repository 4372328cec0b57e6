"""Word footnotes: python-docx has no API for them, so the part is written here.

A footnote needs three things: the ``word/footnotes.xml`` part (with the separator and
continuation-separator notes Word expects as ids -1 and 0), a relationship from the
document to it, and in the text a run holding ``w:footnoteReference``. The footnote's own
paragraph starts with a ``w:footnoteRef`` run, which Word prints as the note's number.
A reference document that already has a footnotes part keeps it; ours are appended.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

_EMPTY = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class Footnotes:
    """The footnotes of one document, added one by one and saved into its part."""

    def __init__(self, document):
        self.document = document
        self.part = _existing_part(document)
        self.root = parse_xml(self.part.blob if self.part is not None else _EMPTY.encode())
        ids = [int(note.get(qn("w:id"))) for note in self.root.iter(qn("w:footnote"))]
        self.next_id = max([0, *ids]) + 1
        self.added = 0

    def add(self, paragraph) -> tuple[int, object]:
        """A new footnote; returns its id and its first paragraph (numbered) to fill."""
        note_id = self.next_id
        self.next_id += 1
        self.added += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        self.root.append(note)
        return note_id, self.paragraph(note, first=True)

    def paragraph(self, note, first: bool = False):
        """A ``Footnote Text`` paragraph in ``note``; the first carries the note's number."""
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        note.append(p)
        paragraph = Paragraph(p, self.document.part)
        paragraph.style = self.document.styles["Footnote Text"]
        if first:
            run = OxmlElement("w:r")
            run.append(_superscript())
            run.append(OxmlElement("w:footnoteRef"))
            p.append(run)
            paragraph.add_run(" ")
        return paragraph

    def note(self, note_id: int):
        """The ``w:footnote`` element of an id added here."""
        return next(n for n in self.root.iter(qn("w:footnote")) if n.get(qn("w:id")) == str(note_id))

    def save(self) -> None:
        """Write the part (creating it and its relationship if new); nothing when none added."""
        if not self.added:
            return
        from lxml import etree

        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.part is not None:
            self.part._blob = blob
            return
        package = self.document.part.package
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, package)
        self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        _declare_separators(self.document)


def add_reference(paragraph, note_id: int):
    """Append to ``paragraph`` a superscript run referring to footnote ``note_id``."""
    run = paragraph.add_run()
    run.font.superscript = True
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run._r.append(ref)
    return run


def _superscript():
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    return rpr


def _existing_part(document):
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not rel.is_external:
            return rel.target_part
    return None


def _declare_separators(document) -> None:
    """``w:footnotePr`` in the settings names the separator notes (before ``w:compat``)."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = OxmlElement("w:footnotePr")
    for note_id in ("-1", "0"):
        entry = OxmlElement("w:footnote")
        entry.set(qn("w:id"), note_id)
        footnote_pr.append(entry)
    later = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
             "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
             "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
             "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
             "w:decimalSymbol", "w:listSeparator")
    settings.insert_element_before(footnote_pr, *later)

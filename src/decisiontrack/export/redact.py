"""Redaction: the one place that removes personal information from public outputs.

Ordos 第二十一条: 参与后评估的单位和个人“应当对工作中知悉的国家秘密、商业秘密、个人隐私依法履行
保密义务”; 任丘第七条: 跟踪反馈、后评估结果“除涉及国家秘密、商业秘密或者个人隐私外，应向社会公开”.
So every text of ``export public`` passes through :func:`redact_text` before it is written.

Example::

    >>> redact_text("联系人张某某，电话 138-0013-8000，邮箱 zhang@example.com", known=["张某某"])
    '联系人张＊＊，电话 ［电话已隐去］，邮箱 ［电子邮箱已隐去］'

Patterns are bounded by "no digit" look-arounds, not ``\\b``: in Python a Chinese character is a
word character, so ``\\b`` would miss ``电话13800138000``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PHONE_MASK = "［电话已隐去］"
EMAIL_MASK = "［电子邮箱已隐去］"
ID_MASK = "［身份证号已隐去］"
CONTACT_MASK = "［联系方式已隐去］"
SECRET_MASK = "［涉密内容已隐去］"

_SEP = r"[ \t\-\u2010-\u2015\u2212]"  # a space or any dash between digit groups
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
    r"\.[A-Za-z](?:[A-Za-z0-9\-]*[A-Za-z])?"  # the top-level domain ends in a letter
)
# 18 digits (the last may be X) or the 15 of old cards; any longer run of digits goes too.
_ID = re.compile(r"(?<![0-9])(?:[0-9]{17}[Xx]|[0-9]{15,})(?![0-9])")
_MOBILE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)?86{_SEP}?|（\+?86）|\(\+?86\))?1[3-9][0-9]{_SEP}?[0-9]{{4}}{_SEP}?[0-9]{{4}}(?![0-9])"
)
_LANDLINE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)?86{_SEP}?)?(?:\(0[0-9]{{2,3}}\)|（0[0-9]{{2,3}}）|0[0-9]{{2,3}}{_SEP}?)"
    rf"[ \t]?[1-9][0-9]{{6,7}}(?:{_SEP}?(?:转|-|ext\.?)[0-9]{{1,6}})?(?![0-9])"
)
_PATTERNS = ((_EMAIL, EMAIL_MASK), (_ID, ID_MASK), (_MOBILE, PHONE_MASK), (_LANDLINE, PHONE_MASK))


def redact_text(text: str, known: Iterable[str] = (), contacts: Iterable[str] = (),
                secrets: Iterable[str] = ()) -> str:
    """Mask personal data in ``text``: known values first, then every pattern.

    Args:
        text: free text (a report body, a title, an index line).
        known: names of persons (opinion submitters); each becomes :func:`mask_name` of itself.
        contacts: contact strings (addresses, numbers) of persons; each is removed entirely.
        secrets: titles and 文号 of secret decisions, which a public text must not name either.

    Values shorter than two characters are not replaced: masking ``王`` would mangle the
    whole text. The result is deterministic and idempotent.
    """
    replacements = {value: SECRET_MASK for value in _clean(secrets)}
    replacements.update({value: CONTACT_MASK for value in _clean(contacts)})
    replacements.update({value: mask_name(value) for value in _clean(known)})
    for value in sorted(replacements, key=lambda v: (-len(v), v)):
        text = text.replace(value, replacements[value])
    for pattern, mask in _PATTERNS:
        text = pattern.sub(mask, text)
    return text


NAME_MASK = "＊"  # full-width: a Markdown "**" would turn the text around it bold


def mask_name(name: str) -> str:
    """``张某某`` → ``张＊＊``: keep the first character where a name must be shown."""
    name = name.strip()
    if len(name) <= 1:
        return NAME_MASK
    return name[0] + NAME_MASK * (len(name) - 1)


def _clean(values: Iterable[str]) -> set[str]:
    return {v.strip() for v in values if v and len(v.strip()) >= 2}


@dataclass(frozen=True)
class Redactor:
    """:func:`redact_text` bound to the personal values and secret titles of one workspace."""

    names: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()

    def __call__(self, text: str) -> str:
        return redact_text(text, self.names, self.contacts, self.secrets)


def redactor_for(workspace) -> Redactor:
    """Every opinion submitter's name and contact, every plan person's contact, every secret title.

    Gathered from all decisions, secret ones included: a name from one decision may appear in
    the report of another.
    """
    names: set[str] = set()
    contacts: set[str] = set()
    secrets: set[str] = set()
    for folder in workspace.decisions.values():
        for entry in folder.opinions:
            submitter = entry.record.submitter
            if submitter is not None:
                names.add(submitter.name)
                contacts.add(submitter.contact)
        if folder.plan is not None:
            contacts.update(person.contact for person in folder.plan.people)
        d = folder.decision
        if d is not None and d.classification == "secret":
            secrets.update(value for value in (d.title, d.doc_number) if value)
    names, contacts = _clean(names), _clean(contacts)
    return Redactor(tuple(sorted(names)), tuple(sorted(contacts)), tuple(sorted(secrets)))

"""Redaction: the one place that removes personal information from public outputs.

Ordos 第二十一条: 参与后评估的单位和个人“应当对工作中知悉的国家秘密、商业秘密、个人隐私依法履行
保密义务”; 任丘第七条: 跟踪反馈、后评估结果“除涉及国家秘密、商业秘密或者个人隐私外，应向社会公开”.
So every text of ``export public`` passes through :func:`redact_text` before it is written.

People type personal data in many shapes, so the text is searched in a normalised copy — NFKC,
which reads the full-width digits and letters of a Chinese input method (１３８, ｚｈａｎｇ＠…) as
ASCII — and, for names, contacts and secret titles, with whitespace removed (``张 三``). Each match
is mapped back to the characters of the original, so the published text keeps its own punctuation
and widths everywhere else. What is found:

- telephone numbers: mobiles (``138 0013 8000``, ``138-0013-8000``, ``138.0013.8000``, ``+86``…),
  landlines with an area code (``0477-8581234``, ``（0477）858 1234``, extensions), and 7–8 digit
  local numbers after a word that announces a number (电话、座机、传真…);
- 18-digit ID numbers with a final X, also written in groups (``110105 19491231 002X``), the 15 of
  old cards, and any longer run of digits;
- e-mail addresses; WeChat ids (``wxid_…`` anywhere, any id after 微信/微信号); QQ numbers after QQ;
- the names of opinion submitters (masked as ``张＊＊``), known contacts, secret titles and 文号.

Example::

    >>> redact_text("联系人张 某某，电话 １３８-００１３-８０００，邮箱 zhang@example.com", known=["张某某"])
    '联系人张＊＊，电话 ［电话已隐去］，邮箱 ［电子邮箱已隐去］'

Patterns are bounded by "no digit" look-arounds, not ``\\b``: in Python a Chinese character is a
word character, so ``\\b`` would miss ``电话13800138000``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

PHONE_MASK = "［电话已隐去］"
EMAIL_MASK = "［电子邮箱已隐去］"
ID_MASK = "［身份证号已隐去］"
CONTACT_MASK = "［联系方式已隐去］"
WECHAT_MASK = "［微信号已隐去］"
QQ_MASK = "［QQ号已隐去］"
SECRET_MASK = "［涉密内容已隐去］"
NAME_MASK = "＊"  # full-width: a Markdown "**" would turn the text around it bold

_SEP = r"[ \t.\-\u2010-\u2015\u2212]"  # one space, dot or dash of any kind between digit groups
_NOT_AFTER_DIGITS = r"(?<![0-9])"  # the number starts here, not inside a longer one
_NOT_BEFORE_DIGITS = r"(?![0-9])"  # and ends here (a space and another number may follow)
_LOCAL = rf"[1-9][0-9]{{2,3}}{_SEP}?[0-9]{{4}}"  # 858 1234, 8581234, 8581-1234
_EXTENSION = rf"(?:{_SEP}?(?:转|-|ext\.?)[0-9]{{1,6}})?"
_ANNOUNCES_NUMBER = r"(?:电话|手机|座机|固话|热线|传真|联系方式|tel|phone|fax)"

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
    r"\.[A-Za-z](?:[A-Za-z0-9\-]*[A-Za-z])?"  # the top-level domain ends in a letter
)
_ID = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:[0-9]{{6}}{_SEP}?[0-9]{{8}}{_SEP}?[0-9]{{3}}[0-9Xx]"  # 110105 19491231 002X
    rf"|[0-9]{{6}}{_SEP}?[0-9]{{4}}{_SEP}?[0-9]{{4}}{_SEP}?[0-9]{{3}}[0-9Xx]"  # 110105 1949 1231 002X
    rf"|[0-9]{{15,}})(?![0-9])"  # 15 digits of an old card, or any longer run
)
_MOBILE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:(?:\+|00)?86{_SEP}?|\(\+?86\){_SEP}?)?"
    rf"(?:1[3-9][0-9]{_SEP}?[0-9]{{4}}{_SEP}?[0-9]{{4}}|1[3-9][0-9]{{2}}{_SEP}?[0-9]{{3}}{_SEP}?[0-9]{{4}})"
    rf"{_NOT_BEFORE_DIGITS}"
)
_LANDLINE = re.compile(
    rf"{_NOT_AFTER_DIGITS}(?:(?:\+|00)?86{_SEP}?)?(?:\(0[0-9]{{2,3}}\)|0[0-9]{{2,3}}{_SEP}?)"
    rf"[ \t]?{_LOCAL}{_EXTENSION}{_NOT_BEFORE_DIGITS}"
)
_LOCAL_NUMBER = re.compile(
    rf"{_ANNOUNCES_NUMBER}[^0-9\n]{{0,4}}?(?P<v>{_NOT_AFTER_DIGITS}{_LOCAL}{_EXTENSION}){_NOT_BEFORE_DIGITS}",
    re.IGNORECASE,
)
_WECHAT = re.compile(
    r"(?<![A-Za-z0-9_-])wxid_[A-Za-z0-9_-]{4,}"
    r"|(?:微信号?|wechat|weixin|vx)[^A-Za-z0-9\n]{0,4}?(?P<v>(?<![A-Za-z0-9_-])[A-Za-z][-_A-Za-z0-9]{5,19})"
    r"(?![-_A-Za-z0-9])",
    re.IGNORECASE,
)
_QQ = re.compile(r"QQ(?:号码|号)?[^0-9\n]{0,4}?(?P<v>(?<![0-9])[1-9][0-9]{4,11})(?![0-9])", re.IGNORECASE)
_PATTERNS = ((_EMAIL, EMAIL_MASK), (_ID, ID_MASK), (_MOBILE, PHONE_MASK), (_LANDLINE, PHONE_MASK),
             (_LOCAL_NUMBER, PHONE_MASK), (_WECHAT, WECHAT_MASK), (_QQ, QQ_MASK))


@dataclass(frozen=True)
class _View:
    """A normalised copy of a text and, for each of its characters, the index it came from."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the original that the view's ``[start, end)`` was made from."""
        return self.origin[start], self.origin[end - 1] + 1


def _normalise(text: str, *, drop_spaces: bool = False) -> str:
    normal = unicodedata.normalize("NFKC", text)
    return "".join(normal.split()) if drop_spaces else normal


def _view(text: str, *, drop_spaces: bool = False) -> _View:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        normal = char if char.isascii() and not (drop_spaces and char.isspace()) else _normalise(
            char, drop_spaces=drop_spaces)
        chars.append(normal)
        origin.extend([index] * len(normal))
    return _View("".join(chars), tuple(origin))


@dataclass(frozen=True, order=True)
class _Match:
    """A stretch of the original text and what replaces it; earlier, then longer, then stronger wins."""

    start: int
    length: int
    rank: int
    mask: str


def redact_text(text: str, known: Iterable[str] = (), contacts: Iterable[str] = (),
                secrets: Iterable[str] = ()) -> str:
    """Mask personal data in ``text``: secret titles, known contacts and names, then every pattern.

    Args:
        text: free text (a report body, a title, an index line).
        known: names of persons (opinion submitters); each becomes :func:`mask_name` of itself.
        contacts: contact strings (addresses, numbers) of persons; each is removed entirely.
        secrets: titles and 文号 of secret decisions, which a public text must not name either.

    Values shorter than two characters are not replaced: masking ``王`` would mangle the
    whole text. The result is deterministic and idempotent.
    """
    matches: list[_Match] = []
    values = [(value, SECRET_MASK, 0) for value in _clean(secrets)]
    values += [(value, CONTACT_MASK, 1) for value in _clean(contacts)]
    values += [(value, mask_name(value), 3) for value in _clean(known)]
    if values:
        compact = _view(text, drop_spaces=True)
        for value, mask, rank in values:
            for found in re.finditer(re.escape(value), compact.text):
                start, end = compact.span(found.start(), found.end())
                matches.append(_Match(start, -(end - start), rank, mask))
    wide = _view(text)
    for pattern, mask in _PATTERNS:
        for found in pattern.finditer(wide.text):
            group = "v" if "v" in pattern.groupindex and found.group("v") else 0
            start, end = wide.span(found.start(group), found.end(group))
            matches.append(_Match(start, -(end - start), 2, mask))
    return _apply(text, matches)


def _apply(text: str, matches: list[_Match]) -> str:
    parts: list[str] = []
    position = 0
    for match in sorted(matches):
        if match.start < position:
            continue  # overlaps a stretch already masked
        parts += [text[position:match.start], match.mask]
        position = match.start - match.length
    return "".join(parts) + text[position:]


def mask_name(name: str) -> str:
    """``张某某`` → ``张＊＊``: keep the first character where a name must be shown."""
    name = _normalise(name, drop_spaces=True)
    if len(name) <= 1:
        return NAME_MASK
    return name[0] + NAME_MASK * (len(name) - 1)


def _clean(values: Iterable[str]) -> set[str]:
    """Values as they are searched for: normalised, without spaces, at least two characters."""
    normal = (_normalise(value, drop_spaces=True) for value in values if value)
    return {value for value in normal if len(value) >= 2}


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

"""PDF through LibreOffice: the one converter that keeps Word's layout without Word.

Three things make the PDF look like the .docx in the office's Word or WPS:

- the 公文 font names are mapped to the closest installed free fonts by the fontconfig file
  shipped beside this module (``fonts/gongwen.conf``), so title, body, 一级 and 二级
  headings stay four distinguishable faces instead of one fallback;
- LibreOffice reads ``w:overflowPunct`` the other way round from Word (its DOCX import sets
  hanging punctuation when the value is 0, ECMA-376 17.3.1.21 says 0 forbids it), so the
  copy handed to LibreOffice says 1 where the .docx says 0: punctuation stays in the 版心;
- soffice runs in a profile of its own (so an open LibreOffice does not swallow the job),
  with a timeout, and is tried a second time before giving up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.render.output import write_output

TIMEOUT_SECONDS = 120
ATTEMPTS = 2
FONTS_CONF = Path(__file__).parent / "fonts" / "gongwen.conf"
SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")
INSTALL_HINT = (
    "未找到 LibreOffice（soffice）：请先安装，例如 apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai fonts-wqy-zenhei，然后重试；或改用 --to docx"
)
_NO_HANGING_WORD = b'<w:overflowPunct w:val="0"/>'
_NO_HANGING_LIBREOFFICE = b'<w:overflowPunct w:val="1"/>'


def find_soffice() -> str:
    """The LibreOffice executable on PATH, or a UserError with the install hint."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise UserError(INSTALL_HINT)
    return found


def for_libreoffice(docx: bytes) -> bytes:
    """The same document with ``w:overflowPunct`` written the way LibreOffice reads it."""
    source = zipfile.ZipFile(BytesIO(docx))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in ("word/styles.xml", "word/document.xml"):
                data = data.replace(_NO_HANGING_WORD, _NO_HANGING_LIBREOFFICE)
            target.writestr(item, data)
    return buffer.getvalue()


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file: the user's (or the system's) configuration, then our aliases."""
    base = os.environ.get("FONTCONFIG_FILE") or str(SYSTEM_FONTS_CONF)
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{base}</include>\n'
        f'  <include ignore_missing="yes">{FONTS_CONF}</include>\n</fontconfig>\n',
        encoding="utf-8",
    )
    return path


def convert_to_pdf(docx_path: Path, out_pdf: Path, overwrite: bool = False) -> Path:
    """Convert with ``soffice --headless`` in a private profile, then move into place."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="decisiontrack-pdf-") as tmp:
        work = Path(tmp)
        source = work / docx_path.name
        source.write_bytes(for_libreoffice(docx_path.read_bytes()))
        environment = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(work))}
        problem = ""
        for attempt in range(ATTEMPTS):
            produced, problem = _run(soffice, source, work, attempt, environment)
            if produced is not None:
                return write_output(out_pdf, produced.read_bytes(), overwrite)
        raise UserError(problem)


def _run(soffice: str, source: Path, work: Path, attempt: int, environment: dict) -> tuple[Path | None, str]:
    """One conversion in a fresh profile: (the PDF, "") or (None, why not)."""
    outdir = work / f"out{attempt}"
    command = [
        soffice,
        f"-env:UserInstallation={(work / f'profile{attempt}').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(source),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False, env=environment
        )
    except subprocess.TimeoutExpired:
        return None, (
            f"LibreOffice 转换 {source.name} 超过 {TIMEOUT_SECONDS} 秒仍未完成：请关闭其他 LibreOffice 窗口后重试，"
            "或改用 --to docx"
        )
    produced = outdir / f"{source.stem}.pdf"
    if result.returncode == 0 and produced.is_file():
        return produced, ""
    detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["没有输出"]
    return None, f"LibreOffice 未能把 {source.name} 转为 PDF：{detail[0]}"

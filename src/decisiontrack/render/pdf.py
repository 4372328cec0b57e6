"""PDF through LibreOffice: the one converter that keeps Word's layout without Word."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.store.atomic import write_atomic

TIMEOUT_SECONDS = 120
INSTALL_HINT = (
    "未找到 LibreOffice（soffice）：请先安装，例如 apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui fonts-wqy-zenhei，然后重试；或改用 --to docx"
)


def find_soffice() -> str:
    """The LibreOffice executable on PATH, or a UserError with the install hint."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise UserError(INSTALL_HINT)
    return found


def convert_to_pdf(docx_path: Path, out_pdf: Path, overwrite: bool = False) -> Path:
    """Convert with ``soffice --headless`` in a private profile, then move into place.

    A private profile (``-env:UserInstallation``) lets this run while the user has
    LibreOffice open, which otherwise makes the conversion silently do nothing.
    """
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="decisiontrack-pdf-") as tmp:
        work = Path(tmp)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx_path),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise UserError(
                f"LibreOffice 转换 {docx_path} 超过 {TIMEOUT_SECONDS} 秒仍未完成：请关闭其他 "
                "LibreOffice 窗口后重试，或改用 --to docx"
            ) from None
        produced = work / f"{docx_path.stem}.pdf"
        if result.returncode != 0 or not produced.is_file():
            detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
            raise UserError(f"LibreOffice 未能把 {docx_path} 转为 PDF：{detail[0]}")
        return write_atomic(out_pdf, produced.read_bytes(), overwrite=overwrite)

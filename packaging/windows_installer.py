"""Build the Windows installer with Inno Setup, the version taken from the package.

    python packaging\\windows_installer.py [--iscc PATH] [--dry-run]

Run it on Windows from the repository root after the bundle is built (dist\\Hearing Desk\\). It reads
``__version__`` from app/__init__.py and runs Inno Setup's compiler (iscc, 6.3 or newer; found on PATH or
in its default folder, or given with --iscc) on packaging\\windows-installer.iss with

    /DAppVersion=<the version as it is, 0.3.0rc1 or 0.3.0.dev2 too>
    /DAppVersionNumeric=<X.Y.Z.W, which Windows' file version needs: 0.3.0.0 for those two>

--dry-run prints that command instead of running it (on any system).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from versions import read_version, windows_version  # noqa: E402  (packaging/versions.py)

SCRIPT = HERE / "windows-installer.iss"
DEFAULT_ISCC = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
)


def command(iscc: str, version: str) -> list[str]:
    return [iscc, f"/DAppVersion={version}", f"/DAppVersionNumeric={windows_version(version)}", str(SCRIPT)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Windows installer of the bundle in dist\\.")
    parser.add_argument("--iscc", default=None, help="Inno Setup's ISCC.exe (default: on PATH or its folder)")
    parser.add_argument("--dry-run", action="store_true", help="print the command, do not run it")
    arguments = parser.parse_args(argv)
    iscc = arguments.iscc or shutil.which("iscc") or str(DEFAULT_ISCC)
    run = command(iscc, read_version())
    if arguments.dry_run:
        print(subprocess.list2cmdline(run))
        return 0
    if not Path(iscc).is_file() and shutil.which(iscc) is None:
        print(f"Inno Setup's compiler is not at {iscc}: install Inno Setup 6.3 or newer, or give --iscc.")
        return 1
    return subprocess.run(run, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

"""Build step of Hearing Desk: the Qt translations are compiled whenever the package is built.

Everything else about the package is in pyproject.toml. Building a wheel (``python -m build``, ``pip wheel
.``, ``pip install .``) or an editable install runs ``build_py`` below, which compiles every
``resources/translations/*.ts`` into its ``.qm`` with PySide6's lrelease (PySide6-Essentials is in
[build-system] requires) and fails with one sentence when the Swedish translation is missing or does not
compile. The bundle's spec and ``packaging/bootstrap.sh`` call the same ``compile_translations``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRANSLATIONS = Path("resources") / "translations"
#: The translation a build cannot do without: the clerks read Swedish.
REQUIRED = ("hearing_desk_sv.ts",)


class TranslationError(Exception):
    """A translation that is missing or does not compile; the message is one sentence."""


def lrelease() -> Path:
    """PySide6's lrelease (the ``pyside6-lrelease`` console script runs this binary)."""
    try:
        import PySide6
    except ImportError as error:
        raise TranslationError(
            "PySide6 is not installed where the package is built, so the translations cannot be compiled."
        ) from error
    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.is_file():
        raise TranslationError(f"PySide6 has no lrelease at {tool}, so the translations cannot be compiled.")
    return tool


def compile_translations(
    source_dir: Path, target_dir: Path | None = None, *, only_outdated: bool = False
) -> list[Path]:
    """Compile every ``*.ts`` in *source_dir* into a ``.qm`` in *target_dir* (default: beside it).

    With *only_outdated*, a ``.qm`` newer than its ``.ts`` is left as it is. Returns the ``.qm`` files
    written. Raises TranslationError when a required translation is missing or a file does not compile.
    """
    target_dir = source_dir if target_dir is None else target_dir
    for name in REQUIRED:
        if not (source_dir / name).is_file():
            raise TranslationError(
                f"The Swedish translation {TRANSLATIONS / name} is missing, so Hearing Desk cannot be "
                "built: restore the file from the repository."
            )
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    tool: Path | None = None
    for ts in sorted(source_dir.glob("*.ts")):
        qm = target_dir / ts.with_suffix(".qm").name
        if only_outdated and qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or lrelease()
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise TranslationError(
                f"The translation {TRANSLATIONS / ts.name} does not compile"
                + (f" ({detail[-1]})." if detail else ".")
            )
        written.append(qm)
    return written


if __name__ == "__main__":
    from setuptools import setup
    from setuptools.command.build_py import build_py

    class BuildPyWithTranslations(build_py):
        """build_py, then the .qm files: into the build folder, or beside the .ts for an editable install."""

        def run(self) -> None:
            super().run()
            source = HERE / TRANSLATIONS
            target = source if self.editable_mode else Path(self.build_lib) / TRANSLATIONS
            try:
                written = compile_translations(source, target)
            except TranslationError as error:
                raise SystemExit(f"error: {error}") from None
            print(f"compiled {len(written)} translation file(s) into {target}")

    setup(cmdclass={"build_py": BuildPyWithTranslations})

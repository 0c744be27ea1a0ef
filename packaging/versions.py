"""The program's version, read from the package, in the forms the builds need.

    python packaging/versions.py            prints the version (app.__version__), e.g. 0.3.0rc1
    python packaging/versions.py --windows  prints the numeric X.Y.Z.W form Windows file versions need

The bundle's spec and the Windows installer script import it; nothing here imports the package (a build
machine may not have its dependencies), the version is read from app/__init__.py as text.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read_version(root: Path = ROOT) -> str:
    """``__version__`` from app/__init__.py, read without importing the package."""
    source = root / "app" / "__init__.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str) and value:
                return value
    raise SystemExit(f"{source} has no __version__, so the build cannot name its version.")


def windows_version(version: str) -> str:
    """The numeric ``X.Y.Z.W`` that Windows file versions (and Inno Setup's VersionInfoVersion) accept.

    The release numbers of *version*, padded with zeros to four; a pre-release, post-release, development
    or local part is dropped (0.3.0rc1 and 0.3.0.dev2 give 0.3.0.0): the whole version stays in AppVersion
    and the file's version strings.
    """
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    if match is None:
        raise ValueError(f"The version {version!r} does not start with a number.")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    if any(number > 65535 for number in numbers):
        raise ValueError(f"The version {version!r} has a number above 65535, which Windows cannot store.")
    return ".".join(str(number) for number in [*numbers, 0, 0, 0][:4])


if __name__ == "__main__":
    current = read_version()
    print(windows_version(current) if sys.argv[1:] == ["--windows"] else current)

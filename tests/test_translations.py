"""Every visible string goes through Qt's translation functions and has a Swedish translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "hearing_desk_sv.ts"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_every_source_string_has_a_swedish_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation") is not None
        and (
            m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()
        )  # type: ignore[union-attr]
    ]
    assert untranslated == [], "strings without Swedish translation (run packaging/update_translations.sh)"
    assert len(list(ET.parse(copy).getroot().iter("message"))) > 100


def test_placeholders_survive_translation() -> None:
    import re

    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation)), source

"""Every visible string goes through Qt's translation functions and has a Swedish translation; counts use
Qt's plural forms ("1 rad", "2 rader"), in Swedish and in English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "hearing_desk_sv.ts"
#: English is the source language; this file holds only the plural forms of the strings with %n.
PLURALS_EN = TRANSLATIONS / "hearing_desk_en.ts"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))


def _refreshed(ts: Path, tmp_path: Path, *options: str) -> ET.Element:
    """*ts* as packaging/update_translations.sh would leave it (new strings arrive unfinished)."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *options,
            *_sources(),
            "-ts",
            str(copy),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return ET.parse(copy).getroot()


def _forms(message: ET.Element) -> list[str]:
    """The translated texts of a message: one, or one per plural form."""
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def _untranslated(root: ET.Element) -> list[str]:
    return [
        message.findtext("source") or ""
        for message in root.iter("message")
        if message.find("translation") is not None
        and (
            message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
            or not all(form.strip() for form in _forms(message))
        )
    ]


def test_every_source_string_has_a_swedish_translation(tmp_path: Path) -> None:
    root = _refreshed(TS, tmp_path)
    assert _untranslated(root) == [], (
        "strings without Swedish translation (run packaging/update_translations.sh)"
    )
    assert len(list(root.iter("message"))) > 100


def test_every_count_has_its_english_plural_forms(tmp_path: Path) -> None:
    root = _refreshed(PLURALS_EN, tmp_path, "-pluralonly")
    messages = list(root.iter("message"))
    assert messages and all(message.get("numerus") == "yes" for message in messages)
    assert _untranslated(root) == [], (
        "plural forms without English text (run packaging/update_translations.sh)"
    )


def test_placeholders_survive_translation() -> None:
    for ts in (TS, PLURALS_EN):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            for form in _forms(message):
                assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", form)), source


def test_counts_are_said_with_plural_forms_not_as_1_lines() -> None:
    """ "1 artiklar", "1 rader": a count in a visible string goes through Qt's plural forms (%n)."""
    counted = re.compile(r"\{(count|total)\} (lines|articles|fees|rader|artiklar)\b")
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        assert not counted.search(source), source

"""Packaging: the translations are compiled by the package's build step (and a build without the Swedish one
fails), the icon reads at every size and marks the program's windows, the build scripts take the version
from the package, the Linux desktop entry points at the installed program, and the bundle's runtime hook
points pyzbar at the libzbar inside the bundle.

The bundle itself is built and started by packaging/build_bundle.sh and packaging/smoke_bundle.sh (about a
minute each; not part of this suite).
"""

from __future__ import annotations

import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app
from ui.qt import QImage, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
ICONS = ROOT / "resources" / "icons"
PACKAGING = ROOT / "packaging"
SIZES = (16, 24, 32, 48, 64, 128, 256)

build_hooks = runpy.run_path(str(ROOT / "setup.py"))  # setup() itself runs only as __main__
versions = runpy.run_path(str(PACKAGING / "versions.py"))


def _run(*command: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=120, check=False, **options
    )  # type: ignore[call-overload]


# --- translations compiled by the build -----------------------------------------------------------------


def test_translation_build_step_compiles_every_ts_into_a_qm_that_qt_loads(tmp_path: Path) -> None:
    source = tmp_path / "ts"
    source.mkdir()
    for ts in TRANSLATIONS.glob("*.ts"):
        shutil.copy(ts, source)
    written = build_hooks["compile_translations"](source, tmp_path / "qm")
    assert sorted(path.name for path in written) == ["hearing_desk_en.qm", "hearing_desk_sv.qm"]
    swedish = QTranslator()
    assert swedish.load(str(tmp_path / "qm" / "hearing_desk_sv.qm"))
    assert swedish.translate("ActivityDetailDialog", "Activity") == "Aktivitet"


def test_translation_build_step_recompiles_only_outdated_files_when_asked(tmp_path: Path) -> None:
    shutil.copy(TRANSLATIONS / "hearing_desk_sv.ts", tmp_path)
    compile_translations = build_hooks["compile_translations"]
    assert [path.name for path in compile_translations(tmp_path, only_outdated=True)] == [
        "hearing_desk_sv.qm"
    ]
    assert compile_translations(tmp_path, only_outdated=True) == []
    os.utime(tmp_path / "hearing_desk_sv.ts", (2_000_000_000, 2_000_000_000))
    assert [path.name for path in compile_translations(tmp_path, only_outdated=True)] == [
        "hearing_desk_sv.qm"
    ]


def test_translation_build_step_refuses_without_the_swedish_translation(tmp_path: Path) -> None:
    shutil.copy(TRANSLATIONS / "hearing_desk_en.ts", tmp_path)
    with pytest.raises(
        build_hooks["TranslationError"], match=r"The Swedish translation .*hearing_desk_sv\.ts is missing"
    ):
        build_hooks["compile_translations"](tmp_path, tmp_path / "qm")
    assert not (tmp_path / "qm").exists() or not list((tmp_path / "qm").iterdir())


def test_translation_build_step_names_a_translation_that_does_not_compile(tmp_path: Path) -> None:
    (tmp_path / "hearing_desk_sv.ts").write_text(
        "<TS version='2.1'><context><name>X</name>", encoding="utf-8"
    )
    with pytest.raises(build_hooks["TranslationError"], match=r"hearing_desk_sv\.ts does not compile"):
        build_hooks["compile_translations"](tmp_path)


def _project_copy(folder: Path, *, without: str | None = None) -> Path:
    """The files a package build reads (pyproject.toml, setup.py, README.md, the packages), without .qm."""
    folder.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, folder)
    ignore = shutil.ignore_patterns("__pycache__", "*.qm", "screenshots")
    for package in ("app", "db", "ui", "resources"):
        shutil.copytree(ROOT / package, folder / package, ignore=ignore)
    if without:
        (folder / without).unlink()
    return folder


def test_package_build_puts_the_compiled_translations_into_the_build(tmp_path: Path) -> None:
    project = _project_copy(tmp_path / "project")
    result = _run(sys.executable, "setup.py", "-q", "build_py", "--build-lib", tmp_path / "lib", cwd=project)
    assert result.returncode == 0, result.stderr
    built = tmp_path / "lib" / "resources" / "translations"
    assert (built / "hearing_desk_sv.qm").stat().st_size > 100_000
    assert (built / "hearing_desk_en.qm").is_file()
    assert not list((project / "resources" / "translations").glob("*.qm"))  # the checkout is left as it was


def test_package_build_fails_with_a_sentence_without_the_swedish_translation(tmp_path: Path) -> None:
    project = _project_copy(tmp_path / "project", without="resources/translations/hearing_desk_sv.ts")
    result = _run(sys.executable, "setup.py", "-q", "build_py", "--build-lib", tmp_path / "lib", cwd=project)
    assert result.returncode != 0
    assert (
        "error: The Swedish translation resources/translations/hearing_desk_sv.ts is missing, so Hearing Desk "
        "cannot be built: restore the file from the repository." in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "lib" / "resources" / "translations" / "hearing_desk_sv.qm").exists()


# --- the icon -------------------------------------------------------------------------------------------


def test_icon_files_read_at_every_size_and_the_ico_holds_them_all(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImageReader
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ICONS / "hearing-desk.svg")).isValid()
    for size in SIZES:
        image = QImage(str(ICONS / f"hearing-desk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    reader = QImageReader(str(ICONS / "hearing-desk.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    assert sorted(sizes) == list(SIZES)


def test_committed_icon_pngs_are_the_svg_as_make_icons_renders_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """After a change of the SVG, `python packaging/make_icons.py` must be run (a build renders nothing)."""
    make_icons = runpy.run_path(str(PACKAGING / "make_icons.py"))
    for size in (16, 256):
        rendered = make_icons["render"](size)
        committed = QImage(str(ICONS / f"hearing-desk-{size}.png")).convertToFormat(rendered.format())
        worst = max(
            abs(
                getattr(rendered.pixelColor(x, y), channel)() - getattr(committed.pixelColor(x, y), channel)()
            )
            for x in range(size)
            for y in range(size)
            for channel in ("red", "green", "blue", "alpha")
        )
        assert worst <= 8, f"hearing-desk-{size}.png differs from the SVG by {worst}"


def test_program_start_gives_windows_the_icon_and_the_desktop_entry_name(demo_dir: Path) -> None:
    probe = (
        "import sys\n"
        "from ui.qt import QApplication, QGuiApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "import ui.main\n"
        f"code = ui.main.main(['--smoke', '--data-dir', {str(demo_dir)!r}])\n"
        "icon = QGuiApplication.windowIcon()\n"
        "print(code, QGuiApplication.desktopFileName(), icon.isNull(),\n"
        "      sorted(size.width() for size in icon.availableSizes()), icon.pixmap(16, 16).width())\n"
    )
    result = _run(sys.executable, "-c", probe, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 hearing-desk False [16, 24, 32, 48, 64, 128, 256] 16"


def test_program_modules_import_no_qttest_which_the_bundle_leaves_out() -> None:
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "ui").rglob("*.py")
        if path.name != "__init__.py"
    )
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print('PySide6.QtTest' in sys.modules)\n"
        "from ui.qt import QTest\n"
        "print(QTest.__module__)\n"
    )
    result = _run(sys.executable, "-c", probe, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "PySide6.QtTest"]


# --- versions -------------------------------------------------------------------------------------------


def test_build_scripts_read_the_package_version() -> None:
    assert versions["read_version"]() == app.__version__
    result = _run(sys.executable, PACKAGING / "versions.py")
    assert result.stdout.strip() == app.__version__


@pytest.mark.parametrize(
    ("version", "numeric"),
    [
        ("0.1.0", "0.1.0.0"),
        ("0.3.0rc1", "0.3.0.0"),
        ("0.3.0.dev2", "0.3.0.0"),
        ("1.0.post1", "1.0.0.0"),
        ("2", "2.0.0.0"),
        ("1.2.3.4.5", "1.2.3.4"),
        ("2.1.0+local.7", "2.1.0.0"),
    ],
)
def test_windows_version_is_numeric_for_pre_releases_too(version: str, numeric: str) -> None:
    assert versions["windows_version"](version) == numeric


@pytest.mark.parametrize("version", ["dev", "1.70000.0"])
def test_windows_version_refuses_what_windows_cannot_store(version: str) -> None:
    with pytest.raises(ValueError, match="version"):
        versions["windows_version"](version)


def test_windows_installer_command_passes_the_version_and_its_numeric_form() -> None:
    result = _run(sys.executable, PACKAGING / "windows_installer.py", "--dry-run", "--iscc", "iscc")
    assert result.returncode == 0, result.stderr
    numeric = versions["windows_version"](app.__version__)
    assert f"/DAppVersion={app.__version__} /DAppVersionNumeric={numeric} " in result.stdout
    assert result.stdout.strip().endswith("windows-installer.iss")
    script = (PACKAGING / "windows-installer.iss").read_text(encoding="utf-8")
    assert "VersionInfoVersion={#AppVersionNumeric}" in script
    assert r"SetupIconFile=..\resources\icons\hearing-desk.ico" in script


# --- Linux desktop entry --------------------------------------------------------------------------------


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_desktop_entry_install_points_at_the_installed_program_and_uninstalls(tmp_path: Path) -> None:
    program = Path(sys.executable).with_name("hearing-desk")
    prefix = tmp_path / "with space"
    result = _run("bash", PACKAGING / "install_linux.sh", "--prefix", prefix, "--program", program)
    assert result.returncode == 0, result.stderr
    real = program.parent.resolve() / program.name
    entry = _entry(prefix / "share" / "applications" / "hearing-desk.desktop")
    assert entry["Exec"] == f'"{real}"'
    assert entry["TryExec"] == str(real)
    assert entry["Icon"] == "hearing-desk"  # the name the window gives too (ui/app_icon.py)
    for size in SIZES:
        image = QImage(
            str(prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hearing-desk.png")
        )
        assert (image.width(), image.height()) == (size, size)
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "hearing-desk.svg").is_file()

    result = _run("bash", PACKAGING / "install_linux.sh", "--prefix", prefix, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not (prefix / "share" / "applications" / "hearing-desk.desktop").exists()
    assert not list((prefix / "share" / "icons").rglob("hearing-desk.*"))


def test_desktop_entry_install_refuses_a_folder_that_is_no_bundle(tmp_path: Path) -> None:
    result = _run("bash", PACKAGING / "install_linux.sh", "--prefix", tmp_path / "p", "--bundle", tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"install_linux: {tmp_path} is not a built bundle (bash packaging/build_bundle.sh builds one)."
    )
    assert not (tmp_path / "p" / "share").exists()


# --- the bundle's runtime hook for libzbar ---------------------------------------------------------------


def test_bundle_runtime_hook_makes_pyzbar_load_the_bundled_libzbar(tmp_path: Path) -> None:
    """As in the bundle: sys._MEIPASS holds libzbar.so.0, and pyzbar reads a code with that very file."""
    import ctypes.util

    system = ctypes.util.find_library("zbar")
    assert system is not None  # the test machine has libzbar (packaging/bootstrap.sh installs it)
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    probe = (
        "import ctypes, ctypes.util, os, runpy, sys\n"
        "lib = ctypes.CDLL(ctypes.util.find_library('zbar'))\n"
        "source = next(l.split()[-1] for l in open('/proc/self/maps') if 'libzbar' in l)\n"
        "del lib\n"
        f"bundled = {str(bundle)!r}\n"
        "import shutil; shutil.copy(source, os.path.join(bundled, 'libzbar.so.0'))\n"
        "sys._MEIPASS = bundled\n"
        f"runpy.run_path({str(PACKAGING / 'pyi_rth_zbar.py')!r})\n"
        "print(ctypes.util.find_library('zbar'))\n"
        "import cv2\n"
        "from pyzbar import pyzbar\n"
        f"image = cv2.imread({str(ROOT / 'tests' / 'scan_images' / 'ean13--glare.jpg')!r})\n"
        "print([code.data.decode() for code in pyzbar.decode(image)])\n"
        "print(sorted({l.split()[-1] for l in open('/proc/self/maps') if 'libzbar' in l}))\n"
    )
    result = _run(sys.executable, "-c", probe)
    assert result.returncode == 0, result.stderr
    found, codes, mapped = result.stdout.strip().splitlines()
    assert found == str(bundle / "libzbar.so.0")
    assert codes == "['7391234567890']"
    assert str(bundle / "libzbar.so.0") in mapped

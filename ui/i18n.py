"""Installing the translations: Swedish on a Swedish locale (or when asked), English otherwise."""

from __future__ import annotations

import logging
from importlib import resources

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def translation_file(language: str) -> str:
    return str(resources.files("resources.translations").joinpath(f"hearing_desk_{language}.qm"))


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for *language* (``"sv"``, ``"en"``) or the system locale; return the one used."""
    locale = QLocale(language) if language else QLocale.system()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if locale.language() != QLocale.Language.Swedish:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Sweden))
        # The sources are English; this file only holds their plural forms ("1 line", "2 lines").
        plurals = QTranslator(app)
        if plurals.load(translation_file("en")):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:
            log.warning('the English plural forms are missing; counts may read "1 lines"')
        return "en"
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    ours = QTranslator(app)
    if ours.load(translation_file("sv")):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("the Swedish translation file is missing; showing English")
        return "en"
    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(QLocale.Language.Swedish),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return "sv"

"""PyInstaller runtime hook: pyzbar loads the libzbar inside the bundle, not the system's.

pyzbar finds libzbar with ``ctypes.util.find_library("zbar")``, which on Linux asks the system (ldconfig's
cache): on a machine without libzbar it finds nothing and the camera reads no 1D codes. The spec bundles
libzbar.so.0 (with the libraries it needs) beside the program; this hook answers "zbar" with that file.
On Windows the pyzbar wheel carries its own DLLs and this hook changes nothing.
"""

import ctypes.util
import os
import sys


def _install() -> None:
    bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")
    if not sys.platform.startswith("linux") or not os.path.isfile(bundled):
        return
    system_find_library = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        return bundled if name == "zbar" else system_find_library(name)

    ctypes.util.find_library = find_library


_install()

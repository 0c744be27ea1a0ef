#!/usr/bin/env bash
# Hearing Desk: the one set-up path (developers, CI and anyone trying the program on Linux).
#
#   bash packaging/bootstrap.sh run [ARGS...]    set up, then start the program (ARGS go to hearing-desk)
#   bash packaging/bootstrap.sh test [ARGS...]   set up, then ruff check, ruff format --check, mypy, pytest
#                                                (ARGS go to pytest)
#   bash packaging/bootstrap.sh setup            set up for both, and nothing else
#
# Set-up: (a) the system packages the program and the tests need (apt, only when something is missing),
# (b) the virtual environment .venv in the repository root (pip only when pyproject.toml changed),
# (c) the Qt translations (.ts -> .qm, only when a .ts is newer than its .qm).
# A second run with nothing changed touches neither apt nor pip and takes a few seconds.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
VENV="$ROOT/.venv"
STAMP="$VENV/.hearing-desk-pyproject.sha256"
PYTHON=${HEARING_DESK_PYTHON:-python3}

say() { printf 'hearing-desk setup: %s\n' "$*" >&2; }
die() {
    printf 'hearing-desk setup: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<'EOF'
usage: bash packaging/bootstrap.sh run [ARGS...]    set up, then start Hearing Desk
       bash packaging/bootstrap.sh test [ARGS...]   set up, then ruff, mypy and pytest
       bash packaging/bootstrap.sh setup            set up only
EOF
}

# --- (a) system packages --------------------------------------------------------------------------

# Shared libraries, each as "soname debian-package".
# Qt as the PySide6 wheels need it for QtCore, QtGui and QtWidgets on any platform plugin
# (offscreen included; found with readelf/ldd on the wheel's libraries and plugins/platforms):
QT_LIBS=(
    "libGL.so.1 libgl1"
    "libEGL.so.1 libegl1"
    "libX11.so.6 libx11-6"
    "libxkbcommon.so.0 libxkbcommon0"
    "libfontconfig.so.1 libfontconfig1"
    "libfreetype.so.6 libfreetype6"
    "libglib-2.0.so.0 libglib2.0-0"
    "libgthread-2.0.so.0 libglib2.0-0"
    "libdbus-1.so.3 libdbus-1-3"
    "libz.so.1 zlib1g"
    "libzstd.so.1 libzstd1"
)
# pyzbar (1D and QR codes from the webcam) loads libzbar through ctypes:
ZBAR_LIBS=(
    "libzbar.so.0 libzbar0"
)
# Qt's xcb platform plugin, for a window on a real X11 (or XWayland) desktop; not needed offscreen:
XCB_LIBS=(
    "libxcb.so.1 libxcb1"
    "libX11-xcb.so.1 libx11-xcb1"
    "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
    "libxcb-cursor.so.0 libxcb-cursor0"
    "libxcb-icccm.so.4 libxcb-icccm4"
    "libxcb-util.so.1 libxcb-util1"
    "libxcb-image.so.0 libxcb-image0"
    "libxcb-keysyms.so.1 libxcb-keysyms1"
    "libxcb-randr.so.0 libxcb-randr0"
    "libxcb-render.so.0 libxcb-render0"
    "libxcb-render-util.so.0 libxcb-render-util0"
    "libxcb-shape.so.0 libxcb-shape0"
    "libxcb-shm.so.0 libxcb-shm0"
    "libxcb-sync.so.1 libxcb-sync1"
    "libxcb-xfixes.so.0 libxcb-xfixes0"
    "libxcb-xkb.so.1 libxcb-xkb1"
)

MISSING_PKGS=()  # Debian package names
MISSING_WHAT=()  # the same, said for any system

need() {
    local pkg=$1 what=$2 p
    for p in ${MISSING_PKGS[@]+"${MISSING_PKGS[@]}"}; do
        [[ $p == "$pkg" ]] && return 0
    done
    MISSING_PKGS+=("$pkg")
    [[ -z $what ]] || MISSING_WHAT+=("$what")
}

LD_CACHE=""
load_ld_cache() {
    local ldconfig=""
    if command -v ldconfig >/dev/null 2>&1; then
        ldconfig=ldconfig
    elif [[ -x /sbin/ldconfig ]]; then
        ldconfig=/sbin/ldconfig
    elif [[ -x /usr/sbin/ldconfig ]]; then
        ldconfig=/usr/sbin/ldconfig
    fi
    [[ -n $ldconfig ]] || return 1
    # Read the cache once, into a variable: "ldconfig -p | grep -q" can fail under pipefail (SIGPIPE).
    LD_CACHE=$("$ldconfig" -p 2>/dev/null || true)
    [[ -n $LD_CACHE ]]
}

check_libs() {
    local entry soname pkg
    for entry in "$@"; do
        soname=${entry%% *}
        pkg=${entry##* }
        [[ $LD_CACHE == *"$soname ("* ]] || need "$pkg" "$soname"
    done
}

have_font() {
    local dir
    for dir in /usr/share/fonts /usr/local/share/fonts; do
        [[ -d $dir ]] || continue
        if [[ -n $(find "$dir" -type f \( -iname '*.ttf' -o -iname '*.otf' -o -iname '*.ttc' -o -iname '*.pfb' \) \
            -print -quit 2>/dev/null) ]]; then
            return 0
        fi
    done
    return 1
}

have_initdb() {
    local f
    for f in /usr/lib/postgresql/*/bin/initdb; do
        [[ -x $f ]] && return 0
    done
    return 1
}

# Fills MISSING_PKGS/MISSING_WHAT for the purpose: run, test or all.
check_system() {
    local purpose=$1
    MISSING_PKGS=()
    MISSING_WHAT=()

    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        need python3 "Python 3.11 or newer (python3)"
    elif [[ ! -x $VENV/bin/python ]] && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        # Debian and Ubuntu ship ensurepip (which "python3 -m venv" needs) in python3.X-venv.
        need python3-venv "the Python venv module with ensurepip (python3-venv)"
        local pyver
        pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
        [[ -z $pyver ]] || need "python$pyver-venv" ""
    fi

    if load_ld_cache; then
        check_libs "${QT_LIBS[@]}" "${ZBAR_LIBS[@]}"
        if [[ $purpose != test && ${QT_QPA_PLATFORM:-xcb} == xcb* && $(uname -s) == Linux ]]; then
            check_libs "${XCB_LIBS[@]}"
        fi
    else
        say "cannot read the shared-library cache (no ldconfig); not checking system libraries"
    fi
    have_font || need fonts-dejavu-core "a TrueType font such as DejaVu Sans (fonts-dejavu-core)"
    if [[ $purpose != run ]]; then
        have_initdb || need postgresql "the PostgreSQL server with initdb (postgresql)"
    fi
}

ensure_system() {
    local purpose=$1
    check_system "$purpose"
    ((${#MISSING_PKGS[@]} == 0)) && return 0

    if ! command -v apt-get >/dev/null 2>&1; then
        local IFS=,
        die "this is not a Debian or Ubuntu system, so install these with your package manager and then run this again:${MISSING_WHAT[*]/#/ }."
    fi

    local -a sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
            sudo=(sudo -n)
        else
            die "system packages are missing, so run 'sudo apt-get update && sudo apt-get install -y --no-install-recommends ${MISSING_PKGS[*]}' and then this command again."
        fi
    fi

    say "installing system packages: ${MISSING_PKGS[*]}"
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
        die "apt-get update failed (see above), so no system package was installed."
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${MISSING_PKGS[@]}" >/dev/null ||
        die "apt-get install ${MISSING_PKGS[*]} failed (see above)."

    check_system "$purpose"
    if ((${#MISSING_PKGS[@]} > 0)); then
        die "still missing after apt-get install: ${MISSING_WHAT[*]}."
    fi
}

# --- (b) the virtual environment ------------------------------------------------------------------

pyproject_hash() {
    "$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' \
        "$ROOT/pyproject.toml"
}

ensure_venv() {
    if [[ -e $VENV/bin/python ]] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        say "the Python of .venv no longer runs; making .venv anew"
        rm -rf -- "$VENV"
    fi
    if [[ ! -x $VENV/bin/python ]]; then
        if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
            die "Hearing Desk needs Python 3.11 or newer, but $PYTHON is $("$PYTHON" --version 2>&1); set HEARING_DESK_PYTHON to a newer python3.X and run this again."
        fi
        say "creating the virtual environment .venv"
        "$PYTHON" -m venv "$VENV"
    fi

    local want have=""
    want=$(pyproject_hash)
    [[ -f $STAMP ]] && have=$(<"$STAMP")
    if [[ $want != "$have" || ! -x $VENV/bin/hearing-desk ]]; then
        say "installing Hearing Desk and its dependencies into .venv (pip install -e .[dev])"
        (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[dev]")
        printf '%s\n' "$want" >"$STAMP"
    fi
}

# --- (c) translations -----------------------------------------------------------------------------

compile_translations() {
    # setup.py's build step (the one a wheel build runs), here for the .ts files newer than their .qm.
    "$VENV/bin/python" - "$ROOT" <<'PY' || die "the translations were not compiled (see above)."
import runpy
import sys
from pathlib import Path

root = Path(sys.argv[1])
hooks = runpy.run_path(str(root / "setup.py"))
try:
    written = hooks["compile_translations"](root / hooks["TRANSLATIONS"], only_outdated=True)
except hooks["TranslationError"] as error:
    sys.exit(f"hearing-desk setup: {error}")
if written:
    print(f"hearing-desk setup: compiled {len(written)} translation file(s)", file=sys.stderr)
PY
}

setup() {
    local purpose=$1
    ensure_system "$purpose"
    ensure_venv
    compile_translations
}

# --- test -----------------------------------------------------------------------------------------

run_tests() {
    local -a failed=()
    local rc
    cd "$ROOT"

    printf 'hearing-desk test: ruff check\n'
    "$VENV/bin/ruff" check . || failed+=("ruff check")
    printf 'hearing-desk test: ruff format --check\n'
    "$VENV/bin/ruff" format --check . || failed+=("ruff format --check")
    printf 'hearing-desk test: mypy\n'
    "$VENV/bin/python" -m mypy || failed+=("mypy")

    printf 'hearing-desk test: pytest\n'
    rc=0
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest "$@" || rc=$?
    if ((rc == 5)); then
        failed+=("pytest (it collected no tests)")
    elif ((rc != 0)); then
        failed+=("pytest (exit code $rc)")
    fi

    if ((${#failed[@]} > 0)); then
        local IFS=,
        printf 'hearing-desk test: FAILED:%s\n' "${failed[*]/#/ }" >&2
        return 1
    fi
}

# --- main -----------------------------------------------------------------------------------------

command=${1:-}
if (($# > 0)); then
    shift
fi

case $command in
run)
    setup run
    if [[ -z ${QT_QPA_PLATFORM:-} && -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && $(uname -s) == Linux ]]; then
        say "no DISPLAY or WAYLAND_DISPLAY is set; without a desktop, start with QT_QPA_PLATFORM=offscreen"
    fi
    exec "$VENV/bin/hearing-desk" "$@"
    ;;
test)
    setup test
    run_tests "$@"
    ;;
setup)
    setup all
    say "ready"
    ;;
-h | --help | help)
    usage
    ;;
*)
    usage >&2
    exit 2
    ;;
esac

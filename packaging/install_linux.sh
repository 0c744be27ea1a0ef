#!/usr/bin/env bash
# Install Hearing Desk's desktop entry and icons on Linux, pointing at the installed program.
#
#   bash packaging/install_linux.sh [--prefix DIR] [--bundle BUNDLE_DIR | --program PATH]
#   bash packaging/install_linux.sh [--prefix DIR] --uninstall
#
# --bundle BUNDLE_DIR (the default, with dist/Hearing Desk, when it exists): copies the built bundle to
#     PREFIX/lib/hearing-desk/ and links PREFIX/bin/hearing-desk and PREFIX/bin/hearing-desk-admin to it.
# --program PATH: no copy; the entry starts PATH (say, the hearing-desk console script of a pip install).
#     Without --bundle or a built bundle, the hearing-desk found on PATH.
# --prefix DIR: where to install; default /usr/local as root, else ~/.local (the user's own menu).
#
# The entry (PREFIX/share/applications/hearing-desk.desktop) is packaging/hearing-desk.desktop with Exec
# and TryExec set to the program's absolute path; the icons go to PREFIX/share/icons/hicolor (16 to 256
# pixels and the SVG). The window names the same entry (ui/app_icon.py: desktop file name "hearing-desk").
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
if [[ $(id -u) -eq 0 ]]; then PREFIX=/usr/local; else PREFIX=$HOME/.local; fi
BUNDLE=""
PROGRAM=""
UNINSTALL=0
SIZES=(16 24 32 48 64 128 256)

die() {
    printf 'install_linux: %s\n' "$*" >&2
    exit 1
}

while (($# > 0)); do
    case $1 in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --bundle) BUNDLE=${2:?--bundle needs the bundle folder}; shift 2 ;;
    --program) PROGRAM=${2:?--program needs the program}; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) die "unknown argument $1 (see the comment at the top of this script)." ;;
    esac
done
mkdir -p "$PREFIX"
PREFIX=$(cd -- "$PREFIX" && pwd -P)
APPS=$PREFIX/share/applications
ICONS=$PREFIX/share/icons/hicolor
LIB=$PREFIX/lib/hearing-desk

refresh_caches() {
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [[ -f $ICONS/index.theme ]]; then
        gtk-update-icon-cache -q -t "$ICONS" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS" || true
    fi
}

if ((UNINSTALL)); then
    rm -f -- "$APPS/hearing-desk.desktop" "$ICONS/scalable/apps/hearing-desk.svg"
    for size in "${SIZES[@]}"; do rm -f -- "$ICONS/${size}x$size/apps/hearing-desk.png"; done
    for name in hearing-desk hearing-desk-admin; do
        [[ -L $PREFIX/bin/$name && $(readlink "$PREFIX/bin/$name") == "$LIB"/* ]] && rm -f -- "$PREFIX/bin/$name"
    done
    rm -rf -- "$LIB"
    refresh_caches
    printf 'removed Hearing Desk from %s\n' "$PREFIX"
    exit 0
fi

if [[ -z $PROGRAM && -z $BUNDLE && -x "$ROOT/dist/Hearing Desk/Hearing Desk" ]]; then
    BUNDLE="$ROOT/dist/Hearing Desk"
fi
if [[ -n $BUNDLE ]]; then
    [[ -x "$BUNDLE/Hearing Desk" && -x "$BUNDLE/hearing-desk-admin" ]] ||
        die "$BUNDLE is not a built bundle (bash packaging/build_bundle.sh builds one)."
    rm -rf -- "$LIB"
    mkdir -p "$LIB" "$PREFIX/bin"
    cp -a -- "$BUNDLE/." "$LIB/"
    ln -sfn -- "$LIB/Hearing Desk" "$PREFIX/bin/hearing-desk"
    ln -sfn -- "$LIB/hearing-desk-admin" "$PREFIX/bin/hearing-desk-admin"
    PROGRAM="$LIB/Hearing Desk"
elif [[ -z $PROGRAM ]]; then
    PROGRAM=$(command -v hearing-desk) ||
        die "there is no built bundle and no hearing-desk on PATH: build the bundle, or name the program with --program."
fi
[[ -x $PROGRAM ]] || die "$PROGRAM is not a program that can be started."
PROGRAM=$(cd -- "$(dirname -- "$PROGRAM")" && pwd -P)/$(basename -- "$PROGRAM")

for size in "${SIZES[@]}"; do
    install -D -m 644 "$ROOT/resources/icons/hearing-desk-$size.png" "$ICONS/${size}x$size/apps/hearing-desk.png"
done
install -D -m 644 "$ROOT/resources/icons/hearing-desk.svg" "$ICONS/scalable/apps/hearing-desk.svg"

# Exec takes the path in double quotes (it may hold a space: "Hearing Desk"), with " ` $ \ escaped;
# TryExec takes it as it is.
quoted=$(printf '%s' "$PROGRAM" | sed -e 's/[\\"`$]/\\&/g')
mkdir -p "$APPS"
sed -e "s|^Exec=.*|Exec=\"${quoted//|/\\|}\"|" -e "s|^TryExec=.*|TryExec=${PROGRAM//|/\\|}|" \
    "$ROOT/packaging/hearing-desk.desktop" >"$APPS/hearing-desk.desktop.new"
mv -- "$APPS/hearing-desk.desktop.new" "$APPS/hearing-desk.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$APPS/hearing-desk.desktop" || die "the desktop entry does not validate (see above)."
fi
refresh_caches
printf 'installed %s with the program %s\n' "$APPS/hearing-desk.desktop" "$PROGRAM"

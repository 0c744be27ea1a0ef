#!/usr/bin/env bash
# Build the workstation bundle, dist/Hearing Desk/ (Linux; PyInstaller builds for the system it runs on).
#
#   bash packaging/build_bundle.sh [BUILD_DIR]
#
# BUILD_DIR (default: build/bundle) holds the build's own virtual environment (venv/: PyInstaller and the
# workstation's dependencies from pyproject.toml, never the server's) and PyInstaller's work folder (work/).
# The environment is made once and refreshed when pyproject.toml changes. The spec
# (packaging/hearing-desk.spec) compiles the translations, takes the version from app/__init__.py and
# writes dist/Hearing Desk/ with "Hearing Desk" and "hearing-desk-admin". Then start the bundle with
#   bash packaging/smoke_bundle.sh
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BUILD=${1:-$ROOT/build/bundle}
VENV=$BUILD/venv
PYTHON=${HEARING_DESK_PYTHON:-python3}
STAMP=$VENV/.hearing-desk-build.sha256
PYINSTALLER="pyinstaller>=6.10,<7"

say() { printf 'build_bundle: %s\n' "$*" >&2; }
die() {
    printf 'build_bundle: %s\n' "$*" >&2
    exit 1
}

command -v "$PYTHON" >/dev/null 2>&1 || die "there is no $PYTHON; set HEARING_DESK_PYTHON to a Python 3.11 or newer."
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "the bundle needs Python 3.11 or newer, but $PYTHON is $("$PYTHON" --version 2>&1)."
command -v readelf >/dev/null 2>&1 || die "readelf is missing (Debian and Ubuntu: apt-get install binutils)."

SECONDS=0

if [[ ! -x $VENV/bin/python ]]; then
    say "creating the build environment $VENV"
    mkdir -p "$BUILD"
    "$PYTHON" -m venv "$VENV"
fi

# The workstation's dependencies: [project] dependencies plus the "desktop" extra, as pyproject.toml says.
want=$(cat "$ROOT/pyproject.toml" "$0" | sha256sum | cut -d' ' -f1)
if [[ ! -f $STAMP || $(<"$STAMP") != "$want" ]]; then
    mapfile -t requirements < <("$VENV/bin/python" - "$ROOT/pyproject.toml" <<'PY'
import sys
import tomllib

with open(sys.argv[1], "rb") as source:
    project = tomllib.load(source)["project"]
for requirement in project["dependencies"] + project.get("optional-dependencies", {}).get("desktop", []):
    print(requirement)
PY
    )
    say "installing PyInstaller and the workstation's ${#requirements[@]} dependencies into the build environment"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER" "${requirements[@]}"
    printf '%s\n' "$want" >"$STAMP"
fi

version=$("$VENV/bin/python" "$ROOT/packaging/versions.py")
say "building Hearing Desk $version"
(cd "$ROOT" && "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$BUILD/work" packaging/hearing-desk.spec)

bundle="$ROOT/dist/Hearing Desk"
[[ -x "$bundle/Hearing Desk" && -x "$bundle/hearing-desk-admin" ]] || die "the build left no programs in $bundle."
bytes=$(du -sb "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
printf 'built dist/Hearing Desk (version %s) in %d s: %s bytes (%s), %s files\n' \
    "$version" "$SECONDS" "$bytes" "$(du -sh "$bundle" | cut -f1)" "$files"

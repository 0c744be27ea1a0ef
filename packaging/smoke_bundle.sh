#!/usr/bin/env bash
# Start the built bundle and check it (Linux), after `bash packaging/build_bundle.sh`:
#
#   bash packaging/smoke_bundle.sh [BUNDLE_DIR]      (default: dist/Hearing Desk)
#
# 1. hearing-desk-admin --version names the package's version;
# 2. hearing-desk-admin demo-data fills a new demo database in a temporary folder, and
#    "Hearing Desk" --smoke starts on it three times (Qt's offscreen platform), printing the milliseconds
#    to first paint; each start must exit 0;
# 3. hearing-desk-admin migrate creates a database in an empty folder;
# 4. hearing-desk-admin decode reads images of tests/scan_images with the bundle's own libzbar and
#    zxing-cpp. As root (with unshare), the system's libzbar is hidden first, in a private mount namespace,
#    as on a machine without it: an empty file is mounted over it, and over /etc/ld.so.cache a cache made
#    anew without it. The dynamic linker's log must show the
#    bundle's libzbar loaded, and the codes read must be the expected ones.
# Prints "bundle smoke test passed" and exits 0, or says what failed and exits 1.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BUNDLE=$(cd -- "${1:-$ROOT/dist/Hearing Desk}" && pwd -P)
GUI="$BUNDLE/Hearing Desk"
ADMIN="$BUNDLE/hearing-desk-admin"
IMAGES="$ROOT/tests/scan_images"

fail() {
    printf 'bundle smoke test FAILED: %s\n' "$*" >&2
    exit 1
}

[[ -x $GUI && -x $ADMIN ]] || fail "no built bundle in $BUNDLE (run bash packaging/build_bundle.sh first)."
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

# 1. version
want="hearing-desk-admin $(python3 "$ROOT/packaging/versions.py")"
have=$("$ADMIN" --version)
[[ $have == "$want" ]] || fail "hearing-desk-admin --version says '$have', not '$want'."
printf '%s\n' "$have"

# 2. three starts on a demo database
"$ADMIN" demo-data --data-dir "$work/demo" >"$work/demo.log" 2>&1 || fail "demo-data failed: $(tail -3 "$work/demo.log")"
for run in 1 2 3; do
    status=0
    QT_QPA_PLATFORM=offscreen timeout 120 "$GUI" --smoke --data-dir "$work/demo" >"$work/smoke.log" 2>&1 || status=$?
    ((status == 0)) || fail "start $run with --smoke exited $status: $(tail -5 "$work/smoke.log")"
    printf 'start %s: %s; %s\n' "$run" "$(grep -m1 '^first paint' "$work/smoke.log")" "$(grep -m1 '^ready' "$work/smoke.log")"
done

# 3. migrate creates a database
"$ADMIN" migrate --data-dir "$work/new" >"$work/migrate.log" 2>&1 || fail "migrate failed: $(tail -3 "$work/migrate.log")"
printf 'migrate: %s\n' "$(tail -1 "$work/migrate.log")"

# 4. decode with the bundle's libzbar (and zxing-cpp)
cat >"$work/expected" <<'EOF'
code128-article--clean.jpg: 100234
datamatrix-gs1-udi--jpeg.jpg: (01)07391234567890(21)HB01868881(17)271231(10)L2411
ean13--glare.jpg: 7391234567890
gs1-128--clean.jpg: (01)07391234567890(10)L2411(21)HB0123
qr-digital-link--jpeg.jpg: https://id.gs1.org/01/07391234567890/21/HB01868881
EOF
images=()
while read -r line; do images+=("${line%%:*}"); done <"$work/expected"

# The system's libzbar files (the real files behind the links ldconfig names), to be hidden.
mapfile -t system_zbar < <( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p) | awk '/libzbar\.so/ {print $NF}' |
    xargs -r realpath -e 2>/dev/null | sort -u)

decode_script='
set -euo pipefail
admin=$1 work=$2
shift 2
empty="$work/empty"
: >"$empty"
if (($# > 0)); then
    for lib in "$@"; do mount --bind "$empty" "$lib"; done
    # The linker cache made anew without it, so that ctypes.util.find_library("zbar") finds nothing either.
    ldconfig -C "$work/ld.so.cache" 2>/dev/null
    mount --bind "$work/ld.so.cache" /etc/ld.so.cache
fi
if command -v python3 >/dev/null 2>&1; then
    python3 -c "import ctypes.util, sys; sys.exit(ctypes.util.find_library(\"zbar\") is not None)" ||
        { echo "the system libzbar is still found" >&2; exit 3; }
    if python3 -c "import ctypes; ctypes.CDLL(\"libzbar.so.0\")" 2>/dev/null; then
        echo "the system libzbar still loads" >&2
        exit 3
    fi
    echo "system libzbar hidden: find_library(\"zbar\") finds nothing and libzbar.so.0 does not load"
fi
cd "$work/images"
LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$admin" decode $(cut -d: -f1 "$work/expected") >"$work/decoded"
'
mkdir -p "$work/images"
for image in "${images[@]}"; do cp "$IMAGES/$image" "$work/images/"; done

if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null 2>&1 && unshare -m true 2>/dev/null; then
    ((${#system_zbar[@]} > 0)) && printf 'hiding the system libzbar: %s\n' "${system_zbar[*]}"
    unshare -m bash -c "$decode_script" decode "$ADMIN" "$work" ${system_zbar[@]+"${system_zbar[@]}"} ||
        fail "decode with the system libzbar hidden failed (exit $?)."
else
    printf 'not root or no unshare: decoding with the system libzbar present (the log below still shows which one loaded)\n'
    bash -c "$decode_script" decode "$ADMIN" "$work" || fail "decode failed (exit $?)."
fi
# The dynamic linker's log names each library it initialises: libzbar and the libraries only it needs
# (camera and JPEG support, which a bare machine lacks) must come from the bundle.
for soname in libzbar.so.0 libv4l2.so.0 libv4lconvert.so.0 libjpeg.so.62; do
    loaded=$(sed -n "s/.*calling init: \(.*\/$soname\)\$/\1/p" "$work"/ld.* | sort -u)
    printf '%s loaded from: %s\n' "$soname" "${loaded:-nowhere}"
    [[ $loaded == "$BUNDLE/_internal/$soname" ]] || fail "the decoder did not load the bundle's $soname."
done
diff -u "$work/expected" "$work/decoded" || fail "decode read other codes than expected (diff above)."
printf 'decode: %s images read as expected\n' "${#images[@]}"
printf 'bundle smoke test passed\n'

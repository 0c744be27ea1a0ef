#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (new strings arrive as "unfinished"; translate them in
# Qt Linguist: .venv/bin/pyside6-linguist resources/translations/hearing_desk_sv.ts), then compile the .qm files.
# hearing_desk_en.ts holds only the English plural forms of strings with %n ("1 line", "2 lines").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mapfile -t sources < <(find app ui -name '*.py' | sort)
for ts in resources/translations/*.ts; do
  only=()
  [[ $ts == *_en.ts ]] && only=(-pluralonly)
  .venv/bin/pyside6-lupdate -locations none -no-obsolete "${only[@]}" "${sources[@]}" -ts "$ts"
  .venv/bin/pyside6-lrelease "$ts"
done

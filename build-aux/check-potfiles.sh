#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in lists every file with translatable strings, and
# only files that exist.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

candidates=$(grep -l -E '\b(N?_|C_|g_dngettext)\s*\(' src/*.c || true)
candidates+=" $(grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null || true)"
candidates+=" $(ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null)"
for file in $candidates; do
  if ! grep -qxF "$file" <<<"$listed"; then
    echo "$file has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translation.sh MSGFMT FILE.po
# Fails when the translation has errors, fuzzy or untranslated messages.
set -euo pipefail
msgfmt=$1 po=$2
stats=$(LC_ALL=C "$msgfmt" --check --statistics -o /dev/null "$po" 2>&1)
echo "$po: $stats"
case "$stats" in
  *fuzzy*|*untranslated*|*error*) exit 1 ;;
esac

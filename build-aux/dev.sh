#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer's two commands, on Debian 12:
#   ./build-aux/dev.sh run [ARGS...]   install what is missing, build, open the window
#   ./build-aux/dev.sh test            the same set-up, then the whole test suite
set -euo pipefail

cd "$(dirname "$0")/.."

build_dir=_build

# What building, running and testing need, as Debian 12 names it.
packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libxml2-dev libxml2-utils
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core
  librsvg2-common adwaita-icon-theme fonts-cantarell
)

install_missing () {
  local missing=() package
  for package in "${packages[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: installing packages needs root or sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure () {
  if [ ! -f "$build_dir/build.ninja" ]; then
    meson setup "$build_dir" -Dwerror=true
  fi
}

build () {
  meson compile -C "$build_dir"
}

# Runs a command under a virtual display and a session bus when there is none.
with_display () {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$@"
  fi
}

run_tests () {
  local status=0
  with_display meson test -C "$build_dir" --print-errorlogs "$@" || status=$?
  summarize "$build_dir/meson-logs/testlog.json"
  return $status
}

# Prints "N passed, N failed" from a meson test log.
summarize () {
  python3 - "$1" <<'PY'
import json, sys
passed = failed = 0
for line in open(sys.argv[1]):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL", "SKIP"):
        passed += result != "SKIP"
    else:
        failed += 1
print(f"{passed} passed, {failed} failed")
PY
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_missing
    configure
    build
    export GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data"
    export GLOSSARY_LOCALEDIR="$PWD/$build_dir/po"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ $# -eq 0 ]; then
      echo "error: there is no display to open the window on" >&2
      echo "(the command line works without one: $build_dir/src/glossary --help)" >&2
      exit 1
    fi
    exec "$build_dir/src/glossary" "$@"
    ;;
  test)
    install_missing
    configure
    build
    run_tests "$@"
    ;;
  *)
    echo "usage: $0 run [ARGS...] | test [MESON TEST ARGS...]" >&2
    exit 2
    ;;
esac

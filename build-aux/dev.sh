#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer's two commands, on Debian 12:
#   ./build-aux/dev.sh run [ARGS...]   install what is missing, build, open the window
#   ./build-aux/dev.sh test            the same set-up, then every stage of testing:
#       the whole suite; the whole suite again built with AddressSanitizer and
#       UndefinedBehaviorSanitizer (_build-sanitize); the tests that need no
#       display under valgrind; each fuzzing harness for a minute (_build-fuzz)
set -euo pipefail

cd "$(dirname "$0")/.."

build_dir=_build
sanitize_dir=_build-sanitize
fuzz_dir=_build-fuzz
fuzz_seconds=60

# What building, running and testing need, as Debian 12 names it.
packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libxml2-dev libxml2-utils
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core
  librsvg2-common adwaita-icon-theme fonts-cantarell
  valgrind clang libclang-rt-14-dev
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

# Totals of every stage, for the last line.
total_passed=0
total_failed=0

# Runs a command under a virtual display and a session bus when there is none.
with_display () {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$@"
  fi
}

# Runs meson test in build folder $1 with the rest of the arguments, and
# adds its results to the totals.
run_meson_tests () {
  local dir=$1 status=0 counts
  shift
  with_display meson test -C "$dir" --print-errorlogs "$@" || status=$?
  counts=$(summarize "$dir/meson-logs/testlog${setup:+-$setup}.json" 2>/dev/null) ||
    counts="0 passed, 1 failed"
  echo "$dir${setup:+ ($setup)}: $counts"
  total_passed=$((total_passed + ${counts%% passed*}))
  total_failed=$((total_failed + $(sed 's/.*, \([0-9]*\) failed/\1/' <<<"$counts")))
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

# Stage 1: the whole suite, as a developer builds it.
test_normal () {
  local status=0
  setup= run_meson_tests "$build_dir" "$@" || status=$?
  # The bounds of the hostile corpus, measured by the hostile test.
  grep -ho 'Corpus bounds: .*' "$build_dir/meson-logs/testlog.txt" || true
  return $status
}

# Stage 2: the whole suite built with AddressSanitizer and UBSan.  Any
# undefined behaviour fails its test.  LeakSanitizer checks every test but
# the window's: there fontconfig, Pango, GTK and the X libraries leave some
# 150 to 250 kB unfreed at exit (caches, type data, the display connection),
# in stacks with no frame of ours and, lacking debugging symbols, nothing
# narrower than a whole library to suppress them by.  The window's own code
# is checked for leaks through the tests it shares with the core.
test_sanitized () {
  local status=0
  if [ ! -f "$sanitize_dir/build.ninja" ]; then
    meson setup "$sanitize_dir" -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
  fi
  meson compile -C "$sanitize_dir" || { total_failed=$((total_failed + 1)); return 1; }
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    setup= run_meson_tests "$sanitize_dir" --no-suite window || status=$?
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    setup= run_meson_tests "$sanitize_dir" --suite window || status=$?
  return $status
}

# Stage 3: the tests that need no display under valgrind's memcheck, which
# fails them on any error or definite leak (tests/meson.build has the set-up).
test_valgrind () {
  setup=valgrind run_meson_tests "$build_dir" --setup valgrind --suite core
}

# Stage 4: each libFuzzer harness of tests/fuzz/ for $fuzz_seconds, seeded
# with the corpus of bad files and the fixtures.  A crash fails it; its input
# is kept under $fuzz_dir/crashes/ to be fixed and to join tests/data/bad/.
test_fuzzing () {
  local status=0 harness name seeds log
  if [ ! -f "$fuzz_dir/build.ninja" ]; then
    CC=clang meson setup "$fuzz_dir" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false -Dwerror=true
  fi
  meson compile -C "$fuzz_dir" || { total_failed=$((total_failed + 1)); return 1; }
  mkdir -p "$fuzz_dir/crashes"
  for harness in "$fuzz_dir"/tests/fuzz/fuzz-*; do
    [ -f "$harness" ] && [ -x "$harness" ] || continue
    name=$(basename "$harness")
    seeds="$fuzz_dir/seeds-$name"
    log="$fuzz_dir/$name.log"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    cp tests/data/bad/*.xml tests/data/*.xml "$seeds/"
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$harness" -max_total_time="$fuzz_seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$fuzz_dir/crashes/$name-" "$seeds" >"$log" 2>&1; then
      echo "$name: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1), no crash"
      total_passed=$((total_passed + 1))
    else
      echo "$name: FAILED; the end of $log:" >&2
      tail -n 40 "$log" >&2
      total_failed=$((total_failed + 1))
      status=1
    fi
  done
  return $status
}

run_tests () {
  local status=0
  test_normal "$@" || status=$?
  test_sanitized || status=$?
  test_valgrind || status=$?
  test_fuzzing || status=$?
  echo "$total_passed passed, $total_failed failed"
  return $status
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

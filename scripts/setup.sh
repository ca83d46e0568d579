#!/usr/bin/env bash
# Sets up and builds stretch-timer on Debian or Ubuntu: installs the packages it needs
# when they are missing (with sudo when not run as root), then configures and builds.
# A developer's build: warnings are errors (STRETCH_WERROR), unlike a packager's plain cmake.
# build/ is a Release build, the program as a user and a packager run it (and the one CI
# tests and packages); build-sanitize/ is a Debug build.
#
#   scripts/setup.sh              the program only, into build/ (fastest way to a session)
#   scripts/setup.sh --tests      the program, the test suite and the benchmarks, into build/
#   scripts/setup.sh --sanitize   AddressSanitizer + UBSan build with the tests into build-sanitize/
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
targets=(--target stretch-timer)
cmake_args=(-DSTRETCH_WERROR=ON -DCMAKE_BUILD_TYPE=Release)
case "${1:-}" in
  "") ;;
  --tests) targets=() ;;
  --sanitize)
    build_dir=build-sanitize targets=()
    cmake_args+=(-DSTRETCH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DSTRETCH_BUILD_BENCH=OFF) ;;
  *) echo "usage: scripts/setup.sh [--tests|--sanitize]" >&2; exit 2 ;;
esac

# Build tools, the libraries, tmux for the end-to-end tests that drive the real program in a
# terminal, scdoc for the man pages, and Xvfb, xterm, a font and ImageMagick for the test that
# screenshots the session in xterm.
# Voice and sound: espeak-ng makes the speech, PulseAudio plays it, speech-dispatcher is the
# desktop's speech service (the daemon itself for the test of that voice), and sox and python3
# check the audio file in the tests;
# python3-jsonschema checks the built-in files against the JSON Schema.
# Reminders: libsystemd-dev for their desktop notifications (sd-bus), dbus for their test on
# a private session bus; tidy checks the HTML report.
packages=(g++ cmake make pkg-config libncurses-dev nlohmann-json3-dev libcli11-dev catch2 tmux ncurses-term scdoc
          libespeak-ng-dev espeak-ng-data libpulse-dev libspeechd-dev speech-dispatcher sox python3 python3-jsonschema
          libsystemd-dev dbus tidy xvfb xterm x11-utils fonts-dejavu-core imagemagick)
scripts/install-packages.sh "${packages[@]}"

# A compiler cache, when the developer has one, makes rebuilds after a pull cheap.
if command -v ccache >/dev/null; then
  cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake -S . -B "$build_dir" "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"

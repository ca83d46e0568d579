#!/usr/bin/env bash
# Sets up and builds stretch-timer on Debian or Ubuntu: installs the packages it needs
# when they are missing (with sudo when not run as root), then configures and builds.
#
#   scripts/setup.sh              release build with debug info into build/
#   scripts/setup.sh --sanitize   AddressSanitizer + UBSan build into build-sanitize/
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_args=()
case "${1:-}" in
  "") ;;
  --sanitize) build_dir=build-sanitize; cmake_args+=(-DSTRETCH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug) ;;
  *) echo "usage: scripts/setup.sh [--sanitize]" >&2; exit 2 ;;
esac

# Build tools, the libraries, and tmux for the end-to-end tests that drive the real
# program in a terminal.
# Voice and sound: espeak-ng makes the speech, PulseAudio plays it, speech-dispatcher is the
# desktop's speech service, and sox and python3 check the audio file in the tests;
# python3-jsonschema checks the built-in files against the JSON Schema.
packages=(g++ cmake make pkg-config libncurses-dev nlohmann-json3-dev libcli11-dev catch2 tmux ncurses-term
          libespeak-ng-dev espeak-ng-data libpulse-dev libspeechd-dev sox python3 python3-jsonschema)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

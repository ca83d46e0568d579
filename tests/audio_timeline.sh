#!/usr/bin/env bash
# Runs announce_timeline into a WAV and checks it with check_wav.py (see CMakeLists.txt).
# Exit 77 (SKIPPED) when espeak-ng's data is missing.
#   audio_timeline.sh ANNOUNCE_TIMELINE PYTHON CHECK_WAV OUT.wav
set -u
timeline=$1 python=$2 check=$3 out=$4
err=$("$timeline" "$out" 2>&1)
rc=$?
if [[ $err == *"espeak-ng cannot start"* ]]; then
  echo "$err"
  echo "SKIPPED: espeak-ng's data is not installed (scripts/setup.sh installs it)"
  exit 77
fi
if ((rc != 0)); then
  echo "announce_timeline failed ($rc): $err"
  exit 1
fi
exec "$python" "$check" "$out" \
  onset:0 speech:0.05:0.4 \
  onset:1.5 speech:1.55:1.8 \
  silent:2.3:2.85 onset:3.0 tone:3.0:1318.51 \
  silent:3.2:3.85 onset:4.0 tone:4.0:1318.51 \
  silent:4.2:4.85 onset:5.0 tone:5.0:1318.51 \
  silent:5.2:5.85 onset:6.0 tone:6.0:1174.66 \
  silent:6.5:6.85 onset:7.0 tone:7.0:659.25 \
  silent:7.9:8.85 onset:9.0 speech:9.0:9.9 \
  silent:10.8:11.85 onset:12.0 tone:12.0:523.25 length:14

#!/usr/bin/env bash
# "voice_backend": "speech-dispatcher" through the real binary at real speed (plain mode),
# against a private speech-dispatcher: its own socket, configuration and log in WORKDIR, and
# for its only output module the generic one with a "synthesiser" that appends the words it
# is given to a file. That file must then hold the session's words in the order they were
# due: they went through libspeechd, the daemon and its module, as they would to a desktop's
# voice. Exit 77 (SKIPPED) when speech-dispatcher or its generic module is not installed, or
# the daemon cannot start here.
#   speechd_session.sh STRETCH_TIMER WORKDIR
set -u
binary=$1 work=$2
source "$(dirname "$0")/support/voice_env.sh"
voice_routine "$work"
mkdir -p "$work/speechd/modules" "$work/run" "$work/log"

skip() {
  echo "SKIPPED: $1 (scripts/setup.sh --tests installs speech-dispatcher)"
  exit 77
}
daemon=$(command -v speech-dispatcher) || skip "speech-dispatcher is not installed"
module_dir=
for dir in /usr/lib/speech-dispatcher-modules /usr/lib/*/speech-dispatcher-modules /usr/libexec/speech-dispatcher-modules; do
  if [[ -x $dir/sd_generic ]]; then
    module_dir=$dir
    break
  fi
done
[[ -n $module_dir ]] || skip "speech-dispatcher's generic module (sd_generic) is not installed"

heard="$work/heard.txt"
: >"$heard"
cat >"$work/speechd/speechd.conf" <<CONF
LogLevel 5
LogDir "$work/log"
# The module opens an audio output even though its command plays nothing; libao (a
# dependency of speech-dispatcher) opens without a sound server, PulseAudio does not.
AudioOutputMethod "libao"
AddModule "heard" "sd_generic" "heard.conf"
DefaultModule heard
CONF
# \$DATA is the message, quoted by the module for the shell.
cat >"$work/speechd/modules/heard.conf" <<CONF
GenericExecuteSynth "echo \'\$DATA\' >> $heard"
GenericLanguage "en" "en" "utf-8"
AddVoice "en" "MALE1" "heard"
CONF

socket="$work/run/speechd.sock"
HOME="$work" XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$daemon" --run-single --config-dir "$work/speechd" --module-dir "$module_dir" \
  --communication-method unix_socket --socket-path "$socket" --timeout 60 --log-level 5 --log-dir "$work/log" \
  --pid-file "$work/run/speechd.pid" >"$work/daemon.out" 2>&1 &
daemon_pid=$!
trap 'kill "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null' EXIT
for _ in $(seq 100); do
  [[ -S $socket ]] && break
  kill -0 "$daemon_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ ! -S $socket ]]; then
  cat "$work/daemon.out"
  skip "speech-dispatcher did not start here"
fi

cat >"$work/config/stretch-timer/config.json" <<'JSON'
{"get_ready_seconds": 2, "daily_safety_check": false, "pain_checkin": false,
 "voice": true, "voice_backend": "speech-dispatcher", "sound": "off"}
JSON
voice_session "$work" "$binary" SPEECHD_ADDRESS="unix_socket:$socket"
echo "$output"
if ((rc != 0)); then
  echo "FAIL: stretch-timer failed ($rc)"
  exit 1
fi
if [[ $output == *"voice is silent"* ]]; then
  echo "FAIL: the program could not reach the private speech-dispatcher"
  exit 1
fi
# The last words were handed over as the program ended; the daemon says them on its own time.
for _ in $(seq 50); do
  grep -q '^done: 12 s\.$' "$heard" && break
  sleep 0.1
done
# What the daemon received, message by message, from its log (level 5 logs each one).
mapfile -t received < <(sed -n 's/.*Queueing message |\(.*\)| with priority.*/\1/p' "$work"/log/speech-dispatcher.log)
echo "speech-dispatcher received:"
printf '  %s\n' "${received[@]}"
echo "its module was given (a sentence a line):"
sed 's/^/  /' "$heard"
# Each cue's words in the order they were due (support/voice_env.sh).
check_voice_said message "${received[@]}"
# And the words reached the voice: the last of them, said after the program had gone.
if [[ $(tail -n 1 "$heard") != "done: 12 s." ]]; then
  echo "FAIL: the module did not say the session's last words, 'done: 12 s.'"
  exit 1
fi
echo "PASS"

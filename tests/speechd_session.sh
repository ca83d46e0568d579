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
rm -rf "$work"
mkdir -p "$work/config/stretch-timer/routines" "$work/data" "$work/speechd/modules" "$work/run" "$work/log"

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

# Get ready 2 s, left hold 4 s, switch 2 s, right hold 4 s: 12 s.
cat >"$work/config/stretch-timer/routines/voice.json" <<'JSON'
{
  "exercises": [
    {"id": "reach", "name": "Side reach", "purpose": "A short check of the voice.", "position": "Stand tall.",
     "steps": ["Reach up."], "sided": true, "hold": 4, "reps": 1, "switch_sides": 2}
  ],
  "routines": [{"id": "voice-check", "name": "Voice check", "description": "Twelve seconds.",
                "exercises": ["reach"]}]
}
JSON
cat >"$work/config/stretch-timer/config.json" <<'JSON'
{"get_ready_seconds": 2, "daily_safety_check": false, "pain_checkin": false,
 "voice": true, "voice_backend": "speech-dispatcher", "sound": "off"}
JSON
output=$(HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
         SPEECHD_ADDRESS="unix_socket:$socket" STRETCH_TIMER_TIME_SCALE=1 \
         "$binary" session voice-check --plain </dev/null 2>&1)
rc=$?
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
# As for the voice command (voice_command_session.sh): each cue's words in the order they were
# due. "Side reach done." and the session's "done" fall due together, the newer cutting the
# older short, which may or may not have been sent.
expected=(
  "Side reach, exercise 1 of 1: get ready, 2 s. Start with your left side."
  "Side reach, left side: hold 4 s."
  "3" "2" "1"
  "switch sides, 2 s. Next: right side."
  "Side reach, right side: hold 4 s."
  "3" "2" "1"
  "done: 12 s."
)
said=()
for message in "${received[@]}"; do
  [[ $message == "Side reach done." ]] || said+=("$message")
done
if ((${#said[@]} != ${#expected[@]})); then
  echo "FAIL: ${#said[@]} messages, expected ${#expected[@]}"
  exit 1
fi
for i in "${!expected[@]}"; do
  if [[ ${said[$i]} != "${expected[$i]}"* ]]; then
    echo "FAIL: message $((i + 1)) was '${said[$i]}', expected it to begin '${expected[$i]}'"
    exit 1
  fi
done
# And the words reached the voice: the last of them, said after the program had gone.
if [[ $(tail -n 1 "$heard") != "done: 12 s." ]]; then
  echo "FAIL: the module did not say the session's last words, 'done: 12 s.'"
  exit 1
fi
echo "PASS"

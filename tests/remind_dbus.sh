#!/bin/sh
# `stretch-timer remind fire ID`, as the timer runs it, on a private session bus
# (dbus-run-session) watched by dbus-monitor: the Notify call of the freedesktop
# Notifications interface must be on the bus with the routine, what to do and how long;
# with the routine already done today the reminder stays quiet and calls nothing.
# Exit 77 (skipped) when dbus-run-session or dbus-monitor is missing.
set -eu
binary=$1
for tool in dbus-run-session dbus-monitor; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool is not installed: skipped"; exit 77; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" STRETCH_TIMER_NO_SYSTEMD=1
fail() { echo "FAIL: $*"; exit 1; }

# Rings at midnight: any session completed today answers it.
"$binary" remind add 00:00 hamstrings >/dev/null || fail "remind add"

watch_fire() {
  # The monitor is up before the reminder fires: it prints its own NameAcquired first.
  dbus-run-session -- sh -c '
    dbus-monitor --session "type=method_call,interface=org.freedesktop.Notifications" >"$1" 2>&1 &
    monitor=$!
    for i in 1 2 3 4 5 6 7 8 9 10; do grep -q NameAcquired "$1" 2>/dev/null && break; sleep 0.2; done
    "$2" remind fire 1 >"$3" 2>&1; status=$?
    sleep 0.5
    kill $monitor
    exit $status' sh "$1" "$binary" "$2"
}

watch_fire "$home/monitor1" "$home/fire1" || { cat "$home/fire1"; fail "remind fire exited non-zero"; }
cat "$home/fire1"
grep -q "member=Notify" "$home/monitor1" || { cat "$home/monitor1"; fail "no Notify call on the bus"; }
grep -q 'string "Time to stretch: Hamstrings"' "$home/monitor1" || { cat "$home/monitor1"; fail "no title"; }
grep -q 'string "Hamstrings takes about [0-9]* min. Start it with: stretch-timer session hamstrings"' "$home/monitor1" ||
  { cat "$home/monitor1"; fail "no body saying how long"; }
grep -q "Time to stretch: Hamstrings" "$home/fire1" || fail "nothing in the log"
echo "Notify seen on the session bus: $(grep -o 'string "Time to stretch[^"]*"' "$home/monitor1")"

# Done today: quiet, and no call on the bus.
mkdir -p "$home/data/stretch-timer"
now=$(date +%Y-%m-%dT%H:%M:00%:z)
printf '%s\n' "{\"version\":1,\"started_at\":\"$now\",\"routine_id\":\"hamstrings\",\"routine_name\":\"Hamstrings\",\"level\":\"standard\",\"planned_seconds\":200,\"active_seconds\":200,\"paused_seconds\":0,\"held_seconds\":120,\"exercises\":[{\"id\":\"hamstring-stretch-lying\",\"name\":\"Hamstring stretch (lying)\",\"status\":\"done\"}],\"end\":\"completed\",\"pain_before\":null,\"pain_after\":null}" \
  >"$home/data/stretch-timer/history.jsonl"
watch_fire "$home/monitor2" "$home/fire2" || fail "quiet remind fire exited non-zero"
grep -q "already done" "$home/fire2" || { cat "$home/fire2"; fail "not quiet when done"; }
if grep -q "member=Notify" "$home/monitor2"; then fail "notified although done"; fi
echo "done today: quiet, no Notify call"

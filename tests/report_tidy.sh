#!/bin/sh
# The report as a user makes it, checked by an HTML checker: `stretch-timer report -o FILE`
# over a history with every kind of session, then `tidy -e` must find nothing to say.
# Exit 77 (skipped) when tidy is not installed.
set -eu
binary=$1
command -v tidy >/dev/null 2>&1 || { echo "tidy is not installed: skipped"; exit 77; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/data/stretch-timer"
today=$(date +%Y-%m-%d)
yesterday=$(date -d yesterday +%Y-%m-%d)
offset=$(date +%:z)
for day in "$yesterday" "$today"; do
  cat >>"$home/data/stretch-timer/history.jsonl" <<LINE
{"version":1,"started_at":"${day}T07:30:05${offset}","routine_id":"low-back","routine_name":"Low back <&> \"quoted\"","level":"standard","planned_seconds":460,"active_seconds":455,"paused_seconds":12,"held_seconds":300,"exercises":[{"id":"pelvic-tilt","name":"Pelvic tilt","status":"done"},{"id":"bridge","name":"Bridge","status":"partial"}],"end":"stopped_for_pain","pain_before":4,"pain_after":6}
{"version":1,"started_at":"${day}T19:00:00${offset}","routine_id":"hamstrings","routine_name":"Hamstrings","level":"gentle","planned_seconds":200,"active_seconds":200,"paused_seconds":0,"held_seconds":120,"exercises":[{"id":"hamstring-stretch-lying","name":"Hamstring stretch (lying)","status":"done"}],"end":"completed","pain_before":null,"pain_after":2,"note":"left hip <tight> & \\"sore\\""}
LINE
done
HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config "$binary" report -o "$home/report.html"
grep -q "Stops for pain" "$home/report.html"
grep -q "left hip &lt;tight&gt; &amp; &quot;sore&quot;" "$home/report.html"
if ! tidy -e -q "$home/report.html" >"$home/tidy.txt" 2>&1; then
  cat "$home/tidy.txt"
  exit 1
fi
if [ -s "$home/tidy.txt" ]; then
  cat "$home/tidy.txt"
  exit 1
fi
echo "tidy -e: no warnings, no errors"

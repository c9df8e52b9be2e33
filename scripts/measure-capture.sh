#!/bin/bash
# Measures `rehearse practice` on the ALSA file-plugin microphone fed in real time through a
# FIFO: latency from the end of speech to the report, and CPU use while recording.
#
# usage: scripts/measure-capture.sh SECONDS [BINARY]
#   SECONDS  length of the answer to play (recordings from Audio/ repeated, 0.4 s apart)
#   BINARY   the rehearse executable (default .build/release/rehearse)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=$1
bin=${2:-$root/.build/release/rehearse}
silence=1.5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkfifo "$work/mic.fifo"
cat > "$work/asound.conf" <<CONF
</usr/share/alsa/alsa.conf>
pcm.rehearsemic { type file slave.pcm "null" file "/dev/null" infile "$work/mic.fifo" format "raw" }
CONF

# Build the answer: 0.5 s of quiet, then the sample answers (their own lead-in and tail
# trimmed, 0.4 s apart, so no gap reaches the endpoint silence) over and over until long enough.
sox -n -r 16000 -c 1 -b 16 -e signed -t raw "$work/gap.raw" trim 0 0.4
sox -n -r 16000 -c 1 -b 16 -e signed -t raw "$work/lead.raw" trim 0 0.5
parts=("$work/lead.raw")
clips=(strong-answer definition-answer)
for f in "${clips[@]}"; do
  sox "$root/Audio/$f.wav" -t raw "$work/$f.raw" silence 1 0.05 0.5% reverse silence 1 0.05 0.5% reverse
done
total=0
while (( $(echo "$total < $seconds" | bc) )); do
  for f in "${clips[@]}"; do
    parts+=("$work/$f.raw" "$work/gap.raw")
    total=$(echo "$total + $(stat -c %s "$work/$f.raw") / 32000 + 0.4" | bc)
    (( $(echo "$total >= $seconds" | bc) )) && break
  done
done
cat "${parts[@]}" > "$work/full.raw"
head -c $(( seconds * 32000 )) "$work/full.raw" > "$work/answer.raw"

python3 "$root/scripts/fifo-mic.py" "$work/mic.fifo" "$work/answer.raw" --tail-silence 6 2> "$work/feeder.log" &
feeder=$!
ALSA_CONFIG_PATH="$work/asound.conf" XDG_DATA_HOME="$work/data" /usr/bin/time -v \
  "$bin" practice --question vpc-mid-private-outbound --device rehearsemic --silence $silence \
  --no-follow-up --json --max $(( seconds + 60 )) < /dev/null > "$work/report.json" 2> "$work/time.log"
done_at=$(date +%s.%N)
wait $feeder
last=$(awk '/last-speech-written/ {print $2}' "$work/feeder.log")
python3 - "$work/report.json" "$work/time.log" "$last" "$done_at" "$silence" <<'PY'
import json, re, sys
report, timelog, last, done, silence = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
r = json.load(open(report)); t = open(timelog).read()
def grab(label): return re.search(re.escape(label) + r":\s*(\S+)", t).group(1)
user, sys_ = float(grab("User time (seconds)")), float(grab("System time (seconds)"))
take = r["take"]
print(f"answer {take['durationSeconds']:.1f} s recorded, stopped by {take['stopReason']}, {len(r['transcript']['words'])} words")
print(f"stop -> report ready (take.reportSeconds): {take['reportSeconds']:.3f} s")
print(f"end of speech -> process exit: {done - last:.2f} s (includes the {silence} s endpoint silence)")
print(f"CPU: user {user:.2f} s + sys {sys_:.2f} s over {grab('Elapsed (wall clock) time (h:mm:ss or m:ss)')} wall = {grab('Percent of CPU this job got')}, max RSS {int(grab('Maximum resident set size (kbytes)'))//1024} MB")
PY

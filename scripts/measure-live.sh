#!/usr/bin/env bash
# Measures `practice` with the live line in a real terminal (a tmux pane) against the FIFO
# microphone: CPU of the rehearse process from the first REC line to the report, how often the
# live analysis ran, and how soon the report followed the take.
#   scripts/measure-live.sh [rehearse-binary] [cues|no-cues|no-tty]
# The answer: Audio/strong-answer + definition-answer + strong-answer (about 70 s).
set -euo pipefail
bin=$(realpath "${1:-.build/release/rehearse}")
mode=${2:-cues}
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d /tmp/rehearse-live-XXXXXX)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
sock=rehearse-measure-$$
mkfifo "$dir/mic.fifo"
cat > "$dir/asound.conf" <<CONF
</usr/share/alsa/alsa.conf>
pcm.rehearsemic { type file slave.pcm "null" file "/dev/null" infile "$dir/mic.fifo" format "raw" }
CONF
for f in strong-answer definition-answer; do
  sox "$repo/Audio/$f.wav" -r 16000 -c 1 -b 16 -e signed -t raw "$dir/$f.raw"
done
flags="" redirect=""
[ "$mode" = no-cues ] && flags="--no-cues"
[ "$mode" = no-tty ] && redirect="2>$dir/stderr"
tmux -L "$sock" new-session -d -s m -x 100 -y 40 "cd $dir && ALSA_CONFIG_PATH=$dir/asound.conf XDG_DATA_HOME=$dir/xdg \
  REHEARSE_MODELS=$repo/Models REHEARSE_LIVE_STATS=1 $bin practice --question lambda-beginner-when-to-use \
  --device rehearsemic --silence 2 --count-in 0 --no-follow-up $flags $redirect; sleep 600"
"$repo/scripts/fifo-mic.py" "$dir/mic.fifo" "$dir/strong-answer.raw" "$dir/definition-answer.raw" "$dir/strong-answer.raw" \
  --tail-silence 6 2>"$dir/fifo.log" &
pid=""
for _ in $(seq 100); do pid=$(pgrep -f "^$bin practice" | head -1 || true); [ -n "$pid" ] && break; sleep 0.1; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
# The take starts once the FIFO has a writer and the first block is read.
for _ in $(seq 300); do [ -s "$dir/xdg/rehearse/takes"/*.wav ] 2>/dev/null && break; sleep 0.1; done
t0=$(date +%s.%N) c0=$(ticks)
last=""
until tmux -L "$sock" capture-pane -p -t m -S - | grep -q "report .* s after the take ended"; do
  last=$(ticks); t1=$(date +%s.%N); sleep 0.2
done
wait
awk -v c0="$c0" -v c1="$last" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v mode="$mode" 'BEGIN {
  cpu = (c1 - c0) / hz; wall = t1 - t0
  printf "%s: %.2f s CPU over %.1f s of recording = %.0f%% of one core\n", mode, cpu, wall, 100 * cpu / wall }'
tmux -L "$sock" capture-pane -p -t m -S - | grep -E "report .* s after|live analysis" || true
[ -f "$dir/stderr" ] && grep "live analysis" "$dir/stderr" || true

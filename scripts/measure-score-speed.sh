#!/usr/bin/env bash
# Times `rehearse score` on recordings with one decoder and with one per core: wall seconds,
# CPU seconds, peak memory, and how many transcript words differ between the two.
#   scripts/measure-score-speed.sh [-b BINARY] [-m MODEL_DIR] FILE...
# Run it on a quiet machine: wall time measures everything else that runs too.
set -euo pipefail
binary=.build/release/rehearse
model=()
while [ $# -gt 0 ]; do
  case "$1" in
    -b) binary="$2"; shift 2 ;;
    -m) model=(--model "$2"); shift 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-b BINARY] [-m MODEL_DIR] FILE..." >&2; exit 2; }
for tool in jq python3 /usr/bin/time; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }; done
cores=$(nproc)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '%-28s %8s %9s %9s %8s %9s %s\n' recording audio_s decoders wall_s cpu_s peak_MB words_differing
for f in "$@"; do
  audio=$(soxi -D "$f" 2>/dev/null || echo "?")
  for jobs in 1 "$cores"; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$binary" score "$f" ${model[@]+"${model[@]}"} --json --no-save --jobs "$jobs" > "$tmp/$jobs.json"
    read -r wall user sys rss < "$tmp/time"
    diff=""
    if [ "$jobs" != 1 ]; then
      diff=$(python3 - "$tmp/1.json" "$tmp/$jobs.json" <<'PY'
import difflib, json, sys
words = [[w["text"] for w in json.load(open(p))["transcript"]["words"]] for p in sys.argv[1:]]
sm = difflib.SequenceMatcher(a=words[0], b=words[1], autojunk=False)
print(sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"), "of", len(words[0]))
PY
)
    fi
    printf '%-28s %8.1f %9s %9s %8.1f %9.0f %s\n' "$(basename "$f")" "$audio" "$jobs" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$diff"
  done
done

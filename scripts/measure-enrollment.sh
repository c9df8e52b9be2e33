#!/usr/bin/env bash
# Measures voice enrollment (docs/voices.md): for each voice, renders the first COUNT
# enrollment sentences in ROOM, enrolls from them (`rehearse enroll --from`, timed), then
# decodes sentences never read at enrollment (Tests/Data/enrollment/heldout.json and the
# prompts after COUNT) in the same voice and room with and without the voice (`eval-asr
# --voice none` / `--voice NAME`).
#
#   scripts/measure-enrollment.sh [-b BINARY] [-o OUT] [-n COUNT] [-r ROOM] SPEC...
#   SPEC is engine:voice:stretch, e.g. flite:slt:1.0 festival:cmu_us_slt_arctic_hts:1.0
#   SUMMARY_ONLY=1 prints the table again from an earlier run's files in OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/.build/release/rehearse"; out="/tmp/rehearse-enrollment"; count=40; room=room
while [ $# -gt 0 ]; do
  case "$1" in
    -b) bin="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    -n) count="$2"; shift 2 ;;
    -r) room="$2"; shift 2 ;;
    -*) echo "usage: $0 [-b BINARY] [-o OUT] [-n COUNT] [-r ROOM] SPEC..." >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || set -- flite:slt:1.0
export REHEARSE_MODELS="$here/Models"
mkdir -p "$out"
# Held out: the 12 test sentences and the prompts after the first COUNT.
jq -s --argjson n "$count" '{sentences: (.[0].sentences + .[1].prompts[$n:])}' \
  "$here/Tests/Data/enrollment/heldout.json" "$here/Models/enrollment/prompts.json" > "$out/held.json"
printf '%-38s %6s %8s %8s %9s %6s %8s %8s %8s %9s %9s\n' voice takes method stockWER voiceWER fewer reading cpu-adapt cpu-check stockRTF voiceRTF
for spec in "$@"; do
  name=$(tr ':.' '--' <<<"$spec")
  dir="$out/$name-$room"
  export XDG_DATA_HOME="$dir/xdg"
  if [ -z "${SUMMARY_ONLY:-}" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  "$here/scripts/synth-enrollment.sh" -o "$dir/enroll" -v "$spec" -r "$room" -n "$count" 2>/dev/null
  "$here/scripts/synth-enrollment.sh" -o "$dir/held" -v "$spec" -r "$room" -s "$out/held.json" 2>/dev/null
  nice -n 15 "$bin" enroll --from "$dir/enroll" --name "$name" > "$dir/enroll.out" 2> "$dir/enroll.err"
  # An eval-asr manifest for the held-out sentences.
  jq -c '.sentences[]' "$out/held.json" | while read -r s; do
    id=$(jq -r .id <<<"$s"); d=$(soxi -D "$dir/held/$id.wav")
    jq -nc --arg id "$id" --arg voice "$name" --arg room "$room" --arg ref "$(jq -r .text <<<"$s")" --argjson d "$d" \
      '{id: $id, voice: $voice, condition: $room, path: "held/\($id).wav", reference: $ref, fillers: 0, pauses: [],
        speechStart: 0.4, speechEnd: ($d - 0.4), duration: $d, snr: null}'
  done | jq -s '{version: 1, recordings: .}' > "$dir/manifest.json"
  nice -n 15 "$bin" eval-asr "$dir/manifest.json" --voice none --json > "$dir/stock.json" 2>/dev/null
  nice -n 15 "$bin" eval-asr "$dir/manifest.json" --voice "$name" --json > "$dir/voice.json" 2>/dev/null
  fi
  profile="$XDG_DATA_HOME/rehearse/voices/$name/profile.json"
  wer() { jq "[.result.recordings[] | .words | .substitutions + .deletions + .insertions] | add" "$1"; }
  words=$(jq "[.result.recordings[] | .words.referenceWords] | add" "$dir/stock.json")
  s=$(wer "$dir/stock.json"); v=$(wer "$dir/voice.json")
  rtf() { jq '[.summaries[].summary] | (map(.cpuSeconds) | add) / (map(.audioSeconds) | add)' "$1"; }
  printf '%-38s %6s %8s %8.3f %9.3f %5.0f%% %7.0fs %7.1fs %7.1fs %9.3f %9.3f\n' "$spec $room" \
    "$(jq '(.adaptedFrom + .heldOut) | length' "$profile")" "$(jq -r .method "$profile")" \
    "$(awk "BEGIN{print $s/$words}")" "$(awk "BEGIN{print $v/$words}")" "$(awk "BEGIN{print 100*($s-$v)/$s}")" \
    "$(jq .audioSeconds "$profile")" "$(jq .adaptationCPUSeconds "$profile")" "$(jq .checkingCPUSeconds "$profile")" \
    "$(rtf "$dir/stock.json")" "$(rtf "$dir/voice.json")"
done

#!/usr/bin/env bash
# Renders the labelled analyzer set (Tests/Data/analyzer-eval/answers.json) as speech, one
# recording per answer, rotating four flite voices, so the analyzer can be measured on what the
# recognizer hears rather than on the text as written.
#   scripts/synth-labelled.sh [OUTDIR]      # default .eval/labelled (gitignored)
# then: .build/release/rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --audio OUTDIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.eval/labelled}
bin=.build/release/rehearse
[ -x "$bin" ] || swift build -c release
mkdir -p "$out/text"
"$bin" eval-analyzer Tests/Data/analyzer-eval/answers.json --export-texts "$out/text" >/dev/null
voices=(slt kal16 rms awb)
n=0
for txt in "$out"/text/*.txt; do
  id=$(basename "$txt" .txt)
  voice=${voices[$((n % ${#voices[@]}))]}
  flite -voice "$voice" -f "$txt" -o "$out/raw.wav"
  sox "$out/raw.wav" -r 16000 -c 1 -b 16 "$out/$id.wav" pad 0.4 0.4
  n=$((n + 1))
done
rm -f "$out/raw.wav"
echo "synth-labelled: $n recordings in $out (voices: ${voices[*]})"

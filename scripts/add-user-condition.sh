#!/usr/bin/env bash
# Adds a condition to a manifest written by scripts/synth-asr-corpus.sh: each clean recording
# played into a room and/or heard over steady noise, like a laptop microphone at a desk. Every
# draw (the noise, a room's impulse response, an SNR from a range) is seeded by the recording's
# place in the manifest and sox's repeatable noise (-R), so the same manifest always gives the
# same files. Recordings already in the condition are replaced.
#
#   scripts/add-user-condition.sh MANIFEST [--name CONDITION] [--from CONDITION]
#       [--snr DB|LO-HI] [--noise pink|fan] [--no-noise]
#       [--reverb "REVERBERANCE DAMPING ROOM"] [--rt60 SECONDS [--drr DB]]
#
# Defaults: pink noise at 15 dB SNR (the low end of the benchmark's noisy copies), no room,
# condition "user", made from "clean". The rooms:
#   --reverb "R D S"  sox's reverb effect (the benchmark's first room: --reverb "35 50 40" --name room);
#   --rt60 T          a synthetic room impulse response convolved in: the direct sound, then
#                     exponentially decaying noise (60 dB down after T seconds, treble fading
#                     faster than bass) starting 2.5 ms later, at --drr dB of direct-to-reverberant
#                     energy (default 0; lower is further from the microphone).
# --noise fan is a fan or air conditioner: low-passed brown noise, a blade hum with two
# harmonics (80-160 Hz, drawn per recording) and a little pink hiss. --snr LO-HI draws the
# SNR per recording. Needs sox, soxi and jq.
set -euo pipefail
# Every sox call repeatable: -R seeds the noise generators and the dither sox adds when it
# writes 16-bit audio, so the same answer always gives the same samples.
export SOX_OPTS="${SOX_OPTS:-} -R"

usage() { echo "usage: $0 MANIFEST [--name C] [--from C] [--snr DB|LO-HI] [--noise pink|fan] [--no-noise] [--reverb \"R D S\"] [--rt60 S [--drr DB]]" >&2; exit 2; }
[ $# -ge 1 ] || usage
manifest="$1"; shift
snr=15
reverb=""
rt60=""
drr=0
noise=pink
name=user
from=clean
while [ $# -gt 0 ]; do
  case "$1" in
    --snr) snr="$2"; shift 2 ;;
    --reverb) reverb="$2"; shift 2 ;;
    --rt60) rt60="$2"; shift 2 ;;
    --drr) drr="$2"; shift 2 ;;
    --noise) noise="$2"; shift 2 ;;
    --no-noise) noise=none; shift ;;
    --name) name="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    *) usage ;;
  esac
done
case "$noise" in pink|fan|none) ;; *) usage ;; esac
for tool in jq sox soxi; do command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }; done

dir="$(cd "$(dirname "$manifest")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
entries="$tmp/entries.jsonl"
: > "$entries"

# A synthetic room impulse response as sox `fir` coefficients. sox centres an FIR filter
# (it delays by half its length), so the response is preceded by as many zeros as it has
# taps: the direct sound then stays where the speech was.
room_response() {  # seed rt60 drr file
  awk -v seed="$1" -v rt60="$2" -v drr="$3" 'BEGIN {
    srand(seed % 1000003); rate = 16000; n = int(rate * rt60 * 1.2); start = 40
    # Tail energy relative to the direct sound (amplitude 1): sum of a^2 e^(-2 k t) ~ a^2 rate / (2 k)
    # with k = ln(1000) / rt60 for the broadband decay.
    k = log(1000) / rt60
    a = sqrt(10 ^ (-drr / 10) * 2 * k / rate)
    for (i = 0; i < n; i++) print 0
    print 1
    low = 0
    for (i = 1; i < n; i++) {
      if (i < start) { print 0; continue }
      # Gaussian noise (Box-Muller), smoothed more as the tail ages: treble decays faster.
      g = sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand())
      t = i / rate
      alpha = 0.15 + 0.6 * (t / rt60 < 1 ? t / rt60 : 1)
      low = alpha * low + (1 - alpha) * g
      mix = (1 - alpha) * g + alpha * low * 1.6
      print a * exp(-k * t) * mix
    }
  }' > "$4"
}

index=0
jq -c --arg from "$from" '.recordings[] | select(.condition == $from)' "$manifest" | while read -r entry; do
  index=$((index + 1))
  clean="$dir/$(jq -r .path <<<"$entry")"
  base="${clean%.wav}"; base="${base%-$from}"
  out="$base-$name.wav"
  duration=$(soxi -D "$clean")
  # One seed per recording and condition (a hash of both, so nearby recordings draw far apart).
  seed=$(cksum <<<"$name $(jq -r '.voice + " " + .id' <<<"$entry")" | cut -d' ' -f1)
  # The room first (sox keeps the recording's length: the reverb's tail past the end is
  # dropped), then the noise over it.
  if [ -n "$rt60" ]; then
    room_response "$seed" "$rt60" "$drr" "$tmp/rir.txt"
    # Quieter first so the sum cannot clip, then back to the dry copy's peak (-6 dBFS).
    sox "$clean" "$tmp/room.wav" vol 0.2 fir "$tmp/rir.txt" norm -6
  elif [ -n "$reverb" ]; then
    # shellcheck disable=SC2086
    sox "$clean" "$tmp/room.wav" reverb $reverb
  else
    cp "$clean" "$tmp/room.wav"
  fi
  this_snr=null
  if [ "$noise" = none ]; then
    sox "$tmp/room.wav" -b 16 "$out"
  else
    if [[ "$snr" == *-* ]]; then
      this_snr=$(awk -v s="$seed" -v r="$snr" 'BEGIN{split(r, b, "-"); printf "%.1f", b[1] + (s % 100003) / 100002 * (b[2] - b[1])}')
    else
      this_snr=$snr
    fi
    if [ "$noise" = fan ]; then
      hum=$(awk -v s="$seed" 'BEGIN{print 80 + int(s / 100003) % 81}')
      sox -R -n -r 16000 -c 1 -b 16 "$tmp/brown.wav" synth "$duration" brownnoise vol 0.5 highpass 30 lowpass 1200
      sox -n -r 16000 -c 1 -b 16 "$tmp/hum.wav" synth "$duration" sine "$hum" sine "$((hum * 2))" sine "$((hum * 3))" remix 1,2,3 vol 0.05
      sox -R -n -r 16000 -c 1 -b 16 "$tmp/hiss.wav" synth "$duration" pinknoise vol 0.04
      sox -m "$tmp/brown.wav" "$tmp/hum.wav" "$tmp/hiss.wav" "$tmp/noise.wav"
    else
      sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$duration" pinknoise vol 0.5
    fi
    speech_rms=$(sox "$tmp/room.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
    noise_rms=$(sox "$tmp/noise.wav" -n stat 2>&1 | awk '/RMS     amplitude/{print $3}')
    gain=$(awk "BEGIN{print $speech_rms / $noise_rms / (10 ^ ($this_snr / 20))}")
    sox -m "$tmp/room.wav" -v "$gain" "$tmp/noise.wav" -b 16 "$out"
  fi
  jq -c --arg path "${out#$dir/}" --arg name "$name" --argjson snr "$this_snr" '.condition = $name | .path = $path | .snr = $snr' <<<"$entry" >> "$entries"
done

jq --arg name "$name" --slurpfile new "$entries" '.recordings = ([.recordings[] | select(.condition != $name)] + $new)' "$manifest" > "$tmp/manifest.json"
mv "$tmp/manifest.json" "$manifest"
echo "added $(wc -l < "$entries") \"$name\" recordings (${rt60:+room RT60 $rt60 s at $drr dB DRR, }${reverb:+reverb $reverb, }$([ "$noise" = none ] && echo "no noise" || echo "$noise noise at $snr dB SNR")) to $manifest" >&2

#!/usr/bin/env bash
# Regenerates the sample recordings in Audio/ with flite (text to speech) and sox.
# The texts are written for Rehearse. Re-running gives the same files.
#   scripts/make-samples.sh            # writes Audio/*.wav and Audio/*.json
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in flite sox soxi; do
  command -v "$tool" >/dev/null || { echo "make-samples: $tool is missing — apt-get install flite sox" >&2; exit 1; }
done
out=Audio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# say VOICE TEXT FILE: one sentence of speech, 16 kHz mono 16-bit.
say() { flite -voice "$1" -t "$2" -o "$tmp/raw.wav"; sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$3"; }
silence() { sox -n -r 16000 -c 1 -b 16 "$2" trim 0 "$1"; }

# A strong four-part answer (context, choice, trade-off, result), about 30 seconds.
say slt "We were storing photos that users uploaded to a social app, and the disks on our servers kept filling up every few weeks." "$tmp/s1.wav"
say slt "I chose S3 rather than a bigger file server on E C two, because we needed durability and nobody wanted to manage disk space any more." "$tmp/s2.wav"
say slt "The downside was cost on lots of small reads, so we put CloudFront in front of the bucket." "$tmp/s3.wav"
say slt "As a result, storage costs dropped by forty percent, and we have not had a disk alert since." "$tmp/s4.wav"
silence 0.5 "$tmp/lead.wav"; silence 0.6 "$tmp/gap.wav"
sox "$tmp/lead.wav" "$tmp/s1.wav" "$tmp/gap.wav" "$tmp/s2.wav" "$tmp/gap.wav" "$tmp/s3.wav" "$tmp/gap.wav" "$tmp/s4.wav" "$tmp/lead.wav" "$out/strong-answer.wav"

# A definition recited instead of a decision.
say kal16 "R D S is a managed relational database service. It supports MySQL and Postgres, and it gives you automated backups and multi A Z failover." "$tmp/d1.wav"
sox "$tmp/lead.wav" "$tmp/d1.wav" "$tmp/lead.wav" "$out/definition-answer.wav"

# A known recording for tests: two sentences with exactly 2.0 s of silence between them.
say slt "So the first thing I checked was the route table." "$tmp/k1.wav"
say slt "Then I looked at the security group on the instance." "$tmp/k2.wav"
silence 2.0 "$tmp/two.wav"
sox "$tmp/lead.wav" "$tmp/k1.wav" "$tmp/two.wav" "$tmp/k2.wav" "$tmp/lead.wav" "$out/known-pause.wav"
first=$(soxi -D "$tmp/k1.wav")
awk -v first="$first" 'BEGIN {
  start = 0.5 + first
  printf "{\n  \"text\": \"so the first thing i checked was the route table then i looked at the security group on the instance\",\n"
  printf "  \"silenceStart\": %.3f,\n  \"silenceEnd\": %.3f,\n", start, start + 2.0
  printf "  \"note\": \"flite keeps a little silence inside each sentence, so the gap between words is at least 2.0 s\"\n}\n"
}' > "$out/known-pause.json"
for f in "$out"/*.wav; do printf '%s  %ss\n' "$f" "$(soxi -D "$f")"; done

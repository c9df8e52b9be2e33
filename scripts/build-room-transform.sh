#!/usr/bin/env bash
# Builds Models/rooms/: the acoustic model's mean transform for reverberant rooms
# (reverberant.mllr) and the identity transform that undoes it (identity.mllr). The decoder
# switches to the first for utterances the front end dereverberates (docs/recognizer.md,
# "A transform for reverberant rooms").
#
#   scripts/build-room-transform.sh [-o WORK] [-v VOICES]
#
# Renders dev answers 9-51 (Tests/Data/asr-dev; answers 1-8 are the tuning split, the sealed
# answers the held-out one) with scripts/synth-asr-corpus.sh --realistic in six synthetic voices,
# takes the medium room (RT60 0.5 s) and the same room with a fan, and runs Debian's sphinxtrain
# over them: sphinx_fe, bw against the stock en-us model (its sendump converted to the mixture
# weights bw reads), mllr_solve for one global transform. The whole run takes about 15 minutes
# on two cores; WORK (default a new temporary folder) keeps the audio and the counts.
# Needs sox, flite, festival (voices ked_diphone, cmu_us_slt_arctic_hts), jq, python3 with numpy,
# sphinxtrain, sphinxbase-utils and pocketsphinx.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work=""
voices="flite:kal16:1.0 flite:awb:1.0 flite:slt:1.0 flite:rms:1.0 festival:ked_diphone:1.0 festival:cmu_us_slt_arctic_hts:1.0"
while [ $# -gt 0 ]; do
  case "$1" in
    -o) work="$2"; shift 2 ;;
    -v) voices="$2"; shift 2 ;;
    *) echo "usage: $0 [-o WORK] [-v VOICES]" >&2; exit 2 ;;
  esac
done
tools=${REHEARSE_SPHINXTRAIN_DIR:-/usr/lib/sphinxtrain}
for tool in jq python3 sphinx_fe pocketsphinx_mdef_convert "$tools/bw" "$tools/mllr_solve"; do
  command -v "$tool" >/dev/null || { echo "$0: needs $tool (scripts/install-deps.sh --test; festival, its voices and python3-numpy as docs/benchmark.md lists)" >&2; exit 1; }
done
python3 -c 'import numpy' 2>/dev/null || { echo "$0: needs python3-numpy" >&2; exit 1; }
[ -n "$work" ] || work="$(mktemp -d)"
mkdir -p "$work"
model=/usr/share/pocketsphinx/model/en-us/en-us

# 1. The training audio.
jq '.[8:]' "$here/Tests/Data/asr-dev/answers.json" > "$work/answers.json"
[ -f "$work/audio/manifest.json" ] || "$here/scripts/synth-asr-corpus.sh" --realistic -o "$work/audio" -a "$work/answers.json" -v "$voices"

# 2. The stock model in the form bw reads: a text mdef and mixture weights from the sendump
#    (each byte b is the weight 1.0001^-(b << mixw_shift), stored stream by codeword by senone).
base="$work/base"
mkdir -p "$base"
for f in mdef means variances transition_matrices feat.params noisedict; do cp "$model/$f" "$base/"; done
pocketsphinx_mdef_convert -text "$model/mdef" "$base/mdef.txt" > "$work/mdef.log" 2>&1
python3 - "$model/sendump" "$base/mixture_weights" <<'PY'
import struct, sys
import numpy as np
data = open(sys.argv[1], "rb").read()
at = 0
def i32():
    global at
    v = struct.unpack_from("<i", data, at)[0]; at += 4; return v
title = i32()
at += title
streams, shift = 4, 10
while (n := i32()) != 0:
    key, _, value = data[at:at + n].decode(errors="replace").strip("\0").partition(" ")
    at += n
    if key == "feature_count": streams = int(value)
    if key == "mixw_shift": shift = int(value)
    if key == "cluster_count" and int(value) != 0: sys.exit("clustered sendump not supported")
codewords, senones = i32(), i32()
raw = np.frombuffer(data, dtype=np.uint8, offset=at, count=streams * codewords * senones)
w = np.power(1.0001, -(raw.reshape(streams, codewords, senones).astype(np.float64) * (1 << shift))).transpose(2, 0, 1)
w /= w.sum(axis=2, keepdims=True)
head = b"s3\nversion 1.0\n"
head += b" " * ((4 - (len(head) + 7) % 4) % 4) + b"endhdr\n"
open(sys.argv[2], "wb").write(head + struct.pack("<IIIII", 0x11223344, senones, streams, codewords, w.size) + w.astype("<f4").tobytes())
PY

# 3. Features and Baum-Welch counts over the two reverberant conditions.
train="$work/train"
rm -rf "$train"; mkdir -p "$train/wav" "$train/mfc" "$train/acc"
jq -r '.recordings[] | select(.condition == "reverb-medium" or .condition == "reverb-fan") | [.path, .reference] | @tsv' \
  "$work/audio/manifest.json" | while IFS=$'\t' read -r path reference; do
  id=$(tr '/.' '__' <<<"${path%.wav}")
  ln -sf "$work/audio/$path" "$train/wav/$id.wav"
  echo "$id" >> "$train/ids"
  echo "<s> $reference </s> ($id)" >> "$train/transcription"
done
sphinx_fe -argfile "$base/feat.params" -samprate 16000 -c "$train/ids" -di "$train/wav" -do "$train/mfc" \
  -ei wav -eo mfc -mswav yes > "$work/sphinx_fe.log" 2>&1
# The dictionary cut to the words read (bw skips a recording with a word it lacks; counted below).
python3 - "$train/transcription" "$here/Models/rehearse.dict" "$train/dict" <<'PY'
import re, sys
words = {w for line in open(sys.argv[1]) for w in line.split()[1:-2]}
open(sys.argv[3], "w").writelines(l for l in open(sys.argv[2]) if re.sub(r"\(\d+\)$", "", l.split()[0]) in words)
PY
"$tools/bw" -hmmdir "$base" -moddeffn "$base/mdef.txt" -ts2cbfn .ptm. -feat 1s_c_d_dd -svspec 0-12/13-25/26-38 \
  -cmn current -agc none -dictfn "$train/dict" -fdictfn "$base/noisedict" -ctlfn "$train/ids" \
  -lsnfn "$train/transcription" -cepdir "$train/mfc" -accumdir "$train/acc" > "$work/bw.log" 2>&1
skipped=$(grep -c 'Skipped utterance' "$work/bw.log" || true)
echo "bw used $(( $(wc -l < "$train/ids") - skipped )) of $(wc -l < "$train/ids") recordings ($skipped skipped: a word not in the dictionary; see $work/bw.log)" >&2

# 4. One global transform, and the identity beside it.
mkdir -p "$here/Models/rooms"
"$tools/mllr_solve" -meanfn "$base/means" -varfn "$base/variances" -outmllrfn "$here/Models/rooms/reverberant.mllr" \
  -accumdir "$train/acc" > "$work/mllr_solve.log" 2>&1
python3 - "$here/Models/rooms/identity.mllr" <<'PY'
import sys
lines = ["1", "3"]
for _ in range(3):
    lines.append("13")
    lines += [" ".join("%f" % (1.0 if i == j else 0.0) for j in range(13)) + " " for i in range(13)]
    lines += [" ".join(["0.000000"] * 13) + " ", " ".join(["1.0"] * 13) + " "]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
echo "wrote Models/rooms/reverberant.mllr and identity.mllr (work in $work)" >&2

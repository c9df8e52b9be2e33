#!/usr/bin/env python3
"""Renders a labelled analyzer set as speech the way people talk: no long stop between sentences.

Each answer is cut into sentences; each sentence is spoken by flite (voices rotate per answer) at a
rate drawn between 150 and 190 words a minute, its own leading and trailing silence trimmed, and
the sentences are joined with sox by gaps drawn between 0.05 and 0.3 s. Every draw comes from one
seeded generator, so a run is repeatable.

  scripts/synth-labelled-natural.py [--set Tests/Data/analyzer-eval/answers.json] [--out .eval/natural] [--seed 22]

then score what the recognizer hears:

  rehearse eval-analyzer Tests/Data/analyzer-eval/answers.json --audio .eval/natural --transcripts .eval/natural-heard
"""
import argparse
import json
import os
import random
import re
import subprocess
import tempfile

VOICES = ["slt", "kal16", "rms", "awb"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def duration(path):
    return float(subprocess.check_output(["soxi", "-D", path]).decode().strip())


def speak(text, voice, stretch, out):
    subprocess.run(["flite", "-voice", voice, "--setf", f"duration_stretch={stretch:.3f}", "-t", text, "-o", out + ".raw.wav"],
                   check=True)
    # Trim the voice's own silence at both ends; the gap between sentences is ours.
    subprocess.run(["sox", out + ".raw.wav", "-r", "16000", "-c", "1", "-b", "16", out,
                    "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"], check=True)
    os.remove(out + ".raw.wav")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--set", default="Tests/Data/analyzer-eval/answers.json")
    p.add_argument("--out", default=".eval/natural")
    p.add_argument("--seed", type=int, default=22)
    p.add_argument("--min-gap", type=float, default=0.05)
    p.add_argument("--max-gap", type=float, default=0.3)
    p.add_argument("--min-wpm", type=float, default=150)
    p.add_argument("--max-wpm", type=float, default=190)
    args = p.parse_args()
    answers = json.load(open(args.set))
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    log = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, a in enumerate(answers):
            voice = VOICES[n % len(VOICES)]
            target = rng.uniform(args.min_wpm, args.max_wpm)
            sentences = [s for s in SENTENCE_END.split(a["text"].strip()) if s]
            # Calibrate the stretch on the whole answer once at stretch 1, then speak each sentence.
            words = len(a["text"].split())
            probe = os.path.join(tmp, "probe.wav")
            speak(a["text"], voice, 1.0, probe)
            natural = words / duration(probe) * 60
            stretch = natural / target
            parts = []
            for k, s in enumerate(sentences):
                out = os.path.join(tmp, f"s{k:03d}.wav")
                speak(s, voice, stretch, out)
                parts.append(out)
                if k + 1 < len(sentences):
                    gap = rng.uniform(args.min_gap, args.max_gap)
                    g = os.path.join(tmp, f"g{k:03d}.wav")
                    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", g, "trim", "0", f"{gap:.3f}"], check=True)
                    parts.append(g)
            dest = os.path.join(args.out, a["id"] + ".wav")
            subprocess.run(["sox", *parts, dest, "pad", "0.4", "0.4"], check=True)
            total = duration(dest) - 0.8
            log.append(f"{a['id']} voice={voice} target={target:.0f}wpm got={words / total * 60:.0f}wpm sentences={len(sentences)}")
            for f in parts:
                os.remove(f)
    with open(os.path.join(args.out, "render.log"), "w") as f:
        f.write("\n".join(log) + "\n")
    print(f"synth-labelled-natural: {len(answers)} recordings in {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()

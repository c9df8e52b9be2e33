#!/usr/bin/env python3
"""Makes a spoken demo answer with espeak-ng, saves it as an attempt with hand-set word times
(PocketSphinx transcribes synthetic speech poorly, and the point is to look at the page), and
writes its HTML report. Needs espeak-ng and sox; run from the package root after `swift build`.

    scripts/demo-html-report.py OUT_DIR
"""
import json, os, subprocess, sys

out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "demo")
os.makedirs(out, exist_ok=True)
# (text, silence after in seconds)
phrases = [
    ("So the problem was, um, our checkout API kept timing out at peak traffic every Black Friday.", 0.5),
    ("Customers were abandoning carts and we were getting paged every night.", 2.1),
    ("We chose DynamoDB instead of RDS for the cart, because the access pattern was simple key lookups by cart id.", 0.4),
    ("The trade-off is eventual consistency, like, and we can't run ad hoc joins anymore,", 0.3),
    ("so reporting moved to a nightly export.", 1.8),
    ("As a result, um, p99 latency dropped from 800 to 120 milliseconds, and the database bill fell by 40 percent.", 0.6),
]
env = dict(os.environ, XDG_DATA_HOME=os.environ.get("XDG_DATA_HOME", os.path.join(out, "data")))
pieces, words, t = [], [], 0.4
silence = os.path.join(out, "lead.wav")
subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", silence, "trim", "0", "0.4"], check=True)
pieces.append(silence)
for i, (text, gap) in enumerate(phrases):
    raw, wav = os.path.join(out, f"p{i}-raw.wav"), os.path.join(out, f"p{i}.wav")
    subprocess.run(["espeak-ng", "-s", "155", "-w", raw, text], check=True)
    # Trim espeak's own lead-in and tail so word times line up, then add our pause.
    subprocess.run(["sox", raw, "-r", "16000", "-c", "1", "-b", "16", wav, "silence", "1", "0.02", "1%",
                    "reverse", "silence", "1", "0.02", "1%", "reverse", "pad", "0", str(gap)], check=True)
    length = float(subprocess.run(["soxi", "-D", wav], capture_output=True, text=True, check=True).stdout) - gap
    tokens = text.split()
    weights = [len(w.strip(",.")) + 2 for w in tokens]
    at = t
    for w, weight in zip(tokens, weights):
        span = length * weight / sum(weights)
        words.append({"text": w, "start": round(at, 2), "end": round(at + span * 0.85, 2)})
        at += span
    t += length + gap
    pieces.append(wav)
recording = os.path.join(out, "demo-answer.wav")
subprocess.run(["sox", *pieces, recording], check=True)
seconds = float(subprocess.run(["soxi", "-D", recording], capture_output=True, text=True, check=True).stdout)
with open(os.path.join(out, "words.json"), "w") as f:
    json.dump(words, f)
bin_dir = os.path.join(os.getcwd(), ".build", "debug")
attempt = subprocess.run([os.path.join(bin_dir, "HistoryStress"), "words", os.path.join(env["XDG_DATA_HOME"], "rehearse", "rehearse.sqlite"),
                          os.path.join(out, "words.json"), recording, f"{seconds:.2f}", "dynamodb", "mid"],
                         capture_output=True, text=True, check=True).stdout.strip()
page = os.path.join(out, "demo-report.html")
subprocess.run([os.path.join(bin_dir, "rehearse"), "report", attempt, "--html", page], env=env, check=True)
print(page)

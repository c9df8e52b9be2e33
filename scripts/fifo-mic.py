#!/usr/bin/env python3
"""Plays raw 16 kHz mono S16_LE audio into a FIFO in real time, for ALSA's `file` PCM plugin
to read as a microphone (see docs/capture.md). Writes whole 20 ms blocks (640 bytes, the
capture block size) on a fixed clock and prints, on stderr, the time the last non-silent
block was written (as it happens), so latency can be measured from the end of speech.

usage: fifo-mic.py FIFO RAW [RAW...] [--tail-silence SECONDS]
"""
import array, os, sys, time

args = sys.argv[1:]
tail = 0.0
if "--tail-silence" in args:
    i = args.index("--tail-silence"); tail = float(args[i + 1]); del args[i:i + 2]
fifo, files = args[0], args[1:]
data = b"".join(open(f, "rb").read() for f in files) + b"\0" * (int(tail * 16000) * 2)
block = 640
data += b"\0" * (-len(data) % block)
def loud(n):
    return max(abs(x) for x in array.array("h", data[n * block:(n + 1) * block])) > 300
blocks = len(data) // block
last_loud = max((n for n in range(blocks) if loud(n)), default=None)
out = os.open(fifo, os.O_WRONLY)
start = time.monotonic()
for n in range(blocks):
    chunk = data[n * block:(n + 1) * block]
    target = start + n * 0.02
    delay = target - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    try:
        os.write(out, chunk)
    except BrokenPipeError:
        break
    if n == last_loud:
        # Said the moment it happens, so a test can act on the end of speech.
        print(f"last-speech-written {time.time():.3f}", file=sys.stderr, flush=True)
# Keep the FIFO open a little so the reader is not handed end-of-file mid-take.
time.sleep(2)

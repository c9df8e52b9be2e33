#!/bin/sh
# Times `rehearse history` and `rehearse progress` against a history of 10,000 attempts.
# Usage: scripts/measure-history.sh [SCRATCH_DIR]   (needs hyperfine: apt-get install hyperfine)
set -eu
scratch=${1:-/tmp/rehearse-measure}
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)
db="$scratch/rehearse/rehearse.sqlite"
if [ ! -f "$db" ]; then
    echo "seeding 10,000 attempts into $db ..."
    "$bin/HistoryStress" seed "$db" 10000 >/dev/null
fi
export XDG_DATA_HOME="$scratch"
hyperfine --warmup 3 -N \
    "$bin/rehearse --version" \
    "$bin/rehearse history" \
    "$bin/rehearse progress" \
    "$bin/rehearse progress --topic lambda" \
    "$bin/rehearse history --json --limit 20"

#!/usr/bin/env bash
# Installs the Debian packages Rehearse needs, skipping what is already there.
#   scripts/install-deps.sh          # to build and run
#   scripts/install-deps.sh --test   # also what the tests use to make recordings (and tmux, for the terminal test)
set -euo pipefail
# sphinxtrain, sphinxbase-utils and pocketsphinx: voice enrollment (`rehearse enroll`, docs/voices.md).
packages=(pkg-config libsndfile1-dev libsoxr-dev libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us libasound2-dev
          sphinxtrain sphinxbase-utils pocketsphinx)
if [ "${1:-}" = "--test" ]; then
  packages+=(sox libsox-fmt-base flite alsa-utils jq tmux)
fi
if ! command -v swift >/dev/null; then
  echo "install-deps: swift is not on PATH — install Swift 6 from https://www.swift.org/install/linux/ and re-run" >&2
  exit 1
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"

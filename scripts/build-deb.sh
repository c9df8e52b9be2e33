#!/usr/bin/env bash
# Builds a Debian package of Rehearse with dpkg-deb and prints its path as the last line.
#   scripts/build-deb.sh                 # .build/deb/rehearse_<version>_<arch>.deb
# The program is installed under /usr (bin/rehearse, share/rehearse/Models, man page,
# completions) by scripts/install.sh into a staging folder. The Swift runtime is linked in,
# so the package depends only on Debian 12's runtime libraries.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
command -v dpkg-deb >/dev/null || { echo "build-deb.sh: dpkg-deb not found (apt install dpkg)" >&2; exit 1; }

version="$(sed -n 's/.*version: "\([0-9][0-9.]*\)".*/\1/p' Sources/rehearse/Rehearse.swift | head -1)"
arch="$(dpkg --print-architecture)"
out="$repo/.build/deb"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

scripts/install.sh --prefix /usr --destdir "$stage" >&2

install -d "$stage/DEBIAN" "$stage/usr/share/doc/rehearse"
install -m 0644 README.md "$stage/usr/share/doc/rehearse/README.md"
size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
# Runtime libraries the binary links (ldd) and the stock acoustic model it reads.
cat > "$stage/DEBIAN/control" <<EOF
Package: rehearse
Version: $version
Architecture: $arch
Maintainer: Rehearse developers <rehearse@localhost>
Installed-Size: $size
Depends: libpocketsphinx3, libsphinxbase3, pocketsphinx-en-us, libsndfile1, libsoxr0, libasound2, libsqlite3-0
Section: utils
Priority: optional
Description: offline coach for spoken AWS interview answers
 Rehearse records or reads a spoken answer, transcribes it offline with
 PocketSphinx and reports pace, pauses, filler words, whether the answer
 has context, a choice, a trade-off and a result, and the follow-up an
 interviewer would ask. Nothing leaves the machine.
EOF

mkdir -p "$out"
deb="$out/rehearse_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >&2
echo "$deb"

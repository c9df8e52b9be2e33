#!/usr/bin/env bash
# Builds Rehearse and installs it under a prefix, the way command-line tools on Debian are laid out:
#   PREFIX/bin/rehearse                                   the program (Swift runtime linked in)
#   PREFIX/share/rehearse/Models                          models, question bank, lexicon
#   PREFIX/share/rehearse/samples                         the sample recordings
#   PREFIX/share/man/man1/rehearse.1                      man page (swift-argument-parser's generate-manual)
#   PREFIX/share/bash-completion/completions/rehearse     bash completion
#   PREFIX/share/zsh/{vendor-completions,site-functions}/_rehearse   zsh completion
#   PREFIX/share/fish/vendor_completions.d/rehearse.fish  fish completion
# The installed program finds PREFIX/share/rehearse/Models relative to itself (bin/../share).
#
#   scripts/install.sh                     # into /usr/local (needs root)
#   scripts/install.sh --prefix ~/.local   # into your home
#   scripts/install.sh --prefix /usr --destdir /tmp/stage   # staged, for packaging
set -euo pipefail

prefix=/usr/local
destdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --destdir) destdir="${2:?--destdir needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
root="$destdir$prefix"
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

echo "install.sh: building the release binary (Swift runtime linked statically)" >&2
swift build -c release --product rehearse --static-swift-stdlib >&2
binary="$(swift build -c release --product rehearse --static-swift-stdlib --show-bin-path)/rehearse"

echo "install.sh: generating the man page with swift-argument-parser's generate-manual" >&2
man_out="$(mktemp -d)"
trap 'rm -rf "$man_out"' EXIT
swift package --disable-sandbox plugin generate-manual --configuration release --output-directory "$man_out" >&2

zsh_dir=share/zsh/site-functions
[ "$prefix" = /usr ] && zsh_dir=share/zsh/vendor-completions

install -d "$root/bin" "$root/share/rehearse" "$root/share/rehearse/samples" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/$zsh_dir" "$root/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$root/bin/rehearse"
rm -rf "$root/share/rehearse/Models"
cp -R Models "$root/share/rehearse/Models"
chmod -R u+rwX,go+rX,go-w "$root/share/rehearse/Models"
install -m 0644 Audio/*.wav "$root/share/rehearse/samples/"
install -m 0644 "$man_out/rehearse.1" "$root/share/man/man1/rehearse.1"
gzip -n -9 -f "$root/share/man/man1/rehearse.1"
"$binary" --generate-completion-script bash > "$root/share/bash-completion/completions/rehearse"
"$binary" --generate-completion-script zsh > "$root/$zsh_dir/_rehearse"
"$binary" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/rehearse.fish"

echo "install.sh: installed into $root" >&2
echo "$root/bin/rehearse"

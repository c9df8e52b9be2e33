#!/usr/bin/env bash
# Checks that the accuracy and latency gates can fail: breaks Rehearse on purpose, one way at a
# time, in a throwaway checkout of HEAD under /tmp, runs the tests that should catch it, and
# prints which of them failed. Your worktree is never touched (uncommitted changes are not
# part of the check: commit first).
#
#   scripts/break-gates.sh [BREAK...]      # default: all of them, in this order
#
# Breaks:
#   none          nothing broken: the same tests, to show they pass on HEAD
#   flags-false   FlagDetector raises no flag, ever
#   no-fillers    FillerDetector finds no filler, ever
#   stock-model   no --model means Debian's stock en-us model instead of Models/recognizer.json
#   delay-1s      the practice report waits one second after the take ends
#   delay-4s      the same, four seconds
#
# Each break is a sed patch of the checkout; the script stops if a patch no longer applies
# (the code it patches moved), so a break can never silently test nothing. The checkout keeps
# its .build between breaks, so only the first build is a full one (several minutes on 2
# cores). Logs stay in the checkout's break-logs/ until the script removes it at the end
# (--keep keeps it).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
keep=0
breaks=()
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    none|flags-false|no-fillers|stock-model|delay-1s|delay-4s) breaks+=("$arg") ;;
    *) echo "usage: $0 [--keep] [none|flags-false|no-fillers|stock-model|delay-1s|delay-4s]..." >&2; exit 2 ;;
  esac
done
[ ${#breaks[@]} -gt 0 ] || breaks=(none flags-false no-fillers stock-model delay-1s delay-4s)

if [ -n "$(git -C "$here" status --porcelain --untracked-files=no)" ]; then
  echo "break-gates: note: uncommitted changes in $here are not part of this check (it breaks HEAD)" >&2
fi
scratch="$(mktemp -d /tmp/rehearse-break-XXXXXX)"
checkout="$scratch/tree"
git -C "$here" worktree add --detach --quiet "$checkout" HEAD
cleanup() {
  if [ "$keep" -eq 1 ]; then echo "break-gates: kept $checkout" >&2; return; fi
  git -C "$here" worktree remove --force "$checkout" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
logs="$scratch/logs"
mkdir -p "$logs"

# patch FILE SED-SCRIPT: applies the edit and fails if it changed nothing.
patch_file() {
  local file="$checkout/$1"
  sed -i -E "$2" "$file"
  if git -C "$checkout" diff --quiet -- "$1"; then
    echo "break-gates: the patch for $1 no longer applies; update scripts/break-gates.sh" >&2
    exit 1
  fi
}

apply() {
  case "$1" in
    none) ;;
    flags-false)
      patch_file Sources/Analysis/FlagDetector.swift '
        s/^( +)serviceDump: serviceDump,$/\1serviceDump: false,/
        s/^( +)definitionOnly: definitionOnly,$/\1definitionOnly: false,/
        s/^( +)volunteeredDownside: parts\.tradeoff\.present,$/\1volunteeredDownside: false,/
        s/^( +)measurableResult: measurable != nil,$/\1measurableResult: false,/
        s/^( +)marketingLanguage: !marketing\.isEmpty,$/\1marketingLanguage: false,/
        s/^( +)hedging: hedges\.count >= 2,$/\1hedging: false,/' ;;
    no-fillers)
      patch_file Sources/Analysis/FillerDetector.swift \
        's/^( +)static func find\(in tokens: \[Token\], _ words: FillerWords\) -> \[Match\] \{$/&\n\1    if !tokens.isEmpty { return [] }/' ;;
    stock-model)
      patch_file Sources/Pipeline/ModelSelection.swift 's/^( +)case nil:$/&\n\1    if choice == nil { return (.debianEnUS, nil) }/' ;;
    delay-1s|delay-4s)
      local seconds="${1#delay-}"; seconds="${seconds%s}"
      patch_file Sources/Practice/LiveTake.swift \
        "s/^( +)public static func report\(for take: LiveTake, assembler: ReportAssembler\) -> AnswerReport \{$/&\n\1    Thread.sleep(forTimeInterval: $seconds)/" ;;
  esac
}

# The tests that should catch each break (swift test --filter, a regular expression).
filter_for() {
  case "$1" in
    none) echo 'EvaluationGateTests|SealedRecognizerGateTests|LiveVsFileTests|PracticeCommandTests' ;;
    flags-false) echo 'EvaluationGateTests' ;;
    no-fillers) echo 'EvaluationGateTests|SealedRecognizerGateTests' ;;
    stock-model) echo 'SealedRecognizerGateTests|LiveVsFileTests' ;;
    delay-1s|delay-4s) echo 'PracticeCommandTests' ;;
  esac
}

summary=()
for b in "${breaks[@]}"; do
  git -C "$checkout" checkout --quiet -- .
  apply "$b"
  filter="$(filter_for "$b")"
  echo "== $b: swift test --filter '$filter'" >&2
  log="$logs/$b.log"
  ( cd "$checkout" && swift build --build-tests >"$log.build" 2>&1 ) || { echo "break-gates: $b does not build, see $log.build" >&2; tail -20 "$log.build" >&2; exit 1; }
  set +e
  ( cd "$checkout" && swift test --skip-build --filter "$filter" >"$log" 2>&1 )
  status=$?
  set -e
  # Swift Testing prints one "✘ Test NAME failed after" line per failed test and one
  # "✘ Test NAME recorded an issue at FILE:LINE: ..." line per failed expectation.
  failed="$(grep -E '✘ Test .* failed after' "$log" | sed -E 's/^.*✘ Test (.*) (with [0-9]+ test cases )?failed after.*$/\1/' | sort -u || true)"
  passed="$(grep -cE '✔ Test .* passed' "$log" || true)"
  if [ "$status" -eq 0 ]; then
    line="$b: all tests passed ($passed) — NOT caught"
    [ "$b" = none ] && line="$b: all tests passed ($passed)"
  else
    line="$b: caught — failed: $(echo "$failed" | paste -sd ';' | sed 's/;/; /g')"
  fi
  summary+=("$line")
  echo "$line"
  grep -E '✘ Test .*recorded an issue' "$log" | sed -E 's/^.*✘ Test (.*) recorded an issue (with 1 argument [^ ]+ → (.*) )?at ([A-Za-z]+\.swift:[0-9]+:[0-9]+): (Expectation failed: )?/    \3 \4: /' | cut -c1-200 | head -12 || true
done
git -C "$checkout" checkout --quiet -- .

echo
echo "summary:"
printf '  %s\n' "${summary[@]}"

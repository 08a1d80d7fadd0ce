#!/usr/bin/env bash
# The mutation check (issue 18): breaks the code one line at a time with the mutants listed
# in scripts/mutants.txt and reports which of them the test suites catch.
#
#   scripts/mutants.sh [ID…]        # every mutant, or only those named
#
# It copies the committed tree (git worktree, HEAD) to a scratch folder, builds it once with
# the default preset, then for each mutant: edits its one line, rebuilds only the suites
# named for it, runs them (offscreen) until one fails, and restores the line. A mutant is
# killed when one of its suites fails (or does not build). MUTANTS_ALL_SUITES=1 runs every suite instead of the
# named ones (hours). MUTANTS_THRESHOLD (default 90) is the share of killed mutants below
# which the script exits with 1. Slow, so not part of scripts/test.sh. MUTANTS_DIR chooses
# the scratch folder (default /tmp/backprop-mutants, kept between runs so builds are
# incremental).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
list=$root/scripts/mutants.txt
scratch=${MUTANTS_DIR:-/tmp/backprop-mutants}
threshold=${MUTANTS_THRESHOLD:-90}
python=/usr/bin/python3

if [ ! -d "$scratch/.git" ] && [ ! -f "$scratch/.git" ]; then
    git worktree add --detach "$scratch" HEAD >/dev/null
else
    git -C "$scratch" checkout --detach -q HEAD 2>/dev/null || true
    git -C "$scratch" reset -q --hard "$(git rev-parse HEAD)"
fi
cd "$scratch"
echo "mutants: building the unmutated tree once in $scratch/build" >&2
# The scratch tree's own setup: packages, the default preset, a build (never the main tree's).
scripts/setup.sh >/dev/null

# Edits one mutant in (or out, with "restore"): prints nothing, exits 2 when the text is
# not found on exactly one line.
mutate() {
    "$python" - "$@" <<'PY'
import sys
path, match, old, new = sys.argv[1:5]
new = "" if new == "(nothing)" else new
text = open(path, encoding="utf-8").read().split("\n")
hits = [k for k, line in enumerate(text) if match in line and old in line]
if len(hits) != 1:
    sys.exit(2)
text[hits[0]] = text[hits[0]].replace(old, new, 1)
open(path, "w", encoding="utf-8").write("\n".join(text))
PY
}

export QT_QPA_PLATFORM=offscreen
killed=0
total=0
report=$scratch/mutants-report.txt
printf '%-22s %-9s %s\n' "mutant" "result" "caught by" >"$report"
while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    mapfile -t field < <("$python" -c 'import sys
for f in sys.argv[1].split("¦"): print(f.strip())' "$line")
    id=${field[0]} file=${field[1]} match=${field[2]} old=${field[3]} new=${field[4]}
    read -r -a suites <<<"${field[5]}"
    if (($#)) && [[ " $* " != *" $id "* ]]; then
        continue
    fi
    total=$((total + 1))
    if ! mutate "$file" "$match" "$old" "$new"; then
        printf '%-22s %-9s %s\n' "$id" "STALE" "its line is not in $file any more" | tee -a "$report"
        continue
    fi
    if [ "${MUTANTS_ALL_SUITES:-0}" = 1 ]; then
        targets=(all)
        mapfile -t suites < <(cd build && ctest -N | sed -n 's/^ *Test *#[0-9]*: //p')
    else
        targets=("${suites[@]}")
    fi
    caught=""
    if ! cmake --build build -j"$(nproc)" --target "${targets[@]}" >/dev/null 2>&1; then
        caught="the build"
    else
        # The first suite that fails kills the mutant; the rest are not run (list the
        # quickest suites first in mutants.txt).
        for suite in "${suites[@]}"; do
            if ! ctest --test-dir build -R "^${suite}\$" --timeout 600 >/dev/null 2>&1; then
                caught=$suite
                break
            fi
        done
    fi
    git checkout -q -- "$file"
    if [ -n "$caught" ]; then
        killed=$((killed + 1))
        printf '%-22s %-9s %s\n' "$id" "killed" "$caught" | tee -a "$report"
    else
        printf '%-22s %-9s %s\n' "$id" "SURVIVED" "${field[6]}" | tee -a "$report"
    fi
done <"$list"
# Leave the scratch build matching the unmutated tree for the next run.
cmake --build build -j"$(nproc)" >/dev/null 2>&1 || true
share=$((total ? 100 * killed / total : 0))
echo "mutants: $killed of $total killed ($share%); table in $report" | tee -a "$report"
((share >= threshold))

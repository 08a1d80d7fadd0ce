#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang into build-fuzz/ and fuzzes one:
#   scripts/fuzz.sh json 10          # the JSON parser and writer for 10 minutes
#   scripts/fuzz.sh lessonreader 10  # LessonReader::read, its round trip, one iteration
#   scripts/fuzz.sh lessonfile 10    # saved lessons with a training state, restored, trained
#   scripts/fuzz.sh csvimporter 10   # the CSV importer (once core/csvimporter.h exists)
# One fuzzer process (one core). The working corpus grows in build-fuzz/corpus/TARGET,
# seeded from tests/fuzz/TARGET/corpus; crashes land in build-fuzz/crashes/TARGET/ and make
# the script fail. Copy a crash to tests/fuzz/regressions/TARGET-NAME (after the fix), so
# tst_fuzzregressions checks it in every normal test run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh TARGET MINUTES   (TARGET: json, lessonreader, lessonfile, csvimporter)" >&2
    exit 2
fi
target=$1
minutes=$2

# Only fuzzing needs clang and its runtime (libFuzzer); the normal build uses g++.
packages=(clang-14 libclang-rt-14-dev cmake ninja-build libeigen3-dev nlohmann-json3-dev)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "fuzz: installing ${missing[*]}" >&2
    sudo_command=()
    [ "$(id -u)" -ne 0 ] && sudo_command=(sudo)
    "${sudo_command[@]}" apt-get update -qq
    "${sudo_command[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f build-fuzz/build.ninja ]; then
    cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
fi
cmake --build build-fuzz -j2 --target "fuzz_$target"

corpus=build-fuzz/corpus/$target
crashes=build-fuzz/crashes/$target
mkdir -p "$corpus" "$crashes" build-fuzz/logs
dictionary=()
[ -f "tests/fuzz/$target.dict" ] && dictionary=("-dict=tests/fuzz/$target.dict")
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB a leak
# or an unbounded allocation. New inputs go to the working corpus, not the seeds.
"build-fuzz/fuzz_$target" "$corpus" "tests/fuzz/$target/corpus" "${dictionary[@]}" \
    -max_total_time=$((minutes * 60)) -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" 2>&1 | tee "build-fuzz/logs/$target.log"
status=${PIPESTATUS[0]}
if [ -n "$(ls -A "$crashes")" ]; then
    echo "fuzz: $target found failing inputs in $crashes:" >&2
    ls "$crashes" >&2
    exit 1
fi
exit "$status"

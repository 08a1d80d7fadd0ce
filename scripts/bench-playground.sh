#!/usr/bin/env bash
# TensorFlow Playground's network code on bench_engine's workloads (README, Performance):
#   git clone https://github.com/tensorflow/playground /tmp/playground
#   scripts/bench-playground.sh /tmp/playground
# Compiles its src/nn.ts with tests/benchmarks/playground/bench_playground.ts (TypeScript from
# Debian's node-typescript, installed when missing) into a scratch folder and runs it with
# node. Playground's code is read from your clone, never copied into this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
clone=${1:?usage: scripts/bench-playground.sh PLAYGROUND_CLONE}
[ -f "$clone/src/nn.ts" ] || { echo "no src/nn.ts in $clone" >&2; exit 2; }
for package in nodejs node-typescript; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        sudo_command=()
        [ "$(id -u)" -ne 0 ] && sudo_command=(sudo)
        "${sudo_command[@]}" apt-get install -y -qq --no-install-recommends "$package" >/dev/null
    fi
done
scratch=$(mktemp -d /tmp/bench-playground.XXXX)
trap 'rm -rf "$scratch"' EXIT
cp "$clone/src/nn.ts" tests/benchmarks/playground/bench_playground.ts "$scratch/"
tsc --target es2017 --module commonjs --strict false --outDir "$scratch/out" \
    --lib es2020,dom "$scratch/nn.ts" "$scratch/bench_playground.ts"
node "$scratch/out/bench_playground.js"

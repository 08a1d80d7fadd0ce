#!/usr/bin/env bash
# Sets up (packages, build) and runs the whole test suite. GUI suites render offscreen, so
# no display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure

#!/usr/bin/env bash
# Sets up (packages, build) and runs the whole test suite, one suite per core (the suites
# that measure time or memory run alone: RUN_SERIAL in tests/CMakeLists.txt). GUI suites
# render offscreen, so no display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j"$(nproc)"

#!/usr/bin/env bash
# Installs the Debian packages Backprop Lab needs (only those missing), then configures and
# builds it with the default preset into build/. Quick when everything is in place.
# Used by scripts/run.sh and scripts/test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "$0")/.."

# dpkg-dev and file: cpack's Debian package (its dependency list) and the test that checks it.
# python3-torch: tst_pytorchexport runs exported PyTorch scripts with Debian's python3.
packages=(g++ cmake ninja-build qt6-base-dev libqt6opengl6-dev qt6-svg-dev libeigen3-dev
          nlohmann-json3-dev libxkbcommon-dev libbenchmark-dev dpkg-dev file python3-torch)
missing=()
sudo_command=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            sudo_command=(sudo)
        else
            echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo_command[@]}" apt-get update -qq
    "${sudo_command[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f build/build.ninja ]; then
    cmake --preset default >/dev/null
fi
cmake --build build

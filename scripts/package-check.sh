#!/bin/sh
# Builds the Debian package from a configured build folder, unpacks it into a scratch root
# and checks that the program, the .desktop file and the icon are where desktops look, and
# that the unpacked program starts (headless, so no display is needed).
#   scripts/package-check.sh [BUILD_DIR]    (default: build)
set -eu
build=${1:-build}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

cmake --build "$build" --target backprop-lab
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/backprop-lab_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb --info "$deb" | grep -E 'Package|Version|Depends'
dpkg-deb -x "$deb" "$root"

fail=0
for file in usr/bin/backprop-lab usr/share/applications/backprop-lab.desktop \
            usr/share/icons/hicolor/scalable/apps/backprop-lab.svg; do
    if [ -e "$root/$file" ]; then echo "ok: /$file"; else echo "missing: /$file"; fail=1; fi
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/backprop-lab.desktop"
fi
"$root/usr/bin/backprop-lab" --headless --lesson two-two-two --steps 1 | grep -q E_total \
    && echo "ok: /usr/bin/backprop-lab --headless runs" || { echo "the program did not run"; fail=1; }
exit $fail

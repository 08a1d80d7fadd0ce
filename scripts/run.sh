#!/usr/bin/env bash
# Sets up (packages, build) and starts Backprop Lab; arguments go to the program, e.g.
#   scripts/run.sh --lesson one-weight
#   scripts/run.sh --headless --steps 1 --trace
# With no display the program runs headless (the same lesson printed to the terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
arguments=("$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    case " $* " in
        *" --headless "*) ;;
        *" --screenshot "*) export QT_QPA_PLATFORM=offscreen ;;
        *)
            echo "run: no display found, so running headless (see README: Looking at the window)" >&2
            arguments=(--headless "${arguments[@]}")
            ;;
    esac
fi
exec build/app/backprop-lab "${arguments[@]}"

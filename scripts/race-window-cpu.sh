#!/usr/bin/env bash
# The race window under a real X server (Xvfb and openbox): starts
#   APP --race sgd,momentum,rmsprop:0.05,adam:0.05 --race-window
# presses R (a full-speed run) for RUN_S seconds (default 10) and R again, and prints the CPU
# time of the GUI (main) thread and of the whole process over the run, and the memory (RSS)
# before, after 1 s and each second after. Needs xvfb, openbox and xdotool.
# Usage: scripts/race-window-cpu.sh [APP]     (APP defaults to build/app/backprop-lab)
set -uo pipefail
app=${1:-build/app/backprop-lab}; run_s=${RUN_S:-10}
for tool in Xvfb openbox xdotool; do
    command -v $tool >/dev/null || { echo "race-window-cpu: $tool is missing" >&2; exit 2; }
done
display=:$((70 + RANDOM % 20)); home=$(mktemp -d /tmp/race-cpu.XXXX)
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/c XDG_DATA_HOME=$home/d \
    XDG_RUNTIME_DIR=$home/r XDG_CACHE_HOME=$home/k
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"; unset QT_QPA_PLATFORM
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 & xvfb=$!; sleep 1
openbox >/dev/null 2>&1 & openbox=$!; sleep 0.5
"$app" --race sgd,momentum,rmsprop:0.05,adam:0.05 --race-window >/dev/null 2>&1 & pid=$!
cleanup() { kill $pid 2>/dev/null; wait $pid 2>/dev/null; kill $openbox $xvfb 2>/dev/null; rm -rf "$home"; }
trap cleanup EXIT
sleep 3
window=$(xdotool search --pid $pid --name "Optimizer race" | tail -1)
[ -n "$window" ] || { echo "race-window-cpu: no race window appeared" >&2; exit 1; }
xdotool windowactivate --sync "$window" >/dev/null 2>&1; sleep 0.5
ticks() { awk '{print $14 + $15}' "$1"; } # utime + stime, in clock ticks
rss() { ps -o rss= -p $pid | tr -d ' '; }
main0=$(ticks /proc/$pid/task/$pid/stat); all0=$(ticks /proc/$pid/stat); rss0=$(rss)
xdotool key r
sleep 1; rss1=$(rss); each=""
for ((s = 1; s < run_s; s++)); do sleep 1; each="$each $(rss)"; done
main1=$(ticks /proc/$pid/task/$pid/stat); all1=$(ticks /proc/$pid/stat)
xdotool key r
tick=$(getconf CLK_TCK)
awk -v m=$((main1 - main0)) -v a=$((all1 - all0)) -v t="$tick" -v s="$run_s" \
    'BEGIN { printf "GUI thread %.2f s of CPU in %d s (%.0f%% of a core); whole process %.2f s\n", m / t, s, 100 * m / t / s, a / t }'
echo "RSS: before ${rss0} kB, after 1 s ${rss1} kB, then each second:${each} kB"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

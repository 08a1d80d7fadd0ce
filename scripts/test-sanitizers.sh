#!/usr/bin/env bash
# Builds and runs the test suites under the sanitizers; any report fails:
#   scripts/test-sanitizers.sh        # both runs below
#   scripts/test-sanitizers.sh asan   # every suite but those labelled long, ASan + UBSan
#                                     # (preset asan, build-asan/)
#   scripts/test-sanitizers.sh asan-program # the engine's, worker's and program's suites
#                                     # (all but the window's), ASan + UBSan
#   scripts/test-sanitizers.sh asan-core    # the engine's and worker's suites (tests/core),
#                                     # ASan + UBSan: what CI runs (no window build)
#   scripts/test-sanitizers.sh asan-engine  # the engine suites only, ASan + UBSan
#   scripts/test-sanitizers.sh tsan   # the engine suites that use std::thread, TSan
#                                     # (preset tsan, build-tsan/; see SETUP.md: Sanitizers)
# BACKPROP_ASAN_DIR and BACKPROP_TSAN_DIR choose other build folders.
# A report must fail the run even in a child process (the program run by tst_commandline)
# or in a test that expects a failing exit code: ASan, LSan and TSan write their reports to
# files, and the script fails when one exists; every sanitizer exits with a code no test
# expects (86, 66), and UBSan halts at its first report.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh >/dev/null

runs=("$@")
((${#runs[@]})) || runs=(asan tsan)

# Configures (once) and builds preset $1 into folder $2 (targets $3…, or everything).
build() {
    if [ ! -f "$2/build.ninja" ]; then
        cmake --preset "$1" -B "$2" >/dev/null
    fi
    cmake --build "$2" -j2 ${3:+--target "${@:3}"}
}

# Fails with the reports when folder $1 holds any.
check_reports() {
    if compgen -G "$1/*" >/dev/null; then
        echo "test-sanitizers: sanitizer reports:" >&2
        cat "$1"/* >&2
        return 1
    fi
}

export QT_QPA_PLATFORM=offscreen
status=0
for run in "${runs[@]}"; do
    case $run in
    asan | asan-program | asan-core | asan-engine)
        # asan: every suite (what CI runs). asan-engine: only the engine suites that use no
        # Qt threads, a quicker check while working on the engine.
        directory=${BACKPROP_ASAN_DIR:-build-asan}
        filter=(-LE '^long$') # tst_autosavekill: a minute of a whole process's timing
        if [ "$run" = asan-engine ]; then
            build asan "$directory" engine-suites
            filter=(-L '^core$' -LE '^qt-threads$')
        elif [ "$run" = asan-core ]; then
            build asan "$directory" core-suites
            filter=(-L '^core$' -LE '^long$')
        elif [ "$run" = asan-program ]; then
            build asan "$directory" program-suites
            filter=(-L '^(core|app)$' -LE '^long$')
        else
            build asan "$directory"
        fi
        reports=$root/$directory/sanitizer-reports
        rm -rf "$reports" && mkdir -p "$reports"
        # exitcode 86: a report never passes for a test that expects exit code 1.
        export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:exitcode=86:log_path=$reports/asan:check_initialization_order=1:strict_init_order=1"
        export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86"
        export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
        ctest --test-dir "$directory" --output-on-failure -j"$(nproc)" "${filter[@]}" || status=1
        check_reports "$reports" || status=1
        unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
        ;;
    tsan)
        directory=${BACKPROP_TSAN_DIR:-build-tsan}
        build tsan "$directory" thread-suites
        reports=$root/$directory/sanitizer-reports
        rm -rf "$reports" && mkdir -p "$reports"
        export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:exitcode=66:log_path=$reports/tsan:suppressions=$root/tests/sanitizers/tsan.supp"
        # The engine driven from std::threads as the worker hands it over (single-threaded
        # suites cannot race; Qt's own synchronisation is invisible to TSan).
        ctest --test-dir "$directory" --output-on-failure -L '^std-threads$' || status=1
        check_reports "$reports" || status=1
        unset TSAN_OPTIONS
        ;;
    *)
        echo "usage: scripts/test-sanitizers.sh [asan | asan-program | asan-engine] [tsan]" >&2
        exit 2
        ;;
    esac
done
exit "$status"

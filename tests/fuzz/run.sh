#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each, on the committed seed corpus plus
# a working corpus in build/fuzz/corpus/ that grows from run to run. A crash stops with its
# input in build/fuzz/crashes/: fix it, then keep the input in tests/fuzz/regressions/NAME/
# so that the ordinary suite (fuzzreplay_NAME) replays it forever.
#   cmake --preset fuzz && cmake --build --preset fuzz
#   tests/fuzz/run.sh 60                 # each target for 60 s
#   tests/fuzz/run.sh 1800 config engine # two of them for 30 minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: $0 SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(config webhook callstate api twiml engine)
bin=build/fuzz/tests/fuzz
mkdir -p build/fuzz/crashes
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in "${targets[@]}"; do
    work=build/fuzz/corpus/$t
    mkdir -p "$work"
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    printf '\033[1m==> fuzz_%s for %s s\033[0m\n' "$t" "$seconds"
    local_log=$(mktemp)
    status=0
    "$bin/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$t-" "${dict[@]}" \
        "$work" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" >"$local_log" 2>&1 || status=$?
    # libFuzzer's chatter hidden; what it found and how far it got shown. Its status decides.
    grep -E '^(#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$local_log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$local_log" >&2
        echo "fuzz_$t found a crash (status $status): see build/fuzz/crashes/" >&2
        exit 1
    fi
    rm -f "$local_log"
done

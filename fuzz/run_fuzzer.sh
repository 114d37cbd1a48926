#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time (CTest's fuzz_<name>_run).
#
#   run_fuzzer.sh NAME EXECUTABLE DIR DEFAULT_SECONDS "SEED_DIR;SEED_DIR..." [libFuzzer flags...]
#
# The corpus the run grows is kept in DIR/corpus; seed folders are read, never
# written; DIR/dict, when there, is the dictionary. Crashing inputs land in
# DIR/artifacts/. $DYNAFAKE_FUZZ_SECONDS, when set, overrides DEFAULT_SECONDS.
# Prints how many inputs ran (also into DIR/summary.txt); exits non-zero when
# the fuzzer found a crash, a leak, a timeout or a broken invariant.
set -uo pipefail
name="$1" exe="$2" dir="$3" seconds="${DYNAFAKE_FUZZ_SECONDS:-$4}" seeds="$5"
shift 5
mkdir -p "$dir/corpus" "$dir/artifacts"
rm -f "$dir"/artifacts/* "$dir/summary.txt"  # only this run's findings
log="$dir/last-run.log"
args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=1536 -print_final_stats=1 -artifact_prefix="$dir/artifacts/")
# DYNAFAKE_FUZZ_SEED fixes libFuzzer's random seed (scripts/test.sh sets it for CI), which keeps runs on one machine
# close to each other; it does not make them equal elsewhere: the corpus is read in directory order and the time
# limit cuts each run at another point, so CI can still meet an input a local run did not (it did once: a snapshot
# clock near int64's limit). Fuzz longer with scripts/fuzz.sh (seed unset) after changing what a fuzzer reaches.
[ -z "${DYNAFAKE_FUZZ_SEED:-}" ] || args+=(-seed="$DYNAFAKE_FUZZ_SEED")
[ -s "$dir/dict" ] && args+=("-dict=$dir/dict")
IFS=';' read -r -a seed_dirs <<<"$seeds"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

"$exe" "${args[@]}" "$@" "$dir/corpus" ${seed_dirs[@]+"${seed_dirs[@]}"} >"$log" 2>&1
rc=$?

execs="$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -n 1)"
corpus="$(find "$dir/corpus" -type f | wc -l)"
if [ "$rc" -eq 0 ]; then
  echo "fuzz_$name: ${execs:-?} executions in ${seconds} s, no failure (corpus: $corpus inputs)" | tee "$dir/summary.txt"
  exit 0
fi
echo "fuzz_$name: FAILED (exit $rc) after ${execs:-?} executions; see $log" | tee "$dir/summary.txt"
echo "last lines of $log:"
tail -n 60 "$log"
for a in "$dir"/artifacts/*; do
  [ -e "$a" ] && echo "reproduce: $exe $a"
done
exit 1

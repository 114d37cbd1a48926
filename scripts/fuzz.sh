#!/usr/bin/env bash
# dynafake's fuzzers: `bash scripts/fuzz.sh [SECONDS] [-- ctest args]`.
#
# Installs what is missing (clang and libFuzzer's runtime: Debian's clang and
# libclang-rt-14-dev, plus the build's packages), builds every libFuzzer
# target in fuzz/ with clang++ -fsanitize=fuzzer,address,undefined into
# ./build-fuzz (BUILD_DIR overrides), writes their seed corpora from real
# requests and snapshots, and runs each for SECONDS (default 60), as many at
# once as there are cores. Prints each fuzzer's executions; ends with CTest's
# summary line and exits non-zero when a fuzzer found a failure (the input
# is kept in build-fuzz/fuzz/<name>/artifacts/ and the command that
# reproduces it is printed).
#
#   bash scripts/fuzz.sh                 60 s each (what CI runs)
#   bash scripts/fuzz.sh 3600            an hour each; the corpus in
#                                        build-fuzz/fuzz/<name>/corpus grows
#                                        from run to run
#   bash scripts/fuzz.sh 600 -- -R load_state   one fuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

seconds=60
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; ctest_args=("$@"); break ;;
    *[!0-9]*|'') dynafake_die "SECONDS must be a whole number, not '$1' (try --help)" ;;
    *) seconds="$1" ;;
  esac
  shift
done

dynafake_ensure_packages "${DYNAFAKE_PACKAGES[@]}" "${DYNAFAKE_FUZZ_PACKAGES[@]}"
build_dir="${BUILD_DIR:-build-fuzz}"
jobs="$(dynafake_jobs)"

dynafake_log "cmake -S . -B $build_dir (clang++, libFuzzer)"
CXX=clang++ cmake -S . -B "$build_dir" -DDYNAFAKE_BUILD_FUZZERS=ON -DDYNAFAKE_BUILD_TESTS=OFF \
      -DDYNAFAKE_BUILD_EXAMPLES=OFF -DDYNAFAKE_BUILD_BENCH=OFF -DDYNAFAKE_BUILD_SERVER=OFF \
      -DDYNAFAKE_INSTALL=OFF -DCMAKE_BUILD_TYPE= >/dev/null
dynafake_log "cmake --build $build_dir --target dynafake_fuzzers -j$jobs"
cmake --build "$build_dir" --target dynafake_fuzzers -j"$jobs"

dynafake_log "fuzzing, ${seconds} s per fuzzer, $jobs at a time"
export DYNAFAKE_FUZZ_SECONDS="$seconds"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
log="$build_dir/ctest-output.log"
set +e
(cd "$build_dir" && ctest -L fuzz --output-on-failure -j"$jobs" ${ctest_args[@]+"${ctest_args[@]}"}) >"$log" 2>&1
rc=$?
set -e
grep -hE '^fuzz_[A-Za-z0-9_]+: ' "$build_dir"/fuzz/*/summary.txt 2>/dev/null || true
if [ "$rc" -ne 0 ]; then
  grep -vE '^(Test project|Constructing|Checking|Updating|Start|UpdateCTestConfiguration|Parse|Add |Test command|Test timeout|Internal ctest)' "$log" | tail -n 120
fi
summary="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
echo
echo "${summary:-ctest did not report a summary (exit status $rc)}"
[ -n "$summary" ] || [ "$rc" -ne 0 ] || rc=1
exit "$rc"

#!/usr/bin/env bash
# dynafake's test command: `bash scripts/test.sh` (CI runs exactly this).
#
# Installs what is missing (Debian/Ubuntu packages, boto3 and the AWS CLI),
# then runs these stages, each a CTest run in its own build tree:
#   main   everything (-Werror, g++ or $CXX) under ASan + UBSan:  ./build
#          the suites, examples, README blocks, consumer projects, and the
#          Python suites driving a sanitized dynafake-server
#   tsan   the tests that run threads on one Service or server, TSan ./build-tsan
#   fuzz   every libFuzzer target for $DYNAFAKE_FUZZ_SECONDS (60)    ./build-fuzz
# Ends with one CTest summary line over all stages; exits non-zero when
# anything fails.
#
#   bash scripts/test.sh              all stages (what CI runs)
#   bash scripts/test.sh --quick      the main stage only
#   bash scripts/test.sh --plain      the main stage without sanitizers, ./build-plain
#   bash scripts/test.sh --tsan       everything under ThreadSanitizer, ./build-tsan
#   bash scripts/test.sh --clang      clang++, ./build-clang (combines with the above)
#   bash scripts/test.sh --fast       a contributor's loop, ./build-fast: the cheap checks
#                                     (format, generated files, single header) first and
#                                     failing fast, then the core's unit suites without
#                                     sanitizers, the SDK, the server or the examples
#
# BUILD_DIR overrides the build directory (one stage); CXX picks the
# compiler; arguments after `--` go to ctest and run one stage (e.g.
# `-- -R Backup -L unit`; a filter builds only the executables the selected
# tests run). `bash scripts/fuzz.sh SECONDS` fuzzes longer.
#
# The aws-sdk-cpp front (dynafake::aws_sdk) and its tests are built in the
# main stage when an installed aws-sdk-cpp is found: on CMAKE_PREFIX_PATH, or
# the one `bash scripts/aws-sdk-cpp.sh` built into its cache. The run says
# which, or why the front was not built.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

# The main stage runs under ASan + UBSan: one build finds memory errors and
# undefined behaviour in everything the tests reach (a separate sanitizer
# build of the same suites cost CI as much time again).
sanitize="address,undefined"
suffix=""
use_clang=0
single=0
fast=0
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --plain) sanitize=""; suffix="-plain"; single=1 ;;
    --tsan) sanitize="thread"; suffix="-tsan"; single=1 ;;
    --clang) use_clang=1; single=1 ;;
    --quick) single=1 ;;
    --fast) fast=1; sanitize=""; suffix="-fast"; single=1 ;;
    --) shift; ctest_args=("$@"); single=1; break ;;
    -h|--help) sed -n '2,34p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) dynafake_die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

packages=("${DYNAFAKE_PACKAGES[@]}" "${DYNAFAKE_BROWSER_PACKAGES[@]}")
if [ "$use_clang" -eq 1 ]; then
  packages+=(clang)
  export CXX=clang++
  suffix="-clang$suffix"
fi
[ "$single" -eq 1 ] || packages+=("${DYNAFAKE_FUZZ_PACKAGES[@]}")
dynafake_ensure_packages "${packages[@]}"
# The fast loop runs no Python suite against the server: it needs no real client.
[ "$fast" -eq 1 ] || dynafake_ensure_real_clients

jobs="$(dynafake_jobs)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

sdk_prefix=""
[ "$fast" -eq 1 ] || sdk_prefix="$(dynafake_find_sdk)"
if [ -n "$sdk_prefix" ]; then
  dynafake_log "aws-sdk-cpp: using $sdk_prefix (from scripts/aws-sdk-cpp.sh's cache)"
  export CMAKE_PREFIX_PATH="$sdk_prefix${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}"
fi

# What the TSan stage builds and runs: the tests that run threads against one
# Service or one server (by test suite name).
tsan_targets=(dynafake_stress_tests dynafake_http_tests)
tsan_tests="Stress|HttpStress|HttpLoad"

passed=0 failed=0 total=0
report=()

# aws_sdk_report BUILD_DIR: says whether the configure found aws-sdk-cpp.
aws_sdk_report() {
  local status line
  status="$(sed -n 's/^DYNAFAKE_AWS_SDK_STATUS:INTERNAL=//p' "$1/CMakeCache.txt")"
  line="aws-sdk-cpp front (dynafake::aws_sdk): ${status:-unknown (configure did not say)}"
  case "$status" in
    available*) ;;
    *) line="$line; its tests are not built (bash scripts/aws-sdk-cpp.sh builds the SDK from ../shared/vendor)" ;;
  esac
  dynafake_log "$line"
  report+=("$line")
}

# count_stage NAME LOG SECONDS: adds the stage's CTest summary to the totals.
count_stage() {
  local name="$1" log="$2" secs="$3" line p f t
  line="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    report+=("stage $name: no CTest summary (see $log)")
    failed=$((failed + 1)); total=$((total + 1))
    return
  fi
  f="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")"
  t="$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")"
  p=$((t - f))
  passed=$((passed + p)); failed=$((failed + f)); total=$((total + t))
  report+=("stage $name: $line ($((secs / 60))m$((secs % 60))s)")
}

# label_targets BUILD_DIR CTEST_ARGS...: when the arguments select tests by a
# label regex only (-L unit, -L 'unit|wire'; no -R, -E or -LE), prints the
# targets the matching labels need (tests/CMakeLists.txt writes the map), or
# "-" when none needs a build; prints nothing (build everything) when another
# filter is given or a matching label is not in the map.
label_targets() {
  local dir="$1" map="$1/dynafake-label-targets.txt" regex="" out=() line label known
  shift
  [ -f "$map" ] || return 0
  while [ $# -gt 0 ]; do
    case "$1" in
      -L) [ $# -ge 2 ] && [ -z "$regex" ] || return 0; regex="$2"; shift ;;
      -j*|--output-on-failure|-V|-VV|--stop-on-failure) ;;
      *) return 0 ;;
    esac
    shift
  done
  [ -n "$regex" ] || return 0
  # Labels CTest knows before a build (everything but the GoogleTest suites,
  # which are discovered when built): a matching one outside the map needs
  # a full build.
  known="$(cd "$dir" && ctest --print-labels 2>/dev/null | sed -n 's/^  //p')"
  while read -r label; do
    [ -n "$label" ] && [[ $label =~ $regex ]] || continue
    grep -q "^$label\( \|$\)" "$map" || return 0
  done <<<"$known"
  while read -r line; do
    # shellcheck disable=SC2086
    set -- $line
    [[ $1 =~ $regex ]] || continue
    shift
    out+=("$@")
  done <"$map"
  if [ "${#out[@]}" -eq 0 ]; then echo "-"; else printf '%s\n' "${out[@]}" | sort -u | tr '\n' ' '; fi
}

# ctest_stage NAME BUILD_DIR TARGETS CTEST_ARGS [cmake args...]: configures
# BUILD_DIR, builds TARGETS (a space-separated list; "" = everything) and runs
# ctest there with CTEST_ARGS; the stage's summary joins the totals.
ctest_stage() {
  local name="$1" dir="$2" targets="$3" args="$4" start rc=0
  shift 4
  start=$SECONDS
  dynafake_log "stage $name: $dir"
  dynafake_configure "$dir" "$@"
  [ -n "$targets" ] || [ "$fast" -eq 1 ] || aws_sdk_report "$dir"
  if [ -z "$targets" ] && [ "${#ctest_args[@]}" -gt 0 ]; then
    targets="$(label_targets "$dir" "${ctest_args[@]}")"
  fi
  local build=(cmake --build "$dir" -j"$jobs")
  # shellcheck disable=SC2206
  [ -z "$targets" ] || [ "$targets" = "-" ] || build+=(--target $targets)
  if [ "$targets" = "-" ]; then
    dynafake_log "the selected tests need no build"
  elif dynafake_log "${build[*]}" && ! "${build[@]}"; then
    report+=("stage $name: the build failed")
    failed=$((failed + 1)); total=$((total + 1))
    return
  fi
  dynafake_log "ctest -j$jobs $args (in $dir)"
  local log="$dir/ctest-output.log"
  set +e
  # shellcheck disable=SC2086
  (cd "$dir" && ctest --output-on-failure -j"$jobs" $args ${ctest_args[@]+"${ctest_args[@]}"}) 2>&1 | tee "$log"
  set -e
  count_stage "$name" "$log" $((SECONDS - start))
}

if [ "$fast" -eq 1 ]; then
  # The contributor's loop: the checks that need no build first (a stale
  # generated file or a misformatted line fails in seconds), then the core's
  # suites, in a plain tree with only what they need.
  fast_dir="${BUILD_DIR:-build-fast}"
  fast_cmake=(-DDYNAFAKE_SANITIZE= -DDYNAFAKE_BUILD_EXAMPLES=OFF -DDYNAFAKE_BUILD_BENCH=OFF
              -DDYNAFAKE_BUILD_SERVER=OFF -DDYNAFAKE_INSTALL=OFF -DCMAKE_DISABLE_FIND_PACKAGE_AWSSDK=ON
              -DDYNAFAKE_SPLIT_PARTS=ON)
  ctest_args=(-L generated)
  ctest_stage checks "$fast_dir" "" "" "${fast_cmake[@]}"
  if [ "$failed" -eq 0 ]; then
    ctest_args=(-L '^(unit|unit-wire|expression|wire|testing)$')
    ctest_stage fast "$fast_dir" "" "" "${fast_cmake[@]}"
  else
    report+=("stage fast: not run (fix the checks first)")
  fi
elif [ "$single" -eq 1 ]; then
  name="${suffix#-}"
  ctest_stage "${name:-main}" "${BUILD_DIR:-build$suffix}" "" "" -DDYNAFAKE_SANITIZE="$sanitize"
else
  ctest_stage main "${BUILD_DIR:-build}" "" "" -DDYNAFAKE_SANITIZE="$sanitize"
  ctest_stage tsan build-tsan "${tsan_targets[*]}" "-R ^($tsan_tests)\." -DDYNAFAKE_SANITIZE=thread
  start=$SECONDS
  dynafake_log "stage fuzz: bash scripts/fuzz.sh ${DYNAFAKE_FUZZ_SECONDS:-60}"
  mkdir -p build-fuzz
  set +e
  # A fixed seed keeps the CI stage's runs close to each other (see fuzz/run_fuzzer.sh).
  env -u BUILD_DIR DYNAFAKE_FUZZ_SEED="${DYNAFAKE_FUZZ_SEED:-1}" bash scripts/fuzz.sh "${DYNAFAKE_FUZZ_SECONDS:-60}" 2>&1 |
    tee build-fuzz/fuzz-stage.log
  set -e
  count_stage fuzz build-fuzz/fuzz-stage.log $((SECONDS - start))
fi

echo
printf '%s\n' "${report[@]}"
if [ "$total" -eq 0 ]; then
  echo "ctest did not report a summary"
  exit 1
fi
# The summary over all stages, in CTest's words, is the last line of the run.
echo
echo "$((passed * 100 / total))% tests passed, $failed tests failed out of $total"
[ "$failed" -eq 0 ]

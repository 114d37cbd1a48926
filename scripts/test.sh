#!/usr/bin/env bash
# dynafake's test command: `bash scripts/test.sh` (CI runs exactly this).
#
# Installs what is missing (Debian/Ubuntu packages, boto3 and the AWS CLI),
# configures, builds everything with -Werror, and runs every test with CTest.
# Ends with CTest's summary line; exits non-zero when anything fails.
#
#   bash scripts/test.sh              g++ (or $CXX), build dir ./build
#   bash scripts/test.sh --sanitize   AddressSanitizer + UBSan, ./build-asan
#   bash scripts/test.sh --tsan       ThreadSanitizer, ./build-tsan
#   bash scripts/test.sh --clang      clang++, ./build-clang (combines with the above)
#
# BUILD_DIR overrides the build directory; CXX picks the compiler; extra
# arguments after `--` go to ctest (e.g. `-- -R Backup -L unit`).
#
# The aws-sdk-cpp front (dynafake::aws_sdk) and its tests are built when an
# installed aws-sdk-cpp is found: on CMAKE_PREFIX_PATH, or the one
# `bash scripts/aws-sdk-cpp.sh` built into its cache. The run says which, or
# why the front was not built.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

sanitize=""
suffix=""
use_clang=0
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize|--asan) sanitize="address,undefined"; suffix="-asan" ;;
    --tsan) sanitize="thread"; suffix="-tsan" ;;
    --clang) use_clang=1 ;;
    --) shift; ctest_args=("$@"); break ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) dynafake_die "unknown option '$1' (try --help)" ;;
  esac
  shift
done

packages=("${DYNAFAKE_PACKAGES[@]}")
if [ "$use_clang" -eq 1 ]; then
  packages+=(clang)
  export CXX=clang++
  suffix="-clang$suffix"
fi
dynafake_ensure_packages "${packages[@]}"
dynafake_ensure_real_clients

build_dir="${BUILD_DIR:-build$suffix}"
jobs="$(dynafake_jobs)"

if [ -n "$sanitize" ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
fi

sdk_prefix="$(dynafake_find_sdk)"
if [ -n "$sdk_prefix" ]; then
  dynafake_log "aws-sdk-cpp: using $sdk_prefix (from scripts/aws-sdk-cpp.sh's cache)"
  export CMAKE_PREFIX_PATH="$sdk_prefix${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}"
fi

dynafake_configure "$build_dir" -DDYNAFAKE_SANITIZE="$sanitize"
aws_sdk_status="$(sed -n 's/^DYNAFAKE_AWS_SDK_STATUS:INTERNAL=//p' "$build_dir/CMakeCache.txt")"
aws_sdk_line="aws-sdk-cpp front (dynafake::aws_sdk): ${aws_sdk_status:-unknown (configure did not say)}"
case "$aws_sdk_status" in
  available*) ;;
  *) aws_sdk_line="$aws_sdk_line; its tests are not built (bash scripts/aws-sdk-cpp.sh builds the SDK from ../shared/vendor)" ;;
esac
dynafake_log "$aws_sdk_line"
dynafake_log "cmake --build $build_dir -j$jobs"
cmake --build "$build_dir" -j"$jobs"

dynafake_log "ctest -j$jobs (in $build_dir)"
log="$build_dir/ctest-output.log"
set +e
(cd "$build_dir" && ctest --output-on-failure -j"$jobs" ${ctest_args[@]+"${ctest_args[@]}"}) 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# CTest prints its summary before the timing and the list of failures; repeat
# it so it is the last line of the run.
summary="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
echo
echo "$aws_sdk_line"
if [ -n "$summary" ]; then
  echo "$summary"
else
  echo "ctest did not report a summary (exit status $rc)"
  [ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"

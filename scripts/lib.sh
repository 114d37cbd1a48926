# Shared by scripts/test.sh and scripts/demo.sh. Source it; do not run it.
#
# Makes a fresh Debian/Ubuntu machine ready to build and test dynafake:
# installs whatever is missing (with sudo when not root), then configures a
# build tree the same way for both scripts.

# Packages the build and the test suite need.
DYNAFAKE_PACKAGES=(cmake g++ make python3 git pkg-config clang-format libgtest-dev libgmock-dev nlohmann-json3-dev
                   libbenchmark-dev libcpp-httplib-dev libcli11-dev)

# What scripts/test.sh adds: a real browser for the dashboard's test
# (tests/python/server_dashboard.py): Debian's chromium, headless, driven by
# selenium through chromedriver.
DYNAFAKE_BROWSER_PACKAGES=(chromium chromium-driver python3-selenium)

# What scripts/fuzz.sh adds: clang, and libFuzzer's runtime for clang-14
# (libclang_rt.fuzzer-x86_64.a, which -fsanitize=fuzzer links, is in
# libclang-rt-14-dev; `apt-cache search libfuzzer` also lists libfuzzer-14-dev,
# a standalone libFuzzer.a that clang's -fsanitize=fuzzer does not use).
DYNAFAKE_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

dynafake_log() { printf '==> %s\n' "$*" >&2; }
dynafake_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
dynafake_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

_dynafake_apt_updated=0
# dynafake_apt_install PKG...: apt-get install the packages (apt-get update first, once).
dynafake_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$_dynafake_apt_updated" -eq 0 ]; then
    dynafake_log "apt-get update"
    dynafake_as_root apt-get update -q || return 1
    _dynafake_apt_updated=1
  fi
  dynafake_log "apt-get install -y $*"
  dynafake_as_root apt-get install -y -q --no-install-recommends "$@"
}

# dynafake_ensure_packages PKG...: installs the Debian packages that dpkg does not know.
dynafake_ensure_packages() {
  if ! command -v dpkg >/dev/null 2>&1; then
    dynafake_log "no dpkg here (not Debian/Ubuntu): make sure these are installed: $*"
    return 0
  fi
  local missing=() p
  for p in "$@"; do
    if ! dpkg -s "$p" >/dev/null 2>&1; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  dynafake_log "missing packages: ${missing[*]}"
  dynafake_apt_install "${missing[@]}" ||
    dynafake_die "could not install ${missing[*]}; install them (as root: apt-get install -y ${missing[*]}) and run again"
}

# The real clients the HTTP tests drive: boto3/botocore and the AWS CLI.
# Required, never skipped.
dynafake_ensure_real_clients() {
  if ! python3 -c 'import boto3, botocore' >/dev/null 2>&1; then
    dynafake_log "python3 cannot import boto3/botocore: installing python3-boto3"
    dynafake_apt_install python3-boto3 || true
    python3 -c 'import boto3, botocore' >/dev/null 2>&1 ||
      dynafake_die "python3 ($(command -v python3)) cannot import boto3 and botocore; install them" \
                   "(apt-get install python3-boto3, or: python3 -m pip install boto3)"
  fi
  if ! aws --version >/dev/null 2>&1; then
    dynafake_log "no working 'aws' command: installing awscli"
    dynafake_apt_install awscli || true
    hash -r
    aws --version >/dev/null 2>&1 ||
      dynafake_die "the AWS CLI ('aws') is required; install it (apt-get install awscli, or: python3 -m pip install awscli)"
  fi
}

# dynafake_configure BUILD_DIR [cmake args...]: configures a build tree with the
# options both scripts share (debug build, benchmarks built and smoke-run).
dynafake_configure() {
  local dir="$1"
  shift
  dynafake_log "cmake -S . -B $dir ${CXX:+(CXX=$CXX)}"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DDYNAFAKE_BUILD_BENCH=ON \
        -DPython3_EXECUTABLE="$(command -v python3)" "$@"
}

dynafake_jobs() { nproc 2>/dev/null || echo 2; }

# The cache scripts/aws-sdk-cpp.sh installs aws-sdk-cpp into.
dynafake_sdk_cache() { echo "${DYNAFAKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dynafake}"; }

# dynafake_find_sdk: prints the prefix of a finished aws-sdk-cpp install in
# that cache (the newest), or nothing. CMAKE_PREFIX_PATH is CMake's own business.
dynafake_find_sdk() {
  local stamp newest=""
  for stamp in "$(dynafake_sdk_cache)"/aws-sdk-cpp-*/.dynafake-complete; do
    [ -f "$stamp" ] || continue
    if [ -z "$newest" ] || [ "$stamp" -nt "$newest" ]; then newest="$stamp"; fi
  done
  [ -n "$newest" ] && dirname "$newest"
  return 0
}

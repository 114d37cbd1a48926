#!/usr/bin/env bash
# Builds aws-sdk-cpp (core + DynamoDB) once into a cache outside the repo and
# prints its install prefix on stdout (everything else goes to stderr).
#
#   bash scripts/aws-sdk-cpp.sh [SOURCE_TARBALL]
#
# SOURCE_TARBALL defaults to ../shared/vendor/aws-sdk-cpp-*-dynamodb.tar.xz
# beside the repository. The prefix is keyed by the tarball's sha256:
#   ${DYNAFAKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dynafake}/aws-sdk-cpp-<sha256 prefix>
# and reused when it holds a finished install (a stamp file is written last,
# so an interrupted build is redone, never half-used). Nothing is downloaded:
# the source is the tarball, the build dependencies are Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

tarball="${1:-}"
if [ -z "$tarball" ]; then
  for candidate in ../shared/vendor/aws-sdk-cpp-*-dynamodb.tar.xz; do
    [ -f "$candidate" ] && tarball="$candidate"
  done
fi
[ -n "$tarball" ] && [ -f "$tarball" ] ||
  dynafake_die "no aws-sdk-cpp source tarball (looked for ../shared/vendor/aws-sdk-cpp-*-dynamodb.tar.xz); pass its path"
tarball="$(readlink -f "$tarball")"

sha="$(sha256sum "$tarball" | cut -c1-16)"
if [ -f "$tarball.sha256" ]; then
  expected="$(cut -c1-16 "$tarball.sha256")"
  [ "$expected" = "$sha" ] || dynafake_die "$tarball does not match its .sha256 file"
fi
cache_root="$(dynafake_sdk_cache)"
prefix="$cache_root/aws-sdk-cpp-$sha"
stamp="$prefix/.dynafake-complete"

if [ -f "$stamp" ]; then
  dynafake_log "aws-sdk-cpp: reusing $prefix"
  echo "$prefix"
  exit 0
fi

# apt-get talks on stdout; stdout is for the prefix only.
dynafake_ensure_packages cmake g++ make libcurl4-openssl-dev libssl-dev zlib1g-dev ninja-build xz-utils >&2

work="$cache_root/aws-sdk-cpp-$sha.build"
rm -rf "$work" "$prefix"
mkdir -p "$work/src"
dynafake_log "aws-sdk-cpp: unpacking $(basename "$tarball")"
tar -xJf "$tarball" -C "$work/src"
src="$(find "$work/src" -mindepth 1 -maxdepth 1 -type d | head -n 1)"

dynafake_log "aws-sdk-cpp: configuring (about 30 s)"
cmake -S "$src" -B "$work/build" -G Ninja \
  -DBUILD_ONLY=dynamodb -DENABLE_TESTING=OFF -DAUTORUN_UNIT_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DUSE_OPENSSL=ON \
  -DAWS_SDK_WARNINGS_ARE_ERRORS=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >&2
dynafake_log "aws-sdk-cpp: building (about 3 min on 2 cores; once per machine)"
cmake --build "$work/build" -j"$(dynafake_jobs)" >&2
cmake --install "$work/build" >&2
rm -rf "$work"
date -u +%FT%TZ >"$stamp"
dynafake_log "aws-sdk-cpp: installed in $prefix"
echo "$prefix"

#!/usr/bin/env bash
# dynafake-server on loopback: `bash scripts/server.sh [flags]`.
#
# Installs what is missing (Debian/Ubuntu packages), builds the dynafake-server
# program and runs it with the given flags (see `bash scripts/server.sh --help`).
# BUILD_DIR overrides the build directory (default ./build, shared with the
# other scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

dynafake_ensure_packages "${DYNAFAKE_PACKAGES[@]}"

build_dir="${BUILD_DIR:-build}"
dynafake_configure "$build_dir" >&2
dynafake_log "cmake --build $build_dir --target dynafake-server" >&2
cmake --build "$build_dir" --target dynafake-server -j"$(dynafake_jobs)" >&2

exec "$build_dir/tools/dynafake-server/dynafake-server" "$@"

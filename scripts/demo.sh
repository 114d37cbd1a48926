#!/usr/bin/env bash
# dynafake's demo: `bash scripts/demo.sh`.
#
# Installs what is missing (Debian/Ubuntu packages), builds only the demo
# program (examples/demo.cpp, target example_demo) and runs it. BUILD_DIR
# overrides the build directory (default ./build, shared with scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

[ -f examples/demo.cpp ] || dynafake_die "examples/demo.cpp does not exist yet"

dynafake_ensure_packages "${DYNAFAKE_PACKAGES[@]}"

build_dir="${BUILD_DIR:-build}"
dynafake_configure "$build_dir"
dynafake_log "cmake --build $build_dir --target example_demo"
cmake --build "$build_dir" --target example_demo -j"$(dynafake_jobs)"

dynafake_log "running examples/demo.cpp"
echo
exec "$build_dir/examples/example_demo" "$@"

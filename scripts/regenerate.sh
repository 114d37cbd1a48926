#!/usr/bin/env bash
# Regenerates every generated file of the tree and says which ones changed.
#
#   bash scripts/regenerate.sh          from the committed model subset
#   bash scripts/regenerate.sh --pull   first re-pull the subset from the
#                                       installed botocore (tools/add_shape.py,
#                                       which records botocore's version in it)
#
# The steps: [the subset from botocore], every tools/generate_<name>.py (the
# typed model, the JSON wire's readers, the aws-sdk-cpp mapping; the CTest
# tests generated_<name>_up_to_date compare the same outputs), then the
# single header (tools/amalgamate.py; single_header_up_to_date). On a clean
# checkout the tree is unchanged afterwards; when it is not, the files listed
# at the end are what to commit with the change that made them.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
source scripts/lib.sh

pull=0
case "${1:-}" in
  "") ;;
  --pull) pull=1 ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) dynafake_die "unknown option '$1' (try --help)" ;;
esac

subset=tools/dynamodb-2012-08-10-backup-subset.json
if [ "$pull" -eq 1 ]; then
  python3 -c 'import botocore' 2>/dev/null ||
    dynafake_die "--pull needs botocore (apt-get install python3-botocore, or python3-boto3)"
  dynafake_log "python3 tools/add_shape.py (re-pull $subset)"
  python3 tools/add_shape.py
fi
dynafake_log "model subset: botocore $(python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get('dynafake', {}).get('botocoreVersion', '(version not recorded)'))" "$subset")"

# Every generated file: under a generated/ folder, or the single header.
generated_files() {
  find include tests single_include -type f \( -path '*/generated/*' -o -path 'single_include/*' \) | sort
}
before="$(generated_files | xargs md5sum)"

for generator in tools/generate_*.py; do
  dynafake_log "python3 $generator"
  python3 "$generator" >/dev/null
done
dynafake_log "python3 tools/amalgamate.py"
python3 tools/amalgamate.py >/dev/null

changed="$(diff <(echo "$before") <(generated_files | xargs md5sum) | sed -n 's/^> [0-9a-f]*  //p' || true)"
if [ -z "$changed" ]; then
  dynafake_log "every generated file was already current"
else
  dynafake_log "regenerated, changed or new (commit them with the change that made them):"
  printf '  %s\n' $changed >&2
fi

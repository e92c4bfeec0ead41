#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml). Inputs arrive as INPUT_* variables; counts go to GITHUB_OUTPUT.
set -uo pipefail

speclint=("node" "$GITHUB_ACTION_PATH/bin/speclint.js")
read -r -a paths <<< "${INPUT_PATHS:-.}"
args=()
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")

report=$(mktemp)
formats=(-f "${INPUT_FORMAT:-github}" -f json)
outputs=(-o "$report")
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  formats+=(-f sarif)
  outputs+=(-o "$INPUT_SARIF_FILE")
fi

"${speclint[@]}" "${args[@]}" "${formats[@]}" "${outputs[@]}" "${paths[@]}"
status=$?

if [ "$status" -eq 2 ]; then
  echo "::error title=speclint::speclint could not run (usage, configuration or read error); see the log above"
  rm -f "$report"
  exit 2
fi

read -r errors warnings files < <(node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(r.errorCount, r.warningCount, r.results.length);
' "$report")
rm -f "$report"
{
  echo "errors=$errors"
  echo "warnings=$warnings"
  echo "files=$files"
} >> "${GITHUB_OUTPUT:-/dev/null}"

max_warnings="${INPUT_MAX_WARNINGS:--1}"
case "${INPUT_FAIL_ON:-error}" in
  never) exit 0 ;;
  warning) [ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ] || exit 1 ;;
  error)
    [ "$errors" -eq 0 ] || exit 1
    if [ "$max_warnings" -ge 0 ] && [ "$warnings" -gt "$max_warnings" ]; then
      echo "speclint found too many warnings (maximum: $max_warnings)."
      exit 1
    fi ;;
  *) echo "::error title=speclint::fail-on must be error, warning or never (got \"$INPUT_FAIL_ON\")"; exit 2 ;;
esac
exit 0

#!/usr/bin/env bash
# Prints every test that did not pass (at most 20, "failed: <name> (<outcome>): <first line of its message>") and
# then, as the last line, "tests: N passed, N failed, N skipped" summed over the TRX files `dotnet test --logger trx` wrote, one count per test
# result: Passed, NotExecuted (skipped), anything else (Failed, Error, Timeout...) is a failure. A test host that crashed
# or was killed for hanging leaves no result for the test it was running: that run counts as one failure, named by its
# TRX file (VSTest's run-level <Text> element; a test's own output saying the same is escaped in the TRX and not matched).
# The names come last so that a CI log's tail shows which test broke.
set -euo pipefail
results=${1:?usage: scripts/test-summary.sh RESULTS_DIR}
[ -d "$results" ] || results=/dev/null
# make test's short chaos run (scripts/chaos.sh) leaves its report here; its exit code already failed make when broken.
if [ -f "$results/CHAOS-short.md" ]; then
  broken=$(grep -cE '\*\*(FAIL|NOT MEASURED)\*\*' "$results/CHAOS-short.md" || true)
  echo "chaos (short fault run): $([ "$broken" = 0 ] && echo "every must-be held" || echo "$broken must-be broken"), report $results/CHAOS-short.md"
fi
# Each TRX file is read as records that start at a <UnitTestResult> element; a failure's first message line is kept.
mapfile -d '' trx < <(find "$results" -name '*.trx' -print0 2>/dev/null)
[ ${#trx[@]} -gt 0 ] || trx=(/dev/null)
awk -v RS='<UnitTestResult ' '
  function decoded(text) {
    gsub(/&quot;/, "\"", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&apos;/, "\047", text)
    gsub(/&#xD;/, "", text); gsub(/&#xA;/, " ", text); gsub(/&amp;/, "\\&", text)
    return text
  }
  {
    file = FILENAME; sub(/.*\//, "", file)
    if (index($0, "<Text>The active test run was aborted")) { failed++; name[failed] = "(a test host aborted; see " file ")" }
    if (FNR == 1) next
    head = substr($0, 1, index($0, ">"))
    if (!match(head, / ?outcome="[A-Za-z]+"/)) { failed++; name[failed] = "(a result without an outcome in " file ")"; next }
    outcome = head; sub(/.*outcome="/, "", outcome); sub(/".*/, "", outcome)
  }
  outcome == "Passed" { passed++; next }
  outcome == "NotExecuted" { skipped++; next }
  {
    failed++
    test = "(unnamed)"
    if (match(head, /testName="[^"]*"/)) test = decoded(substr(head, RSTART + 10, RLENGTH - 11))
    message = ""
    if (match($0, /<Message>[^<]*/)) {
      message = substr($0, RSTART + 9, RLENGTH - 9); sub(/[\r\n].*/, "", message); message = decoded(message)
      if (length(message) > 300) message = substr(message, 1, 300) "..."
    }
    name[failed] = test " (" outcome ")" (message == "" ? "" : ": " message)
  }
  END {
    for (i = 1; i <= failed && i <= 20; i++) print "failed: " name[i]
    if (failed > 20) print "failed: ... and " failed - 20 " more"
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "${trx[@]}"

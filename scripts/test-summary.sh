#!/usr/bin/env bash
# Prints every test that did not pass (at most 20, "failed: <name> (<outcome>): <first line of its message>") and
# then, as the last line, "tests: N passed, N failed, N skipped" summed over the TRX files `dotnet test --logger trx`
# wrote ("tests: no results" when there is none), one count per test result: Passed, NotExecuted (skipped), anything
# else (Failed, Error, Timeout...) is a failure. A test host that crashed or was killed for hanging leaves no result
# for the test it was running: that run counts as one failure, named by its TRX file (VSTest's run-level <Text>
# element; a test's own output saying the same is escaped in the TRX and not matched). The names come last so that a
# CI log's tail shows which test broke.
set -euo pipefail
results=${1:?usage: scripts/test-summary.sh RESULTS_DIR}
# make test's short chaos run (scripts/chaos.sh) leaves its report here; its exit code already failed make when broken.
if [ -f "$results/CHAOS-short.md" ]; then
  broken=$(grep -cE '\*\*(FAIL|NOT MEASURED)\*\*' "$results/CHAOS-short.md" || true)
  echo "chaos (short fault run): $([ "$broken" = 0 ] && echo "every must-be held" || echo "$broken must-be broken"), report $results/CHAOS-short.md"
fi
# Each TRX file is read as records that start at a <UnitTestResult> element; a failure's first message line is kept.
# A test host that aborted (crash, or killed by --blame-hang-timeout) leaves a blame Sequence_*.xml whose tests marked
# Completed="False" were running then; they are named with the abort, and aborts come first, ahead of the 20-line cap.
mapfile -d '' trx < <(find "$results" -name '*.trx' -print0 2>/dev/null)
if [ ${#trx[@]} -eq 0 ]; then
  echo "tests: no results (no TRX file in $1)"
  exit 0
fi
# Passed through the environment: awk -v would read backslashes in test names as escapes.
RUNNING=$(find "$results" -name 'Sequence_*.xml' -exec grep -ho '<Test [^>]*Completed="False"' {} + 2>/dev/null | sort -u || true)
export RUNNING
awk -v RS='<UnitTestResult ' '
  function decoded(text) {
    gsub(/&quot;/, "\"", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&apos;/, "\047", text)
    gsub(/&#xD;/, "", text); gsub(/&#xA;/, " ", text); gsub(/&amp;/, "\\&", text)
    return text
  }
  function attribute(element, key,    value) {
    if (!match(element, " " key "=\"[^\"]*\"")) return ""
    value = substr(element, RSTART + length(key) + 3, RLENGTH - length(key) - 4)
    return decoded(value)
  }
  {
    file = FILENAME; sub(/.*\//, "", file)
    if (index($0, "<Text>The active test run was aborted")) { failed++; aborted[++aborts] = "(a test host aborted; see " file ")" }
    if (FNR == 1) next
    head = " " substr($0, 1, index($0, ">"))
    outcome = attribute(head, "outcome")
    if (outcome == "") { failed++; name[++named] = "(a result without an outcome in " file ")"; next }
  }
  outcome == "Passed" { passed++; next }
  outcome == "NotExecuted" { skipped++; next }
  {
    failed++
    test = attribute(head, "testName"); if (test == "") test = "(unnamed)"
    message = ""
    if (match($0, /<Message>[^<]*/)) {
      message = substr($0, RSTART + 9, RLENGTH - 9); gsub(/&#xD;/, "", message); gsub(/&#xA;/, "\n", message)
      sub(/^[ \t\r\n]+/, "", message); sub(/[\r\n].*/, "", message); message = decoded(message)
      # At most 300 bytes (mawk counts bytes), without the UTF-8 character the cut would split.
      if (length(message) > 300) { message = substr(message, 1, 300); sub(/[\300-\367][\200-\277]*$/, "", message); message = message "..." }
    }
    name[++named] = test " (" outcome ")" (message == "" ? "" : ": " message)
  }
  END {
    for (i = 1; i <= aborts; i++) print "failed: " aborted[i]
    n = split(ENVIRON["RUNNING"], tests, "\n")
    for (i = 1; i <= n; i++) {
      test = attribute(tests[i], "DisplayName"); if (test == "") test = attribute(tests[i], "Name")
      source = attribute(tests[i], "Source"); sub(/.*\//, "", source)
      if (test != "") print "aborted while running: " test " (" source ")"
    }
    for (i = 1; i <= named && i <= 20; i++) print "failed: " name[i]
    if (named > 20) print "failed: ... and " named - 20 " more"
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "${trx[@]}"

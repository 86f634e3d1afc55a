#!/usr/bin/env bash
# Prints "tests: N passed, N failed, N skipped" summed over the TRX files `dotnet test --logger trx` wrote, one count
# per test result: Passed, NotExecuted (skipped), anything else (Failed, Error, Timeout...) is a failure. A test host
# that crashed or was killed for hanging leaves no result for the test it was running: that test counts as failed.
set -euo pipefail
results=${1:?usage: scripts/test-summary.sh RESULTS_DIR}
[ -d "$results" ] || results=/dev/null
# make test's short chaos run (scripts/chaos.sh) leaves its report here; its exit code already failed make when broken.
if [ -f "$results/CHAOS-short.md" ]; then
  broken=$(grep -cE '\*\*(FAIL|NOT MEASURED)\*\*' "$results/CHAOS-short.md" || true)
  echo "chaos (short fault run): $([ "$broken" = 0 ] && echo "every must-be held" || echo "$broken must-be broken"), report $results/CHAOS-short.md"
fi
find "$results" -name '*.trx' -exec grep -hoE '<UnitTestResult [^>]*|The active test run was aborted' {} + 2>/dev/null | awk '
  /^The active test run was aborted/ { failed++; next }
  !match($0, / outcome="[A-Za-z]+"/) { failed++; next }
  { outcome = substr($0, RSTART + 10, RLENGTH - 11) }
  outcome == "Passed" { passed++; next }
  outcome == "NotExecuted" { skipped++; next }
  { failed++ }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }'

#!/usr/bin/env bash
# What CI runs (through .ci/run) on a fresh Debian 12 machine as root, and what to run before pushing:
# installs the Debian packages the test fixtures start, checks formatting, builds, runs every test project,
# and ends with one line of totals, "N passed, N failed, N skipped". Exits non-zero when anything failed.
# HELIODESK_TEST_FILTER, if set, is passed to the tests as a filter in VSTest syntax,
# e.g. HELIODESK_TEST_FILTER='FullyQualifiedName~Tickets' ./test.sh
set -euo pipefail

# The real peers the test fixtures start on 127.0.0.1.
DEBIAN_PACKAGES=(postgresql postfix dovecot-imapd chromium)
SOLUTION=Heliodesk.slnx
RESULTS_DIR=artifacts/test-results

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

install_missing_packages() {
  local package missing=()
  for package in "${DEBIAN_PACKAGES[@]}"; do
    # Not just dpkg's exit code: it also succeeds for removed packages whose config files remain.
    [[ "$(dpkg -s "$package" 2>/dev/null || true)" == *"Status: install ok installed"* ]] || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi

  echo "==> Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have empty package lists; a machine that has everything never pays for this.
  apt-get update -qq
  if [[ " ${missing[*]} " == *" postfix "* ]]; then
    # Without this, postfix asks which mail setup to configure; the test fixtures bring their own config.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Sums the TRX counters of all test projects; prints "passed failed skipped".
sum_trx_counters() {
  shopt -s nullglob
  local files=("$RESULTS_DIR"/*.trx)
  awk '{
    line = $0
    while (match(line, /<Counters [^>]*>/)) {
      n = split(substr(line, RSTART, RLENGTH), parts, "\"")
      line = substr(line, RSTART + RLENGTH)
      for (i = 1; i < n; i += 2) {  # parts: <Counters total= | 3 | executed= | 3 | ...
        name = parts[i]; sub(/^.* /, "", name); sub(/=$/, "", name)
        count[name] += parts[i + 1]
      }
    }
  }
  END {
    print count["passed"] + 0, count["failed"] + count["error"] + count["timeout"] + count["aborted"], \
      count["notExecuted"] + 0
  }' "${files[@]}" </dev/null
}

# Names each failed test with the first line of its message, so the end of the log says what broke.
list_failed_tests() {
  shopt -s nullglob
  local files=("$RESULTS_DIR"/*.trx)
  awk 'BEGIN { RS = "<UnitTestResult " }
  /^testName="[^"]*" outcome="(Failed|Error|Timeout|Aborted)"/ {
    name = $0; sub(/^testName="/, "", name); sub(/".*/, "", name)
    message = ""
    if (match($0, /<Message>[^<]*/)) { message = substr($0, RSTART + 9, RLENGTH - 9); sub(/\n.*/, "", message) }
    printf "  failed: %s\n    %s\n", name, substr(message, 1, 400)
  }' "${files[@]}" </dev/null
}

failures=()
install_missing_packages
rm -rf "$RESULTS_DIR"

echo "==> dotnet format --verify-no-changes"
dotnet format "$SOLUTION" --verify-no-changes || failures+=("formatting (run: dotnet format $SOLUTION)")

echo "==> dotnet build -c Release"
if dotnet build "$SOLUTION" -c Release; then
  echo "==> dotnet test"
  test_args=(--solution "$SOLUTION" -c Release --no-build --report-xunit-trx --results-directory "$RESULTS_DIR")
  if [ -n "${HELIODESK_TEST_FILTER:-}" ]; then
    # Exit code 8 means "zero tests ran": expected for test projects the filter leaves empty.
    test_args+=(--filter "$HELIODESK_TEST_FILTER" --ignore-exit-code 8)
  fi
  dotnet test "${test_args[@]}" || failures+=("tests (dotnet test exited with $?)")
else
  failures+=("build")
fi

read -r passed failed skipped < <(sum_trx_counters)
if [ "$failed" -gt 0 ] && [ ${#failures[@]} -eq 0 ]; then
  failures+=("tests ($failed failed)")
fi
if [ "$((passed + failed + skipped))" -eq 0 ] && [ ${#failures[@]} -eq 0 ]; then
  failures+=("tests (none ran, or no TRX reports in $RESULTS_DIR)")
fi
if [ ${#failures[@]} -gt 0 ]; then
  list_failed_tests
  printf 'FAILED: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ ${#failures[@]} -eq 0 ]

#!/usr/bin/env bash
# Runs the nightly job for yesterday (or the date given as $1) with the settings of
# budget-monitor.conf; writes a dated log and passes the job's exit code on (README, "Exit codes").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
conf="${BUDGET_MONITOR_CONF:-$here/budget-monitor.conf}"
# shellcheck source=budget-monitor.conf
. "$conf"

as_of="${1:-$(date -d yesterday +%F)}"
mkdir -p "$LOG_DIR"
log="$LOG_DIR/nightly-$as_of-$(date +%Y%m%dT%H%M%S).log"

set +e
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$APP_JAR" --job=nightly --as-of="$as_of" --plan-dir="$PLAN_DIR" --inbox="$INBOX" \
    --output-dir="$OUTPUT_DIR" --data-dir="$DATA_DIR" $APP_OPTS 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
set -e
exit "$code"

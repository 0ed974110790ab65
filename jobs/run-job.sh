#!/usr/bin/env bash
# Shared by nightly.sh and quarterly.sh: runs one budget-monitor job under an exclusive lock, with
# the settings of budget-monitor.conf, writes a dated log file, prints the run summary for cron's
# MAILTO and exits with the job's code:
#   0 success, 4 success with RED projects, 2 bad input or configuration, 3 already running, 1 failure.
set -uo pipefail
job="$1"
as_of="$2"
here="$(cd "$(dirname "$0")" && pwd)"
conf="${BUDGET_MONITOR_CONF:-$here/budget-monitor.conf}"
if [ ! -r "$conf" ]; then
    echo "budget-monitor: no configuration at $conf" >&2
    exit 2
fi
# shellcheck source=budget-monitor.conf
. "$conf"

mkdir -p "$LOG_DIR" "$(dirname "$LOCK_FILE")" || exit 2
log="$LOG_DIR/$job-$as_of-$(date +%Y%m%dT%H%M%S).log"

exec 9>"$LOCK_FILE"
if ! flock -n 9; then
    echo "budget-monitor $job $as_of: another run holds $LOCK_FILE; nothing was done." | tee -a "$log"
    exit 3
fi

# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$APP_JAR" --job="$job" --as-of="$as_of" --plan-dir="$PLAN_DIR" --inbox="$INBOX" \
    --archive-dir="$ARCHIVE_DIR" --progress-dir="$PROGRESS_DIR" --output-dir="$OUTPUT_DIR" --data-dir="$DATA_DIR" \
    --red-exit-code=true $APP_OPTS >"$log" 2>&1
code=$?
cat "$log"
echo "(exit code $code; log $log)"
exit "$code"

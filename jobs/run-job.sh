#!/usr/bin/env bash
# Shared by nightly.sh and quarterly.sh: runs one budget-monitor job under an exclusive lock, with
# the settings of a configuration file, writes a dated log file, prints the run summary for cron's
# MAILTO and exits with the job's code:
#   0 success, 4 success with RED projects, 2 bad input or configuration, 3 already running, 1 failure.
#
# The configuration is, in this order: $BUDGET_MONITOR_CONF if set (it must exist), else
# /etc/budget-monitor.conf when present ($BUDGET_MONITOR_ETC_CONF moves that path, for tests), else
# the budget-monitor.conf shipped next to this script. Stderr and the log's first line name the one used.
# Before anything is created, the jar, java and the input folders (PLAN_DIR, INBOX) are checked; a
# problem exits 2 naming each missing thing. Only then are LOG_DIR, DATA_DIR, OUTPUT_DIR,
# ARCHIVE_DIR and the lock file's folder created (the application creates what is inside them).
set -uo pipefail
job="$1"
as_of="$2"
here="$(cd "$(dirname "$0")" && pwd)"
etc_conf="${BUDGET_MONITOR_ETC_CONF:-/etc/budget-monitor.conf}"

if [ -n "${BUDGET_MONITOR_CONF:-}" ]; then
    conf="$BUDGET_MONITOR_CONF"
    origin="BUDGET_MONITOR_CONF"
elif [ -e "$etc_conf" ]; then
    conf="$etc_conf"
    origin="$etc_conf"
else
    conf="$here/budget-monitor.conf"
    origin="the shipped defaults; no $etc_conf"
fi
if [ ! -r "$conf" ]; then
    echo "budget-monitor $job $as_of: no configuration at $conf ($origin); nothing was done." >&2
    exit 2
fi
echo "budget-monitor: configuration $conf" >&2

# shellcheck source=budget-monitor.conf
. "$conf"

problems=()
for setting in APP_JAR JAVA PLAN_DIR INBOX ARCHIVE_DIR PROGRESS_DIR OUTPUT_DIR DATA_DIR LOG_DIR LOCK_FILE; do
    if [ -z "${!setting:-}" ]; then
        problems+=("$setting is not set in $conf")
    fi
done
if [ ${#problems[@]} -eq 0 ]; then
    [ -f "$APP_JAR" ] && [ -r "$APP_JAR" ] || problems+=("no application jar at $APP_JAR (APP_JAR)")
    command -v "$JAVA" >/dev/null 2>&1 || problems+=("no java command $JAVA (JAVA)")
    [ -d "$PLAN_DIR" ] || problems+=("no folder $PLAN_DIR (PLAN_DIR)")
    [ -d "$INBOX" ] || problems+=("no folder $INBOX (INBOX)")
fi
if [ ${#problems[@]} -gt 0 ]; then
    for problem in "${problems[@]}"; do
        echo "budget-monitor $job $as_of: $problem" >&2
    done
    echo "budget-monitor $job $as_of: fix $conf; nothing was done." >&2
    exit 2
fi

mkdir -p "$LOG_DIR" "$DATA_DIR" "$OUTPUT_DIR" "$ARCHIVE_DIR" "$(dirname "$LOCK_FILE")" || exit 2
log="$LOG_DIR/$job-$as_of-$(date +%Y%m%dT%H%M%S).log"
echo "budget-monitor: configuration $conf" >"$log"

exec 9>"$LOCK_FILE"
if ! flock -n 9; then
    echo "budget-monitor $job $as_of: another run holds $LOCK_FILE; nothing was done." | tee -a "$log"
    exit 3
fi

# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$APP_JAR" --job="$job" --as-of="$as_of" --plan-dir="$PLAN_DIR" --inbox="$INBOX" \
    --archive-dir="$ARCHIVE_DIR" --progress-dir="$PROGRESS_DIR" --output-dir="$OUTPUT_DIR" --data-dir="$DATA_DIR" \
    --red-exit-code=true ${APP_OPTS:-} >>"$log" 2>&1
code=$?
# -Xshare:auto skips an archive that does not fit this java and these jars without a word (a copy of target/app
# elsewhere, a java update): the run only starts slower. Checked after the run, so that it costs the night nothing.
archive=$(grep -o -- '-XX:SharedArchiveFile=[^ ]*' <<<"${JAVA_OPTS:-}" | head -1 | cut -d= -f2-)
if [ -n "$archive" ] && ! "$JAVA" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$APP_JAR" -version >/dev/null 2>&1; then
    echo "budget-monitor: the class-data archive $archive does not fit $APP_JAR and this java (made elsewhere or for" \
        "another java, or missing): every run starts about 2 s slower; make it again with jobs/install-app.sh" >>"$log"
fi
tail -n +2 "$log"
echo "(exit code $code; log $log)"
exit "$code"

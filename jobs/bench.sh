#!/usr/bin/env bash
# Measures ingest, the incremental nightly run and the reports on a generated data set, and prints
# the figures with the machine they were taken on. Sizes come from the environment:
#   BENCH_ROWS (default 1000000; the issue's full size is 10000000), BENCH_PROJECTS (50000),
#   BENCH_UNITS (500), BENCH_DAILY_ROWS (40000), BENCH_DIR (/tmp/budget-monitor-bench).
# PostgreSQL is measured too when BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) name a database.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${BENCH_ROWS:-1000000}
projects=${BENCH_PROJECTS:-50000}
units=${BENCH_UNITS:-500}
daily=${BENCH_DAILY_ROWS:-40000}
dir=${BENCH_DIR:-/tmp/budget-monitor-bench}
jar=target/budget-monitor.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
launcher=org.springframework.boot.loader.launch.PropertiesLauncher

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "data set: $rows payment lines, $projects projects in $units units, one day of $daily lines"
rm -rf "$dir" && mkdir -p "$dir"
java -Dloader.main=org.budgetmonitor.bench.DataSetGenerator -cp "$jar" $launcher --out="$dir/set" \
    --units="$units" --projects="$projects" --rows="$rows" --files=12 --daily-rows="$daily" --seed=42

step_seconds() { # log step -> seconds, from Spring Batch's "Step: [x] executed in 1m2s345ms"
    grep -E "Step: \[$2\] executed in" "$1" | tail -1 |
        perl -ne 'if (/executed in (?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?/) { printf "%.1f", ($1//0)*60+($2//0)+($3//0)/1000 }'
}
run() { # name, extra args… ; prints wall seconds and peak RSS
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$dir/$name.time" java -Xmx512m -jar "$jar" --plan-dir="$dir/set/plan" \
        --output-dir="$dir/out" --logging.level.org.springframework.batch=INFO "$@" > "$dir/$name.out" || true
    read -r wall rss < "$dir/$name.time"
    echo "$wall $((rss / 1024))"
}

echo
echo "(b) the floor"
java -Dloader.main=org.budgetmonitor.bench.IngestFloor -cp "$jar" $launcher "$dir/set/inbox" \
    "jdbc:h2:file:$dir/floor/db" | tee "$dir/floor.txt"
floor=$(grep "bare JDBC" "$dir/floor.txt" | sed -E 's/.*= ([0-9,]+) rows\/s.*/\1/' | tr -d ,)

echo
echo "(a) full ingest into H2 (and (d): variance and reports for $projects projects over $units units)"
read -r wall rss < <(run full-h2 --as-of=2026-11-30 --inbox="$dir/set/inbox" --data-dir="$dir/h2")
log="$dir/h2/logs/budget-monitor.log"
ingest=$(step_seconds "$log" ingest)
lines=$(grep -E "rows ingested" "$dir/full-h2.out" | sed -E 's/.* ([0-9]+) rows ingested, ([0-9]+) duplicates.*/\1 \2/' | awk '{print $1+$2}')
echo "ingest: $lines lines in ${ingest} s = $(awk -v l="$lines" -v s="$ingest" 'BEGIN{printf "%.0f", l/s}') rows/s;" \
    "$(awk -v l="$lines" -v s="$ingest" -v f="$floor" 'BEGIN{printf "%.0f%%", 100*l/s/f}') of the floor"
echo "whole run: ${wall} s wall, peak RSS ${rss} MB; variance $(step_seconds "$log" variance) s," \
    "reports $(step_seconds "$log" report) s"

if [ -n "${BENCH_PG_URL:-}" ]; then
    echo
    echo "(a) full ingest into PostgreSQL"
    read -r wall rss < <(run full-pg --as-of=2026-11-30 --inbox="$dir/set/inbox" --data-dir="$dir/pg" \
        --spring.profiles.active=postgres --spring.datasource.url="$BENCH_PG_URL" \
        --spring.datasource.username="${BENCH_PG_USER:-postgres}" --spring.datasource.password="${BENCH_PG_PASSWORD:-}")
    echo "ingest: $(step_seconds "$dir/pg/logs/budget-monitor.log" ingest) s; whole run ${wall} s, peak RSS ${rss} MB"
fi

echo
echo "(c) the nightly incremental run: one day's file on top of the year (reports excluded)"
cp "$dir"/set/daily/*.csv "$dir/set/inbox/"
read -r wall rss < <(run incremental --as-of=2026-12-01 --inbox="$dir/set/inbox" --data-dir="$dir/h2" \
    --monitor.report.enabled=false)
echo "incremental: ${wall} s wall including JVM start, peak RSS ${rss} MB (ingest $(step_seconds "$log" ingest) s," \
    "variance $(step_seconds "$log" variance) s)"

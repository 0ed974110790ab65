#!/usr/bin/env bash
# Measures, on one machine in one run, what README "PostgreSQL and scale" quotes:
#   (a) full ingest of the year's exports into H2 and into PostgreSQL, rows/s;
#   (b) the floor: the same files parsed by Commons CSV alone, and inserted by a bare JDBC batch
#       insert alone (into each database: a table with only a primary key, and the payments table
#       with the indexes our migrations give it), on PostgreSQL also by a bare COPY into the payments
#       table, and (a) as a share of each;
#   (c) the nightly incremental run: one day's export on top of the year, reports off, whole
#       process wall time including JVM start;
#   (d) variance and all reports for every project over every unit;
# with the peak RSS of each process. Every process runs with the JVM options of the cron wrapper's
# configuration (jobs/budget-monitor.conf: -Xmx512m, the parallel collector, C2 inlining less than its default).
#
# Sizes from the environment: BENCH_ROWS (default 10000000), BENCH_PROJECTS (50000), BENCH_UNITS (500),
# BENCH_DAILY_ROWS (40000), BENCH_DIR (/tmp/budget-monitor-bench); BENCH_PG=0 skips PostgreSQL, BENCH_H2=0 H2,
# BENCH_REPORTS=0 skips (d); BENCH_BACKUP_EVERY_DAYS (7) is the H2 night's second (c), with its weekly backup not due.
# PostgreSQL is a real server from the io.zonky binaries the tests use (BenchPostgres), nothing to install.
#
# jobs/bench.sh --small measures the sample night instead (jobs/bench-small.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == --small ]]; then
    exec jobs/bench-small.sh
fi
rows=${BENCH_ROWS:-10000000}
projects=${BENCH_PROJECTS:-50000}
units=${BENCH_UNITS:-500}
daily=${BENCH_DAILY_ROWS:-40000}
dir=${BENCH_DIR:-/tmp/budget-monitor-bench}
# The cron wrapper's JVM options and form of the application (target/app: the extracted jar and its CDS archive).
heap=$(APP_DIR=target/app && . jobs/budget-monitor.conf && echo "$JAVA_OPTS")
jar=target/app/budget-monitor.jar

mvn -q -B package -DskipTests
mvn -q -B test-compile  # the bench code (DataSetGenerator, IngestFloor, BenchPostgres) is test code, not in the jar
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
test_cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data set: $rows payment lines, $projects projects in $units units, one day of $daily lines"
rm -rf "$dir" && mkdir -p "$dir"
java -cp "$test_cp" org.budgetmonitor.bench.DataSetGenerator --out="$dir/set" \
    --units="$units" --projects="$projects" --rows="$rows" --files=12 --daily-rows="$daily" --seed=42
lines=$(( $(cat "$dir"/set/inbox/*.csv | wc -l) - $(ls "$dir"/set/inbox/*.csv | wc -l) ))
echo "export lines (with overlaps and repeats): $lines"

step_seconds() { # log step -> seconds, from Spring Batch's "Step: [x] executed in 1m2s345ms"
    grep -E "Step: \[$2\] executed in" "$1" | tail -1 |
        perl -ne 'if (/executed in (?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?/) { printf "%.1f", ($1//0)*60+($2//0)+($3//0)/1000 }'
}
run() { # name data-dir inbox as-of extra-args… ; prints "wall_seconds peak_rss_mb"
    local name=$1 data=$2 inbox=$3 asof=$4; shift 4
    /usr/bin/time -f "%e %M" -o "$dir/$name.time" java $heap -jar "$jar" --plan-dir="$dir/set/plan" \
        --output-dir="$dir/out-$name" --inbox="$inbox" --data-dir="$data" --as-of="$asof" \
        --logging.level.org.springframework.batch=INFO "$@" > "$dir/$name.out" 2>&1 || true
    read -r wall rss < "$dir/$name.time"
    echo "$wall $((rss / 1024))"
}
floor() { # name url [user password] ; prints the three floor lines and keeps them for the ratios
    local name=$1; shift
    java $heap -cp "$test_cp" org.budgetmonitor.bench.IngestFloor "$dir/set/inbox" "$@" \
        > "$dir/floor-$name.log" 2>&1 || { tail -20 "$dir/floor-$name.log"; exit 1; }
    grep '^floor:' "$dir/floor-$name.log" | tee "$dir/floor-$name.txt"
}
rate() { awk -v l="$1" -v s="$2" 'BEGIN{printf "%.0f", l/s}'; }
share() { awk -v r="$1" -v f="$2" 'BEGIN{printf "%.0f%%", 100*r/f}'; }
floor_rate() { grep "$2" "$1" | sed -E 's/.*= ([0-9,]+) rows\/s.*/\1/' | tr -d ,; }

pg_sql() { # a statement run by BenchPostgres on its server (fd 3); waits until it is done
    local done; done=$(grep -c '^done ' "$dir/pg.log" || true)
    echo "sql $1" >&3
    for _ in $(seq 1 600); do
        if [ "$(grep -c '^done ' "$dir/pg.log")" -gt "$done" ]; then
            grep '^done ' "$dir/pg.log" | tail -1 | grep -q '^done failed' || return 0
            break
        fi
        sleep 0.2
    done
    echo "PostgreSQL did not run: $1 (see $dir/pg.log)"; exit 1
}

summary=()
measure_database() { # label data-dir extra-args… (database connection for PostgreSQL)
    local label=$1 data=$2; shift 2
    local log="$data/logs/budget-monitor.log"
    echo
    echo "== $label =="
    echo "(a) full ingest, reports off"
    # As the cron wrapper runs it: ingested files move to the archive, the inbox keeps only new ones.
    rm -rf "$dir/inbox-$label" && cp -r "$dir/set/inbox" "$dir/inbox-$label"
    read -r wall rss < <(run "full-$label" "$data" "$dir/inbox-$label" 2026-11-30 --monitor.report.enabled=false \
        --archive-dir="$dir/archive-$label" "$@")
    local ingest totals variance
    ingest=$(step_seconds "$log" ingest); totals=$(step_seconds "$log" totals); variance=$(step_seconds "$log" variance)
    local r; r=$(rate "$lines" "$(awk -v a="$ingest" -v b="$totals" 'BEGIN{print a+b}')")
    local f t; f=$(floor_rate "$dir/floor-$label.txt" "bare JDBC"); t=$(floor_rate "$dir/floor-$label.txt" "same, payments table")
    # PostgreSQL's own floor: a bare COPY into the payments table (IngestFloor prints it only there).
    local k copy_note="" copy_summary=""
    k=$(floor_rate "$dir/floor-$label.txt" "COPY, payments table" || true)
    if [ -n "$k" ]; then
        copy_note=" $(share "$r" "$k") of a bare COPY into the payments table ($k rows/s);"
        copy_summary=", $(share "$r" "$k") of COPY floor $k rows/s"
    fi
    echo "ingest $ingest s + monthly totals $totals s for $lines lines = $r rows/s = $(share "$r" "$f") of the bare JDBC floor ($f rows/s)," \
        "$(share "$r" "$t") of the same insert into the payments table ($t rows/s);$copy_note" \
        "whole run $wall s, peak RSS $rss MB (variance $variance s)"
    summary+=("$label (a) ingest: $r rows/s, $(share "$r" "$f") of floor $f rows/s, $(share "$r" "$t") of payments-table floor $t rows/s$copy_summary; run $wall s, $rss MB")

    if [ "${BENCH_REPORTS:-1}" != 0 ]; then
    echo "(d) variance and all reports, $projects projects over $units units (a re-run of the date)"
    read -r wall rss < <(run "reports-$label" "$data" "$dir/inbox-$label" 2026-11-30 "$@")
    echo "variance $(step_seconds "$log" variance) s, reports $(step_seconds "$log" report) s" \
        "($(ls "$dir/out-reports-$label"/2026-11-30/*.pdf | wc -l) PDFs); whole run $wall s, peak RSS $rss MB"
    summary+=("$label (d) variance $(step_seconds "$log" variance) s + reports $(step_seconds "$log" report) s; run $wall s, $rss MB")
    fi

    echo "(c) nightly incremental: one day's export on top of the year, reports off"
    cp "$dir"/set/daily/*.csv "$dir/inbox-$label/"
    if [ "$label" = pg ]; then
        # The night finds the server at rest, a day after the load: vacuumed and analysed (autovacuum's work of
        # the hours between, which would otherwise run during the measured night) and checkpointed.
        local settled; settled=$(grep -c '^settled ' "$dir/pg.log" || true)
        echo "settle bench" >&3
        for _ in $(seq 1 600); do [ "$(grep -c '^settled ' "$dir/pg.log")" -gt "$settled" ] && break; sleep 1; done
        echo "server settled before the night: VACUUM (ANALYZE) and CHECKPOINT in $(grep '^settled ' "$dir/pg.log" | tail -1 | awk '{print $2}') s"
    fi
    # On H2 the night is measured twice from the same state: backed up (monitor.backup.every-days=1, the
    # default) on a copy, and with a weekly backup not due ($every), as README "Recovery" describes.
    local every=${BENCH_BACKUP_EVERY_DAYS:-7} variants=("1")
    [ "$label" = h2 ] && variants=("1" "$every")
    for days in "${variants[@]}"; do
        local d="$data" inbox="$dir/inbox-$label" archive="$dir/archive-$label" name="incremental-$label"
        if [ "${#variants[@]}" -gt 1 ] && [ "$days" = 1 ]; then
            d="$data-nightly-backup" inbox="$dir/inbox-$label-nightly-backup" archive="$dir/archive-$label-nightly-backup"
            name="incremental-$label-nightly-backup"
            rm -rf "$d" "$inbox" "$archive"; cp -r "$data" "$d"; cp -r "$dir/inbox-$label" "$inbox"
            cp -r "$dir/archive-$label" "$archive"
        fi
        # On PostgreSQL the night is run BENCH_PG_NIGHTS times (3) from the same state (the database copied by
        # CREATE DATABASE … TEMPLATE, the data folder, inbox and archive by cp): a night's wall time moves by a
        # second from run to run on a shared 2-core machine, so the median is what the summary gives.
        local nights=1 walls=() rsss=()
        if [ "$label" = pg ]; then
            nights=${BENCH_PG_NIGHTS:-3}
            pg_sql "DROP DATABASE IF EXISTS night_before"; pg_sql "CREATE DATABASE night_before TEMPLATE bench"
            rm -rf "$d-before" "$inbox-before" "$archive-before"
            cp -r "$d" "$d-before"; cp -r "$inbox" "$inbox-before"; cp -r "$archive" "$archive-before"
        fi
        for night in $(seq 1 "$nights"); do
            if [ "$night" -gt 1 ]; then
                pg_sql "DROP DATABASE bench"; pg_sql "CREATE DATABASE bench TEMPLATE night_before"
                rm -rf "$d" "$inbox" "$archive"
                cp -r "$d-before" "$d"; cp -r "$inbox-before" "$inbox"; cp -r "$archive-before" "$archive"
            fi
            read -r wall rss < <(run "$name" "$d" "$inbox" 2026-12-01 --monitor.report.enabled=false \
                --archive-dir="$archive" --monitor.backup.every-days="$days" "$@")
            local l="$d/logs/budget-monitor.log"
            echo "incremental (monitor.backup.every-days=$days): $wall s wall including JVM start, peak RSS $rss MB" \
                "(ingest $(step_seconds "$l" ingest) s, totals $(step_seconds "$l" totals) s, variance" \
                "$(step_seconds "$l" variance) s, outputs $(step_seconds "$l" writeOutputs) s)"
            walls+=("$wall"); rsss+=("$rss")
        done
        grep -m1 '^  backup:' "$dir/$name.out" || true
        if [ "$nights" -gt 1 ]; then
            rm -rf "$d-before" "$inbox-before" "$archive-before"; pg_sql "DROP DATABASE night_before"
            wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
            rss=$(printf '%s\n' "${rsss[@]}" | sort -n | tail -1)
            summary+=("$label (c) incremental, backup every $days night(s): $wall s wall (median of $nights: ${walls[*]}), peak $rss MB")
        else
            summary+=("$label (c) incremental, backup every $days night(s): $wall s wall, $rss MB")
        fi
    done
    rm -rf "$data-nightly-backup" "$dir/inbox-$label-nightly-backup" "$dir/archive-$label-nightly-backup"
}

if [ "${BENCH_H2:-1}" != 0 ]; then
    echo
    echo "(b) the floor, H2"
    floor h2 "jdbc:h2:file:$dir/floor-h2/db"
    rm -rf "$dir/floor-h2"
    measure_database h2 "$dir/h2"
fi

if [ "${BENCH_PG:-1}" != 0 ]; then
    echo
    echo "starting PostgreSQL (io.zonky embedded binaries) in $dir/pgdata"
    # It runs while we hold its input open (fd 3) and stops when we close it.
    mkfifo "$dir/pg.in"
    java -cp "$test_cp" org.budgetmonitor.bench.BenchPostgres "$dir/pgdata" < "$dir/pg.in" > "$dir/pg.log" 2>&1 &
    pg_pid=$!
    exec 3> "$dir/pg.in"
    for _ in $(seq 1 120); do grep -q '^ready ' "$dir/pg.log" && break; sleep 1; done
    port=$(grep '^ready ' "$dir/pg.log" | awk '{print $2}')
    [ -n "$port" ] || { echo "PostgreSQL did not start: see $dir/pg.log"; exit 1; }
    echo "PostgreSQL $(psql_version=$(ls -d "$dir"/pgdata 2>/dev/null && cat "$dir/pgdata/PG_VERSION" 2>/dev/null); echo "${psql_version##*$'\n'}") on port $port"
    echo
    echo "(b) the floor, PostgreSQL"
    floor pg "jdbc:postgresql://localhost:$port/floor" postgres ""
    measure_database pg "$dir/pg" --spring.profiles.active=postgres \
        --spring.datasource.url="jdbc:postgresql://localhost:$port/bench" \
        --spring.datasource.username=postgres --spring.datasource.password=
    exec 3>&-
    wait "$pg_pid" || true
fi

echo
echo "== summary =="
printf '%s\n' "${summary[@]}"

#!/usr/bin/env bash
# Measures the variance report for one unit of 100, 1,000 and 10,000 projects within a 512 MB heap:
# wall time, the renderer's own timings, page count and peak resident memory (/usr/bin/time -v).
#
# Usage: jobs/bench-report.sh [sizes...]     (default: 100 1000 10000; run from the repository root)
#        jobs/bench-report.sh --step [units] [projects-per-unit] [threads]
#            the whole report step as the nightly job runs it (default 500 units of 100 projects, threads 0 =
#            one per processor): combined PDF + XLSX and one PDF per unit, with the time of each phase
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000 10000)
# The cron wrapper's JVM options (jobs/budget-monitor.conf): the reports run inside the nightly job.
# Its CDS archive is made for target/app, not this class path, and is skipped here without a word.
heap=${BENCH_HEAP:-$(APP_DIR=target/app && . jobs/budget-monitor.conf && echo "$JAVA_OPTS")}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"

if [[ "${1:-}" == "--step" ]]; then
    units=${2:-500}; per_unit=${3:-100}; threads=${4:-0}
    /usr/bin/time -v -o "$out/time-step.txt" java $heap -cp "$cp" org.budgetmonitor.report.ReportStepBench \
        "$units" "$per_unit" "$out/step" "$threads" > "$out/step.txt" 2>&1
    grep -v ' INFO ' "$out/step.txt"
    echo "process wall $(grep 'Elapsed (wall clock)' "$out/time-step.txt" | awk '{print $NF}'), peak RSS" \
        "$(grep 'Maximum resident set size' "$out/time-step.txt" | awk '{printf "%.0f", $NF/1024}') MB, combined PDF" \
        "$(pdfinfo "$out/step/2026-06-30/variance-2026-06-30.pdf" 2>/dev/null | awk '/^Pages:/{print $2}') pages"
    exit 0
fi

printf '%-9s %-8s %-9s %-7s %s\n' projects wall_s peak_MB pages "renderer"
for n in "${sizes[@]}"; do
    /usr/bin/time -v -o "$out/time-$n.txt" java $heap -cp "$cp" org.budgetmonitor.report.ReportBench "$n" "$out" \
        > "$out/bench-$n.txt"
    wall=$(grep 'Elapsed (wall clock)' "$out/time-$n.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$out/time-$n.txt" | awk '{printf "%.0f", $NF/1024}')
    pages=$(pdfinfo "$out/variance-$n.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
    printf '%-9s %-8s %-9s %-7s %s\n' "$n" "$wall" "$rss" "${pages:-?}" "$(cat "$out/bench-$n.txt")"
done

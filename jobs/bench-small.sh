#!/usr/bin/env bash
# The sample night (README's first command: the seed's five projects, reports on) as whole processes:
# BENCH_RUNS (default 5) runs, each on a fresh data folder followed by a second night on the same one,
# then the medians of wall time, CPU time (user + sys) and peak RSS, and where the time went, from
# the log: JVM and context start (to Spring Boot's "Started"), each step (Spring Batch's own "Step: [x]
# executed in" lines), the report rendering (loading templates and font, fill, PDF, XLSX), and the rest
# (summary, shutdown). Run it on a quiet machine: every figure is the whole machine's time.
#
# Usage: jobs/bench-small.sh        (or jobs/bench.sh --small); BENCH_PLAIN=1 also measures java -jar target/budget-monitor.jar
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-5}
dir=$(mktemp -d /tmp/budget-monitor-bench-small.XXXXXX)
trap 'rm -rf "$dir"' EXIT

mvn -q -B package -DskipTests
# The README's first command, as written there.
readme_java=$(grep -m1 '^mvn -q package -DskipTests && java ' README.md | sed 's/^mvn -q package -DskipTests && //')
read -r -a fast <<< "${readme_java%% --job=*}"
plain=(java -jar target/budget-monitor.jar)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "java: $(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $runs, each on a fresh data folder, then a second night on it"

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { # Spring Batch's duration (1m2s345ms, 345ms) -> seconds
    perl -ne 'if (/(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/) { printf "%.3f\n", ($1//0)*60+($2//0)+($3//0)/1000 }'
}
# one run: label night data -> appends "key value" lines to $dir/<label>-<night>.txt
run() {
    local label=$1 night=$2 data=$3; shift 3
    local log="$data/logs/budget-monitor.log" before=0
    [[ -f "$log" ]] && before=$(wc -l < "$log")
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$@" --job=nightly --as-of=2026-06-30 --data-dir="$data" \
        --output-dir="$dir/out" --logging.level.org.springframework.batch=INFO > "$dir/stdout" 2>&1 \
        || { echo "run failed:"; cat "$dir/stdout"; exit 1; }
    tail -n +"$((before + 1))" "$log" > "$dir/log"
    read -r wall user sys rss < "$dir/time"
    {
        echo "wall $wall"
        echo "cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')"
        echo "rss $((rss / 1024))"
        echo "start $(grep -oE 'process running for [0-9.]+' "$dir/log" | grep -oE '[0-9.]+$')"
        grep -oE 'Step: \[[A-Za-z]+\] executed in [0-9ms]+' "$dir/log" | while read -r _ step _ _ took; do
            echo "step:${step//[\[\]]/} $(echo "$took" | seconds)"
        done
        grep -oE '\(fill [0-9]+ ms, PDF [0-9]+ ms, XLSX [0-9]+ ms\)' "$dir/log" | tail -1 |
            awk '{gsub(/[(),]/, ""); printf "report:fill %.3f\nreport:pdf %.3f\nreport:xlsx %.3f\n", $2/1000, $5/1000, $8/1000}'
    } >> "$dir/$label-$night.txt"
}
figure() { grep "^$2 " "$dir/$1.txt" | awk '{print $2}' | median; }

measure() { # key title command…
    local key=$1 title=$2; shift 2
    for _ in $(seq 1 "$runs"); do
        rm -rf "$dir/data" "$dir/out"
        run "$key" first "$dir/data" "$@"
        run "$key" second "$dir/data" "$@"
    done
    for night in first second; do
        local f="$key-$night" start steps=0
        echo
        echo "$title, $night night: median wall $(figure "$f" wall) s, CPU $(figure "$f" cpu) s, peak RSS $(figure "$f" rss) MB"
        start=$(figure "$f" start)
        echo "  JVM and context start: $start s"
        # The steps in the order the job ran them.
        for step in $(grep -oE '^step:[A-Za-z]+' "$dir/$f.txt" | awk '!seen[$0]++' | cut -d: -f2); do
            local s; s=$(figure "$f" "step:$step")
            steps=$(awk -v a="$steps" -v b="$s" 'BEGIN{print a+b}')
            if [[ "$step" == report ]]; then
                echo "  step $step: $s s (fill $(figure "$f" report:fill) s, PDF $(figure "$f" report:pdf) s," \
                    "XLSX $(figure "$f" report:xlsx) s; the rest loads the templates and the font and reads the data)"
            else
                echo "  step $step: $s s"
            fi
        done
        echo "  after the steps (summary, shutdown, JVM exit): $(awk -v w="$(figure "$f" wall)" -v a="$start" -v b="$steps" \
            'BEGIN{printf "%.3f", w-a-b}') s (median wall minus the medians above)"
    done
}

measure fast "README first command (${fast[*]})" "${fast[@]}"
if [[ "${BENCH_PLAIN:-0}" == 1 ]]; then
    measure plain "plain jar (${plain[*]})" "${plain[@]}"
fi

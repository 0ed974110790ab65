#!/usr/bin/env bash
# Makes the fast-starting form of the application that the README's first command runs:
#   target/app/budget-monitor.jar + target/app/lib/   the jar extracted (java -Djarmode=tools … extract):
#                                                    plain jars load faster than the nested ones, and
#                                                    only plain jars can be class-data shared;
#   target/app/budget-monitor.jsa                    a class-data-sharing (CDS) archive of every class a
#                                                    sample night loads, written by a training run of it.
# A JVM given -XX:SharedArchiveFile=target/app/budget-monitor.jsa maps those classes instead of
# loading, verifying and linking them again (about a third of a sample night's CPU). Spring Boot
# documents the same (its "Class Data Sharing" section); the training run here is a whole night,
# so that the report's classes (JasperReports, OpenPDF, POI) are in the archive too.
#
# The archive is only valid for this JVM and these jars where they are: JDK 17 maps it only for the class path
# it was made with, so a copy of target/app elsewhere needs an archive of its own (jobs/install-app.sh makes it,
# with --train). A failed training run leaves no archive (the application still runs, only slower) and says so.
# -Dcds.skip=true (mvn -Dcds.skip=true package) extracts the jar but makes no archive.
#
# Usage: cds-archive.sh <target-dir> <skip>     (Maven passes target and ${cds.skip}; run from the project root)
#        cds-archive.sh --train <app-dir>       (the archive alone, for the application in <app-dir>)
set -uo pipefail

# The JVM options of the README's first command (the cron wrapper's map the same archive).
jvm_options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dspring.aot.enabled=true)
java_command=${JAVA:-java}

train() { # app-dir work-dir: the README's sample night into a folder of its own, writing app-dir/budget-monitor.jsa
    local app=$1 training=$2
    rm -rf "$training" && mkdir -p "$training"
    rm -f "$app/budget-monitor.jsa"
    if ! "$java_command" "${jvm_options[@]}" -XX:ArchiveClassesAtExit="$app/budget-monitor.jsa" -jar "$app/budget-monitor.jar" \
            --job=nightly --as-of=2026-06-30 --plan-dir=sample-data/plan --inbox=sample-data/disbursements \
            --progress-dir=sample-data/progress --data-dir="$training/data" --output-dir="$training/out" \
            > "$training/training.log" 2>&1; then
        rm -f "$app/budget-monitor.jsa"
        echo "cds-archive: the training run failed (see $training/training.log); $app runs without the archive, only slower" >&2
        return 1
    fi
}

if [[ "${1:-}" == --train ]]; then
    app=${2:?usage: cds-archive.sh --train <app-dir>}
    work=$(mktemp -d)
    train "$app" "$work" && rm -rf "$work"
    exit
fi

target=${1:?usage: cds-archive.sh <target-dir> <skip>}
skip=${2:-false}
app="$target/app"

rm -rf "$app" "$target/cds-training"
java -Djarmode=tools -jar "$target/budget-monitor.jar" extract --destination "$app" > /dev/null || exit 1
[[ "$skip" == true ]] && exit 0
train "$app" "$target/cds-training"
exit 0

#!/usr/bin/env bash
# Installs the application the build made (target/app: the jar extracted and its lib/) in a folder, by default
# /opt/budget-monitor/app, and makes its class-data-sharing archive there by a training run of the sample night.
# JDK 17 maps an archive only for the class path it was made with, so the archive in target/app fits target/app
# alone: a plain copy elsewhere starts every run without it (about 2 s more CPU), without a word. Run it again
# after the server's java is updated (the wrapper says when the archive no longer fits).
#
# Usage, from the project folder after `mvn -q package -DskipTests`, with the java the server runs:
#   jobs/install-app.sh [DEST]          (JAVA=/path/to/java jobs/install-app.sh … for another JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-/opt/budget-monitor/app}
java_command=${JAVA:-java}
if [ ! -f target/app/budget-monitor.jar ]; then
    echo "install-app: no target/app/budget-monitor.jar; build it first: mvn -q package -DskipTests" >&2
    exit 2
fi
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
rm -rf "$dest/lib" "$dest/budget-monitor.jar" "$dest/budget-monitor.jsa"
cp -r target/app/lib "$dest/lib"
cp target/app/budget-monitor.jar "$dest/budget-monitor.jar"
if JAVA="$java_command" src/build/cds-archive.sh --train "$dest" \
        && "$java_command" -Xshare:on -XX:SharedArchiveFile="$dest/budget-monitor.jsa" -cp "$dest/budget-monitor.jar" \
            -version > /dev/null 2>&1; then
    echo "install-app: installed in $dest with its class-data archive ($dest/budget-monitor.jsa)"
else
    echo "install-app: installed in $dest, but without a class-data archive: runs start about 2 s slower" >&2
fi

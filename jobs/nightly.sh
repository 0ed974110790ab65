#!/usr/bin/env bash
# The nightly run: yesterday's figures (or those of the date given as $1, to re-run a day).
exec "$(dirname "$0")/run-job.sh" nightly "${1:-$(date -d yesterday +%F)}"

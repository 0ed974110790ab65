#!/usr/bin/env bash
# The quarter-end review: run the day after a quarter end, for that quarter end (or the date given as $1).
exec "$(dirname "$0")/run-job.sh" quarterly "${1:-$(date -d yesterday +%F)}"

#!/usr/bin/env bash
# Wall time of the default campaign `ncverify report` (no --quick; whole process, JVM start
# included), N runs (default 3), median printed last: scripts/report-quick-time.sh with the
# default campaign. Progress lines of run I go to $REPORT_LOG_DIR/run-I.log when it is set.
# Usage: scripts/report-default-time.sh [N]
set -euo pipefail
REPORT_ARGS="" exec "$(dirname "${BASH_SOURCE[0]}")/report-quick-time.sh" "$@"

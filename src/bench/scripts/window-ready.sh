#!/bin/bash
# Window ready time (launch to the first latent map on screen, as -Dlatentlab.startupReport=true prints it), in
# alternating rounds of several launch commands, under Xvfb with openbox as a desktop would run them.
# usage: src/bench/scripts/window-ready.sh [-g] ROUNDS NAME=COMMAND [NAME=COMMAND ...] > ready.csv
#   e.g. src/bench/scripts/window-ready.sh 5 jar="java -jar target/latent-lab.jar" \
#          image="target/dist/LatentLab/bin/LatentLab"
# The property reaches java -jar's JVM on its command line and the app image's through JAVA_TOOL_OPTIONS.
# Prints CSV: round,name,ready_s,cpu_s,load1 (cpu_s: user + system seconds of the whole launch, which quits once
# the map is on screen; a measure of the start-up's work that depends less on the machine's load than the wall time)
# and the milestones of each start as comments.
# -g: a GTK 3 program has run on the display before the rounds, as on a desktop session (see desktop-display.sh).
set -u
gtk=0
[ "${1:-}" = "-g" ] && { gtk=1; shift; }
rounds=$1; shift
export READY_ROUNDS=$rounds READY_GTK=$gtk READY_DIR=$(cd "$(dirname "$0")" && pwd)
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  openbox >/dev/null 2>&1 & wm=$!; sleep 1
  [ "$READY_GTK" = 1 ] && "$READY_DIR/desktop-display.sh"
  echo "round,name,ready_s,cpu_s,load1"
  t=$(mktemp)
  for r in $(seq 1 $READY_ROUNDS); do
    for spec in "$@"; do
      name=${spec%%=*}; cmd=${spec#*=}
      case $cmd in
        java\ *) out=$(/usr/bin/time -f "%U %S" -o $t timeout 120 ${cmd/java /java -Dlatentlab.startupReport=true } 2>&1);;
        *) out=$(JAVA_TOOL_OPTIONS=-Dlatentlab.startupReport=true /usr/bin/time -f "%U %S" -o $t timeout 120 $cmd 2>&1);;
      esac
      line=$(echo "$out" | grep ready_seconds | head -1)
      echo "$r,$name,$(echo "$line" | awk "{print \$2}"),$(awk "{print \$1 + \$2}" $t),$(cut -d" " -f1 /proc/loadavg)"
      echo "# $name: ${line#ready_seconds: }"
    done
  done
  kill $wm' _ "$@"

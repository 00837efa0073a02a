#!/bin/bash
# Resident memory of the window, idle and while it trains at full speed, as a user's desktop would run it.
# usage: src/bench/scripts/window-memory.sh [-g] [-i IDLE_S] [-t TRAIN_S] [-e EVERY_S] OUT.csv COMMAND [ARGS...]
#   e.g. src/bench/scripts/window-memory.sh -i 30 -t 300 mem.csv java -jar target/latent-lab.jar
# Starts COMMAND under Xvfb with openbox, waits for the "Latent Lab" window, lets it sit IDLE_S seconds, presses
# Space (play: the window trains the pre-trained net a on MNIST at full speed, its default), and records every
# EVERY_S seconds the resident set (VmRSS) of COMMAND's whole process tree (java -jar's launcher and its child JVM)
# in MiB, the same as a proportional set (Pss: a page shared between processes, such as the JVM's library and class
# archive mapped by both JVMs of java -jar, counted once, split between them), and its CPU seconds (training at full speed keeps both cores busy). At the end it prints the idle and training medians and maxima, and the child JVM's heap (jcmd GC.heap_info),
# and saves a screenshot beside OUT.csv (OUT.png) to check that it trained.
# -g: a GTK 3 program has run on the display first, as on a desktop session (see desktop-display.sh).
# Needs: xvfb xauth libgtk-3-0 x11-utils openbox xdotool.
set -u
idle=30; train=300; every=5; gtk=0
while getopts "gi:t:e:" o; do case $o in g) gtk=1;; i) idle=$OPTARG;; t) train=$OPTARG;; e) every=$OPTARG;; *) exit 2;; esac; done
shift $((OPTIND-1))
[ $# -ge 2 ] || { echo "usage: $0 [-i idle_s] [-t train_s] [-e every_s] OUT.csv COMMAND [ARGS...]" >&2; exit 2; }
out=$1; shift
export MEM_OUT=$out MEM_IDLE=$idle MEM_TRAIN=$train MEM_EVERY=$every MEM_GTK=$gtk MEM_DIR=$(cd "$(dirname "$0")" && pwd)
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  tree_rss() { # summed VmRSS (kB) of a pid, its children and grandchildren
    local total=0 p r
    for p in $1 $(pgrep -P $1) $(for c in $(pgrep -P $1); do pgrep -P $c; done); do
      r=$(awk "/VmRSS/{print \$2}" /proc/$p/status 2>/dev/null); total=$((total + ${r:-0}))
    done
    echo $total
  }
  tree_pss() { # summed Pss (kB) of the same processes
    local total=0 p r
    for p in $1 $(pgrep -P $1) $(for c in $(pgrep -P $1); do pgrep -P $c; done); do
      r=$(awk "/^Pss:/{print \$2}" /proc/$p/smaps_rollup 2>/dev/null); total=$((total + ${r:-0}))
    done
    echo $total
  }
  tree_cpu() { # summed user+system CPU seconds of the same processes
    local total=0 p r
    for p in $1 $(pgrep -P $1) $(for c in $(pgrep -P $1); do pgrep -P $c; done); do
      r=$(awk "{print \$14 + \$15}" /proc/$p/stat 2>/dev/null); total=$((total + ${r:-0}))
    done
    echo $((total / $(getconf CLK_TCK)))
  }
  openbox >/dev/null 2>&1 & wmpid=$!; sleep 1
  [ "$MEM_GTK" = 1 ] && "$MEM_DIR/desktop-display.sh"
  log=$(mktemp); "$@" >"$log" 2>&1 & pid=$!
  wid=""
  for i in $(seq 1 120); do
    sleep 1
    wid=$(xdotool search --name "^Latent Lab" 2>/dev/null | head -1)
    [ -n "$wid" ] && break
    kill -0 $pid 2>/dev/null || { echo "exited before a window appeared:"; tail -20 "$log"; exit 1; }
  done
  [ -n "$wid" ] || { echo "no window after 120 s"; tail -20 "$log"; kill $pid; exit 1; }
  echo "phase,seconds,rss_mib,cpu_seconds,pss_mib" > "$MEM_OUT"
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt $MEM_IDLE ]; do
    sleep $MEM_EVERY; echo "idle,$(( $(date +%s) - t0 )),$(( $(tree_rss $pid) / 1024 )),$(tree_cpu $pid),$(( $(tree_pss $pid) / 1024 ))" >> "$MEM_OUT"
  done
  xdotool windowactivate --sync $wid 2>/dev/null; sleep 0.5; xdotool key space
  t1=$(date +%s)
  while [ $(( $(date +%s) - t1 )) -lt $MEM_TRAIN ]; do
    sleep $MEM_EVERY; echo "train,$(( $(date +%s) - t0 )),$(( $(tree_rss $pid) / 1024 )),$(tree_cpu $pid),$(( $(tree_pss $pid) / 1024 ))" >> "$MEM_OUT"
  done
  /usr/bin/import -window root "${MEM_OUT%.csv}.png" 2>/dev/null
  jvm=$(pgrep -P $pid java | head -1); [ -n "$jvm" ] || jvm=$pid
  jcmd $jvm GC.heap_info 2>/dev/null | head -4
  jcmd $jvm VM.native_memory summary 2>/dev/null | grep -E "^-|Total" | sed "s/^ *//"
  kill $pid 2>/dev/null; sleep 2; kill -9 $pid $jvm 2>/dev/null; wait $pid 2>/dev/null
  kill $wmpid 2>/dev/null
  for ph in idle train; do
    for col in 3:rss 5:pss; do
      grep "^$ph," "$MEM_OUT" | cut -d, -f${col%%:*} | sort -n | awk -v ph=$ph -v m=${col#*:} "{a[NR]=\$1} END{if(NR) printf \"%s %s: median %d MiB, max %d MiB (%d samples)\n\", ph, m, a[int((NR+1)/2)], a[NR], NR}"
    done
  done
  exit 0' _ "$@"

#!/bin/bash
# Cold command-line runs side by side: each command as a user runs it once (a new JVM, nothing compiled), beside
# the pre-round build and the one-shot Python peer that loads the same gzipped IDX files and computes the same
# thing (src/bench/python/*_oneshot.py), in alternating rounds.
# usage: src/bench/scripts/cold-cli.sh [ROUNDS] > cold.csv     (from the repository's top level, after ./mvnw package)
#   JAR=target/latent-lab.jar BASE=/work/baseline/target/latent-lab.jar (empty: skip) COMMANDS="pca train eval probe"
# Prints CSV: round,command,who,wall_s,cpu_s,load1 (cpu = user + system seconds of the process tree; load1 = the
# one-minute load average when the run ended).
set -u
rounds=${1:-3}
jar=${JAR:-target/latent-lab.jar}
base=${BASE-/work/baseline/target/latent-lab.jar}
commands=${COMMANDS:-pca train eval probe}
py=/usr/bin/python3
pydir=src/bench/python
data=datasets/mnist
tmp=$(mktemp -d)
# PyTorch with the OpenMP OpenBLAS (../shared/bench/README.md), waiting passively: on a shared, oversubscribed
# machine OpenMP's default busy-waiting made one epoch of net a 30x slower (154 instead of ~5,700 samples/s).
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_WAIT_POLICY=PASSIVE PYTHONDONTWRITEBYTECODE=1
run() { # who command args...
  local who=$1 c=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" > "$tmp/$who-$c.out" 2>&1 || { echo "# $who $c failed: $(tail -1 "$tmp/$who-$c.out")" >&2; }
  read -r wall user sys < <(tail -1 "$tmp/t")
  printf "%s,%s,%s,%.2f,%.2f,%s\n" "$r" "$c" "$who" "$wall" "$(echo "$user + $sys" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}
java_cmd() { # jar command
  case $2 in
    pca) echo "java -jar $1 pca --data $data --k 30";;
    train) echo "java -jar $1 train --data $data --epochs 1 --out $tmp/$(basename $(dirname $(dirname $1)))-model.llm";;
    eval) echo "java -jar $1 eval --data $data --model $tmp/$(basename $(dirname $(dirname $1)))-model.llm";;
    probe) echo "java -jar $1 probe --data $data --labels 10,100,1000 --model $tmp/$(basename $(dirname $(dirname $1)))-model.llm";;
  esac
}
py_cmd() {
  case $1 in
    pca) echo "$py $pydir/pca_oneshot.py --k 30";;
    train) echo "$py $pydir/train_oneshot.py --epochs 1 --out $tmp/peer-model.pt";;
    eval) echo "$py $pydir/eval_oneshot.py --model $tmp/peer-model.pt";;
    probe) echo "$py $pydir/probe_oneshot.py --labels 10,100,1000 --model $tmp/peer-model.pt";;
  esac
}
echo "round,command,who,wall_s,cpu_s,load1"
for r in $(seq 1 "$rounds"); do
  for c in $commands; do
    run ours "$c" $(java_cmd "$jar" "$c")
    [ -n "$base" ] && run base "$c" $(java_cmd "$base" "$c")
    MNIST_DIR=$data run peer "$c" $(py_cmd "$c")
  done
done
echo "# outputs of the last round: $tmp" >&2

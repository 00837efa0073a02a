#!/usr/bin/env bash
# Trains net (c) of Hinton & Salakhutdinov (2006) with `train --preset hinton2006` for each seed, evaluates each
# model, fits PCA-30, and prints one line per seed and the mean and spread beside the paper's 3.00 and 13.87.
# The machine and its load are printed first and after every run: the training time depends on them, the error not.
#
#   src/bench/hinton2006.sh [--seeds "1 2 3"] [--jar target/latent-lab.jar] [--out DIR] [extra train options...]
#
# Extra options go to `train` after the preset, so they override it (e.g. --epochs 5 for a quick check).
set -euo pipefail
seeds="1 2 3"
jar="target/latent-lab.jar"
out="${TMPDIR:-/tmp}/hinton2006"
extra=()
while (($#)); do
    case "$1" in
        --seeds) seeds="$2"; shift 2 ;;
        --jar) jar="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) extra+=("$1"); shift ;;
    esac
done
mkdir -p "$out"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=()
for seed in $seeds; do
    model="$out/hinton2006-seed$seed.llm"
    log="$out/train-seed$seed.log"
    java -jar "$jar" train --preset hinton2006 --seed "$seed" --out "$model" "${extra[@]}" | tee "$log" >&2
    seconds=$(sed -n 's/^# trained .* in \([0-9.]*\) s;.*/\1/p' "$log")
    epochs=$(sed -n 's/^# trained \([0-9]*\) epoch.*/\1/p' "$log")
    se=$(java -jar "$jar" eval --model "$model" | sed -n 's/^test_se_per_image:* *//p' | tr -d ' ')
    echo "seed $seed: test_se_per_image $se after $epochs epochs, trained in $seconds s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
    results+=("$se")
done
pca=$(java -jar "$jar" pca --k 30 | sed -n 's/^k=30 test_se_per_image: *\([0-9.]*\).*/\1/p')
echo "pca-30: test_se_per_image $pca (paper: 13.87)"
printf '%s\n' "${results[@]}" | awk '{ s += $1; q += $1 * $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1; n++ }
    END { m = s / n; sd = n > 1 ? sqrt((q - n * m * m) / (n - 1)) : 0;
          printf "autoencoder: mean %.3f, sd %.3f, range %.3f-%.3f over %d seeds (paper: 3.00; PCA-30 paper: 13.87)\n", m, sd, lo, hi, n }'

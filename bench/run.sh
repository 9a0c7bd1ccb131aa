#!/usr/bin/env bash
# The training benchmark in one sitting: the machine's matrix-product floor (GemmFloor), Babysitter
# with 1 and 2 engine threads in float32 and float64, PyTorch with 1×1, 1×2 and 2×2 threads
# (torch × OpenBLAS), training and inference, then the ratios. Usage: bench/run.sh [epochs]
# (PyTorch needs bench/setup.sh once; without it only Babysitter's rows are printed.)
# KERNEL=auto bench/run.sh: the same sitting with the matrix-product kernel OpenBLAS picks for
# this processor itself, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this script's commands
# alone (some machines set them to an older, safer kernel; see docs/PERFORMANCE.md).
set -euo pipefail
if [ "${KERNEL:-}" = auto ]; then
  unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
fi
cd "$(dirname "$0")/.."
epochs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$out/cp.txt"
cp="target/classes:target/test-classes:$(cat "$out/cp.txt")"
java_run() { OMP_NUM_THREADS=1 java -Xmx4g "$@" 2>&1 | grep -v -e WARN -e '^\s*$' || true; }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores," \
  "OpenBLAS kernel: ${OPENBLAS_CORETYPE:-chosen by OpenBLAS}"
java_run -cp "$cp" babysitter.bench.GemmFloor | tee "$out/floor.txt"
for precision in float32 float64; do
  for threads in 1 2; do
    echo "-- Babysitter, $threads engine thread(s), $precision"
    java_run -Dbabysitter.threads=$threads -cp "$cp" babysitter.bench.TrainingBenchmark "$epochs" $precision \
      | tee "$out/bs-$precision-$threads.txt" | grep -e 'median' -e 'accuracy'
  done
done
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  for pair in "1 1" "1 2" "2 2"; do
    set -- $pair
    echo "-- PyTorch, $1 torch thread(s), $2 OpenBLAS thread(s)"
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread OPENBLAS_NUM_THREADS=$2 TORCH_THREADS=$1 \
      /usr/bin/python3 bench/pytorch_reference.py | tee "$out/pt-$1-$2.txt"
  done
else
  echo "PyTorch not installed: run bench/setup.sh for the comparison"
fi

# samples/s from "...median N samples/s" lines: $1 file, $2 pattern
rate() { grep -h "$2" "$1" 2>/dev/null | head -1 | sed -E 's/.*median ([0-9,]+) samples.*/\1/' | tr -d ,; }
floor=$(grep 'sgemm.*2 OpenBLAS' "$out/floor.txt" | sed -E 's/.*floor ([0-9,]+) samples.*/\1/' | tr -d ,)
best_pt=0; best_pt_eval=0
for f in "$out"/pt-*.txt; do
  [ -e "$f" ] || continue
  r=$(rate "$f" "threads="); e=$(rate "$f" "inference")
  [ "${r:-0}" -gt "$best_pt" ] && best_pt=$r
  [ "${e:-0}" -gt "$best_pt_eval" ] && best_pt_eval=$e
done
echo "== ratios (2-thread GEMM floor $floor samples/s; PyTorch's best: training $best_pt, inference $best_pt_eval samples/s)"
for precision in float32 float64; do
  for threads in 1 2; do
    f="$out/bs-$precision-$threads.txt"
    r=$(rate "$f" "babysitter: median"); e=$(rate "$f" "babysitter inference")
    awk -v p=$precision -v t=$threads -v r="$r" -v e="$e" -v fl="$floor" -v pt="$best_pt" -v pe="$best_pt_eval" 'BEGIN {
      printf "Babysitter %s, %d thread(s): %d samples/s = %.0f%% of the floor", p, t, r, 100 * r / fl;
      if (pt > 0) printf ", %.2fx PyTorch best; inference %d = %.2fx PyTorch best", r / pt, e, e / pe;
      printf "\n" }'
  done
done
r32=$(rate "$out/bs-float32-2.txt" "babysitter: median"); r64=$(rate "$out/bs-float64-2.txt" "babysitter: median")
awk -v a="$r64" -v b="$r32" 'BEGIN { printf "float64 / float32 (2 threads): %.2f\n", a / b }'

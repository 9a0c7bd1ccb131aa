#!/usr/bin/env bash
# The training benchmark in one sitting: the machine's matrix-product floor (GemmFloor), Babysitter
# with 1 and 2 engine threads in float32 and float64, PyTorch with 1×1, 1×2 and 2×2 threads
# (torch × OpenBLAS), training and inference, then the ratios. Usage: bench/run.sh [epochs]
# (PyTorch needs bench/setup.sh once; without it only Babysitter's rows are printed.)
# KERNEL=auto bench/run.sh: the same sitting with the matrix-product kernel OpenBLAS picks for
# this processor itself, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this script's commands
# alone (some machines set them to an older, safer kernel; see docs/PERFORMANCE.md).
# ROUNDS=3 bench/run.sh: everything three times over, one round after the other; each round's
# ratios are taken against the same round's floor and PyTorch, and the median of the rounds' ratios
# is printed after them (a shared machine's own speed drifts by more than the ratios' goals).
set -euo pipefail
if [ "${KERNEL:-}" = auto ]; then
  unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
fi
cd "$(dirname "$0")/.."
epochs=${1:-3}
rounds=${ROUNDS:-1}
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "ROUNDS must be a whole number from 1 up, got '$rounds'" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$out/cp.txt"
cp="target/classes:target/test-classes:$(cat "$out/cp.txt")"
java_run() { OMP_NUM_THREADS=1 java -Xmx4g "$@" 2>&1 | grep -v -e WARN -e '^\s*$' || true; }
has_torch=false
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then has_torch=true; fi

# samples/s from "...median N samples/s" lines: $1 file, $2 pattern
rate() { grep -h "$2" "$1" 2>/dev/null | head -1 | sed -E 's/.*median ([0-9,]+) samples.*/\1/' | tr -d ,; }
# the median of the numbers on standard input, one a line
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores," \
  "OpenBLAS kernel: ${OPENBLAS_CORETYPE:-chosen by OpenBLAS}, $rounds round(s)"
for round in $(seq 1 "$rounds"); do
  r="$out/round$round"
  mkdir -p "$r"
  [ "$rounds" -gt 1 ] && echo "==== round $round of $rounds, $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1 /proc/loadavg)"
  java_run -cp "$cp" babysitter.bench.GemmFloor | tee "$r/floor.txt"
  for precision in float32 float64; do
    for threads in 1 2; do
      echo "-- Babysitter, $threads engine thread(s), $precision"
      java_run -Dbabysitter.threads=$threads -cp "$cp" babysitter.bench.TrainingBenchmark "$epochs" $precision \
        | tee "$r/bs-$precision-$threads.txt" | grep -e 'median' -e 'accuracy'
    done
  done
  if $has_torch; then
    for pair in "1 1" "1 2" "2 2"; do
      set -- $pair
      echo "-- PyTorch, $1 torch thread(s), $2 OpenBLAS thread(s)"
      LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread OPENBLAS_NUM_THREADS=$2 TORCH_THREADS=$1 \
        /usr/bin/python3 bench/pytorch_reference.py | tee "$r/pt-$1-$2.txt"
    done
  else
    echo "PyTorch not installed: run bench/setup.sh for the comparison"
  fi

  floor=$(grep 'sgemm.*2 OpenBLAS' "$r/floor.txt" | sed -E 's/.*floor ([0-9,]+) samples.*/\1/' | tr -d ,)
  best_pt=0; best_pt_eval=0
  for f in "$r"/pt-*.txt; do
    [ -e "$f" ] || continue
    t=$(rate "$f" "threads="); e=$(rate "$f" "inference")
    [ "${t:-0}" -gt "$best_pt" ] && best_pt=$t
    [ "${e:-0}" -gt "$best_pt_eval" ] && best_pt_eval=$e
  done
  echo "== ratios$([ "$rounds" -gt 1 ] && echo " of round $round") (2-thread GEMM floor $floor samples/s; PyTorch's best: training $best_pt, inference $best_pt_eval samples/s)"
  for precision in float32 float64; do
    for threads in 1 2; do
      f="$r/bs-$precision-$threads.txt"
      t=$(rate "$f" "babysitter: median"); e=$(rate "$f" "babysitter inference")
      # the line a person reads, and one kept for the medians in ratios.txt:
      # precision threads rate share-of-floor ×PyTorch inference ×PyTorch
      awk -v p=$precision -v n=$threads -v t="$t" -v e="$e" -v fl="$floor" -v pt="$best_pt" -v pe="$best_pt_eval" \
        -v kept="$out/ratios.txt" 'BEGIN {
        printf "%s %d %d %.4f %.4f %d %.4f\n", p, n, t, t / fl, (pt > 0 ? t / pt : 0), e, (pe > 0 ? e / pe : 0) >> kept;
        printf "Babysitter %s, %d thread(s): %d samples/s = %.0f%% of the floor", p, n, t, 100 * t / fl;
        if (pt > 0) printf ", %.2fx PyTorch best; inference %d = %.2fx PyTorch best", t / pt, e, e / pe;
        printf "\n" }'
    done
  done
  r32=$(rate "$r/bs-float32-2.txt" "babysitter: median"); r64=$(rate "$r/bs-float64-2.txt" "babysitter: median")
  awk -v a="$r64" -v b="$r32" 'BEGIN { printf "float64 / float32 (2 threads): %.2f\n", a / b }' | tee -a "$out/f64.txt"
done

if [ "$rounds" -gt 1 ]; then
  echo "== medians of the $rounds rounds' ratios"
  # the median over the rounds of column $3 of ratios.txt for precision $1, threads $2
  sel() { awk -v p="$1" -v n="$2" -v c="$3" '$1 == p && $2 == n { print $c }' "$out/ratios.txt" | median; }
  for precision in float32 float64; do
    for threads in 1 2; do
      awk -v p=$precision -v n=$threads -v t="$(sel $precision $threads 3)" -v fl="$(sel $precision $threads 4)" \
        -v pt="$(sel $precision $threads 5)" -v e="$(sel $precision $threads 6)" -v pe="$(sel $precision $threads 7)" \
        -v torch=$has_torch 'BEGIN {
        printf "Babysitter %s, %d thread(s): %d samples/s, %.0f%% of the floor", p, n, t, 100 * fl;
        if (torch == "true") printf ", %.2fx PyTorch best; inference %d, %.2fx PyTorch best", pt, e, pe;
        printf "\n" }'
    done
  done
  echo "float64 / float32 (2 threads): $(sed -E 's/.*: //' "$out/f64.txt" | median)"
fi

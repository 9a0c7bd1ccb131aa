#!/usr/bin/env bash
# Runs Babysitter's training benchmark and the PyTorch reference one after the other, so both
# numbers come from the same sitting. Usage: bench/run.sh [epochs] [blas threads]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-3}
threads=${2:-1}
./mvnw -q -B test-compile
# One OpenMP thread for ND4J (see docs/ENGINE.md, Reproducibility).
OMP_NUM_THREADS=1 MAVEN_OPTS="-Xmx4g -Dbabysitter.blasThreads=$threads" ./mvnw -q -B exec:java \
  -Dexec.mainClass=babysitter.bench.TrainingBenchmark -Dexec.classpathScope=test -Dexec.args="$epochs"
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread OPENBLAS_NUM_THREADS=$threads \
    TORCH_THREADS=$threads /usr/bin/python3 bench/pytorch_reference.py
else
  echo "PyTorch not installed: run bench/setup.sh for the comparison"
fi

#!/usr/bin/env bash
# Installs what the training benchmark compares against (Debian): Fashion-MNIST, PyTorch and a
# fast OpenBLAS for it. Not needed to build, run or test Babysitter.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q dataset-fashion-mnist python3-torch python3-numpy libopenblas0-pthread

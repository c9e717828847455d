#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium for the browser tests,
# PyTorch (with OpenBLAS, else it runs 20x slower) and onnx for the training smoke test.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import torch' 2>/dev/null || need+=(python3-torch libopenblas0-openmp)
/usr/bin/python3 -c 'import onnx' 2>/dev/null || need+=(python3-onnx)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null

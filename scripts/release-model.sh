#!/usr/bin/env bash
# Turns a finished training run into the shipped model: figures, ONNX files, golden outputs, catalogue
# attribution index and the evaluation, in that order, all into public/models/ and docs/.
#   bash scripts/release-model.sh [training/runs/main]
set -euo pipefail
run=${1:-training/runs/main}
py=/usr/bin/python3
$py training/evaluate_lm.py --ckpt "$run/ckpt.pt" --out "$run/card-extra.json"
$py training/export.py --ckpt "$run/ckpt.pt" --out public/models --card-extra "$run/card-extra.json" "$run/card-notes.json"
if [ -f training/attribution.py ]; then npm run --silent catalogue:index; fi
npm run --silent eval:model

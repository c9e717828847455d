#!/usr/bin/env bash
# Turns finished training runs into the shipped model: figures, ONNX files, golden outputs, catalogue
# attribution index and the evaluation, in that order, into public/models/ and docs/.
#   bash scripts/release-model.sh RUN [EARLIER_RUN ...]   (the first run's checkpoint ships)
#   e.g. bash scripts/release-model.sh training/runs/finetune training/runs/main
set -euo pipefail
run=${1:-training/runs/main}
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=("$run")
py=/usr/bin/python3
ordered=()
for ((i = ${#stages[@]} - 1; i >= 0; i--)); do ordered+=("${stages[$i]}"); done
$py training/training_record.py --out "$run/training-record.json" "${ordered[@]}"
$py training/evaluate_lm.py --ckpt "$run/ckpt.pt" --out "$run/card-extra.json"
$py training/export.py --ckpt "$run/ckpt.pt" --out public/models --card-extra "$run/card-extra.json" "$run/training-record.json"
if [ -f training/attribution.py ]; then npm run --silent catalogue:index; fi
npm run --silent eval:model

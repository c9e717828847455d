#!/usr/bin/env bash
# Reproduces the shipped v2 model from the sources: the corpus arrays, the training run, its figures, the ONNX
# files and golden outputs, the catalogue attribution index and the evaluation, in that order, into training/,
# public/models/, public/corpus/ and docs/.
#   bash scripts/release-model.sh            (run folder training/runs/v2)
# Rerunning it resumes the training from the run's last checkpoint (--resume) and redoes the steps after it; a
# finished run is not trained again. The training command is the same as `npm run model:train`.
set -euo pipefail
run=training/runs/v2
py=/usr/bin/python3
npm run --silent corpus
$py training/train.py --data training/data --out "$run" --steps 1500 --header-weight 5 --ref-prob 0.5 \
  --eval-every 150 --seed 2026 --resume
$py training/training_record.py --out "$run/training-record.json" "$run"
$py training/evaluate_lm.py --ckpt "$run/ckpt.pt" --out "$run/card-extra.json"
$py training/export.py --ckpt "$run/ckpt.pt" --out public/models --card-extra "$run/card-extra.json" "$run/training-record.json" training/model-v2-notes.json
npm run --silent catalogue:index
npm run --silent eval:model

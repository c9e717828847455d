#!/usr/bin/env bash
# Reproduces the shipped v2 model from the sources: the corpus arrays, the training run, its figures, the ONNX
# files and golden outputs, the catalogue attribution index and the evaluation, in that order, into training/,
# public/models/, public/corpus/ and docs/.
#   bash scripts/release-model.sh                 (runs training/runs/v2-base, then training/runs/v2)
#   bash scripts/release-model.sh --train-only    (the corpus and both training stages: `npm run model:train`)
# Rerunning it resumes each stage from its last checkpoint (--resume) and redoes the steps after it; a finished
# stage is not trained again.
set -euo pipefail
run=training/runs/v2
base=training/runs/v2-base
py=/usr/bin/python3
npm run --silent corpus
# Stage 1: the base run, stopped at step 450 of its 1500-step schedule (its decoder had learnt to ignore the prompt).
$py training/train.py --data training/data --out "$base" --steps 1500 --stop-at 450 --header-weight 5 --ref-prob 0.5 \
  --eval-every 150 --seed 2026 --resume
# Stage 2: from its weights, with the memory-mean route into the decoder and the prompt loss on the encoder.
$py training/train.py --data training/data --out "$run" --init "$base/ckpt.pt" --steps 1800 --lr 8e-4 --warmup 50 \
  --header-weight 5 --aux-weight 1.0 --ref-prob 0.5 --eval-every 150 --seed 2027 --resume
$py training/training_record.py --out "$run/training-record.json" "$base" "$run"
[ "${1:-}" = "--train-only" ] && exit 0
$py training/evaluate_lm.py --ckpt "$run/ckpt.pt" --out "$run/card-extra.json"
$py training/export.py --ckpt "$run/ckpt.pt" --out public/models --card-extra "$run/card-extra.json" "$run/training-record.json" training/model-v2-notes.json
npm run --silent catalogue:index
npm run --silent eval:model

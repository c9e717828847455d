#!/usr/bin/env bash
# Candidate stages trained side by side on a lent accelerator (the `device` tool), each for the same minutes of
# training loop, each keeping its best weights by validation loss. The tiny model leaves one GPU mostly idle, so
# several settings in parallel cost no more device time than one.
#
#   bash training/gpu_sweep.sh OUT_DIR MINUTES v2-gpu        (from stage v2-cont, and two from scratch)
#   bash training/gpu_sweep.sh OUT_DIR MINUTES v2-gpu-ref    (from the chosen v2-gpu candidate: references)
#   bash training/gpu_sweep.sh OUT_DIR MINUTES v2-feat       (new feature-word captions, from v2-cont and v2-gpu)
#   bash training/gpu_sweep.sh OUT_DIR MINUTES v2-contrast   (the same, with the feature-word contrast)
#   bash training/gpu_sweep.sh OUT_DIR MINUTES v2-refstart   (from the shipped v2-feat: references that open the tune)
#
# Needs training/data (npm run corpus) and training/runs/init/<previous stage>.pt (its weights alone).
# Writes OUT_DIR/<candidate>.pt (float16 weights: a lent machine returns files of at most 16 MiB) and
# OUT_DIR/logs.tgz (each candidate's log.jsonl and stdout).
set -u
out=$1
minutes=$2
stage=$3
runs=/tmp/sweep-runs
mkdir -p "$out" "$runs"
python=${PYTHON:-python3}
common=(--tokens-per-batch 16384 --header-weight 5 --aux-weight 1.0 --eval-every 250 --steps 100000000
  --schedule-minutes "$minutes" --threads 2 --best-dtype float16)

candidate() {
  local name=$1
  shift
  mkdir -p "$runs/$name"
  "$python" training/train.py --out "$runs/$name" --best "$out/$name.pt" "${common[@]}" "$@" >"$runs/$name/stdout.log" 2>&1 &
}

case $stage in
  v2-gpu)
    init=(--init training/runs/init/v2-cont.pt)
    candidate cont-lr5 "${init[@]}" --lr 5e-4 --warmup 100 --ref-prob 0.65 --ref-loss-weight 2
    candidate cont-lr2 "${init[@]}" --lr 2e-4 --warmup 50 --ref-prob 0.65 --ref-loss-weight 2
    candidate cont-ref "${init[@]}" --lr 5e-4 --warmup 100 --ref-prob 0.8 --ref-loss-weight 4
    candidate cont-cap "${init[@]}" --lr 5e-4 --warmup 100 --ref-prob 0.65 --ref-loss-weight 2 --caption-dropout 0.2
    candidate scratch --lr 1e-3 --warmup 300 --ref-prob 0.65 --ref-loss-weight 2
    candidate scratch-drop --lr 1e-3 --warmup 300 --ref-prob 0.65 --ref-loss-weight 2 --dropout 0.2
    ;;
  v2-gpu-ref)
    # References quoted in the tune's own key; (c) is a shorter path from v2-cont, to see whether fewer epochs copy less.
    from_gpu=(--init training/runs/init/v2-gpu.pt --lr 2e-4 --warmup 50)
    candidate ref-sk75-w3 "${from_gpu[@]}" --ref-prob 0.8 --ref-same-key 0.75 --ref-loss-weight 3
    candidate ref-sk100-w5 "${from_gpu[@]}" --ref-prob 0.8 --ref-same-key 1.0 --ref-loss-weight 5
    candidate short-sk75-w3 --init training/runs/init/v2-cont.pt --lr 5e-4 --warmup 100 --ref-prob 0.8 --ref-same-key 0.75 \
      --ref-loss-weight 3
    candidate drop-sk75-w3 --init training/runs/init/v2-gpu-scratch-drop.pt --lr 2e-4 --warmup 50 --dropout 0.2 \
      --ref-prob 0.8 --ref-same-key 0.75 --ref-loss-weight 3
    ;;
  v2-feat)
    # Captions with feature words cut at corpus shares (pipeline/featureScale.ts). (a) repeats v2-gpu's recipe on the
    # new captions; (b, c) continue the shipped v2-gpu weights briefly; (d) trains longer with more dropout, to see
    # whether meter improves without the copying that longer runs brought; (e) weighs the header and the aux heads more.
    refs=(--ref-prob 0.8 --ref-same-key 0.75 --ref-loss-weight 3)
    from_cont=(--init training/runs/init/v2-cont.pt --lr 5e-4 --warmup 100)
    from_ship=(--init training/checkpoints/v2-gpu.pt --lr 2e-4 --warmup 50)
    candidate feat-cont "${from_cont[@]}" "${refs[@]}"
    candidate feat-ship-1 "${from_ship[@]}" "${refs[@]}" --schedule-minutes 1.0
    candidate feat-ship-2 "${from_ship[@]}" "${refs[@]}" --schedule-minutes 2.0
    candidate feat-cont-drop "${from_cont[@]}" "${refs[@]}" --dropout 0.2 --schedule-minutes 3.5
    candidate feat-cont-hw "${from_cont[@]}" "${refs[@]}" --header-weight 10 --aux-weight 2
    ;;
  v2-contrast)
    # v2-feat's (a) with the feature-word contrast (train.py --contrast-weight; per token, zero once met) at two
    # weights and a larger margin; and the shipped weights continued with it.
    refs=(--ref-prob 0.8 --ref-same-key 0.75 --ref-loss-weight 3)
    from_cont=(--init training/runs/init/v2-cont.pt --lr 5e-4 --warmup 100)
    candidate c1 "${from_cont[@]}" "${refs[@]}" --contrast-weight 1
    candidate c3 "${from_cont[@]}" "${refs[@]}" --contrast-weight 3
    candidate c1-m05 "${from_cont[@]}" "${refs[@]}" --contrast-weight 1 --contrast-margin 0.05
    candidate ship-c1 --init training/checkpoints/v2-gpu.pt --lr 2e-4 --warmup 50 --schedule-minutes 1.2 "${refs[@]}" \
      --contrast-weight 1
    ;;
  v2-refstart)
    # The shipped v2-feat continued with first excerpts at bar 1 for a share of rows (train.py --ref-start-share):
    # excerpts placed uniformly taught continuing a quotation far more than beginning one. (d) adds the contrast.
    refs=(--ref-prob 0.8 --ref-same-key 0.75 --ref-loss-weight 3)
    from_feat=(--init training/checkpoints/v2-feat.pt --lr 2e-4 --warmup 50)
    candidate start25 "${from_feat[@]}" "${refs[@]}" --ref-start-share 0.25
    candidate start50 "${from_feat[@]}" "${refs[@]}" --ref-start-share 0.5
    candidate start50-long "${from_feat[@]}" "${refs[@]}" --ref-start-share 0.5 --schedule-minutes $(awk "BEGIN{print $minutes*2}")
    candidate start50-c1 "${from_feat[@]}" "${refs[@]}" --ref-start-share 0.5 --contrast-weight 1
    ;;
  *) echo "unknown stage $stage" >&2; exit 2 ;;
esac
wait
tar czf "$out/logs.tgz" -C "$runs" $(cd "$runs" && ls -d */log.jsonl */stdout.log 2>/dev/null)
ls -la "$out"

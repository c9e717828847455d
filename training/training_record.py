"""
Collects the stages of a training (a base run and any fine-tuning runs on top of it) into one JSON record for
the model card.   /usr/bin/python3 training/training_record.py --out record.json RUN_DIR [RUN_DIR ...]
"""
import argparse
import json
import os

p = argparse.ArgumentParser()
p.add_argument("--out", required=True)
p.add_argument("runs", nargs="+", help="run folders in training order, each with summary.json")
args = p.parse_args()

stages = []
for run in args.runs:
    s = json.load(open(os.path.join(run, "summary.json")))
    a = s["args"]
    stages.append({
        "run": os.path.basename(os.path.normpath(run)),
        "initialised_from": a.get("init"),
        "steps": s["state"]["step"],
        "epochs_started": s["state"]["epoch"],
        "tokens_seen": s["state"]["tokens"],
        "seconds": round(s["state"]["elapsed"]),
        "lr": a["lr"],
        "warmup": a["warmup"],
        "tokens_per_batch": a["tokens_per_batch"],
        "caption_dropout": a["caption_dropout"],
        "word_dropout": a["word_dropout"],
        "header_weight": a.get("header_weight", 1.0),
        "seed": a["seed"],
    })
record = {
    "training_stages": stages,
    "training_minutes_total": round(sum(s["seconds"] for s in stages) / 60, 1),
}
notes = [os.path.join(r, "card-notes.json") for r in args.runs]
for n in notes:
    if os.path.exists(n):
        record.setdefault("training_notes", []).append(json.load(open(n))["training_notes"])
json.dump(record, open(args.out, "w"), indent=1)
print(json.dumps(record, indent=1))

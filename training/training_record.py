"""
Collects the stages of a training into one JSON record for the model card, in training order: each stage after
the first starts from the weights of the one before it (scripts/release-model.sh runs them).

    /usr/bin/python3 training/training_record.py --out record.json RUN_DIR [RUN_DIR ...]

Each run folder is read from summary.json (written when the run reaches its planned steps) or, for a run stopped
before that, from its ckpt.pt (args and state), and from log.jsonl for the last validation loss.
"""
import argparse
import json
import os


def run_state(run):
    """(args, state, params, finished) from summary.json, else from the checkpoint."""
    summary = os.path.join(run, "summary.json")
    if os.path.exists(summary):
        with open(summary) as f:
            s = json.load(f)
        return s["args"], s["state"], s.get("params"), True
    ckpt = os.path.join(run, "ckpt.pt")
    if not os.path.exists(ckpt):
        raise SystemExit(f"{run} has neither summary.json nor ckpt.pt")
    import torch

    ck = torch.load(ckpt, map_location="cpu")
    params = sum(v.numel() for v in ck["model"].values())
    a, state = ck["args"], ck["state"]
    minutes_up = a.get("schedule_minutes") and state["elapsed"] >= 60 * a["schedule_minutes"]  # a curve over minutes
    return a, state, params, bool(minutes_up) or state["step"] >= a["steps"]


def last_valid_loss(run):
    """The last logged validation loss and its step, or (None, None)."""
    path = os.path.join(run, "log.jsonl")
    found = (None, None)
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                rec = json.loads(line)
                if "valid_loss" in rec:
                    found = (rec["valid_loss"], rec["step"])
    return found


def stage(run):
    a, state, params, finished = run_state(run)
    valid_loss, valid_step = last_valid_loss(run)
    return {
        "run": os.path.basename(os.path.normpath(run)),
        "initialised_from": a.get("init"),
        "finished": finished,
        "steps": state["step"],
        "steps_planned": a["steps"],
        "epochs_started": state["epoch"],
        "tokens_seen": state["tokens"],
        "seconds": round(state["elapsed"]),
        "parameters": params,
        "lr": a["lr"],
        "warmup": a["warmup"],
        "tokens_per_batch": a["tokens_per_batch"],
        "caption_dropout": a["caption_dropout"],
        "word_dropout": a["word_dropout"],
        "header_weight": a.get("header_weight", 1.0),
        "aux_weight": a.get("aux_weight", 0.0),
        "ref_prob": a.get("ref_prob", 0.0),
        "eval_every": a.get("eval_every"),
        "seed": a["seed"],
        "ref_loss_weight": a.get("ref_loss_weight", 1.0),
        "ref_same_key": a.get("ref_same_key", 0.0),
        "dropout": a.get("dropout"),  # None: the config's (0.1)
        "device": a.get("device", "cpu"),
        "schedule_minutes": a.get("schedule_minutes"),
        "last_valid_loss": valid_loss,
        "last_valid_step": valid_step,
        "best_valid_loss": state.get("best_loss"),  # the weights kept, where the run kept its best (--best)
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("runs", nargs="+", help="run folders in training order")
    args = p.parse_args()
    stages = [stage(run) for run in args.runs]
    record = {
        "training_stages": stages,
        "training_minutes_total": round(sum(s["seconds"] for s in stages) / 60, 1),
    }
    for run in args.runs:
        notes = os.path.join(run, "card-notes.json")
        if os.path.exists(notes):
            with open(notes) as f:
                record.setdefault("training_notes", []).append(json.load(f)["training_notes"])
    with open(args.out, "w") as f:
        json.dump(record, f, indent=1)
    print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()

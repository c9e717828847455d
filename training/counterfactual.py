"""
Counterfactual check of the gradient-influence ranking, small enough for two CPU cores.

    /usr/bin/python3 training/counterfactual.py        # 3 generations, k = 30, 30 steps per run, the exported checkpoint
    /usr/bin/python3 training/counterfactual.py --generations 1 --k 5 --steps 2 --pool 60 --out /tmp/cf.json  # smoke

For a few generations (made by `npm run generate` with fixed prompts and seeds), the catalogue's training tunes
(transposed copies excluded) are ranked by the app's gradient measure (the generation's sketch, from the shipped
ONNX weights, against public/corpus/neighbours-gradient.bin). The trained checkpoint is then fine-tuned briefly,
always from the same state (weights and Adam moments) and with the same batches:

    full          on a pool of catalogue training tunes (every generation's top k and random k, plus filler),
    minus-top     the same batches with this generation's top-k tunes taken out,
    minus-music   the same batches without the k tunes nearest by music embedding (a similarity control),
    minus-random  the same batches with k random pool tunes (none of them in the top k) taken out, for each of
                  --random-draws random sets (their log-probabilities are averaged).

If the ranking means something, leaving out the top k should lower the generation's log-probability more than
leaving out random tunes: drop_top = lp(full) - lp(minus-top) > drop_random = lp(full) - lp(minus-random).
Dropout is off during fine-tuning and each tune keeps a fixed caption per epoch, so the runs differ only in the
tunes taken out. Every reading, in the ranking and in fine-tuning, is without reference excerpts and with the bar
positions (`beats`) of the arrays, or for a generation those of bar_position.py. Writes a JSON report (--out) and
prints a summary.
"""
import argparse
import glob
import json
import os
import subprocess
import time

import numpy as np
import torch
import torch.nn.functional as F

from gradient_sketch import output_layer_gradients, sketch, sketch_plan
from json_files import read_json, sha256, write_json
from compact_weights import rounded_parameter
from onnx_weights import model_from_onnx, stored_precision
from tune_vectors import caption_ids, read_batch, read_batch_with_grad
from bar_position import bar_positions
from data import PAD, Corpus, length_batches
from model import ModelConfig, TuneModel

PROMPTS = [("a lively jig in d major", 1), ("a slow air in a minor", 2), ("a reel in g major", 3),
           ("a hornpipe in a major", 4), ("a march in g", 5)]


def generation(prompt, seed, max_tokens, model_dir):
    """A tune from the app's own decoder (onnxruntime-node), as token strings."""
    cmd = ["npx", "--no-install", "tsx", "cli/generate.ts", "--prompt", prompt, "--seed", str(seed), "--max-tokens", str(max_tokens),
           "--model-dir", model_dir, "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out)["tokens"]


def prompt_ids(vocab_text, prompt):
    import re

    words = [w.strip("/") for w in re.split(r"[^a-z0-9/]+", prompt.lower().replace("'", "")) if w.strip("/")]
    index = {w: i for i, w in enumerate(vocab_text)}
    return np.array([index.get(w, 2) for w in words[:32]] or [1])


def catalogue_set(args, n, name):
    """Unit rows of one shipped vector set and its header entry (rows are stored already centred)."""
    info = read_json(os.path.join(args.index, "neighbours.json"))["sets"][name]
    with open(os.path.join(args.index, info["file"]), "rb") as f:
        raw = f.read()
    scale = np.frombuffer(raw[: 4 * n], np.float32)
    rows = scale[:, None] * np.frombuffer(raw[4 * n :], np.int8).reshape(n, info["dim"])
    return F.normalize(torch.from_numpy(rows.copy()), dim=-1), info


def log_prob(model, prompt, tune, beats):
    """log p(tune tokens and </s> | prompt), teacher-forced, dropout off."""
    with torch.no_grad():
        logits, _, targets = read_batch(model, [prompt], [tune], [beats])
        return -F.cross_entropy(logits[0], targets[0], reduction="sum").item()


def pool_batches(corpus, pool, steps, tokens_per_batch, seed):
    """A fixed sequence of (tune, caption) batches over the pool, epoch after epoch."""
    rng = np.random.default_rng(seed)
    out, epoch = [], 0
    while len(out) < steps:
        for b in length_batches(corpus, pool, tokens_per_batch, rng):
            out.append([(int(i), (int(i) + epoch) % len(corpus.captions[i])) for i in b])
        epoch += 1
    return out[:steps]


def finetune(ck, cfg, corpus, batches, excluded, lr, max_text):
    model = TuneModel(cfg)
    model.load_state_dict(ck["model"])
    model.eval()  # dropout off: the runs should differ only in the tunes left out
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=0.01)
    if "opt" in ck:
        opt.load_state_dict(ck["opt"])
    for g in opt.param_groups:
        g["lr"] = lr
    for batch in batches:
        kept = [(i, c) for i, c in batch if i not in excluded]
        if not kept:
            continue
        prompts = [caption_ids(corpus, i, c, max_text) for i, c in kept]
        logits, _, targets = read_batch_with_grad(model, prompts, [corpus.tunes[i] for i, _ in kept],
                                                    [corpus.beats[i] for i, _ in kept])
        loss = F.cross_entropy(logits.reshape(-1, cfg.music_vocab), targets.reshape(-1), ignore_index=PAD, reduction="sum")
        loss = loss / (targets != PAD).sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    return model


def markdown(report):
    s = report["settings"]
    lines = [
        f"Checkpoint `{report['checkpoint']['path']}`, step {report['checkpoint']['step']} (the exported one, decoder "
        f"{report['checkpoint']['decoderSha256'][:12]}: {str(report['checkpoint']['matchesExport']).lower()}); "
        f"k = {s['k']}, {s['steps']} fine-tuning steps of about {s['tokens_per_batch']} tokens at lr {s['lr']} over a pool of "
        f"{s['pool']} training tunes, {s['random_draws']} random sets per generation; {report['seconds']:.0f} s with `{report['command']}`.",
        "",
        "| prompt (seed) | tokens | log p before | after full pool | drop without gradient top k | drop without music top k "
        "(shared with gradient's) | drop without random k (mean) | top-k / random-k tune visits |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in report["generations"]:
        lines.append(f"| {r['prompt']} ({r['seed']}) | {r['tokens']} | {r['lpBefore']:.2f} | {r['lpFull']:.2f} | {r['dropTop']:.3f} | "
                     f"{r['dropMusicTop']:.3f} ({r['musicTopInGradientTop']}) | {r['dropRandom']:.3f} | {r['topVisits']} / {r['randomVisits']} |")
    m = report["summary"]
    lines += ["", f"Mean drop without the gradient top k: {m['meanDropTop']:.3f} nats; without the music-embedding top k: "
                  f"{m['meanDropMusicTop']:.3f} nats; without random k: {m['meanDropRandom']:.3f} nats. The gradient top k mattered "
                  f"more than random k for {m['topDropsMore']} of {m['generations']} generations, and more than the music top k for "
                  f"{m['topDropsMoreThanMusicTop']}."]
    return "\n".join(lines)


def update_docs(path, report):
    begin, end = "<!-- counterfactual:begin -->", "<!-- counterfactual:end -->"
    with open(path) as f:
        doc = f.read()
    a, b = doc.find(begin), doc.find(end)
    if a < 0 or b < a:
        raise SystemExit(f"{path} has no {begin} ... {end} section")
    with open(path, "w") as f:
        f.write(doc[: a + len(begin)] + "\n" + markdown(report) + "\n" + doc[b:])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", default=None, help="default: the training/runs/*/ckpt.pt that public/models was exported from")
    p.add_argument("--models", default="public/models")
    p.add_argument("--index", default="public/corpus")
    p.add_argument("--data", default="training/data")
    p.add_argument("--catalogue", default="public/corpus/catalogue.json")
    p.add_argument("--generations", type=int, default=3)
    p.add_argument("--max-tokens", type=int, default=400)
    p.add_argument("--k", type=int, default=30)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--pool", type=int, default=400)
    p.add_argument("--random-draws", type=int, default=2, help="random sets per generation; their drops are averaged")
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--tokens-per-batch", type=int, default=4096)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--allow-mismatch", action="store_true", help="smoke tests: checkpoint need not be the exported one")
    p.add_argument("--out", default="bench-results/attribution-counterfactual.json")
    p.add_argument("--docs", default="docs/attribution.md", help="rewrites its counterfactual section; '' to leave it")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()

    corpus = Corpus(args.data, os.path.join(args.models, "vocab.json"))
    entries = read_json(args.catalogue)["entries"]
    vocab = read_json(os.path.join(args.models, "vocab.json"))
    shipped, cfg = model_from_onnx(args.models)
    precision = stored_precision(args.models)

    def exported_from(ck):
        head = rounded_parameter(ck["model"]["head.weight"], precision)  # as export.py stored it
        return ModelConfig(**ck["config"]) == cfg and torch.equal(head, shipped.head.weight)

    if args.ckpt is None:
        found = [c for c in sorted(glob.glob("training/runs/*/ckpt.pt")) if exported_from(torch.load(c, map_location="cpu"))]
        args.ckpt = found[0] if found else "training/runs/v2-cont/ckpt.pt"
    ck = torch.load(args.ckpt, map_location="cpu")
    ck_cfg = ModelConfig(**ck["config"])
    matches = exported_from(ck)
    if not matches and not args.allow_mismatch:
        raise SystemExit(f"{args.ckpt} is not the checkpoint {args.models} was exported from (use --allow-mismatch for smoke tests)")
    rows, g = catalogue_set(args, len(entries), "gradient")
    music_rows, music_info = catalogue_set(args, len(entries), "music")
    centre = torch.tensor(music_info["centre"])
    plan = sketch_plan(g["seed"], g["k"], g["features"], g["blocks"])
    if len(entries) != corpus.meta["tunes"]:
        raise SystemExit(f"catalogue has {len(entries)} tunes, {args.data} has {corpus.meta['tunes']}: rebuild with npm run corpus")
    train = corpus.indices("train")
    train = train[train < corpus.meta["tunes"]]  # catalogue rows: the index holds no transposed copies
    music_index = {t: i for i, t in enumerate(vocab["music"])}
    rng = np.random.default_rng(args.seed)

    gens = []
    for prompt, seed in PROMPTS[: args.generations]:
        tokens = generation(prompt, seed, args.max_tokens, args.models)
        tune = np.array([1] + [music_index[t] for t in tokens] + [2])
        beats = np.array(bar_positions(["<s>", *tokens, "</s>"]))
        text = prompt_ids(vocab["text"], prompt)
        logits, hidden, targets = read_batch(shipped, [text], [tune], [beats])
        sk = F.normalize(sketch(output_layer_gradients(logits, hidden, targets).reshape(1, -1), plan, g["k"]), dim=-1)
        scores = (rows[train] @ sk[0]).numpy()
        top = train[np.argsort(-scores, kind="stable")[: args.k]]
        # Control: the top k by music-embedding similarity, to see whether the gradient ranking adds anything.
        _, hidden, _ = read_batch(shipped, [np.array([1])], [tune], [beats])
        mq = F.normalize(hidden[0].mean(0) - centre, dim=0)
        music_top = train[np.argsort(-(music_rows[train] @ mq).numpy(), kind="stable")[: args.k]]
        others = np.setdiff1d(train, top)
        draws = [[int(i) for i in rng.choice(others, size=args.k, replace=False)] for _ in range(args.random_draws)]
        gens.append({"prompt": prompt, "seed": seed, "tokens": len(tokens), "tune": tune, "beats": beats, "text": text,
                     "top": [int(i) for i in top], "musicTop": [int(i) for i in music_top], "random": draws,
                     "topScores": [round(float(x), 4) for x in np.sort(scores)[::-1][: args.k]]})
    chosen = sorted({i for gen in gens for i in gen["top"] + gen["musicTop"] + [j for d in gen["random"] for j in d]})
    filler = rng.choice(np.setdiff1d(train, chosen), size=max(0, args.pool - len(chosen)), replace=False)
    pool = np.array(sorted(chosen + [int(i) for i in filler]))
    batches = pool_batches(corpus, pool, args.steps, args.tokens_per_batch, args.seed)

    def lp(model, gen):
        return log_prob(model, gen["text"], gen["tune"], gen["beats"])

    start = TuneModel(ck_cfg)
    start.load_state_dict(ck["model"])
    start.eval()
    full = finetune(ck, ck_cfg, corpus, batches, set(), args.lr, ck_cfg.max_text)
    results = []
    for gen in gens:
        minus_top = finetune(ck, ck_cfg, corpus, batches, set(gen["top"]), args.lr, ck_cfg.max_text)
        minus_music = finetune(ck, ck_cfg, corpus, batches, set(gen["musicTop"]), args.lr, ck_cfg.max_text)
        lp_random = [lp(finetune(ck, ck_cfg, corpus, batches, set(d), args.lr, ck_cfg.max_text), gen) for d in gen["random"]]
        r = {"prompt": gen["prompt"], "seed": gen["seed"], "tokens": gen["tokens"], "lpBefore": lp(start, gen),
             "lpFull": lp(full, gen), "lpMinusTop": lp(minus_top, gen), "lpMinusRandom": [round(x, 4) for x in lp_random],
             "topIds": [entries[i]["id"] for i in gen["top"]], "topScores": gen["topScores"],
             "randomIds": [[entries[i]["id"] for i in d] for d in gen["random"]],
             "lpMinusMusicTop": lp(minus_music, gen), "musicTopIds": [entries[i]["id"] for i in gen["musicTop"]],
             "musicTopInGradientTop": len(set(gen["musicTop"]) & set(gen["top"])),
             "topVisits": sum(i in set(gen["top"]) for b in batches for i, _ in b),
             "randomVisits": round(float(np.mean([sum(i in set(d) for b in batches for i, _ in b) for d in gen["random"]])), 1)}
        r["dropTop"] = r["lpFull"] - r["lpMinusTop"]
        r["dropRandom"] = r["lpFull"] - float(np.mean(lp_random))
        r["dropMusicTop"] = r["lpFull"] - r["lpMinusMusicTop"]
        results.append({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})
        print(json.dumps({k: results[-1][k] for k in ("prompt", "lpBefore", "lpFull", "dropTop", "dropMusicTop", "dropRandom", "topVisits", "randomVisits")}),
              flush=True)
    report = {
        "command": "/usr/bin/python3 training/counterfactual.py " + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items()
                                                                            if k in ("generations", "k", "steps", "pool", "random_draws", "lr", "seed")),
        "checkpoint": {"path": args.ckpt, "step": ck["state"]["step"], "matchesExport": bool(matches),
                       "decoderSha256": sha256(os.path.join(args.models, "decoder.onnx"))},
        "settings": {k: getattr(args, k) for k in ("generations", "k", "steps", "pool", "random_draws", "lr", "tokens_per_batch", "seed",
                                                  "max_tokens")},
        "generations": results,
        "summary": {
            "meanDropTop": round(float(np.mean([r["dropTop"] for r in results])), 4),
            "meanDropMusicTop": round(float(np.mean([r["dropMusicTop"] for r in results])), 4),
            "meanDropRandom": round(float(np.mean([r["dropRandom"] for r in results])), 4),
            "topDropsMore": sum(r["dropTop"] > r["dropRandom"] for r in results),
            "topDropsMoreThanMusicTop": sum(r["dropTop"] > r["dropMusicTop"] for r in results),
            "generations": len(results),
        },
        "seconds": round(time.time() - t0, 1),
    }
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    write_json(args.out, report, indent=1)
    if args.docs:
        update_docs(args.docs, report)
    print(json.dumps(report["summary"]), f"{report['seconds']} s -> {args.out}")


if __name__ == "__main__":
    main()

"""
Precomputes the catalogue side of the "nearest training examples" views: one text embedding, one music
embedding and one sketched output-layer gradient per catalogue tune. The browser and the CLI compute the same
three vectors for a generation (src/explain/) and rank the catalogue by cosine.

    /usr/bin/python3 training/attribution.py                       # weights from public/models/*.onnx
    /usr/bin/python3 training/attribution.py --ckpt training/runs/v2-cont/ckpt.pt     # must match the ONNX files

Writes public/corpus/neighbours.json (header: methods, seed, model hashes), public/corpus/neighbours-{text,music,
gradient}.bin (per row a float32 scale, then int8 values) and training/golden/attribution.json (float32 reference
vectors for a few tunes, which the TypeScript parity test recomputes through onnxruntime-node).

Rows: the catalogue's tunes only (rows 0..meta.tunes-1 of the training arrays, in catalogue.json's order); the
transposed training copies after them are not indexed. Every tune is read without reference excerpts, with its bar
positions (`beats`) from the arrays.

The pieces: gradient_sketch.py (the projection), onnx_weights.py (the weights), tune_vectors.py (the vectors),
int8_rows.py (the stored sets). This file is the command.
"""
import argparse
import json
import os
import time

import numpy as np
import torch

from data import Corpus
from gradient_sketch import fidelity, fnv1a, sketch_plan
from int8_rows import write_set
from json_files import read_json, sha256, write_json
from onnx_weights import model_from_ckpt, model_from_onnx, stored_precision
from tune_vectors import caption_ids, encode, length_groups, text_embeddings, tune_vectors

FORMAT_VERSION = 1
DEFAULT_SEED = 20251125
DEFAULT_K = 1024
DEFAULT_BLOCKS = 4


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default="public/models")
    p.add_argument("--ckpt", default=None, help="use this checkpoint instead of the ONNX weights (must match them)")
    p.add_argument("--data", default="training/data")
    p.add_argument("--catalogue", default="public/corpus/catalogue.json")
    p.add_argument("--out", default="public/corpus")
    p.add_argument("--golden", default="training/golden/attribution.json")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--k", type=int, default=DEFAULT_K)
    p.add_argument("--blocks", type=int, default=DEFAULT_BLOCKS, help="nonzeros per feature in the sparse projection")
    p.add_argument("--tokens-per-batch", type=int, default=6144)
    p.add_argument("--fidelity-sample", type=int, default=300, help="tunes whose exact gradients are kept to measure the sketch error")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--limit", type=int, default=None, help="only the first N tunes (tests)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()

    model, cfg = model_from_ckpt(args.ckpt, args.models) if args.ckpt else model_from_onnx(args.models)
    corpus = Corpus(args.data, os.path.join(args.models, "vocab.json"))
    entries = read_json(args.catalogue)["entries"]
    vocab = read_json(os.path.join(args.models, "vocab.json"))
    if len(entries) != corpus.meta["tunes"]:
        raise SystemExit(f"catalogue has {len(entries)} tunes, {args.data} has {corpus.meta['tunes']}: rebuild with npm run corpus")
    music_index = {t: i for i, t in enumerate(vocab["music"])}
    for i, e in enumerate(entries):
        if [music_index.get(t, -1) for t in e["tokens"]] != corpus.tunes[i][1:-1].tolist():
            raise SystemExit(f"catalogue entry {i} ({e['id']}) does not match {args.data}: rebuild with npm run corpus")
    if args.limit:
        entries = entries[: args.limit]
    N, D, V = len(entries), cfg.d_model, cfg.music_vocab  # catalogue rows 0..N-1; transposed copies follow them
    plan = sketch_plan(args.seed, args.k, V * (D + 1), args.blocks)

    text = np.zeros((N, D), np.float32)
    music = np.zeros((N, D), np.float32)
    sketches = np.zeros((N, args.k), np.float32)
    rng = np.random.default_rng(args.seed)
    keep = set(rng.choice(N, size=min(args.fidelity_sample, N), replace=False).tolist())
    kept_grads, kept_rows = [], []
    for group in length_groups(corpus, range(N), args.tokens_per_batch):
        t, m, s, grads = tune_vectors(model, corpus, group, plan, args.k, cfg.max_text)
        text[group], music[group], sketches[group] = t.numpy(), m.numpy(), s.numpy()
        for b, i in enumerate(group):
            if i in keep:
                kept_grads.append(grads[b].reshape(-1))
                kept_rows.append(i)
    order = np.argsort(kept_rows)
    fid = fidelity(torch.stack(kept_grads)[order], torch.from_numpy(sketches[np.array(kept_rows)[order]])) if kept_rows else None

    # Mean-pooled states share a large common direction (cosines near 1 everywhere); subtracting the catalogue
    # mean spreads them out. The gradient is left as it is: its cosine is the TracIn/TRAK quantity.
    centres = {"text": text.mean(0), "music": music.mean(0)}
    text, music = text - centres["text"], music - centres["music"]
    os.makedirs(args.out, exist_ok=True)
    files = {}
    for name, x in (("text", text), ("music", music), ("gradient", sketches)):
        path = os.path.join(args.out, f"neighbours-{name}.bin")
        write_set(path, x)
        files[name] = {"file": os.path.basename(path), "bytes": os.path.getsize(path), "sha256": sha256(path)}
    ids = [e["id"] for e in entries]
    header = {
        "version": FORMAT_VERSION,
        "command": "npm run catalogue:index",
        "encoding": "per row: float32 scale for all rows first, then int8 values row-major; value = scale * int8",
        "count": N,
        "idsFnv1a": f"{fnv1a(chr(10).join(ids)):08x}",
        "model": {
            "weights": f"checkpoint {args.ckpt} ({stored_precision(args.models)}-rounded)" if args.ckpt else f"{args.models}/*.onnx initializers",
            "encoderSha256": sha256(os.path.join(args.models, "encoder.onnx")),
            "decoderSha256": sha256(os.path.join(args.models, "decoder.onnx")),
        },
        "sets": {
            "text": {**files["text"], "dim": D, "centre": [round(float(x), 6) for x in centres["text"]],
                     "method": "mean over the tune's captions of the mean-pooled encoder memory of each caption, "
                               "minus the catalogue mean (centre)"},
            "music": {**files["music"], "dim": D, "centre": [round(float(x), 6) for x in centres["music"]],
                      "method": "mean over positions of the decoder's last hidden state (after the final layer norm), "
                                "teacher-forced under the empty (<none>) prompt without references, minus the catalogue mean (centre)"},
            "gradient": {**files["gradient"], "dim": args.k, "k": args.k, "blocks": args.blocks, "seed": args.seed,
                         "features": V * (D + 1), "layout": "feature i = v * (D + 1) + d; d = D is the bias",
                         "projection": "sparse JL, block construction: h = fmix32((b * n + i) ^ fmix32(seed ^ 0x9e3779b9)); "
                                       "feature i adds sign(h) / sqrt(blocks) into row b * (k / blocks) + h % (k / blocks), "
                                       "sign(h) = -1 if the top bit of h is set",
                         "method": "output-layer gradient of the tune's summed token loss (</s> included), teacher-forced "
                                   "under its first caption without references, sketched by the seeded random projection",
                         "fidelity": fid},
        },
        "seconds": round(time.time() - t0, 1),
    }
    write_json(os.path.join(args.out, "neighbours.json"), header, indent=1)
    write_golden(args.golden, model, corpus, entries, plan, args, cfg.max_text)
    print(json.dumps({"tunes": N, "seconds": header["seconds"], "fidelity": fid, "files": files}, indent=1))


def write_golden(path, model, corpus, entries, plan, args, max_text):
    """Float32 reference vectors for a few tunes: the TypeScript parity test recomputes these with onnxruntime."""
    idx = sorted({0, 1, 2, len(entries) // 2, int(np.argmax([len(corpus.tunes[i]) for i in range(len(entries))]))})
    out = []
    for i in idx:
        _, music, sk, _ = tune_vectors(model, corpus, [i], plan, args.k, max_text)
        memory, valid = encode(model, [caption_ids(corpus, i, 0, max_text)])
        out.append({"id": entries[i]["id"], "caption": entries[i]["captions"][0],
                    "text": [round(float(x), 7) for x in text_embeddings(memory, valid)[0]],
                    "music": [round(float(x), 7) for x in music[0]],
                    "gradient": [round(float(x), 7) for x in sk[0]]})
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_json(path, {"seed": args.seed, "k": args.k, "blocks": args.blocks, "tunes": out})


if __name__ == "__main__":
    main()

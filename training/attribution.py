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

Weights: by default the model is rebuilt from the initializers of the shipped ONNX files, i.e. exactly the
checkpoint the export used, rounded to float16 as export.py stores it. With --ckpt the checkpoint is loaded the way
export.py loads it and checked against the ONNX output layer, so a stale export cannot slip through.

Gradient sketch: for a tune under a prompt, the gradient of its summed token loss with respect to the output
layer (weight V x D and bias V) is G = sum_s (softmax(logits_s) - onehot(target_s)) (x) [hidden_s, 1], a V x (D+1)
matrix, n = V (D+1) numbers. A sparse Johnson-Lindenstrauss projection (Kane & Nelson's block construction, a
CountSketch per block) maps it to k numbers: feature i = v (D+1) + d goes, with a random sign, into one row of each
of the `blocks` blocks. Rows and signs come from an integer hash of (seed, block, feature), so Python and TypeScript
derive the same projection from the seed and nothing is shipped but the seed.
"""
import argparse
import hashlib
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from data import PAD, TEXT_NONE, Corpus
from model import TRAINING_ONLY, ModelConfig, TuneModel

FORMAT_VERSION = 1
DEFAULT_SEED = 20251125
DEFAULT_K = 1024
DEFAULT_BLOCKS = 4
GOLDEN_SEED_MIX = 0x9E3779B9
M32 = np.uint32(0xFFFFFFFF)


# ---------------------------------------------------------------------------------------------- sketch
def fmix32(h):
    """MurmurHash3's 32-bit finaliser on a uint32 array (wrapping arithmetic, as Math.imul in TypeScript)."""
    h = np.asarray(h, dtype=np.uint32).copy()
    with np.errstate(over="ignore"):
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
    return h


def sketch_plan(seed, k, n, blocks):
    """
    Sparse Johnson-Lindenstrauss plan (Kane & Nelson's block construction): k rows in `blocks` blocks of k / blocks;
    feature i lands in one row of each block with a random sign and weight 1/sqrt(blocks). Returns rows (blocks, n)
    int64 and signs (blocks, n) float32. Same bits as src/explain/gradient.ts.
    """
    assert k % blocks == 0 and blocks * n < 2**31, "k must split into equal blocks; b * n + i must stay below 2^31"
    width = k // blocks
    mix = fmix32(np.array([(seed ^ GOLDEN_SEED_MIX) & 0xFFFFFFFF], dtype=np.uint32))[0]
    rows, signs = [], []
    for b in range(blocks):
        h = fmix32((np.arange(n, dtype=np.uint32) + np.uint32(b * n)) ^ mix)
        rows.append(b * width + (h % np.uint32(width)).astype(np.int64))
        signs.append(1.0 - 2.0 * (h >> np.uint32(31)).astype(np.float32))
    return np.stack(rows), np.stack(signs)


def output_layer_gradients(logits, hidden, targets):
    """
    logits: (B, S, V); hidden: (B, S, D); targets: (B, S) with PAD after each tune's end.
    Returns (B, V, D+1): d(summed loss)/d(head weight | head bias) per tune, padding positions excluded.
    """
    valid = (targets != PAD).to(logits.dtype)  # (B, S)
    g = F.softmax(logits, dim=-1)  # (B, S, V)
    g = g - F.one_hot(targets, logits.shape[-1]).to(g.dtype)
    g = g * valid[..., None]
    h1 = torch.cat([hidden, torch.ones_like(hidden[..., :1])], dim=-1)  # (B, S, D+1): the bias sees a constant 1
    return torch.einsum("bsv,bsd->bvd", g, h1)


def sketch(grads_flat, plan, k):
    """grads_flat: (B, n) -> (B, k): each block adds every feature, signed, into its row; scaled by 1/sqrt(blocks)."""
    rows, signs = plan
    out = torch.zeros(grads_flat.shape[0], k, dtype=grads_flat.dtype)
    for r, s in zip(rows, signs):
        out.index_add_(1, torch.from_numpy(r), grads_flat * torch.from_numpy(s).to(grads_flat.dtype)[None, :])
    return out / math.sqrt(len(rows))


# ---------------------------------------------------------------------------------------------- weights
def model_from_onnx(models_dir):
    """
    Rebuilds TuneModel from the shipped encoder.onnx and decoder.onnx. torch.onnx names each node after its module
    ("/decoder.0/self_attn/q/MatMul"), so every weight is found through the node that reads it, even when the
    exporter stored it under an anonymous name, transposed, behind a float16 Cast, or behind an Identity that shares
    it with an equal tensor.
    """
    import onnx
    from onnx import numpy_helper

    card = read_json(os.path.join(models_dir, "model-card.json"))
    cfg = ModelConfig(**card["config"])
    model = TuneModel(cfg).eval()
    wanted = model.state_dict()
    found = {}
    for name in ("encoder.onnx", "decoder.onnx"):
        g = onnx.load(os.path.join(models_dir, name)).graph
        inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        alias = {n.output[0]: n.input[0] for n in g.node if n.op_type in ("Cast", "Identity")}  # float16 store, dedup

        def value(ref):
            while ref not in inits and ref in alias:
                ref = alias[ref]
            return inits.get(ref)

        for n in g.node:
            module = ".".join(n.name.strip("/").split("/")[:-1])
            params = {  # parameter name -> (node input, transpose)
                "MatMul": {"weight": (1, True)},
                "Gemm": {"weight": (1, False), "bias": (2, False)},  # a Linear on a 2-D input (transB=1)
                "Add": {"bias": (None, False)},
                "LayerNormalization": {"weight": (1, False), "bias": (2, False)},
                "Gather": {"weight": (0, False)},
            }.get(n.op_type, {})
            for param, (slot, transpose) in params.items():
                key = f"{module}.{param}"
                if key not in wanted:
                    continue
                refs = n.input if slot is None else [n.input[slot]]
                vals = [value(r) for r in refs if value(r) is not None]
                if len(vals) == 1 and vals[0].size == wanted[key].numel():
                    found[key] = vals[0].T if transpose else vals[0]
    missing = sorted(k for k in set(wanted) - set(found) if not k.startswith(TRAINING_ONLY))
    if missing:
        raise SystemExit(f"cannot find these weights in the ONNX files: {missing[:8]}")
    model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v).astype(np.float32)).reshape(wanted[k].shape)
                           for k, v in found.items()}, strict=False)
    return model, cfg


def model_from_ckpt(path, models_dir):
    """Loads a checkpoint as export.py does (float16-rounded) and refuses one the shipped ONNX was not made from."""
    from export import load

    model, cfg, _ = load(path)
    shipped, _ = model_from_onnx(models_dir)
    if not torch.equal(model.head.weight, shipped.head.weight):
        raise SystemExit(f"{path} is not the checkpoint {models_dir}/decoder.onnx was exported from; export it first")
    return model, cfg


def fnv1a(text):
    """32-bit FNV-1a over UTF-16 code units, as hashString in src/runtime/prng.ts (ids are ASCII)."""
    h = 0x811C9DC5
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_json(path):
    with open(path) as f:
        return json.load(f)


def write_json(path, value, indent=None):
    with open(path, "w") as f:
        json.dump(value, f, indent=indent)


# ---------------------------------------------------------------------------------------------- vectors
def pad(rows, value):
    width = max(len(r) for r in rows)
    out = np.full((len(rows), width), value, np.int64)
    for b, r in enumerate(rows):
        out[b, : len(r)] = r
    return torch.from_numpy(out)


def caption_ids(corpus, i, c, max_text):
    ids = corpus.captions[i][c][:max_text]
    return ids if len(ids) else np.array([TEXT_NONE])


def encode_with_grad(model, prompts):
    """prompts: list of word-id arrays -> memory (B, T, D), valid (B, T); no reference excerpts."""
    text = pad(prompts, 0)
    valid = (torch.arange(text.shape[1])[None, :] < torch.tensor([len(p) for p in prompts])[:, None]).float()
    return model.encode(text, valid)


encode = torch.no_grad()(encode_with_grad)


def text_embeddings(memory, valid):
    """Mean of the encoder memory over each prompt's words: (B, D)."""
    return (memory * valid[..., None]).sum(1) / valid.sum(1, keepdim=True)


def read_batch_with_grad(model, prompts, tunes, beats):
    """
    Teacher-forced pass without references: tunes are <s> ... </s> id arrays, beats their bar positions (same
    lengths; corpus.beats, or bar_position.bar_positions for other token lists). Returns logits, hidden (B, S, .)
    and targets (B, S).
    """
    memory, valid = encode_with_grad(model, prompts)
    tokens = pad(tunes, PAD)
    bar = pad(beats, 0)
    logits, _, _, hidden = model.decode(tokens[:, :-1], bar[:, :-1], memory, valid)
    return logits, hidden, tokens[:, 1:]


read_batch = torch.no_grad()(read_batch_with_grad)


def tune_vectors(model, corpus, idx, plan, k, max_text):
    """Text (mean of the caption embeddings), music (mean hidden, <none> prompt), sketch (first caption)."""
    tunes = [corpus.tunes[i] for i in idx]
    beats = [corpus.beats[i] for i in idx]
    caps = [caption_ids(corpus, i, c, max_text) for i in idx for c in range(len(corpus.captions[i]))]
    per = [len(corpus.captions[i]) for i in idx]
    memory, valid = encode(model, caps)
    emb = text_embeddings(memory, valid)
    text = torch.stack([e.mean(0) for e in torch.split(emb, per)])

    logits, hidden, targets = read_batch(model, [np.array([TEXT_NONE])] * len(idx), tunes, beats)
    mask = (targets != PAD).float()[..., None]
    music = (hidden * mask).sum(1) / mask.sum(1)

    logits, hidden, targets = read_batch(model, [caption_ids(corpus, i, 0, max_text) for i in idx], tunes, beats)
    grads = output_layer_gradients(logits, hidden, targets)
    return text, music, sketch(grads.reshape(len(idx), -1), plan, k), grads


def length_groups(corpus, rows, tokens_per_batch):
    """rows: catalogue rows, grouped by length into batches of about tokens_per_batch (padding included)."""
    rows = np.asarray(rows)
    order = rows[np.argsort([len(corpus.tunes[i]) for i in rows], kind="stable")]
    groups, cur = [], []
    for i in order:
        if cur and len(corpus.tunes[i]) * (len(cur) + 1) > tokens_per_batch:
            groups.append(cur)
            cur = []
        cur.append(int(i))
    return groups + [cur] if cur else groups


def quantise(x):
    """Per-row symmetric int8: x ~ scale[:, None] * q."""
    scale = np.abs(x).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(x / scale[:, None]), -127, 127).astype(np.int8)
    return scale.astype(np.float32), q


def write_set(path, x):
    scale, q = quantise(np.asarray(x, dtype=np.float32))
    with open(path, "wb") as f:
        f.write(scale.tobytes())
        f.write(q.tobytes())
    return scale[:, None] * q


def fidelity(grads, sketches, top=10):
    """How far sketch cosines stray from exact gradient cosines over all pairs of a sample of tunes."""
    def cos(m):
        m = F.normalize(m, dim=-1)
        return m @ m.T

    exact, approx = cos(grads), cos(sketches)
    n = exact.shape[0]
    off = ~torch.eye(n, dtype=torch.bool)
    err = (exact - approx)[off].abs()
    overlap = []
    for r in range(n):
        e = exact[r].clone()
        a = approx[r].clone()
        e[r] = a[r] = -2
        overlap.append(len(set(e.topk(top).indices.tolist()) & set(a.topk(top).indices.tolist())) / top)
    return {"tunes": n, "meanAbsCosineError": round(err.mean().item(), 4), "maxAbsCosineError": round(err.max().item(), 4),
            f"top{top}Overlap": round(float(np.mean(overlap)), 3)}


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
            "weights": f"checkpoint {args.ckpt} (float16-rounded)" if args.ckpt else f"{args.models}/*.onnx initializers",
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

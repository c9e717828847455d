"""
The gradient sketch shared by the catalogue index (attribution.py) and the counterfactual check: for a tune under
a prompt, the gradient of its summed token loss with respect to the output layer (weight V x D and bias V) is
G = sum_s (softmax(logits_s) - onehot(target_s)) (x) [hidden_s, 1], a V x (D+1) matrix, n = V (D+1) numbers. A
sparse Johnson-Lindenstrauss projection (Kane & Nelson's block construction, a CountSketch per block) maps it to k
numbers: feature i = v (D+1) + d goes, with a random sign, into one row of each of the `blocks` blocks. Rows and
signs come from an integer hash of (seed, block, feature), so Python and TypeScript (src/explain/gradient.ts)
derive the same projection from the seed and nothing is shipped but the seed.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

from data import PAD

GOLDEN_SEED_MIX = 0x9E3779B9


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


def fnv1a(text):
    """32-bit FNV-1a over UTF-16 code units, as hashString in src/runtime/prng.ts (ids are ASCII)."""
    h = 0x811C9DC5
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def fidelity(grads, sketches, top=10):
    """
    How far sketch cosines stray from exact gradient cosines over all pairs of a sample of tunes. A sample of n
    tunes compares at most each tune's n - 1 others (a small --limit run has few).
    """
    def cos(m):
        m = F.normalize(m, dim=-1)
        return m @ m.T

    exact, approx = cos(grads), cos(sketches)
    n = exact.shape[0]
    top = min(top, n - 1)
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

"""
Validation and test loss of a checkpoint next to a 5-gram Kneser-Ney baseline on the same tokens, plus the data
statistics and training time. Writes JSON that export.py merges into the model card.

    /usr/bin/python3 training/evaluate_lm.py --ckpt training/runs/v2-cont/ckpt.pt --out training/runs/v2-cont/card-extra.json

The model is read with its weights rounded as export.py stores them (--weights, the same default), so the losses
describe the shipped files.

Only catalogue tunes are read (rows 0..meta.tunes-1 of the arrays); the transposed copies after them are training
rows, and the n-gram baseline is fitted on the catalogue's training tunes alone.
"""
import argparse
import dataclasses
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

from compact_weights import DEFAULT_MODE, MODES, round_parameters
from data import MAX_REF_TOKENS, PAD, Corpus, length_batches, make_batch
from model import ModelConfig, TuneModel
from ngram import KneserNey

CAPTIONS = 4  # the conditional figure averages the first four captions
SELF_EXCERPT_BARS = (0, 3)  # bars 1-4 (corpus.excerpt counts from 0) ...
SELF_EXCERPT_MIN_BARS = 8  # ... of tunes with at least 8 bars


def catalogue_rows(corpus, split):
    """The split's catalogue tunes, without transposed copies."""
    return np.array([i for i in corpus.indices(split) if i < corpus.meta["tunes"]], dtype=np.int64)


def self_excerpt(corpus, row):
    """Bars 1-4 of the tune itself as its one reference, or None when the tune is too short or the excerpt too long."""
    if len(corpus.bars[row]) < SELF_EXCERPT_MIN_BARS:
        return None
    ex = corpus.excerpt(row, *SELF_EXCERPT_BARS)
    return ex if len(ex) <= MAX_REF_TOKENS else None


def with_self_excerpts(corpus, b, rows):
    """The batch with each row's self-excerpt as reference 1."""
    exs = [self_excerpt(corpus, i) for i in rows]
    R = max(len(e) for e in exs)
    refs = torch.zeros(len(rows), R, dtype=torch.long)
    slot = torch.zeros(len(rows), R, dtype=torch.long)
    for k, e in enumerate(exs):
        refs[k, : len(e)] = torch.from_numpy(e)
        slot[k, : len(e)] = 1
    return dataclasses.replace(b, refs=refs, ref_slot=slot)


@torch.no_grad()
def model_loss(model, corpus, idx, caption, reference=False):
    """
    Mean loss per token; `caption` None means the unconditional (<none>) prompt. With `reference` each tune is read
    with one reference excerpt of itself (bars 1-4), so `idx` must hold tunes that have one (self_excerpt).
    """
    total, count = 0.0, 0
    rng = np.random.default_rng(0)
    for rows in length_batches(corpus, idx, 4096, rng):
        if caption is None:
            b = make_batch(corpus, rows, rng, caption_dropout=1.0)
        else:
            b = make_batch(corpus, rows, rng, fixed_caption=caption)
        if reference:
            b = with_self_excerpts(corpus, b, rows)
        logits = model(b.text, b.valid, b.tokens[:, :-1], b.beats[:, :-1], b.refs, b.ref_slot)
        targets = b.tokens[:, 1:]
        total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=PAD, reduction="sum").item()
        count += (targets != PAD).sum().item()
    return total / count


def conditional_loss(model, corpus, idx, reference=False):
    return float(np.mean([model_loss(model, corpus, idx, c, reference) for c in range(CAPTIONS)]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", required=True)
    p.add_argument("--data", default="training/data")
    p.add_argument("--vocab", default="public/models/vocab.json")
    p.add_argument("--out", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=None, help="only the first N tunes of each split (smoke tests)")
    p.add_argument("--weights", choices=MODES, default=DEFAULT_MODE, help="rounded as export.py stores them")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    corpus = Corpus(args.data, args.vocab)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = TuneModel(ModelConfig(**ck["config"]))
    model.load_state_dict(ck["model"])
    model.eval()
    round_parameters(model, args.weights)
    train, valid, test = (catalogue_rows(corpus, s)[: args.limit] for s in ("train", "valid", "test"))
    lm = KneserNey(order=5).fit([corpus.tunes[i] for i in train], corpus.meta["musicVocab"])
    figures = {}
    for name, idx in (("valid", valid), ("test", test)):
        seqs = [corpus.tunes[i] for i in idx]
        cond = conditional_loss(model, corpus, idx)
        uncond = model_loss(model, corpus, idx, None)
        ng = lm.log_loss(seqs)
        with_ref = np.array([i for i in idx if self_excerpt(corpus, i) is not None], dtype=np.int64)
        ref = conditional_loss(model, corpus, with_ref, reference=True) if len(with_ref) else float("nan")
        same = conditional_loss(model, corpus, with_ref) if len(with_ref) < len(idx) else cond
        figures[name] = {
            "tunes": len(idx),
            "tokens": int(sum(len(s) - 1 for s in seqs)),
            "model_loss": round(cond, 4),
            "model_perplexity": round(math.exp(cond), 3),
            "model_loss_unconditional": round(uncond, 4),
            "model_perplexity_unconditional": round(math.exp(uncond), 3),
            "kneser_ney_5gram_loss": round(ng, 4),
            "kneser_ney_5gram_perplexity": round(math.exp(ng), 3),
            "model_loss_with_reference": round(ref, 4),
            "model_loss_with_reference_tunes": len(with_ref),
            "model_loss_same_tunes_without_reference": round(same, 4),
        }
        print(name, figures[name], flush=True)
    n_cat = corpus.meta["tunes"]
    all_train = corpus.indices("train")
    extra = {
        "data": {
            "corpus_report": corpus.meta["report"],
            "music_vocab": corpus.meta["musicVocab"],
            "text_vocab": corpus.meta["textVocab"],
            "catalogue_tunes": n_cat,
            "train_tunes": len(train),
            "train_rows": len(all_train),
            "transposed_copies": len(corpus.tunes) - n_cat,
            "train_tokens": int(sum(len(corpus.tunes[i]) - 1 for i in all_train)),
            "train_tokens_catalogue": int(sum(len(corpus.tunes[i]) - 1 for i in train)),
        },
        "machine": f"{os.cpu_count()} CPU cores, torch {torch.__version__}",
        "perplexity": {
            "note": "loss is mean negative log-likelihood per music token (nats) over the catalogue's tunes of the split "
                    "(transposed copies excluded), each read without references; the model's figure averages its first "
                    f"{CAPTIONS} captions, the unconditional one reads the empty (<none>) prompt; the 5-gram baseline is "
                    "fitted on the catalogue's training tunes (without transposed copies). model_loss_with_reference is a "
                    "self-excerpt reading, not a held-out figure: each tune with at least "
                    f"{SELF_EXCERPT_MIN_BARS} bars is read under its captions with one reference, bars 1-4 of the tune "
                    "itself, whose tokens it then predicts; model_loss_same_tunes_without_reference is the same tunes and "
                    "captions without the reference",
            "weights": f"{args.weights}, as export.py stores them",
            **figures,
        },
    }
    if args.limit:
        extra["perplexity"]["note"] += f"; smoke run on the first {args.limit} tunes of each split"
    with open(args.out, "w") as f:
        json.dump(extra, f, indent=1)


if __name__ == "__main__":
    main()

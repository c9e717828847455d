"""
Validation and test loss of a checkpoint next to a 5-gram Kneser-Ney baseline on the same tokens, plus the data
statistics and training time. Writes JSON that export.py merges into the model card.

    /usr/bin/python3 training/evaluate_lm.py --ckpt training/runs/main/ckpt.pt --out training/runs/main/card-extra.json
"""
import argparse
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

from data import PAD, Corpus, length_batches, make_batch
from model import ModelConfig, TuneModel
from ngram import KneserNey


@torch.no_grad()
def model_loss(model, corpus, idx, caption):
    """Mean loss per token; `caption` None means the unconditional (<none>) prompt."""
    total, count = 0.0, 0
    rng = np.random.default_rng(0)
    for batch in length_batches(corpus, idx, 4096, rng):
        if caption is None:
            text, valid, tokens = make_batch(corpus, batch, rng, caption_dropout=1.0)
        else:
            text, valid, tokens = make_batch(corpus, batch, rng, fixed_caption=caption)
        logits = model(text, valid, tokens[:, :-1])
        total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tokens[:, 1:].reshape(-1), ignore_index=PAD, reduction="sum").item()
        count += (tokens[:, 1:] != PAD).sum().item()
    return total / count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", required=True)
    p.add_argument("--data", default="training/data")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    torch.set_num_threads(2)
    corpus = Corpus(args.data)
    ck = torch.load(args.ckpt, map_location="cpu")
    model = TuneModel(ModelConfig(**ck["config"]))
    model.load_state_dict(ck["model"])
    model.eval()
    train, valid, test = (corpus.indices(s) for s in ("train", "valid", "test"))
    lm = KneserNey(order=5).fit([corpus.tunes[i] for i in train], corpus.meta["musicVocab"])
    figures = {}
    for name, idx in (("valid", valid), ("test", test)):
        seqs = [corpus.tunes[i] for i in idx]
        cond = np.mean([model_loss(model, corpus, idx, c) for c in range(4)])
        uncond = model_loss(model, corpus, idx, None)
        ng = lm.log_loss(seqs)
        figures[name] = {
            "tunes": len(idx),
            "tokens": int(sum(len(s) - 1 for s in seqs)),
            "model_loss": round(float(cond), 4),
            "model_perplexity": round(math.exp(cond), 3),
            "model_loss_unconditional": round(uncond, 4),
            "model_perplexity_unconditional": round(math.exp(uncond), 3),
            "kneser_ney_5gram_loss": round(ng, 4),
            "kneser_ney_5gram_perplexity": round(math.exp(ng), 3),
        }
        print(name, figures[name], flush=True)
    extra = {
        "data": {
            "corpus_report": corpus.meta["report"],
            "music_vocab": corpus.meta["musicVocab"],
            "text_vocab": corpus.meta["textVocab"],
            "train_tokens": int(sum(len(corpus.tunes[i]) - 1 for i in train)),
        },
        "machine": f"{os.cpu_count()} CPU cores, torch {torch.__version__}",
        "perplexity": {
            "note": "loss is mean negative log-likelihood per music token (nats); the model's figure averages its four captions",
            **figures,
        },
    }
    json.dump(extra, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()

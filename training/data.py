"""Reads the integer arrays written by `npm run corpus` (never pickle) and makes padded training batches."""
import json
import os

import numpy as np
import torch

PAD, BOS, EOS = 0, 1, 2  # music specials, fixed by pipeline/writeArrays.ts
TEXT_PAD, TEXT_NONE, TEXT_UNK = 0, 1, 2


class Corpus:
    def __init__(self, data_dir):
        def arr(name, dtype):
            return np.fromfile(os.path.join(data_dir, name), dtype=dtype)

        self.meta = json.load(open(os.path.join(data_dir, "meta.json")))
        music = arr("music.i16", np.int16)
        mo = arr("music_offsets.i32", np.int32)
        caps = arr("captions.i16", np.int16)
        co = arr("caption_offsets.i32", np.int32)
        ct = arr("caption_tune.i32", np.int32)
        self.split = arr("split.u8", np.uint8)
        self.tunes = [music[mo[i] : mo[i + 1]].astype(np.int64) for i in range(len(mo) - 1)]
        self.captions = [[] for _ in self.tunes]
        for j, t in enumerate(ct):
            self.captions[t].append(caps[co[j] : co[j + 1]].astype(np.int64))

    def indices(self, split):
        code = {"train": 0, "valid": 1, "test": 2}[split]
        return np.nonzero(self.split == code)[0]


def make_batch(corpus, idx, rng, caption_dropout=0.0, word_dropout=0.0, max_text=32, fixed_caption=None):
    """One batch: (text, text_valid, tokens) tensors. Dropped captions become the single <none> word."""
    texts, tunes = [], []
    for i in idx:
        caps = corpus.captions[i]
        c = caps[fixed_caption % len(caps)] if fixed_caption is not None else caps[rng.integers(len(caps))]
        c = c[:max_text].copy()
        if rng.random() < caption_dropout or len(c) == 0:
            c = np.array([TEXT_NONE])
        elif word_dropout > 0:
            c[rng.random(len(c)) < word_dropout] = TEXT_UNK
        texts.append(c)
        tunes.append(corpus.tunes[i])
    T = max(len(c) for c in texts)
    S = max(len(t) for t in tunes)
    text = np.full((len(idx), T), TEXT_PAD, np.int64)
    valid = np.zeros((len(idx), T), np.float32)
    tokens = np.full((len(idx), S), PAD, np.int64)
    for b, (c, t) in enumerate(zip(texts, tunes)):
        text[b, : len(c)] = c
        valid[b, : len(c)] = 1
        tokens[b, : len(t)] = t
    return torch.from_numpy(text), torch.from_numpy(valid), torch.from_numpy(tokens)


def length_batches(corpus, idx, tokens_per_batch, rng):
    """Groups tunes of similar length so batches carry little padding; batch order is shuffled."""
    idx = np.array(idx)
    lens = np.array([len(corpus.tunes[i]) for i in idx])
    order = idx[np.lexsort((rng.random(len(idx)), lens))]
    batches, cur, cur_max = [], [], 0
    for i in order:
        n = len(corpus.tunes[i])
        if cur and max(cur_max, n) * (len(cur) + 1) > tokens_per_batch:
            batches.append(cur)
            cur, cur_max = [], 0
        cur.append(i)
        cur_max = max(cur_max, n)
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches

"""Reads the integer arrays written by `npm run corpus` (never pickle) and makes padded training batches."""
import dataclasses
import json
import os
import re
from dataclasses import dataclass

import numpy as np
import torch

PAD, BOS, EOS = 0, 1, 2  # music specials, fixed by pipeline/writeArrays.ts
TEXT_PAD, TEXT_NONE, TEXT_UNK = 0, 1, 2
MAX_REF_TOKENS = 96  # per reference, meter and key included (docs/model-contract.md)
MAX_REFS = 3
BAR = re.compile(r"^(\||\|\||\|\]|\|:|:\||::)([12])?$")
NOTE = re.compile(r"^((\^\^|\^|__|_|=)?[A-Ga-g][',]*|z)$")


@dataclass
class Batch:
    text: torch.Tensor  # (B, T) word ids
    valid: torch.Tensor  # (B, T) 1 for words
    tokens: torch.Tensor  # (B, S) <s> tune </s>, padded
    beats: torch.Tensor  # (B, S) bar position after each token
    refs: torch.Tensor  # (B, R) reference excerpts' music ids, R may be 0
    ref_slot: torch.Tensor  # (B, R) 1..3, 0 = padding
    ref_cover: torch.Tensor = None  # (B, S) 1 where the token lies in a bar some reference of the row quotes

    def to(self, device):
        fields = (getattr(self, f.name) for f in dataclasses.fields(self))
        return Batch(*(None if t is None else t.to(device, non_blocking=True) for t in fields))


def bars_of(ids, bar_ids, note_ids):
    """(start, end) token ranges of a tune's bars, mirroring src/music/excerpt.ts: a bar runs up to and including
    the bar line that closes it; a run without a note or rest is not a bar; ids hold <s> M K ... </s>."""
    bars, start, has_note = [], 3, False
    body_end = len(ids) - 1 if ids[-1] == EOS else len(ids)
    for i in range(3, body_end):
        if ids[i] in note_ids:
            has_note = True
        if ids[i] in bar_ids:
            if has_note:
                bars.append((start, i + 1))
            start, has_note = i + 1, False
    if has_note:
        bars.append((start, body_end))
    return bars


class Corpus:
    def __init__(self, data_dir, vocab_path="public/models/vocab.json"):
        def arr(name, dtype):
            return np.fromfile(os.path.join(data_dir, name), dtype=dtype)

        self.meta = json.load(open(os.path.join(data_dir, "meta.json")))
        music = arr("music.i16", np.int16)
        beats = arr("music_beats.u8", np.uint8)
        mo = arr("music_offsets.i32", np.int32)
        caps = arr("captions.i16", np.int16)
        co = arr("caption_offsets.i32", np.int32)
        ct = arr("caption_tune.i32", np.int32)
        self.split = arr("split.u8", np.uint8)
        self.source = arr("source.i32", np.int32)
        self.tunes = [music[mo[i] : mo[i + 1]].astype(np.int64) for i in range(len(mo) - 1)]
        self.beats = [beats[mo[i] : mo[i + 1]].astype(np.int64) for i in range(len(mo) - 1)]
        self.captions = [[] for _ in self.tunes]
        for j, t in enumerate(ct):
            self.captions[t].append(caps[co[j] : co[j + 1]].astype(np.int64))
        music_tokens = json.load(open(vocab_path))["music"]
        bar_ids = {i for i, t in enumerate(music_tokens) if BAR.match(t)}
        note_ids = {i for i, t in enumerate(music_tokens) if NOTE.match(t)}
        self.bars = [bars_of(t, bar_ids, note_ids) for t in self.tunes]
        self.copies = {}  # catalogue tune -> its rows (itself and its transposed copies)
        for row, src in enumerate(self.source):
            self.copies.setdefault(int(src), []).append(row)

    def indices(self, split):
        # 3: training tunes the rights registry opts out of training (npm run corpus); no trainer split reads them.
        code = {"train": 0, "valid": 1, "test": 2, "withheld": 3}[split]
        return np.nonzero(self.split == code)[0]

    def excerpt(self, row, first, last):
        """Meter and key tokens, then bars first..last (0-based, inclusive) of a row."""
        t, bars = self.tunes[row], self.bars[row]
        return np.concatenate([t[1:3], t[bars[first][0] : bars[last][1]]])


def sample_references(corpus, row, rng, spans=None, same_key=0.0, start_share=0.0):
    """
    The training signal for reference conditioning: 1 to 3 excerpts of the target tune itself, each from a copy in
    any key (so a reference may be transposed), covering together at most 40% of its bars. The model learns to
    take material from its references while the prompt keeps deciding meter and key. With `spans` (a list), the
    row's token ranges that the excerpts quote are appended to it, where the copy has the row's bars. With
    `same_key`, that share of excerpts comes from the row itself, in its own key (literal quotation is the clearest
    lesson in taking material over; the uniform choice among copies is transposed three times in four). With
    `start_share`, that share of first excerpts begins at bar 1: the app's default reference is a tune's opening
    bars, and an excerpt placed uniformly teaches continuing a quotation far more often than beginning one.
    """
    n_bars = len(corpus.bars[row])
    budget = max(2, int(0.4 * n_bars))
    if n_bars < 4:
        return []
    n = rng.choice([1, 2, 3], p=[0.6, 0.25, 0.15])
    refs = []
    for _ in range(n):
        if budget < 2:
            break
        same = same_key > 0 and rng.random() < same_key  # no extra draw at 0, so earlier stages replay exactly
        copy = row if same else int(rng.choice(corpus.copies[int(corpus.source[row])]))
        copy_bars = len(corpus.bars[copy])
        length = int(rng.integers(2, min(8, budget, copy_bars) + 1))
        at_start = not refs and start_share > 0 and rng.random() < start_share  # no extra draw at 0, as same_key
        first = 0 if at_start else int(rng.integers(0, copy_bars - length + 1))
        ex = corpus.excerpt(copy, first, first + length - 1)
        while len(ex) > MAX_REF_TOKENS and length > 1:
            length -= 1
            ex = corpus.excerpt(copy, first, first + length - 1)
        if len(ex) > MAX_REF_TOKENS:
            continue
        budget -= length
        refs.append(ex)
        if spans is not None and copy_bars == n_bars:
            spans.append((corpus.bars[row][first][0], corpus.bars[row][first + length - 1][1]))
    return refs


def make_batch(corpus, idx, rng, caption_dropout=0.0, word_dropout=0.0, max_text=32, fixed_caption=None, ref_prob=0.0,
               ref_same_key=0.0, ref_start_share=0.0):
    """One Batch. Dropped captions become the single <none> word; with ref_prob a row gets reference excerpts."""
    texts, tunes, beats, refs, covers = [], [], [], [], []
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
        beats.append(corpus.beats[i])
        spans = []
        refs.append(sample_references(corpus, i, rng, spans, ref_same_key, ref_start_share)
                    if ref_prob > 0 and rng.random() < ref_prob else [])
        covers.append(spans)
    T = max(len(c) for c in texts)
    S = max(len(t) for t in tunes)
    R = max(sum(len(r) for r in rs) for rs in refs)
    B = len(idx)
    text = np.full((B, T), TEXT_PAD, np.int64)
    valid = np.zeros((B, T), np.float32)
    tokens = np.full((B, S), PAD, np.int64)
    beat = np.zeros((B, S), np.int64)
    ref = np.zeros((B, R), np.int64)
    slot = np.zeros((B, R), np.int64)
    cover = np.zeros((B, S), np.float32)
    for b, (c, t, bt, rs) in enumerate(zip(texts, tunes, beats, refs)):
        for start, end in covers[b]:
            cover[b, start:end] = 1
        text[b, : len(c)] = c
        valid[b, : len(c)] = 1
        tokens[b, : len(t)] = t
        beat[b, : len(bt)] = bt
        at = 0
        for k, r in enumerate(rs):
            ref[b, at : at + len(r)] = r
            slot[b, at : at + len(r)] = k + 1
            at += len(r)
    t = torch.from_numpy
    return Batch(t(text), t(valid), t(tokens), t(beat), t(ref), t(slot), t(cover))


# The feature words' opposites (pipeline/featureScale.ts cuts the corpus into them).
FEATURE_OPPOSITES = (("sparse", "busy"), ("low", "high"), ("narrow", "wide"), ("stepwise", "leaping"))


def feature_swap_table(text_words):
    """A word-id map that turns each feature word into its opposite and leaves every other id as it is."""
    index = {w: i for i, w in enumerate(text_words)}
    table = np.arange(len(text_words), dtype=np.int64)
    for a, b in FEATURE_OPPOSITES:
        if a in index and b in index:
            table[index[a]], table[index[b]] = index[b], index[a]
    return table


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

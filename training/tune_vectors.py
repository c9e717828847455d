"""
The three vectors of a catalogue tune for the neighbour views, read from the model: a text embedding (mean
encoder memory of its captions), a music embedding (mean last hidden state under the empty prompt) and the
output-layer gradient that gradient_sketch.py sketches. Every tune is read without reference excerpts, with its
bar positions (`beats`) from the arrays.
"""
import numpy as np
import torch

from data import PAD, TEXT_NONE
from gradient_sketch import output_layer_gradients, sketch


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

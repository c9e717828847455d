"""
The exported graphs, built from a TuneModel's own modules so a retrained checkpoint exports the same way.

The decoder is shaped for a browser step loop, where every tensor fed to onnxruntime-web is copied into the
WebAssembly heap and every output copied out (docs/model-contract.md):
- the encoder also returns what the decoder reads of the memory at every step: the cross-attention keys and values
  of every layer and the context vector, so they are computed once per prompt, not once per token;
- the self-attention cache is fed head-major, (B, H, C, dh) per layer, with room for C positions of which the first
  `past_length` are filled: the runtime writes each step into its room, and grows the room by doubling, so the
  graph neither transposes nor joins the cache (each of which copied it at every step, and so grew with the tune);
- the cache and the new positions are scored apart, and only their scores are joined;
- the decoder returns only the new positions' keys and values, not the whole grown cache.
The same decoder, fed an empty cache, is the teacher-forced reading: the runtime fetches its attention and hidden
outputs only then.
"""
import math
import types
from contextlib import contextmanager

import torch
import torch.nn.functional as F

from model import NEG


def split_heads(x, h):  # (B, S, D) -> (B, H, S, dh)
    B, S, D = x.shape
    return x.view(B, S, h, D // h).transpose(1, 2)


@contextmanager
def step_forwards(pairs):
    """
    Runs modules with the export's own forward in their place, called through the module (not around it), so
    torch.onnx names every node after the module it belongs to ("/decoder.0/cross_attn/k/MatMul"), as a plain
    export does: training/attribution.py finds the weights through those names.
    """
    for module, fn in pairs:
        module.forward = types.MethodType(fn, module)
    try:
        yield
    finally:
        for module, _ in pairs:
            del module.forward


def _memory_keys_values(attn, memory):  # Attention: (B, M, D) -> (B, H, M, dh) twice
    return split_heads(attn.k(memory), attn.h), split_heads(attn.v(memory), attn.h)


def _layer_memory_keys_values(layer, memory):  # DecoderLayer
    return layer.cross_attn(memory)


def _self_attention_step(attn, h, pk, pv, past_bias, new_mask):
    """
    Attention: h (B, S, D) new positions; pk/pv (B, H, C, dh) the cache's room, past_bias (C,) 0 at its filled
    positions and NEG beyond; new_mask (S, S) no looking ahead. Returns the new keys and values (B, H, S, dh).
    """
    q, k, v = split_heads(attn.q(h), attn.h), split_heads(attn.k(h), attn.h), split_heads(attn.v(h), attn.h)
    scale = 1 / math.sqrt(attn.dh)
    room = pk.shape[2]
    # The room is never empty (the runtime gives a reading one unfilled position): onnxruntime's fused MatMul
    # crashes on a product over zero positions.
    scores = torch.cat([q @ pk.transpose(-2, -1) * scale + past_bias, q @ k.transpose(-2, -1) * scale + new_mask], -1)
    probs = F.softmax(scores, dim=-1)  # (B, H, S, C+S)
    y = (probs[..., :room] @ pv + probs[..., room:] @ v).transpose(1, 2)  # (B, S, H, dh)
    return attn.o(y.reshape(y.shape[0], y.shape[1], -1)), k, v


def _cross_attention_step(attn, x, ck, cv, mask):
    """Attention: x (B, S, D) queries over the precomputed memory keys/values (B, H, M, dh); mask (B, 1, 1, M)."""
    q = split_heads(attn.q(x), attn.h)
    probs = F.softmax(q @ ck.transpose(-2, -1) / math.sqrt(attn.dh) + mask, dim=-1)  # (B, H, S, M)
    y = (probs @ cv).transpose(1, 2)
    return attn.o(y.reshape(y.shape[0], y.shape[1], -1)), probs


def _layer_step(layer, x, ck, cv, pk, pv, past_bias, new_mask, cross_mask):
    """DecoderLayer, as DecoderLayer.forward (dropout is off in export) with the cache and the memory split out."""
    a, k, v = layer.self_attn(layer.ln1(x), pk, pv, past_bias, new_mask)
    x = x + a
    c, probs = layer.cross_attn(layer.ln2(x), ck, cv, cross_mask)
    x = x + c
    return x + layer.ff(layer.ln3(x)), k, v, probs


class EncoderExport(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, text, text_valid, refs, ref_slot):
        m = self.model
        memory, valid = m.encode(text, text_valid, refs, ref_slot)
        pooled = (memory * valid[..., None]).sum(1) / valid.sum(1, keepdim=True).clamp(min=1)  # (B, D)
        cross = []
        pairs = [(layer, _layer_memory_keys_values) for layer in m.decoder]
        with step_forwards(pairs + [(layer.cross_attn, _memory_keys_values) for layer in m.decoder]):
            for layer in m.decoder:
                cross += layer(memory)  # (B, H, M, dh) keys, then values
        return (memory, m.context(pooled), *cross)


class DecoderExport(torch.nn.Module):
    """
    One decoder call: S new tokens after `past_length` cached positions, in a cache with room for C >= 1 (a prefill
    or a reading has none filled).
    """

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, beats, context, memory_valid, past_length, *kv):
        m = self.model
        n = m.cfg.dec_layers
        cross = [(kv[2 * i], kv[2 * i + 1]) for i in range(n)]
        past = [(kv[2 * n + 2 * i], kv[2 * n + 2 * i + 1]) for i in range(n)]  # (B, H, C, dh) each
        S = tokens.shape[1]
        P = past_length.long()[0]
        steps = torch.arange(S, device=tokens.device)
        pos = steps + P
        x = m.music_emb(tokens) + m.music_pos(pos) + m.beat_emb(beats) + context[:, None, :]
        past_bias = (torch.arange(past[0][0].shape[2], device=tokens.device) >= P).float() * NEG  # (C,)
        new_mask = (steps[None, :] > steps[:, None]).float() * NEG  # (S, S): no looking ahead
        cross_mask = ((1.0 - memory_valid) * NEG)[:, None, None, :]  # (B, 1, 1, M)
        new_kv, probs_all = [], []
        pairs = [(layer, _layer_step) for layer in m.decoder]
        pairs += [(layer.self_attn, _self_attention_step) for layer in m.decoder]
        pairs += [(layer.cross_attn, _cross_attention_step) for layer in m.decoder]
        with step_forwards(pairs):
            for layer, (ck, cv), (pk, pv) in zip(m.decoder, cross, past):
                x, k, v, probs = layer(x, ck, cv, pk, pv, past_bias, new_mask, cross_mask)
                new_kv += [k, v]  # (B, H, S, dh): written into the cache's room after its filled positions
                probs_all.append(probs)
        hidden = m.dec_ln(x)
        return (m.head(hidden), *new_kv, torch.stack(probs_all, dim=1), hidden)


def io_names(n_layers):
    per_layer = lambda prefix: [f"{prefix}_{kv}_{i}" for i in range(n_layers) for kv in ("key", "value")]  # noqa: E731
    return {"cross": per_layer("cross"), "past": per_layer("past"), "new": per_layer("new")}

"""
The exported graphs, built from a TuneModel's own modules so a retrained checkpoint exports the same way.

The decoder is shaped for a browser step loop, where every tensor fed to onnxruntime-web is copied into the
WebAssembly heap and every output copied out (docs/model-contract.md):
- the encoder also returns what the decoder reads of the memory at every step: the cross-attention keys and values
  of every layer and the context vector, so they are computed once per prompt, not once per token;
- the self-attention cache is fed position-major, (P, B, H, dh) per layer, so the runtime appends a step with one
  copy, and the decoder returns only the new positions' keys and values, not the whole grown cache;
- the cache and the new positions are joined inside the graph (a transpose and a concatenation per layer), which
  is cheaper than sending the grown cache back out.
The same decoder, fed no cache, is the teacher-forced reading: the runtime fetches its attention and hidden outputs
only then.
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


def _self_attention_step(attn, h, pk, pv, mask):
    """Attention: h (B, S, D) new positions, pk/pv (P, B, H, dh) the cache, mask (S, P+S)."""
    q, k, v = split_heads(attn.q(h), attn.h), split_heads(attn.k(h), attn.h), split_heads(attn.v(h), attn.h)
    # Joined with the cache inside the graph: a product over zero cached positions (a prefill, a reading) crashes
    # onnxruntime's fused MatMul, so the cache and the new positions cannot be scored apart.
    keys = torch.cat([pk.permute(1, 2, 0, 3), k], dim=2)  # (B, H, P+S, dh)
    values = torch.cat([pv.permute(1, 2, 0, 3), v], dim=2)
    probs = F.softmax(q @ keys.transpose(-2, -1) / math.sqrt(attn.dh) + mask, dim=-1)  # (B, H, S, P+S)
    y = (probs @ values).transpose(1, 2)  # (B, S, H, dh)
    return attn.o(y.reshape(y.shape[0], y.shape[1], -1)), k.permute(2, 0, 1, 3), v.permute(2, 0, 1, 3)


def _cross_attention_step(attn, x, ck, cv, mask):
    """Attention: x (B, S, D) queries over the precomputed memory keys/values (B, H, M, dh); mask (B, 1, 1, M)."""
    q = split_heads(attn.q(x), attn.h)
    probs = F.softmax(q @ ck.transpose(-2, -1) / math.sqrt(attn.dh) + mask, dim=-1)  # (B, H, S, M)
    y = (probs @ cv).transpose(1, 2)
    return attn.o(y.reshape(y.shape[0], y.shape[1], -1)), probs


def _layer_step(layer, x, ck, cv, pk, pv, self_mask, cross_mask):
    """DecoderLayer, as DecoderLayer.forward (dropout is off in export) with the cache and the memory split out."""
    a, k, v = layer.self_attn(layer.ln1(x), pk, pv, self_mask)
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
    """One decoder call: S new tokens after a cache of P positions (P = 0 for a prefill or a reading)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, beats, context, memory_valid, *kv):
        m = self.model
        n = m.cfg.dec_layers
        cross = [(kv[2 * i], kv[2 * i + 1]) for i in range(n)]
        past = [(kv[2 * n + 2 * i], kv[2 * n + 2 * i + 1]) for i in range(n)]  # (P, B, H, dh) each
        S = tokens.shape[1]
        P = past[0][0].shape[0]
        pos = torch.arange(S, device=tokens.device) + P
        x = m.music_emb(tokens) + m.music_pos(pos) + m.beat_emb(beats) + context[:, None, :]
        key_pos = torch.arange(P + S, device=tokens.device)
        self_mask = (key_pos[None, :] > pos[:, None]).float() * NEG  # (S, P+S): no looking ahead
        cross_mask = ((1.0 - memory_valid) * NEG)[:, None, None, :]  # (B, 1, 1, M)
        new_kv, probs_all = [], []
        pairs = [(layer, _layer_step) for layer in m.decoder]
        pairs += [(layer.self_attn, _self_attention_step) for layer in m.decoder]
        pairs += [(layer.cross_attn, _cross_attention_step) for layer in m.decoder]
        with step_forwards(pairs):
            for layer, (ck, cv), (pk, pv) in zip(m.decoder, cross, past):
                x, k, v, probs = layer(x, ck, cv, pk, pv, self_mask, cross_mask)
                new_kv += [k, v]  # (S, B, H, dh): appended to the cache as they are
                probs_all.append(probs)
        hidden = m.dec_ln(x)
        return (m.head(hidden), *new_kv, torch.stack(probs_all, dim=1), hidden)


def io_names(n_layers):
    per_layer = lambda prefix: [f"{prefix}_{kv}_{i}" for i in range(n_layers) for kv in ("key", "value")]  # noqa: E731
    return {"cross": per_layer("cross"), "past": per_layer("past"), "new": per_layer("new")}

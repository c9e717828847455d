"""
The Apparatus tune model: a small encoder-decoder transformer, prompt words in, ABC tokens out.

Attention is computed explicitly (not with a fused kernel) because the exported decoder returns its
cross-attention probabilities, which the app's attention views read.
"""
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class ModelConfig:
    text_vocab: int = 1400  # words, from public/models/vocab.json
    music_vocab: int = 140  # ABC tokens, from public/models/vocab.json
    d_model: int = 192  # width of every layer
    n_heads: int = 4  # attention heads per layer (head size d_model / n_heads)
    enc_layers: int = 2  # prompts are short: two layers are plenty
    dec_layers: int = 4
    d_ff: int = 768  # feed-forward width
    max_text: int = 32  # prompt words
    max_music: int = 512  # tokens, <s> and </s> included
    max_ref: int = 96  # tokens per reference excerpt (meter and key tokens included)
    ref_slots: int = 4  # 0 for padding, then references 1..3
    beat_vocab: int = 160  # bar-position codes (docs/model-contract.md)
    dropout: float = 0.1


TRAINING_ONLY = ("aux_meter.", "aux_key.")  # parameters the export leaves out
NEG = -1e9  # additive mask value; finite so fully masked rows stay NaN-free


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.h = cfg.n_heads
        self.dh = cfg.d_model // cfg.n_heads
        self.q = nn.Linear(cfg.d_model, cfg.d_model)
        self.k = nn.Linear(cfg.d_model, cfg.d_model)
        self.v = nn.Linear(cfg.d_model, cfg.d_model)
        self.o = nn.Linear(cfg.d_model, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)

    def heads(self, x):  # (B, S, D) -> (B, H, S, dh)
        B, S, _ = x.shape
        return x.view(B, S, self.h, self.dh).transpose(1, 2)

    def forward(self, x, src, mask, past_k=None, past_v=None):
        """x: (B, S, D) queries; src: (B, T, D) keys/values; mask: additive, broadcast to (B, H, S, P+T)."""
        q = self.heads(self.q(x))
        k = self.heads(self.k(src))
        v = self.heads(self.v(src))
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)  # (B, H, P+T, dh)
            v = torch.cat([past_v, v], dim=2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.dh) + mask  # (B, H, S, P+T)
        probs = F.softmax(scores, dim=-1)
        y = self.drop(probs) @ v  # (B, H, S, dh)
        B, _, S, _ = y.shape
        y = y.transpose(1, 2).reshape(B, S, self.h * self.dh)
        return self.o(y), probs, k, v


class FeedForward(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.up = nn.Linear(cfg.d_model, cfg.d_ff)
        self.down = nn.Linear(cfg.d_ff, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.drop(self.down(F.gelu(self.up(x))))


class EncoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = Attention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.ff = FeedForward(cfg)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, mask):
        h = self.ln1(x)
        a, _, _, _ = self.attn(h, h, mask)
        x = x + self.drop(a)
        return x + self.ff(self.ln2(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.self_attn = Attention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.cross_attn = Attention(cfg)
        self.ln3 = nn.LayerNorm(cfg.d_model)
        self.ff = FeedForward(cfg)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, memory, self_mask, cross_mask, past_k=None, past_v=None):
        h = self.ln1(x)
        a, _, k, v = self.self_attn(h, h, self_mask, past_k, past_v)
        x = x + self.drop(a)
        c, cross_probs, _, _ = self.cross_attn(self.ln2(x), memory, cross_mask)
        x = x + self.drop(c)
        x = x + self.ff(self.ln3(x))
        return x, k, v, cross_probs


class TuneModel(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.text_emb = nn.Embedding(cfg.text_vocab, cfg.d_model)
        self.text_pos = nn.Embedding(cfg.max_text, cfg.d_model)
        self.music_emb = nn.Embedding(cfg.music_vocab, cfg.d_model)
        self.music_pos = nn.Embedding(cfg.max_music, cfg.d_model)
        self.beat_emb = nn.Embedding(cfg.beat_vocab, cfg.d_model)  # room left in the bar, so bars can be counted
        self.ref_pos = nn.Embedding(cfg.max_ref, cfg.d_model)  # position inside its own reference
        self.ref_slot_emb = nn.Embedding(cfg.ref_slots, cfg.d_model)  # which reference
        self.encoder = nn.ModuleList([EncoderLayer(cfg) for _ in range(cfg.enc_layers)])
        self.enc_ln = nn.LayerNorm(cfg.d_model)
        self.decoder = nn.ModuleList([DecoderLayer(cfg) for _ in range(cfg.dec_layers)])
        self.dec_ln = nn.LayerNorm(cfg.d_model)
        # The mean of the memory (prompt words and references), added to every decoder input: a direct route from the
        # prompt to every step, beside cross-attention, so the decoder cannot learn to ignore the prompt.
        self.context = nn.Linear(cfg.d_model, cfg.d_model)
        self.head = nn.Linear(cfg.d_model, cfg.music_vocab)  # the "output layer" of gradient attribution
        # Training only (never exported): the meter and key tokens read straight from the prompt's encoding, so the
        # encoder has to carry them and the decoder finds them there.
        self.aux_meter = nn.Linear(cfg.d_model, cfg.music_vocab)
        self.aux_key = nn.Linear(cfg.d_model, cfg.music_vocab)
        self.drop = nn.Dropout(cfg.dropout)
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def encode(self, text, text_valid, refs=None, ref_slot=None):
        """
        text: (B, T) word ids; text_valid: (B, T) float, 1 for words and 0 for padding;
        refs: (B, R) music token ids of up to three reference excerpts, one after another; ref_slot: (B, R) 1..3, 0 = pad.
        Returns memory (B, T+R, D) and its validity (B, T+R). Reference tokens share the decoder's music embedding.
        """
        T = text.shape[1]
        pos = torch.arange(T, device=text.device)
        x = self.text_emb(text) + self.text_pos(pos)
        valid = text_valid
        if refs is not None:
            slots = (ref_slot.unsqueeze(-1) == torch.arange(self.cfg.ref_slots, device=refs.device)).long()  # (B, R, S)
            # Count of earlier tokens in the same slot. A gather, not a sum: onnxruntime's ReduceSum leaves a
            # zero-length axis unreduced, and R is 0 when no row has a reference.
            within = slots.cumsum(1).gather(2, ref_slot.long().unsqueeze(-1)).squeeze(-1) - 1
            within = within.clamp(0, self.cfg.max_ref - 1)  # (B, R)
            r = self.music_emb(refs) + self.ref_pos(within) + self.ref_slot_emb(ref_slot)
            x = torch.cat([x, r], dim=1)
            valid = torch.cat([text_valid, (ref_slot > 0).float()], dim=1)
        x = self.drop(x)
        mask = ((1.0 - valid) * NEG)[:, None, None, :]  # (B, 1, 1, T+R)
        for layer in self.encoder:
            x = layer(x, mask)
        return self.enc_ln(x), valid

    def decode(self, tokens, beats, memory, memory_valid, past=None):
        """
        tokens, beats: (B, S) new music tokens and their bar positions; memory: (B, M, D) with validity (B, M);
        past: per layer (k, v), each (B, H, P, dh).
        Returns logits (B, S, V), present per layer, cross-attention (B, L, H, S, M), hidden (B, S, D).
        """
        S = tokens.shape[1]
        P = 0 if past is None else past[0][0].shape[2]
        pos = torch.arange(S, device=tokens.device) + P
        pooled = (memory * memory_valid[..., None]).sum(1) / memory_valid.sum(1, keepdim=True).clamp(min=1)  # (B, D)
        x = self.music_emb(tokens) + self.music_pos(pos) + self.beat_emb(beats) + self.context(pooled)[:, None, :]
        x = self.drop(x)
        key_pos = torch.arange(P + S, device=tokens.device)
        self_mask = (key_pos[None, :] > pos[:, None]).float() * NEG  # (S, P+S): no looking ahead
        cross_mask = ((1.0 - memory_valid) * NEG)[:, None, None, :]
        present, cross = [], []
        for i, layer in enumerate(self.decoder):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v, probs = layer(x, memory, self_mask, cross_mask, pk, pv)
            present.append((k, v))
            cross.append(probs)
        hidden = self.dec_ln(x)
        return self.head(hidden), present, torch.stack(cross, dim=1), hidden

    def prompt_logits(self, memory, text_valid):
        """Meter and key logits (B, V) each, from the mean of the prompt words' memory (reference columns left out)."""
        T = text_valid.shape[1]
        pooled = (memory[:, :T] * text_valid[..., None]).sum(1) / text_valid.sum(1, keepdim=True).clamp(min=1)
        return self.aux_meter(pooled), self.aux_key(pooled)

    def forward(self, text, text_valid, tokens, beats, refs=None, ref_slot=None):
        memory, valid = self.encode(text, text_valid, refs, ref_slot)
        logits, _, _, _ = self.decode(tokens, beats, memory, valid)
        return logits

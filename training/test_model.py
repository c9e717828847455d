"""Shape, mask and cache tests for model.py: python3 -m unittest discover -s training -p 'test_*.py'"""
import unittest

import torch

from model import ModelConfig, TuneModel

torch.set_num_threads(1)
T, S = 4, 7  # words and music tokens of the test batch


def tiny():
    torch.manual_seed(0)
    cfg = ModelConfig(text_vocab=50, music_vocab=40, d_model=32, n_heads=4, enc_layers=1, dec_layers=2, d_ff=64, dropout=0.0)
    return TuneModel(cfg).eval(), cfg


def batch():
    """Two rows: row 0 has a 3-word prompt, references 1 (3 tokens) and 2 (2 tokens) and one padding reference
    token; row 1 has one word and no reference (all its reference tokens are padding, slot 0)."""
    g = torch.Generator().manual_seed(1)
    text = torch.tensor([[5, 6, 7, 0], [8, 0, 0, 0]])
    valid = torch.tensor([[1.0, 1, 1, 0], [1, 0, 0, 0]])
    tokens = torch.randint(3, 40, (2, S), generator=g)
    beats = torch.randint(0, 147, (2, S), generator=g)
    refs = torch.tensor([[4, 9, 11, 12, 13, 0], [0, 0, 0, 0, 0, 0]])
    slot = torch.tensor([[1, 1, 1, 2, 2, 0], [0, 0, 0, 0, 0, 0]])
    return text, valid, tokens, beats, refs, slot


class ModelTest(unittest.TestCase):
    @torch.no_grad()
    def test_shapes(self):
        model, cfg = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        memory, memory_valid = model.encode(text, valid, refs, slot)
        logits, present, cross, hidden = model.decode(tokens, beats, memory, memory_valid)
        M = T + refs.shape[1]
        for name, got, want in [
            ("memory", memory.shape, (2, M, 32)),
            ("memory_valid", memory_valid.shape, (2, M)),
            ("memory without references", model.encode(text, valid)[0].shape, (2, T, 32)),
            ("logits", logits.shape, (2, S, 40)),
            ("present", (len(present), *present[0][0].shape), (cfg.dec_layers, 2, 4, S, 8)),
            ("cross_attn", cross.shape, (2, cfg.dec_layers, 4, S, M)),
            ("hidden", hidden.shape, (2, S, 32)),
        ]:
            with self.subTest(name):
                self.assertEqual(tuple(got), want)
        torch.testing.assert_close(memory_valid, torch.cat([valid, (slot > 0).float()], dim=1))
        torch.testing.assert_close(cross.sum(-1), torch.ones(2, cfg.dec_layers, 4, S))

    @torch.no_grad()
    def test_cross_attention_columns(self):
        """Words and reference tokens get attention; padding words and padding reference tokens (slot 0) none."""
        model, _ = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        memory, memory_valid = model.encode(text, valid, refs, slot)
        _, _, cross, _ = model.decode(tokens, beats, memory, memory_valid)
        for name, row, cols, attended in [
            ("words", 0, [0, 1, 2], True),
            ("padding word", 0, [3], False),
            ("reference 1", 0, [T + 0, T + 1, T + 2], True),
            ("reference 2", 0, [T + 3, T + 4], True),
            ("padding reference token", 0, [T + 5], False),
            ("the word of a row without references", 1, [0], True),
            ("padding words of that row", 1, [1, 2, 3], False),
            ("its reference columns, all padding", 1, list(range(T, T + 6)), False),
        ]:
            with self.subTest(name):
                mass = cross[row][..., cols]  # (L, H, S, len(cols))
                if attended:
                    self.assertGreater(mass.min().item(), 1e-4)
                else:
                    self.assertLess(mass.abs().max().item(), 1e-6)

    @torch.no_grad()
    def test_padding_references_read_as_no_references(self):
        """The runtime passes one padding reference token (id 0, slot 0) when no row has a reference."""
        model, _ = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        for name, r, s in [
            ("one padding token", torch.zeros(2, 1, dtype=torch.long), torch.zeros(2, 1, dtype=torch.long)),
            ("three padding tokens", torch.zeros(2, 3, dtype=torch.long), torch.zeros(2, 3, dtype=torch.long)),
            ("padding tokens with music ids", torch.full((2, 2), 9), torch.zeros(2, 2, dtype=torch.long)),
        ]:
            with self.subTest(name):
                want = model(text, valid, tokens, beats)
                got = model(text, valid, tokens, beats, r, s)
                torch.testing.assert_close(got, want, atol=1e-6, rtol=1e-5)
        with self.subTest("a row without references beside one with them"):
            alone = model(text[1:], valid[1:], tokens[1:], beats[1:])
            together = model(text, valid, tokens, beats, refs, slot)[1:]
            torch.testing.assert_close(together, alone, atol=1e-6, rtol=1e-5)

    @torch.no_grad()
    def test_inputs_that_change_the_logits(self):
        """Each input is read: changing it at position s changes the logits from s on, and nothing before s."""
        model, _ = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        base = model(text, valid, tokens, beats, refs, slot)
        other_beats = beats.clone()
        other_beats[:, 3] = (beats[:, 3] + 37) % 147
        other_tokens = tokens.clone()
        other_tokens[:, 3] = (tokens[:, 3] - 3 + 5) % 37 + 3
        for name, args, first in [
            ("beats", (text, valid, tokens, other_beats, refs, slot), 3),
            ("tokens", (text, valid, other_tokens, beats, refs, slot), 3),
            ("words", (text.roll(1, 1) * valid.long(), valid, tokens, beats, refs, slot), 0),
            ("references", (text, valid, tokens, beats, refs.flip(1) * (slot > 0), slot), 0),
        ]:
            with self.subTest(name):
                got = model(*args)
                torch.testing.assert_close(got[0, :first], base[0, :first])
                self.assertGreater((got[0, first:] - base[0, first:]).abs().max().item(), 1e-4)
        with self.subTest("references leave a row without them alone"):
            got = model(text, valid, tokens, beats, refs.flip(1) * (slot > 0), slot)
            torch.testing.assert_close(got[1], base[1])

    @torch.no_grad()
    def test_reference_positions_restart_in_each_reference(self):
        model, _ = tiny()
        text, valid, _, _, refs, slot = batch()
        seen = []
        handle = model.ref_pos.register_forward_hook(lambda _m, inp, _o: seen.append(inp[0].clone()))
        model.encode(text, valid, refs, slot)
        handle.remove()
        self.assertEqual(seen[0][0].tolist(), [0, 1, 2, 0, 1, 0])

    @torch.no_grad()
    def test_cached_steps_equal_the_full_pass(self):
        model, _ = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        for name, r, s in [("with references", refs, slot), ("without", None, None)]:
            with self.subTest(name):
                memory, memory_valid = model.encode(text, valid, r, s)
                full_logits, _, full_cross, full_hidden = model.decode(tokens, beats, memory, memory_valid)
                _, past, _, _ = model.decode(tokens[:, :3], beats[:, :3], memory, memory_valid)
                for t in range(3, S):
                    logits, past, cross, hidden = model.decode(tokens[:, t : t + 1], beats[:, t : t + 1], memory, memory_valid, past)
                    torch.testing.assert_close(logits[:, 0], full_logits[:, t], atol=1e-5, rtol=1e-4)
                    torch.testing.assert_close(cross[:, :, :, 0], full_cross[:, :, :, t], atol=1e-5, rtol=1e-4)
                    torch.testing.assert_close(hidden[:, 0], full_hidden[:, t], atol=1e-5, rtol=1e-4)
                self.assertEqual(past[0][0].shape[2], S)


if __name__ == "__main__":
    unittest.main()

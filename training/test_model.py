"""Shape and cache tests for model.py: python3 -m unittest discover -s training -p 'test_*.py'"""
import unittest

import torch

from model import ModelConfig, TuneModel


def tiny():
    torch.manual_seed(0)
    cfg = ModelConfig(text_vocab=50, music_vocab=40, d_model=32, n_heads=4, enc_layers=1, dec_layers=2, d_ff=64, dropout=0.0)
    return TuneModel(cfg).eval(), cfg


class ModelTest(unittest.TestCase):
    def test_shapes(self):
        model, cfg = tiny()
        text = torch.randint(3, 50, (2, 5))
        valid = torch.ones(2, 5)
        tokens = torch.randint(3, 40, (2, 7))
        logits, present, cross, hidden = model.decode(tokens, model.encode(text, valid), valid)
        self.assertEqual(tuple(logits.shape), (2, 7, 40))
        self.assertEqual(len(present), cfg.dec_layers)
        self.assertEqual(tuple(present[0][0].shape), (2, 4, 7, 8))
        self.assertEqual(tuple(cross.shape), (2, cfg.dec_layers, 4, 7, 5))
        self.assertEqual(tuple(hidden.shape), (2, 7, 32))
        torch.testing.assert_close(cross.sum(-1), torch.ones(2, cfg.dec_layers, 4, 7))

    @torch.no_grad()
    def test_cached_steps_equal_full_pass(self):
        model, _ = tiny()
        text = torch.randint(3, 50, (1, 4))
        valid = torch.ones(1, 4)
        memory = model.encode(text, valid)
        tokens = torch.randint(3, 40, (1, 6))
        full_logits, _, full_cross, _ = model.decode(tokens, memory, valid)
        logits, past, cross, _ = model.decode(tokens[:, :3], memory, valid)
        for s in range(3, 6):
            step_logits, past, step_cross, _ = model.decode(tokens[:, s : s + 1], memory, valid, past)
            torch.testing.assert_close(step_logits[0, 0], full_logits[0, s], atol=1e-5, rtol=1e-4)
            torch.testing.assert_close(step_cross[0, :, :, 0], full_cross[0, :, :, s], atol=1e-5, rtol=1e-4)

    @torch.no_grad()
    def test_padding_words_get_no_attention(self):
        model, _ = tiny()
        text = torch.tensor([[5, 6, 0, 0]])
        valid = torch.tensor([[1.0, 1.0, 0.0, 0.0]])
        _, _, cross, _ = model.decode(torch.tensor([[1, 7, 8]]), model.encode(text, valid), valid)
        self.assertLess(cross[..., 2:].abs().max().item(), 1e-6)

    def test_future_tokens_do_not_leak(self):
        model, _ = tiny()
        text = torch.randint(3, 50, (1, 3))
        valid = torch.ones(1, 3)
        a = torch.tensor([[1, 5, 6, 7]])
        b = torch.tensor([[1, 5, 6, 9]])
        la = model(text, valid, a)
        lb = model(text, valid, b)
        torch.testing.assert_close(la[:, :3], lb[:, :3])


if __name__ == "__main__":
    unittest.main()

"""The exported graphs' wrappers against the model itself: python3 -m unittest discover -s training -p 'test_*.py'"""
import unittest

import torch

from export_graphs import DecoderExport, EncoderExport
from test_model import S, batch, tiny

torch.set_num_threads(1)


class ExportGraphsTest(unittest.TestCase):
    @torch.no_grad()
    def test_prefill_then_cached_steps_equal_the_full_pass(self):
        model, cfg = tiny()
        text, valid, tokens, beats, refs, slot = batch()
        enc, dec = EncoderExport(model), DecoderExport(model)
        dh = cfg.d_model // cfg.n_heads
        for name, r, s in [("with references", refs, slot), ("without", refs[:, :0], slot[:, :0])]:
            with self.subTest(name):
                memory, memory_valid = model.encode(text, valid, r, s)
                full_logits, _, full_cross, full_hidden = model.decode(tokens, beats, memory, memory_valid)
                exported_memory, context, *cross = enc(text, valid, r, s)
                torch.testing.assert_close(exported_memory, memory)
                # Head-major caches, (B, H, room, dh) per layer, with more room than the tune needs. The room
                # starts as noise: unfilled positions must not count.
                room = S + 3
                past = [torch.randn(2, cfg.n_heads, room, dh) for _ in range(2 * cfg.dec_layers)]
                steps = [(0, 3)] + [(t, t + 1) for t in range(3, S)]  # a prefill of three, then one at a time
                for a, b in steps:
                    filled = torch.tensor([a], dtype=torch.int32)
                    logits, *rest = dec(tokens[:, a:b], beats[:, a:b], context, memory_valid, filled, *cross, *past)
                    new, cross_attn, hidden = rest[: len(past)], rest[-2], rest[-1]
                    self.assertEqual(new[0].shape, (2, cfg.n_heads, b - a, dh))  # only the new positions
                    torch.testing.assert_close(logits, full_logits[:, a:b], atol=1e-5, rtol=1e-4)
                    torch.testing.assert_close(cross_attn, full_cross[:, :, :, a:b], atol=1e-5, rtol=1e-4)
                    torch.testing.assert_close(hidden, full_hidden[:, a:b], atol=1e-5, rtol=1e-4)
                    for p, n in zip(past, new):
                        p[:, :, a:b] = n


if __name__ == "__main__":
    unittest.main()

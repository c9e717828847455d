"""Tests for the catalogue index (attribution.py and its pieces): python3 -m unittest discover -s training -p 'test_*.py'"""
import os
import tempfile
import unittest
from dataclasses import asdict

import numpy as np
import torch
import torch.nn.functional as F

from gradient_sketch import fidelity, fmix32, fnv1a, output_layer_gradients, sketch, sketch_plan
from int8_rows import quantise
from json_files import read_json, write_json
from compact_weights import MODES, round_parameters
from onnx_weights import model_from_onnx
from tune_vectors import pad, read_batch
from model import TRAINING_ONLY, ModelConfig, TuneModel

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "..", "public", "models")
GOLDEN = os.path.join(HERE, "golden", "golden.json")
TINY_EXPORT = os.path.join(HERE, "runs", "tiny-export")  # a small v2 export with its golden.json, when one is there
torch.set_num_threads(1)


def tiny():
    torch.manual_seed(0)
    cfg = ModelConfig(text_vocab=50, music_vocab=40, d_model=32, n_heads=4, enc_layers=1, dec_layers=2, d_ff=64, dropout=0.0)
    return TuneModel(cfg).eval(), cfg


class SketchTest(unittest.TestCase):
    def test_hash_and_plan_match_the_typescript_fixture(self):
        # The same numbers are asserted in src/explain/gradient.test.ts.
        self.assertEqual(fmix32(np.array([0, 1, 2, 0x9E3779B9, 0xFFFFFFFF], dtype=np.uint32)).tolist(),
                         [0, 1364076727, 821347078, 2462723854, 2180083513])
        rows, signs = sketch_plan(7, 16, 10, 4)
        self.assertEqual(rows.ravel().tolist()[:12], [0, 1, 1, 2, 1, 2, 3, 3, 2, 1, 7, 5])
        self.assertEqual(signs.ravel().astype(int).tolist()[:12], [1, -1, 1, 1, -1, 1, -1, -1, -1, 1, -1, -1])
        self.assertEqual(f"{fnv1a(chr(10).join(['a', 'b-c', 'airdsAirs-book1-0001'])):08x}", "e3ac9b69")

    def test_each_block_holds_every_feature_once(self):
        rows, _ = sketch_plan(3, 64, 500, 4)
        for b in range(4):
            self.assertTrue(((rows[b] >= b * 16) & (rows[b] < (b + 1) * 16)).all())

    def test_sketch_is_linear_and_keeps_inner_products(self):
        torch.manual_seed(1)
        plan = sketch_plan(5, 512, 3000, 4)
        a = torch.randn(1, 3000, dtype=torch.float64)
        b = 0.6 * a + 0.8 * torch.randn(1, 3000, dtype=torch.float64)
        sa, sb = sketch(a, plan, 512), sketch(b, plan, 512)
        torch.testing.assert_close(sketch(a + b, plan, 512), sa + sb)
        self.assertAlmostEqual(F.cosine_similarity(sa, sb).item(), F.cosine_similarity(a, b).item(), delta=0.1)
        self.assertAlmostEqual((sa.norm() / a.norm()).item(), 1.0, delta=0.1)


class GradientTest(unittest.TestCase):
    def test_closed_form_equals_autograd_on_the_output_layer(self):
        model, cfg = tiny()
        text = torch.tensor([[5, 6, 7], [8, 0, 0]])
        valid = torch.tensor([[1.0, 1, 1], [1, 0, 0]])
        tunes = [np.array([1, 5, 9, 11, 2]), np.array([1, 7, 2])]
        tokens = pad(tunes, 0)
        beats = pad([np.array([0, 49, 37, 25, 1]), np.array([0, 73, 61])], 0)
        logits, _, _, hidden = model.decode(tokens[:, :-1], beats[:, :-1], *model.encode(text, valid))
        grads = output_layer_gradients(logits, hidden, tokens[:, 1:])
        for b in range(2):
            model.zero_grad()
            lg, _, _, _ = model.decode(tokens[b : b + 1, :-1], beats[b : b + 1, :-1], *model.encode(text[b : b + 1], valid[b : b + 1]))
            F.cross_entropy(lg[0], tokens[b, 1:], ignore_index=0, reduction="sum").backward()
            want = torch.cat([model.head.weight.grad, model.head.bias.grad[:, None]], dim=1)
            torch.testing.assert_close(grads[b], want, atol=1e-5, rtol=1e-4)

    def test_read_batch_pads_and_reads_the_bar_positions(self):
        model, _ = tiny()
        prompts = [np.array([5, 6, 7]), np.array([8])]
        tunes = [np.array([1, 5, 9, 11, 2]), np.array([1, 7, 2])]
        beats = [np.array([0, 49, 37, 25, 1]), np.array([0, 73, 61])]
        logits, hidden, targets = read_batch(model, prompts, tunes, beats)
        self.assertEqual(tuple(logits.shape), (2, 4, 40))
        self.assertEqual(targets.tolist(), [[5, 9, 11, 2], [7, 2, 0, 0]])
        alone, _, _ = read_batch(model, prompts[1:], tunes[1:], beats[1:])
        torch.testing.assert_close(logits[1:, :2], alone, atol=1e-6, rtol=1e-5)
        other, _, _ = read_batch(model, prompts, tunes, [b * 0 for b in beats])
        self.assertGreater((other - logits).abs().max().item(), 1e-4)

    def test_fidelity_of_a_sample_smaller_than_its_top(self):
        g = torch.randn(5, 40, generator=torch.Generator().manual_seed(0))
        f = fidelity(g, g.clone())
        self.assertEqual((f["tunes"], f["top4Overlap"], f["maxAbsCosineError"]), (5, 1.0, 0.0))

    def test_quantised_rows_keep_their_direction(self):
        x = np.random.default_rng(0).normal(size=(20, 64)).astype(np.float32)
        scale, q = quantise(x)
        y = scale[:, None] * q
        cos = (x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
        self.assertGreater(cos.min(), 0.999)


class OnnxWeightsTest(unittest.TestCase):
    def test_weights_rebuilt_from_the_onnx_files_equal_the_exported_model(self):
        from export import export

        for weights in MODES:
            with self.subTest(weights):
                model, cfg = tiny()
                with torch.no_grad():
                    for p in model.parameters():
                        p.add_(torch.randn_like(p) * 0.01)  # layer norms start at exactly 1 and 0
                round_parameters(model, weights)  # what export.load does before exporting
                with tempfile.TemporaryDirectory() as out:
                    export(model, cfg, out, weights)
                    write_json(os.path.join(out, "model-card.json"), {"config": asdict(cfg)})
                    rebuilt, rcfg = model_from_onnx(out)
                self.assertEqual(rcfg, cfg)
                for name, value in model.state_dict().items():
                    if not name.startswith(TRAINING_ONLY):  # the export leaves the training-only heads out
                        torch.testing.assert_close(rebuilt.state_dict()[name], value, atol=0, rtol=0, msg=name)

    def check_golden(self, models_dir, golden_path):
        """The weights rebuilt from an export's ONNX files reproduce its golden.json (v2: references and bar positions)."""
        model, _ = model_from_onnx(models_dir)
        g = read_json(golden_path)

        def t(key, dtype=torch.long):
            return torch.tensor(g[key], dtype=dtype)

        def close(name, got, want):
            self.assertEqual(list(got.shape), want["dims"], name)
            np.testing.assert_allclose(got.numpy().ravel(), want["data"], atol=1e-5, err_msg=name)

        with torch.no_grad():
            memory, memory_valid = model.encode(t("text"), t("text_valid", torch.float32), t("refs"), t("ref_slot"))
            np.testing.assert_array_equal(memory_valid.numpy(), g["memory_valid"])
            close("memory", memory, g["memory"])
            logits, past, cross, hidden = model.decode(t("tokens"), t("beats"), memory, memory_valid)
            for name, got in (("logits", logits), ("cross_attn", cross), ("hidden", hidden)):
                close(f"prefill {name}", got, g["prefill"][name])
            logits, _, cross, hidden = model.decode(t("step_tokens"), t("step_beats"), memory, memory_valid, past)
            for name, got in (("logits", logits), ("cross_attn", cross), ("hidden", hidden)):
                close(f"step {name}", got, g["step"][name])

    @unittest.skipUnless(os.path.exists(MODELS) and os.path.exists(GOLDEN), "no shipped model")
    def test_shipped_onnx_weights_reproduce_the_golden_outputs(self):
        self.check_golden(MODELS, GOLDEN)

    @unittest.skipUnless(os.path.exists(os.path.join(TINY_EXPORT, "golden.json")), "no training/runs/tiny-export")
    def test_tiny_export_onnx_weights_reproduce_its_golden_outputs(self):
        self.check_golden(TINY_EXPORT, os.path.join(TINY_EXPORT, "golden.json"))


if __name__ == "__main__":
    unittest.main()

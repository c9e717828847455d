"""Stored weight precision (compact_weights.py): python3 -m unittest discover -s training -p 'test_*.py'"""
import unittest

import numpy as np
import torch
from onnx import TensorProto, checker, helper, numpy_helper

from compact_weights import compact_initializers, int8_form, restored_initializers, round_parameters, round_rows
from test_model import tiny

RNG = np.random.default_rng(3)


def rounded(mode, x):
    half = lambda a: a.astype(np.float16).astype(np.float32)  # noqa: E731
    return {"int8": round_rows, "float16": half, "float32": lambda a: a}[mode](x)


def tiny_graph(mode):
    """
    y = Gather(table, ids) @ W_t + b, with W_t a linear weight as the exporter stores it (transposed) and table an
    embedding, both rounded per PyTorch row; b is a bias, small and left alone.
    """
    table = rounded(mode, RNG.normal(size=(40, 16)).astype(np.float32))
    weight = rounded(mode, RNG.normal(scale=0.05, size=(24, 16)).astype(np.float32))  # torch (out, in)
    bias = RNG.normal(size=(24,)).astype(np.float32)
    inits = {"table": table, "W_t": weight.T.copy(), "b": bias}
    nodes = [
        helper.make_node("Gather", ["table", "ids"], ["e"]),
        helper.make_node("MatMul", ["e", "W_t"], ["m"]),
        helper.make_node("Add", ["m", "b"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, [None])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 24])],
        [numpy_helper.from_array(v, k) for k, v in inits.items()],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), inits


def run(model, ids):
    """The few operators the tiny graph and its rewriting use, in numpy: float32 throughout, as onnxruntime does."""
    env = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    env["ids"] = ids
    ops = {
        "Gather": lambda a, i: a[i],
        "MatMul": lambda a, b: a @ b,
        "Add": lambda a, b: a + b,
        "Mul": lambda a, b: a * b,
        "Cast": lambda a: a.astype(np.float32),
    }
    for n in model.graph.node:
        env[n.output[0]] = ops[n.op_type](*[env[i] for i in n.input])
    return env["y"]


class CompactWeightsTest(unittest.TestCase):
    def test_rewritten_graph_restores_the_rounded_weights_and_gives_the_same_output(self):
        ids = np.array([0, 7, 39, 7], dtype=np.int64)
        cases = [  # mode, stored type of table, of W_t, bytes per stored weight
            ("int8", TensorProto.INT8, TensorProto.INT8, 1),
            ("float16", TensorProto.FLOAT16, TensorProto.FLOAT16, 2),
            ("float32", TensorProto.FLOAT, TensorProto.FLOAT, 4),
        ]
        for mode, table_type, weight_type, width in cases:
            with self.subTest(mode):
                model, inits = tiny_graph(mode)
                before = run(model, ids)
                compact_initializers(model, mode)
                checker.check_model(model)
                stored = {i.name: i for i in model.graph.initializer}
                suffix = {"int8": "_i8", "float16": "_f16", "float32": ""}[mode]
                self.assertEqual(stored["table" + suffix].data_type, table_type)
                self.assertEqual(stored["W_t" + suffix].data_type, weight_type)
                self.assertEqual(len(numpy_helper.to_array(stored["W_t" + suffix]).tobytes()), 24 * 16 * width)
                self.assertEqual(stored["b"].data_type, TensorProto.FLOAT)  # too small to store otherwise
                restored = restored_initializers(model.graph) if mode != "float32" else inits
                for name in ("table", "W_t"):
                    np.testing.assert_array_equal(restored[name], inits[name], err_msg=name)
                np.testing.assert_array_equal(run(model, ids), before)

    def test_int8_scales_are_per_pytorch_row_whichever_way_the_exporter_stored_it(self):
        weight = round_rows(RNG.normal(size=(12, 20)).astype(np.float32))
        for name, stored, axis in [("as torch stores it", weight, 0), ("transposed for MatMul", weight.T.copy(), 1)]:
            with self.subTest(name):
                q, scale, got_axis = int8_form(stored)
                self.assertEqual(got_axis, axis)
                self.assertEqual(scale.shape, (12,))
                self.assertEqual(np.abs(q).max(), 127)

    def test_rounded_rows_round_trip_exactly_at_every_scale(self):
        """A scale recomputed from a rounded row can be an ulp off: the stored one still restores every bit."""
        for spread in (1e-4, 0.02, 1.0, 300.0):
            with self.subTest(spread=spread):
                x = round_rows(RNG.normal(scale=spread, size=(500, 64)).astype(np.float32))
                q, scale, axis = int8_form(x)
                self.assertEqual(axis, 0)
                np.testing.assert_array_equal(q.astype(np.float32) * scale[:, None], x)

    def test_unrounded_weights_are_refused(self):
        for mode in ("int8", "float16"):
            with self.subTest(mode):
                model, _ = tiny_graph("float32")
                with self.assertRaises(ValueError):
                    compact_initializers(model, mode)

    def test_int8_rounding_of_a_model_leaves_biases_and_layer_norms_alone(self):
        model, _ = tiny()
        with torch.no_grad():
            for p in model.parameters():
                p.add_(torch.randn_like(p) * 0.01)  # layer norms start at exactly 1 and 0
        before = {k: v.clone() for k, v in model.state_dict().items()}
        round_parameters(model, "int8")
        for name, value in model.state_dict().items():
            if value.dim() == 2:
                self.assertFalse(torch.equal(value, before[name]), name)
                torch.testing.assert_close(value, before[name], atol=value.abs().max().item() / 127, rtol=0)
            else:
                self.assertTrue(torch.equal(value, before[name]), name)


if __name__ == "__main__":
    unittest.main()

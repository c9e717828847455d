"""
The model's weights rebuilt from the shipped ONNX files, i.e. exactly the checkpoint the export used, rounded to
the precision export.py stored it in (compact_weights.py); or a checkpoint loaded the way export.py loads it and
checked against the ONNX output layer, so a stale export cannot slip through.
"""
import os

import numpy as np
import torch

from compact_weights import restored_initializers
from json_files import read_json
from model import TRAINING_ONLY, ModelConfig, TuneModel


def model_from_onnx(models_dir):
    """
    Rebuilds TuneModel from the shipped encoder.onnx and decoder.onnx. torch.onnx names each node after its module
    ("/decoder.0/self_attn/q/MatMul"), so every weight is found through the node that reads it, even when the
    exporter stored it under an anonymous name, transposed, behind the Cast (and Mul) that restore its stored
    precision, or behind an Identity that shares it with an equal tensor.
    """
    import onnx
    from onnx import numpy_helper

    card = read_json(os.path.join(models_dir, "model-card.json"))
    cfg = ModelConfig(**card["config"])
    model = TuneModel(cfg).eval()
    wanted = model.state_dict()
    found = {}
    for name in ("encoder.onnx", "decoder.onnx"):
        g = onnx.load(os.path.join(models_dir, name)).graph
        inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        inits.update(restored_initializers(g))  # stored int8 or float16, as onnxruntime restores it
        alias = {n.output[0]: n.input[0] for n in g.node if n.op_type == "Identity"}  # dedup

        def value(ref):
            while ref not in inits and ref in alias:
                ref = alias[ref]
            return inits.get(ref)

        for n in g.node:
            module = ".".join(n.name.strip("/").split("/")[:-1])
            params = {  # parameter name -> (node input, transpose)
                "MatMul": {"weight": (1, True)},
                "Gemm": {"weight": (1, False), "bias": (2, False)},  # a Linear on a 2-D input (transB=1)
                "Add": {"bias": (None, False)},
                "LayerNormalization": {"weight": (1, False), "bias": (2, False)},
                "Gather": {"weight": (0, False)},
            }.get(n.op_type, {})
            for param, (slot, transpose) in params.items():
                key = f"{module}.{param}"
                if key not in wanted:
                    continue
                refs = n.input if slot is None else [n.input[slot]]
                vals = [value(r) for r in refs if value(r) is not None]
                if len(vals) == 1 and vals[0].size == wanted[key].numel():
                    found[key] = vals[0].T if transpose else vals[0]
    missing = sorted(k for k in set(wanted) - set(found) if not k.startswith(TRAINING_ONLY))
    if missing:
        raise SystemExit(f"cannot find these weights in the ONNX files: {missing[:8]}")
    model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v).astype(np.float32)).reshape(wanted[k].shape)
                           for k, v in found.items()}, strict=False)
    return model, cfg


def model_from_ckpt(path, models_dir):
    """Loads a checkpoint as export.py does (rounded as stored) and refuses one the shipped ONNX was not made from."""
    from export import load

    model, cfg, _ = load(path, stored_precision(models_dir))
    shipped, _ = model_from_onnx(models_dir)
    if not torch.equal(model.head.weight, shipped.head.weight):
        raise SystemExit(f"{path} is not the checkpoint {models_dir}/decoder.onnx was exported from; export it first")
    return model, cfg


def stored_precision(models_dir):
    """What export.py rounded the shipped weights to; cards from before the option were float16."""
    return read_json(os.path.join(models_dir, "model-card.json")).get("stored_precision", "float16")

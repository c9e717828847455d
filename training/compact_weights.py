"""
Stored precision of the exported weights: int8 per row (a float32 scale per row), float16, or float32.

The model is rounded first (round_parameters), so the golden outputs come from exactly the weights the ONNX files
hold; then compact_initializers rewrites each rounded float32 initializer as its stored form followed by Cast to
float32 (and, for int8, Mul by the per-row scale). Those nodes read only constants, so onnxruntime folds them into
float32 weights once, when the session is created: the kernels, and the time of a step, are those of float32.
DequantizeLinear would say the same thing, but onnxruntime's constant folding skips it (it keeps QDQ patterns for
quantised kernels), so the weights would be dequantised again at every step.
"""
import numpy as np

MODES = ("int8", "float16", "float32")
DEFAULT_MODE = "int8"  # export.py's and evaluate_lm.py's default, so the card's losses describe the shipped weights
MIN_SIZE = 256  # smaller tensors (shape constants, scalars) are not worth a node
CARD_TEXT = {
    "int8": "int8 storage per row (2-D weights and embeddings, a float32 scale per row), float32 biases and layer norms, float32 arithmetic",
    "float16": "float16 storage, float32 arithmetic",
    "float32": "float32",
}


def quantise_rows(x):
    """Per-row symmetric int8 of a 2-D float32 array: x ~ scale[:, None] * q, scale = max|row| / 127."""
    x = np.asarray(x, dtype=np.float32)
    scale = (np.abs(x).max(1) / np.float32(127)).astype(np.float32)
    scale[scale == 0] = 1
    q = np.clip(np.rint(x / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def restore_rows(q, scale):
    """What Cast and Mul compute at session creation: float32(q) * scale, row by row."""
    return q.astype(np.float32) * scale.astype(np.float32)[:, None]


def round_rows(x):
    return restore_rows(*quantise_rows(x))


def round_parameters(model, mode):
    """
    Rounds a torch model in place to what the export stores. int8: every 2-D parameter (linear weights, embedding
    tables) per row, PyTorch's row being a linear layer's output feature or an embedding's entry; biases and layer
    norms stay float32. float16: every parameter, as every float initializer of MIN_SIZE or more is stored so.
    """
    import torch

    with torch.no_grad():
        for p in model.parameters():
            p.copy_(rounded_parameter(p, mode))


def rounded_parameter(p, mode):
    """One torch parameter as round_parameters rounds it."""
    import torch

    if mode not in MODES:
        raise ValueError(f"weights must be one of {MODES}, not {mode!r}")
    if mode == "float16":
        return p.detach().half().float()
    if mode == "int8" and p.dim() == 2:
        return torch.from_numpy(round_rows(p.detach().float().numpy()))
    return p.detach().clone()


def _exact_rows(x):
    """
    (q, scale) with restore_rows(q, scale) bitwise equal to x, or None. The scale recomputed from a rounded row
    may be an ulp off the one that rounded it (max|row| = fl(127 * scale)), so its float neighbours are tried too.
    """
    q, scale = quantise_rows(x)
    for r in range(x.shape[0]):
        row = x[r]
        for s in _near(scale[r]):
            qr = np.clip(np.rint(row / s), -127, 127).astype(np.int8)
            if np.array_equal(qr.astype(np.float32) * s, row):
                q[r], scale[r] = qr, s
                break
        else:
            return None
    return q, scale


def _near(s, ulps=2):
    up, down = [s], [s]
    for _ in range(ulps):
        up.append(np.nextafter(up[-1], np.float32(np.inf)))
        down.append(np.nextafter(down[-1], np.float32(0)))
    return [s] + [v for pair in zip(up[1:], down[1:]) for v in pair]


def int8_form(x):
    """
    How a rounded 2-D weight is stored: (q, scale, axis). axis 0: one scale per row; axis 1: one per column (a
    torch.nn.Linear weight that the exporter transposed for MatMul, so PyTorch's rows are its columns).
    """
    for axis in (0, 1):
        found = _exact_rows(x if axis == 0 else x.T)
        if found is not None:
            q, scale = found
            return (q, scale, 0) if axis == 0 else (q.T.copy(), scale, 1)
    return None


def compact_initializers(model_proto, mode):
    """
    Rewrites the float32 initializers of an ONNX model in place to their stored precision, each followed by the
    nodes that restore it. int8 takes the 2-D initializers of MIN_SIZE or more, which must hold int8-rounded
    values (round_parameters first): anything else raises, as the golden outputs would no longer describe the
    file. Returns {initializer name: stored form}.
    """
    from onnx import TensorProto, helper, numpy_helper

    if mode not in MODES:
        raise ValueError(f"weights must be one of {MODES}, not {mode!r}")
    g = model_proto.graph
    kept, restoring, stored = [], [], {}
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        name = init.name
        if arr.dtype != np.float32 or arr.size < MIN_SIZE or mode == "float32" or (mode == "int8" and arr.ndim != 2):
            kept.append(init)
            continue
        if mode == "float16":
            half = arr.astype(np.float16)
            if not np.array_equal(half.astype(np.float32), arr):
                raise ValueError(f"{name} holds values float16 cannot store: round the model first")
            kept.append(numpy_helper.from_array(half, name + "_f16"))
            restoring.append(helper.make_node("Cast", [name + "_f16"], [name], to=TensorProto.FLOAT, name=name + "_cast"))
            stored[name] = "float16"
            continue
        form = int8_form(arr)
        if form is None:
            raise ValueError(f"{name} {arr.shape} is not int8 per row in either axis: round the model first")
        q, scale, axis = form
        scale_shape = (arr.shape[0], 1) if axis == 0 else (arr.shape[1],)
        kept.append(numpy_helper.from_array(q, name + "_i8"))
        kept.append(numpy_helper.from_array(scale.reshape(scale_shape), name + "_scale"))
        restoring.append(helper.make_node("Cast", [name + "_i8"], [name + "_f32"], to=TensorProto.FLOAT, name=name + "_cast"))
        restoring.append(helper.make_node("Mul", [name + "_f32", name + "_scale"], [name], name=name + "_rescale"))
        stored[name] = f"int8 (scale per {'row' if axis == 0 else 'column'})"
    del g.initializer[:]
    g.initializer.extend(kept)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(restoring + nodes)  # before their readers: a graph's nodes are in topological order
    return stored


def restored_initializers(graph):
    """
    {tensor name: float32 array} of every value a Cast (and, for int8, a Mul by a constant scale) makes from an
    initializer: what onnxruntime folds them into. Readers of the weights (onnx_weights.py) see through the
    stored precision with it.
    """
    from onnx import numpy_helper

    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    values = {}
    for n in graph.node:  # in order: a Mul follows the Cast it reads
        if n.op_type == "Cast" and n.input[0] in inits:
            values[n.output[0]] = inits[n.input[0]].astype(np.float32)
        elif n.op_type == "Mul" and n.input[0] in values and n.input[1] in inits:
            values[n.output[0]] = (values[n.input[0]] * inits[n.input[1]]).astype(np.float32)
    return values

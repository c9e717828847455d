"""
Exports a checkpoint to ONNX for onnxruntime-web and onnxruntime-node, with golden reference outputs.

    /usr/bin/python3 training/export.py --ckpt training/runs/main/ckpt.pt --out public/models

Writes encoder.onnx and decoder.onnx (weights stored as float16, computed in float32), golden.json (inputs and
outputs that the TypeScript parity test checks the runtime against) and the first part of model-card.json.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import torch

from model import ModelConfig, TuneModel

OPSET = 17


class EncoderExport(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, text, text_valid):
        return self.model.encode(text, text_valid)


class DecoderExport(torch.nn.Module):
    """Flattens the cache into named inputs and outputs: past_key_i / past_value_i -> present_key_i / present_value_i."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, memory, text_valid, *past_flat):
        n = self.model.cfg.dec_layers
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(n)]
        logits, present, cross, hidden = self.model.decode(tokens, memory, text_valid, past)
        flat = [t for kv in present for t in kv]
        return (logits, *flat, cross, hidden)


def load(ckpt_path):
    ck = torch.load(ckpt_path, map_location="cpu")
    cfg = ModelConfig(**ck["config"])
    model = TuneModel(cfg)
    model.load_state_dict(ck["model"])
    model.eval()
    # Round weights to float16 so the golden outputs describe exactly what ships.
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    return model, cfg, ck


def names(cfg):
    past = [f"past_{kv}_{i}" for i in range(cfg.dec_layers) for kv in ("key", "value")]
    present = [p.replace("past_", "present_") for p in past]
    return past, present


def export(model, cfg, out_dir):
    enc_path = os.path.join(out_dir, "encoder.onnx")
    dec_path = os.path.join(out_dir, "decoder.onnx")
    text = torch.tensor([[5, 6, 7]], dtype=torch.int32)
    valid = torch.ones(1, 3)
    torch.onnx.export(
        EncoderExport(model).eval(), (text, valid), enc_path, opset_version=OPSET,
        input_names=["text", "text_valid"], output_names=["memory"],
        dynamic_axes={"text": {0: "batch", 1: "words"}, "text_valid": {0: "batch", 1: "words"}, "memory": {0: "batch", 1: "words"}},
    )
    past, present = names(cfg)
    dh = cfg.d_model // cfg.n_heads
    memory = model.encode(text.long(), valid)
    tokens = torch.tensor([[1, 4, 5]], dtype=torch.int32)
    past_vals = [torch.zeros(1, cfg.n_heads, 2, dh) for _ in past]
    dyn = {"tokens": {0: "batch", 1: "new"}, "memory": {0: "batch", 1: "words"}, "text_valid": {0: "batch", 1: "words"},
           "logits": {0: "batch", 1: "new"}, "cross_attn": {0: "batch", 3: "new", 4: "words"}, "hidden": {0: "batch", 1: "new"}}
    for n in past:
        dyn[n] = {0: "batch", 2: "past"}
    for n in present:
        dyn[n] = {0: "batch", 2: "total"}
    torch.onnx.export(
        DecoderExport(model).eval(), (tokens, memory, valid, *past_vals), dec_path, opset_version=OPSET,
        input_names=["tokens", "memory", "text_valid", *past], output_names=["logits", *present, "cross_attn", "hidden"],
        dynamic_axes=dyn,
    )
    for path in (enc_path, dec_path):
        store_float16(path)
    return [enc_path, dec_path]


def store_float16(path):
    """Stores float32 weight initializers as float16 followed by a Cast back to float32: half the bytes, same arithmetic."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    m = onnx.load(path)
    g = m.graph
    new_inits, casts = [], []
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        if arr.dtype == np.float32 and arr.size >= 256:
            half = numpy_helper.from_array(arr.astype(np.float16), init.name + "_f16")
            new_inits.append(half)
            casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT, name=init.name + "_cast"))
        else:
            new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(casts + nodes)
    onnx.checker.check_model(m)
    onnx.save(m, path)


@torch.no_grad()
def golden(model, cfg):
    """A prefill of 6 tokens for a 2-row batch (a prompt and the empty prompt), then one cached step."""
    model.eval()
    text = torch.tensor([[10, 20, 30, 40], [1, 0, 0, 0]], dtype=torch.long)
    valid = torch.tensor([[1, 1, 1, 1], [1, 0, 0, 0]], dtype=torch.float32)
    tokens = torch.tensor([[1, 3, 4, 5, 6, 7]] * 2, dtype=torch.long)
    memory = model.encode(text, valid)
    logits, present, cross, hidden = model.decode(tokens, memory, valid)
    step_tok = torch.tensor([[8], [8]], dtype=torch.long)
    logits2, _, cross2, hidden2 = model.decode(step_tok, memory, valid, present)

    def arr(t):
        return [round(float(x), 6) for x in t.flatten().tolist()]

    return {
        "text": text.tolist(), "text_valid": valid.tolist(), "tokens": tokens.tolist(), "step_tokens": step_tok.tolist(),
        "memory": {"dims": list(memory.shape), "data": arr(memory)},
        "prefill": {"logits": {"dims": list(logits.shape), "data": arr(logits)},
                    "cross_attn": {"dims": list(cross.shape), "data": arr(cross)},
                    "hidden": {"dims": list(hidden.shape), "data": arr(hidden)}},
        "step": {"logits": {"dims": list(logits2.shape), "data": arr(logits2)},
                 "cross_attn": {"dims": list(cross2.shape), "data": arr(cross2)},
                 "hidden": {"dims": list(hidden2.shape), "data": arr(hidden2)}},
    }


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", required=True)
    p.add_argument("--out", default="public/models")
    p.add_argument("--golden", default="training/golden/golden.json")
    p.add_argument("--card-extra", nargs="*", default=[], help="JSON files merged into the model card (training figures, notes)")
    args = p.parse_args()
    torch.set_num_threads(2)
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(os.path.dirname(args.golden), exist_ok=True)
    model, cfg, ck = load(args.ckpt)
    paths = export(model, cfg, args.out)
    json.dump(golden(model, cfg), open(args.golden, "w"))
    card_path = os.path.join(args.out, "model-card.json")
    card = json.load(open(card_path)) if os.path.exists(card_path) else {}
    card.update({
        "name": "apparatus-tune-model",
        "config": ck["config"],
        "parameters": sum(p.numel() for p in model.parameters()),
        "weights": "float16 storage, float32 arithmetic",
        "opset": OPSET,
        "training": {"args": ck["args"], "state": ck["state"]},
        "files": [{"name": os.path.basename(pth), "bytes": os.path.getsize(pth), "sha256": sha256(pth)} for pth in paths]
        + [{"name": "vocab.json", "bytes": os.path.getsize(os.path.join(args.out, "vocab.json")), "sha256": sha256(os.path.join(args.out, "vocab.json"))}],
    })
    for extra in args.card_extra:
        if os.path.exists(extra):
            card.update(json.load(open(extra)))
    json.dump(card, open(card_path, "w"), indent=1)
    print(json.dumps(card["files"], indent=1))

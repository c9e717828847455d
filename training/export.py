"""
Exports a checkpoint to ONNX for onnxruntime-web and onnxruntime-node, with golden reference outputs.

    /usr/bin/python3 training/export.py --ckpt training/runs/v2-cont/ckpt.pt --out public/models

Writes encoder.onnx and decoder.onnx (weights stored as --weights says, int8 per row by default, computed in float32:
compact_weights.py; their inputs and outputs are built in export_graphs.py and described in
docs/model-contract.md), golden.json (inputs and
outputs that the TypeScript parity test checks the runtime against) and model-card.json, anew, with the JSON files
given in --card-extra merged in; `npm run eval:model` adds the evaluation afterwards.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import torch

from compact_weights import CARD_TEXT, DEFAULT_MODE, MODES, compact_initializers, round_parameters
from data import Corpus
from export_graphs import DecoderExport, EncoderExport, io_names
from model import ModelConfig, TuneModel

OPSET = 17
WEIGHTS = DEFAULT_MODE  # the stored precision; see docs/model-contract.md


def read_checkpoint(ckpt_path):
    """A training checkpoint, or weights alone beside a JSON of their config, args and state (training/checkpoints/)."""
    sidecar = os.path.splitext(ckpt_path)[0] + ".json"
    if os.path.exists(sidecar):
        with open(sidecar) as f:
            meta = json.load(f)
        return {**meta, "model": torch.load(ckpt_path, map_location="cpu", weights_only=True)}
    return torch.load(ckpt_path, map_location="cpu")


def load(ckpt_path, weights=WEIGHTS):
    ck = read_checkpoint(ckpt_path)
    cfg = ModelConfig(**ck["config"])
    model = TuneModel(cfg)
    model.load_state_dict(ck["model"])
    model.eval()
    # Rounded to the stored precision first, so the golden outputs describe exactly what ships.
    round_parameters(model, weights)
    return model, cfg, ck


def export(model, cfg, out_dir, weights=WEIGHTS):
    """Exports a model already rounded to `weights` (round_parameters) and stores its weights so."""
    enc_path = os.path.join(out_dir, "encoder.onnx")
    dec_path = os.path.join(out_dir, "decoder.onnx")
    names = io_names(cfg.dec_layers)
    text = torch.tensor([[5, 6, 7]], dtype=torch.int32)
    valid = torch.ones(1, 3)
    refs = torch.tensor([[4, 5, 6, 7]], dtype=torch.int32)
    slot = torch.tensor([[1, 1, 2, 2]], dtype=torch.int32)
    encoder = EncoderExport(model).eval()
    enc_dyn = {"text": {0: "batch", 1: "words"}, "text_valid": {0: "batch", 1: "words"},
               "refs": {0: "batch", 1: "ref_tokens"}, "ref_slot": {0: "batch", 1: "ref_tokens"},
               "memory": {0: "batch", 1: "memory"}, "context": {0: "batch"}}
    enc_dyn.update({n: {0: "batch", 2: "memory"} for n in names["cross"]})
    torch.onnx.export(
        encoder, (text, valid, refs, slot), enc_path, opset_version=OPSET,
        input_names=["text", "text_valid", "refs", "ref_slot"], output_names=["memory", "context", *names["cross"]],
        dynamic_axes=enc_dyn,
    )
    dh = cfg.d_model // cfg.n_heads
    with torch.no_grad():
        _, context, *cross = encoder(text.long(), valid, refs.long(), slot.long())
    memory_valid = torch.ones(1, 7)
    tokens = torch.tensor([[1, 4, 5]], dtype=torch.int32)
    beats = torch.tensor([[0, 49, 37]], dtype=torch.int32)
    # Room for 4 positions, 2 of them filled, so the export traces the unfilled ones being left out.
    past = [torch.zeros(1, cfg.n_heads, 4, dh) for _ in names["past"]]
    past_length = torch.tensor([2], dtype=torch.int32)
    dyn = {"tokens": {0: "batch", 1: "new"}, "beats": {0: "batch", 1: "new"}, "context": {0: "batch"},
           "memory_valid": {0: "batch", 1: "memory"}, "logits": {0: "batch", 1: "new"},
           "cross_attn": {0: "batch", 3: "new", 4: "memory"}, "hidden": {0: "batch", 1: "new"}}
    dyn.update({n: {0: "batch", 2: "memory"} for n in names["cross"]})
    dyn.update({n: {0: "batch", 2: "room"} for n in names["past"]})
    dyn.update({n: {0: "batch", 2: "new"} for n in names["new"]})
    torch.onnx.export(
        DecoderExport(model).eval(), (tokens, beats, context, memory_valid, past_length, *cross, *past), dec_path,
        opset_version=OPSET,
        input_names=["tokens", "beats", "context", "memory_valid", "past_length", *names["cross"], *names["past"]],
        output_names=["logits", *names["new"], "cross_attn", "hidden"],
        dynamic_axes=dyn,
    )
    for path in (enc_path, dec_path):
        store_weights(path, weights)
    return [enc_path, dec_path]


def store_weights(path, weights):
    import onnx

    m = onnx.load(path)
    compact_initializers(m, weights)
    onnx.checker.check_model(m)
    onnx.save(m, path)


@torch.no_grad()
def golden(model, cfg, corpus):
    """
    A prefill of 6 tokens for a 2-row batch, then one cached step. Row 0 has a prompt and two reference excerpts;
    row 1 is the empty prompt without references (its reference columns are padding). The tokens and their bar
    positions are a real tune's, from the training arrays.
    """
    model.eval()
    text = torch.tensor([[10, 20, 30, 40], [1, 0, 0, 0]], dtype=torch.long)
    valid = torch.tensor([[1, 1, 1, 1], [1, 0, 0, 0]], dtype=torch.float32)
    ex1, ex2 = corpus.excerpt(0, 0, 0), corpus.excerpt(1, 1, 2)
    R = len(ex1) + len(ex2)
    refs = torch.zeros(2, R, dtype=torch.long)
    slot = torch.zeros(2, R, dtype=torch.long)
    refs[0] = torch.tensor(np.concatenate([ex1, ex2]))
    slot[0] = torch.tensor([1] * len(ex1) + [2] * len(ex2))
    tune, tune_beats = corpus.tunes[0], corpus.beats[0]
    tokens = torch.tensor([tune[:6].tolist()] * 2, dtype=torch.long)
    beats = torch.tensor([tune_beats[:6].tolist()] * 2, dtype=torch.long)
    memory, memory_valid = model.encode(text, valid, refs, slot)
    logits, present, cross, hidden = model.decode(tokens, beats, memory, memory_valid)
    step_tok = torch.tensor([[int(tune[6])]] * 2, dtype=torch.long)
    step_beats = torch.tensor([[int(tune_beats[6])]] * 2, dtype=torch.long)
    logits2, _, cross2, hidden2 = model.decode(step_tok, step_beats, memory, memory_valid, present)

    def arr(t):
        return [round(float(x), 6) for x in t.flatten().tolist()]

    def out(lg, cr, hd):
        return {"logits": {"dims": list(lg.shape), "data": arr(lg)}, "cross_attn": {"dims": list(cr.shape), "data": arr(cr)},
                "hidden": {"dims": list(hd.shape), "data": arr(hd)}}

    return {
        "text": text.tolist(), "text_valid": valid.tolist(), "refs": refs.tolist(), "ref_slot": slot.tolist(),
        "memory_valid": memory_valid.tolist(), "tokens": tokens.tolist(), "beats": beats.tolist(),
        "step_tokens": step_tok.tolist(), "step_beats": step_beats.tolist(),
        "memory": {"dims": list(memory.shape), "data": arr(memory)},
        "prefill": out(logits, cross, hidden),
        "step": out(logits2, cross2, hidden2),
    }


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", required=True)
    p.add_argument("--out", default="public/models")
    p.add_argument("--golden", default="training/golden/golden.json")
    p.add_argument("--data", default="training/data", help="the training arrays, for the golden's real tune")
    p.add_argument("--card-extra", nargs="*", default=[], help="JSON files merged into the model card (training figures, notes)")
    p.add_argument("--weights", choices=MODES, default=WEIGHTS, help="stored precision of the weights (compact_weights.py)")
    args = p.parse_args()
    torch.set_num_threads(2)
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(os.path.dirname(args.golden), exist_ok=True)
    model, cfg, ck = load(args.ckpt, args.weights)
    paths = export(model, cfg, args.out, args.weights)
    json.dump(golden(model, cfg, Corpus(args.data, os.path.join(args.out, "vocab.json"))), open(args.golden, "w"))
    card_path = os.path.join(args.out, "model-card.json")
    card = {}  # written anew: figures of an earlier model must not linger beside this one's
    card.update({
        "name": "apparatus-tune-model",
        "config": ck["config"],
        "parameters": sum(p.numel() for p in model.parameters()),
        "weights": CARD_TEXT[args.weights],
        "stored_precision": args.weights,  # what onnx_weights.model_from_ckpt rounds a checkpoint to
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

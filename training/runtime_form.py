"""
The browser's form of the exported graphs. A page used to build its sessions from encoder.onnx and decoder.onnx
at onnxruntime's optimisation level "all": about 875 decoder nodes folded to about 250, every int8 weight restored,
on WebAssembly code that V8 has not optimised yet. That was most of a session's build. Here those optimisations
are made once, ahead of time, and a page builds its sessions with optimisation off.

scripts/runtimeForm.ts runs onnxruntime-node at level "extended" (the level whose graphs hold no
machine-specific layouts) on each exported graph and saves the result with its initializers in an external
float32 file. This file packs that float32 file, so the download stays the size of the exported graphs:

    /usr/bin/python3 training/runtime_form.py --models public/models --optimised DIR

It writes, beside the exported files:
  <graph>.runtime.onnx     the optimised graph as onnxruntime saved it; its large initializers are external,
                           in a file named <graph>.f32 that no one ships: a page rebuilds it from the pack
  <graph>.runtime.weights  that float32 file packed (PACK_FORMAT): int8 rows where it holds int8-rounded
                           weights, float32 elsewhere, restored bit for bit (checked here before writing)
and the card's "runtime" section (RUNTIME_TEXT). src/runtime/weightPack.ts reads the pack.
"""
import argparse
import hashlib
import json
import os
import struct

import numpy as np

from compact_weights import MIN_SIZE, int8_form

MAGIC = b"APWP"
VERSION = 1
PACK_FORMAT = (
    "'APWP', then little-endian uint32 version and header length, the header (UTF-8 JSON, padded with spaces to "
    "4 bytes), then the body. The header names the external file the graph reads (external), its size "
    "(float32_bytes) and each tensor in it: name, dims, offset and length in the external file, form and body (its "
    "byte offset in the body). Forms: float32 (length bytes as they are); int8-rows (a float32 scale per row, then "
    "the int8 values row-major, value = scale[row] * q); int8-columns (a float32 scale per column, then the int8 "
    "values row-major, value = scale[column] * q). Parts of the external file no tensor covers are zeros."
)
RUNTIME_TEXT = (
    "What a page loads on the WebAssembly backend: encoder.onnx and decoder.onnx with onnxruntime's graph "
    "optimisations made ahead of time (training/runtime_form.py), so a session is built with optimisation off. "
    "Each graph's weights are in <graph>.runtime.weights, packed as they are stored in the exported graphs. The "
    "WebGPU backend and onnxruntime-node load the exported graphs."
)


def _pad4(n):
    return (4 - n % 4) % 4


def pack(tensors, float32_file, external):
    """
    Packs `float32_file` (bytes) whose tensors are `tensors` ({name, dims, offset, length}, in the file) into the
    pack's bytes. Every 2-D tensor of MIN_SIZE values or more must hold int8-rounded values in one axis.
    """
    body, header = bytearray(), []
    for t in sorted(tensors, key=lambda t: t["offset"]):
        arr = np.frombuffer(float32_file, np.float32, t["length"] // 4, t["offset"]).reshape(t["dims"])
        entry = {**t, "body": len(body)}
        form = int8_form(arr) if arr.ndim == 2 and arr.size >= MIN_SIZE else None
        if arr.ndim == 2 and arr.size >= MIN_SIZE and form is None:
            raise ValueError(f"{t['name']} {arr.shape} is not int8 per row in either axis: round the model first")
        if form is None:
            entry["form"] = "float32"
            body += arr.astype("<f4").tobytes()
        else:
            q, scale, axis = form
            entry["form"] = "int8-rows" if axis == 0 else "int8-columns"
            body += scale.astype("<f4").tobytes() + q.astype(np.int8).tobytes()
            body += b"\0" * _pad4(len(body))
        header.append(entry)
    head = json.dumps(
        {"external": external, "float32_bytes": len(float32_file), "tensors": header}, separators=(",", ":")
    ).encode()
    head += b" " * _pad4(len(head))
    return MAGIC + struct.pack("<II", VERSION, len(head)) + head + bytes(body)


def unpack(packed):
    """(external file name, its bytes) from a pack: the Python twin of weightPack.ts, for checking a pack."""
    if packed[:4] != MAGIC:
        raise ValueError("not a weight pack")
    version, head_len = struct.unpack_from("<II", packed, 4)
    if version != VERSION:
        raise ValueError(f"weight pack version {version}, expected {VERSION}")
    head = json.loads(packed[12 : 12 + head_len])
    body = packed[12 + head_len :]
    out = np.zeros(head["float32_bytes"] // 4, np.float32)
    for t in head["tensors"]:
        n, at = t["length"] // 4, t["body"]
        if t["form"] == "float32":
            values = np.frombuffer(body, "<f4", n, at)
        else:
            rows, cols = t["dims"]
            scales_n = rows if t["form"] == "int8-rows" else cols
            scale = np.frombuffer(body, "<f4", scales_n, at)
            q = np.frombuffer(body, np.int8, n, at + 4 * scales_n).reshape(rows, cols).astype(np.float32)
            values = (q * (scale[:, None] if t["form"] == "int8-rows" else scale[None, :])).astype(np.float32)
        out[t["offset"] // 4 : t["offset"] // 4 + n] = values.reshape(-1)
    return head["external"], out.tobytes()


def external_tensors(graph_path):
    """The optimised graph's external initializers and the one file they live in."""
    import onnx

    model = onnx.load(graph_path, load_external_data=False)
    tensors, locations = [], set()
    for init in model.graph.initializer:
        if init.data_location != onnx.TensorProto.EXTERNAL:
            continue
        if init.data_type != onnx.TensorProto.FLOAT:
            raise ValueError(f"{init.name} is external but not float32")
        info = {e.key: e.value for e in init.external_data}
        locations.add(info["location"])
        tensors.append(
            {"name": init.name, "dims": list(init.dims), "offset": int(info["offset"]), "length": int(info["length"])}
        )
    if len(locations) != 1:
        raise ValueError(f"{graph_path}: initializers in {sorted(locations) or 'no external file'}, expected one file")
    return tensors, locations.pop()


def file_entry(path):
    with open(path, "rb") as f:
        data = f.read()
    return {"name": os.path.basename(path), "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def write_runtime_form(models, optimised, made_by):
    """Writes each graph's runtime files into `models` and the card's runtime section; returns that section."""
    files, sessions = [], {}
    for graph in ("encoder", "decoder"):
        optimised_graph = os.path.join(optimised, f"{graph}.onnx")
        tensors, external = external_tensors(optimised_graph)
        with open(os.path.join(optimised, external), "rb") as f:
            float32_file = f.read()
        packed = pack(tensors, float32_file, external)
        if unpack(packed) != (external, float32_file):
            raise AssertionError(f"{graph}: the pack does not restore {external} bit for bit")
        names = {"graph": f"{graph}.runtime.onnx", "weights": f"{graph}.runtime.weights"}
        with open(optimised_graph, "rb") as src, open(os.path.join(models, names["graph"]), "wb") as dst:
            dst.write(src.read())
        with open(os.path.join(models, names["weights"]), "wb") as f:
            f.write(packed)
        files += [file_entry(os.path.join(models, n)) for n in names.values()]
        sessions[graph] = names
    card_path = os.path.join(models, "model-card.json")
    with open(card_path, encoding="utf-8") as f:
        card = json.load(f)
    made_from = {f["name"]: f["sha256"] for f in card["files"] if f["name"].endswith(".onnx")}
    card["runtime"] = {
        "text": RUNTIME_TEXT,
        "made_by": made_by,
        "made_from": made_from,
        "pack_format": PACK_FORMAT,
        "files": files,
        "sessions": sessions,
    }
    with open(card_path, "w", encoding="utf-8") as f:
        json.dump(card, f, ensure_ascii=False, indent=1)
    return card["runtime"]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default="public/models", help="the exported model's folder (model-card.json)")
    p.add_argument("--optimised", required=True, help="onnxruntime's optimised graphs and their float32 files")
    p.add_argument("--made-by", required=True, help="what optimised them, for the card")
    args = p.parse_args()
    runtime = write_runtime_form(args.models, args.optimised, args.made_by)
    for f in runtime["files"]:
        print(f"{f['name']}: {f['bytes']} bytes")


if __name__ == "__main__":
    main()

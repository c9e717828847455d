"""
Trains the tune model on the arrays from `npm run corpus`.

    npm run model:train                    # the v2 run, training/runs/v2 (settings in package.json and the model card)
    npm run model:train -- --resume        # carry on from the last checkpoint
    /usr/bin/python3 training/train.py --out /tmp/smoke --tiny --steps 5   # smoke test

Writes checkpoints (ckpt.pt: model, optimiser, step, RNG states) and log.jsonl with losses and timings.
"""
import argparse
import json
import math
import os
import random
import time
from dataclasses import asdict

import numpy as np
import torch
import torch.nn.functional as F

from data import PAD, TEXT_NONE, Corpus, feature_swap_table, length_batches, make_batch
from model import ModelConfig, TuneModel

p = argparse.ArgumentParser()
p.add_argument("--data", default="training/data")
p.add_argument("--out", required=True)
p.add_argument("--steps", type=int, default=2000)
p.add_argument("--tokens-per-batch", type=int, default=4096)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--warmup", type=int, default=150)
p.add_argument("--caption-dropout", type=float, default=0.1)
p.add_argument("--word-dropout", type=float, default=0.05)
p.add_argument("--eval-every", type=int, default=250)
p.add_argument("--seed", type=int, default=1234)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--tiny", action="store_true", help="a very small config for the smoke test")
p.add_argument("--resume", action="store_true")
p.add_argument("--init", default=None, help="start from this checkpoint's weights (fine-tuning), with a fresh optimiser and schedule")
p.add_argument("--ref-prob", type=float, default=0.5, help="share of rows that get reference excerpts of their own tune")
p.add_argument("--aux-weight", type=float, default=0.0,
               help="weight of the loss that reads the tune's meter and key tokens from the prompt's encoding alone")
p.add_argument("--stop-at", type=int, default=None, help="stop and save at this step, keeping the schedule of --steps")
p.add_argument("--minutes", type=float, default=None, help="stop and save after this much training time (resume later)")
p.add_argument("--header-weight", type=float, default=1.0,
               help="loss weight of the meter and key tokens, where the prompt's meter and key words must show")
p.add_argument("--ref-loss-weight", type=float, default=1.0,
               help="loss weight of the tokens in bars that the row's references quote (teaches taking from them)")
p.add_argument("--ref-same-key", type=float, default=0.0,
               help="share of reference excerpts quoted from the row itself rather than from any of its copies")
p.add_argument("--ref-start-share", type=float, default=0.0,
               help="share of rows with references whose first excerpt begins at bar 1 (the app's default range)")
p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
p.add_argument("--schedule-minutes", type=float, default=None,
               help="a learning-rate curve over this much training time instead of --steps, then stop (for a lent accelerator)")
p.add_argument("--best", default=None, help="also write the weights alone here whenever the validation loss improves")
p.add_argument("--best-dtype", choices=["float32", "float16"], default="float32",
               help="float16 halves the file (a lent machine returns files of at most 16 MiB)")
p.add_argument("--dropout", type=float, default=None, help="override the config's dropout")
p.add_argument("--contrast-weight", type=float, default=0.0,
               help="weight of the feature-word contrast: a row whose prompt has a feature word must be likelier "
                    "under it than under its opposite (sparse/busy, low/high, narrow/wide, stepwise/leaping)")
p.add_argument("--contrast-margin", type=float, default=0.02, help="nats per token the contrast asks for")
p.add_argument("--vocab", default="public/models/vocab.json")
args = p.parse_args()

torch.set_num_threads(args.threads)
device = torch.device(args.device)
if device.type == "cuda":
    torch.backends.cuda.matmul.allow_tf32 = True  # training only; the export and every figure run in float32
torch.manual_seed(args.seed)
random.seed(args.seed)
rng = np.random.default_rng(args.seed)
os.makedirs(args.out, exist_ok=True)

corpus = Corpus(args.data, args.vocab)
swap_table = torch.from_numpy(feature_swap_table(json.load(open(args.vocab))["text"])).to(device)
cfg = ModelConfig(text_vocab=corpus.meta["textVocab"], music_vocab=corpus.meta["musicVocab"])
if args.tiny:
    cfg = ModelConfig(text_vocab=cfg.text_vocab, music_vocab=cfg.music_vocab, d_model=32, n_heads=2, enc_layers=1, dec_layers=2, d_ff=64)
if args.dropout is not None:
    cfg.dropout = args.dropout
model = TuneModel(cfg)
n_params = sum(p.numel() for p in model.parameters())
fused = {"fused": True} if device.type == "cuda" else {}
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), weight_decay=0.01, **fused)
train_idx, valid_idx = corpus.indices("train"), corpus.indices("valid")


def lr_at(step, elapsed=0.0):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    if args.schedule_minutes:
        progress = elapsed / (60 * args.schedule_minutes)
    else:
        progress = (step - args.warmup) / max(1, args.steps - args.warmup)
    return args.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def token_losses(text, valid, refs, ref_slot, tokens, beats):
    """Each row's loss per predicted token, (B, S - 1), 0 at padding; and the encoder's memory."""
    memory, memory_valid = model.encode(text, valid, refs, ref_slot)
    logits, _, _, _ = model.decode(tokens[:, :-1], beats[:, :-1], memory, memory_valid)
    per_token = F.cross_entropy(logits.reshape(-1, cfg.music_vocab), tokens[:, 1:].reshape(-1), ignore_index=PAD,
                                reduction="none")
    return per_token.reshape(tokens.shape[0], -1), memory


def loss_of(b, header_weight=1.0, aux_weight=0.0, ref_loss_weight=1.0, contrast_weight=0.0):
    """Summed weighted token loss (divide by the token count), plus the prompt and contrast losses already averaged
    over rows."""
    tokens = b.tokens
    per_token, memory = token_losses(b.text, b.valid, b.refs, b.ref_slot, tokens, b.beats)
    weights = torch.ones_like(tokens[:, 1:], dtype=torch.float32)
    weights[:, :2] = header_weight  # targets 0 and 1 are the M: and K: tokens
    if ref_loss_weight != 1.0 and b.ref_cover is not None:
        weights = weights * (1 + (ref_loss_weight - 1) * b.ref_cover[:, 1:])
    total = (per_token * weights).sum()
    extra = torch.zeros((), device=tokens.device)
    if contrast_weight > 0:
        extra = extra + contrast_weight * contrast_loss(b, per_token)
    if aux_weight == 0:
        return total, extra
    # Rows with a prompt and no references: there the prompt alone must say the meter and key.
    rows = (b.text[:, 0] != TEXT_NONE) & ((b.ref_slot > 0).sum(1) == 0)
    if not rows.any():
        return total, extra
    meter, key = model.prompt_logits(memory[rows], b.valid[rows])
    aux = F.cross_entropy(meter, tokens[rows, 1]) + F.cross_entropy(key, tokens[rows, 2])
    return total, extra + aux_weight * aux


def contrast_loss(b, per_token):
    """For rows whose prompt holds a feature word: how far the tune's mean log-likelihood per token falls short of
    exceeding, by the margin, its mean log-likelihood under the prompt with each feature word turned to its opposite;
    averaged over those rows, and zero once the margin is met. The token loss alone learns these words slowly (each
    moves the notes a little, and the header words dominate); this asks for the difference. A first form, the
    softplus of the whole tune's difference, weighed about 170 tokens' gradient per row and wrecked the model
    (validation loss 1.12 -> 1.5; model card, training_notes)."""
    swapped = swap_table[b.text.long()].to(b.text.dtype)
    rows = (swapped != b.text).any(1)
    if not rows.any():
        return torch.zeros((), device=b.text.device)
    tokens = b.tokens[rows]
    other, _ = token_losses(swapped[rows], b.valid[rows], b.refs[rows], b.ref_slot[rows], tokens, b.beats[rows])
    counts = (tokens[:, 1:] != PAD).sum(1).clamp(min=1)
    gain = (other.sum(1) - per_token[rows].sum(1)) / counts  # per token: log p(tune | prompt) - log p(tune | opposite)
    return F.relu(args.contrast_margin - gain).mean()


@torch.no_grad()
def evaluate(caption_dropout=0.0):
    """Mean loss per token on the validation split, each tune with its first caption (deterministic); with
    caption_dropout 1 every prompt is <none>, so the difference is what the prompt is worth."""
    model.eval()
    total, count = 0.0, 0
    erng = np.random.default_rng(0)
    for batch in length_batches(corpus, valid_idx, args.tokens_per_batch, erng):
        b = make_batch(corpus, batch, erng, caption_dropout, fixed_caption=0).to(device)
        total += loss_of(b)[0].item()
        count += (b.tokens[:, 1:] != PAD).sum().item()
    model.train()
    return total / count


ckpt_path = os.path.join(args.out, "ckpt.pt")
state = {"step": 0, "elapsed": 0.0, "tokens": 0, "epoch": 0}
if args.init and not (args.resume and os.path.exists(ckpt_path)):
    raw = torch.load(args.init, map_location="cpu")
    # A run's checkpoint holds {"model": weights, ...}; training/checkpoints/*.pt hold the weights alone.
    init = {k: v.float() for k, v in raw.get("model", raw).items()}
    missing, unexpected = model.load_state_dict(init, strict=False)
    assert not unexpected, unexpected
    print(f"initialised from {args.init}" + (f"; new: {', '.join(missing)}" if missing else ""))
if args.resume and os.path.exists(ckpt_path):
    ck = torch.load(ckpt_path)
    model.load_state_dict(ck["model"])
    opt.load_state_dict(ck["opt"])
    state = ck["state"]
    rng.bit_generator.state = ck["np_rng"]
    torch.set_rng_state(ck["torch_rng"])
    print(f"resumed at step {state['step']}")
model.to(device)
best_loss = state.get("best_loss", math.inf)


def save():
    torch.save(
        {"model": model.state_dict(), "opt": opt.state_dict(), "state": state, "config": asdict(cfg),
         "args": vars(args), "np_rng": rng.bit_generator.state, "torch_rng": torch.get_rng_state()},
        ckpt_path + ".tmp",
    )
    os.replace(ckpt_path + ".tmp", ckpt_path)


def save_best(valid_loss):
    dtype = getattr(torch, args.best_dtype)
    weights = {k: v.detach().to("cpu", dtype) for k, v in model.state_dict().items()}
    torch.save({"model": weights, "config": asdict(cfg), "args": vars(args), "state": dict(state), "step": state["step"],
                "valid_loss": valid_loss}, args.best + ".tmp")
    os.replace(args.best + ".tmp", args.best)


log = open(os.path.join(args.out, "log.jsonl"), "a")
print(f"{n_params} parameters, {len(train_idx)} training tunes, {args.steps} steps on {device}")
model.train()
batches = []
session_start = state["elapsed"]
last_step = min(args.steps, args.stop_at or args.steps)  # --stop-at ends early, on the schedule of --steps
while state["step"] < last_step and not (args.schedule_minutes and state["elapsed"] >= 60 * args.schedule_minutes):
    if not batches:
        batches = length_batches(corpus, train_idx, args.tokens_per_batch, rng)
        state["epoch"] += 1
    t0 = time.time()
    b = make_batch(corpus, batches.pop(), rng, args.caption_dropout, args.word_dropout, cfg.max_text, ref_prob=args.ref_prob,
                   ref_same_key=args.ref_same_key, ref_start_share=args.ref_start_share)
    b = b.to(device)
    n_tok = (b.tokens[:, 1:] != PAD).sum().item()
    for g in opt.param_groups:
        g["lr"] = lr_at(state["step"], state["elapsed"])
    token_loss, aux_loss = loss_of(b, args.header_weight, args.aux_weight, args.ref_loss_weight, args.contrast_weight)
    loss = token_loss / n_tok + aux_loss
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    state["step"] += 1
    state["elapsed"] += time.time() - t0
    state["tokens"] += n_tok
    rec = {"step": state["step"], "loss": round(loss.item(), 4), "aux": round(aux_loss.item(), 4),
           "lr": lr_at(state["step"], state["elapsed"]), "tok_per_s": round(state["tokens"] / state["elapsed"])}
    if state["step"] % args.eval_every == 0 or state["step"] == args.steps:
        rec["valid_loss"] = round(evaluate(), 4)
        if args.best:
            rec["valid_loss_no_prompt"] = round(evaluate(caption_dropout=1.0), 4)
            if rec["valid_loss"] < best_loss:
                best_loss = state["best_loss"] = rec["valid_loss"]
                save_best(best_loss)
        rec["epoch"] = state["epoch"]
        rec["elapsed_s"] = round(state["elapsed"])
        save()
    if state["step"] % 25 == 0 or "valid_loss" in rec:
        print(json.dumps(rec), flush=True)
    log.write(json.dumps(rec) + "\n")
    log.flush()
    if args.minutes and state["elapsed"] - session_start >= 60 * args.minutes:
        print(f"stopping after {args.minutes} minutes at step {state['step']}; resume with --resume", flush=True)
        break
if args.best and state["step"] % args.eval_every != 0:  # the last steps since the last evaluation
    final = evaluate()
    if final < best_loss:
        best_loss = state["best_loss"] = final
        save_best(final)
save()
if state["step"] >= args.steps:
    json.dump({"params": n_params, "config": asdict(cfg), "args": vars(args), "state": state},
              open(os.path.join(args.out, "summary.json"), "w"), indent=1)

import type { InferenceSession } from 'onnxruntime-common';
import { Tensor } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import { barPositions } from '../tokenizer/barPosition';
import { MIN_ROOM } from './kvCache';
import { OrtTuneModel } from './ortRunner';
import { stubCard } from './stubCard';

const MUSIC = ['<pad>', '<s>', '</s>', 'M:2/4', 'K:Dmaj', 'd', '2', '|'];
const [L, H, D] = [1, 2, 4];
const card = stubCard({
  dec_layers: L,
  n_heads: H,
  d_model: D,
  max_music: 32,
  music_vocab: MUSIC.length,
  text_vocab: 10,
});

type Feeds = Record<string, Tensor>;

/** Sessions that record their feeds and answer with tensors of the contract's shapes. */
function fakeModel() {
  const encoderFeeds: Feeds[] = [];
  const decoderFeeds: Feeds[] = [];
  const decoderFetches: string[][] = [];
  let calls = 0;
  const encoder = {
    async run(feeds: Feeds) {
      encoderFeeds.push(feeds);
      const [B, T] = feeds.text.dims;
      const R = feeds.refs.dims[1];
      const M = T + R;
      const memory = Float32Array.from({ length: B * M * D }, (_, i) => i);
      const cross = () => new Tensor('float32', new Float32Array(B * M * D), [B, H, M, D / H]);
      return {
        memory: new Tensor('float32', memory, [B, M, D]),
        context: new Tensor('float32', new Float32Array(B * D), [B, D]),
        cross_key_0: cross(),
        cross_value_0: cross(),
      };
    },
  };
  const decoder = {
    async run(feeds: Feeds, fetches: string[]) {
      // Copies, as onnxruntime-web copies its inputs: the session reuses its cache buffers.
      decoderFeeds.push(
        Object.fromEntries(
          Object.entries(feeds).map(([k, t]) => [k, new Tensor(t.type, (t.data as Float32Array).slice(), t.dims)]),
        ),
      );
      decoderFetches.push(fetches);
      const [B, S] = feeds.tokens.dims;
      const M = feeds.memory_valid.dims[1];
      calls += 1;
      // Each call's new keys/values hold its call number (values: negated), so the test can see where they went.
      const fresh = (sign: number) =>
        new Tensor('float32', new Float32Array(B * S * D).fill(sign * calls), [B, H, S, D / H]);
      const all = {
        logits: new Tensor('float32', new Float32Array(B * S * MUSIC.length), [B, S, MUSIC.length]),
        cross_attn: new Tensor('float32', new Float32Array(B * L * H * S * M), [B, L, H, S, M]),
        hidden: new Tensor('float32', new Float32Array(B * S * D), [B, S, D]),
        new_key_0: fresh(1),
        new_value_0: fresh(-1),
      };
      return Object.fromEntries(fetches.map((f) => [f, all[f as keyof typeof all]]));
    },
  };
  const model = new OrtTuneModel(
    { Tensor },
    encoder as unknown as InferenceSession,
    decoder as unknown as InferenceSession,
    card,
    MUSIC,
  );
  return { model, encoderFeeds, decoderFeeds, decoderFetches };
}

const ids = (...xs: number[]) => Int32Array.from(xs);
const row = (tokens: string) => Int32Array.from(tokens.split(' '), (t) => MUSIC.indexOf(t));

describe('OrtTuneModel (v4 contract)', () => {
  it('feeds references, memory_valid and each row’s bar positions', async () => {
    const { model, encoderFeeds, decoderFeeds } = fakeModel();
    const refs = [row('M:2/4 K:Dmaj d 2 |'), row('M:2/4 K:Dmaj d')];
    const session = await model.start([ids(3, 4), ids(1)], [refs, refs]);
    const enc = encoderFeeds[0];
    expect(enc.refs.dims).toEqual([2, 8]);
    expect(Array.from(enc.ref_slot.data as Int32Array)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 2]);

    const first = await session.step([row('<s> M:2/4 K:Dmaj d'), row('<s> M:2/4 K:Dmaj d')], { read: true });
    const second = await session.step([row('2'), row('|')]);
    expect([first.textLength, first.memoryLength, second.memoryLength]).toEqual([2, 10, 10]);
    expect(first.crossAttention).toHaveLength(2 * L * H * 4 * 10);
    expect([second.crossAttention, second.hidden]).toEqual([null, null]);
    const dec = decoderFeeds[0];
    expect(dec.memory_valid.dims).toEqual([2, 10]);
    expect(Array.from(dec.memory_valid.data as Float32Array)).toEqual([
      ...[1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      ...[1, 0, 1, 1, 1, 1, 1, 1, 1, 1],
    ]);
    // The clock runs on across steps, per row.
    const beats = decoderFeeds.map((f) => Array.from(f.beats.data as Int32Array));
    const whole = (s: string) => Array.from(barPositions(s.split(' ')));
    const a = whole('<s> M:2/4 K:Dmaj d 2');
    const b = whole('<s> M:2/4 K:Dmaj d |');
    expect(beats).toEqual([
      [...a.slice(0, 4), ...b.slice(0, 4)],
      [a[4], b[4]],
    ]);
    // The cross keys/values come from the encoder, once. The cache is head-major with room to spare: the first call
    // reads one unfilled position, the second a room of MIN_ROOM whose first 4 positions hold the first call's part.
    expect(encoderFeeds).toHaveLength(1);
    expect(decoderFeeds[0].cross_key_0.dims).toEqual([2, H, 10, D / H]);
    expect(decoderFeeds[0].past_key_0.dims).toEqual([2, H, 1, D / H]);
    expect(decoderFeeds.map((f) => Array.from(f.past_length.data as Int32Array))).toEqual([[0], [4]]);
    expect(decoderFeeds[1].past_key_0.dims).toEqual([2, H, MIN_ROOM, D / H]);
    const block = (sign: number) => [
      ...new Array<number>(4 * (D / H)).fill(sign),
      ...new Array<number>((MIN_ROOM - 4) * (D / H)).fill(0),
    ];
    const blocks = (sign: number) => Array.from({ length: 2 * H }, () => block(sign)).flat();
    expect(Array.from(decoderFeeds[1].past_key_0.data as Float32Array)).toEqual(blocks(1));
    expect(Array.from(decoderFeeds[1].past_value_0.data as Float32Array)).toEqual(blocks(-1));
    expect(session.pastLength).toBe(5);
    session.dispose();
  });

  it('fetches attention and hidden states only for a reading', async () => {
    const { model, decoderFetches } = fakeModel();
    const session = await model.start([ids(3)]);
    await session.step([row('<s>')]);
    await session.step([row('M:2/4')], { read: true });
    expect(decoderFetches).toEqual([
      ['logits', 'new_key_0', 'new_value_0'],
      ['logits', 'new_key_0', 'new_value_0', 'cross_attn', 'hidden'],
    ]);
  });

  it('fetches only the parts a reading names, and no keys or values on the last step', async () => {
    const { model, decoderFetches } = fakeModel();
    const session = await model.start([ids(3)]);
    const out = await session.step([row('<s> M:2/4')], { read: { attention: false, hidden: true }, last: true });
    expect(decoderFetches).toEqual([['logits', 'hidden']]);
    expect([out.crossAttention, out.hidden?.length]).toEqual([null, 2 * D]);
    expect(session.pastLength).toBe(0);
    await expect(session.step([row('K:Dmaj')])).rejects.toThrow(/last step/);
  });

  it('feeds zero reference columns when no row has references', async () => {
    const { model, encoderFeeds, decoderFeeds } = fakeModel();
    const session = await model.start([ids(3, 4, 5)]);
    const out = await session.step([row('<s>')]);
    expect(encoderFeeds[0].refs.dims).toEqual([1, 0]);
    expect(encoderFeeds[0].ref_slot.dims).toEqual([1, 0]);
    expect(decoderFeeds[0].memory_valid.dims).toEqual([1, 3]);
    expect([out.textLength, out.memoryLength]).toEqual([3, 3]);
  });

  it('encode gives the words’ memory only', async () => {
    const { model } = fakeModel();
    expect(Array.from(await model.encode(ids(3, 4)))).toEqual(Array.from({ length: 2 * D }, (_, i) => i));
  });

  it('refuses ids outside the music vocabulary', async () => {
    const { model } = fakeModel();
    const session = await model.start([ids(1)]);
    await expect(session.step([ids(99)])).rejects.toThrow(/id 99/);
  });
});

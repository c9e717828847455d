// onnxruntime-web alone, in a worker as the app runs it: the shipped decoder fed a growing cache step by step, with
// no app code around it (no feeds built from tokens, no sampling, no messages per step). Served by the bench from
// its build folder (bench/runtimeAlone.ts); the query gives the shapes. Plain JavaScript: it is copied, not built.
const inWorker = typeof document === 'undefined';

async function loop(query) {
  const ort = await import('./ort.wasm.min.mjs');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = new URL('../ort/', location.href).href;
  const card = await (await fetch('../models/model-card.json')).json();
  const bytes = new Uint8Array(await (await fetch('../models/decoder.onnx')).arrayBuffer());
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const { dec_layers: L, n_heads: H, d_model: D } = card.config;
  const dh = D / H;
  const [B, M, steps, warmSteps, repeats] = ['batch', 'memory', 'steps', 'warm', 'repeats'].map((k) =>
    Number(query.get(k)),
  );
  const filled = (n, value) => new Float32Array(n).fill(value);
  const fixed = {
    context: new ort.Tensor('float32', filled(B * D, 0.01), [B, D]),
    memory_valid: new ort.Tensor('float32', filled(B * M, 1), [B, M]),
  };
  const kv = (prefix) => Array.from({ length: L }, (_, i) => [`${prefix}_key_${i}`, `${prefix}_value_${i}`]).flat();
  for (const name of kv('cross')) fixed[name] = new ort.Tensor('float32', filled(B * H * M * dh, 0.02), [B, H, M, dh]);
  const fetches = ['logits', ...kv('new')];
  const blocks = B * H;
  // The cache as the app keeps it (src/runtime/kvCache.ts): head-major, with room that starts at 16 positions and
  // doubles; the new positions are written after the filled ones.
  const tune = async (length) => {
    let room = 16;
    let past = Object.fromEntries(kv('past').map((name) => [name, new Float32Array(blocks * room * dh)]));
    const ms = [];
    for (let p = 0; p < length; p++) {
      if (p === room) {
        const grown = room * 2;
        past = Object.fromEntries(
          Object.entries(past).map(([name, old]) => {
            const data = new Float32Array(blocks * grown * dh);
            for (let b = 0; b < blocks; b++) data.set(old.subarray(b * room * dh, (b + 1) * room * dh), b * grown * dh);
            return [name, data];
          }),
        );
        room = grown;
      }
      const feeds = {
        ...fixed,
        tokens: new ort.Tensor('int32', new Int32Array(B).fill(5 + (p % 40)), [B, 1]),
        beats: new ort.Tensor('int32', new Int32Array(B).fill(1 + (p % 96)), [B, 1]),
        past_length: new ort.Tensor('int32', Int32Array.of(p), [1]),
      };
      for (const name of kv('past')) feeds[name] = new ort.Tensor('float32', past[name], [B, H, room, dh]);
      const t0 = performance.now();
      const out = await session.run(feeds, fetches);
      ms.push(performance.now() - t0);
      for (const name of kv('past')) {
        const fresh = out[name.replace('past', 'new')].data;
        for (let b = 0; b < blocks; b++) past[name].set(fresh.subarray(b * dh, (b + 1) * dh), (b * room + p) * dh);
      }
    }
    return ms;
  };
  // The app warms its code up with throwaway steps after a load; so does this loop, before the timed tunes.
  for (let done = 0; done < warmSteps; done += steps) await tune(Math.min(steps, warmSteps - done));
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(await tune(steps));
  return runs;
}

if (inWorker) {
  self.onmessage = (e) =>
    loop(new URLSearchParams(e.data)).then(
      (runs) => postMessage({ runs }),
      (error) => postMessage({ error: String(error) }),
    );
} else {
  const worker = new Worker('./loop.js', { type: 'module' });
  worker.onmessage = (e) => {
    document.getElementById('result').textContent = JSON.stringify(e.data);
    document.title = 'done';
  };
  worker.postMessage(location.search);
}

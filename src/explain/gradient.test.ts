import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../runtime/prng';
import { fmix32, gradientSketch, outputLayerGradient, sketchGradient, sketchPlan } from './gradient';
import { cosine } from './vectors';

const gaussian = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

describe('the projection matches training/attribution.py', () => {
  it('fmix32 gives the same numbers as the numpy version', () => {
    expect([0, 1, 2, 0x9e3779b9, 0xffffffff].map(fmix32)).toEqual([0, 1364076727, 821347078, 2462723854, 2180083513]);
  });

  it('places features in the same rows with the same signs', () => {
    // From sketch_plan(seed=7, k=16, n=10, blocks=4) in Python.
    const plan = sketchPlan({ k: 16, blocks: 4, seed: 7, features: 10 });
    expect(Array.from(plan.rows)).toEqual([
      0, 1, 1, 2, 1, 2, 3, 3, 2, 1, 7, 5, 5, 4, 6, 4, 5, 7, 4, 5, 10, 8, 9, 8, 8, 10, 10, 11, 10, 8, 15, 12, 15, 12, 14,
      12, 15, 12, 12, 13,
    ]);
    expect(Array.from(plan.signs)).toEqual([
      1, -1, 1, 1, -1, 1, -1, -1, -1, 1, -1, -1, -1, -1, 1, -1, 1, -1, -1, 1, 1, -1, 1, 1, 1, -1, -1, 1, -1, -1, -1, -1,
      -1, -1, -1, 1, 1, -1, 1, 1,
    ]);
  });

  it('caches a plan per spec', () => {
    const spec = { k: 16, blocks: 4, seed: 7, features: 10 };
    expect(sketchPlan(spec)).toBe(sketchPlan({ ...spec }));
  });
});

describe('outputLayerGradient', () => {
  // Loss of targets under logits = W h + b, for a finite-difference check.
  const loss = (W: number[][], b: number[], hidden: number[][], targets: number[]) =>
    hidden.reduce((sum, h, s) => {
      const l = W.map((row, v) => row.reduce((a, w, d) => a + w * h[d], b[v]));
      const max = Math.max(...l);
      const lse = max + Math.log(l.reduce((a, x) => a + Math.exp(x - max), 0));
      return sum + lse - l[targets[s]];
    }, 0);

  it('is the derivative of the summed loss with respect to the weight and the bias', () => {
    const rand = mulberry32(3);
    const V = 4;
    const D = 3;
    const W = Array.from({ length: V }, () => Array.from({ length: D }, () => gaussian(rand)));
    const b = Array.from({ length: V }, () => gaussian(rand));
    const hidden = Array.from({ length: 5 }, () => Array.from({ length: D }, () => gaussian(rand)));
    const targets = [0, 3, 1, 1, 2];
    const logits = hidden.map((h) => Float32Array.from(W, (row, v) => row.reduce((a, w, d) => a + w * h[d], b[v])));
    const grad = outputLayerGradient(
      logits,
      hidden.map((h) => Float32Array.from(h)),
      Int32Array.from(targets),
    );
    const eps = 1e-4;
    for (let v = 0; v < V; v++) {
      for (let d = 0; d <= D; d++) {
        const up = W.map((r) => [...r]);
        const bu = [...b];
        const dn = W.map((r) => [...r]);
        const bd = [...b];
        if (d < D) {
          up[v][d] += eps;
          dn[v][d] -= eps;
        } else {
          bu[v] += eps;
          bd[v] -= eps;
        }
        const numeric = (loss(up, bu, hidden, targets) - loss(dn, bd, hidden, targets)) / (2 * eps);
        expect(grad[v * (D + 1) + d]).toBeCloseTo(numeric, 3);
      }
    }
  });
});

describe('sketchGradient', () => {
  const spec = { k: 512, blocks: 4, seed: 11, features: 3000 };
  const plan = sketchPlan(spec);
  const rand = mulberry32(5);
  const vec = () => Float64Array.from({ length: spec.features }, () => gaussian(rand));

  it('gives identical gradients identical sketches and keeps orthogonal ones near 0', () => {
    const a = vec();
    const b = vec();
    expect(cosine(sketchGradient(a, plan), sketchGradient(Float64Array.from(a), plan))).toBeCloseTo(1, 6);
    // Independent random vectors are nearly orthogonal; the sketch keeps them so within JL error (~1/sqrt(k)).
    expect(Math.abs(cosine(sketchGradient(a, plan), sketchGradient(b, plan)))).toBeLessThan(0.15);
  });

  it('preserves inner products on average', () => {
    const pairs = Array.from({ length: 20 }, () => {
      const a = vec();
      const b = Float64Array.from(a, (x) => 0.6 * x + 0.8 * gaussian(rand));
      return [cosine(a, b), cosine(sketchGradient(a, plan), sketchGradient(b, plan))];
    });
    const meanError = pairs.reduce((s, [e, g]) => s + Math.abs(e - g), 0) / pairs.length;
    expect(meanError).toBeLessThan(0.05);
  });

  it('sketches a reading: the same reading twice gives cosine 1', () => {
    const reading = {
      logits: [Float32Array.of(1, 2, 0), Float32Array.of(0, 0, 3)],
      hidden: [Float32Array.of(1, -1), Float32Array.of(0.5, 2)],
    };
    const small = { k: 8, blocks: 2, seed: 1, features: 3 * 3 };
    const a = gradientSketch(reading, Int32Array.of(1, 2), small);
    expect(a.length).toBe(8);
    expect(cosine(a, gradientSketch(reading, Int32Array.of(1, 2), small))).toBeCloseTo(1, 6);
  });
});

/**
 * Makes the browser's form of the exported graphs (training/runtime_form.py says what and why): onnxruntime-node
 * optimises encoder.onnx and decoder.onnx at level "extended" and saves each with its initializers in an external
 * float32 file; the Python packer then writes <graph>.runtime.onnx and <graph>.runtime.weights beside them and the
 * card's "runtime" section. onnxruntime-node does the optimising because Python has no onnxruntime here, and it is
 * the same onnxruntime version as onnxruntime-web's, so the saved graph holds only what that build can run.
 *
 *   npm run model:runtime [-- --models DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

const GRAPHS = ['encoder', 'decoder'] as const;
/** Initializers this size or larger go to the external file (and so into the pack); smaller stay in the graph. */
const EXTERNAL_MIN_BYTES = 1024;

function optionValue(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const models = optionValue('--models', 'public/models');
  const version = JSON.parse(readFileSync('node_modules/onnxruntime-node/package.json', 'utf8')).version as string;
  const out = mkdtempSync(join(tmpdir(), 'runtime-form-'));
  try {
    for (const graph of GRAPHS) {
      const session = await ort.InferenceSession.create(join(models, `${graph}.onnx`), {
        graphOptimizationLevel: 'extended',
        optimizedModelFilePath: join(out, `${graph}.onnx`),
        extra: {
          session: {
            optimized_model_external_initializers_file_name: `${graph}.f32`,
            optimized_model_external_initializers_min_size_in_bytes: String(EXTERNAL_MIN_BYTES),
          },
        },
      });
      await session.release();
    }
    const madeBy = `onnxruntime-node ${version}, graph optimisation level extended (scripts/runtimeForm.ts)`;
    const packer = spawnSync(
      '/usr/bin/python3',
      ['training/runtime_form.py', '--models', models, '--optimised', out, '--made-by', madeBy],
      { stdio: 'inherit' },
    );
    if (packer.status !== 0) throw new Error(`training/runtime_form.py exited with ${packer.status}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`runtime form: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

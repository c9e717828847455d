import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ModelCard } from '../src/runtime/modelTypes';
import { OrtTuneModel } from '../src/runtime/ortRunner';
import { Vocab, type VocabJson } from '../src/tokenizer/vocab';

export const DEFAULT_MODEL_DIR = join(process.cwd(), 'public/models');
/** How to get a good copy back: the shipped files are committed; the export rebuilds them from a training run. */
export const REBUILD_COMMAND =
  'git checkout -- public/models (or retrain and export: npm run model:train && npm run model:export)';

/** A model file that is missing or does not match the hash in the model card. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
    readonly expectedSha256: string | null,
  ) {
    super(
      `${problem}: ${file}` +
        (expectedSha256 ? `\n  expected SHA-256 ${expectedSha256}` : '') +
        `\n  restore it with: ${REBUILD_COMMAND}`,
    );
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function readChecked(dir: string, name: string, card: ModelCard): Uint8Array {
  const path = join(dir, name);
  const expected = card.files.find((f) => f.name === name)?.sha256 ?? null;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ModelFileError(path, 'model file is missing', expected);
  }
  if (expected && sha256(bytes) !== expected)
    throw new ModelFileError(path, 'model file is corrupt (hash mismatch)', expected);
  return bytes;
}

export interface LoadedModel {
  readonly runner: OrtTuneModel;
  readonly vocab: Vocab;
  readonly card: ModelCard;
  /** SHA-256 of the decoder weights; identifies the model in provenance. */
  readonly modelSha256: string;
}

/** Loads and checks the shipped model with onnxruntime-node. */
export async function loadNodeModel(dir = DEFAULT_MODEL_DIR): Promise<LoadedModel> {
  const cardPath = join(dir, 'model-card.json');
  let card: ModelCard;
  try {
    card = JSON.parse(readFileSync(cardPath, 'utf8')) as ModelCard;
  } catch (e) {
    throw new ModelFileError(
      cardPath,
      `model card is missing or unreadable (${(e as Error).message.split('\n')[0]})`,
      null,
    );
  }
  const vocabBytes = readChecked(dir, 'vocab.json', card);
  const encoderBytes = readChecked(dir, 'encoder.onnx', card);
  const decoderBytes = readChecked(dir, 'decoder.onnx', card);
  const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  const open = async (bytes: Uint8Array, name: string) => {
    try {
      return await ort.InferenceSession.create(bytes, options);
    } catch (e) {
      throw new ModelFileError(join(dir, name), `model file cannot be loaded (${(e as Error).message})`, null);
    }
  };
  const [encoder, decoder] = [await open(encoderBytes, 'encoder.onnx'), await open(decoderBytes, 'decoder.onnx')];
  const vocab = new Vocab(JSON.parse(new TextDecoder().decode(vocabBytes)) as VocabJson);
  const runner = new OrtTuneModel(ort, encoder, decoder, card, vocab.json.music);
  return { runner, vocab, card, modelSha256: sha256(decoderBytes) };
}

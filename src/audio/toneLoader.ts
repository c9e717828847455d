/** Tone.js, imported on first use so that pages and tests that never play sound never load it. */
export type ToneModule = typeof import('tone');

let tone: Promise<ToneModule> | null = null;

export const loadTone = (): Promise<ToneModule> => (tone ??= import('tone'));

/**
 * How much an import may hold, checked before anything is read or parsed, so that a huge file or paste gets a
 * message instead of holding the page. Every file or text the app takes in gets an entry here.
 */
export interface SizeCap {
  /** What is measured, as the message names it: "The journal file", "The ABC text". */
  readonly what: string;
  readonly unit: 'bytes' | 'characters';
  readonly max: number;
}

export const IMPORT_CAPS = {
  /**
   * A full-length node (510 tokens, views, a short note) is about 7 kB of exported JSON, so a journal at the
   * schema's 5,000-node limit is about 35 MB; real sessions stay under 1 MB. Parsing much more would hold the
   * page for seconds.
   */
  journalFile: { what: 'The journal file', unit: 'bytes', max: 40_000_000 },
  /**
   * The longest catalogue tune is about 1,000 characters of ABC and the model writes at most 510 tokens, so
   * 10,000 leaves room for any real tune; the editor reads the text on every keystroke.
   */
  abcText: { what: 'The ABC text', unit: 'characters', max: 10_000 },
  /**
   * The app writes at most 3 references and a top-5 estimate; the schema allows 16 references and 100 estimate
   * entries. 1 MB leaves room for a hand-made one and keeps parsing quick.
   */
  manifestFile: { what: 'The manifest file', unit: 'bytes', max: 1_000_000 },
  /**
   * The file a manifest speaks for: a WAV of the longest tune at a slow tempo is a few MB (16-bit mono at
   * 44.1 kHz is 5.3 MB a minute); 100 MB leaves room and keeps hashing to a moment.
   */
  exportedFile: { what: 'The exported file', unit: 'bytes', max: 100_000_000 },
  /**
   * A study session is a few hundred events, about 2 kB each with a tune in it; 100 MB holds a whole lab's
   * study (hundreds of participants) in one export, and still parses in a few seconds.
   */
  studyLogFile: { what: 'The study log file', unit: 'bytes', max: 100_000_000 },
} as const satisfies Record<string, SizeCap>;

// Rounded up, so a size just over the cap never reads as equal to it.
const megabytes = (n: number) => `${(Math.ceil(n / 1e5) / 10).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-GB');
const amount = (n: number, unit: SizeCap['unit']) => (unit === 'bytes' ? megabytes(n) : `${count(n)} characters`);

/** Null when `size` is within the cap; else a message that says how big the input is and what the limit is. */
export function overCap(size: number, cap: SizeCap): string | null {
  if (size <= cap.max) return null;
  return `${cap.what} is ${amount(size, cap.unit)}, more than the ${amount(cap.max, cap.unit)} this app reads.`;
}

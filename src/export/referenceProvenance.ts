/**
 * The provenance of a tune's references, shared by the app's exports and the CLI: catalogue tunes with their
 * credits, user ABC by a hash of the excerpt (a file name or label could say more about the user than the tune).
 */
import type { Credits } from '../catalogue/catalogueEntry';
import type { Reference } from '../music/excerpt';
import { sha256Hex } from '../worker/modelFiles';
import type { ReferenceProvenance } from './provenance';

/** What the catalogue must give for credits: the app's loaded entries and the CLI's catalogue file both do. */
export interface CreditedTune {
  readonly id: string;
  readonly credits: Credits;
}

/** SHA-256 (hex) of an excerpt's tokens joined by single spaces, as UTF-8; null where Web Crypto is missing. */
export const excerptSha256 = (tokens: readonly string[]): Promise<string | null> =>
  sha256Hex(new TextEncoder().encode(tokens.join(' ')));

/**
 * Each reference as provenance, in order. `catalogue` is called only when a reference comes from it; if it
 * fails, those references say their credits are unavailable rather than failing the export.
 */
export async function referenceProvenance(
  refs: readonly Reference[],
  catalogue: () => Promise<readonly CreditedTune[]> | readonly CreditedTune[],
): Promise<ReferenceProvenance[]> {
  let credits = new Map<string, Credits>();
  if (refs.some((r) => r.source.kind === 'catalogue')) {
    try {
      credits = new Map((await catalogue()).map((e) => [e.id, e.credits]));
    } catch {
      // Left empty: the lines say "credits unavailable".
    }
  }
  return Promise.all(
    refs.map(async (r): Promise<ReferenceProvenance> => {
      const common = { title: r.source.title, first: r.first, last: r.last };
      return r.source.kind === 'catalogue'
        ? { kind: 'catalogue', id: r.source.id, ...common, credits: credits.get(r.source.id) ?? null }
        : { kind: 'abc', ...common, tokensSha256: await excerptSha256(r.tokens) };
    }),
  );
}

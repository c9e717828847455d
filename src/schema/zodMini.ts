/**
 * zod's tree-shakable form, for code on the first load's critical path (the model worker). The whole of zod put about
 * 90 KB into the model worker's script, which the page waits for before the model starts loading; zod/mini brings
 * only the checks a schema uses. It shares zod's core, whose eval-free setting is made here as in ./zod.ts, for a
 * bundle that imports only this. Its issues carry no English messages (no locale is loaded), so `issueText` words
 * them from their path and code.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

/** "tensors.0.form (invalid_value)": where the first issue is and what kind it is. */
export function issueText(error: { readonly issues: readonly { path: PropertyKey[]; code: string }[] }): string {
  const issue = error.issues[0];
  const where = issue.path.map(String).join('.') || 'the whole';
  return `${where} (${issue.code})`;
}

export { z };

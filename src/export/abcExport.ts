import { tuneTitle } from '../music/tuneTitle';
import { oneLine, provenanceLines, provenanceSummary, type Provenance } from './provenance';

/** Escapes text for an ABC field, where a bare % would start a comment. */
const fieldText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/%/g, '\\%');

/** The ABC with a "% line" comment per line straight after X: (inside the tune record, so they stay with the tune). */
export function abcWithComments(abc: string, comments: readonly string[]): string {
  const lines = abc.replace(/\r\n?/g, '\n').split('\n');
  const x = lines.findIndex((l) => /^X:/.test(l));
  lines.splice(x < 0 ? 0 : x + 1, 0, ...comments.map((l) => `% ${l}`));
  return lines.join('\n');
}

/**
 * One tune's ABC with its provenance: "% key: value" comment lines straight after X: (inside the tune
 * record, so they stay with the tune if it is copied into a collection), a T: title from the prompt when the
 * tune has none (other ABC software shows a tune without T: as untitled) and an N: note before K:.
 */
export function abcWithProvenance(abc: string, p: Provenance): string {
  const lines = abc.replace(/\r\n?/g, '\n').split('\n');
  const keyLine = lines.findIndex((l) => /^K:/.test(l));
  if (keyLine < 0) throw new Error('abcWithProvenance: no K: line');
  lines.splice(keyLine, 0, `N:${fieldText(provenanceSummary(p))}`);
  if (!lines.slice(0, keyLine).some((l) => /^T:/.test(l))) {
    const x = lines.findIndex((l) => /^X:/.test(l));
    lines.splice(x + 1, 0, `T:${fieldText(oneLine(tuneTitle(p.prompt)))}`);
  }
  return abcWithComments(lines.join('\n'), provenanceLines(p));
}

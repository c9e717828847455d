/**
 * The tunes a participant generated, as ABC files: one per `tune` event, each with comment lines saying
 * whose it is, where in the study it was written, and with what prompt and settings.
 */
import { abcWithComments } from '../../export/abcExport';
import { oneLine } from '../../export/provenance';
import type { StudyEvent } from '../events';
import { compareEvents } from '../logCore';

type TuneEvent = Extract<StudyEvent, { kind: 'tune' }>;

export interface AbcFile {
  /** Relative path inside an export: `<participant>/tunes/<seq>-<tune id>.abc`. */
  readonly path: string;
  readonly text: string;
}

/** Letters, digits, dot, dash and underscore; anything else becomes "_" so an id is a safe file name. */
export const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || '_';

export const tuneEvents = (events: readonly StudyEvent[]): TuneEvent[] =>
  [...events].sort(compareEvents).filter((e): e is TuneEvent => e.kind === 'tune');

export function tuneAbcFiles(events: readonly StudyEvent[]): AbcFile[] {
  return tuneEvents(events).map((e) => ({
    path: `${safeName(e.participant)}/tunes/${String(e.seq).padStart(5, '0')}-${safeName(e.payload.tuneId)}.abc`,
    text: `${abcWithComments(e.payload.abc, [
      `study: ${oneLine(e.studyId)} ${oneLine(e.studyVersion)}`,
      `participant: ${oneLine(e.participant)}`,
      `condition: ${oneLine(e.condition)}`,
      `task: ${oneLine(e.task ?? '')}`,
      `seq: ${e.seq}`,
      `written: ${new Date(e.wallTime).toISOString()}`,
      `prompt: ${oneLine(e.payload.prompt)}`,
      `settings: ${JSON.stringify(e.payload.settings)}`,
      `stopped: ${e.payload.stopped}`,
      `model-sha256: ${e.payload.modelSha256}`,
    ])}\n`,
  }));
}

/** Every tune of a log in one ABC file, as collections are written: numbered X:1, X:2, ..., a blank line between. */
export function tunesAbcCollection(events: readonly StudyEvent[]): string {
  return tuneAbcFiles(events)
    .map((f, i) => (/^X:.*$/m.test(f.text) ? f.text.replace(/^X:.*$/m, `X:${i + 1}`) : `X:${i + 1}\n${f.text}`))
    .join('\n');
}

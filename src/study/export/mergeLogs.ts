/**
 * Merging several log exports into one device's data. A participant (study id and participant id) may come
 * in once: one already on this device, or already met in an earlier file of the same import, is refused and
 * named, and the rest of the import goes ahead.
 */
import type { ParticipantLog } from './logFile';

export interface NamedLogs {
  /** The file the participants came from, as the messages name it. */
  readonly fileName: string;
  readonly participants: readonly ParticipantLog[];
}

export interface LogMerge {
  readonly accepted: readonly ParticipantLog[];
  /** One line per refused participant, naming them and where the copy already is. */
  readonly refused: readonly string[];
}

const keyOf = (p: Pick<ParticipantLog['record'], 'studyId' | 'participant'>) =>
  JSON.stringify([p.studyId, p.participant]);

const DEVICE = '\u0000device';

/** `onDevice`: the participants already stored here. Files are read in the order given. */
export function mergeLogs(
  onDevice: readonly Pick<ParticipantLog['record'], 'studyId' | 'participant'>[],
  files: readonly NamedLogs[],
): LogMerge {
  const seen = new Map<string, string>(onDevice.map((p) => [keyOf(p), DEVICE]));
  const accepted: ParticipantLog[] = [];
  const refused: string[] = [];
  for (const file of files) {
    for (const p of file.participants) {
      const k = keyOf(p.record);
      const where = seen.get(k);
      if (where !== undefined) {
        refused.push(
          `${p.record.participant} (study ${p.record.studyId}) in ${file.fileName}: ${where === DEVICE ? 'already on this device' : `already in ${where}`}; not imported again.`,
        );
        continue;
      }
      seen.set(k, file.fileName);
      accepted.push(p);
    }
  }
  return { accepted, refused };
}

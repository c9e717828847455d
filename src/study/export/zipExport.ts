/**
 * Everything on this device as one ZIP (fflate): the whole log as JSON and tidy CSV, and per participant
 * the same three plus their tunes as ABC. Paths are grouped by study, so two studies never mix.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { eventsCsv, questionnaireCsv } from './csv';
import { logFile, type ParticipantLog } from './logFile';
import { safeName, tuneAbcFiles } from './tunesAbc';

export interface ParticipantFiles {
  readonly 'log.json': string;
  readonly 'events.csv': string;
  readonly 'questionnaires.csv': string;
}

/** One participant's (or several participants') JSON log and CSV tables. */
export function exportFiles(participants: readonly ParticipantLog[], app: string, now: Date): ParticipantFiles {
  const events = participants.flatMap((p) => p.events);
  return {
    'log.json': `${JSON.stringify(logFile(participants, app, now), null, 1)}\n`,
    'events.csv': eventsCsv(events),
    'questionnaires.csv': questionnaireCsv(events),
  };
}

/** A flat map from path to text: what the ZIP holds, also handy to test without unzipping. */
export function exportTree(participants: readonly ParticipantLog[], app: string, now: Date): Map<string, string> {
  const tree = new Map<string, string>();
  for (const [name, text] of Object.entries(exportFiles(participants, app, now))) tree.set(`all/${name}`, text);
  for (const p of participants) {
    const dir = `studies/${safeName(p.record.studyId)}`;
    for (const [name, text] of Object.entries(exportFiles([p], app, now)))
      tree.set(`${dir}/${safeName(p.record.participant)}/${name}`, text);
    for (const abc of tuneAbcFiles(p.events)) tree.set(`${dir}/${abc.path}`, abc.text);
  }
  return tree;
}

export function exportZip(participants: readonly ParticipantLog[], app: string, now = new Date()): Uint8Array {
  const files: Zippable = {};
  for (const [path, text] of exportTree(participants, app, now)) files[path] = strToU8(text);
  // The ZIP's own timestamps are the export's, so two exports of the same data differ only there.
  return zipSync(files, { level: 6, mtime: now });
}

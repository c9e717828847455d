/**
 * The researcher page's data: what the study store on this device holds, exported, imported and cleared.
 * The store is the one study mode opens; the page keeps no copy of the log beyond what it shows.
 */
import { downloadBlob, downloadFile } from '../../export/download';
import { eventsCsv, questionnaireCsv } from '../../study/export/csv';
import { logFile, participantLogs, type ParticipantLog } from '../../study/export/logFile';
import { mergeLogs, type NamedLogs } from '../../study/export/mergeLogs';
import { parseLogFile } from '../../study/export/parseLogFile';
import { safeName, tunesAbcCollection } from '../../study/export/tunesAbc';
import { exportZip } from '../../study/export/zipExport';
import { APP_VERSION } from '../env';
import { IMPORT_CAPS, overCap } from '../importCaps';
import { openStudyStore as openStore } from '../study/studyService';

const APP = `Apparatus ${APP_VERSION}`;

/** Every participant on this device with their events, sorted by study and participant id. */
export async function loadDeviceLogs(): Promise<ParticipantLog[]> {
  const s = await openStore();
  const [records, events] = await Promise.all([s.listParticipants(), s.readEverything()]);
  return participantLogs(records, events);
}

const stamp = (now: Date) => now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
const stem = (p: ParticipantLog) => `${safeName(p.record.studyId)}-${safeName(p.record.participant)}`;

export type ParticipantExport = 'json' | 'events-csv' | 'questionnaires-csv' | 'abc';

export function downloadParticipant(p: ParticipantLog, kind: ParticipantExport): void {
  switch (kind) {
    case 'json':
      return downloadFile(`${JSON.stringify(logFile([p], APP), null, 1)}\n`, `${stem(p)}-log.json`, 'application/json');
    case 'events-csv':
      return downloadFile(eventsCsv(p.events), `${stem(p)}-events.csv`, 'text/csv;charset=utf-8');
    case 'questionnaires-csv':
      return downloadFile(questionnaireCsv(p.events), `${stem(p)}-questionnaires.csv`, 'text/csv;charset=utf-8');
    case 'abc':
      return downloadFile(tunesAbcCollection(p.events), `${stem(p)}-tunes.abc`, 'text/vnd.abc;charset=utf-8');
  }
}

export function downloadEverything(logs: readonly ParticipantLog[], now = new Date()): void {
  const zip = exportZip(logs, APP, now);
  downloadBlob(new Blob([zip.slice()], { type: 'application/zip' }), `apparatus-study-data-${stamp(now)}.zip`);
}

export interface ImportOutcome {
  /** Participants added, as "study/participant". */
  readonly added: readonly string[];
  /** Participants refused as duplicates, each named with where the copy already is. */
  readonly refused: readonly string[];
  /** Files not read at all, each with its problems. */
  readonly badFiles: readonly { readonly fileName: string; readonly errors: readonly string[] }[];
}

/** Reads, checks and merges several exports into this device's store; a bad file is refused whole. */
export async function importLogs(files: readonly File[]): Promise<ImportOutcome> {
  const named: NamedLogs[] = [];
  const badFiles: { fileName: string; errors: string[] }[] = [];
  for (const f of files) {
    // Checked before reading: a huge file would hold the page while it is read and parsed.
    const tooBig = overCap(f.size, IMPORT_CAPS.studyLogFile);
    if (tooBig) {
      badFiles.push({ fileName: f.name, errors: [tooBig] });
      continue;
    }
    const parsed = parseLogFile(await f.text());
    if (parsed.ok) named.push({ fileName: f.name, participants: parsed.file.participants });
    else badFiles.push({ fileName: f.name, errors: parsed.errors });
  }
  const s = await openStore();
  const merge = mergeLogs(await s.listParticipants(), named);
  for (const p of merge.accepted) {
    // Events first: a participant listed without their events would look complete and empty.
    await s.importEvents(p.events);
    await s.putParticipant(p.record);
  }
  return {
    added: merge.accepted.map((p) => `${p.record.studyId}/${p.record.participant}`),
    refused: merge.refused,
    badFiles,
  };
}

/** Erases every participant and event on this device (study files stay). */
export async function clearDeviceData(): Promise<void> {
  await (await openStore()).clearData();
}

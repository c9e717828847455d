import { useState } from 'react';
import type { ParticipantLog } from '../../study/export/logFile';
import { ClearData } from './ClearData';
import { ImportLogs } from './ImportLogs';
import { ParticipantTable } from './ParticipantTable';
import { downloadEverything } from './researchService';
import { ReplayView } from './ReplayView';
import { useDeviceLogs } from './useDeviceLogs';
import './research.css';

/** The study data page (`?study-data`): the participants on this device, their exports, imports, replay and clearing. */
export function StudyDataPage() {
  const { data: logs, error, isPending, refresh } = useDeviceLogs();
  const [replaying, setReplaying] = useState<ParticipantLog | null>(null);
  // What was last exported whole, by event count: clearing warns when the data changed since.
  const [exportedEvents, setExportedEvents] = useState<number | null>(null);
  const events = logs?.reduce((n, p) => n + p.events.length, 0) ?? 0;
  return (
    <div className="app research-page">
      <header className="app-header">
        <h1>Apparatus: study data</h1>
        <p className="tagline">The participants whose sessions are stored in this browser.</p>
        <nav className="row">
          <a href="?researcher">Study links</a>
          <a href="./">Back to the workbench</a>
        </nav>
      </header>
      <main>
        {isPending && <p className="hint">Reading the study log…</p>}
        {error && (
          <p className="error" role="alert">
            The study log could not be read: {error.message}
          </p>
        )}
        {logs && (
          <section className="panel" aria-label="Study data on this device">
            <div className="row research-actions">
              <button
                type="button"
                disabled={logs.length === 0}
                onClick={() => {
                  downloadEverything(logs);
                  setExportedEvents(events);
                }}
              >
                Export everything (ZIP)
              </button>
              <ImportLogs onImported={() => void refresh()} />
              <ClearData
                participants={logs.length}
                events={events}
                exported={exportedEvents === events}
                onCleared={() => {
                  setReplaying(null);
                  void refresh();
                }}
              />
            </div>
            <ParticipantTable logs={logs} onReplay={setReplaying} />
          </section>
        )}
        {replaying && (
          <ReplayView key={replaying.record.participant} log={replaying} onClose={() => setReplaying(null)} />
        )}
      </main>
    </div>
  );
}

import { useState } from 'react';
import { AboutPanel } from './AboutPanel';
import { AttributionPanel } from './attribution/AttributionPanel';
import { AbcEditor } from './AbcEditor';
import { CataloguePanel } from './catalogue/CataloguePanel';
import { ControlsPanel } from './ControlsPanel';
import { ExportPanel } from './ExportPanel';
import { ManifestCheckPanel } from './provenance/ManifestCheckPanel';
import { GenerateBar } from './GenerateBar';
import { HistoryPanel } from './HistoryPanel';
import { MapPanel } from './map/MapPanel';
import { ModelStatus } from './ModelStatus';
import { NeighboursPanel } from './neighbours/NeighboursPanel';
import { Notices } from './Notices';
import { PlayerPanel } from './PlayerPanel';
import { PromptPanel } from './PromptPanel';
import { ResetControl } from './ResetControl';
import { RightsPanel } from './rights/RightsPanel';
import { ScorePanel } from './ScorePanel';
import { ViewsPanel } from './views/ViewsPanel';

export function App() {
  const [about, setAbout] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Apparatus</h1>
        <p className="tagline">Words in, folk tunes out — written by a small model in your browser.</p>
        <button type="button" aria-expanded={about} onClick={() => setAbout(!about)}>
          About
        </button>
        <ResetControl />
      </header>
      <Notices />
      {about && <AboutPanel onClose={() => setAbout(false)} />}
      <ModelStatus />
      <main className="layout">
        <div className="column compose">
          <PromptPanel />
          <GenerateBar />
          <ControlsPanel />
        </div>
        <div className="column tune">
          <ScorePanel />
          <PlayerPanel />
          <ExportPanel />
          <ManifestCheckPanel />
          <AbcEditor />
        </div>
        <HistoryPanel />
      </main>
      <ViewsPanel />
      <AttributionPanel />
      <NeighboursPanel />
      <MapPanel />
      <CataloguePanel />
      <RightsPanel />
    </div>
  );
}

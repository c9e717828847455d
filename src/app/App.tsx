import { useState } from 'react';
import { AboutPanel } from './AboutPanel';
import { AttributionPanel } from './attribution/AttributionPanel';
import { AbcEditor } from './AbcEditor';
import { useCatalogueGateOpener } from './catalogue/catalogueGate';
import { CataloguePanel } from './catalogue/CataloguePanel';
import { ControlsPanel } from './ControlsPanel';
import { ExportPanel } from './ExportPanel';
import { ManifestCheckPanel } from './provenance/ManifestCheckPanel';
import { GenerateBar } from './GenerateBar';
import { HistoryPanel } from './HistoryPanel';
import { IdleCountdown } from './kiosk/IdleCountdown';
import { KioskBar } from './kiosk/KioskBar';
import { KioskSettings } from './kiosk/KioskSettings';
import { useKiosk } from './kiosk/kioskStore';
import { MapPanel } from './map/MapPanel';
import { ModelStatus } from './ModelStatus';
import { NeighboursPanel } from './neighbours/NeighboursPanel';
import { Notices } from './Notices';
import { PlayerPanel } from './PlayerPanel';
import { PromptPanel } from './PromptPanel';
import { ResetControl } from './ResetControl';
import { RightsPanel } from './rights/RightsPanel';
import { ScorePanel } from './ScorePanel';
import { useControlVisible, useViewVisible } from './study/studyStore';
import { UpdatePrompt } from './UpdatePrompt';
import { ViewsPanel } from './views/ViewsPanel';

export function App() {
  const [about, setAbout] = useState(false);
  // A study condition shows only some panels; outside a study every one shows.
  const show = {
    settings: useControlVisible('settings'),
    history: useControlVisible('history'),
    export: useControlVisible('export'),
    editor: useControlVisible('editor'),
    catalogue: useControlVisible('catalogue'),
    rights: useControlVisible('rights'),
    attribution: useViewVisible('attribution'),
    neighbours: useViewVisible('neighbours'),
    map: useViewVisible('map'),
  };
  const kiosk = useKiosk((s) => s.config);
  useCatalogueGateOpener();
  return (
    <div className={kiosk.enabled ? 'app kiosk' : 'app'}>
      <header className="app-header">
        <h1>Apparatus</h1>
        <p className="tagline">Words in, folk tunes out — written by a small model in your browser.</p>
        <button type="button" aria-expanded={about} onClick={() => setAbout(!about)}>
          About
        </button>
        {!kiosk.enabled && <KioskSettings />}
        <ResetControl />
      </header>
      <UpdatePrompt />
      <Notices />
      {kiosk.enabled && <KioskBar />}
      {kiosk.enabled && <IdleCountdown config={kiosk} />}
      {about && <AboutPanel onClose={() => setAbout(false)} />}
      <ModelStatus />
      <main className="layout">
        <div className="column compose">
          <PromptPanel />
          <GenerateBar />
          {show.settings && <ControlsPanel />}
        </div>
        <div className="column tune">
          <ScorePanel />
          <PlayerPanel />
          {show.export && <ExportPanel />}
          {show.export && <ManifestCheckPanel />}
          {show.editor && <AbcEditor />}
        </div>
        {show.history && <HistoryPanel />}
      </main>
      <ViewsPanel />
      {show.attribution && <AttributionPanel />}
      {show.neighbours && <NeighboursPanel />}
      {show.map && <MapPanel />}
      {show.catalogue && <CataloguePanel />}
      {show.rights && <RightsPanel />}
    </div>
  );
}

import { useEffect } from 'react';
import { VIEW_TABS, type ViewTab } from '../../journal/journalViews';
import { useStudy, viewVisible } from '../study/studyStore';
import { AttentionPanel } from './AttentionPanel';
import { DiffractionPanel } from './DiffractionPanel';
import { GuidanceSweep } from './GuidanceSweep';
import { JournalPanel } from './JournalPanel';
import { startJournal } from './journalService';
import { PerturbationPanel } from './PerturbationPanel';
import { useViewContext } from './useViewContext';
import { useViews } from './viewStore';
import './views.css';

const TAB_LABELS: Readonly<Record<ViewTab, string>> = {
  attention: 'Cross-attention map',
  perturbation: 'Prompt perturbation',
  sweep: 'Guidance sweep',
  diffraction: 'Attention vs occlusion',
  journal: 'Journal',
};

/** The interpretation views of the tune on show, as tabs, and the journal that keeps the exploration. */
export function ViewsPanel() {
  const session = useStudy((s) => s.session);
  const tabs = VIEW_TABS.filter((t) => viewVisible(session, t));
  const chosen = useViews((s) => s.views.tab);
  // A study condition may hide the tab last chosen: the first one it shows stands in.
  const tab = tabs.includes(chosen) ? chosen : tabs[0];
  const setTab = useViews((s) => s.setTab);
  const ctx = useViewContext();
  useEffect(() => startJournal(), []);
  if (!tab) return null;
  const needsTune = tab !== 'journal';
  return (
    <section className="panel views-panel" aria-labelledby="views-heading" data-testid="views-panel">
      <h2 id="views-heading">Interpretation views</h2>
      <div className="tabs" role="tablist" aria-label="Views">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`views-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="views-tabpanel"
            onClick={() => setTab(t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="views-tabpanel" aria-labelledby={`views-tab-${tab}`}>
        {needsTune && !ctx.tune && (
          <p className="hint">The views read the tune on show: generate one (or wait for it to finish).</p>
        )}
        {needsTune && ctx.tune && !ctx.modelSha256 && <p className="hint">The views need the model; it is loading.</p>}
        {ctx.tune && tab === 'attention' && <AttentionPanel tune={ctx.tune} ctx={ctx} />}
        {ctx.tune && tab === 'perturbation' && <PerturbationPanel tune={ctx.tune} ctx={ctx} />}
        {ctx.tune && tab === 'sweep' && <GuidanceSweep tune={ctx.tune} ctx={ctx} />}
        {ctx.tune && tab === 'diffraction' && <DiffractionPanel tune={ctx.tune} ctx={ctx} />}
        {tab === 'journal' && <JournalPanel />}
      </div>
    </section>
  );
}

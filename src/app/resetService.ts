/**
 * The workshop reset: the next person gets the page as a first visitor would, without reloading the model.
 * History and the exploration journal are erased from this browser; the model, the catalogue and the
 * offline copies stay.
 */
import { useJournal } from '../store/journalStore';
import { useNotices } from '../store/noticeStore';
import { useSettings } from '../store/settingsStore';
import { useTune } from '../store/tuneStore';
import { DEFAULT_VIEWS } from '../journal/journalViews';
import { EMPTY_FILTER } from './catalogue/catalogueFilter';
import { stopCatalogueTune } from './catalogue/cataloguePlayer';
import { useCatalogueStore } from './catalogue/catalogueStore';
import { clearHistory } from './historyService';
import { useMapStore } from './map/mapStore';
import { useNeighbourSettings } from './neighbours/neighbourSettingsStore';
import { stop as stopPlayer } from './playerService';
import { queryClient } from './queryClient';
import { stopAB } from './shared/abAudio';
import { clearJournal } from './views/journalService';
import { useViews } from './views/viewStore';

/** Cached results that belong to one person's tunes; the model, catalogue and indexes stay loaded. */
const PERSONAL_QUERIES = new Set([
  'read',
  'generate',
  'neighbour-vectors',
  'neighbour-rank',
  'neighbour-passages',
  'copy-score',
]);

export async function resetWorkbench(): Promise<void> {
  stopPlayer();
  stopAB();
  stopCatalogueTune();
  useTune.getState().setCurrent(null);
  useTune.getState().setGenerationError(null);
  useSettings.getState().reset();
  useViews.getState().replace(DEFAULT_VIEWS);
  useCatalogueStore.setState({ filter: EMPTY_FILTER, selectedId: null });
  useMapStore.getState().clear();
  useNeighbourSettings.getState().reset();
  queryClient.removeQueries({ predicate: (q) => PERSONAL_QUERIES.has(String(q.queryKey[0])) });
  useNotices.setState({ notices: [] });
  await Promise.all([clearHistory(), clearJournal()]);
  useJournal.getState().setCurrent(null);
}

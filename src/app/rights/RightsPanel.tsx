import { useState } from 'react';
import { termsForTune } from '../../rights/terms';
import type { TermsTarget } from '../../rights/registryEdit';
import { entryTitle, useCatalogue } from '../catalogue/catalogueData';
import { useCatalogueStore } from '../catalogue/catalogueStore';
import { CatalogueWaiting } from '../catalogue/CatalogueWaiting';
import { clearTuneTerms, exportRegistry, loadRegistryFile, resetRegistry, saveTerms } from './rightsService';
import { SHIPPED_ORIGIN } from './rightsStore';
import { TermsEditor } from './TermsEditor';
import { useRegistry } from './useRegistry';
import './rights.css';

const OPEN_TUNE = 'open-tune';

/**
 * The rights registry in force: where it came from and that its terms are simulated, loading a researcher's
 * file, editing an entry, exporting, and going back to the shipped one.
 */
export function RightsPanel() {
  const { registry, origin, edited, status, error, warning } = useRegistry();
  const catalogue = useCatalogue();
  const openId = useCatalogueStore((s) => s.selectedId);
  const [target, setTarget] = useState<string>(OPEN_TUNE);
  const [fileErrors, setFileErrors] = useState<readonly string[]>([]);
  const openEntry = catalogue.data?.find((e) => e.id === openId) ?? null;
  const chosen: TermsTarget | null =
    target === OPEN_TUNE
      ? openEntry
        ? { kind: 'tune', tune: openEntry.id }
        : null
      : { kind: 'collection', collection: target };
  const hasOwnEntry = chosen?.kind === 'tune' && registry?.tunes.some((t) => t.tune === chosen.tune);
  const editing =
    registry && chosen
      ? chosen.kind === 'tune'
        ? { label: openEntry ? entryTitle(openEntry) : chosen.tune, terms: termsForTune(registry, chosen.tune).terms }
        : {
            label: registry.collections.find((c) => c.collection === chosen.collection)!.name,
            terms: registry.collections.find((c) => c.collection === chosen.collection)!.terms,
          }
      : null;
  return (
    <section className="panel rights-panel" aria-labelledby="rights-heading" data-testid="rights-panel">
      <h2 id="rights-heading">Rights registry</h2>
      {status === 'loading' && <CatalogueWaiting loading="Loading the rights registry…" />}
      {status === 'error' && <p role="alert">The rights registry could not be loaded: {error}</p>}
      {warning && <p className="hint">{warning}</p>}
      {registry && (
        <>
          {registry.simulated && (
            <p className="rights-notice" data-testid="rights-notice">
              {registry.notice}
            </p>
          )}
          <p className="hint" data-testid="rights-origin">
            In force: {origin}
            {edited ? ', with edits made here' : ''}. {registry.collections.length} collection entries,{' '}
            {registry.tunes.length} tune entries. Edits are kept in this browser.
          </p>
          <div className="row">
            <label>
              Load a registry file{' '}
              <input
                type="file"
                accept=".json,application/json"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void loadRegistryFile(file).then(setFileErrors);
                }}
              />
            </label>
            <button type="button" onClick={exportRegistry}>
              Export registry (JSON)
            </button>
            {(origin !== SHIPPED_ORIGIN || edited) && (
              <button type="button" onClick={() => void resetRegistry()}>
                Back to the shipped registry
              </button>
            )}
          </div>
          {fileErrors.length > 0 && (
            <div role="alert" data-testid="registry-errors">
              <p>The file was not loaded; the registry in force is unchanged:</p>
              <ul>
                {fileErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )}
          <label>
            Edit the terms of{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value={OPEN_TUNE}>
                {openEntry
                  ? `the open catalogue tune: ${entryTitle(openEntry)}`
                  : 'the open catalogue tune (none open)'}
              </option>
              {registry.collections.map((c) => (
                <option key={c.collection} value={c.collection}>
                  the collection {c.name}
                </option>
              ))}
            </select>
          </label>
          {editing && chosen ? (
            <>
              <TermsEditor
                key={`${JSON.stringify(chosen)}-${JSON.stringify(editing.terms)}`}
                label={editing.label}
                terms={editing.terms}
                onSave={(terms) => saveTerms(chosen, terms)}
              />
              {hasOwnEntry && chosen.kind === 'tune' && (
                <button type="button" onClick={() => void clearTuneTerms(chosen.tune)}>
                  Drop this tune&apos;s own entry (take its collection&apos;s terms)
                </button>
              )}
            </>
          ) : (
            <p className="hint">Open a tune in the catalogue to edit its own terms, or choose a collection.</p>
          )}
        </>
      )}
    </section>
  );
}

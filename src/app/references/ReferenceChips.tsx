import { referenceLabel } from '../../music/excerpt';
import { termsForSource } from '../../rights/terms';
import { useSettings } from '../../store/settingsStore';
import { referenceText, royaltyText, usesText } from '../rights/termsText';
import { useRegistry } from '../rights/useRegistry';
import { AddAbcReference } from './AddAbcReference';
import { PermittedUsesPending, PermittedUsesView } from './PermittedUsesView';
import { removeReference } from './referenceService';
import './references.css';

/**
 * The references the next tune is written with, as removable chips that carry each tune's credits and terms,
 * then the uses those terms permit for the output.
 */
export function ReferenceChips() {
  const references = useSettings((s) => s.references);
  const { registry, status, error } = useRegistry();
  return (
    <div className="references" data-testid="references">
      <h3 className="references-heading">References</h3>
      {status === 'error' && <p role="alert">The rights registry could not be loaded: {error}</p>}
      {references.length === 0 ? (
        <p className="hint" data-testid="references-none">
          No references: the tune follows the prompt alone. Choose up to 3 with &ldquo;Use as reference&rdquo; in the
          catalogue, the neighbours list, the map or the A/B view, or add your own ABC.
        </p>
      ) : (
        <ul className="reference-chips" aria-label="References">
          {references.map((r, i) => {
            const resolved = registry ? termsForSource(registry, r.source) : null;
            const label = referenceLabel(r);
            return (
              <li key={`${r.source.id}-${r.first}-${r.last}-${i}`} className="reference-chip">
                <span className="reference-title">{label}</span>
                {resolved && (
                  <span className="reference-terms">
                    {resolved.terms.rightsHolder}; credits: {resolved.terms.credits.join('; ')}.{' '}
                    {referenceText(resolved.terms)}; {usesText(resolved.terms)}; {royaltyText(resolved.terms)}
                    {resolved.simulated ? ' (simulated terms)' : ''}.
                  </span>
                )}
                <button type="button" aria-label={`Remove reference ${label}`} onClick={() => removeReference(r)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {registry ? (
        <PermittedUsesView registry={registry} references={references} />
      ) : (
        status !== 'error' && <PermittedUsesPending />
      )}
      <AddAbcReference />
    </div>
  );
}

import { referenceLabel, type Reference } from '../../music/excerpt';
import { permittedUses } from '../../rights/consent';
import { OUTPUT_USES, type Registry } from '../../rights/registrySchema';
import { termsForSource } from '../../rights/terms';
import { USE_LABELS } from '../rights/termsText';

interface Props {
  readonly registry: Registry;
  readonly references: readonly Reference[];
}

/** What the next tune may be used for, from its references' terms: every reference must permit a use. */
export function PermittedUsesView({ registry, references }: Props) {
  const holders = references.map((r) => ({
    label: referenceLabel(r),
    terms: termsForSource(registry, r.source).terms,
  }));
  const { verdicts, conditions } = permittedUses(holders);
  return (
    <div className="permitted-uses" data-testid="permitted-uses">
      <h4>Permitted uses of the next tune</h4>
      <ul>
        {verdicts.map((v) => (
          <li key={v.use} className={v.allowed ? 'use-allowed' : 'use-withheld'}>
            {v.allowed
              ? `${USE_LABELS[v.use]}: permitted`
              : `${USE_LABELS[v.use]}: not permitted, withheld by ${v.withheldBy.join('; ')}`}
          </li>
        ))}
      </ul>
      {conditions.map((c) => (
        <p key={c.label} className="hint">
          Condition from {c.label}: {c.constraint}.
        </p>
      ))}
      <p className="hint">
        {references.length === 0
          ? 'No reference restricts the output.'
          : 'The most restrictive term wins: a use is permitted only when every reference permits it.'}
        {registry.simulated ? ' These terms are simulated: the tunes are public domain.' : ''}
      </p>
    </div>
  );
}

/**
 * The same block while the rights registry loads (it comes with the catalogue, at a pause after the model is
 * ready): one line per use, so the settings below keep their place when the verdicts arrive.
 */
export function PermittedUsesPending() {
  return (
    <div className="permitted-uses" data-testid="permitted-uses-pending">
      <h4>Permitted uses of the next tune</h4>
      <ul>
        {OUTPUT_USES.map((use) => (
          <li key={use}>{USE_LABELS[use]}: …</li>
        ))}
      </ul>
      <p className="hint">The terms come from the rights registry, which loads with the training catalogue.</p>
    </div>
  );
}

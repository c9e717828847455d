import type { ApparatusManifest } from '../../export/manifestSchema';
import { consentText, sharesText, termsText } from './claimText';

/** What a manifest claims, part by part. It shows the claims as written; only the hash is checked. */
export function ManifestClaims({ manifest }: { manifest: ApparatusManifest }) {
  const [actions, consent, attribution, asset] = manifest.assertions;
  const created = actions.data.actions[0];
  const { references, trainingTopK, copyFlag, permittedUses } = attribution.data;
  return (
    <div className="manifest-claims">
      <p>
        <strong>Signature:</strong> {manifest.signature.note}
      </p>
      <dl>
        <dt>Created</dt>
        <dd>
          {created.when} by {created.softwareAgent.name} {created.softwareAgent.version} (digital source type: trained
          algorithmic media)
        </dd>
        <dt>Model SHA-256</dt>
        <dd>
          <code>{created.parameters.model.sha256}</code>
        </dd>
        <dt>Prompt</dt>
        <dd>{created.parameters.prompt}</dd>
        <dt>Seed</dt>
        <dd>{created.parameters.seed}</dd>
        <dt>Settings</dt>
        <dd>
          <code>{JSON.stringify(created.parameters.settings)}</code>
        </dd>
        <dt>File</dt>
        <dd>
          {asset.data.name}, {asset.data.bytes.toLocaleString('en-GB')} bytes, SHA-256 <code>{asset.data.hash}</code>
        </dd>
        <dt>Copy flag</dt>
        <dd>{copyFlag ?? 'none'}</dd>
      </dl>
      <h4>References (inference-time attribution)</h4>
      {references.length === 0 && <p>None: the tune was written from the prompt alone.</p>}
      <ol>
        {references.map((r) => (
          <li key={r.ingredient}>
            <strong>{r.title}</strong>, bars {r.bars.first}-{r.bars.last}. {r.credits}.
            <br />
            {r.rights
              ? `${r.rights.terms.rightsHolder}${r.rights.simulated ? ' (simulated terms)' : ''}: ${termsText(r.rights.terms)}.`
              : 'Terms unknown: no registry was at hand when the file was exported.'}
            <br />
            Shares: {sharesText(r.shares)}.
          </li>
        ))}
      </ol>
      <h4>Permitted uses of this output</h4>
      <ul>
        {permittedUses.verdicts.map((v) => (
          <li key={v.use}>
            {v.use}: {v.allowed ? 'permitted' : `withheld by ${v.withheldBy.join(', ')}`}
          </li>
        ))}
        {permittedUses.conditions.map((c) => (
          <li key={c.label}>
            condition from {c.label}: {c.constraint}
          </li>
        ))}
      </ul>
      {permittedUses.notice && <p className="hint">{permittedUses.notice}</p>}
      <h4>Consent (CAWG training and data mining)</h4>
      <ul>
        {Object.entries(consent.data.entries).map(([key, entry]) => (
          <li key={key}>
            {key}: {consentText(entry)}
          </li>
        ))}
      </ul>
      <h4>Training-time attribution (estimate)</h4>
      <p className="hint">
        {trainingTopK.method}. {trainingTopK.caveat}
      </p>
      {trainingTopK.unavailable && <p>Not computed: {trainingTopK.unavailable}</p>}
      <ol>
        {trainingTopK.entries.map((e) => (
          <li key={e.id}>
            {e.title} ({e.id}), score {e.score.toFixed(3)}
          </li>
        ))}
      </ol>
    </div>
  );
}

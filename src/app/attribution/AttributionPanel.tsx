import { useEffect, useMemo } from 'react';
import { ablationShares } from '../../explain/ablation';
import { tokensToNoteSequence } from '../../explain/neighboursIndex';
import { referencePassages } from '../../explain/referencePassages';
import { buildLedger } from '../../royalty/ledger';
import { attributionRecord, generationAttribution, gradientEstimateOf, trainingSetHolders } from '../../royalty/record';
import { statementFor } from '../../royalty/statement';
import { termsForSource, termsForTune } from '../../rights/terms';
import { useCatalogue } from '../catalogue/catalogueData';
import { useViewContext } from '../views/useViewContext';
import { useRegistry } from '../rights/useRegistry';
import { useAblation, useGradientRanking } from './attributionData';
import { LedgerView } from './LedgerView';
import { useLedger } from './ledgerStore';
import { PolicyEditor } from './PolicyEditor';
import { ReferencePassagesView } from './ReferencePassagesView';
import { ReferenceShares } from './ReferenceShares';
import { StatementView } from './StatementView';
import { TrainingEstimate } from './TrainingEstimate';
import type { Registry } from '../../rights/registrySchema';
import type { Tune } from '../../store/types';
import './attribution.css';

/**
 * Attribution by design: the references the tune on show was written with, each one's measured share, the
 * training-time estimate beside them, the statement under the royalty policy and the session ledger.
 */
export function AttributionPanel() {
  const ctx = useViewContext();
  const rights = useRegistry();
  const registry = rights.registry;
  const catalogue = useCatalogue();
  const policy = useLedger((s) => s.policy);
  const generations = useLedger((s) => s.generations);
  const clear = useLedger((s) => s.clear);
  const training = useMemo(
    () =>
      registry && catalogue.data
        ? trainingSetHolders(
            catalogue.data.filter((e) => e.split === 'train').map((e) => e.id),
            (id) => termsForTune(registry, id),
          )
        : [],
    [registry, catalogue.data],
  );
  const ledger = useMemo(() => buildLedger(policy, generations, training), [policy, generations, training]);
  return (
    <section className="panel attribution-panel" aria-labelledby="attribution-heading" data-testid="attribution-panel">
      <h2 id="attribution-heading">Attribution and royalties</h2>
      {registry?.simulated && (
        <p className="notice simulated" data-testid="attribution-simulated">
          {registry.notice}
        </p>
      )}
      {rights.error && <p role="alert">The rights registry could not be loaded: {rights.error}</p>}
      {!ctx.tune && <p className="hint">Generate a tune with references to see who it is attributed to.</p>}
      {ctx.tune && registry && (
        <TuneAttribution
          key={ctx.tune.id}
          tune={ctx.tune}
          registry={registry}
          modelSha256={ctx.modelSha256}
          training={training}
        />
      )}
      <PolicyEditor />
      <LedgerView ledger={ledger} onClear={clear} />
    </section>
  );
}

const NO_REFERENCES = ablationShares({ logProbs: [], total: 0 }, []);

function TuneAttribution({
  tune,
  registry,
  modelSha256,
  training,
}: {
  readonly tune: Tune;
  readonly registry: Registry;
  readonly modelSha256: string | null;
  readonly training: Parameters<typeof statementFor>[2];
}) {
  const catalogue = useCatalogue();
  const policy = useLedger((s) => s.policy);
  const recordInLedger = useLedger((s) => s.record);
  const references = useMemo(() => tune.references ?? [], [tune.references]);
  const reading = useAblation(tune, modelSha256);
  // Without references there is nothing to read: the generation still enters the ledger (its training part).
  const ablation = references.length ? reading.data : NO_REFERENCES;
  const gradient = useGradientRanking(tune);
  const passages = useMemo(
    () =>
      referencePassages(
        tokensToNoteSequence(tune.tokens),
        references.map((r) => tokensToNoteSequence(r.tokens)),
      ),
    [tune.tokens, references],
  );
  const ids = useMemo(() => catalogue.data?.map((e) => e.id) ?? [], [catalogue.data]);
  const record = useMemo(() => {
    if (!ablation) return null;
    return attributionRecord({
      references,
      terms: references.map((r) => termsForSource(registry, r.source)),
      ablation,
      passages,
      gradient:
        gradient.list && !gradient.list.unavailable && ids.length ? gradientEstimateOf(gradient.list, ids) : null,
      gradientUnavailable: gradient.unavailable ?? 'the gradient estimate is being computed',
      termsOfTune: (id) => termsForTune(registry, id),
    });
  }, [ablation, references, registry, passages, gradient.list, gradient.unavailable, ids]);
  const generation = useMemo(
    () =>
      record &&
      generationAttribution(record, {
        generationId: tune.id,
        createdAt: tune.createdAt,
        prompt: tune.prompt,
        seed: tune.settings.seed,
      }),
    [record, tune],
  );
  // Only the model's tunes are generations; ABC typed into the editor owes nobody anything.
  const isGeneration = tune.origin === 'model';
  useEffect(() => {
    if (generation && isGeneration) recordInLedger(generation);
  }, [generation, isGeneration, recordInLedger]);

  if (references.length === 0)
    return (
      <>
        <p className="hint">This tune was written without references, so no inference-time share can be measured.</p>
        {record && <TrainingEstimate training={record.training} method={record.methods.gradient} />}
        {generation && <StatementView statement={statementFor(policy, generation, training)} />}
      </>
    );
  if (reading.error) return <p role="alert">The ablation reading failed: {reading.error.message}</p>;
  if (!record || !generation) return <p className="hint">Reading the tune with and without each reference…</p>;
  return (
    <>
      <ReferenceShares record={record} />
      <ReferencePassagesView tune={tune} passages={passages} />
      <TrainingEstimate training={record.training} method={record.methods.gradient} />
      <StatementView statement={statementFor(policy, generation, training)} />
    </>
  );
}

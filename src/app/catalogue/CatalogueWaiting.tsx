import { useCatalogueGate } from './catalogueGate';

/**
 * What a catalogue panel shows while it waits: until the gate opens, why it waits and a way to load it now;
 * then `loading` until the catalogue is in.
 */
export function CatalogueWaiting({ loading }: { loading: string }) {
  const { open, openNow } = useCatalogueGate();
  if (open) return <p className="hint">{loading}</p>;
  return (
    <p className="hint" data-testid="catalogue-waiting">
      The training catalogue (about 1 MB) loads at the first pause once the model is ready, so tunes come sooner.{' '}
      <button type="button" onClick={openNow}>
        Load it now
      </button>
    </p>
  );
}

import { useTune } from '../../store/tuneStore';
import { useCatalogue } from '../catalogue/catalogueData';
import { CopyFlag } from './CopyFlag';
import { NeighbourResults } from './NeighbourResults';
import { useNeighbourIndex } from './neighbourData';
import '../catalogue/catalogue.css';

/** The copy measurement and the nearest training tunes of the tune on show. */
export function NeighboursPanel() {
  const tune = useTune((s) => (s.streaming ? null : s.current));
  const catalogue = useCatalogue();
  const index = useNeighbourIndex(tune !== null);
  return (
    <section className="panel neighbours-panel" aria-labelledby="neighbours-heading" data-testid="neighbours-panel">
      <h2 id="neighbours-heading">Nearest training examples</h2>
      {!tune && <p className="hint">Generate a tune to compare it with the training catalogue.</p>}
      {tune && catalogue.error && <p role="alert">{catalogue.error.message}</p>}
      {tune && (catalogue.isPending || index.isPending) && <p className="hint">Indexing the catalogue…</p>}
      {tune && index.error && <p role="alert">Neighbour index failed: {index.error.message}</p>}
      {tune && catalogue.data && index.data && (
        <>
          <CopyFlag tokens={tune.tokens} entries={catalogue.data} />
          <NeighbourResults key={tune.id} tune={tune} entries={catalogue.data} index={index.data} />
        </>
      )}
    </section>
  );
}

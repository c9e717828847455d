import { useEffect } from 'react';
import { useCatalogue } from '../catalogue/catalogueData';
import { startRights } from './rightsService';
import { useRights } from './rightsStore';

/** The registry in force; loading starts once the catalogue (which its ids are checked against) is in. */
export function useRegistry() {
  const catalogue = useCatalogue();
  useEffect(() => {
    if (catalogue.data) void startRights(catalogue.data);
  }, [catalogue.data]);
  return useRights();
}

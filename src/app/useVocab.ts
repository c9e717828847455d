import { useQuery } from '@tanstack/react-query';
import { Vocab, type VocabJson } from '../tokenizer/vocab';
import { modelUrl } from './env';

/**
 * The vocabulary, fetched on the page (it is plain JSON) so prompt chips and the key/meter lists work
 * before, or without, the model.
 */
export function useVocab() {
  return useQuery({
    queryKey: ['vocab'],
    queryFn: async () => {
      const res = await fetch(new URL('vocab.json', modelUrl()), { cache: 'no-cache' });
      if (!res.ok) throw new Error(`vocab.json: HTTP ${res.status}`);
      return new Vocab((await res.json()) as VocabJson);
    },
  });
}

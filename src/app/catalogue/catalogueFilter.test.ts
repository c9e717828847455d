import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterCatalogue, filterOptions } from './catalogueFilter';

const entries = [
  { titles: ['The White Cockade'], type: 'reel', key: 'Gmaj', meter: '2/2', credits: { collection: 'A' } },
  { titles: ['Drowsy Maggie', 'Maggie'], type: 'reel', key: 'Edor', meter: '4/4', credits: { collection: 'B' } },
  { titles: ['The Kesh'], type: 'jig', key: 'Gmaj', meter: '6/8', credits: { collection: 'B' } },
  { titles: ['Untitled'], type: null, key: 'Dmaj', meter: '3/4', credits: { collection: 'A' } },
];

describe('filterCatalogue', () => {
  it.each([
    [{}, [0, 1, 2, 3]],
    [{ text: 'white' }, [0]],
    [{ text: 'the  KESH' }, [2]],
    [{ text: 'maggie drowsy' }, [1]],
    [{ type: 'reel' }, [0, 1]],
    [{ key: 'Gmaj' }, [0, 2]],
    [{ meter: '6/8' }, [2]],
    [{ collection: 'A' }, [0, 3]],
    [{ collection: 'B', key: 'Gmaj' }, [2]],
    [{ text: 'nothing like this' }, []],
  ])('%j -> %j', (f, expected) => {
    expect(filterCatalogue(entries, { ...EMPTY_FILTER, ...f })).toEqual(expected);
  });
});

describe('filterOptions', () => {
  it('lists distinct non-empty values, sorted', () => {
    const o = filterOptions(entries);
    expect(o.type).toEqual(['jig', 'reel']);
    expect(o.key).toEqual(['Dmaj', 'Edor', 'Gmaj']);
    expect(o.collection).toEqual(['A', 'B']);
  });
});

import { describe, expect, it } from 'vitest';
import { meterFitsType, SESSION_METERS, type TuneType } from './tuneTypes';

describe('meterFitsType', () => {
  it.each<[TuneType, string | null, boolean]>([
    ['jig', '6/8', true],
    ['jig', '9/8', false],
    ['jig', '12/8', false],
    ['slip jig', '9/8', true],
    ['slip jig', '6/8', false],
    ['reel', '4/4', true],
    ['reel', '2/2', true],
    ['reel', '2/4', true],
    ['reel', '3/4', false],
    ['hornpipe', '2/2', true],
    ['hornpipe', '2/4', true],
    ['hornpipe', '6/8', false],
    ['waltz', '3/4', true],
    ['waltz', '6/8', false],
    ['mazurka', '3/4', true],
    ['polka', '2/4', true],
    ['polka', '4/4', false],
    ['march', '2/4', true],
    ['march', '6/8', true],
    ['march', '4/4', true],
    ['march', '3/4', false],
    ['strathspey', '4/4', true],
    ['strathspey', '2/4', false],
    ['schottische', '2/4', true],
    ['schottische', '4/4', true],
    ['slide', '12/8', true],
    ['slide', '6/8', false],
    ['air', '3/4', true],
    ['air', '9/8', true],
    ['air', null, false],
    ['jig', null, false],
  ])('%s in %s: %s', (type, meter, fits) => {
    expect(meterFitsType(type, meter)).toBe(fits);
  });
});

describe('meterFitsType by session convention', () => {
  it.each<[TuneType, string, boolean]>([
    ['reel', '2/4', false],
    ['reel', '2/2', true],
    ['hornpipe', '2/4', false],
    ['hornpipe', '4/4', true],
    ['jig', '6/8', true],
    ['schottische', '2/4', true],
  ])('%s in %s: %s', (type, meter, fits) => {
    expect(meterFitsType(type, meter, SESSION_METERS)).toBe(fits);
  });
});

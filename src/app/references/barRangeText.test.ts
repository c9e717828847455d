import { describe, expect, it } from 'vitest';
import { pickBar, readRange, type RangeText } from './barRangeText';

const t = (first: string, last: string): RangeText => ({ first, last });

describe('readRange', () => {
  it.each<[RangeText, string]>([
    [t('', ''), 'default'],
    [t('2', '5'), '2-5'],
    [t('3', ''), '3-3'],
    [t('', '4'), '4-4'],
    [t(' 1 ', ' 2 '), '1-2'],
    [t('0', '2'), 'Bars are whole numbers counted from 1.'],
    [t('1.5', '2'), 'Bars are whole numbers counted from 1.'],
    [t('x', '2'), 'Bars are whole numbers counted from 1.'],
    [t('5', '2'), 'Bars 5-2 end before they begin.'],
  ])('%j reads %s', (text, expected) => {
    const r = readRange(text);
    expect(r.ok ? (r.range ? `${r.range.first}-${r.range.last}` : 'default') : r.reason).toBe(expected);
  });
});

describe('pickBar', () => {
  it.each<[RangeText, number, RangeText]>([
    [t('', ''), 3, t('3', '3')],
    [t('3', '3'), 6, t('3', '6')],
    [t('3', '3'), 1, t('1', '3')],
    [t('3', '3'), 3, t('3', '3')],
    [t('2', '4'), 7, t('7', '7')],
    [t('x', ''), 2, t('2', '2')],
  ])('%j, then bar %i, gives %j', (current, bar, expected) => expect(pickBar(current, bar)).toEqual(expected));
});

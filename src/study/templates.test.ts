import { describe, expect, it } from 'vitest';
import { SUS_ITEMS, TLX_ITEMS, itemsOf, rawTlx, susScore } from './templates';

describe('questionnaire templates', () => {
  it('has ten SUS items and six TLX subscales', () => {
    expect(SUS_ITEMS).toHaveLength(10);
    expect(TLX_ITEMS).toHaveLength(6);
  });
  it('puts template items before the study own items', () => {
    const items = itemsOf({
      id: 'q',
      title: 't',
      template: 'sus',
      items: [{ type: 'text', id: 'x', text: 'x', required: false, maxLength: 9 }],
    });
    expect(items.map((i) => i.id).slice(-2)).toEqual(['sus10', 'x']);
  });
  it.each([
    [[5, 1, 5, 1, 5, 1, 5, 1, 5, 1], 100],
    [[1, 5, 1, 5, 1, 5, 1, 5, 1, 5], 0],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 50],
    [[3, 3, 3], null],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, null], null],
  ])('scores SUS %j as %s', (answers, score) => expect(susScore(answers)).toBe(score));
  it.each([
    [[1, 1, 1, 1, 1, 1], 0],
    [[21, 21, 21, 21, 21, 21], 100],
    [[11, 11, 11, 11, 11, 11], 50],
    [[11], null],
  ])('scores raw TLX %j as %s', (answers, score) => expect(rawTlx(answers)).toBe(score));
});

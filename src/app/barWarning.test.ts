import { expect, test } from 'vitest';
import { abcToTokens } from '../tokenizer/musicTokens';
import { longBarsWarning } from './barWarning';

const abc = (meter: string, body: string) => `X:1\nM:${meter}\nL:1/8\nK:G\n${body}\n`;

test.each([
  ['every bar fits', abc('6/8', 'D|GAB c2d|e2d BAG|G3 G2|]'), null],
  [
    'a long bar after a pickup is named as musicians count it',
    abc('6/8', 'D|GAB c2d|e2d BAGF|G3 G2|]'),
    'One bar is longer than a 6/8 bar (6 eighth notes): bar 2 has 7.',
  ],
  [
    'several long bars, one of them the first, with a half eighth over',
    abc('4/4', 'GABc d2e2f|fedc BAGF|G8 A/|]'),
    '2 bars are longer than a 4/4 bar (8 eighth notes): bar 1 has 9, bar 3 has 17/2.',
  ],
])('%s', (_, text, warning) => expect(longBarsWarning(abcToTokens(text))).toBe(warning));

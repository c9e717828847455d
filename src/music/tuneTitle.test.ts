import { expect, test } from 'vitest';
import { tuneTitle } from './tuneTitle';

test.each([
  ['a reel in G major', 'a reel in G major'],
  ['  a  slow\nair  ', 'a slow air'],
  ['', 'Unconditional tune'],
  ['x'.repeat(61), `${'x'.repeat(57)}...`],
  ['x'.repeat(60), 'x'.repeat(60)],
])('tuneTitle(%j) is %j', (prompt, title) => expect(tuneTitle(prompt)).toBe(title));

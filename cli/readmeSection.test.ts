import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceSection } from './readmeSection';

describe('replaceSection', () => {
  it.each([
    ['a\n<!-- x:start -->\nold\n<!-- x:end -->\nb', true, 'a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb'],
    ['no markers here', false, 'no markers here'],
    ['<!-- x:end --> before <!-- x:start -->', false, '<!-- x:end --> before <!-- x:start -->'],
  ])('%j', (before, replaced, after) => {
    const path = join(mkdtempSync(join(tmpdir(), 'readme-')), 'README.md');
    writeFileSync(path, before);
    expect(replaceSection(path, 'x', 'new')).toBe(replaced);
    expect(readFileSync(path, 'utf8')).toBe(after);
  });
});

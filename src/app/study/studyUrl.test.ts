import { describe, expect, it } from 'vitest';
import { isWorkbenchPage } from './studyUrl';

describe('isWorkbenchPage', () => {
  it.each([
    ['', true],
    ['?backend=wasm&kiosk=1', true],
    ['?study=s1&participant=p2', true],
    ['?researcher', false],
    ['?study-data', false],
    ['?backend=wasm&researcher=1', false],
  ])('%s -> %s', (search, workbench) => {
    expect(isWorkbenchPage(search)).toBe(workbench);
  });
});

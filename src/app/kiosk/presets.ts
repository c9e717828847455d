/** The workshop gallery's prompts: one tap each. Every word is in the model's vocabulary (presets.test.ts). */
export const PRESET_PROMPTS: readonly { readonly title: string; readonly prompt: string }[] = [
  { title: 'Lively reel', prompt: 'a lively reel in D major' },
  { title: 'Slow air', prompt: 'a slow air in G dorian' },
  { title: 'Jig', prompt: 'a jig in A minor' },
  { title: 'Hornpipe', prompt: 'a hornpipe in G major' },
  { title: 'Waltz', prompt: 'a gentle waltz in F major' },
  { title: 'Polka', prompt: 'a fast polka in D major' },
  { title: 'March', prompt: 'a scottish march in A major' },
  { title: 'Strathspey', prompt: 'a strathspey in E minor' },
];

/** Saves bytes or text as a file through a temporary link; the browser's download UI takes it from there. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** downloadBlob for encoded bytes (MIDI, WAV) or text (ABC). */
export function downloadFile(content: Uint8Array | string, fileName: string, type: string): void {
  // slice() gives a copy backed by a plain ArrayBuffer, which is what Blob's types ask for.
  downloadBlob(new Blob([typeof content === 'string' ? content : content.slice()], { type }), fileName);
}

export const MIME = {
  abc: 'text/vnd.abc;charset=utf-8',
  midi: 'audio/midi',
  wav: 'audio/wav',
  manifest: 'application/json',
} as const;

/** A file name from a tune title: letters, digits and dashes only. */
export const fileStem = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'tune';

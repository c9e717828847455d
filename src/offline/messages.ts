/** The message a page sends a waiting service worker when the visitor agrees to update (workbox-window's shape). */
export const SKIP_WAITING = 'SKIP_WAITING';

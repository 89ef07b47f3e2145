/**
 * The API key: `npm start` prints http://host/#key=<secret>. The key is taken from the fragment
 * (which browsers never send to a server), kept in localStorage, and removed from the address bar
 * so it does not end up in bookmarks, screenshots or the history.
 */
const STORAGE_KEY = 'resonance.apiKey';

/** The `key` parameter of a URL fragment such as "#key=abc" or "#foo=1&key=abc"; null if none. */
export function keyFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key')?.trim();
  return key ? key : null;
}

/** The fragment without its key parameter ('' when nothing else is left). */
export function fragmentWithoutKey(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('key');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings): the key lives for this page only.
    return null;
  }
}

let memoryKey: string | null = null;

export function readStoredKey(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? memoryKey;
}

export function storeKey(key: string | null): void {
  memoryKey = key;
  const store = storage();
  if (!store) return;
  if (key) store.setItem(STORAGE_KEY, key);
  else store.removeItem(STORAGE_KEY);
}

/** Moves a key in the address bar into storage and returns it; null if the address has none. */
export function takeKeyFromLocation(): string | null {
  const key = keyFromFragment(window.location.hash);
  if (!key) return null;
  storeKey(key);
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${fragmentWithoutKey(hash)}`);
  return key;
}

/** The key to start with: one in the address bar wins over the stored one. */
export function adoptKeyFromLocation(): string | null {
  return takeKeyFromLocation() ?? readStoredKey();
}

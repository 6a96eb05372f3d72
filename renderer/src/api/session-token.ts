/** Where the HTTP token lives for the length of a browser session. */
export const TOKEN_STORAGE_KEY = 'headroom.token';

export interface TokenPorts {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The dashboard link carries its token as `#token=…`. Takes it from the fragment into sessionStorage and
 * removes it from the visible URL (so it is not bookmarked, shared in a screenshot or kept in history);
 * a reload then finds it in sessionStorage. Returns null when neither holds one.
 */
export function takeSessionToken({ location, history, sessionStorage }: TokenPorts): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage refused: the token still works until the page reloads.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

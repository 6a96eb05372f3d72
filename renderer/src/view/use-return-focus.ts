/**
 * Focus around a dialog: the dialog's own `autoFocus` takes focus in; when it closes, focus goes back to
 * the element that had it when the dialog opened (the button that asked), or, when that button is gone or
 * disabled (Clean is disabled while the cleanup it started runs), to `fallbackId`, so it never drops to
 * the page body where a keyboard user would have to start again from the top.
 */
import { useEffect, useState } from 'react';

export function useReturnFocus(fallbackId: string): void {
  // Read once, during the first render: before the dialog's autoFocus moves focus into it.
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(
    () => () => {
      // After React has removed the dialog: the opener may have been re-rendered in the meantime.
      queueMicrotask(() => {
        if (opener && opener !== document.body && opener.isConnected && !isDisabled(opener)) {
          opener.focus();
          if (document.activeElement === opener) return;
        }
        const fallback = document.getElementById(fallbackId);
        // A heading takes focus only with a tabindex; -1 keeps it out of the Tab order.
        if (fallback && !fallback.hasAttribute('tabindex')) fallback.tabIndex = -1;
        fallback?.focus();
      });
    },
    [opener, fallbackId],
  );
}

function isDisabled(element: HTMLElement): boolean {
  return 'disabled' in element && (element as HTMLButtonElement).disabled;
}

/** Where the dashboard opens: next to the tray icon, inside the display's work area. Pure geometry. */

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gap between the tray icon and the window, in DIP. */
const GAP_PX = 6;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/**
 * Places a window of `size` next to `anchor` (the tray icon's bounds, or the cursor where the desktop does
 * not report them): below a tray at the top of the screen, above one at the bottom, beside one on a
 * vertical taskbar; always fully inside `workArea`.
 */
export function positionNearTray(
  anchor: Bounds,
  size: { width: number; height: number },
  workArea: Bounds,
): { x: number; y: number } {
  const centreX = anchor.x + anchor.width / 2;
  const centreY = anchor.y + anchor.height / 2;
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  let x = centreX - size.width / 2;
  let y =
    centreY < workArea.y + workArea.height / 2
      ? anchor.y + anchor.height + GAP_PX
      : anchor.y - size.height - GAP_PX;
  // A vertical taskbar: the icon sits outside the work area, to its left or right.
  if (anchor.x >= right) x = anchor.x - size.width - GAP_PX;
  else if (anchor.x + anchor.width <= workArea.x) x = anchor.x + anchor.width + GAP_PX;
  if (anchor.x >= right || anchor.x + anchor.width <= workArea.x) y = centreY - size.height / 2;
  x = clamp(x, workArea.x, right - size.width);
  y = clamp(y, workArea.y, bottom - size.height);
  return { x: Math.round(x), y: Math.round(y) };
}

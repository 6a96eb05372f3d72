/**
 * Writes the installer icons electron-builder reads from build/: icon.png (1024 px; electron-builder derives
 * the .icns and .ico from it) and icons/<size>x<size>.png for Linux desktops. Drawn by the same code as the
 * tray meter. Run: npx tsx scripts/render-app-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../electron/main/tray/encode-png.js';
import { renderAppIcon } from '../electron/main/tray/render-app-icon.js';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
mkdirSync(`${buildDir}icons`, { recursive: true });
writeFileSync(`${buildDir}icon.png`, encodePng(renderAppIcon(1024)));
for (const sizePx of [16, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(`${buildDir}icons/${sizePx}x${sizePx}.png`, encodePng(renderAppIcon(sizePx)));
}
process.stdout.write(`wrote ${buildDir}icon.png and ${buildDir}icons/\n`);

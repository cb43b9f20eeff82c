// The share card's font (Noto Sans SC, regular and bold): where its files are, and which characters it can
// draw, so the card drops the ones it cannot rather than render boxes (there is no fallback font).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FONT_FAMILY = 'Noto Sans SC';

// Only the file paths are kept; resvg reads the files itself (fontBuffers is far slower).
let fontFiles: string[] | undefined;
export function fonts(): string[] {
  if (!fontFiles) {
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fontFiles = [path.join(dir, '400Regular/NotoSansSC_400Regular.ttf'), path.join(dir, '700Bold/NotoSansSC_700Bold.ttf')];
  }
  return fontFiles;
}

// Characters the font lacks render as tofu boxes (there is no fallback font), so the card drops them.
// The coverage is the font's cmap (format 12 groups), read once from the file's tables, not the whole file.
let coverage: Uint32Array | null | undefined;
function readCoverage(file: string): Uint32Array | null {
  const fd = fs.openSync(file, 'r');
  try {
    const read = (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, offset);
      return buf;
    };
    const head = read(0, 12);
    const tables = read(12, head.readUInt16BE(4) * 16);
    for (let i = 0; i < tables.length; i += 16) {
      if (tables.toString('latin1', i, i + 4) !== 'cmap') continue;
      const cmap = read(tables.readUInt32BE(i + 8), tables.readUInt32BE(i + 12));
      for (let s = 0; s < cmap.readUInt16BE(2); s++) {
        const sub = cmap.readUInt32BE(4 + s * 8 + 4);
        if (cmap.readUInt16BE(sub) !== 12) continue;
        const groups = cmap.readUInt32BE(sub + 12);
        const ranges = new Uint32Array(groups * 2);
        for (let g = 0; g < groups; g++) {
          ranges[g * 2] = cmap.readUInt32BE(sub + 16 + g * 12);
          ranges[g * 2 + 1] = cmap.readUInt32BE(sub + 20 + g * 12);
        }
        return ranges;
      }
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

export function inFont(cp: number): boolean {
  if (coverage === undefined) {
    try {
      coverage = readCoverage(fonts()[0]);
    } catch {
      coverage = null; // unreadable cmap: keep every character rather than fail the card
    }
  }
  if (!coverage) return true;
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < coverage[mid * 2]) hi = mid - 1;
    else if (cp > coverage[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

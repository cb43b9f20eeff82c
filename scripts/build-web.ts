// Builds the pages into dist/web (served by the API at /app) and prints each file's gzipped size.
import * as path from 'node:path';
import { buildWebApp } from '../apps/web/build';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const build = await buildWebApp(path.join(root, 'dist', 'web'));
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const total = build.files.reduce((sum, f) => sum + f.gzipBytes, 0);
  console.log(`pages written to dist/web in ${build.ms} ms (${kib(total)} gzipped in all):`);
  for (const f of build.files) console.log(`  ${f.file.padEnd(36)} ${kib(f.bytes).padStart(10)} ${kib(f.gzipBytes).padStart(10)} gz`);
}

main().catch((err) => {
  console.error('building the pages failed:', err);
  process.exit(1);
});

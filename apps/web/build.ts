// Builds the pages (apps/web/src, Preact + TypeScript) into static files with esbuild: `<outDir>/index.html`
// and hashed, immutable files under `<outDir>/assets/`. The staff pages are split from the influencer's phone
// page (dynamic imports), so her page loads only what it needs. Used by `npm run build` (dist/web) and by the
// integration tests' global setup, so browser tests always see the pages as the source is now.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WebBuild {
  outDir: string;
  /** The script and style index.html loads, relative to outDir. */
  entry: { script: string; style: string };
  /** Every file written, relative to outDir, with its size and gzipped size in bytes. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  ms: number;
}

/** The project's root, from the source tree or from dist/. */
function projectRoot(): string {
  const up = path.resolve(__dirname, '..', '..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
}

export async function buildWebApp(outDir: string): Promise<WebBuild> {
  const started = Date.now();
  const srcDir = path.join(projectRoot(), 'apps', 'web', 'src');
  fs.rmSync(outDir, { recursive: true, force: true });
  const assets = path.join(outDir, 'assets');
  const result = await esbuild.build({
    absWorkingDir: projectRoot(),
    entryPoints: { main: path.join(srcDir, 'main.tsx'), styles: path.join(srcDir, 'styles.css') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    publicPath: '/app/assets',
    metafile: true,
    logLevel: 'silent',
    tsconfig: path.join(projectRoot(), 'apps', 'web', 'tsconfig.json'),
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entryFile = (name: string, ext: string) => {
    const found = outputs.find(([file, out]) => out.entryPoint && path.basename(out.entryPoint).startsWith(name) && file.endsWith(ext));
    if (!found) throw new Error(`the web build wrote no ${name}${ext}`);
    return path.relative(outDir, path.resolve(projectRoot(), found[0]));
  };
  const entry = { script: entryFile('main', '.js'), style: entryFile('styles', '.css') };
  // The chunks the entry imports statically are fetched with it, not after it (one round trip less on a slow phone).
  const mainOutput = result.metafile.outputs[path.relative(projectRoot(), path.join(outDir, entry.script))];
  const preload = (mainOutput?.imports ?? [])
    .filter((i) => i.kind === 'import-statement')
    .map((i) => `<link rel="modulepreload" href="/app/${path.relative(outDir, path.resolve(projectRoot(), i.path))}">`)
    .join('\n');
  const html = fs
    .readFileSync(path.join(srcDir, 'index.html'), 'utf8')
    .replace('%SCRIPT%', `/app/${entry.script}`)
    .replace('%STYLE%', `/app/${entry.style}`)
    .replace('%PRELOAD%', preload);
  fs.writeFileSync(path.join(outDir, 'index.html'), html);
  const files = [...outputs.map(([file]) => path.relative(outDir, path.resolve(projectRoot(), file))), 'index.html'].map((file) => {
    const bytes = fs.readFileSync(path.join(outDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  return { outDir, entry, files, ms: Date.now() - started };
}

// Adds lockfile entries for platform-specific optional packages that `npm install` left out.
//
// Why: the npm registry mirror of the machines this project is built on serves only the linux variants
// of packages such as @swc/core-* and @unrs/resolver-binding-*; `npm install` then silently omits the
// other platforms' variants from package-lock.json, and `npm ci` refuses the lockfile ("Missing: … from
// lock file"). A normal lockfile lists every variant, marked optional with its os/cpu, so each machine
// installs only its own. Run `npm run lockfile:complete` after any `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const PLATFORM = /-(darwin|linux|win32|android|freebsd|openharmony)-([a-z0-9]+)(?:-(gnu|musl|msvc|gnueabihf|musleabihf|eabi))?$/;
const added = [];

for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const match = PLATFORM.exec(name);
    if (packages[key] || !match || !/^\d+\.\d+\.\d+/.test(version)) continue;
    const [, os, cpu, abi] = match;
    packages[key] = {
      version,
      cpu: [cpu],
      ...(abi?.startsWith('gnu') ? { libc: ['glibc'] } : abi?.startsWith('musl') ? { libc: ['musl'] } : {}),
      optional: true,
      os: [os],
    };
    added.push(`${name}@${version}`);
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} optional platform entries:\n  ${added.join('\n  ')}` : 'the lockfile already lists every platform variant');

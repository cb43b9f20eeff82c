// Preparing a private DATA_DIR for the postgres user: the engine's own private folder gets search-only
// access for the postgres group; a blocking folder above DATA_DIR is not changed, and the error says what to do.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ancestry, preparePostgresFolder, type CanEnter } from './postgres-user';

const me = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
// The postgres user as the kernel would judge it, simplified: it may enter a folder its group or others may search.
const postgres = { uid: 999_999, gid: 999_998 };
const bySearchBits: CanEnter = (dir, user) => {
  const s = fs.statSync(dir);
  return s.uid === user.uid ? (s.mode & 0o100) !== 0 : s.gid === user.gid ? (s.mode & 0o010) !== 0 : (s.mode & 0o001) !== 0;
};

describe('preparePostgresFolder', () => {
  let top: string;
  beforeEach(() => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-folder-'));
  });
  afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

  it('lists a folder and those above it, outermost first', () => {
    expect(ancestry('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c']);
  });

  it('gives a private DATA_DIR (mode 700) the postgres group with search only, and nothing more', () => {
    // The postgres group is one of ours here, so the change needs no root.
    const postgresInOurGroup = { uid: postgres.uid, gid: me.gid };
    const dataDir = path.join(top, 'data');
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.chmodSync(top, 0o755);
    const log: string[] = [];
    preparePostgresFolder(path.join(dataDir, 'postgres'), dataDir, postgresInOurGroup, (m) => log.push(m), bySearchBits);
    const s = fs.statSync(dataDir);
    expect(s.mode & 0o777).toBe(0o710);
    expect(s.gid).toBe(postgresInOurGroup.gid);
    expect(s.uid).toBe(me.uid);
    expect(log.join('\n')).toContain('search-only access (mode 710)');
  });

  it('leaves a private folder above DATA_DIR as it is and says exactly what to do', () => {
    const dataDir = path.join(top, 'engine', 'data');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(top, 0o700);
    expect(() => preparePostgresFolder(path.join(dataDir, 'postgres'), dataDir, postgres, () => undefined, bySearchBits)).toThrow(
      `cannot enter ${top} (mode 700`,
    );
    expect(() => preparePostgresFolder(path.join(dataDir, 'postgres'), dataDir, postgres, () => undefined, bySearchBits)).toThrow(`setfacl -m u:postgres:x ${top}`);
    expect(fs.statSync(top).mode & 0o777).toBe(0o700);
  });

  it('does not take over a DATA_DIR whose group already has access (a shared folder)', () => {
    const dataDir = path.join(top, 'data');
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o750);
    fs.chmodSync(top, 0o755);
    expect(() => preparePostgresFolder(path.join(dataDir, 'postgres'), dataDir, postgres, () => undefined, bySearchBits)).toThrow(`cannot enter ${dataDir} (mode 750`);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o750);
  });
});

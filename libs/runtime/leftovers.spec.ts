// The leftover matcher: only a child that still runs the recorded command line, and whose starter is gone,
// is stopped; a reused pid and a live engine's server are never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandOf, judge, readChildRecord, stopLeftover, type ChildRecord, type CommandOf } from './leftovers';

const record = (child: { pid: number; command: string }, owner: { pid: number; command: string }): ChildRecord => ({ what: 'test server', child, owner, ports: [] });

describe('judge', () => {
  const table = (entries: Record<number, string>): CommandOf => (pid) => entries[pid] ?? null;
  const server = { pid: 101, command: '/opt/temporal server start-dev --db-filename /data/a/temporal.db' };
  const engine = { pid: 100, command: 'node dist/apps/launcher/src/main.js' };

  it('leaves a live pid alone when its command line is not the recorded one (the pid was reused)', () => {
    expect(judge(record(server, engine), table({ 101: 'vim notes.txt' }))).toEqual({ kind: 'foreign', command: 'vim notes.txt' });
  });

  it('calls the child a leftover when it runs the recorded command and its starter is gone', () => {
    expect(judge(record(server, engine), table({ 101: server.command }))).toEqual({ kind: 'leftover' });
  });

  it('calls the child a leftover when its starter\'s pid now runs another program', () => {
    expect(judge(record(server, engine), table({ 101: server.command, 100: 'sshd' }))).toEqual({ kind: 'leftover' });
  });

  it('refuses to call a live engine\'s server a leftover', () => {
    expect(judge(record(server, engine), table({ 101: server.command, 100: engine.command }))).toEqual({ kind: 'owned', owner: engine });
  });

  it('reports a child that no longer runs as gone', () => {
    expect(judge(record(server, engine), table({}))).toEqual({ kind: 'gone' });
  });
});

describe('stopLeftover on real processes', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  const log: string[] = [];
  const sleeper = () => {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' });
    children.push(child);
    return { child, identity: { pid: child.pid!, command: 'sleep 300' } };
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  // A process that ran and is gone: the starter of a leftover.
  const deadOwner = () => {
    const ran = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
    return { pid: Number(ran.stdout.trim()), command: 'node dist/apps/launcher/src/main.js' };
  };
  const write = (name: string, rec: ChildRecord) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(rec));
    return file;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leftovers-'));
    log.length = 0;
  });
  afterEach(() => {
    for (const c of children) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads its own command line from the process table', () => {
    const { identity } = sleeper();
    expect(commandOf(identity.pid)).toBe('sleep 300');
  });

  it('never signals a live process whose command line differs from the record', async () => {
    const { child, identity } = sleeper();
    const file = write('foreign.json', record({ pid: identity.pid, command: 'temporal server start-dev' }, deadOwner()));
    expect(await stopLeftover(file, { log: (m) => log.push(m), graceMs: 200 })).toBeUndefined();
    expect(commandOf(identity.pid)).toBe('sleep 300');
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(log.join('\n')).toContain('left alone');
  });

  it('stops a leftover whose starter is gone, and says so', async () => {
    const { child, identity } = sleeper();
    const file = write('leftover.json', record(identity, deadOwner()));
    expect(await stopLeftover(file, { log: (m) => log.push(m), graceMs: 5_000 })).toBe(identity.pid);
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM');
    expect(log.join('\n')).toMatch(/Stopping a leftover test server of this data folder \(pid \d+/);
    expect(readChildRecord(file)).toBeUndefined();
  });

  it('refuses, without touching it, when the process that started the child still runs', async () => {
    const { child, identity } = sleeper();
    const owner = { pid: process.ppid, command: commandOf(process.ppid)! };
    const file = write('owned.json', record(identity, owner));
    await expect(stopLeftover(file, { log: (m) => log.push(m) })).rejects.toThrow(`belongs to a running engine (pid ${process.ppid}`);
    expect(commandOf(identity.pid)).toBe('sleep 300');
    expect(child.exitCode).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('ignores a pid file cut short by the crash', async () => {
    const file = path.join(dir, 'cut.json');
    fs.writeFileSync(file, '{"what":"test server","child":{"pid":');
    expect(await stopLeftover(file, { log: (m) => log.push(m) })).toBeUndefined();
  });
});

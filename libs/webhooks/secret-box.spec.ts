import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSecretsKey, SecretBox, SecretBoxError, secretsKeyFile } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never seals the same way twice', () => {
    const a = box.seal('whsec_abc', 'webhook-source:src-1');
    const b = box.seal('whsec_abc', 'webhook-source:src-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_abc');
    expect(box.open(a, 'webhook-source:src-1')).toBe('whsec_abc');
  });

  it('refuses a sealed value under another context, another key, or altered', () => {
    const sealed = box.seal('whsec_abc', 'webhook-source:src-1');
    expect(() => box.open(sealed, 'webhook-source:src-2')).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'webhook-source:src-1')).toThrow(/not the key it was sealed with/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('whsec_xyz').toString('base64url');
    expect(() => box.open(parts.join('.'), 'webhook-source:src-1')).toThrow(SecretBoxError);
    expect(() => box.open('plain text', 'webhook-source:src-1')).toThrow(/known version/);
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadSecretsKey', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-key-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses SECRETS_KEY when given and refuses one of the wrong length', () => {
    const key = randomBytes(32);
    expect(loadSecretsKey({ keyBase64: key.toString('base64'), dataDir: dir })).toEqual(key);
    expect(() => loadSecretsKey({ keyBase64: randomBytes(10).toString('base64'), dataDir: dir })).toThrow(/SECRETS_KEY must be/);
  });

  it('otherwise generates a key in the data folder once, readable by its owner only, and keeps using it', () => {
    const first = loadSecretsKey({ dataDir: dir });
    expect(first).toHaveLength(32);
    expect(fs.statSync(secretsKeyFile(dir)).mode & 0o777).toBe(0o600);
    expect(loadSecretsKey({ dataDir: dir })).toEqual(first);
  });
});

describe('SecretBox.derive', () => {
  it('answers the same value for the same purpose and message, and another for another key, purpose or message', () => {
    const key = randomBytes(32);
    const box = new SecretBox(key);
    const value = box.derive('notification-magic-link', 'ntf-1');
    expect(value).toHaveLength(32);
    expect(new SecretBox(Buffer.from(key)).derive('notification-magic-link', 'ntf-1').equals(value)).toBe(true);
    expect(box.derive('notification-magic-link', 'ntf-2').equals(value)).toBe(false);
    expect(box.derive('another-purpose', 'ntf-1').equals(value)).toBe(false);
    expect(new SecretBox(randomBytes(32)).derive('notification-magic-link', 'ntf-1').equals(value)).toBe(false);
  });
});

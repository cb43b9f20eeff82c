// Encrypts secrets the engine must be able to read back (webhook signing secrets) for storage at rest:
// AES-256-GCM with a key from configuration, so a copy of the database alone does not reveal them.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretBoxError extends Error {}

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`the secrets key must be ${KEY_BYTES} bytes, got ${key.length}`);
    this.key = Buffer.from(key);
  }

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url); a fresh IV every time. `context` binds the value to its row. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /**
   * A value only the holder of the key can compute: HMAC-SHA256 of `message` under a key derived (HKDF) from
   * the secrets key for `purpose`, so one purpose's values say nothing of another's or of the sealing key.
   */
  derive(purpose: string, message: string): Buffer {
    const subkey = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `incubator-engine:${purpose}`, KEY_BYTES));
    return createHmac('sha256', subkey).update(message).digest();
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretBoxError('not a sealed secret of a known version');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('a stored secret cannot be decrypted: SECRETS_KEY is not the key it was sealed with');
    }
  }
}

/** Where the embedded default key lives: in the data folder, readable by the owner only. */
export function secretsKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.key');
}

/**
 * The secrets key: SECRETS_KEY (base64 of 32 bytes) when configured; otherwise the key kept in the data
 * folder, generated on first use. Every API instance that shares a database must use the same key.
 */
export function loadSecretsKey(opts: { keyBase64?: string; dataDir: string }): Buffer {
  if (opts.keyBase64) {
    const key = Buffer.from(opts.keyBase64, 'base64');
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`SECRETS_KEY must be the base64 encoding of ${KEY_BYTES} random bytes (openssl rand -base64 32)`);
    return key;
  }
  const file = secretsKeyFile(opts.dataDir);
  try {
    return loadSecretsKey({ keyBase64: fs.readFileSync(file, 'utf8').trim(), dataDir: opts.dataDir });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const generated = randomBytes(KEY_BYTES).toString('base64');
  try {
    // `wx`: if another process created it first, use theirs.
    fs.writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return loadSecretsKey({ keyBase64: fs.readFileSync(file, 'utf8').trim(), dataDir: opts.dataDir });
}

/** The AAD a channel's signing secret is sealed with: a secret copied to another channel's row does not open. */
export function channelSecretContext(channelId: string): string {
  return `channel:${channelId}`;
}

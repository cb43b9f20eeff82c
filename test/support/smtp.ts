// A real SMTP server process for the notification tests (test/support/smtp-sink.mjs): its URL for the
// engine's SMTP_URL, and the mails it received, parsed.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

export interface ReceivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  language: string | null;
  envelopeTo: string[];
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** Mails to this address, in the order they came. */
  to(address: string): ReceivedMail[];
  stop(): Promise<void>;
}

export async function startSmtpSink(opts: { refuseFirst?: number } = {}): Promise<SmtpSink> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'smtp-sink.mjs')], {
    env: { ...process.env, SMTP_SINK_REFUSE: String(opts.refuseFirst ?? 0) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const mails: ReceivedMail[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP server process exited (${code}) before it listened`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { port?: number } & ReceivedMail;
      if (message.port !== undefined) resolve(message.port);
      else mails.push(message);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => m.envelopeTo.includes(address)),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// Email through SMTP (nodemailer): one transport per process, built from SMTP_URL. Without SMTP_URL the
// engine sends no mail: email notifications stay in the outbox staff read through the API.

import { createTransport, type Transporter } from 'nodemailer';

export interface MailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; undefined: no mail is sent. */
  url: string | undefined;
  from: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID's left part: the same on every attempt, so mail clients drop a repeat. */
  id: string;
  language: string;
}

export class Mailer {
  private transport: Transporter | null = null;

  constructor(private readonly settings: MailSettings) {}

  get configured(): boolean {
    return this.settings.url !== undefined;
  }

  /** Sends one mail; throws with the SMTP server's answer when it is refused or cannot be reached. */
  async send(mail: OutgoingMail, timeoutMs: number): Promise<void> {
    if (!this.settings.url) throw new Error('no SMTP server is configured (SMTP_URL)');
    this.transport ??= createTransport({ url: this.settings.url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
    await this.transport.sendMail({
      from: this.settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@incubator-engine>`,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    });
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}

// A real SMTP server in its own process (smtp-server, from the Nodemailer project), for the notification
// tests: it takes every mail on 127.0.0.1 (no TLS, no auth), parses it (mailparser) and prints one JSON line
// per mail on stdout; its first line is {"port": …}. SMTP_SINK_REFUSE=<n> refuses the first n mails with a
// 451 (try again later). Started and read by test/support/smtp.ts.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

let refuse = Number(process.env.SMTP_SINK_REFUSE ?? 0);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        if (refuse > 0) {
          refuse -= 1;
          const err = new Error('try again later');
          err.responseCode = 451;
          callback(err);
          return;
        }
        const line = {
          from: mail.from?.text ?? '',
          to: mail.to?.text ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          messageId: mail.messageId ?? '',
          language: mail.headers.get('content-language') ?? null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
        callback();
      })
      .catch(callback);
  },
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

import nodemailer from 'nodemailer';
import type { MailConfig } from '../config';
import type { Logger } from '../ops/logger';

/**
 * Outgoing e-mail (docs/deploy.md, "E-mail"), through nodemailer's SMTP transport. Optional: without
 * TENDIK_SMTP_HOST the mailer is off, nothing is sent and every feature works as before (the admin
 * passes invitation links on herself; a forgotten password is reset by the admin).
 *
 * Sending never holds up or fails the request that caused it: `send` queues the message and returns;
 * a failure is logged (`mail failed`, with the kind of message, never its text or links) and the
 * request has answered already. `idle()` lets tests and shutdown wait for the queue.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is, for the log: 'invitation', 'password-reset', 'conclusion-issued', 'mention'. */
  kind: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(mail: OutgoingMail): void;
  /** Resolves when every mail queued so far was handed to the SMTP server or failed. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const NO_MAIL: Mailer = {
  enabled: false,
  send: () => undefined,
  idle: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

export function createMailer(config: MailConfig | null, log: Logger): Mailer {
  if (!config) return NO_MAIL;
  const mlog = log.child({ part: 'mail' });
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    // A dead mail server must not keep connections and timers around for minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  const pending = new Set<Promise<void>>();
  return {
    enabled: true,
    send(mail) {
      const sending = transport
        .sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text })
        .then(
          (info) => mlog.info('mail sent', { kind: mail.kind, messageId: info.messageId }),
          (err: unknown) => mlog.error('mail failed', { kind: mail.kind, err: { message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code } }),
        )
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      await this.idle();
      transport.close();
    },
  };
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** The one link the message is about (verify, reset, invitation). */
  link?: string;
};

export type Mailer = { send: (message: MailMessage) => Promise<void> };

/** Sends through SMTP. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * With no SMTP server, each message becomes an .eml file in the outbox folder and its link is
 * logged, so a one-box user can still verify an address or reset a password.
 */
export function createOutboxMailer(dir: string, from: string, log: FastifyBaseLogger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    send: async (message) => {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      await mkdir(dir, { recursive: true });
      const slug = message.subject
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 40);
      const file = join(dir, `${Date.now()}-${++sequence}-${slug}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      log.info(
        { to: message.to, subject: message.subject, file, link: message.link },
        'mail written to the outbox',
      );
    },
  };
}

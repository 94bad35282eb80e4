import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';

export type OutboxMail = { file: string; to: string; subject: string; text: string };

/** Undoes quoted-printable: soft line breaks and `=XX` bytes (UTF-8). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? ''));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseEml(file: string, raw: string): OutboxMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).trim();
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im'))?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { file, to: header('To'), subject: header('Subject'), text };
}

async function outbox(): Promise<OutboxMail[]> {
  const dir = join(inject('dataDir'), 'outbox');
  const files = await readdir(dir).catch(() => [] as string[]);
  // Names start with the write time and a sequence number, so sorting orders them by age.
  const emls = files.filter((name) => name.endsWith('.eml')).sort(byAge);
  return Promise.all(emls.map(async (name) => parseEml(name, await readFile(join(dir, name), 'utf8'))));
}

function byAge(a: string, b: string): number {
  const [timeA = 0, seqA = 0] = a.split('-').map(Number);
  const [timeB = 0, seqB = 0] = b.split('-').map(Number);
  return timeA - timeB || seqA - seqB;
}

/**
 * Waits for the newest mail to an address (whose subject matches, when given) that is not one of
 * `seen`, and returns it with the first link in it.
 */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp; seen?: string[]; timeoutMs?: number } = {},
): Promise<OutboxMail & { link: URL }> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const mails = (await outbox()).filter(
      (mail) =>
        mail.to.toLowerCase().includes(to.toLowerCase()) &&
        (!options.subject || options.subject.test(mail.subject)) &&
        !options.seen?.includes(mail.file),
    );
    const newest = mails.at(-1);
    const link = newest?.text.match(/https?:\/\/[^\s<>"]+/)?.[0];
    if (newest && link) return { ...newest, link: new URL(link) };
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within the time limit`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The link of the newest mail to an address, as a path on the platform under test. */
export async function waitForMailLink(to: string, subject?: RegExp): Promise<string> {
  const { link } = await waitForMail(to, subject ? { subject } : {});
  return `${link.pathname}${link.search}`;
}

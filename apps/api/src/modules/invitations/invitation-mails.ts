import type { MailMessage } from '../../platform/mailer.ts';

export function invitationMail(
  to: string,
  inviter: string,
  project: string,
  role: string,
  link: string,
): MailMessage {
  return {
    to,
    subject: `${inviter} invited you to ${project} on Synoptic`,
    link,
    text: `Hello,

${inviter} invited you to join the project “${project}” on Synoptic as ${role}.

Open this link to accept or decline (it works for 7 days):

${link}

If you have no Synoptic account yet, create one with this email address and you will land on the
invitation. If you did not expect this, you can ignore this message.
`,
  };
}

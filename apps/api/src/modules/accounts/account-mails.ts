import type { MailMessage } from '../../platform/mailer.ts';

// Plain text: readable in every client, nothing for a spam filter to object to.

export function verificationMail(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: 'Confirm your email address for Synoptic',
    link,
    text: `Hello ${name},

Please confirm that this is your email address by opening this link within 24 hours:

${link}

If you did not create a Synoptic account, you can ignore this message.
`,
  };
}

export function alreadyRegisteredMail(
  to: string,
  name: string,
  loginLink: string,
  resetLink: string,
): MailMessage {
  return {
    to,
    subject: 'Someone tried to register with your email address',
    link: loginLink,
    text: `Hello ${name},

Someone (perhaps you) tried to create a Synoptic account with this email address, but you already
have one. Nothing has changed.

Sign in: ${loginLink}
Forgot your password? ${resetLink}

If it was not you, you can ignore this message.
`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Synoptic password',
    link,
    text: `Hello ${name},

To choose a new password, open this link within one hour:

${link}

Resetting the password signs you out everywhere. If you did not ask for this, ignore this message:
your password stays as it is.
`,
  };
}

export function passwordChangedMail(to: string, name: string): MailMessage {
  return {
    to,
    subject: 'Your Synoptic password was changed',
    text: `Hello ${name},

The password of your Synoptic account was just changed, and your other sessions were ended.
If this was not you, reset your password at once and review your API tokens.
`,
  };
}

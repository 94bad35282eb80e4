import type { UserRow } from './users.repository.ts';

export type Me = {
  id: string;
  email: string;
  name: string;
  company: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
};

/** The API shape of a user: never the hash, the TOTP seed or anything else secret. */
export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    company: user.company,
    emailVerified: user.email_verified_at !== null,
    twoFactorEnabled: user.totp_enabled_at !== null,
    createdAt: user.created_at.toISOString(),
  };
}

import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's `Algorithm.Argon2id` is a const enum, which isolated modules cannot read.
const argon2id = 2;

export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane (about 50 ms here). */
export const defaultArgon2Params: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type PasswordHasher = {
  hash: (password: string) => Promise<string>;
  verify: (hash: string, password: string) => Promise<boolean>;
  /** True when a stored hash was made with other parameters than today's, so login should rehash. */
  needsRehash: (hash: string) => boolean;
};

export function createPasswordHasher(params: Argon2Params = defaultArgon2Params): PasswordHasher {
  const current = `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
  return {
    hash: (password) => hash(password, { algorithm: argon2id, ...params }),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    needsRehash: (stored) => !stored.startsWith(current),
  };
}

import { z } from 'zod';
import { createFsObjectStore } from './fs.store.ts';
import type { ObjectStore } from './object-store.ts';
import { createS3ObjectStore } from './s3.store.ts';

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** The object store's environment variables; services spread `.shape` into their own schema. */
export const objectStoreEnvSchema = z.object({
  OBJECT_STORE: z.enum(['fs', 's3']).default('fs'),
  OBJECT_STORE_DIR: z.string().min(1).default('./data/objects'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.default(false),
  S3_BUCKET_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]*$/, 'use lowercase letters, digits and hyphens')
    .max(40)
    .default(''),
});

export type ObjectStoreConfig = z.output<typeof objectStoreEnvSchema>;

/** The adapter the configuration names: nothing else in the code branches on it. */
export function createObjectStore(config: ObjectStoreConfig): ObjectStore {
  switch (config.OBJECT_STORE) {
    case 'fs':
      return createFsObjectStore(config.OBJECT_STORE_DIR);
    case 's3':
      return createS3ObjectStore({
        region: config.S3_REGION,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        bucketPrefix: config.S3_BUCKET_PREFIX,
        ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
        ...(config.S3_ACCESS_KEY_ID ? { accessKeyId: config.S3_ACCESS_KEY_ID } : {}),
        ...(config.S3_SECRET_ACCESS_KEY ? { secretAccessKey: config.S3_SECRET_ACCESS_KEY } : {}),
      });
  }
}

export * from './config.ts';
export * from './fs.store.ts';
export * from './keys.ts';
export * from './object-store.ts';
export * from './s3.store.ts';

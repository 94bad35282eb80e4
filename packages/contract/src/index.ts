export * from './generator-config.ts';
export * from './generator-preview.ts';

export * from './generator-config.ts';

export * from './global-setup.ts';
export * from './log-capture.ts';
export * from './test-database.ts';

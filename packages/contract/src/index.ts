export * from './generator-config.ts';
export * from './generator-preview.ts';
export * from './identifier-names.ts';
export * from './job-report.ts';
export * from './sample-profile.ts';

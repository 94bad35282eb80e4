export { conformanceReport } from './conformance-report.ts';
export { privacyReport } from './privacy-report.ts';
export { type ComparedColumn, qualityReport } from './quality-report.ts';

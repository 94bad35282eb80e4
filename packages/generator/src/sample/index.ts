export { PROFILE_ROWS, profileSampleFile } from './profile-file.ts';
export { profileSample } from './profile-sample.ts';
export { readSample } from './read-sample.ts';
export { sampleFormatOf } from './sample-format.ts';
export { SampleReadError } from './sample-read.error.ts';

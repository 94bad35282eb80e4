import { databaseGlobalSetup } from '../src/testing/index.ts';

// Migration tests make their own schemas, so the template needs nothing beyond an empty database.
export default databaseGlobalSetup('kit', async () => {});

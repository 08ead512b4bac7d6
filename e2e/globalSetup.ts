// Before any test: the backend and host mode bundled (testing/builtPrograms.ts), so each test
// starts them as built programs instead of compiling their sources at every start.
import { buildPrograms } from '../testing/builtPrograms';

export default async function globalSetup(): Promise<void> {
  await buildPrograms();
}

// What every workflow suite sets up around its tests: a fresh migrated database, a Temporal client and a real
// worker on a task queue of its own, started before the suite and stopped after it (jest hooks).
import type { Client } from '@temporalio/client';
import { createTestDatabase, startTestWorker, temporalClient, type TestDatabase, type TestWorker } from '../support/stack';

export interface WorkflowSuite {
  db: TestDatabase;
  client: Client;
  worker: TestWorker;
}

/** Registers the suite's beforeAll/afterAll; the returned object is filled in once beforeAll has run. */
export function workflowSuite(): WorkflowSuite {
  const suite = {} as WorkflowSuite;
  beforeAll(async () => {
    suite.db = await createTestDatabase();
    suite.client = await temporalClient();
    suite.worker = await startTestWorker(suite.db.dataSource);
  });
  afterAll(async () => {
    await suite.worker?.stop();
    await suite.client?.connection.close();
    await suite.db?.close();
  });
  return suite;
}

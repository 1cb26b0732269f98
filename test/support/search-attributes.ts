/** Registers emailWorkflow's custom search attributes on a test server (the dev server gets them at start). */
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

export async function registerSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: { Route: KEYWORD, Intent: KEYWORD, EmailState: KEYWORD },
  });
}

// Registers the engine's custom search attributes (ProductStage, InfluencerId) on a Temporal namespace
// that lacks them, so a fresh self-hosted cluster works without a manual `temporal operator` step.

import { temporal } from '@temporalio/proto';
import type { Connection } from '@temporalio/client';

const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
};

/** Adds the missing attributes; returns their names. Throws with a clear message when not permitted. */
export async function ensureSearchAttributes(connection: Connection, namespace: string, wanted: Record<string, 'Keyword'>): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  const missing = Object.entries(wanted).filter(([name]) => !known.has(name));
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPES[type]])),
    });
  } catch (err) {
    throw new Error(
      `namespace ${namespace} lacks the search attributes ${missing.map(([n]) => n).join(', ')} and they could not be added ` +
        `(${(err as Error).message}); add them as Keyword attributes (Temporal Cloud: in the namespace settings)`,
    );
  }
  return missing.map(([name]) => name);
}

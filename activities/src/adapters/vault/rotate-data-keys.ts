/**
 * Key rotation: every live data key not wrapped by the current KEK is unwrapped with its old KEK and wrapped again
 * with the current one. The sealed data is not touched (its values name the data key, not the KEK). Idempotent and
 * resumable: a key already re-wrapped is not read again; a concurrent run changes nothing twice (rewrapDataKey).
 */
import { keysNotWrappedBy, rewrapDataKey } from '../pg/data-keys';
import type { Queryable } from '../pg/pool';
import { wrapContext } from './field-vault';
import type { KeyWrapper } from './key-wrapper';

export interface RotationResult {
  rewrapped: number;
  /** Per KEK the keys were wrapped by before. */
  fromKeks: Record<string, number>;
}

export async function rotateDataKeys(db: Queryable, wrapper: KeyWrapper, options: { batchSize?: number } = {}): Promise<RotationResult> {
  const result: RotationResult = { rewrapped: 0, fromKeks: {} };
  for (;;) {
    const batch = await keysNotWrappedBy(db, wrapper.currentKekId, options.batchSize ?? 200);
    if (batch.length === 0) return result;
    for (const row of batch) {
      const fromKekId = row.kekId!;
      const context = wrapContext(row.subjectHash);
      const dataKey = await wrapper.unwrap({ kekId: fromKekId, wrapped: row.wrappedKey! }, context);
      const wrapped = await wrapper.wrap(dataKey, context);
      if (await rewrapDataKey(db, { id: row.id, fromKekId, kekId: wrapped.kekId, wrappedKey: wrapped.wrapped })) {
        result.rewrapped++;
        result.fromKeks[fromKekId] = (result.fromKeks[fromKekId] ?? 0) + 1;
      }
    }
  }
}

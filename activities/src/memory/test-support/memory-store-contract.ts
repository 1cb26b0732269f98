/**
 * The contract every MemoryStore keeps, as jest tests over a factory: run against the embedded store (always), the
 * Qdrant adapter over an in-process stand-in of the server's filter semantics (always), and a real Qdrant server
 * (with QDRANT_URL set). `make(shopId)` returns stores of several shops over the same backend.
 */
import type { MemoryEntry, MemoryStore } from '../memory-store';

export interface ContractBackend {
  make(shopId: string): MemoryStore;
  cleanup?(): Promise<void>;
}

function entry(customerId: string, id: string, over: Partial<MemoryEntry> = {}): MemoryEntry {
  return {
    id, customerId, kind: 'summary', lang: 'fr', code: null, emailKey: `email-${id}`, at: '2026-11-01T10:00:00.000Z',
    text: 'Question sur la livraison de la commande CMD-10234', ...over,
  };
}

export function memoryStoreContract(name: string, backend: () => Promise<ContractBackend>, timeoutMs = 30_000): void {
  describe(`memory store contract: ${name}`, () => {
    let b: ContractBackend;
    beforeAll(async () => { b = await backend(); }, timeoutMs);
    afterAll(async () => { await b?.cleanup?.(); }, timeoutMs);

    test('recalls only the customer asked for, newest first, filtered by kind and language', async () => {
      const store = b.make('shop-a');
      await store.remember([
        entry('C1', 'c1-old', { at: '2026-10-01T08:00:00.000Z' }),
        entry('C1', 'c1-new', { at: '2026-11-20T08:00:00.000Z', kind: 'offer_refused', code: 'GESTE10', text: 'je ne veux pas de bon d\'achat' }),
        entry('C1', 'c1-en', { at: '2026-11-10T08:00:00.000Z', lang: 'en', kind: 'preference', code: 'no_phone', text: 'please do not call me' }),
        entry('C2', 'c2', { at: '2026-11-25T08:00:00.000Z' }),
      ]);
      expect((await store.recall({ customerId: 'C1' })).map((e) => e.id)).toEqual(['c1-new', 'c1-en', 'c1-old']);
      expect((await store.recall({ customerId: 'C1', kinds: ['offer_refused', 'preference'] })).map((e) => e.id)).toEqual(['c1-new', 'c1-en']);
      expect((await store.recall({ customerId: 'C1', lang: 'en' })).map((e) => e.id)).toEqual(['c1-en']);
      expect((await store.recall({ customerId: 'C1', limit: 1 })).map((e) => e.id)).toEqual(['c1-new']);
      const [refused] = await store.recall({ customerId: 'C1', kinds: ['offer_refused'] });
      expect(refused).toEqual({
        id: 'c1-new', kind: 'offer_refused', lang: 'fr', code: 'GESTE10', emailKey: 'email-c1-new', at: '2026-11-20T08:00:00.000Z',
        text: 'je ne veux pas de bon d\'achat', score: null,
      });
      expect(await store.recall({ customerId: 'C3' })).toEqual([]);
    }, timeoutMs);

    test('with a text, the entry nearest in meaning comes first', async () => {
      const store = b.make('shop-b');
      await store.remember([
        entry('C1', 'delivery', { text: 'Colis en retard, livraison attendue depuis une semaine' }),
        entry('C1', 'teapot', { text: 'Question sur la théière en fonte et son entretien' }),
      ]);
      const found = await store.recall({ customerId: 'C1', text: 'entretien de la théière en fonte' });
      expect(found[0]!.id).toBe('teapot');
      expect(found[0]!.score).toBeGreaterThan(found[1]!.score!);
    }, timeoutMs);

    test('remembering the same entry again overwrites it', async () => {
      const store = b.make('shop-c');
      await store.remember([entry('C1', 'same', { text: 'première version' })]);
      await store.remember([entry('C1', 'same', { text: 'seconde version' })]);
      expect((await store.recall({ customerId: 'C1' })).map((e) => e.text)).toEqual(['seconde version']);
    }, timeoutMs);

    test("one shop never sees another shop's memory of a customer with the same id", async () => {
      await b.make('shop-d').remember([entry('C1', 'd-only')]);
      expect(await b.make('shop-e').recall({ customerId: 'C1' })).toEqual([]);
      expect((await b.make('shop-d').recall({ customerId: 'C1' })).map((e) => e.id)).toEqual(['d-only']);
    }, timeoutMs);

    test("forget deletes everything of one customer (erasure), and nothing of anyone else's", async () => {
      const store = b.make('shop-f');
      const other = b.make('shop-g');
      await store.remember([entry('C1', 'f1'), entry('C1', 'f2', { kind: 'reviewer_note' }), entry('C2', 'f3')]);
      await other.remember([entry('C1', 'g1')]);
      await store.forget('C1');
      expect(await store.recall({ customerId: 'C1' })).toEqual([]);
      expect(await store.recall({ customerId: 'C1', text: 'livraison' })).toEqual([]);
      expect((await store.recall({ customerId: 'C2' })).map((e) => e.id)).toEqual(['f3']);
      expect((await other.recall({ customerId: 'C1' })).map((e) => e.id)).toEqual(['g1']);
      await store.forget('C1'); // again: nothing to delete, no error
    }, timeoutMs);
  });
}

import type { CustomerRecord, OrderRecord, ShopData } from '../domain/types';
import { EmailScopedShops, RunScopedShop } from './run-scoped-shop';

const customer = { id: 'C1', email: 'ana@example.org', first_name: 'Ana', last_name: 'Lima', ai_opt_out: false } as unknown as CustomerRecord;
const order = (number: string, status = 'shipped') => ({ number, customer_id: 'C1', status }) as unknown as OrderRecord;

/** A shop that counts its reads and can change between runs (an opt-out, a new order status). */
function countingShop() {
  const calls: string[] = [];
  const state = { optOut: false, status: 'shipped', failNext: false };
  const shop = {
    customerByEmail: async (e: string) => (calls.push(`byEmail:${e}`), { ...customer, ai_opt_out: state.optOut }),
    customerById: async (id: string) => (calls.push(`byId:${id}`), { ...customer, ai_opt_out: state.optOut }),
    customersByName: async (f: string, l: string) => (calls.push(`byName:${f} ${l}`), [customer]),
    order: async (n: string) => {
      calls.push(`order:${n}`);
      if (state.failNext) {
        state.failNext = false;
        throw new Error('connection lost');
      }
      return n.toUpperCase() === 'AB-1' ? order('AB-1', state.status) : null;
    },
    ordersOfCustomer: async (id: string) => (calls.push(`ordersOf:${id}`), [order('AB-1', state.status), order('AB-2')]),
    orderByTracking: async (t: string) => (calls.push(`tracking:${t}`), null),
    policies: async () => (calls.push('policies'), {}),
  } as unknown as ShopData;
  return { shop, calls, state };
}

test('one read per customer and order in a run, shared by every later lookup of it', async () => {
  const { shop, calls } = countingShop();
  const run = new RunScopedShop(shop);
  await run.customerByEmail('Ana@Example.org ');
  await run.customerByEmail('ana@example.org');
  await run.customerById('C1'); // found by address already
  await Promise.all([run.ordersOfCustomer('C1'), run.ordersOfCustomer('C1')]);
  expect(await run.order('ab-1')).toMatchObject({ number: 'AB-1' }); // in the customer's list
  expect(await run.order('XY-9')).toBeNull();
  expect(await run.order('xy-9 ')).toBeNull();
  await run.orderByTracking('1Z');
  await run.orderByTracking('1z');
  expect(calls).toEqual(['byEmail:Ana@Example.org ', 'ordersOf:C1', 'order:XY-9', 'tracking:1Z']);
});

test('a new run reads through again: an opt-out or a new status since the last run is seen', async () => {
  const { shop, state } = countingShop();
  const first = new RunScopedShop(shop);
  expect(await first.customerById('C1')).toMatchObject({ ai_opt_out: false });
  expect(await first.order('AB-1')).toMatchObject({ status: 'shipped' });
  state.optOut = true;
  state.status = 'delivered';
  const next = new RunScopedShop(shop);
  expect(await next.customerById('C1')).toMatchObject({ ai_opt_out: true });
  expect(await next.order('AB-1')).toMatchObject({ status: 'delivered' });
});

test('a failed read is not kept; reference data goes to the source every time', async () => {
  const { shop, calls, state } = countingShop();
  const run = new RunScopedShop(shop);
  state.failNext = true;
  await expect(run.order('AB-1')).rejects.toThrow('connection lost');
  expect(await run.order('AB-1')).toMatchObject({ number: 'AB-1' });
  await run.policies();
  await run.policies();
  expect(calls).toEqual(['order:AB-1', 'order:AB-1', 'policies', 'policies']);
});

test('with a joined read, a customer and their orders come in one read, whichever is asked first', async () => {
  const { shop, calls } = countingShop();
  const joined = {
    ...shop,
    customerWithOrders: async (by: { email: string } | { id: string }) => {
      calls.push(`joined:${JSON.stringify(by)}`);
      return 'id' in by && by.id === 'nobody' ? null : { customer, orders: [order('AB-1'), order('AB-2')] };
    },
  } as ShopData;
  const byAddress = new RunScopedShop(joined);
  expect(await byAddress.customerByEmail('ana@example.org')).toBe(customer);
  expect(await byAddress.ordersOfCustomer('C1')).toHaveLength(2);
  expect(await byAddress.customerById('C1')).toBe(customer);
  expect(await byAddress.order('ab-2')).toMatchObject({ number: 'AB-2' });
  const ordersFirst = new RunScopedShop(joined);
  await ordersFirst.ordersOfCustomer('C1');
  await ordersFirst.customerById('C1');
  expect(await ordersFirst.ordersOfCustomer('nobody')).toEqual([order('AB-1', 'shipped'), order('AB-2')]); // no record: the orders alone
  expect(calls).toEqual([
    'joined:{"email":"ana@example.org"}',
    'joined:{"id":"C1"}',
    'joined:{"id":"nobody"}', 'ordersOf:nobody',
  ]);
});

test('the sender and the names asked for together come in one read; a name not asked, or a failed read, reads through', async () => {
  const { shop, calls, state } = countingShop();
  const other = { ...customer, id: 'C2', first_name: 'Bo', last_name: 'Lind' };
  const together = {
    ...shop,
    senderAndNamed: async (email: string, names: readonly { first: string; last: string }[]) => {
      calls.push(`together:${email}:${names.map((n) => `${n.first} ${n.last}`).join(',')}`);
      if (state.failNext) { state.failNext = false; throw new Error('connection lost'); }
      return { sender: { customer, orders: [order('AB-1')] }, named: names.map((n) => (n.last === 'Lind' ? [other] : [])) };
    },
  } as ShopData;
  const run = new RunScopedShop(together);
  await run.readSenderAndNames('Ana@Example.org', [{ first: 'Bo', last: 'Lind' }, { first: 'Jean', last: 'Nobody' }]);
  expect(await run.customerByEmail('ana@example.org')).toBe(customer);
  expect(await run.customersByName('Bo', 'Lind')).toEqual([other]);
  expect(await run.customersByName('Jean', 'Nobody')).toEqual([]);
  expect(await run.customerById('C2')).toBe(other);
  expect(await run.ordersOfCustomer('C1')).toHaveLength(1);
  await run.customersByName('Eva', 'Else'); // not asked together: read alone
  await run.readSenderAndNames('ana@example.org', [{ first: 'Eva', last: 'Other' }]); // the sender is read: nothing more here
  await new RunScopedShop(together).readSenderAndNames('ana@example.org', []); // no name: the stages read the sender
  expect(calls).toEqual(['together:Ana@Example.org:Bo Lind,Jean Nobody', 'byName:Eva Else']);

  state.failNext = true;
  const failed = new RunScopedShop(together);
  await expect(failed.readSenderAndNames('ana@example.org', [{ first: 'Bo', last: 'Lind' }])).rejects.toThrow('connection lost');
  expect(await failed.customersByName('Bo', 'Lind')).toEqual([customer]); // not kept: read again, alone
  expect(calls.slice(2)).toEqual(['together:ana@example.org:Bo Lind', 'byName:Bo Lind']);
});

test("an email's stages share its reads while fresh; another email, a stale one, or after forget() read through", async () => {
  const { shop, calls, state } = countingShop();
  let now = 1_000;
  const shops = new EmailScopedShops(shop, { ttlMs: 5_000, maxKept: 2, now: () => now });
  await shops.of('e1').customerById('C1');
  now += 4_000;
  expect(shops.of('e1')).toBe(shops.of('e1'));
  await shops.of('e1').customerById('C1'); // a later stage of the same email: no read
  await shops.of('e2').customerById('C1'); // another email reads its own
  expect(calls).toEqual(['byId:C1', 'byId:C1']);
  state.optOut = true;
  now += 1_001; // e1's window is over: its next stage sees the opt-out
  expect(await shops.of('e1').customerById('C1')).toMatchObject({ ai_opt_out: true });
  await shops.of('e3').customerById('C1'); // over maxKept: the oldest (e2) goes
  const e2 = shops.of('e2');
  await e2.customerById('C1');
  shops.forget();
  expect(shops.of('e2')).not.toBe(e2);
  expect(calls).toHaveLength(5);
});

import { intentSearchAttribute, routeSearchAttribute, stateSearchAttribute } from './contracts';
import { SearchAttributeLedger } from './search-attribute-ledger';

const names = (changes: { key: { name: string }; value: unknown }[]) => changes.map((c) => `${c.key.name}=${String(c.value)}`);

test('a value the workflow started with is not upserted again; a new one is', () => {
  const ledger = new SearchAttributeLedger([{ key: stateSearchAttribute, value: 'analysing' }]);
  ledger.stage(stateSearchAttribute, 'analysing');
  expect(ledger.takeChanges()).toEqual([]);
  ledger.stage(stateSearchAttribute, 'sending');
  expect(names(ledger.takeChanges())).toEqual(['EmailState=sending']);
});

test('without a start value (a follow-up started by its parent), the first state is upserted', () => {
  const ledger = new SearchAttributeLedger([{ key: stateSearchAttribute, value: undefined }]);
  ledger.stage(stateSearchAttribute, 'analysing');
  expect(names(ledger.takeChanges())).toEqual(['EmailState=analysing']);
});

test('route and intent ride on the next state, in one upsert; unchanged values stay out', () => {
  const ledger = new SearchAttributeLedger([{ key: stateSearchAttribute, value: 'analysing' }]);
  ledger.stage(routeSearchAttribute, 'auto');
  ledger.stage(intentSearchAttribute, 'order_status');
  ledger.stage(stateSearchAttribute, 'sending');
  expect(names(ledger.takeChanges())).toEqual(['Route=auto', 'Intent=order_status', 'EmailState=sending']);
  // The automatic send was held: the route turns to review, the intent stays.
  ledger.stage(routeSearchAttribute, 'review');
  ledger.stage(intentSearchAttribute, 'order_status');
  ledger.stage(stateSearchAttribute, 'waiting_review');
  expect(names(ledger.takeChanges())).toEqual(['Route=review', 'EmailState=waiting_review']);
  expect(ledger.takeChanges()).toEqual([]);
});

test('a later stage of the same key wins', () => {
  const ledger = new SearchAttributeLedger();
  ledger.stage(routeSearchAttribute, 'auto');
  ledger.stage(routeSearchAttribute, 'review');
  expect(names(ledger.takeChanges())).toEqual(['Route=review']);
});

import { piiStage } from './stages';
import type { TriageDeps } from './pipeline';
import { emailCase, testPolicy, testShop } from './test-support/fixtures';

const deps = { shop: testShop(), policy: testPolicy() } as unknown as TriageDeps;
const names = async (text: string, from: string, name: string): Promise<string[]> =>
  (await piiStage(emailCase({ clean: text, from, name }), deps)).pii.filter((p) => p.type === 'name').map((p) => p.value);

describe('piiStage and the shop’s customer records', () => {
  it('lists another customer written in full, never the writer’s own record', async () => {
    // no trigger word before Rose Faure: only the customer records make her a third party
    expect(await names('Hello, Oliver Stone here. I think my parcel went to Rose Faure instead.', 'oliver.stone@example.co.uk', ''))
      .toEqual(['Rose Faure']);
  });
  it('does not list a customer the writer shares a name with', async () => {
    // two customers are called Anne Leclerc; the writer is one of them
    expect(await names('Bonjour, Anne Leclerc, cliente depuis 2024.', 'a.leclerc@example.org', '')).toEqual([]);
  });
});

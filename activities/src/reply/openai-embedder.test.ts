import type OpenAI from 'openai';
import { OpenAiEmbedder } from './openai-embedder';

function fakeClient(dims: number) {
  const requests: { model: string; input: string[] }[] = [];
  const client = {
    embeddings: {
      create: async (req: { model: string; input: string[] }) => {
        requests.push(req);
        // answer out of order, as some servers do: the embedder must put vectors back by index
        const data = req.input.map((t, index) => ({ index, embedding: Array.from({ length: dims }, (_, i) => (i === 0 ? t.length : 0)) }));
        return { data: data.reverse() };
      },
    },
  } as unknown as OpenAI;
  return { client, requests };
}

const config = { baseURL: 'http://emb.local/v1', apiKey: 'k', model: 'multilingual-e5-small', dimensions: 4, batchSize: 2 };

test('batches requests, keeps input order, names itself after the model', async () => {
  const { client, requests } = fakeClient(4);
  const e = new OpenAiEmbedder(config, client);
  const out = await e.embed(['a', 'bb', 'ccc']);
  expect(out.map((v) => v[0])).toEqual([1, 2, 3]);
  expect(requests.map((r) => r.input)).toEqual([['a', 'bb'], ['ccc']]);
  expect(requests[0]!.model).toBe('multilingual-e5-small');
  expect(e.id).toBe('openai:multilingual-e5-small');
});

test('refuses vectors of the wrong size (a store built for another model)', async () => {
  const { client } = fakeClient(3);
  await expect(new OpenAiEmbedder(config, client).embed(['a'])).rejects.toThrow(/3 dimensions, expected 4/);
});

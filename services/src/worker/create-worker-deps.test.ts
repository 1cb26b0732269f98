import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { ShopData } from '@replique/activities/domain/types';
import { createDecisionDeps } from '@replique/activities/decision-deps';
import { MemoryDecisionLog } from '@replique/activities/adapters/memory/decision-log';
import { buildPolicy, DEFAULT_POLICY_FILE, parsePolicyFile } from '@replique/activities/triage/policy';
import { loadWorkerConfig } from '../config/worker-config';
import { workerDecisionSettings } from './create-worker-deps';

/** The worker's triage deps from its environment (no shop reads: the knowledge base is not seeded). */
async function workerIntentDeps(config: ReturnType<typeof loadWorkerConfig>) {
  const settings = workerDecisionSettings(config);
  const memory = new MemoryDecisionLog();
  const policy = buildPolicy(parsePolicyFile(readFileSync(DEFAULT_POLICY_FILE, 'utf8')));
  const { triage } = await createDecisionDeps({} as ShopData, policy, { ...settings, reply: { ...settings.reply, seed: false } },
    { autoReplies: memory, sentReplies: memory, bounces: memory });
  return triage;
}

describe('the worker’s classify hooks', () => {
  it('loads the trained model, and no LLM vote unless one is configured', async () => {
    const deps = await workerIntentDeps(loadWorkerConfig({}));
    expect(typeof deps.intentModel).toBe('function');
    expect(deps.intentCalibration).toBeDefined();
    expect(deps.riskModel).toBeDefined();
    expect(deps.intentLlm).toBeUndefined();
  });

  it('wires the LLM intent classifier when REPLIQUE_INTENT_LLM_* is set, and it answers through the endpoint', async () => {
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        bodies.push(body);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
          id: 'x', object: 'chat.completion', created: 0, model: 'm',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '{"intent":"gdpr_request","confidence":0.9}' } }],
        }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const deps = await workerIntentDeps(loadWorkerConfig({
        REPLIQUE_INTENT_LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, REPLIQUE_INTENT_LLM_MODEL: 'small-model',
      }));
      expect(deps.intentLlm).toBeDefined();
      const p = await deps.intentLlm!('Please forget everything you store about me, «EMAIL_1».');
      expect(p?.gdpr_request).toBeCloseTo(0.9, 6);
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0]!)).toMatchObject({ model: 'small-model' });
    } finally {
      server.close();
    }
  });
});

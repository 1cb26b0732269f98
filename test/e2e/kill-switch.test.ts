/**
 * The live policy and the kill switch, end to end on the real stack (HTTP intake → Kafka → starter → Temporal →
 * worker → smtp-sink), with the running worker's LivePolicy:
 * - a policy saved in Postgres reaches the running worker in well under 5 s, and the next decision records it;
 * - the kill switch, flipped while the bench generator keeps the pipeline full: no automatic reply reaches the SMTP
 *   peer later than 5 s after the switch, every email ends accounted for (sent before the switch, or waiting for a
 *   person with `automation_paused`), none is answered twice; a held email is sent once when a person approves it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { latestPolicyVersion, savePolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { EmailGenerator, type GeneratedEmail, type GeneratedKind } from '../bench/email-generator';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { freshDevEmail } from '../support/dev-email-copy';

jest.setTimeout(600_000);

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLED = ['sent', 'suppressed', 'waiting_review', 'escalated', 'quarantined', 'rejected', 'send_failed'];

async function untilWorkerHas(version: number): Promise<number> {
  const t0 = performance.now();
  while (h.workerPolicy().version !== version) {
    if (performance.now() - t0 > 10_000) throw new Error(`the worker never took policy version ${version}`);
    await sleep(5);
  }
  return performance.now() - t0;
}

async function decisionOf(emailKey: string) {
  const { rows } = await h.db.pool.query<{ route: string; reasons: string[]; policy_version: number }>(
    'select route, reasons, policy_version from decisions where email_key = $1', [emailKey]);
  return rows[0];
}

test('a policy change reaches the running worker in < 5 s; the next decision uses it and records its version', async () => {
  const latest = (await latestPolicyVersion(h.db.pool))!;
  expect(h.workerPolicy().version).toBe(latest.version);
  const withoutOrderStatus = {
    ...latest.body,
    automation: { ...latest.body.automation, enabled_intents: latest.body.automation.enabled_intents.filter((i) => i !== 'order_status') },
  };
  const { row } = await savePolicyVersion(h.db.pool, { body: withoutOrderStatus, by: 'lea', basedOn: latest.version });
  const seenMs = await untilWorkerHas(row.version);
  expect(seenMs).toBeLessThan(5000);

  // d005 (a routine order status question) is answered automatically under the seeded policy (test/e2e/pipeline.test.ts).
  const { emailKey } = await h.deliver(freshDevEmail('d005.eml').raw);
  const view = await h.waitForView(emailKey, (v) => v.state === 'waiting_review');
  expect(view.routeReasons).toContain('intent_not_automated');
  expect(await decisionOf(emailKey)).toMatchObject({ route: 'review', policy_version: row.version });

  const restored = await savePolicyVersion(h.db.pool, { body: latest.body, by: 'lea' });
  await untilWorkerHas(restored.row.version);
  const again = await h.deliver(freshDevEmail('d005.eml').raw);
  await h.waitForView(again.emailKey, (v) => v.state === 'sent');
  expect(await decisionOf(again.emailKey)).toMatchObject({ route: 'auto', policy_version: restored.row.version });
  process.stdout.write(`live policy: version ${row.version} in force in the running worker ${seenMs.toFixed(0)} ms after the save\n`);
});

/** Mostly routine questions (answered automatically), with every other route mixed in. */
const MIX: Array<[GeneratedKind, number]> = [
  ['order_status', 60], ['change_address', 5], ['refund_small', 5], ['complaint', 5], ['legal_threat', 5],
  ['auto_reply', 10], ['bounce', 5], ['newsletter', 5],
];
/** The switch is flipped once this many automatic replies have landed, while the generator keeps feeding... */
const SWITCH_AFTER_SENDS = 5;
/** ...and the generator goes on for this many emails after it. */
const FED_AFTER_SWITCH = 20;
/** Emails in flight (delivered, not settled): the generator keeps the pipeline this full, feeding as fast as it drains. */
const IN_FLIGHT = 12;

test('kill switch under load: 0 automatic sends after switch + 5 s, 0 lost, 0 duplicates', async () => {
  const pool = h.db.pool;
  const keys: string[] = [];
  // Emails delivered and not settled yet. Counted from the keys the intake answered, not from the `emails` table: the
  // starter writes an email's row only once it has read it from Kafka, so a table count misses the mail in between
  // (under load the wait for "all settled" could end before the last emails had a row, and count them lost).
  const unsettled = async () => keys.length - (await pool.query<{ n: number }>(
    `select count(*)::int as n from emails where email_key = any($1) and state in (${SETTLED.map((s) => `'${s}'`).join(',')})`, [keys])).rows[0]!.n;
  const generator = new EmailGenerator({ seed: 16 });
  const emails: GeneratedEmail[] = [];
  const ours = new Set<string>();
  const automaticReplies = () => h.sink.messages()
    .filter((m) => m.inReplyTo && ours.has(m.inReplyTo) && m.header('auto-submitted') === 'auto-replied');
  /** Automatic replies the SMTP server accepted so far (the sink may be writing a file: Postgres says it sooner). */
  const automaticRepliesSoFar = async (keys: string[]) => (await pool.query<{ n: number }>(
    `select count(*)::int as n from sent_mail s join decisions d on d.email_key = s.email_key
     where s.status = 'accepted' and d.route = 'auto' and s.email_key = any($1)`, [keys])).rows[0]!.n;
  let switchedAt = 0;
  let switchVersion = 0;
  let switchedAfter = 0;
  const t0 = Date.now();
  while (!switchedAt || keys.length < switchedAfter + FED_AFTER_SWITCH) {
    if (keys.length > 300) throw new Error('no automatic reply landed: the pipeline does not answer routine mail');
    const email = generator.batch(1, MIX)[0]!;
    emails.push(email);
    ours.add(email.messageId);
    while ((await unsettled()) >= IN_FLIGHT) await sleep(50);
    keys.push((await h.deliver(email.raw)).emailKey);
    if (!switchedAt && (await automaticRepliesSoFar(keys)) >= SWITCH_AFTER_SENDS) {
      // The switch while mail flows: some emails are being read, some routed, some sending.
      switchVersion = (await savePolicyVersion(pool, { killSwitch: true, by: 'lea', note: 'kill switch test' })).row.version;
      switchedAt = Date.now();
      switchedAfter = keys.length;
    }
  }
  const fedAt = Date.now();
  const deadline = Date.now() + 300_000;
  while ((await unsettled()) > 0) {
    if (Date.now() > deadline) throw new Error(`${await unsettled()} emails never settled`);
    await sleep(200);
  }

  // 0 lost: every email delivered has settled, and every email routed `auto` was either sent or is waiting for a person.
  const { rows } = await pool.query<{ email_key: string; state: string; state_reason: string | null; decided: string | null; policy_version: number | null }>(
    `select e.email_key, e.state, e.state_reason, d.route as decided, d.policy_version
     from emails e left join decisions d on d.email_key = e.email_key where e.email_key = any($1)`, [keys]);
  expect(rows).toHaveLength(keys.length);
  expect(rows.filter((r) => !SETTLED.includes(r.state))).toEqual([]);
  const routedAuto = rows.filter((r) => r.decided === 'auto');
  const held = routedAuto.filter((r) => r.state === 'waiting_review' && r.state_reason === 'automation_paused');
  const sent = routedAuto.filter((r) => r.state === 'sent');
  expect(routedAuto.filter((r) => !held.includes(r) && !sent.includes(r))).toEqual([]);
  expect(held.length).toBeGreaterThan(0);
  expect(sent.length).toBeGreaterThan(0);

  // 0 automatic replies at the SMTP peer after the switch + 5 s; 0 duplicates (one reply per email at most).
  const replies = h.sink.messages().filter((m) => m.inReplyTo && ours.has(m.inReplyTo));
  const automatic = replies.filter((m) => m.header('auto-submitted') === 'auto-replied');
  const arrival = (m: { file: string }) => statSync(m.file).mtimeMs;
  expect(automatic.filter((m) => arrival(m) > switchedAt + 5000)).toEqual([]);
  expect(replies.length).toBe(new Set(replies.map((m) => m.inReplyTo)).size);
  expect(automatic).toHaveLength(sent.length);
  const { rows: accepted } = await pool.query<{ n: number }>(
    `select count(*)::int as n from sent_mail where status = 'accepted' and email_key = any($1)`, [keys]);
  expect(accepted[0]!.n).toBe(rows.filter((r) => r.state === 'sent').length);
  const afterSwitch = automatic.filter((m) => arrival(m) > switchedAt);
  const lastAfter = afterSwitch.length ? Math.max(...afterSwitch.map(arrival)) - switchedAt : 0;
  const settledAt = Date.now();

  // A held email is not lost: a person approves it, and it is sent once (a person's reply, not Auto-Submitted).
  const one = held[0]!;
  const res = await fetch(`${h.reviewUrl}/api/emails/${one.email_key}/decision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', reviewer: 'rita' }),
  });
  expect(res.status).toBe(200);
  await h.waitForView(one.email_key, (v) => v.state === 'sent');
  const { rows: sendRows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from sent_mail where email_key = $1 and status = 'accepted'`, [one.email_key]);
  expect(sendRows[0]!.n).toBe(1);
  const approvedReplies = h.sink.messages().filter((m) => m.inReplyTo && ours.has(m.inReplyTo));
  expect(approvedReplies).toHaveLength(replies.length + 1);
  expect(approvedReplies.filter((m) => m.header('auto-submitted') === 'auto-replied')).toHaveLength(sent.length);

  // Switched back on, automation resumes.
  const on = (await savePolicyVersion(pool, { killSwitch: false, by: 'lea' })).row.version;
  await untilWorkerHas(on);
  const afterOn = await h.deliver(freshDevEmail('d005.eml').raw);
  await h.waitForView(afterOn.emailKey, (v) => v.state === 'sent');

  process.stdout.write([
    `kill switch (policy version ${switchVersion}) flipped after ${switchedAfter} of ${keys.length} emails were fed, ${((switchedAt - t0) / 1000).toFixed(1)} s into the feed`,
    `fed ${keys.length} emails in ${((fedAt - t0) / 1000).toFixed(1)} s (${IN_FLIGHT} in flight); all settled ${((settledAt - t0) / 1000).toFixed(1)} s after the start`,
    `routed auto: ${routedAuto.length}; sent automatically: ${sent.length} (${afterSwitch.length} after the switch, the last ${(lastAfter / 1000).toFixed(2)} s after it); held for a person: ${held.length}`,
    'automatic replies after switch + 5 s: 0; emails unaccounted for: 0; emails answered twice: 0',
  ].join('\n') + '\n');
});

/**
 * `replique privacy scan`: after a run (the demo, a day of production), is any customer text in clear where it must
 * not be? (docs/privacy.md "Checking it").
 *
 *   pnpm -s replique privacy scan [--query "WorkflowType = 'emailWorkflow'"] [--since 2026-12-01] [--until 2026-12-06]
 *                                 [--page-size 100] [--workflows N]
 *
 * Takes what to look for from the data itself, opened with the KEKs (services/src/privacy/privacy-fragments.ts), then
 * scans every Postgres table but the reference data, every record of KAFKA_TOPIC_INBOUND and KAFKA_TOPIC_EVENTS, and
 * the histories of every workflow the visibility query lists (started within --since/--until when given), page after
 * page of the visibility API, each payload decoded with TEMPORAL_PAYLOAD_KEYS; `--workflows N` caps the workflows read
 * (0: no Temporal scan) and the output then says the scan stopped short. Prints counts and where each finding is (its kind, never the value); exit code 1 when
 * anything was found. Environment as the services: DATABASE_URL, DATA_KEKS, KAFKA_*, TEMPORAL_*.
 */
import { z } from 'zod';
import { Client, Connection } from '@temporalio/client';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { kafkaEnv, postgresEnv } from '../config/shared-env';
import { temporalEnv } from '../config/temporal-env';
import { dataKeksOf, dataKeysEnv } from '../config/data-keys-env';
import { kafkaSecurityOf, temporalTlsOf } from '../config/tls-env';
import { createFieldVault } from '../vault/create-vault';
import { PayloadEncryptionCodec } from '../temporal/payload-encryption-codec';
import { fragmentsFromData } from '../privacy/privacy-fragments';
import { scanKafkaTopics, scanPostgres, scanTemporalHistories, withinStartWindow, type Finding } from '../privacy/privacy-scan';

export const PRIVACY_USAGE = 'privacy scan [--query VISIBILITY_QUERY] [--since DATE] [--until DATE] [--page-size N] [--workflows N]';

const PrivacyEnv = z.object({ ...postgresEnv, ...dataKeysEnv, ...kafkaEnv, ...temporalEnv });

export async function privacyCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['workflows', 'query', 'since', 'until', 'page-size']);
  const usage = () => new UsageError(`usage: replique ${PRIVACY_USAGE}`);
  const count = (name: string, min: number) => {
    const value = args.options[name];
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw usage();
    return n;
  };
  const date = (name: string) => {
    const value = args.options[name];
    if (value === undefined) return undefined;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--${name}: not a date (${value})`);
    return at;
  };
  if (sub !== 'scan' || args.positionals.length > 0) throw usage();
  const workflows = count('workflows', 0);
  const pageSize = count('page-size', 1) ?? 100;
  const query = withinStartWindow(args.options.query ?? "WorkflowType = 'emailWorkflow'", { since: date('since'), until: date('until') });
  const config = parseEnv('replique privacy', PrivacyEnv, env);
  const keks = dataKeksOf('replique privacy', config);
  if (!keks) throw new UsageError('DATA_KEKS (or DATA_KEKS_FILE) is not set: the scan takes what to look for from the opened data');
  const db = createPool(config.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    const fragments = await fragmentsFromData(db, createFieldVault(db, keks));
    const kindOf = new Map(fragments.map((f) => [f.value, f.kind]));
    const values = fragments.map((f) => f.value);
    write(`looking for ${fragments.length} fragment(s) of customer data`);
    const findings: Finding[] = await scanPostgres(db, values);
    write(`postgres\t${findings.length} finding(s)`);
    const kafka = await scanKafkaTopics(createKafka(config.KAFKA_BROKERS, 'replique-privacy-scan', kafkaSecurityOf(config)), [config.KAFKA_TOPIC_INBOUND, config.KAFKA_TOPIC_EVENTS], values);
    write(`kafka\t${kafka.records} record(s), ${kafka.length} finding(s)`);
    findings.push(...kafka);
    if (workflows !== 0) {
      const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
      try {
        const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
        const codec = new PayloadEncryptionCodec(config.TEMPORAL_PAYLOAD_KEYS ?? []);
        const temporal = await scanTemporalHistories(client, query, (p) => codec.decode(p), values, { limit: workflows, pageSize });
        const read = `${temporal.workflows} workflow(s) read in ${temporal.pages} page(s)${temporal.truncated ? ` (stopped at --workflows ${workflows}: more are listed)` : ''}`;
        write(`temporal\t${read}, ${temporal.payloads} payload(s), ${temporal.sealedTexts} sealed text(s), ${temporal.findings.length} finding(s)`);
        findings.push(...temporal.findings);
      } finally {
        await connection.close();
      }
    }
    for (const f of findings.slice(0, 50)) write(`found\t${f.where}\t${f.place}\t${kindOf.get(f.fragment) ?? '?'}`);
    write(findings.length === 0 ? 'clean: no customer data in clear' : `${findings.length} finding(s)`);
    return findings.length === 0 ? 0 : 1;
  } finally {
    await db.end();
  }
}

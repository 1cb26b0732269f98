/**
 * `replique privacy scan`: after a run (the demo, a day of production), is any customer text in clear where it must
 * not be? (docs/privacy.md "Checking it").
 *
 *   pnpm -s replique privacy scan [--workflows 500] [--query "WorkflowType = 'emailWorkflow'"]
 *
 * Takes what to look for from the data itself, opened with the KEKs (services/src/privacy/privacy-fragments.ts), then
 * scans every Postgres table but the reference data, every record of KAFKA_TOPIC_INBOUND and KAFKA_TOPIC_EVENTS, and
 * the histories of the newest `--workflows` workflows the visibility query lists, each payload decoded with
 * TEMPORAL_PAYLOAD_KEYS. Prints counts and where each finding is (its kind, never the value); exit code 1 when
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
import { scanKafkaTopics, scanPostgres, scanTemporalHistories, type Finding } from '../privacy/privacy-scan';

export const PRIVACY_USAGE = "privacy scan [--workflows N] [--query VISIBILITY_QUERY]";

const PrivacyEnv = z.object({ ...postgresEnv, ...dataKeysEnv, ...kafkaEnv, ...temporalEnv });

export async function privacyCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['workflows', 'query']);
  const workflows = Number(args.options.workflows ?? 500);
  if (sub !== 'scan' || args.positionals.length > 0 || !Number.isInteger(workflows) || workflows < 0) throw new UsageError(`usage: replique ${PRIVACY_USAGE}`);
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
    if (workflows > 0) {
      const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
      try {
        const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
        const codec = new PayloadEncryptionCodec(config.TEMPORAL_PAYLOAD_KEYS ?? []);
        const temporal = await scanTemporalHistories(client, args.options.query ?? "WorkflowType = 'emailWorkflow'", (p) => codec.decode(p), values, { limit: workflows });
        write(`temporal\t${temporal.workflows} workflow(s), ${temporal.payloads} payload(s), ${temporal.sealedTexts} sealed text(s), ${temporal.findings.length} finding(s)`);
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

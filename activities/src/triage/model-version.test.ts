/**
 * Model versions as data, the pure part: a published file is validated with the loader's schema and this code's
 * feature_version, and every classification records the model that made it (the CLI's line shows it).
 */
import { readFileSync } from 'node:fs';
import { classifyEmail } from './classify';
import { FEATURE_VERSION } from './intent-features';
import {
  DEFAULT_INTENT_MODEL_FILE, intentDeps, intentModelOfJson, IntentModelInvalidError, modelContentSha, validateIntentModelFile,
} from './intent-model';
import { emailCase, testPolicy, testShop } from './test-support/fixtures';
import { toTriageLine } from './triage-line';

const committed = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_FILE, 'utf8')) as Record<string, unknown> & { version: string };

describe('a model file to publish', () => {
  it('is accepted when the loader accepts it', () => {
    expect(intentModelOfJson(committed).version).toBe(committed.version);
  });

  it('names its content: the committed file\'s version ends with the hash of the rest of the file', () => {
    // the trainer appends it (ml/train-meaning-model.ts): a retrained file gets a version of its own, and a hand edit shows
    expect(committed.version).toMatch(/\/sha-[0-9a-f]{12}$/);
    expect(committed.version.endsWith(`/sha-${modelContentSha(committed)}`)).toBe(true);
    expect(modelContentSha({ ...committed, bias: [0] })).not.toBe(modelContentSha(committed));
  });

  it('is refused, by name, when its features are not the ones this code computes', () => {
    const other = { ...committed, feature_version: 'words/fnv1a/v1' };
    expect(() => validateIntentModelFile(other, 'model file')).toThrow(IntentModelInvalidError);
    expect(() => validateIntentModelFile(other, 'model file')).toThrow(`its feature_version "words/fnv1a/v1" is not this code's "${FEATURE_VERSION}"`);
  });

  it('is refused with the schema\'s reasons when a field is missing or wrong', () => {
    const { blend: _blend, ...noBlend } = committed;
    expect(() => validateIntentModelFile({ ...noBlend, buckets: -1 })).toThrow(/blend[\s\S]*buckets|buckets[\s\S]*blend/);
  });

  it('is refused when its weights do not have the shape its classes say', () => {
    expect(() => intentModelOfJson({ ...committed, bias: [0] })).toThrow(/weight shape mismatch/);
    expect(() => intentModelOfJson({ ...committed, bias: [0] })).toThrow(IntentModelInvalidError);
  });
});

describe('a classification records the model that made it', () => {
  const deps = intentDeps(intentModelOfJson({ ...committed, version: 'meaning-model/test-v2' }));
  const c = emailCase({ clean: 'Bonjour, où en est ma commande ? Merci' });

  it('names the model file version, and the CLI line shows it', async () => {
    const out = await classifyEmail(c, { shop: testShop(), policy: testPolicy(), context: null as never, ...deps });
    expect(out.classification?.modelVersion).toBe('meaning-model/test-v2');
    expect(toTriageLine('x.eml', out).model_version).toBe('meaning-model/test-v2');
  });

  it('is null when the rules decided alone', async () => {
    const out = await classifyEmail(c, { shop: testShop(), policy: testPolicy(), context: null as never, modelVersion: 'ignored: no model hook' });
    expect(out.classification?.modelVersion).toBeNull();
    expect(toTriageLine('x.eml', out).model_version).toBeNull();
  });
});

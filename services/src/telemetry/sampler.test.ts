import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { samplerOf } from './tracing';
import { tracingEnv, tracingSettings } from '../config/shared-env';
import { z } from 'zod';

const TRACE_ID = 'ffffffff000000000000000000000000';   // the ratio sampler's highest value: kept only at ratio 1
const decide = (sampler: ReturnType<typeof samplerOf>, parent = ROOT_CONTEXT) =>
  sampler.shouldSample(parent, TRACE_ID, 'span', SpanKind.SERVER, {}, []).decision;
const sampledParent = trace.setSpanContext(context.active(), { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED });

test('the default samples every email; parentbased_traceidratio decides at the root and the later hops follow', () => {
  const settings = (env: Record<string, string>) => tracingSettings(z.object(tracingEnv('replique-test')).parse(env));
  expect(decide(samplerOf(settings({})))).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  const tenth = samplerOf(settings({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }));
  expect(decide(tenth)).toBe(SamplingDecision.NOT_RECORD);
  expect(decide(tenth, sampledParent)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  expect(decide(samplerOf(settings({ OTEL_TRACES_SAMPLER: 'always_off' })), sampledParent)).toBe(SamplingDecision.NOT_RECORD);
  expect(() => settings({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow();
  expect(() => settings({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow();
});

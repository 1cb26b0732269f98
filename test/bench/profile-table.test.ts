import { bucketOf, selfTimeBy } from './profile-table';
import type { CpuProfile } from './cpu-profile';

const PG = 'file:///app/node_modules/.pnpm/pg@8.23.1/node_modules/pg/lib/client.js';
const STAGE = 'file:///app/activities/src/triage/pii-names.ts';

/** root → pg's query → node's writev wrapper → native writev; root → a triage function; root → (garbage collector). */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: 0 }, children: [2, 5, 6] },
    { id: 2, callFrame: { functionName: 'query', url: PG, lineNumber: 1 }, children: [3] },
    { id: 3, callFrame: { functionName: 'writevGeneric', url: 'node:internal/stream_base_commons', lineNumber: 1 }, children: [4] },
    { id: 4, callFrame: { functionName: 'writev', url: '', lineNumber: 0 } },
    { id: 5, callFrame: { functionName: 'findNames', url: STAGE, lineNumber: 1 } },
    { id: 6, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
  ],
  samples: [4, 4, 2, 5, 6, 3],
  timeDeltas: [1000, 1000, 1000, 2000, 500, 1000],
};

describe('profile-table', () => {
  it('names packages, this repository files and pseudo-frames', () => {
    expect(bucketOf(PG, 'query', 'package')).toBe('pg');
    expect(bucketOf('file:///app/node_modules/.pnpm/@temporalio+worker@1/node_modules/@temporalio/worker/lib/worker.js', 'x', 'package')).toBe('@temporalio/worker');
    expect(bucketOf(STAGE, 'findNames', 'file')).toBe('activities/src/triage/pii-names.ts');
    expect(bucketOf('', '(garbage collector)', 'package')).toBe('(garbage collector)');
  });

  it('gives Node and native time to the package that called into it (owner)', () => {
    const owners = selfTimeBy([profile], 'owner');
    expect(owners.get('pg')).toBe(4); // writev ×2, query, writevGeneric: ms
    expect(owners.get('activities/src/triage/pii-names.ts')).toBe(2);
    expect(owners.get('(garbage collector)')).toBe(0.5);
  });

  it('gives a native frame to its nearest caller with a source (package)', () => {
    const packages = selfTimeBy([profile], 'package');
    expect(packages.get('node:internal/stream_base_commons')).toBe(3);
    expect(packages.get('pg')).toBe(1);
  });
});

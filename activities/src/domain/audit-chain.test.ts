import { anchorHash, ChainChecker, GENESIS_HASH, rowHash, type ChainedRow } from './audit-chain';

function chain(n: number, chainKey = 'a'.repeat(64)): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row = { id: String(i), chainKey, emailKey: chainKey, auditKey: null, stage: 'route', event: `e${i}`, data: `{"i": ${i}}`, atMicros: String(1_700_000_000_000_000 + i), seq: String(i), prevHash };
    rows.push({ ...row, hash: rowHash(row) });
    prevHash = rows[i - 1]!.hash;
  }
  return rows;
}

const check = (rows: ChainedRow[], head = { seq: rows[rows.length - 1]!.seq, hash: rows[rows.length - 1]!.hash, prunedSeq: '0', prunedHash: GENESIS_HASH }) => {
  const checker = new ChainChecker(rows[0]!.chainKey, { chainKey: rows[0]!.chainKey, ...head });
  rows.forEach((row) => checker.add(row));
  return checker.finish();
};

describe('audit chain', () => {
  it('hashes fields length-prefixed: moving text between fields changes the hash', () => {
    const [row] = chain(1);
    expect(rowHash({ ...row!, stage: 'rou', event: 'te1' })).not.toBe(row!.hash);
    expect(rowHash({ ...row!, auditKey: '' })).not.toBe(row!.hash);
  });

  it('accepts an intact chain and names a changed, a missing and a cut-off row', () => {
    const rows = chain(4);
    expect(check(rows)).toEqual([]);
    expect(check(rows.map((r) => (r.seq === '2' ? { ...r, data: '{"i": 9}' } : r)))).toEqual([expect.stringMatching(/row 2 \(seq 2\): content changed/)]);
    expect(check(rows.filter((r) => r.seq !== '3'))).toEqual([expect.stringMatching(/row 4 \(seq 4\): 1 row\(s\) missing before it/)]);
    expect(check(rows.slice(0, 3), { seq: '4', hash: rows[3]!.hash, prunedSeq: '0', prunedHash: GENESIS_HASH }))
      .toEqual([expect.stringMatching(/rows 4…4 missing at its end/)]);
  });

  it('accepts a pruned prefix recorded in the head, and not one that is not', () => {
    const rows = chain(4);
    const head = { seq: '4', hash: rows[3]!.hash, prunedSeq: '2', prunedHash: rows[1]!.hash };
    expect(check(rows.slice(2), head)).toEqual([]);
    expect(check(rows.slice(2))).toEqual([expect.stringMatching(/starts at seq 3, expected 1/)]);
  });

  it('anchors a day over its heads whatever their order', () => {
    const heads = [{ chainKey: 'b', seq: '2', hash: 'x' }, { chainKey: '', seq: '7', hash: 'y' }];
    expect(anchorHash(GENESIS_HASH, '2026-12-01', heads)).toBe(anchorHash(GENESIS_HASH, '2026-12-01', [...heads].reverse()));
    expect(anchorHash(GENESIS_HASH, '2026-12-01', heads.slice(1))).not.toBe(anchorHash(GENESIS_HASH, '2026-12-01', heads));
  });
});

/**
 * Reliability of a confidence: predictions grouped in confidence bins, accuracy per bin, expected calibration
 * error (ECE = Σ n_bin / N · |accuracy_bin − mean confidence_bin|). Used by the training script (on its held-out
 * split) and by `replique calibration` (on labelled email folders).
 */
export interface Scored { confidence: number; correct: boolean }

export interface ReliabilityBin { lo: number; hi: number; n: number; meanConfidence: number; accuracy: number }

export interface Reliability { n: number; accuracy: number; ece: number; bins: ReliabilityBin[] }

export function reliability(items: readonly Scored[], nBins = 10): Reliability {
  const bins: ReliabilityBin[] = Array.from({ length: nBins }, (_, i) => ({ lo: i / nBins, hi: (i + 1) / nBins, n: 0, meanConfidence: 0, accuracy: 0 }));
  for (const { confidence, correct } of items) {
    const b = bins[Math.min(nBins - 1, Math.max(0, Math.floor(confidence * nBins)))]!;
    b.n++;
    b.meanConfidence += confidence;
    b.accuracy += correct ? 1 : 0;
  }
  let ece = 0;
  for (const b of bins) {
    if (!b.n) continue;
    b.meanConfidence /= b.n;
    b.accuracy /= b.n;
    ece += (b.n / items.length) * Math.abs(b.accuracy - b.meanConfidence);
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    n: items.length,
    accuracy: round(items.length ? items.filter((x) => x.correct).length / items.length : 0),
    ece: round(ece),
    bins: bins.map((b) => ({ ...b, meanConfidence: round(b.meanConfidence), accuracy: round(b.accuracy) })),
  };
}

/** A fixed-width text table of the non-empty bins. */
export function formatReliability(title: string, r: Reliability): string[] {
  const out = [`${title}: n=${r.n}, accuracy ${(100 * r.accuracy).toFixed(1)} %, ECE ${r.ece.toFixed(3)}`,
    '  confidence      n   mean conf   accuracy'];
  for (const b of r.bins) {
    if (!b.n) continue;
    out.push(`  ${b.lo.toFixed(1)}–${b.hi.toFixed(1)}  ${String(b.n).padStart(6)}   ${b.meanConfidence.toFixed(3).padStart(9)}   ${b.accuracy.toFixed(3).padStart(8)}`);
  }
  return out;
}

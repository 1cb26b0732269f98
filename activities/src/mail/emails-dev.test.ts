/**
 * The labelled dev inbox (../shared/fixtures/emails-dev): clean_body equality (score.py's normalisation)
 * and machine-mail detection against `expected_route === 'suppress'`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanedBody, MachineVerdict, ParsedEmail } from '../domain/types';
import { cleanBody, labelledCleanBody } from './clean-body';
import { detectMachineMail } from './machine-mail';
import { parseEmail } from './parse-email';
import { describeIfPresent, devEmailsDir } from './test-support/paths';
import { sameCleanBody } from './test-support/score-norm';

interface Label {
  file: string;
  expected_route: string;
  clean_body: string;
  route_reasons: string[];
}

const SHOP_DOMAIN = '@maison-lumen.example';

describeIfPresent(devEmailsDir, 'emails-dev', () => {
  const results: { label: Label; parsed: ParsedEmail; cleaned: CleanedBody; verdict: MachineVerdict }[] = [];

  beforeAll(async () => {
    const labels = JSON.parse(readFileSync(join(devEmailsDir, 'labels.json'), 'utf8')) as Label[];
    for (const label of labels) {
      const parsed = await parseEmail(readFileSync(join(devEmailsDir, label.file)));
      const cleaned = cleanBody(parsed);
      const verdict = detectMachineMail(parsed, cleaned, { isOwnMessageId: (id) => id.endsWith(SHOP_DOMAIN) });
      results.push({ label, parsed, cleaned, verdict });
    }
  }, 30_000);

  it('has all 48 emails', () => {
    expect(results).toHaveLength(48);
  });

  it('cleans at least 95 % of the bodies exactly as labelled', () => {
    const misses = results.filter((r) => !sameCleanBody(labelledCleanBody(r.cleaned), r.label.clean_body));
    const rate = 1 - misses.length / results.length;
    if (misses.length) {
      // eslint-disable-next-line no-console
      console.log(`clean_body misses: ${misses.map((m) => m.label.file).join(', ')}`);
    }
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('flags exactly the emails labelled suppress as machine mail', () => {
    const wrong = results
      .filter((r) => r.verdict.isMachine !== (r.label.expected_route === 'suppress'))
      .map((r) => `${r.label.file}: ${r.verdict.reasons.join(',') || 'human'}`);
    expect(wrong).toEqual([]);
  });

  it('links the bounce of a shop reply back to the shop message and the failed recipient', () => {
    const bounces = results.filter((r) => r.label.route_reasons.includes('bounce_of_shop_reply'));
    expect(bounces.length).toBeGreaterThan(0);
    for (const b of bounces) {
      expect(b.verdict.reasons).toContain('bounce_of_shop_reply');
      expect(b.verdict.bouncedMessageId).toMatch(/@maison-lumen\.example$/);
      expect(b.verdict.bouncedRecipient).toMatch(/@/);
    }
  });

  it('keeps hidden HTML text out of the text and reports it', () => {
    const hidden = results.filter((r) => r.label.route_reasons.includes('hidden_html_text'));
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) {
      expect(h.parsed.hiddenHtmlText.length).toBeGreaterThan(20);
      expect(h.cleaned.clean).not.toContain(h.parsed.hiddenHtmlText.slice(0, 30));
    }
  });
});

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SHOP_FILE } from '@replique/activities/triage/test-support/fixtures';
import { evalCommand } from './eval-command';
import { evaluate, factStated, type Label, type PredLine } from './evaluate';

const label = (file: string, route: string, more: Partial<Label> = {}): Label => ({
  file, lang: 'fr', intent: 'order_status', expected_route: route, customer_id: 'K1', order_number: null, ...more,
});
const pred = (file: string, route: string, more: Partial<PredLine> = {}): PredLine => ({
  file, route, lang: 'fr', intent: 'order_status', customer_id: 'K1', order_number: null, draft: { subject: 's', body: 'b' }, ...more,
});

describe('evaluate (score.py definitions)', () => {
  it('counts the confusion, unsafe auto-sends, recalls and accuracies', () => {
    const labels = [label('1.eml', 'auto'), label('2.eml', 'review'), label('3.eml', 'escalate', { intent: 'legal_threat' }),
      label('4.eml', 'suppress', { intent: 'bounce', customer_id: null }), label('5.eml', 'auto')];
    const lines = [pred('1.eml', 'auto'), pred('2.eml', 'auto'), pred('3.eml', 'review', { intent: 'complaint' }),
      pred('4.eml', 'suppress', { intent: 'bounce', customer_id: null }), pred('5.eml', 'review')];
    const r = evaluate(labels, lines);
    expect(r.confusion.review).toMatchObject({ auto: 1 });
    expect(r.confusion.escalate).toMatchObject({ review: 1 });
    expect(r.unsafeAuto).toBe(1);
    expect(r.escalationRecall).toBe(0);
    expect(r.suppressionRecall).toBe(1);
    expect(r.automationOfRoutine).toBe(0.5);
    expect(r.intentAccuracy).toBe(0.8);
    expect(r.pass).toBe(false);
    expect(r.misses).toEqual(expect.arrayContaining(['2.eml: UNSAFE auto-send (expected review)', '3.eml: escalation missed -> review']));
  });

  it('checks facts and forbidden phrases in auto-sent drafts only', () => {
    expect(factStated('estimated_delivery', '2026-11-25', 'arrive le 25 novembre')).toBe(true);
    expect(factStated('total', 49.8, 'total 49,80 €')).toBe(true);
    expect(factStated('total', 49.8, 'total 48 €')).toBe(false);
    expect(factStated('offer', 'GESTE10', 'x')).toBeNull();
    const labels = [label('1.eml', 'auto', { facts: { tracking_number: '1Z9' }, must_not_say: ['remboursement garanti'] })];
    const r = evaluate(labels, [pred('1.eml', 'auto', { draft: { subject: 'Suivi', body: 'Remboursement garanti !' } })]);
    expect(r.wrongFactsSent).toBe(1);
    expect(r.forbiddenPhrasesSent).toBe(1);
    expect(r.pass).toBe(false);
  });

  it('passes when every safety bar holds', () => {
    const r = evaluate([label('1.eml', 'auto'), label('2.eml', 'review')], [pred('1.eml', 'auto'), pred('2.eml', 'review')]);
    expect(r.pass).toBe(true);
    expect(r.misses).toEqual([]);
  });
});

const EML = (subject: string, body: string): string =>
  `From: Anne Leclerc <anne.leclerc@example.fr>\nTo: help@atelier-test.example\nSubject: ${subject}\nDate: Mon, 09 Mar 2026 10:00:00 +0100\n`
  + `Message-ID: <${subject.replace(/\W/g, '')}@example.fr>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;

describe('replique eval', () => {
  it('triages a labelled folder, prints the report and exits 1 when a safety bar fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'replique-eval-'));
    const shop = path.join(dir, 'shop.json');
    await writeFile(shop, JSON.stringify(SHOP_FILE));
    const ok = path.join(dir, 'ok');
    const bad = path.join(dir, 'bad');
    await mkdir(ok);
    await mkdir(bad);
    await writeFile(path.join(ok, 'a.eml'), EML('Avocat', 'Mon avocat saisira le tribunal pour la commande ORD-5502.'));
    await writeFile(path.join(ok, 'labels.json'), JSON.stringify([
      label('a.eml', 'escalate', { intent: 'legal_threat', order_number: 'ORD-5502' })]));
    await writeFile(path.join(bad, 'b.eml'), EML('Question', 'Bonjour, où en est ma commande ORD-5501 ? Merci'));
    await writeFile(path.join(bad, 'labels.json'), JSON.stringify([label('b.eml', 'escalate', { order_number: 'ORD-5501' })]));

    const out: string[] = [];
    expect(await evalCommand(['--shop', shop, ok], (l) => out.push(l))).toBe(0);
    expect(out.join('\n')).toMatch(/escalation recall\s+100\.0 %/);
    expect(out.join('\n')).toMatch(/intent accuracy\s+100\.0 %/);
    expect(out[out.length - 1]).toMatch(/^PASS/);

    const out2: string[] = [];
    expect(await evalCommand(['--shop', shop, bad], (l) => out2.push(l))).toBe(1);
    expect(out2.join('\n')).toContain('b.eml: escalation missed');
    expect(out2[out2.length - 1]).toMatch(/^FAIL/);

    const json: string[] = [];
    await evalCommand(['--shop', shop, '--json', '--no-model', ok], (l) => json.push(l));
    expect(JSON.parse(json.join('\n'))).toMatchObject({ n: 1, unsafeAuto: 0, escalationRecall: 1 });
  }, 30_000);
});

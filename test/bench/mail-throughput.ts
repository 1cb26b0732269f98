/**
 * Parse + clean throughput (a benchmark, not a test: the figures depend on the machine and its load).
 *
 *   pnpm exec tsx test/bench/mail-throughput.ts [--n 10000] [--rounds 3] [--seed 1]
 *
 * Generates N varied raw messages (FR/EN; text/plain, HTML-only, multipart/alternative; quoted replies in the
 * styles of Gmail, Outlook FR/EN header blocks, Apple Mail, Thunderbird, "-----Message d'origine-----", `>` quotes,
 * inline replies, forwards; signatures, mobile footers, disclaimers) and measures, in one process, interleaved:
 *   1. ours, from raw bytes: parseEmail (MIME, charsets, HTML → visible text) + cleanBody;
 *   2. ours, text only: cleanText on the decoded text of each message;
 *   3. `email-reply-parser` (npm, a port of willdurand/EmailReplyParser) on the same decoded texts.
 * Prints messages/s for each, and the ratio of the text-only figures (the only like-for-like one: the npm package
 * does not parse MIME).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { cleanBody, cleanText } from '@replique/activities/mail/clean-body';
import { parseEmail } from '@replique/activities/mail/parse-email';
import { seededRandom } from './email-generator';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const FR = {
  greet: ['Bonjour,', 'Bonjour Madame, Monsieur,', 'Bonsoir,', 'Madame, Monsieur,'],
  body: [
    "Je n'ai toujours pas reçu ma commande CMD-{n} passée il y a dix jours. Pouvez-vous me dire où elle en est ?",
    'Serait-il possible de recevoir une copie de la facture de la commande CMD-{n} ?',
    "Le colis est arrivé abîmé, l'abat-jour est fendu. Je joins une photo.",
    'Je souhaite retourner la lampe Orsay, elle ne convient pas à mon salon. Quelle est la marche à suivre ?',
    'Merci beaucoup pour la rapidité de la livraison, tout est parfait.',
    "Pouvez-vous changer l'adresse de livraison ? J'ai déménagé au 12 rue des Lilas, 69003 Lyon.",
  ],
  close: ['Cordialement,', 'Bien à vous,', 'Merci d\'avance,', 'Bonne journée,'],
  mobile: ['Envoyé de mon iPhone', 'Envoyé depuis mon appareil Galaxy', "Envoyé à partir d'Outlook pour Android"],
  attrib: (d: string, who: string) => `Le ${d}, ${who} a écrit :`,
  outlook: (who: string, d: string) => [`De : ${who}`, `Envoyé : ${d}`, 'À : support@maison-lumen.example', 'Objet : RE: Votre commande'],
  orig: "-----Message d'origine-----",
  disclaimer: 'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire.',
};
const EN = {
  greet: ['Hello,', 'Hi there,', 'Dear Maison Lumen team,', 'Hi,'],
  body: [
    'My order CMD-{n} was due last Friday and the tracking has not moved since. Could you check what is going on?',
    'Could you send me a copy of the invoice for order CMD-{n}, please?',
    'The parcel arrived damaged: the lampshade is cracked. Photo attached.',
    'I would like to return the Orsay lamp; it does not suit my living room. How do I proceed?',
    'Thanks a lot for the quick delivery, everything is perfect.',
    'Can you change the delivery address? I moved to 4 Elm Street, Bristol BS1 4DJ.',
  ],
  close: ['Kind regards,', 'Best,', 'Thanks in advance,', 'Cheers,'],
  mobile: ['Sent from my iPhone', 'Sent from my Android phone', 'Get Outlook for iOS'],
  attrib: (d: string, who: string) => `On ${d}, ${who} wrote:`,
  outlook: (who: string, d: string) => [`From: ${who}`, `Sent: ${d}`, 'To: support@maison-lumen.example', 'Subject: RE: Your order'],
  orig: '-----Original Message-----',
  disclaimer: 'This e-mail and any attachments are confidential and intended solely for the addressee.',
};
const NAMES = ['Claire Dubois', 'Hannah Evans', 'Marc Lefèvre', 'Sophie Martin', 'James Carter', 'Élodie Garnier'];
const QUOTE_STYLES = ['none', 'gmail', 'outlook', 'apple', 'thunderbird', 'original', 'inline', 'forward', 'nested'] as const;

export interface GeneratedMessage {
  raw: Buffer;
  lang: 'fr' | 'en';
  format: 'plain' | 'html' | 'alternative';
  quoteStyle: (typeof QUOTE_STYLES)[number];
}

export function generateCorpus(n: number, seed = 1): GeneratedMessage[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: GeneratedMessage[] = [];
  for (let i = 0; i < n; i++) {
    const lang = rand() < 0.55 ? 'fr' : 'en';
    const L = lang === 'fr' ? FR : EN;
    const name = pick(NAMES);
    const addr = `${name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.')}@example.org`;
    const order = String(10000 + Math.floor(rand() * 9000));
    const paragraphs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(L.body).replace('{n}', order));
    const fresh = [pick(L.greet), '', ...paragraphs.flatMap((p) => [p, '']), pick(L.close), name.split(' ')[0]!];
    const sig: string[] = [];
    const s = rand();
    if (s < 0.25) sig.push('', pick(L.mobile));
    else if (s < 0.5) sig.push('', '-- ', name, '+33 6 12 34 56 78', '12 avenue Foch, 75016 Paris');
    else if (s < 0.6) sig.push('', L.disclaimer);
    const previous = [pick(L.greet), '', `${pick(L.body).replace('{n}', order)}`, '', 'Maison Lumen'];
    const date = lang === 'fr' ? 'lun. 23 nov. 2026 à 10:12' : 'Mon, Nov 23, 2026 at 10:12 AM';
    const shop = 'Maison Lumen <support@maison-lumen.example>';
    const quoteStyle = pick(QUOTE_STYLES);
    let lines: string[];
    switch (quoteStyle) {
      case 'none': lines = [...fresh, ...sig]; break;
      case 'gmail': lines = [...fresh, ...sig, '', L.attrib(date, shop), '', ...previous.map((l) => `> ${l}`.trimEnd())]; break;
      case 'outlook': lines = [...fresh, ...sig, '', '________________________________', ...L.outlook(shop, date), '', ...previous]; break;
      case 'apple': lines = [...fresh, ...sig, '', `> ${L.attrib(date, shop)}`, '> ', ...previous.map((l) => `> ${l}`.trimEnd())]; break;
      case 'thunderbird': lines = [...fresh, ...sig, '', L.attrib('23/11/2026 10:12', shop), ...previous.map((l) => `> ${l}`.trimEnd())]; break;
      case 'original': lines = [...fresh, ...sig, '', L.orig, ...L.outlook(shop, date), '', ...previous]; break;
      case 'inline': lines = [L.attrib(date, shop), ...previous.slice(0, 3).map((l) => `> ${l}`.trimEnd()), '', ...fresh, '', '> Maison Lumen', ...sig]; break;
      case 'forward': lines = [paragraphs[0]!, '', `---------- ${lang === 'fr' ? 'Message transféré' : 'Forwarded message'} ---------`, `From: ${shop}`, `Date: ${date}`, 'Subject: Votre commande', '', ...previous]; break;
      default: lines = [...fresh, '', L.attrib(date, shop), '> ' + previous[0], '> ', `> > ${L.attrib(date, name)}`, `> > ${pick(L.body)}`];
    }
    const text = lines.join('\n');
    const f = rand();
    const format: GeneratedMessage['format'] = f < 0.5 ? 'plain' : f < 0.7 ? 'html' : 'alternative';
    out.push({ raw: rawMessage(i, name, addr, lang, format, text), lang, format, quoteStyle });
  }
  return out;
}

function htmlOf(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) blocks.push(`<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${quote.map((l) => `<div>${esc(l) || '<br>'}</div>`).join('')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) quote.push(line.replace(/^>\s?/, ''));
    else { flush(); blocks.push(`<div>${esc(line) || '<br>'}</div>`); }
  }
  flush();
  return `<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body dir="ltr">${blocks.join('\n')}<img src="https://t.example/p.gif" width="1" height="1"></body></html>`;
}

function rawMessage(i: number, name: string, addr: string, lang: string, format: GeneratedMessage['format'], text: string): Buffer {
  const headers = [
    `From: ${name} <${addr}>`, 'To: support@maison-lumen.example', `Subject: ${lang === 'fr' ? 'Re: Ma commande' : 'Re: My order'} ${i}`,
    'Date: Mon, 23 Nov 2026 10:30:00 +0100', `Message-ID: <bench-${i}@example.org>`, 'MIME-Version: 1.0',
  ];
  const qp = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');
  if (format === 'plain') return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, ''].join('\n'), 'utf8');
  if (format === 'html') return Buffer.from([...headers, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', qp(htmlOf(text)), ''].join('\n'), 'utf8');
  const b = `b-${i}`;
  return Buffer.from([
    ...headers, `Content-Type: multipart/alternative; boundary="${b}"`, '',
    `--${b}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', qp(text),
    `--${b}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', qp(htmlOf(text)),
    `--${b}--`, '',
  ].join('\n'), 'utf8');
}

async function main(): Promise<void> {
  const n = arg('n', 10_000);
  const rounds = arg('rounds', 3);
  const corpus = generateCorpus(n, arg('seed', 1));
  const texts: string[] = [];
  for (const m of corpus) texts.push((await parseEmail(m.raw)).text); // the decoded text both text-only runs get
  const { default: EmailReplyParser } = await import('email-reply-parser'); // an ES module
  const npm = new EmailReplyParser();
  const runs: Record<'ours_raw' | 'ours_text' | 'npm_text', number[]> = { ours_raw: [], ours_text: [], npm_text: [] };
  let sink = 0; // keeps the results alive
  const time = async (work: () => Promise<void> | void): Promise<number> => {
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / 1000;
  };
  for (let round = 0; round <= rounds; round++) { // round 0 warms up and is not counted
    const a = await time(async () => { for (const m of corpus) sink += cleanBody(await parseEmail(m.raw)).clean.length; });
    const b = await time(() => { for (const t of texts) sink += cleanText(t).clean.length; });
    const c = await time(() => { for (const t of texts) sink += npm.parseReply(t).length; });
    if (round > 0) { runs.ours_raw.push(n / a); runs.ours_text.push(n / b); runs.npm_text.push(n / c); }
  }
  // Not a quality measure (the conformance run is), just a sanity check on the same texts: history left in the output.
  const HISTORY = /^(>|On .* wrote:|Le .* a écrit :|De ?: |From: |-----(Original|Message d'origine))/m;
  const leftOurs = texts.filter((t) => HISTORY.test(cleanText(t).clean)).length;
  const leftNpm = texts.filter((t) => HISTORY.test(npm.parseReply(t))).length;
  const best = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const mix = (key: keyof GeneratedMessage) => Object.entries(corpus.reduce<Record<string, number>>((acc, m) => ({ ...acc, [String(m[key])]: (acc[String(m[key])] ?? 0) + 1 }), {}))
    .map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`machine: ${os.availableParallelism?.() ?? os.cpus().length} CPUs (nproc), ${cpu}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}`);
  console.log(`corpus: ${n} messages (seed ${arg('seed', 1)}); lang: ${mix('lang')}; format: ${mix('format')}; quotes: ${mix('quoteStyle')}`);
  console.log(`rounds: ${rounds} after one warm-up, interleaved; messages/s as median (best)`);
  console.log(`  ours, parse+clean from raw bytes    ${median(runs.ours_raw).toFixed(0).padStart(7)} (${best(runs.ours_raw).toFixed(0)})`);
  console.log(`  ours, clean only (decoded text)     ${median(runs.ours_text).toFixed(0).padStart(7)} (${best(runs.ours_text).toFixed(0)})`);
  console.log(`  email-reply-parser (same texts)     ${median(runs.npm_text).toFixed(0).padStart(7)} (${best(runs.npm_text).toFixed(0)})`);
  console.log(`ratio ours/email-reply-parser, clean only: ${(median(runs.ours_text) / median(runs.npm_text)).toFixed(2)}; parse+clean from raw vs its text-only: ${(median(runs.ours_raw) / median(runs.npm_text)).toFixed(2)}`);
  console.log(`outputs still holding a quote line or a quote header: ours ${leftOurs}/${n}, email-reply-parser ${leftNpm}/${n}`);
  if (sink < 0) console.log(sink);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

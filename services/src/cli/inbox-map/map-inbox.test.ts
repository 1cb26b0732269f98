import { mapInbox, type MappedEmail } from './map-inbox';
import { mapChartSvg, mapReportMarkdown } from './map-report';

const email = (i: number, text: string, intent: string, route: string): MappedEmail => ({ file: `m-${String(i).padStart(3, '0')}.eml`, lang: 'en', intent, route, text });

const INBOX: MappedEmail[] = [
  ...Array.from({ length: 12 }, (_, i) => email(i, `__subject__ Tracking\nwhere is my parcel ${i}? tracking number please`, 'order_status', i % 3 ? 'auto' : 'review')),
  ...Array.from({ length: 6 }, (_, i) => email(100 + i, `__subject__ Invoice\nplease send the invoice for my purchase ${i}`, 'invoice_request', 'auto')),
  ...Array.from({ length: 3 }, (_, i) => email(200 + i, `__subject__ Broken\nthe kettle arrived broken and damaged <${i}>`, 'damaged_item', 'review')),
];

test('topics by volume, named by their distinctive words and majority intent, with automatable shares and examples', () => {
  const map = mapInbox(INBOX, 1, { topics: 3, seed: 1, buckets: 4096 });
  expect(map).toMatchObject({ inboxEmails: 22, emails: 21, quarantined: 1, automatable: 14 });
  expect(map.topics.map((t) => [t.rank, t.intent, t.volume, t.automatable])).toEqual([[1, 'order_status', 12, 8], [2, 'invoice_request', 6, 6], [3, 'damaged_item', 3, 0]]);
  expect(map.topics[0]!.words).toEqual(expect.arrayContaining(['parcel', 'tracking']));
  expect(map.topics[1]!.words).toContain('invoice');
  expect(map.topics[0]!.examples).toEqual(['m-000.eml', 'm-001.eml', 'm-002.eml']);
  expect(mapInbox(INBOX, 1, { topics: 3, seed: 1, buckets: 4096 })).toEqual(map);
});

test('a sample scales each topic to the whole inbox; the report and chart carry every topic, escaped', () => {
  const map = mapInbox(INBOX, 0, { topics: 3, seed: 1, buckets: 4096, inboxEmails: 210 });
  expect(map.topics.map((t) => t.estimatedVolume)).toEqual([120, 60, 30]);
  const svg = mapChartSvg({ ...map, topics: map.topics.map((t, i) => (i ? t : { ...t, label: 'a <b> & "c"' })) });
  expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
  expect(svg.match(/<rect [^>]*fill="#2e8b57"/g)).toHaveLength(map.topics.length + 1);
  const md = mapReportMarkdown(map, { source: 'inbox', seconds: 1.5, chart: 'inbox-map.svg' });
  expect(md).toContain('A seeded sample of 21 of the 210 emails');
  expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(3);
});

import { html } from './html';
import { highlightFacts } from './highlight-facts';
import { generationLine } from './email-page';

test('interpolated text is escaped; nested html is kept', () => {
  const hostile = '<script>alert("x")</script>';
  const page = html`<p>${hostile}</p>${html`<b>${'a&b'}</b>`}${[html`<i>1</i>`, '<2>']}`;
  expect(page.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><b>a&amp;b</b><i>1</i>&lt;2&gt;');
});

test('facts are marked in the draft, longest first, and the rest stays escaped', () => {
  const out = highlightFacts('Order ORD-1234 (<b>) ships by 2026-11-30, 1234 items', {
    order: 'ORD-1234', date: '2026-11-30', n: 1234, flag: true,
  }).value;
  expect(out).toContain('<mark class="fact" title="order">ORD-1234</mark>');
  expect(out).toContain('<mark class="fact" title="date">2026-11-30</mark>');
  expect(out).toContain('<mark class="fact" title="n">1234</mark> items');
  expect(out).toContain('(&lt;b&gt;)');
});

test('the draft says how the model call went: model, prompt version, tokens, latency, or why the template was used', () => {
  const g = { promptId: 'draft-reply', promptVersion: '2.0.0', model: 'smollm2', promptTokens: 702, completionTokens: 131, latencyMs: 8421, fallbackReason: null };
  expect(generationLine(g).value.replace(/\s+/g, ' ')).toContain('Written by the model smollm2 (prompt draft-reply v2.0.0): 702 tokens in, 131 out, 8.4 s.');
  const fellBack = generationLine({ ...g, promptTokens: null, completionTokens: null, latencyMs: 120004, fallbackReason: 'model call failed: <timeout>' }).value;
  expect(fellBack.replace(/\s+/g, ' ')).toContain('Template used: the model smollm2 (prompt draft-reply v2.0.0) failed after 120.0 s: model call failed: &lt;timeout&gt;');
  expect(generationLine(null).value).toBe('');
});

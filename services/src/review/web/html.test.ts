import { html } from './html';
import { highlightFacts } from './highlight-facts';

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

/** Builds small raw emails for unit tests. */
export function rawEmail(headers: Record<string, string>, body: string, eol = '\r\n'): Buffer {
  const base: Record<string, string> = {
    From: 'Alice Martin <alice.martin@example.org>',
    To: 'support@shop.example',
    Subject: 'Hello',
    Date: 'Tue, 24 Nov 2026 10:00:00 +0100',
    'Message-ID': '<m1@example.org>',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  };
  const head = Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(eol);
  return Buffer.from(`${head}${eol}${eol}${body.replace(/\r?\n/g, eol)}`, 'utf8');
}

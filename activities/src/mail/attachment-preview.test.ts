import MailComposer from 'nodemailer/lib/mail-composer';
import { attachmentBytes, previewImageType, previewKind } from './attachment-preview';
import { parseEmail } from './parse-email';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('previewImageType: what the bytes are, not what the mail says', () => {
  test('PNG, JPEG, GIF and WebP by their magic numbers', () => {
    expect(previewImageType(PNG)).toBe('image/png');
    expect(previewImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(previewImageType(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('image/gif');
    expect(previewImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  test('SVG, HTML, PDF and nothing at all are never previewed as images', () => {
    for (const bytes of [SVG, Buffer.from('<html><script>x</script>'), Buffer.from('%PDF-1.7'), Buffer.alloc(0)]) {
      expect(previewImageType(bytes)).toBeNull();
    }
  });

  test('previewKind by declared type: raster image, kept text, or none (SVG and PDF included)', () => {
    expect(previewKind('image/png', false)).toBe('image');
    expect(previewKind('image/jpeg', false)).toBe('image');
    expect(previewKind('image/svg+xml', false)).toBe('none');
    expect(previewKind('text/plain', true)).toBe('text');
    expect(previewKind('application/pdf', false)).toBe('none');
  });
});

test('attachmentBytes finds an attachment of the raw message by the SHA-256 parseEmail recorded', async () => {
  const raw = await new MailComposer({
    from: 'a@example.test', to: 'b@example.test', subject: 'photo', text: 'see attached',
    attachments: [{ filename: 'photo.png', content: PNG, contentType: 'image/png' }, { filename: 'note.txt', content: 'hello' }],
  }).compile().build();
  const parsed = await parseEmail(raw);
  const photo = parsed.attachments.find((a) => a.filename === 'photo.png')!;
  expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(attachmentBytes(raw, photo.sha256)).resolves.toEqual({ filename: 'photo.png', contentType: 'image/png', content: PNG });
  await expect(attachmentBytes(raw, '0'.repeat(64))).resolves.toBeNull();
});

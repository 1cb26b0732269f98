import { scanMimeDefects } from './mime-defects';

const mixed = (partHeaders: string, partBody: string, topExtra = ''): Buffer =>
  Buffer.from(
    `From: a@b.example\r\n${topExtra}Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B\r\n${partHeaders}\r\n\r\n${partBody}\r\n--B--\r\n`,
  );

describe('scanMimeDefects', () => {
  it('finds nothing in a clean message', () => {
    expect(scanMimeDefects(mixed('Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64', 'JVBERi0xLjQK'))).toEqual([]);
  });

  it('flags base64 bodies with foreign characters, inner spaces or an impossible length', () => {
    expect(scanMimeDefects(mixed('Content-Transfer-Encoding: base64', 'JVBER!0xLjQK'))).toContain('malformed_base64');
    expect(scanMimeDefects(mixed('Content-Transfer-Encoding: base64', 'plooz dect nispplul'))).toContain('malformed_base64');
    expect(scanMimeDefects(mixed('Content-Transfer-Encoding: base64', 'JVBERi0xL'))).toContain('malformed_base64');
  });

  it('flags unknown transfer encodings and header lines without a colon', () => {
    expect(scanMimeDefects(mixed('Content-Transfer-Encoding: base9000', 'x'))).toContain('unknown_transfer_encoding');
    expect(scanMimeDefects(mixed('Content-Type: text/plain', 'x', 'this line is no header\r\n'))).toContain('malformed_header');
  });

  it('does not mistake a "-- " signature in a plain body for a part boundary', () => {
    expect(scanMimeDefects(Buffer.from('From: a@b.example\r\n\r\nHi\r\n-- \r\nAlice\r\nno: header\r\n'))).toEqual([]);
  });
});

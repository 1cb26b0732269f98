/** The text of a PDF as a reader sees it (pdf.js through pdf-parse, in a child process: see pdf-text-reader.mjs). */
import { execFile } from 'node:child_process';
import path from 'node:path';

export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text-reader.mjs')], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-text: ${error.message} ${stderr}`));
      else resolve(stdout);
    });
    child.stdin!.end(pdf);
  });
}

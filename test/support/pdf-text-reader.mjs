// Reads a PDF on stdin and prints its text (pdf-parse, i.e. Mozilla's pdf.js). Run as a child process: pdf.js is
// an ES module with dynamic imports, which jest's CommonJS sandbox cannot load.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const result = await parser.getText();
  process.stdout.write(result.text);
} finally {
  await parser.destroy();
}

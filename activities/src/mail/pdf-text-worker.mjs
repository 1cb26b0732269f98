// The PDF reader of pdf-text.ts, run in a worker thread it can stop: pdf.js (Mozilla's reader, legacy build for
// Node, pure JavaScript) opens one PDF from memory and posts back the text of its first pages. Nothing is fetched
// (no font data, no network), no code is evaluated (isEvalSupported: false), nothing is written or logged: the text
// leaves only by postMessage. Plain ESM: pdf.js is an ES module, which the CommonJS side cannot load.
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { data, maxPages, maxChars } = workerData;

async function read() {
  const task = getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false,
    stopAtErrors: true, verbosity: VerbosityLevel.ERRORS, isOffscreenCanvasSupported: false,
  });
  const doc = await task.promise;
  try {
    const pages = Math.min(doc.numPages, maxPages);
    const parts = [];
    let length = 0;
    for (let p = 1; p <= pages && length <= maxChars; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      parts.push(text.trim());
      length += text.length;
      page.cleanup();
    }
    return { ok: true, pages: parts, totalPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

try {
  parentPort.postMessage(await read());
} catch (error) {
  // Only the kind of failure crosses over: a message could quote the file.
  parentPort.postMessage({ ok: false, reason: error?.name === 'PasswordException' ? 'encrypted' : 'unreadable' });
}

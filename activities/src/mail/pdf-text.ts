/**
 * The text of a PDF attachment's first pages, for the review tool's preview. A customer's PDF is hostile input, so
 * it is read by pdf.js in a worker thread (pdf-text-worker.mjs) that this module stops: after `timeoutMs`, or when it
 * outgrows `maxMemoryMb`; files above `maxBytes` or that do not start like a PDF are not opened at all; at most
 * `concurrency` PDFs are read at once. Every failure is an answer (`{ ok: false, reason }`), never a throw. The bytes
 * come from memory and the text goes back to memory: nothing is written to disk or logged.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface PdfTextLimits {
  maxBytes: number;
  maxPages: number;
  maxChars: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

export const PDF_PREVIEW_LIMITS: PdfTextLimits = {
  maxBytes: 10 * 1024 * 1024, maxPages: 3, maxChars: 4_000, timeoutMs: 8_000, maxMemoryMb: 128,
};

export type PdfNoPreview = 'too-large' | 'not-a-pdf' | 'encrypted' | 'unreadable' | 'timeout' | 'no-text';

export type PdfText =
  | { ok: true; text: string; pagesRead: number; totalPages: number; truncated: boolean }
  | { ok: false; reason: PdfNoPreview };

type WorkerAnswer = { ok: true; pages: string[]; totalPages: number } | { ok: false; reason: 'encrypted' | 'unreadable' };

const WORKER = path.join(__dirname, 'pdf-text-worker.mjs');
const CONCURRENCY = 2;

export async function pdfPreviewText(bytes: Buffer, limits: PdfTextLimits = PDF_PREVIEW_LIMITS): Promise<PdfText> {
  if (bytes.length > limits.maxBytes) return { ok: false, reason: 'too-large' };
  // The header may follow a little junk (readers accept it within the first KB).
  if (!bytes.subarray(0, 1024).includes('%PDF-')) return { ok: false, reason: 'not-a-pdf' };
  const answer = await slots.run(() => readInWorker(bytes, limits));
  if (!answer.ok) return answer;
  const joined = answer.pages.filter((p) => p !== '').join('\n\n');
  if (joined.trim() === '') return { ok: false, reason: 'no-text' };
  const truncated = joined.length > limits.maxChars || answer.totalPages > answer.pages.length;
  return { ok: true, text: joined.slice(0, limits.maxChars), pagesRead: answer.pages.length, totalPages: answer.totalPages, truncated };
}

function readInWorker(bytes: Buffer, limits: PdfTextLimits): Promise<WorkerAnswer | { ok: false; reason: 'timeout' | 'unreadable' }> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: { data: new Uint8Array(bytes), maxPages: limits.maxPages, maxChars: limits.maxChars },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 16 },
      stdout: true, stderr: true, // pdf.js's own warnings could quote the file: never let them reach the logs
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (answer: WorkerAnswer | { ok: false; reason: 'timeout' | 'unreadable' }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => finish(answer));
    worker.once('error', () => finish({ ok: false, reason: 'unreadable' })); // out of memory, or the reader failed to load
    worker.once('exit', () => finish({ ok: false, reason: 'unreadable' }));
  });
}

/** At most CONCURRENCY readers at once (each is a thread with its own heap); the others wait their turn. */
const slots = new (class {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift(); // the slot passes straight to the next in line
      if (next) next();
      else this.running--;
    }
  }
})();

/**
 * A small OpenAI-compatible server that replays recorded answers, for exact tests of the LLM path:
 * `POST /v1/chat/completions` and `POST /v1/embeddings` (plus `GET /v1/models`, `GET /health`).
 *
 * - Chat: the first rule whose `match` is found in the request's user message answers (its `content` becomes the
 *   assistant message, with the recorded `usage`); no rule → 500, so a test never passes on an answer it did not plan.
 * - Embeddings: a recorded vector per input text when given, else a deterministic unit vector from the text's
 *   SHA-256 (same text, same vector), `dimensions` long.
 * - Every request is kept (`received`), so a test can assert what left the process — e.g. that no PII did.
 * - With `upstream` (a real server's base URL, e.g. llama.cpp's), requests no rule answers are forwarded there and
 *   the answers kept (`recorded`): a recording proxy, and the way new recordings are made. `setBeforeForward` lets a
 *   test change the world while the model writes (e.g. the carrier relabels the parcel).
 *
 *   const replay = await startReplayServer({ chat: [{ match: 'CMD-10839', content: JSON.stringify({...}) }] });
 *   // LLM_BASE_URL = replay.baseUrl
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRecording {
  /** Found in the user message (string: substring; RegExp: test). Omitted: matches every request. */
  match?: string | RegExp;
  /** The assistant message's content, as the model returned it. */
  content: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Delay before answering (timeouts). */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error instead. */
  status?: number;
}

export interface ReplayOptions {
  chat?: ChatRecording[];
  embeddings?: Record<string, number[]>;
  dimensions?: number;
  model?: string;
  /** Forward what no rule answers to this OpenAI-compatible base URL (ending in /v1) and record the answer. */
  upstream?: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body as received. */
  raw: string;
  body: unknown;
}

export interface ReplayServer {
  baseUrl: string;
  port: number;
  received: ReceivedRequest[];
  /** Answers fetched from `upstream`, in order: path, request body, status, response body. */
  recorded: { path: string; request: unknown; status: number; response: unknown }[];
  /** Replaces the chat recordings (between tests). */
  setChat(recordings: ChatRecording[]): void;
  /** Runs before each request is forwarded to `upstream` (while the model "is writing"); null: none. */
  setBeforeForward(hook: ((path: string, body: unknown) => Promise<void>) | null): void;
  stop(): Promise<void>;
}

interface ChatBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
}

function userText(body: ChatBody): string {
  return (body.messages ?? [])
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

function matches(rule: ChatRecording, text: string): boolean {
  if (rule.match === undefined) return true;
  return typeof rule.match === 'string' ? text.includes(rule.match) : rule.match.test(text);
}

/** A deterministic unit vector for a text. */
export function hashVector(text: string, dimensions: number): number[] {
  const out: number[] = [];
  let counter = 0;
  while (out.length < dimensions) {
    const digest = createHash('sha256').update(`${counter++}\u0000${text}`).digest();
    for (let i = 0; i + 1 < digest.length && out.length < dimensions; i += 2) out.push(digest.readInt16BE(i) / 32768);
  }
  const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0)) || 1;
  return out.map((x) => x / norm);
}

export async function startReplayServer(options: ReplayOptions = {}): Promise<ReplayServer> {
  let chat = options.chat ?? [];
  const dimensions = options.dimensions ?? 64;
  const model = options.model ?? 'replay-model';
  const received: ReceivedRequest[] = [];
  const recorded: ReplayServer['recorded'] = [];
  let completions = 0;
  let beforeForward: ((path: string, body: unknown) => Promise<void>) | null = null;

  const send = (res: http.ServerResponse, status: number, payload: unknown) => {
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const error = (res: http.ServerResponse, status: number, message: string) =>
    send(res, status, { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error' } });

  const forward = async (res: http.ServerResponse, path: string, raw: string, body: unknown) => {
    try {
      await beforeForward?.(path, body);
      const upstream = await fetch(`${options.upstream!.replace(/\/$/, '')}${path.replace(/^\/v1/, '')}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: raw,
      });
      const text = await upstream.text();
      let response: unknown = text;
      try {
        response = JSON.parse(text);
      } catch {
        // kept as text
      }
      recorded.push({ path, request: body, status: upstream.status, response });
      res.writeHead(upstream.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch (err) {
      error(res, 502, `replay server: upstream failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      received.push({ method: req.method ?? 'GET', path, headers: req.headers, raw, body });

      if (req.method === 'GET' && (path === '/health' || path === '/v1/health')) return send(res, 200, { status: 'ok' });
      if (req.method === 'GET' && path === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: model, object: 'model' }] });
      if (req.method !== 'POST' || body === null) return error(res, 400, 'expected a JSON POST');

      if (path === '/v1/chat/completions') {
        const chatBody = body as ChatBody;
        const text = userText(chatBody);
        const rule = chat.find((r) => matches(r, text));
        if (!rule && options.upstream) return void forward(res, path, raw, body);
        if (!rule) return error(res, 500, 'replay server: no recording matches this request');
        const answer = () => {
          if (rule.status && rule.status >= 400) return error(res, rule.status, rule.content);
          completions++;
          const usage = rule.usage ?? { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(rule.content.length / 4) };
          send(res, 200, {
            id: `chatcmpl-replay-${completions}`,
            object: 'chat.completion',
            created: 1_795_000_000 + completions,
            model: chatBody.model ?? model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: rule.content } }],
            usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
          });
        };
        if (rule.delayMs) setTimeout(answer, rule.delayMs);
        else answer();
        return undefined;
      }

      if (path === '/v1/embeddings') {
        const { input, model: asked } = body as { input?: string | string[]; model?: string };
        if (options.upstream && !options.embeddings) return void forward(res, path, raw, body);
        const inputs = Array.isArray(input) ? input : typeof input === 'string' ? [input] : null;
        if (!inputs) return error(res, 400, 'input must be a string or an array of strings');
        return send(res, 200, {
          object: 'list',
          model: asked ?? model,
          data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: options.embeddings?.[t] ?? hashVector(t, dimensions) })),
          usage: { prompt_tokens: inputs.join(' ').length, total_tokens: inputs.join(' ').length },
        });
      }
      return error(res, 404, `no route ${path}`);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    received,
    recorded,
    setChat(recordings) {
      chat = recordings;
    },
    setBeforeForward(hook) {
      beforeForward = hook;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

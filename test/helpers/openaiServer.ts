/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI chat and completions protocol, with
 * answers scripted per question and failures injected on demand (status codes, Retry-After,
 * dropped connections, delays). It records every request and the most requests in flight.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'answer'; text: string | null; finishReason?: string }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'drop' };

export interface ScriptedServer {
  readonly url: string;
  readonly requests: { path: string; question: string | null; body: Record<string, unknown>; auth: string | undefined }[];
  maxInFlight: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Answer for a question when no scripted behaviour is queued. */
  answer?: (question: string) => string;
  /** Behaviours queued per question, used one per request before the default answer. */
  script?: Map<string, Behaviour[]>;
  apiKey?: string;
  model?: string;
  delayMs?: number;
}

export const questionIn = (prompt: string): string | null => /### Question\n(.+)\n/.exec(prompt)?.[1] ?? null;

export async function startServer(options: ServerOptions = {}): Promise<ScriptedServer> {
  let inFlight = 0;
  const state: ScriptedServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    try {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      const prompt = req.url?.endsWith('/chat/completions')
        ? ((body.messages as { content: string }[]).at(-1)?.content ?? '')
        : String(body.prompt ?? '');
      const question = questionIn(prompt);
      state.requests.push({ path: req.url ?? '', question, body: { ...body, prompt }, auth: req.headers.authorization });
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        // As OpenAI's API does: the refused key is echoed back (sqlalign must mask it).
        const given = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        return send(res, 401, { error: { message: `Incorrect API key provided: ${given}` } });
      }
      if (options.model !== undefined && body.model !== options.model) {
        return send(res, 404, { error: { message: `The model '${body.model}' does not exist` } });
      }
      const behaviour = (question && options.script?.get(question)?.shift()) || {
        kind: 'answer' as const,
        text: options.answer?.(question ?? '') ?? '```sql\nSELECT 1\n```',
      };
      if (behaviour.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (behaviour.kind === 'status') {
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(behaviour.body ?? JSON.stringify({ error: { message: `injected ${behaviour.status}` } }));
        return;
      }
      const chat = req.url?.endsWith('/chat/completions');
      const finish_reason = behaviour.finishReason ?? 'stop';
      const length = behaviour.text?.length ?? 0;
      send(res, 200, {
        id: 'x',
        object: chat ? 'chat.completion' : 'text_completion',
        choices: [
          chat
            ? { index: 0, message: { role: 'assistant', content: behaviour.text }, finish_reason }
            : { index: 0, text: behaviour.text, finish_reason },
        ],
        usage: { prompt_tokens: prompt.length, completion_tokens: length, total_tokens: prompt.length + length },
      });
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
}

function send(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

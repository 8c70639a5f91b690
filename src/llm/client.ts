/**
 * A small client for OpenAI-compatible servers (vLLM, Ollama, llama.cpp, LM Studio, TGI, hosted
 * APIs), on Node's own fetch. It retries 429, 5xx and dropped connections with exponential
 * backoff and jitter (honouring Retry-After), gives up at once with a clear message on 401, 403
 * and 404, and times out requests that hang.
 */
export type Endpoint = 'chat' | 'completions';

export interface ClientOptions {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly endpoint?: Endpoint;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Backoff before the first retry; doubled each time, with jitter, up to maxBackoffMs. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly signal?: AbortSignal;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Completion {
  readonly text: string;
  readonly usage: Usage;
  readonly attempts: number;
}

/** The run cannot go on (bad key, wrong model or URL): every request would fail the same way. */
export class FatalApiError extends Error {}

/** This request failed after its retries; others may still succeed. */
export class RequestFailedError extends Error {}

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export function createClient(options: ClientOptions) {
  const endpoint = options.endpoint ?? 'chat';
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${endpoint === 'chat' ? 'chat/completions' : 'completions'}`;
  const maxRetries = options.maxRetries ?? 6;
  const backoff = options.backoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 30_000;

  async function complete(prompt: string, system?: string): Promise<Completion> {
    const body: Record<string, unknown> = {
      model: options.model,
      max_tokens: options.maxTokens ?? 512,
      temperature: options.temperature ?? 0,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(endpoint === 'chat'
        ? { messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: prompt }] }
        : { prompt: system ? `${system}\n\n${prompt}` : prompt }),
    };
    let lastError = '';
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      let response: Response;
      try {
        const signals = [AbortSignal.timeout(options.timeoutMs ?? 120_000), ...(options.signal ? [options.signal] : [])];
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.any(signals),
        });
      } catch (err) {
        if (options.signal?.aborted) throw options.signal.reason ?? err;
        lastError = `connection failed: ${describe(err)}`;
        await sleep(delay(attempt, null), options.signal);
        continue;
      }
      if (response.ok) {
        const data = (await response.json().catch(() => null)) as ApiResponse | null;
        const choice = data?.choices?.[0];
        const text = endpoint === 'chat' ? choice?.message?.content : choice?.text;
        if (typeof text !== 'string') {
          lastError = 'the server answered without a completion';
          await sleep(delay(attempt, null), options.signal);
          continue;
        }
        const usage = {
          prompt_tokens: data?.usage?.prompt_tokens ?? 0,
          completion_tokens: data?.usage?.completion_tokens ?? 0,
          total_tokens: data?.usage?.total_tokens ?? (data?.usage?.prompt_tokens ?? 0) + (data?.usage?.completion_tokens ?? 0),
        };
        return { text, usage, attempts: attempt + 1 };
      }
      const detail = await errorDetail(response);
      if (response.status === 401 || response.status === 403) {
        throw new FatalApiError(
          `${url}: ${response.status} ${response.statusText}: the server refused the API key (--api-key-env)${detail}`,
        );
      }
      if (response.status === 404) {
        throw new FatalApiError(
          `${url}: 404 Not Found: no such endpoint or model '${options.model}' (check --base-url and --model)${detail}`,
        );
      }
      if (!RETRYABLE.has(response.status)) throw new RequestFailedError(`${response.status} ${response.statusText}${detail}`);
      lastError = `${response.status} ${response.statusText}${detail}`;
      await sleep(delay(attempt, response.headers.get('retry-after')), options.signal);
    }
    throw new RequestFailedError(`gave up after ${maxRetries + 1} attempts: ${lastError}`);
  }

  /** Exponential backoff with full jitter; a Retry-After from the server wins when it is longer. */
  function delay(attempt: number, retryAfter: string | null): number {
    const exponential = Math.min(maxBackoff, backoff * 2 ** attempt);
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    const asked = parseRetryAfter(retryAfter);
    return asked === null ? jittered : Math.min(Math.max(asked, jittered), 10 * maxBackoff);
  }

  return { complete, url };
}

interface ApiResponse {
  choices?: { message?: { content?: string }; text?: string }[];
  usage?: Partial<Usage>;
}

export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  if (!text) return '';
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (message) return `: ${message.replace(/\s+/g, ' ').slice(0, 200)}`;
  } catch {}
  return `: ${text.replace(/\s+/g, ' ').slice(0, 200)}`;
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new Error('aborted'));
      },
      { once: true },
    );
  });
}

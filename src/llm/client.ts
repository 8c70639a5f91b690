/**
 * A small client for OpenAI-compatible servers (vLLM, Ollama, llama.cpp, LM Studio, TGI, hosted
 * APIs), on Node's own fetch. It retries 429, 5xx and dropped connections with exponential
 * backoff and jitter (honouring Retry-After), gives up at once with a clear message on 401, 403
 * and 404, and times out requests that hang.
 */
import { FatalApiError, RequestFailedError, ServerError } from './errors.js';

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
  /** The answer's text; empty where the server sent none (`content: null`). */
  readonly text: string;
  /** The server's `finish_reason` (`stop`, `length`, ...), null where it gave none. */
  readonly finishReason: string | null;
  readonly usage: Usage;
  readonly attempts: number;
}

/**
 * Where the base model's answer ends when it continues a prompt that opens a ```sql block: the
 * block's closing fence, or the next question of a few-shot prompt.
 */
export const COMPLETION_STOP = ['```', '\n### '];

export { FatalApiError, RequestFailedError, ServerError };

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export function createClient(options: ClientOptions) {
  const client = new ApiClient(options);
  return { complete: (prompt: string, system?: string) => client.complete(prompt, system), url: client.url };
}

/** What one request came to, short of an answer: why, and when the server asks to be tried again. */
type Retry = { readonly error: string; readonly retryAfter: string | null };

class ApiClient {
  readonly url: string;
  private readonly endpoint: Endpoint;
  private readonly maxRetries: number;
  private readonly backoff: number;
  private readonly maxBackoff: number;
  // Until the server has answered once, a refused connection or an unknown host is a wrong
  // --base-url or a server that is down: said at once, not retried for minutes.
  private reached = false;

  constructor(private readonly options: ClientOptions) {
    this.endpoint = options.endpoint ?? 'chat';
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/${this.endpoint === 'chat' ? 'chat/completions' : 'completions'}`;
    this.maxRetries = options.maxRetries ?? 6;
    this.backoff = options.backoffMs ?? 500;
    this.maxBackoff = options.maxBackoffMs ?? 30_000;
  }

  async complete(prompt: string, system?: string): Promise<Completion> {
    const body = JSON.stringify(this.bodyOf(prompt, system));
    let lastError = '';
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      if (this.options.signal?.aborted) throw this.options.signal.reason ?? new Error('aborted');
      const outcome = await this.request(body, attempt);
      if ('text' in outcome) return outcome;
      lastError = outcome.error;
      await sleep(this.delay(attempt, outcome.retryAfter), this.options.signal);
    }
    throw new RequestFailedError(`gave up after ${this.maxRetries + 1} attempts: ${lastError}`);
  }

  private bodyOf(prompt: string, system: string | undefined): Record<string, unknown> {
    const { options } = this;
    return {
      model: options.model,
      max_tokens: options.maxTokens ?? 512,
      temperature: options.temperature ?? 0,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(this.endpoint === 'chat'
        ? { messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: prompt }] }
        : { prompt: system ? `${system}\n\n${prompt}` : prompt, stop: COMPLETION_STOP }),
    };
  }

  /** One request: the answer, or why to try again; what no retry can mend throws. */
  private async request(body: string, attempt: number): Promise<Completion | Retry> {
    const { options } = this;
    let response: Response;
    // One controller per request, tied to the caller's signal and untied after: no listeners pile up.
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('timed out')), options.timeoutMs ?? 120_000);
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body,
        signal: controller.signal,
      });
      if (response.ok) {
        this.reached = true;
        const data = (await response.json().catch(() => null)) as ApiResponse | null;
        return this.completionOf(data, attempt);
      }
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      const cause = describe(err);
      const fatal = unreachable(cause);
      if (fatal && !this.reached)
        throw new FatalApiError(
          `cannot reach ${this.url}: ${fatal} (${cause}); check \`baseUrl\` and that the server is running`,
          ['baseUrl'],
        );
      return { error: `connection failed: ${cause}`, retryAfter: null };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    return this.refusal(response);
  }

  /** The answer in a 2xx response; one with no choices is tried again. */
  private completionOf(data: ApiResponse | null, attempt: number): Completion | Retry {
    if (data === null || !Array.isArray(data.choices)) return { error: 'the server answered with no choices', retryAfter: null };
    const choice = data.choices[0];
    // `content: null` (or no text) is an answer with nothing in it: not retried.
    const text = (this.endpoint === 'chat' ? choice?.message?.content : choice?.text) ?? '';
    return {
      text: typeof text === 'string' ? text : '',
      finishReason: choice?.finish_reason ?? null,
      usage: {
        prompt_tokens: data.usage?.prompt_tokens ?? 0,
        completion_tokens: data.usage?.completion_tokens ?? 0,
        total_tokens: data.usage?.total_tokens ?? (data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0),
      },
      attempts: attempt + 1,
    };
  }

  /** An error status: a wrong key, URL or model ends the run, other 4xx fail the item, the rest are retried. */
  private async refusal(response: Response): Promise<Retry> {
    const detail = maskSecret(await errorDetail(response), this.options.apiKey);
    if (response.status === 401 || response.status === 403) {
      throw new FatalApiError(
        `${this.url}: ${response.status} ${response.statusText}: the server refused the API key (\`apiKey\`)${detail}`,
        ['apiKey'],
      );
    }
    if (response.status === 404) {
      throw new FatalApiError(
        `${this.url}: 404 Not Found: no such endpoint or model '${this.options.model}' (check \`baseUrl\` and \`model\`)${detail}`,
        ['baseUrl', 'model'],
      );
    }
    if (!RETRYABLE.has(response.status)) throw new RequestFailedError(`${response.status} ${response.statusText}${detail}`);
    return { error: `${response.status} ${response.statusText}${detail}`, retryAfter: response.headers.get('retry-after') };
  }

  /** Exponential backoff with full jitter; a Retry-After from the server wins when it is longer. */
  private delay(attempt: number, retryAfter: string | null): number {
    const exponential = Math.min(this.maxBackoff, this.backoff * 2 ** attempt);
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    const asked = parseRetryAfter(retryAfter);
    return asked === null ? jittered : Math.min(Math.max(asked, jittered), 10 * this.maxBackoff);
  }
}

interface ApiResponse {
  choices?: { message?: { content?: string | null }; text?: string | null; finish_reason?: string | null }[];
  usage?: Partial<Usage>;
}

/** What a connection error says about the server, where it means the server cannot be reached at all. */
function unreachable(cause: string): string | null {
  if (/ECONNREFUSED/.test(cause)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME/.test(cause)) return 'no such host';
  if (/CERT|SSL|TLS|self[- ]signed|UNABLE_TO_VERIFY|EPROTO/i.test(cause)) return 'TLS failed';
  if (/EHOSTUNREACH|ENETUNREACH/.test(cause)) return 'host unreachable';
  if (/bad port|Invalid URL|ERR_INVALID_URL/i.test(cause)) return 'not a usable URL';
  return null;
}

export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * A server's words with the API key masked wherever they repeat it: some servers echo the key they
 * refused (`Incorrect API key provided: sk-…`), and the message reaches stderr and results files.
 * A key cut short in the echo (`sk-abcd…wxyz`) is caught by its first characters.
 */
export function maskSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  let out = text.split(secret).join('***');
  if (secret.length >= 12) {
    const head = secret.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`${head}\\S*`, 'g'), '***');
  }
  return out;
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
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

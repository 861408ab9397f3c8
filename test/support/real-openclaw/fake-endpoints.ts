/**
 * The small fakes the real gateway talks to in tests, all on 127.0.0.1 with ephemeral ports:
 * an OTLP/HTTP receiver, an OpenAI-compatible model and a webhook receiver. Every request is kept
 * in memory for assertions. `close()` ends open connections too (a held model request included).
 */
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request a fake received. */
export interface RecordedRequest {
  /** Unix ms when the body was complete. */
  readonly receivedAt: number;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A running fake. */
export interface FakeEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Requests so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Resolves with the first request (already received or future) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs: number, what: string): Promise<RecordedRequest>;
  close(): Promise<void>;
}

type Handler = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function startFake(name: string, handler: Handler): Promise<FakeEndpoint> {
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    readBody(req).then(
      async (body) => {
        const recorded: RecordedRequest = {
          receivedAt: Date.now(),
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
        };
        requests.push(recorded);
        for (const waiter of [...waiters]) {
          if (waiter.match(recorded)) {
            waiters.delete(waiter);
            waiter.resolve(recorded);
          }
        }
        await handler(recorded, res);
      },
      () => res.destroy(),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    waitFor(match, timeoutMs, what) {
      const already = requests.find(match);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (!waiters.delete(waiter)) return;
          reject(
            new Error(
              `fake ${name}: no request for ${what} within ${timeoutMs} ms (received ${requests.length}: ${requests.map((r) => `${r.method} ${r.url}`).join(', ') || 'none'})`,
            ),
          );
        }, timeoutMs).unref();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An OTLP/HTTP receiver: answers 200 with an empty body of the request's content type. */
export function startOtlpReceiver(): Promise<FakeEndpoint> {
  return startFake('otlp', (request, res) => {
    res.writeHead(200, { 'content-type': String(request.headers['content-type'] ?? 'application/json') });
    res.end(request.headers['content-type']?.includes('json') ? '{}' : undefined);
  });
}

/** A webhook receiver: answers 200 `{"ok":true}`. */
export function startWebhookReceiver(): Promise<FakeEndpoint> {
  return startFake('webhook', (_request, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
}

/** Options for {@link startFakeModel}. */
export interface FakeModelOptions {
  /** Reply text of every completion. */
  readonly reply: string;
  /** Token usage reported per completion. */
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number };
  /** A request whose body contains this text is held open until the fake closes (a run that never ends). */
  readonly holdMarker?: string;
}

/**
 * An OpenAI-compatible model (`/v1/models`, `/v1/chat/completions`, JSON and SSE) that answers
 * every completion with `reply` and `usage`.
 */
export function startFakeModel(options: FakeModelOptions): Promise<FakeEndpoint> {
  const usage = {
    ...options.usage,
    total_tokens: options.usage.prompt_tokens + options.usage.completion_tokens,
  };
  return startFake('model', (request, res) => {
    if (request.url.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [] }));
      return;
    }
    if (!request.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const text = request.body.toString('utf8');
    if (options.holdMarker !== undefined && text.includes(options.holdMarker)) {
      return; // never answered: the socket is destroyed by close()
    }
    let parsed: { model?: string; stream?: boolean } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // answer anyway
    }
    const base = { id: 'chatcmpl-fake', created: Math.floor(Date.now() / 1000), model: parsed.model ?? 'fake' };
    if (parsed.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (chunk: unknown): void => {
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      };
      const choice = (delta: object, finish: string | null): object => ({ index: 0, delta, finish_reason: finish });
      send({ ...base, object: 'chat.completion.chunk', choices: [choice({ role: 'assistant', content: '' }, null)] });
      send({ ...base, object: 'chat.completion.chunk', choices: [choice({ content: options.reply }, null)] });
      send({ ...base, object: 'chat.completion.chunk', choices: [choice({}, 'stop')] });
      send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: options.reply }, finish_reason: 'stop' }],
        usage,
      }),
    );
  });
}

/**
 * Node's HTTP server in front of a Fetch API handler (such as `createFeedHandler`): `node:http` requests become
 * `Request`s, `Response`s are written back. Request bodies are not read (the feeds answer GET and HEAD only).
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Fetch API handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * A `node:http` request listener that runs `handler`. A handler that throws gets a 500 with an empty body, and
 * `onError` is told the error's name only (never its message, which could quote a URL with a token).
 *
 * @example createServer(nodeListener(createFeedHandler({ tokens, source }))).listen(8080, '127.0.0.1');
 */
export function nodeListener(
  handler: FetchHandler,
  onError?: (reason: string) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const host = req.headers.host ?? 'localhost';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const request = new Request(new URL(req.url ?? '/', `http://${host}`), {
      method: req.method ?? 'GET',
      headers,
    });
    handler(request)
      .then(async (response) => {
        const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          out[name] = value;
        });
        res.writeHead(response.status, out);
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch((error: unknown) => {
        onError?.(`handler failed: ${error instanceof Error ? error.name : 'unknown'}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Length': '0' });
        res.end();
      });
  };
}

/**
 * Starts a server for `handler` on `host:port` (port 0: a free one) and resolves once it listens.
 *
 * @example const { url, close } = await listen(handler, { port: 0 }); // url: http://127.0.0.1:41234
 */
export function listen(
  handler: FetchHandler,
  options: {
    readonly port?: number;
    readonly host?: string;
    readonly onError?: (reason: string) => void;
  } = {},
): Promise<{
  /** The listening Node server. */
  readonly server: Server;
  /** Its base URL, `http://host:port` (an IPv6 host in brackets), with the port actually bound. */
  readonly url: string;
  /** Stops listening; resolves once open connections are closed. */
  readonly close: () => Promise<void>;
}> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(nodeListener(handler, options.onError));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

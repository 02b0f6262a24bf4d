import autocannon from 'autocannon';

/**
 * One load run with autocannon (programmatic): `connections` keep-alive connections for
 * `duration` seconds against one server. Each connection is set up by `perConnection` (a session,
 * a path) or each request by `perRequest` (a distinct record to approve). Any answer but 2xx,
 * any connection error or timeout, or no answer at all in the run makes it fail: reported, never
 * counted as speed.
 */

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadSpec {
  /** the request of the n-th connection (a session and its path); same for all when omitted */
  perConnection?: (n: number) => LoadRequest;
  /** the n-th request of the run (each a distinct one) */
  perRequest?: (n: number) => LoadRequest;
  /** stop after this many requests (when perRequest can make no more) */
  maxRequests?: number;
}

export interface LoadResult {
  /** 2xx answers */
  ok: number;
  /** 2xx answers per second, from the first request to the last answer */
  rps: number;
  p50: number;
  p99: number;
  seconds: number;
  /** non-2xx answers, connection errors and timeouts (+1 for a run without any answer) */
  failures: number;
  /** what the first failure looked like */
  failure: string | null;
}

export async function load(
  url: string,
  spec: LoadSpec,
  opts: {
    connections: number;
    duration: number;
    /** false: a run without answers is no failure (a warm-up) */
    answers?: boolean;
  },
): Promise<LoadResult> {
  let failure: string | null = null;
  const onResponse = (status: number, body: string) => {
    if ((status < 200 || status >= 300) && failure === null) failure = `${status} ${body.slice(0, 300)}`;
  };
  let connection = 0;
  let request = 0;
  const options: autocannon.Options = {
    url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 30,
    ...(spec.maxRequests ? { maxOverallRequests: spec.maxRequests } : {}),
  };
  if (spec.perRequest) {
    const next = spec.perRequest;
    options.requests = [{ onResponse, setupRequest: (req) => ({ ...req, ...withHeaders(next(request++)) }) }];
  } else if (spec.perConnection) {
    const of = spec.perConnection;
    options.setupClient = (client) => client.setRequests([{ ...withHeaders(of(connection++)), onResponse }]);
  }
  const started = Date.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on('response', () => {
      last = Date.now();
    });
    instance.on('reqError', (err: Error) => {
      if (failure === null) failure = `连接错误：${err.message}`;
    });
  });
  const ok = result['2xx'];
  const seconds = Math.max(0.001, (last - started) / 1000);
  // no answer within the run measures nothing either
  const none = ok === 0 && opts.answers !== false;
  if (none) failure ??= `${opts.duration} 秒内没有完成的请求`;
  return {
    ok,
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    seconds,
    failures: result.non2xx + result.errors + (none ? 1 : 0),
    failure,
  };
}

function withHeaders(r: LoadRequest): autocannon.Request {
  return {
    method: r.method,
    path: r.path,
    headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...(r.headers ?? {}) },
    ...(r.body ? { body: r.body } : {}),
  };
}

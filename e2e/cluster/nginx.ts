import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The nginx in front of the instances: its config, written into the test's temp dir, and its access log. */

export interface AccessLine {
  at: number;
  method: string;
  uri: string;
  status: number;
  /** every upstream tried, in order ("a, b" when nginx passed the request on) */
  upstreams: string[];
}

export function nginxConf(dir: string, port: number, upstreams: string[]) {
  const q = (p: string) => JSON.stringify(join(dir, p));
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${q('nginx.pid')};
error_log ${q('error.log')} warn;
events { worker_connections 512; }
http {
  log_format cluster '$msec $request_method $uri $status "$upstream_addr" "$upstream_status"';
  access_log ${q('access.log')} cluster;
  client_body_temp_path ${q('client_body')};
  proxy_temp_path ${q('proxy')};
  fastcgi_temp_path ${q('fastcgi')};
  uwsgi_temp_path ${q('uwsgi')};
  scgi_temp_path ${q('scgi')};
  client_max_body_size 11m;
  # passive health: one failure takes an instance out for fail_timeout (short here, so the test
  # also sees nginx try a dead instance again and pass the request on)
  upstream ce_app {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://ce_app;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # a refused connection goes to the next instance; a request already sent is never resent
      # when it is not idempotent (nginx's default, kept): a POST cut off by a dying instance fails
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export function parseAccessLog(file: string): AccessLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^(\S+) (\S+) (\S+) (\d+) "([^"]*)"/.exec(line);
      if (!m) throw new Error(`unexpected access log line: ${line}`);
      return {
        at: Math.round(Number(m[1]) * 1000),
        method: m[2],
        uri: m[3],
        status: Number(m[4]),
        upstreams: m[5] === '-' ? [] : m[5].split(/, | : /),
      };
    });
}

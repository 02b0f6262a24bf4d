import { z } from 'zod';

// The server's Content Security Policy allows no eval (script-src 'self'). zod 4 probes for
// `new Function` to compile fast parsers; under the CSP the probe fails quietly but the browser
// still reports a violation. jitless skips the probe: the parsers are the same, only not compiled.
z.config({ jitless: true });

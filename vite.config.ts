import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';

/** Base64url of a JSON value (a JWT segment). */
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/**
 * The demo's token endpoint, for the markup-only section's `token-endpoint="/demo-api/token"`:
 * `POST { "userId": … }` answers `{ "token": "<a JWT-shaped string>" }`. The token is NOT signed
 * (the offline fake SDK ignores tokens); a real endpoint checks who is logged in and signs the JWT
 * with your TalkJS secret key on your server. `GET /demo-api/token/count` says how many tokens it
 * issued.
 */
function demoTokenEndpoint(): Plugin {
  let issued = 0;
  return {
    name: 'talkjs-elements-demo-token-endpoint',
    configureServer(server) {
      server.middlewares.use('/demo-api/token', async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        if (req.method === 'GET' && req.url?.startsWith('/count')) {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ issued }));
          return;
        }
        if (req.method !== 'POST' || (req.url !== '/' && req.url !== '')) return next();
        let userId: unknown;
        try {
          userId = (JSON.parse(await readBody(req)) as { userId?: unknown }).userId;
        } catch {
          userId = undefined;
        }
        if (typeof userId !== 'string' || userId === '') {
          res.statusCode = 400;
          res.end('expected a JSON body { "userId": "…" }');
          return;
        }
        issued += 1;
        const now = Math.floor(Date.now() / 1000);
        const payload = { tokenType: 'user', iss: 'demo-app', sub: userId, iat: now, exp: now + 3600, demoTokenNumber: issued };
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify({ token: `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(payload)}.not-signed-demo-only` }));
      });
    },
  };
}

// The demo: `npm run demo` serves index.html (and demo/) from the TypeScript sources.
export default defineConfig({
  plugins: [demoTokenEndpoint()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: { target: 'es2022' },
});

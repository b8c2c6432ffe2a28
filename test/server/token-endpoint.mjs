// A real HTTP token endpoint for the browser tests, served by the test runner's dev server at
// /test-api/token (a Koa middleware). It behaves as the query string says, per test "scenario":
//   ?scenario=<id>   requests are counted per scenario (GET /test-api/token/count?scenario=<id>)
//   &fail=N          the first N requests answer 500
//   &delay=MS        each answer waits MS milliseconds
//   &format=json     answer {"token": "…"} (default: the token as text/plain)
//   &status=CODE     always answer CODE (e.g. 401)
// The token is `jwt-for-<userId>-<request number>`, so tests can tell refreshes apart.
const counts = new Map();

async function readJson(ctx) {
  let body = '';
  for await (const chunk of ctx.req) body += chunk;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function tokenEndpoint() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test-api/token')) return next();
    const q = ctx.query;
    const scenario = String(q.scenario ?? 'default');
    if (ctx.path === '/test-api/token/count') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(counts.get(scenario) ?? { requests: 0, bodies: [], methods: [], cookies: [] });
      return;
    }
    const record = counts.get(scenario) ?? { requests: 0, bodies: [], methods: [], cookies: [] };
    counts.set(scenario, record);
    record.requests += 1;
    record.methods.push(ctx.method);
    record.cookies.push(ctx.get('cookie'));
    const body = ctx.method === 'POST' ? await readJson(ctx) : undefined;
    record.bodies.push(body ?? null);
    const delay = Number(q.delay ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (q.status) {
      ctx.status = Number(q.status);
      ctx.body = 'refused';
      return;
    }
    if (record.requests <= Number(q.fail ?? 0)) {
      ctx.status = 500;
      ctx.body = 'temporarily broken';
      return;
    }
    const token = `jwt-for-${body?.userId ?? 'nobody'}-${record.requests}`;
    if (q.format === 'json') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ token });
    } else {
      ctx.type = 'text/plain';
      ctx.body = token;
    }
  };
}

import { defineConfig } from 'vite';

// The demo: `npm run demo` serves index.html (and demo/) from the TypeScript sources.
export default defineConfig({
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: { target: 'es2022' },
});

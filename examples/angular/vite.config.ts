import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import angular from '@analogjs/vite-plugin-angular';

export default defineConfig({
  plugins: [
    // Ahead-of-time compilation, with Angular's template type-checking (strictTemplates).
    angular({ tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), disableTypeChecking: false }),
  ],
});

import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const apiTarget = process.env.SYNOPTIC_API_URL ?? 'http://localhost:8080';

// The api refuses writes whose Origin is not its own (CSRF defence). Through this proxy the browser
// says http://localhost:5173, so the proxy vouches for it: the page and the api share an origin here.
const toApi: ProxyOptions = {
  target: apiTarget,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq) => {
      if (proxyReq.getHeader('origin')) proxyReq.setHeader('origin', new URL(apiTarget).origin);
    });
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    // In development the api runs separately; same-origin paths keep cookies and CSRF rules identical.
    proxy: { '/api': toApi, '/healthz': apiTarget, '/readyz': apiTarget },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});

import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production page runs under a strict Content Security Policy: only its own scripts, styles, fonts and
 * workers; nothing inline; no request to any other origin. The meta tag is added at build time only, because the
 * dev server injects inline scripts (React Fast Refresh) that this policy would block.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What a <meta> tag can carry: browsers ignore frame-ancestors there (and say so in the console), so that one
 * directive must come as a header from the server, as `vite preview` sends it below.
 */
const META_CSP = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'wg-designer-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  worker: { format: 'es' },
  // The preview server (what the browser specs run against) sends the whole policy as a header too.
  preview: { headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } },
});

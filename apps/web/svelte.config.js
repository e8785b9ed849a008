import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    csp: {
      // 'auto' gives server-rendered pages a per-response nonce for SvelteKit's own hydration
      // script, so no page ever needs 'unsafe-inline' for scripts.
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Inline style attributes are harmless compared with inline script, and allowing them
        // keeps SvelteKit from attaching nonces that would make browsers ignore 'unsafe-inline'.
        'style-src': ['self', 'unsafe-inline'],
        // Organizers' descriptions may embed images from elsewhere; scripts still cannot.
        'img-src': ['self', 'data:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;

// Build configuration (TanStack Start is a Vite plugin). The application's own typed
// configuration is app.config.ts, not this file.
import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { tanstackStart } from '@tanstack/react-start/plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./src', import.meta.url)),
      '#config': fileURLToPath(new URL('./app.config.ts', import.meta.url)),
      '#tests': fileURLToPath(new URL('./tests', import.meta.url)),
    },
  },
  server: { port: 3000, strictPort: true },
  // No source maps in a production build unless asked (SOURCEMAPS=true pnpm build; the image's build arg).
  build: { sourcemap: process.env.SOURCEMAPS === 'true' },
  plugins: [tailwindcss(), tanstackStart(), react()],
})

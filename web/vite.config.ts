import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const web = fileURLToPath(new URL('.', import.meta.url))

// The server serves /assets/* from web/dist/assets with ETags, so bundles keep fixed names (no
// content hash in the file name): pages can reference /assets/editor.js directly.
export default defineConfig({
  root: web,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/assets',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    modulePreload: false,
    reportCompressedSize: false,
    // TipTap, ProseMirror and Yjs are one indivisible editor (~160 kB gzip); splitting gains nothing.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: {
        editor: fileURLToPath(new URL('scripts/editor.ts', import.meta.url)),
        'forget-drafts': fileURLToPath(new URL('scripts/forget-drafts.ts', import.meta.url)),
        comments: fileURLToPath(new URL('scripts/comments.ts', import.meta.url)),
        'translation-editor': fileURLToPath(new URL('scripts/translation-editor.ts', import.meta.url)),
        amendments: fileURLToPath(new URL('scripts/amendments.ts', import.meta.url)),
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
})

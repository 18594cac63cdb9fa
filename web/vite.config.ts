import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Writes `.gz` beside each script and stylesheet so the server can send them pre-compressed. */
function precompress(): Plugin {
  return {
    name: 'weijian-precompress',
    apply: 'build',
    // From the written files: in generateBundle Vite has yet to fill in its preload markers.
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle).filter((f) => /\.(js|css)$/.test(f))) {
        const file = path.join(options.dir!, fileName);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

// Bundles the fixture pages' editors (React, ProseMirror, Quill) with esbuild into
// dist/e2e-bundles/, served at /bundles/ by server.js.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export async function bundleFixtures() {
  await esbuild.build({
    entryPoints: {
      react: path.join(here, 'src/react.jsx'),
      prosemirror: path.join(here, 'src/prosemirror.js'),
      quill: path.join(here, 'src/quill.js'),
    },
    outdir: path.join(repo, 'dist/e2e-bundles'),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: false,
    logLevel: 'warning',
    absWorkingDir: repo,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleFixtures();

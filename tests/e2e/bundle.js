// Bundles the fixture pages' editors (React, ProseMirror, Quill, CKEditor 5, Slate, Draft.js,
// TinyMCE, TipTap, Lexical, Vue) from node_modules with esbuild into dist/e2e-bundles/,
// served at /bundles/ by server.js. Nothing is loaded from a CDN.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export const BUNDLES = {
  react: 'src/react.jsx',
  prosemirror: 'src/prosemirror.js',
  quill: 'src/quill.js',
  ckeditor: 'src/ckeditor.js',
  slate: 'src/slate.jsx',
  draft: 'src/draft.jsx',
  tinymce: 'src/tinymce.js',
  tiptap: 'src/tiptap.js',
  lexical: 'src/lexical.js',
  vue: 'src/vue.js',
};

export async function bundleFixtures() {
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLES).map(([k, v]) => [k, path.join(here, v)])),
    outdir: path.join(repo, 'dist/e2e-bundles'),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'window', // Draft.js (fbjs) reads `global`
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    loader: { '.svg': 'text' },
    minify: false,
    logLevel: 'warning',
    absWorkingDir: repo,
  });
  // TinyMCE loads its UI skin (CSS) at run time: serve the package's own copy.
  const skin = path.join(repo, 'dist/e2e-bundles/tinymce/skins/ui/oxide');
  fs.mkdirSync(path.dirname(skin), { recursive: true });
  fs.cpSync(path.join(repo, 'node_modules/tinymce/skins/ui/oxide'), skin, { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleFixtures();

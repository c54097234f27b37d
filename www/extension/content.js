// The content script. scripts/build-extension.sh bundles this entry and everything it imports
// (content-main.js, the annotator, the site adapters, the core's JS glue) into the one classic
// script the manifest declares. Chromium resolves the imports of a module loaded through a
// dynamic web-accessible URL (use_dynamic_url) against the extension's static id, which
// pages may not load; bundled, the only file the content script fetches from the extension
// is the .wasm, through runtime.getURL. Pages can't fetch anything else of ours.
import { start } from './content-main.js';

start().catch(() => {
  /* the frame went away or the extension was reloaded meanwhile: nothing to do */
});

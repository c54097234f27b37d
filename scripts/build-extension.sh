#!/usr/bin/env bash
# Assembles the browser extension from one source tree:
#   www/extension (manifest, scripts, pages, site adapters) + www/annotator + pkg/ (the core)
# into unpacked dist/chrome/ and dist/firefox/ and the zips dist/kefu-coach-chrome.zip and
# dist/kefu-coach-firefox.zip, then runs `web-ext lint` on the Firefox build (errors fail).
# The content script is bundled with esbuild (the annotator goes into it); the manifest is
# written per browser (Chromium: use_dynamic_url on the web-accessible .wasm).
# KEFU_PKG_DIR overrides where the wasm package is read from (default: pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."
pkg="${KEFU_PKG_DIR:-pkg}"
for f in kefu_coach.js kefu_coach_bg.wasm snippets; do
  if [ ! -e "$pkg/$f" ]; then
    echo "build-extension: $pkg/$f is missing; build the core first (scripts/build-wasm.sh)" >&2
    exit 1
  fi
done
for tool in web-ext esbuild; do
  [ -x "node_modules/.bin/$tool" ] || { echo "build-extension: node_modules/.bin/$tool missing; run npm ci" >&2; exit 1; }
done

mkdir -p dist
for browser in chrome firefox; do
  out="dist/$browser"
  rm -rf "$out" "dist/kefu-coach-$browser.zip"
  mkdir -p "$out/pkg"
  cp -R www/extension "$out/extension"
  rm -f "$out/extension/manifest.json" "$out/extension/README.md"
  cp -R www/annotator "$out/annotator"
  cp "$pkg/kefu_coach.js" "$pkg/kefu_coach_bg.wasm" "$out/pkg/"
  cp -R "$pkg/snippets" "$out/pkg/snippets" # the glue's inline JS (src/wasm/report.rs, convert.rs)
  # The content script: one classic script bundled from extension/content.js with everything
  # it imports (content-main.js, the annotator, the site adapters, the core's glue), so that
  # the .wasm is the only file a page's content script loads from the extension (see
  # content.js for why). The glue's default wasm URL (import.meta.url) is never used: the
  # content script passes runtime.getURL(...).
  node_modules/.bin/esbuild "$out/extension/content.js" --bundle --format=iife --charset=utf8 \
    --define:import.meta.url=undefined --log-level=warning \
    --log-override:duplicate-object-key=silent --outfile="$out/extension/content.bundle.js"
  mv "$out/extension/content.bundle.js" "$out/extension/content.js"
  # Only the content script used these, and it carries them now.
  rm -rf "$out/annotator" "$out/extension/content-main.js" "$out/extension/sites"
  # One manifest source; each browser gets only the keys it understands.
  node -e '
    const fs = require("fs");
    const [src, dst, browser] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(src, "utf8"));
    if (browser === "chrome") {
      delete m.browser_specific_settings;
      delete m.background.scripts;
    } else {
      delete m.minimum_chrome_version;
      delete m.background.service_worker;
      // Chromium only: Firefox (ESR 153 included) has no use_dynamic_url in its manifest
      // schema and warns on it; its moz-extension:// host is a random per-install UUID anyway.
      for (const w of m.web_accessible_resources || []) delete w.use_dynamic_url;
    }
    fs.writeFileSync(dst, JSON.stringify(m, null, 2) + "\n");
  ' www/extension/manifest.json "$out/manifest.json" "$browser"
  (cd "$out" && python3 -m zipfile -c "../kefu-coach-$browser.zip" manifest.json extension pkg)
  echo "built $out and dist/kefu-coach-$browser.zip"
done

node_modules/.bin/web-ext lint --source-dir dist/firefox --no-config-discovery

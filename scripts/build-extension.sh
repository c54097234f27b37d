#!/usr/bin/env bash
# Assembles the browser extension from one source tree:
#   www/extension (manifest, scripts, pages, site adapters) + www/annotator + pkg/ (the core)
# into unpacked dist/chrome/ and dist/firefox/ and the zips dist/kefu-coach-chrome.zip and
# dist/kefu-coach-firefox.zip, then runs `web-ext lint` on the Firefox build (errors fail).
# The content script is bundled with esbuild (the annotator goes into it); the manifest is
# written per browser (Chromium: use_dynamic_url on the web-accessible .wasm).
# The version is Cargo.toml's (one place); the toolbar icons are rendered from one SVG
# (www/extension/icons/icon.svg) to PNG at 16/32/48/128, in colour and in grey for "off"
# (@resvg/resvg-js, pinned in package.json); the browsers' _locales go to the package root.
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
[ -f node_modules/@resvg/resvg-js/package.json ] || { echo "build-extension: @resvg/resvg-js missing; run npm ci" >&2; exit 1; }
version=$(sed -n '/^\[package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || { echo "build-extension: no [package] version in Cargo.toml" >&2; exit 1; }

# The icons, once for both browsers: dist/icons/icon-{16,32,48,128}.png and icon-off-*.png.
rm -rf dist/icons
mkdir -p dist/icons
node -e '
  const fs = require("fs");
  const { Resvg } = require("@resvg/resvg-js");
  const svg = fs.readFileSync("www/extension/icons/icon.svg", "utf8");
  if (!svg.includes("#ff5000")) throw new Error("icon.svg: the bubble colour #ff5000 is gone (the off icon replaces it)");
  const off = svg.split("#ff5000").join("#9aa1ab");
  for (const size of [16, 32, 48, 128]) {
    for (const [name, src] of [["icon", svg], ["icon-off", off]]) {
      const png = new Resvg(src, { fitTo: { mode: "width", value: size } }).render().asPng();
      fs.writeFileSync(`dist/icons/${name}-${size}.png`, png);
    }
  }
'

mkdir -p dist
for browser in chrome firefox; do
  out="dist/$browser"
  rm -rf "$out" "dist/kefu-coach-$browser.zip"
  mkdir -p "$out/pkg"
  cp -R www/extension "$out/extension"
  rm -f "$out/extension/manifest.json" "$out/extension/README.md"
  rm -rf "$out/extension/icons"
  mv "$out/extension/_locales" "$out/_locales" # the browsers look for it next to manifest.json
  cp -R dist/icons "$out/icons"
  mkdir -p "$out/assets"
  cp www/assets/core-facts.js www/assets/base.css "$out/assets/" # category labels (generated from the core), the pages' look
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
    const [src, dst, browser, version] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(src, "utf8"));
    m.version = version; // Cargo.toml is the one place the version is written
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
  ' www/extension/manifest.json "$out/manifest.json" "$browser" "$version"
  (cd "$out" && python3 -m zipfile -c "../kefu-coach-$browser.zip" manifest.json _locales icons assets extension pkg)
  echo "built $out and dist/kefu-coach-$browser.zip"
done

# Mozilla's linter, on the Firefox package (on the Chromium one it would only report that
# Firefox needs the keys the Chromium build drops). Errors fail the build; the warnings that
# remain are explained in www/extension/README.md.
node_modules/.bin/web-ext lint --source-dir dist/firefox --no-config-discovery

// The WebAssembly core, loaded once per context (content script or background), and a Coach
// built from the user's settings.
import init, { Coach } from '../pkg/kefu_coach.js';

let ready = null;

/** Instantiate the wasm module (once). Rejects where the page's CSP forbids WebAssembly. */
export function loadCore(wasmUrl) {
  if (!ready) {
    ready = init({ module_or_path: wasmUrl }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

/** Every built-in rule: [{id, category, severity, title, doc}]. */
export function rules() {
  return Coach.rules();
}

/** The core's config for these settings (see settings.js). */
export function configFrom(settings, packs) {
  const config = {
    disabled_rules: settings.disabledRules || [],
    disabled_categories: settings.disabledCategories || [],
    packs: packs || [],
  };
  if (settings.platform && settings.platform !== 'auto') config.platform = settings.platform;
  return config;
}

/**
 * A coach for these settings. Rule ids switched off earlier that no longer exist (a removed
 * team pack) are dropped rather than making every check fail.
 */
export function buildCoach(settings, packs) {
  const config = configFrom(settings, packs);
  try {
    return new Coach(config);
  } catch (e) {
    const known = new Set(Coach.rules().map((r) => r.id));
    for (const p of packs || []) {
      for (const r of (p && p.rules) || []) known.add(`${r.category}.${r.id}`);
    }
    config.disabled_rules = config.disabled_rules.filter((id) => known.has(id));
    return new Coach(config);
  }
}

/** Validate team packs with the core: resolves, or throws the core's readable message. */
export function validatePacks(packs) {
  new Coach({ packs }).free();
}

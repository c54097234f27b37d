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

/** Every built-in rule: [{id, category, severity, title, summary, doc}]. */
export function rules() {
  return Coach.rules();
}

/** The core's config for these settings, packs and team phrasebook (see settings.js). */
export function configFrom(settings, packs, phrasebook) {
  const config = {
    disabled_rules: settings.disabledRules || [],
    disabled_categories: settings.disabledCategories || [],
    packs: packs || [],
  };
  if (settings.platform && settings.platform !== 'auto') config.platform = settings.platform;
  if (phrasebook) config.phrasebook = phrasebook;
  if (settings.season === 'promo' || settings.season === 'peak') config.season = settings.season;
  return config;
}

/** Why the core refuses this team phrasebook (zh-CN, naming the entry and field), or null. */
export function phrasebookError(phrasebook) {
  let coach = null;
  try {
    coach = new Coach({ phrasebook });
    return null;
  } catch (e) {
    return String((e && e.message) || e);
  } finally {
    if (coach) coach.free();
  }
}

/**
 * A coach for these settings. Rule ids switched off earlier that no longer exist (a removed
 * team pack) are dropped rather than making every check fail; a stored phrasebook the core
 * no longer accepts is left out (the default one applies), with a warning.
 */
export function buildCoach(settings, packs, phrasebook) {
  const config = configFrom(settings, packs, phrasebook);
  if (config.phrasebook) {
    const why = phrasebookError(config.phrasebook);
    if (why) {
      console.warn(`话术教练:团队话术库未能加载,已改用默认话术(${why})`);
      delete config.phrasebook;
    }
  }
  try {
    return new Coach(config);
  } catch (e) {
    const known = new Set(Coach.rules().map((r) => r.id));
    for (const p of packs || []) {
      for (const r of (p && p.rules) || []) known.add(`${r.category}.${r.id}`);
    }
    config.disabled_rules = config.disabled_rules.filter((id) => known.has(id));
    try {
      return new Coach(config);
    } catch (packError) {
      // A pack stored before the core's limits tightened (or edited by hand) no longer
      // compiles: coach with the built-in rules rather than not at all, and say why; the
      // options page shows which pack and what to change.
      console.warn(`话术教练:团队规则包未能加载,已只用内置规则(${packError && packError.message})`);
      const builtIn = new Set(Coach.rules().map((r) => r.id));
      config.packs = [];
      config.disabled_rules = config.disabled_rules.filter((id) => builtIn.has(id));
      return new Coach(config);
    }
  }
}

// The toolbar popup: on/off for this site, what the page's content script detected (platform,
// chat context) with a per-site platform correction, today's counts.
import { ext } from '../browser.js';
import { localize, t } from '../i18n.js';
import { PLATFORMS, loadSettings, loadStats, saveSettings } from '../settings.js';
import { describeStatus } from './detected.js';

const $ = (id) => document.getElementById(id);
const platformLabel = (id) => (PLATFORMS.find(([p]) => p === id) || [id, id])[1];

async function main() {
  localize();
  const stats = await loadStats();
  $('stat-checked').textContent = String(stats.checked);
  $('stat-flagged').textContent = String(stats.flagged);
  $('stat-applied').textContent = String(stats.applied);
  $('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());

  const select = $('platform');
  for (const [id, label] of PLATFORMS) select.add(new Option(id === 'auto' ? t('platformAuto') : label, id));

  const tabId = await targetTab();
  let status = await pageStatus(tabId);
  if (!status || !status.host) {
    $('site').textContent = t('popupNoPage');
    $('site').classList.add('muted');
    return;
  }
  const host = status.host;
  $('site').textContent = host;
  const settings = await loadSettings();
  const toggle = $('site-on');
  toggle.checked = !settings.disabledSites.includes(host);
  toggle.disabled = false;
  showOn(toggle.checked);
  toggle.addEventListener('change', async () => {
    const now = await loadSettings();
    const rest = now.disabledSites.filter((h) => h !== host);
    await saveSettings({ disabledSites: toggle.checked ? rest : [...rest, host] });
    showOn(toggle.checked);
    status = (await pageStatus(tabId, 300)) || status;
    showDetected(status);
  });

  // The platform for this site: the user's correction (sitePlatforms[host]) or automatic.
  const { sitePlatforms = {} } = await ext.storage.sync.get('sitePlatforms');
  select.value = sitePlatforms[host] || 'auto';
  select.disabled = false;
  select.addEventListener('change', async () => {
    const { sitePlatforms: now = {} } = await ext.storage.sync.get('sitePlatforms');
    const next = { ...now };
    if (select.value === 'auto') delete next[host];
    else next[host] = select.value;
    await ext.storage.sync.set({ sitePlatforms: next });
    status = (await pageStatus(tabId, 300)) || status;
    showDetected(status);
  });
  showDetected(status);
  requestAnimationFrame(() => document.body.classList.add('ready'));
}

function showOn(on) {
  $('off-hint').hidden = on;
  $('detected').hidden = !on;
  document.body.classList.toggle('off', !on);
}

/** What the content script detected (detected.js), and where the platform came from. */
function showDetected(status) {
  const { text, source } = describeStatus(status, { t, platformLabel });
  const main = document.createElement('span');
  main.dataset.detected = status.platform || '';
  main.textContent = text;
  const parts = [main];
  if (source) {
    const src = document.createElement('span');
    src.className = 'muted small';
    src.textContent = ` (${source})`;
    parts.push(src);
  }
  $('detected').replaceChildren(...parts);
}

// The tab this popup is about: the active one. The extension's own tests open the popup as a
// tab and name the page's tab in the address (?tab=ID).
async function targetTab() {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (named) return named;
  try {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    return tab ? tab.id : null;
  } catch (_) {
    return null;
  }
}

// Ask the page's content script what it sees (the frame with the coached editor answers, else
// the top frame): no "tabs" permission needed.
async function pageStatus(tabId, delayMs = 0) {
  if (tabId == null) return null;
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  try {
    return await ext.tabs.sendMessage(tabId, { type: 'kefu:status' });
  } catch (_) {
    return null;
  }
}

main();

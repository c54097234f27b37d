// The toolbar popup: on/off for this site, platform preset, today's counts.
import { ext } from '../browser.js';
import { PLATFORMS, loadSettings, loadStats, saveSettings } from '../settings.js';

const $ = (id) => document.getElementById(id);

async function main() {
  const settings = await loadSettings();
  const select = $('platform');
  for (const [id, label] of PLATFORMS) select.add(new Option(label, id, false, id === settings.platform));
  select.addEventListener('change', () => saveSettings({ platform: select.value }));

  const stats = await loadStats();
  $('stat-checked').textContent = String(stats.checked);
  $('stat-flagged').textContent = String(stats.flagged);
  $('stat-applied').textContent = String(stats.applied);
  $('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());

  const toggle = $('site-on');
  toggle.disabled = true;
  const status = await pageStatus();
  if (!status) {
    $('site').textContent = '此页面无法使用话术教练(浏览器内置页面或尚未加载完成)。';
    return;
  }
  $('site').textContent = `当前网站:${status.host}`;
  toggle.checked = !settings.disabledSites.includes(status.host);
  toggle.disabled = false;
  toggle.addEventListener('change', async () => {
    const now = await loadSettings();
    const rest = now.disabledSites.filter((h) => h !== status.host);
    saveSettings({ disabledSites: toggle.checked ? rest : [...rest, status.host] });
  });
}

// Ask the page's content script for its host name: no "tabs" permission needed.
async function pageStatus() {
  try {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    if (!tab) return null;
    return await ext.tabs.sendMessage(tab.id, { type: 'kefu:status' });
  } catch (_) {
    return null;
  }
}

main();

// The extension pages' strings come from the browsers' _locales (zh_CN by default, en second):
// `t(key, ...substitutions)`, and `localize()` fills every [data-i18n*] element of a page.
import { ext } from './browser.js';

/** The message `key` in the browser's language, with $1, $2… substituted. */
export function t(key, ...subs) {
  return ext.i18n.getMessage(key, subs.map(String)) || key;
}

/** Fills the page: data-i18n (text), data-i18n-placeholder, data-i18n-title, data-i18n-aria. */
export function localize(root = document) {
  document.documentElement.lang = t('htmlLang');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-version]')) el.textContent = t('version', ext.runtime.getManifest().version);
}

// What the popup says the page's content script detected, from its `kefu:status` reply:
// "京东 · 已读取客户消息 2 条 · 首次回复", or the platform and why the chat could not be read.
// Fields a content script doesn't report (older builds: only `host`) are left out. Pure (no
// browser API): `t` gives a message, `platformLabel` a platform's name.

const SOURCES = { host: 'popupSourceHost', user: 'popupSourceUser', site: 'popupSourceSite', default: 'popupSourceDefault' };

/** {text, source}: the line, and where the platform came from ('' when not reported):
 *  platformSource 'site' (the user's choice for this host), 'host' (the marketplace's domain
 *  or the page's markup), 'user' (the options page's default), 'default'. */
export function describeStatus(status, { t, platformLabel }) {
  const parts = [];
  if (status && status.platform) parts.push(platformLabel(status.platform));
  const c = status && status.context;
  if (c && typeof c === 'object') {
    if (c.read) {
      parts.push(t('popupRead', Number(c.customerMessages) || 0));
      if (c.firstReply === true) parts.push(t('popupFirstReply'));
    } else {
      parts.push(c.reason ? String(c.reason) : t('popupNotRead'));
    }
  }
  const key = status && SOURCES[status.platformSource];
  return { text: parts.join(' · '), source: key ? t(key) : '' };
}

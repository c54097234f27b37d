// The platform preset for a page: the user's choice for this site wins, then the marketplace
// the host belongs to (its registrable domain), then the user's general choice, then what the
// page itself says (a site adapter), then the default (taobao, RULES.md).

/** Registrable domain → preset. Only these marketplaces are known; elsewhere the user decides. */
const BY_DOMAIN = {
  'taobao.com': 'taobao',
  'tmall.com': 'taobao',
  'jd.com': 'jd',
  'pinduoduo.com': 'pdd',
  'yangkeduo.com': 'pdd',
  'jinritemai.com': 'douyin',
  'douyin.com': 'douyin',
};

/** The preset of the marketplace `host` belongs to (itself or any subdomain), or ''. */
export function platformOfHost(host) {
  const h = String(host || '').toLowerCase().replace(/\.$/, '');
  for (const [domain, id] of Object.entries(BY_DOMAIN)) {
    if (h === domain || h.endsWith(`.${domain}`)) return id;
  }
  return '';
}

/**
 * {platform, source}: source is 'site' (the user's choice for this host, settings
 * sitePlatforms), 'host' (the marketplace's domain, or the page's own markup through a site
 * adapter), 'user' (settings platform), or 'default'.
 */
export function choosePlatform(host, settings, fromPage = '') {
  const site = (settings.sitePlatforms || {})[host];
  if (site && site !== 'auto') return { platform: site, source: 'site' };
  const byHost = platformOfHost(host);
  if (byHost) return { platform: byHost, source: 'host' };
  if (settings.platform && settings.platform !== 'auto') return { platform: settings.platform, source: 'user' };
  if (fromPage) return { platform: fromPage, source: 'host' };
  return { platform: 'taobao', source: 'default' };
}

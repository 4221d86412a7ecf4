// Web links people give (evidence, calls to action): one parser, so every feature accepts the same.
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|igshid|si)$/i;

/** An absolute http(s) address with a real host name (it has a dot), or null. */
export function webLink(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname)) return null;
  return url;
}

/**
 * The link in one canonical form, so the same post logged twice is recognised: the URL parser
 * lower-cases the host; the fragment, tracking parameters, credentials and a trailing slash are
 * dropped. Null when it is not a web link.
 */
export function canonicalLink(raw: string): string | null {
  const url = webLink(raw);
  if (!url) return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  url.username = '';
  url.password = '';
  return url.toString();
}

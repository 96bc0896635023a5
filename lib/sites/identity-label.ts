const SCHEME_LABELS: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  blogger: 'Blogger',
  web: 'Web',
  named: 'Blog',
};

/** How an identity key is shown to the user: the site's name and the handle, slug or address. */
export function identityLabel(key: string): { site: string; value: string } {
  const colon = key.indexOf(':');
  const scheme = colon === -1 ? '' : key.slice(0, colon);
  // Own keys only: a scheme like `constructor` must not pick up Object.prototype's members.
  const site = Object.hasOwn(SCHEME_LABELS, scheme) ? SCHEME_LABELS[scheme] : undefined;
  return { site: site ?? scheme, value: key.slice(colon + 1) };
}

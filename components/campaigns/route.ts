/**
 * Where the register page is: the register itself, the list of access reviews (`#campaigns`),
 * one review (`#campaign=<id>`) or its printable report (`#report=<id>`). The fragment never leaves the browser.
 */
import { useEffect, useState } from 'react';

export type RegisterRoute =
  | { page: 'register' }
  | { page: 'campaigns' }
  | { page: 'campaign'; campaignId: string }
  | { page: 'report'; campaignId: string };

/** Read a route from a location fragment. */
export function routeOf(hash: string): RegisterRoute {
  const one = /^#campaign=([0-9a-f-]{36})$/.exec(hash);
  if (one) return { page: 'campaign', campaignId: one[1]! };
  const report = /^#report=([0-9a-f-]{36})$/.exec(hash);
  if (report) return { page: 'report', campaignId: report[1]! };
  if (hash === '#campaigns') return { page: 'campaigns' };
  return { page: 'register' };
}

/** The fragment of a route. */
export function hashOf(route: RegisterRoute): string {
  if (route.page === 'campaign') return `#campaign=${route.campaignId}`;
  if (route.page === 'report') return `#report=${route.campaignId}`;
  return route.page === 'campaigns' ? '#campaigns' : '';
}

/** The route the page is on, following the fragment as it changes. */
export function useRegisterRoute(): RegisterRoute {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

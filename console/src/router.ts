import { useEffect, useState } from 'preact/hooks';

// Pages are hash routes (#/people, #/phones/<personId>), so the server serves one file and a
// reload keeps the page.

export type Route = { page: string; id: string | undefined };

function parseHash(hash: string): Route {
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = '', id] = path.split('/');
  return { page: page || 'overview', id: id ? decodeURIComponent(id) : undefined };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (page: string, id?: string): string => `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}`;

export function navigate(page: string, id?: string): void {
  location.hash = href(page, id);
}

import { useEffect } from 'react';
import { matchPath } from 'react-router';
import type { AppRoute } from '../routes';

export const SYSTEM_TITLE = '专业技术人员继续教育管理系统';

/**
 * The route-table entries leading to the page at `pathname`: [group, page] for a page in a menu
 * group, [page] for a top-level one, [] when no page matches (页面不存在).
 */
export function routeTrail(routes: AppRoute[], pathname: string): AppRoute[] {
  for (const route of routes) {
    if (route.path && matchPath({ path: route.path, end: true }, pathname)) return [route];
    if (route.children) {
      const below = routeTrail(route.children, pathname);
      if (below.length > 0) return [route, ...below];
    }
  }
  return [];
}

/** The browser title: `${page name} - 专业技术人员继续教育管理系统` (the system's name alone when unknown). */
export function useDocumentTitle(pageName: string | undefined) {
  useEffect(() => {
    document.title = pageName ? `${pageName} - ${SYSTEM_TITLE}` : SYSTEM_TITLE;
  }, [pageName]);
}

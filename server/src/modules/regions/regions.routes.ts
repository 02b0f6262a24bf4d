import { regionQuery, regionsResponse } from '@ce/shared';
import type { Api } from '../../core/http';
import { regionChildren } from './regions';

export function regionRoutes(app: Api) {
  app.get('/api/regions', {
    config: { access: 'public' },
    schema: {
      tags: ['行政区划'],
      summary: '行政区划（省/市/县）',
      querystring: regionQuery,
      response: { 200: regionsResponse },
    },
    handler: (req) => ({ items: regionChildren(req.query.parent) }),
  });
}

import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import { authorityRecordRoutes } from './records.authority.routes';
import { employerRecordRoutes } from './records.employer.routes';
import { personRecordRoutes } from './records.person.routes';
import { reviewRecordRoutes } from './records.review.routes';

/** 继续教育记录 (SPEC §6): the person's declarations, the employer's declarations, review and queries, the authority's query. */
export function recordsRoutes(app: Api, s: Services) {
  personRecordRoutes(app, s);
  employerRecordRoutes(app, s);
  reviewRecordRoutes(app, s);
  authorityRecordRoutes(app, s);
}

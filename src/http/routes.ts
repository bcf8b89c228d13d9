/** Every feature's routes, in one list the server registers (under /api unless public). */
import { accountRoutes } from '../features/accounts/account.routes';
import { opportunityRoutes } from '../features/opportunities/opportunity.routes';
import type { FeatureRoutes } from '../features/route-kit';

export const apiRoutes: FeatureRoutes[] = [opportunityRoutes, accountRoutes];

/** Routes outside /api (the calendar feed, fetched by calendar apps with no cookie). */
export const publicRoutes: FeatureRoutes[] = [];

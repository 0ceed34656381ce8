import type express from 'express';
import type { AppContext } from './context';
import { mountAuthRoutes } from './auth/routes';
import { mountPasswordResetRoutes } from './auth/password-reset-routes';
import { mountHealthRoutes } from './http/health';
import { mountImportRoutes } from './import/routes';
import { attachSocketGate } from './http/security';
import { mountAdminUserRoutes } from './admin/users-routes';
import { mountAuditRoutes } from './admin/audit-routes';
import { mountCommitteeRoutes } from './committees/routes';
import { mountMemberRoutes } from './reviews/members-routes';
import { mountReviewStatusRoutes } from './reviews/status-routes';
import { mountAnalysisRoutes } from './reviews/analysis-routes';
import { mountExportRoutes } from './export/routes';
import { attachCollab } from './collab/socket-module';
import { mountReviewRoutes } from './reviews/routes';
import { mountMentionRoutes } from './reviews/mentions-routes';
import { mountReviewTitleRoutes } from './reviews/title-routes';
import { mountVersionRoutes } from './versions/routes';
import { mountRecommendationRoutes } from './recommendations/routes';
import { mountRecommendationStatsRoutes } from './recommendations/stats-routes';
import { mountAmendRoutes } from './amend/routes';
import { mountStaticClient } from './http/static';
import { mountChecklistUiRoutes } from './ui-api/checklist-routes';
import { mountChecklistStatsRoutes } from './checklist/stats-routes';

/**
 * The feature modules of the server, in mounting order. Each one owns its routes (and their schemas)
 * or its socket events; createApp mounts them all. Add a module with one line here.
 */
export const ROUTE_MODULES: Array<(app: express.Express, ctx: AppContext) => void> = [
  mountHealthRoutes,
  mountAuthRoutes,
  mountPasswordResetRoutes,
  mountImportRoutes,
  mountAdminUserRoutes,
  mountAuditRoutes,
  mountCommitteeRoutes,
  mountMemberRoutes,
  mountReviewStatusRoutes,
  mountAnalysisRoutes,
  mountExportRoutes,
  mountVersionRoutes,
  mountRecommendationRoutes,
  mountRecommendationStatsRoutes,
  mountAmendRoutes,
  mountReviewRoutes,
  mountMentionRoutes,
  mountReviewTitleRoutes,
  mountChecklistUiRoutes,
  mountChecklistStatsRoutes,
  mountStaticClient,
];

export const SOCKET_MODULES: Array<(ctx: AppContext) => void> = [
  attachSocketGate,
  attachCollab,
];

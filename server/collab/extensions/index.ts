import type { CollabExtension } from '../extension';
import { auditChanges } from './audit';
import { findingCounts } from './finding-counts';
import { firstAnalysis } from './first-analysis';
import { seedFromImport } from './seed-from-import';
import { versionDocs } from './version-docs';

/**
 * The collaboration extensions, in the order the hub calls them (extension.ts). Add a feature that
 * lives with the docs — readings' versions, notifications — with one line here, like modules.ts does
 * for routes.
 */
export const COLLAB_EXTENSIONS: readonly CollabExtension[] = [seedFromImport, versionDocs, auditChanges, findingCounts, firstAnalysis];

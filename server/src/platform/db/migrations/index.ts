import type { Migration } from 'kysely/migration';
import * as foundation from './202611260001_foundation.js';
import * as jobsAndUploads from './202611260002_jobs_and_uploads.js';
import * as registry from './202611260003_registry.js';
import * as reformOffice from './202611260004_reform_office.js';
import * as conversion from './202611260005_conversion.js';
import * as registryListIndexes from './202611260006_registry_list_indexes.js';
import * as skillFormation from './202611260007_skill_formation.js';
import * as dataElements from './202611260008_data_elements.js';
import * as reporting from './202611260009_reporting.js';
import * as indicators from './202611260010_indicators.js';
import * as conversionFacts from './202611260011_conversion_facts.js';
import * as workerSearchCover from './202611260013_worker_search_cover.js';
import * as skillCountsOrg from './202611260014_skill_counts_org.js';
import * as skillSinceCover from './202611260015_skill_since_cover.js';
import * as conversionFactsSettled from './202611260016_conversion_facts_settled.js';
import * as conversionFactsMasks from './202611260017_conversion_facts_masks.js';
import * as conversionFactsDeferred from './202611260018_conversion_facts_deferred.js';
import * as workerUserPartial from './202611260019_worker_user_partial.js';
import * as conversionFactsHorizon from './202611260020_conversion_facts_horizon.js';
import * as conversionFactsTally from './202611260021_conversion_facts_tally.js';

/** Every migration, in order. Names are timestamps; a migration is frozen once merged. */
export const migrations: Record<string, Migration> = {
  '202611260001_foundation': foundation,
  '202611260002_jobs_and_uploads': jobsAndUploads,
  '202611260003_registry': registry,
  '202611260004_reform_office': reformOffice,
  '202611260005_conversion': conversion,
  '202611260006_registry_list_indexes': registryListIndexes,
  '202611260007_skill_formation': skillFormation,
  '202611260008_data_elements': dataElements,
  '202611260009_reporting': reporting,
  '202611260010_indicators': indicators,
  '202611260011_conversion_facts': conversionFacts,
  '202611260013_worker_search_cover': workerSearchCover,
  '202611260014_skill_counts_org': skillCountsOrg,
  '202611260015_skill_since_cover': skillSinceCover,
  '202611260016_conversion_facts_settled': conversionFactsSettled,
  '202611260017_conversion_facts_masks': conversionFactsMasks,
  '202611260018_conversion_facts_deferred': conversionFactsDeferred,
  '202611260019_worker_user_partial': workerUserPartial,
  '202611260020_conversion_facts_horizon': conversionFactsHorizon,
  '202611260021_conversion_facts_tally': conversionFactsTally,
};

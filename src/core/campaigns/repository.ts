// Storage the campaigns feature needs. Implemented in src/db/campaign-store.ts.
// (Filled in by the campaigns issue.)
export interface CampaignRepository {}

import type { ClusterFeature } from '@/lib/schemas/features';

/**
 * The levels a feature can be upgraded to from the page: above the finalized level, up to the highest level every
 * broker read supports (Kafka's controller also checks the controllers' ranges, and the dry run shows its verdict).
 * Empty when the feature is at that maximum already.
 */
export function upgradeLevels(feature: Pick<ClusterFeature, 'finalizedLevel' | 'supportedMaxLevel'>): number[] {
  const levels: number[] = [];
  for (let level = feature.finalizedLevel + 1; level <= feature.supportedMaxLevel; level += 1) levels.push(level);
  return levels;
}

/** An option's text: the level, and for the highest one the release name the page already knows (metadata.version). */
export function upgradeLevelText(feature: Pick<ClusterFeature, 'supportedMaxLevel' | 'labels'>, level: number): string {
  const label = level === feature.supportedMaxLevel ? feature.labels.supportedMax : String(level);
  return label === String(level) ? String(level) : `${level} (${label})`;
}

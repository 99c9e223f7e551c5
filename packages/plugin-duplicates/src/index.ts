export { duplicates, duplicatesSuggestedEvent } from './duplicates-plugin.js';
export { duplicatesOptions, type DuplicatesOptions, type DuplicatesOptionsInput } from './duplicates-options.js';
export { listDuplicates, type DuplicatesListing, type ListedDuplicate } from './duplicates-route.js';
export { textSimilarity, sharedPassage, bigramProfile, diceSimilarity, MAX_SCORED_UNITS, type BigramProfile } from './text-similarity.js';
export { normalizeText, textUnits, joinUnits } from './normalize-text.js';

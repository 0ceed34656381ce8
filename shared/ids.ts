/** Branded identifiers: a clause id can never be passed where a review id is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type ClauseId = Brand<string, 'ClauseId'>;
export type ReviewId = Brand<string, 'ReviewId'>;
export type UserId = Brand<string, 'UserId'>;
export type FindingId = Brand<string, 'FindingId'>;

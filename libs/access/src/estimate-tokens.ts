/**
 * A cheap, deliberately generous estimate of a prompt's tokens for admission (tokenizers differ by model;
 * ~4 characters per token is the usual English average, so this errs high for code and CJK it errs low on).
 * The estimate only sizes the reservation: settling replaces it with the upstream's real usage.
 */
export function estimateTokensFromLength(characters: number): number {
  return Math.ceil(Math.max(characters, 0) / 4);
}

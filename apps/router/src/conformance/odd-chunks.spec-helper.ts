/** Chunk sizes that cut frames, lines, JSON strings and multi-byte characters at every possible place. */
const ODD_SIZES = [1, 3, 5, 7, 11, 13, 17];

/** `bytes` as a TCP stream might deliver them: small chunks of odd sizes, cycling through ODD_SIZES. */
export function oddChunks(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = ODD_SIZES[i % ODD_SIZES.length] ?? 1;
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

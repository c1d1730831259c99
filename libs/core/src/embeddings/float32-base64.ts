/**
 * A vector as OpenAI's `encoding_format: "base64"` carries it: the base64 of its float32 values in
 * little-endian byte order, whatever the platform's order (the SDKs decode it as LE float32; a float list
 * or big-endian bytes would be read as other numbers without any error). Values are rounded to float32.
 */
export function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

/** The inverse of `float32Base64`: the float32 values (as JS numbers) of a base64 little-endian payload. */
export function float32FromBase64(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  const values: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) values.push(bytes.readFloatLE(offset));
  return values;
}

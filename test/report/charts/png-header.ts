/** What a PNG says of itself: its 8-byte signature and the IHDR chunk's width and height (big-endian, bytes 16-23). */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(png: Uint8Array): { signature: boolean; width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: PNG_SIGNATURE.every((byte, index) => png[index] === byte),
    width: png.byteLength >= 24 ? view.getUint32(16) : 0,
    height: png.byteLength >= 24 ? view.getUint32(20) : 0,
  };
}

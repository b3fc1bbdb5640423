/**
 * A loaded side (or any value) as plain data to compare: its maps as entries and its buffers' bytes as
 * text (blobs read together are views of one larger buffer; a file's `locate` is a function, dropped).
 */
export function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, v: unknown) =>
      v instanceof Map
        ? { map: [...v.entries()] }
        : v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
          ? { bytes: Buffer.from((v as { data: number[] }).data).toString('latin1') }
          : v,
    ),
  );
}

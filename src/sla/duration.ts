/** A parsed duration: whole minutes (fractions from ISO seconds are kept), and whether it counted days. */
export interface Duration {
  minutes: number;
  usesDays: boolean;
}

const SHORT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses `15m`, `4h`, `1h30m`, `2d` or ISO 8601 (`PT4H`, `P1DT2H`); null for anything else. */
export function parseDuration(value: unknown): Duration | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  const short = SHORT.exec(value);
  if (short && (short[1] ?? short[2] ?? short[3]) !== undefined) {
    const [, d, h, m] = short;
    return { minutes: num(d) * 1440 + num(h) * 60 + num(m), usesDays: d !== undefined };
  }
  const iso = ISO.exec(value);
  if (iso && value !== 'P' && value !== 'PT' && !value.endsWith('T')) {
    const [, d, h, m, s] = iso;
    if (d === undefined && h === undefined && m === undefined && s === undefined) return null;
    return { minutes: num(d) * 1440 + num(h) * 60 + num(m) + num(s) / 60, usesDays: d !== undefined };
  }
  return null;
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

/** Writes minutes the way people write them in the files: `4h`, `1h30m`, `15m`, `0m`. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  if (total === 0) return '0m';
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return sign + (h > 0 ? `${h}h` : '') + (m > 0 ? `${m}m` : '');
}

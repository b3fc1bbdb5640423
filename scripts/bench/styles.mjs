// Authors' styles for the bench's generated partnerships: the same content
// (portfolio.mjs writes it in the house style), written as other people write
// YAML. Each style is a function of a file's lines (and a seeded random
// source) to its text. The values stay valid partnership data: only how they
// are written changes, and what prose fields say.

/** Keys whose values are free text, safe to reword. */
const TEXT_KEYS = new Set(['name', 'title', 'description', 'summary', 'notes', 'mitigation', 'contingency', 'client', 'provider']);
/** Keys whose text may be long: written as block scalars or over several lines. */
const LONG_KEYS = new Set(['description', 'notes', 'mitigation', 'contingency', 'summary']);

/** What people put in names and prose: YAML's indicators as text, apostrophes, non-ASCII, emoji. */
const NAMES = [
  'AT&T',
  'Marks & Spencer',
  'R&D',
  'Globex & Initech',
  'Procter & Gamble',
  "O'Brien & Sons",
  'Zoë Müller',
  'Søren Ødegård',
  'Łukasz Wróbel',
  '東京 office',
  'José Núñez',
  'Ærø IT',
];
const PHRASES = [
  'SLA >99.9 % in every month',
  'response <15 min for P1',
  'see clause 4.2 * (footnote)',
  'works with R&D and QA',
  "client's own hardware",
  'priority: high (agreed)',
  'Team #1 on call',
  'escalate! then wait',
  'A & B <-> C',
  'done ✅ on time 🚀',
  'naïve café rota',
  '50 % / 50 % split',
];
const COMMENTS = [
  'TODO: check with AT&T',
  'agreed in the QBR * see minutes',
  "client's wording, don't change",
  'SLA >99.9 % (contract §4)',
  'R&D asked for this: yes!',
  '<owner> confirms each quarter',
  'note: keep in sync with the MSA',
  '🚧 draft',
];

/** A scalar written plainly when YAML would read it back as the same text, else quoted (`quote`: the quote preferred). */
function scalar(text, quote) {
  const plainOk =
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|\t|\s$/.test(text) &&
    !/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9._:eExob+-]*|[-+]?\.[0-9].*|\.inf|\.nan)$/.test(text);
  if (quote === undefined && plainOk) return text;
  if (quote === "'" || (quote === undefined && !text.includes("'"))) return `'${text.replace(/'/g, "''")}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `indent key: value  # comment`, split; undefined for other lines. */
function split(line) {
  const m = /^( *)(- )?([A-Za-z][A-Za-z0-9_-]*): +(.*[^ \t])[ \t]*$/.exec(line);
  if (!m) return undefined;
  return { indent: m[1], dash: m[2] ?? '', key: m[3], value: m[4] };
}

/** The same text, reworded the way people write prose: names with `&`, `'`, non-ASCII; indicators inside sentences. */
function reword(value, rnd) {
  if (!/^[A-Za-z]/.test(value) || /[:#"'{}[\]]/.test(value)) return undefined;
  const r = rnd();
  if (r < 0.3) return `${value}, with ${NAMES[Math.floor(rnd() * NAMES.length)]}`;
  if (r < 0.6) return `${value} (${PHRASES[Math.floor(rnd() * PHRASES.length)]})`;
  return `${NAMES[Math.floor(rnd() * NAMES.length)]}: ${value}`;
}

/** A long text for a block scalar: the value and a sentence or two more. */
function longText(value, rnd) {
  const safe = PHRASES.filter((p) => !p.includes(': '));
  const more = [safe[Math.floor(rnd() * safe.length)], `Agreed with ${NAMES[Math.floor(rnd() * NAMES.length)]} in 2025.`];
  return [value, ...more];
}

/** Rewrites prose fields; `habit` decides how a long text is written. */
function prose(lines, rnd, { blockShare = 0.3, multiLineShare = 0.15, quote } = {}) {
  const out = [];
  for (const line of lines) {
    const s = split(line);
    if (!s || !TEXT_KEYS.has(s.key) || /^[>|]/.test(s.value) || rnd() < 0.35) {
      out.push(line);
      continue;
    }
    const text = reword(s.value.replace(/^"(.*)"$/, '$1'), rnd);
    if (text === undefined) {
      out.push(line);
      continue;
    }
    const inner = `${s.indent}${s.dash ? '  ' : ''}`;
    const r = rnd();
    if (LONG_KEYS.has(s.key) && r < blockShare) {
      const header = ['|', '>', '>-', '|-'][Math.floor(rnd() * 4)];
      out.push(`${s.indent}${s.dash}${s.key}: ${header}`, ...longText(text, rnd).map((t) => `${inner}  ${t}`));
    } else if (LONG_KEYS.has(s.key) && r < blockShare + multiLineShare && !text.includes('"')) {
      const [first, ...rest] = longText(text, rnd);
      out.push(`${s.indent}${s.dash}${s.key}: "${first}`, ...rest.map((t, i) => `${inner}  ${t}${i === rest.length - 1 ? '"' : ''}`));
    } else {
      out.push(`${s.indent}${s.dash}${s.key}: ${scalar(text, quote)}`);
    }
  }
  return out;
}

/** Quotes every text value (double or single quotes), leaving numbers, booleans and flow collections alone. */
function quoteAll(lines, rnd) {
  return lines.map((line) => {
    const s = split(line);
    if (!s || /^[[{"'>|]|[\]}]$/.test(s.value) || /^(?:true|false|[-+]?[0-9.]+)$/.test(s.value) || / #/.test(s.value)) return line;
    return `${s.indent}${s.dash}${s.key}: ${scalar(s.value, rnd() < 0.6 ? '"' : "'")}`;
  });
}

/** Comments everywhere: a header, above keys, after values, inside lists; with `& * ! : < > '` in them. */
function commentEverywhere(lines, rnd) {
  const pick = () => COMMENTS[Math.floor(rnd() * COMMENTS.length)];
  const out = [`# ${pick()}`, '#', `# Maintained by ${NAMES[Math.floor(rnd() * NAMES.length)]} * do not edit by hand`, ''];
  let inBlock = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (inBlock >= 0 && (line.trim() === '' || indent > inBlock)) {
      out.push(line);
      continue;
    }
    inBlock = -1;
    const s = split(line);
    if (s && /^[>|]/.test(s.value)) inBlock = s.indent.length + s.dash.length;
    if (/^[a-z]/i.test(line) && rnd() < 0.5) out.push('', `# ---- ${pick()} ----`);
    else if (s && rnd() < 0.1) out.push(`${s.indent}# ${pick()}`);
    if (s && inBlock < 0 && !/^"[^"]*$|^'[^']*$/.test(s.value) && rnd() < 0.3) out.push(`${line}  # ${pick()}`);
    else out.push(line);
  }
  return out;
}

/** Flow collections written as blocks; list items whose mapping starts on the next line (`-` alone); trailing tabs. */
function blockStyle(lines, rnd) {
  const out = [];
  for (const line of lines) {
    const item = /^( *)- \{ (.+) \}$/.exec(line);
    if (item && !/[[{"]/.test(item[2])) {
      const pairs = item[2].split(', ');
      if (rnd() < 0.5) {
        out.push(`${item[1]}-`);
        for (const p of pairs) out.push(`${item[1]}  ${p}`);
      } else {
        out.push(`${item[1]}- ${pairs[0]}`, ...pairs.slice(1).map((p) => `${item[1]}  ${p}`));
      }
      continue;
    }
    const s = split(line);
    const list = s && /^\[([^[\]{}"]+)\]$/.exec(s.value);
    if (list && !s.dash) {
      out.push(`${s.indent}${s.key}:`, ...list[1].split(', ').map((v) => `${s.indent}  - ${v}`));
      continue;
    }
    const map = s && /^\{ ([^[\]{}"]+) \}$/.exec(s.value);
    if (map && !s.dash) {
      out.push(`${s.indent}${s.key}:`, ...map[1].split(', ').map((p) => `${s.indent}  ${p}`));
      continue;
    }
    out.push(line);
  }
  return out;
}

/** A tab left after some values, as editors leave them. */
function trailingTabs(lines, rnd) {
  return lines.map((line) => (split(line) && !/[>|]$/.test(line) && rnd() < 0.08 ? `${line}\t` : line));
}

/** Flow collections split over several lines, as some authors align them. */
function flowStyle(lines, rnd) {
  const out = [];
  for (const line of lines) {
    const item = /^( *)- \{ (.+) \}$/.exec(line);
    if (item && !/[[{"]/.test(item[2]) && rnd() < 0.5) {
      const pairs = item[2].split(', ');
      const half = Math.ceil(pairs.length / 2);
      out.push(`${item[1]}- { ${pairs.slice(0, half).join(', ')},`, `${item[1]}    ${pairs.slice(half).join(', ')} }`);
      continue;
    }
    const s = split(line);
    const list = s && /^\[([^[\]{}"]+)\]$/.exec(s.value);
    if (list && !s.dash && list[1].includes(', ') && rnd() < 0.5) {
      out.push(`${s.indent}${s.key}: [`, ...list[1].split(', ').map((v, i, all) => `${s.indent}  ${v}${i < all.length - 1 ? ',' : ''}`), `${s.indent}]`);
      continue;
    }
    out.push(line);
  }
  return out;
}

/** The file's text with Windows line ends, a byte-order mark, a %YAML 1.2 directive and document markers. */
function windows(text, rnd) {
  let t = text;
  if (rnd() < 0.6) t = `%YAML 1.2\n---\n${t}`;
  else if (rnd() < 0.5) t = `---\n${t}...\n`;
  t = t.replace(/\n/g, '\r\n');
  return rnd() < 0.7 ? `\ufeff${t}` : t;
}

const join = (lines) => `${lines.join('\n')}\n`;

/**
 * The styles, by name: each turns a file's lines into its text. `house` is the
 * project's own; `mixed` gives each file a random handful of the others' habits.
 */
export const STYLES = {
  house: (lines) => join(lines),
  quoted: (lines, rnd) => join(quoteAll(prose(lines, rnd, { quote: '"', blockShare: 0, multiLineShare: 0.2 }), rnd)),
  commented: (lines, rnd) => join(commentEverywhere(lines, rnd)),
  prose: (lines, rnd) => join(prose(lines, rnd)),
  block: (lines, rnd) => join(trailingTabs(blockStyle(prose(lines, rnd, { blockShare: 0.5 }), rnd), rnd)),
  flow: (lines, rnd) => join(flowStyle(lines, rnd)),
  windows: (lines, rnd) => windows(join(prose(lines, rnd)), rnd),
  mixed: (lines, rnd) => {
    let out = lines;
    if (rnd() < 0.6) out = prose(out, rnd);
    if (rnd() < 0.3) out = blockStyle(out, rnd);
    else if (rnd() < 0.2) out = flowStyle(out, rnd);
    if (rnd() < 0.3) out = quoteAll(out, rnd);
    if (rnd() < 0.4) out = commentEverywhere(out, rnd);
    if (rnd() < 0.2) out = trailingTabs(out, rnd);
    const text = join(out);
    return rnd() < 0.25 ? windows(text, rnd) : text;
  },
};

export const STYLE_NAMES = Object.keys(STYLES);

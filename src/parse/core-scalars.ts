// YAML 1.2 core-schema plain scalars, exactly as `yaml` resolves them. The two
// fast readers (line-yaml.ts, fast-yaml.ts) share these so that neither can
// drift from the other; test/parse/fast-yaml.property.test.ts holds both to `yaml`.
// (js-yaml's own core schema differs: `0b1`, `1_000` and `-.5` read differently.)

export const NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const INT = /^[-+]?[0-9]+$/;
export const INT_OCT = /^0o[0-7]+$/;
export const INT_HEX = /^0x[0-9a-fA-F]+$/;
export const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

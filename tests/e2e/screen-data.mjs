// Test data for list screening: a seeded generator of CSV lists in the
// format of `amnistia screen` (valid rows of every kind, and bad ones), and
// the command line itself, to compare the page with.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './interview.mjs';

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITUATIONS = ['detained', 'house_arrest', 'precautionary_measures', 'wanted', 'investigated', 'convicted_serving', 'free'];
const PHASES = ['investigation', 'control', 'trial', 'appeal', 'execution'];
const CHARGES = ['terrorism', 'incitement_to_hatred', 'instigation', 'resistance_to_authority', 'property_damage', 'arson',
  'road_obstruction', 'illegal_weapons', 'rebellion', 'military_rebellion', 'treason', 'criminal_association',
  'intentional_homicide', 'drug_trafficking', 'corruption', 'human_rights_violation', 'foreign_armed_action', 'other'];
const BOOLS = ['sí', 'si', 'no', 'true', 'false', '1', '0', 'yes'];
const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * `n` data rows after a header (columns shuffled), with about 5% bad rows
 * (bad dates, unknown values, too many cells, an open quote) and a few blank
 * lines. The same seed gives the same file.
 */
export function makeCsv(n, seed = 2026) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const maybe = (p, f) => (r() < p ? f() : '');
  const pad = (x) => String(x).padStart(2, '0');
  const date = () => {
    const y = 2000 + Math.floor(r() * 27);
    const k = r();
    if (k < 0.2) return String(y);
    if (k < 0.5) return `${y}-${pad(1 + Math.floor(r() * 12))}`;
    return `${y}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  };
  const columns = ['id', 'law', 'situation', 'abroad', 'ceasedConduct', 'label', 'factsDate', 'factsDateEnd', 'event', 'charges', 'phase', 'militaryJustice'];
  for (let i = columns.length - 1; i > 0; i -= 1) {
    const j = Math.floor(r() * (i + 1));
    [columns[i], columns[j]] = [columns[j], columns[i]];
  }
  const lines = [columns.join(',')];
  for (let i = 0; i < n; i += 1) {
    const bad = r() < 0.05 ? Math.floor(r() * 7) : -1;
    const row = {
      id: r() < 0.9 ? (r() < 0.05 ? `Caso ${i}, "B"` : `R-${i}`) : '',
      law: bad === 0 ? 'ley-inventada' : maybe(0.1, () => 'draft-2026-02-05'),
      situation: bad === 1 ? 'en la cárcel' : maybe(0.7, () => pick(SITUATIONS)),
      abroad: maybe(0.6, () => pick(BOOLS)),
      ceasedConduct: bad === 2 ? 'quizás' : maybe(0.6, () => pick(BOOLS)),
      label: maybe(0.2, () => `Tribunal ${1 + Math.floor(r() * 9)}º de Control, Caracas`),
      factsDate: bad === 3 ? '2024-13-40' : maybe(0.85, date),
      factsDateEnd: '',
      event: bad === 4 ? '14' : maybe(0.75, () => (r() < 0.1 ? 'none' : String(1 + Math.floor(r() * 13)))),
      charges: bad === 5 ? 'robo_de_gallinas' : maybe(0.8, () => (r() < 0.1 ? 'none'
        : Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(CHARGES)).join(pick([';', '|', '/'])))),
      phase: maybe(0.5, () => pick(PHASES)),
      militaryJustice: maybe(0.6, () => pick(BOOLS)),
    };
    if (row.factsDate && r() < 0.15) row.factsDateEnd = `${Number(row.factsDate.slice(0, 4)) + (r() < 0.9 ? 1 : -1)}`;
    let line = columns.map((c) => q(row[c])).join(',');
    if (bad === 6) line += r() < 0.5 ? ',sobra' : ',"abierta';
    lines.push(line);
    if (r() < 0.003) lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** The CLI binary, built with cargo when it is missing or older than the sources. */
export function cliBinary() {
  const bin = path.join(ROOT, 'target', 'release', 'amnistia');
  const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
  const sources = Math.max(newest(path.join(ROOT, 'src')), ...['build.rs', 'Cargo.toml', 'Cargo.lock'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  if (!fs.existsSync(bin) || fs.statSync(bin).mtimeMs < sources) {
    const cargoBin = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin');
    execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'amnistia'], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PATH: `${cargoBin}:${process.env.PATH}` },
    });
  }
  return bin;
}

/** `amnistia screen --format csv FILE` (stdout), for text written to a temporary file named `name`. */
export function cliScreen(text, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amnistia-screen-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    return execFileSync(cliBinary(), ['screen', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

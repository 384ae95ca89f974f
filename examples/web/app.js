// A front end that imports astreinte's browser-safe core: pick a team file (or the example), see its coverage
// (an hour-of-week heatmap and the gaps), the rota of a chosen week, and an SMS read into callback windows as one
// types. Plain ES modules and the DOM, no framework. Built by examples/web/build.mjs (esbuild bundles this file
// and the library into dist/app.js); the page never sends anything anywhere: the team file stays on the machine.
import {
  buildZoneTable,
  computeCoverage,
  formatInstant,
  generateRota,
  localToInstant,
  parseLocalDate,
  parseLocalDateTime,
  parseTeam,
  readCallbackWindows,
  startOfLocalDate,
  ValidationError,
} from 'astreinte';
import example from '../ca-va-patron.json';

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const LAYER_NAMES = { primary: 'premier niveau', backup: 'second niveau' };
const COVERAGE_DAYS = 28;

const $ = (id) => document.getElementById(id);

/** The page's whole state: the parsed team (or none). Replaced, never mutated. */
let team;

/** Builds an element with attributes and children (strings become text nodes: nothing is parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function showErrors(messages) {
  $('errors').replaceChildren(...messages.map((message) => el('li', {}, message)));
}

function loadTeam(json, label) {
  try {
    team = parseTeam(json);
  } catch (error) {
    team = undefined;
    if (!(error instanceof ValidationError)) throw error;
    $('team-status').textContent = `${label} : fichier refusé`;
    showErrors(error.issues.map((issue) => issue.message));
    render();
    return;
  }
  showErrors([]);
  $('team-status').textContent =
    `${label} : ${team.name}, ${team.coaches.length} écoutants (${team.timeZone})`;
  render();
}

/** `[monday 00:00, +days)` in the team's zone, from the week picker. */
function horizon(days) {
  const day = parseLocalDate($('week').value);
  if (day === undefined) return undefined;
  const from = startOfLocalDate(team.timeZone, day);
  return { from, to: startOfLocalDate(team.timeZone, day + days) };
}

function render() {
  const range = team === undefined ? undefined : horizon(COVERAGE_DAYS);
  if (range === undefined) {
    for (const id of ['coverage-summary']) $(id).textContent = '';
    $('heatmap').replaceChildren();
    $('gaps').tBodies[0].replaceChildren();
    $('rota').tBodies[0].replaceChildren();
    return;
  }
  const zone = buildZoneTable(team.timeZone, range.from, range.to);
  const coverage = computeCoverage(team, range);
  const share = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  $('coverage-summary').textContent =
    `${share.format(coverage.stats.coverageRatio)} du temps couvert, ${coverage.gaps.length} trous.`;
  $('heatmap').replaceChildren(heatmap(coverage.hourOfWeek));
  $('gaps').tBodies[0].replaceChildren(
    ...coverage.gaps.map((gap) =>
      el(
        'tr',
        { 'data-start': formatInstant(zone, gap.start), 'data-end': formatInstant(zone, gap.end) },
        el('td', {}, local(zone, gap.start)),
        el('td', {}, local(zone, gap.end)),
        el('td', {}, duration(gap.end - gap.start)),
      ),
    ),
  );
  const week = horizon(7);
  const rota = generateRota(team, week);
  const names = new Map(team.coaches.map((coach) => [coach.id, coach.name]));
  $('rota').tBodies[0].replaceChildren(
    ...rota.shifts.map((shift) =>
      el(
        'tr',
        { 'data-layer': shift.layer, 'data-coach': shift.coachId },
        el('td', {}, LAYER_NAMES[shift.layer] ?? shift.layer),
        el('td', {}, names.get(shift.coachId) ?? shift.coachId),
        el('td', {}, local(zone, shift.start)),
        el('td', {}, local(zone, shift.end)),
      ),
    ),
  );
}

/** 7 rows x 24 hours, darker where more of the hour is covered; each cell says its figure in words. */
function heatmap(cells) {
  const grid = el('div', {
    class: 'heatmap',
    role: 'img',
    'aria-label': 'Part couverte de chaque heure de la semaine',
  });
  grid.append(el('div', {}), ...Array.from({ length: 24 }, (_, h) => el('div', {}, String(h))));
  const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
  for (let day = 0; day < 7; day++) {
    grid.append(el('div', {}, DAY_NAMES[day].slice(0, 3)));
    for (let hour = 0; hour < 24; hour++) {
      const cell = cells[day * 24 + hour];
      const label = `${DAY_NAMES[day]} ${hour} h : ${percent.format(cell.coveredShare)} couvert`;
      const light = Math.round(95 - cell.coveredShare * 60);
      grid.append(
        el('div', {
          class: 'cell',
          title: label,
          'aria-label': label,
          'data-share': String(cell.coveredShare),
          style: `background: hsl(150 45% ${light}%)`,
        }),
      );
    }
  }
  return grid;
}

/** `lun. 07/12 18:00`: local time in the team's zone, read from the zone table (not the browser's zone). */
function local(zone, t) {
  const iso = formatInstant(zone, t);
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = DAY_NAMES[(date.getUTCDay() + 6) % 7].slice(0, 3);
  return `${day} ${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`;
}

function duration(ms) {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** Reads the SMS box into callback windows on every keystroke, in the team's zone (Paris without a team). */
function readSms() {
  const zone = team?.timeZone ?? 'Europe/Paris';
  const wall = parseLocalDateTime($('received-at').value);
  const text = $('sms').value;
  if (wall === undefined || text.trim() === '') {
    $('understood').textContent = '';
    $('windows').replaceChildren();
    return;
  }
  // Wall-clock ms read as UTC are within a day of the instant: a table two days either side holds it.
  const table = buildZoneTable(zone, wall - 2 * 86_400_000, wall + 40 * 86_400_000);
  const receivedAt = localToInstant(table, wall);
  let reading;
  try {
    reading = readCallbackWindows(text, { receivedAt, timeZone: zone });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The messages never quote the text (it is the caller's): they can be shown as they are.
    $('understood').textContent = error.issues.map((issue) => issue.message).join(' ; ');
    $('windows').replaceChildren();
    return;
  }
  $('understood').textContent = reading.understood;
  $('windows').replaceChildren(
    ...reading.windows.map((w) =>
      el(
        'li',
        { 'data-start': formatInstant(table, w.start), 'data-end': formatInstant(table, w.end) },
        `${local(table, w.start)} → ${local(table, w.end)}`,
      ),
    ),
  );
}

$('use-example').addEventListener('click', () => loadTeam(example, 'Exemple'));
$('sms').addEventListener('input', readSms);
$('received-at').addEventListener('change', readSms);
$('week').addEventListener('change', render);
$('team-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (file === undefined) return;
  let json;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    team = undefined;
    showErrors([`${file.name} : ce n’est pas du JSON (${error.message})`]);
    render();
    return;
  }
  loadTeam(json, file.name);
});

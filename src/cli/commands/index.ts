/**
 * Every subcommand of `astreinte`, in the order `--help` lists them. A subcommand is one module of this folder
 * exporting a {@link Subcommand}; adding one is adding its line here.
 *
 * @module
 */
import type { Subcommand } from '../command.js';
import { coverageCommand } from './coverage.js';
import { demoCommand } from './demo.js';
import { feedsCommand } from './feeds.js';
import { intakeCommand } from './intake.js';
import { matchCommand } from './match.js';
import { reportCoverageCommand, reportMonthlyCommand } from './report.js';
import { rotaCommand } from './rota.js';
import { schemaCommand } from './schema.js';
import { serveCommand } from './serve.js';
import { slaCommand, slaExposureCommand } from './sla.js';
import { tokensIssueCommand, tokensRevokeCommand } from './tokens.js';
import { validateCommand } from './validate.js';

/** The subcommands, in the order of the story: check the files, see the gaps, build the rota, place the calls. */
export const COMMANDS: readonly Subcommand[] = [
  demoCommand,
  validateCommand,
  coverageCommand,
  rotaCommand,
  intakeCommand,
  matchCommand,
  slaCommand,
  slaExposureCommand,
  reportCoverageCommand,
  reportMonthlyCommand,
  feedsCommand,
  tokensIssueCommand,
  tokensRevokeCommand,
  serveCommand,
  schemaCommand,
];

/** Job declarations the apply script would mishandle: option-like or control-character names, huge params, re-run duplicates. */
import type { MisconfigurationCase } from '../misconfiguration-case';
import { job } from '../misconfiguration-case';

function nameCase(id: string, title: string, name: string, fix: RegExp = /rename the job/): MisconfigurationCase {
  return {
    id,
    title,
    rule: 'cron-job-name',
    object: 'config.cronJobs[0].name',
    fix,
    variant: (c) => {
      job(c).name = name;
    },
  };
}

export const applyScriptCases: readonly MisconfigurationCase[] = [
  nameCase('name-dash', 'a job name starting with "-"', '-daily'),
  nameCase('name-double-dash', 'a job name that looks like --help', '--help'),
  nameCase('name-nul', 'a job name with NUL', 'daily\u0000report'),
  nameCase('name-escape', 'a job name with an ANSI escape', '\u001b[31mdaily'),
  nameCase('name-newline', 'a job name with a newline', 'daily\nreport'),
  nameCase('name-tab', 'a job name with a tab', 'daily\treport'),
  nameCase('name-del', 'a job name with DEL', 'daily\u007freport'),
  nameCase('name-nfd', 'a job name in NFD form', 'Cafe\u0301 report', /write the name in NFC/),
  nameCase('name-blank', 'a job name of spaces', '   ', /give the job a name/),
  nameCase('name-too-long', 'a 300-character job name', 'x'.repeat(300), /shorten it/),
  {
    id: 'name-case-duplicate',
    title: 'two job names differing only in case (a rename on re-run adds a duplicate)',
    rule: 'cron-job-name',
    object: 'cron job "daily usage report"',
    fix: /rename one of them/,
    variant: (c) => {
      job(c, 1).name = 'daily usage report';
    },
  },
  {
    id: 'name-exact-duplicate',
    title: 'two jobs with the same name',
    rule: 'cron-job-name',
    object: 'cron job "Daily usage report"',
    fix: /rename one of them/,
    variant: (c) => {
      job(c, 1).name = 'Daily usage report';
    },
  },
  {
    id: 'message-beyond-arg-max',
    title: 'a 200 KB prompt (beyond the single-argument limit)',
    rule: 'cron-params-size',
    object: 'cron job "Daily usage report"',
    fix: /shorten the message/,
    variant: (c) => {
      job(c).payload.message = 'summarise the usage. '.repeat(10_000);
    },
  },
  {
    id: 'message-nul',
    title: 'a prompt with NUL',
    rule: 'config-text',
    object: 'config.cronJobs[0].payload.message',
    fix: /remove it/,
    variant: (c) => {
      job(c).payload.message = 'report\u0000usage';
    },
  },
  {
    id: 'description-escape',
    title: 'a description with an escape character',
    rule: 'config-text',
    object: 'config.cronJobs[0].description',
    fix: /remove it/,
    variant: (c) => {
      job(c).description = 'daily \u001b[2J report';
    },
  },
];

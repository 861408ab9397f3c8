export * from './cron-job-declaration';
export * from './ssrf-guard';
export * from './webhook-egress-requirement';
export * from './validate-cron-jobs';
export * from './shell-quote';
export * from './cron-add-params';
export * from './apply-cron-jobs-script';
export * from './usage-report-jobs';

/**
 * The SSM parameters arch's `terraform/aws/openclaw` working directory already manages (every
 * `aws_ssm_parameter` of its `ssm.tf` at boxp/arch 6209c3fef; values set by hand there, with
 * `ignore_changes = [value]`), as `config/lolice.ts` hands them to `arch.managedElsewhere`. A second
 * state creating one of them would fight that state over it. A test checks this table against the
 * copy of ssm.tf in test/fixtures/live.
 */
import type { ArchManagedParameter } from '../lib/secrets/arch-managed-parameters';

const SSM_TF = 'terraform/aws/openclaw/ssm.tf';

const managed = (resource: string, parameterName: string): ArchManagedParameter => ({
  resource: `aws_ssm_parameter.${resource}`,
  parameterName,
  file: SSM_TF,
});

/** Every parameter of arch's terraform/aws/openclaw/ssm.tf, in file order. */
export const LOLICE_ARCH_MANAGED_PARAMETERS: readonly ArchManagedParameter[] = [
  managed('anthropic_api_key', '/lolice/openclaw/ANTHROPIC_API_KEY'),
  managed('discord_bot_token', '/lolice/openclaw/DISCORD_BOT_TOKEN'),
  managed('openclaw_gateway_token', '/lolice/openclaw/OPENCLAW_GATEWAY_TOKEN'),
  managed('litellm_master_key', '/lolice/openclaw/LITELLM_MASTER_KEY'),
  managed('litellm_proxy_key', '/lolice/openclaw/LITELLM_PROXY_KEY'),
  managed('github_token', '/lolice/openclaw/GITHUB_TOKEN'),
  managed('discord_allowed_user_ids', '/lolice/openclaw/DISCORD_ALLOWED_USER_IDS'),
  managed('gemini_api_key', '/lolice/openclaw/GEMINI_API_KEY'),
  managed('openai_api_key', '/lolice/openclaw/OPENAI_API_KEY'),
  managed('claude_code_oauth_token', '/lolice/openclaw/CLAUDE_CODE_OAUTH_TOKEN'),
  managed('xai_api_key', '/lolice/openclaw/XAI_API_KEY'),
  managed('grafana_api_key', '/lolice/openclaw/GRAFANA_API_KEY'),
  managed('google_oauth_client_id', '/lolice/openclaw/GOOGLE_OAUTH_CLIENT_ID'),
  managed('google_oauth_client_secret', '/lolice/openclaw/GOOGLE_OAUTH_CLIENT_SECRET'),
  managed('google_oauth_refresh_token', '/lolice/openclaw/GOOGLE_OAUTH_REFRESH_TOKEN'),
  managed('google_maps_api_key', '/lolice/openclaw/GOOGLE_MAPS_API_KEY'),
];

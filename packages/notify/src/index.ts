export { webhookNotifier, type WebhookNotifierOptions } from './webhook/webhook-notifier.js';
export { verifyWebhook, type VerifyWebhookOptions, type WebhookRejection, type WebhookRequestHeaders } from './webhook/verify-webhook.js';
export { signWebhook, WEBHOOK_HEADERS, type SignWebhookInput } from './webhook/sign-webhook.js';
export type { WebhookPayload } from './webhook/webhook-payload.js';
export { dingtalkNotifier, type DingtalkNotifierOptions } from './dingtalk/dingtalk-notifier.js';
export { wecomNotifier, type WecomNotifierOptions } from './wecom/wecom-notifier.js';
export { feishuNotifier, type FeishuNotifierOptions } from './feishu/feishu-notifier.js';

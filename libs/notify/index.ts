// Notifications to people: their words (en, zh-CN) and email through SMTP.
export * from './templates';
export * from './mailer';
export * from './links';

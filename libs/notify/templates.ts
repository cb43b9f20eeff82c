// What a notification says, in the recipient's language (en, zh-CN), with times in her time zone: a subject
// and a plain-text body per kind. Pure: the activity renders once, when the notification is written, so
// every attempt (and the outbox staff read) shows the same words.

import type { ContactLanguage, NotificationKind } from '@app/domain';

export interface NotificationText {
  subject: string;
  body: string;
}

export interface RenderInput {
  kind: Exclude<NotificationKind, 'digest' | 'auth.sign_in_link'>;
  language: ContactLanguage;
  timeZone: string;
  productId: string | null;
  details: Record<string, unknown>;
  /** Her magic link's place in the body (MAGIC_LINK_MARK, filled in when it is sent): influencers' notifications carry it. */
  pageLink?: string;
}

type Words = (v: Vars) => NotificationText;
interface Vars {
  product: string;
  productId: string;
  round: string;
  title: string;
  supplier: string;
  launchAt: string;
  totalVotes: string;
  minVotes: string;
  totalUnits: string;
  minimumUnits: string;
  number: string;
  sellThrough: string;
  channel: string;
  event: string;
  error: string;
  question: string;
  feedback: string;
  order: string;
  dueDate: string;
}

const EN: Record<RenderInput['kind'], Words> = {
  'poll.approval_waiting': (v) => ({
    subject: `The poll of ${v.product} waits for your approval`,
    body: `Fans will be asked "${v.question}". Nothing is public until you approve the options: approve them, or ask for changes.`,
  }),
  'poll.changes_requested': (v) => ({
    subject: `Changes requested to the poll of ${v.product}`,
    body: `The influencer asks for changes to the poll's options: "${v.feedback}". Edit the options; she approves them again.`,
  }),
  'design.review_waiting': (v) => ({
    subject: `Design ${v.round} of ${v.product} waits for your review`,
    body: `Design round ${v.round} ("${v.title}") of ${v.product} is ready. Approve it or ask for changes.`,
  }),
  'design.review_reminder': (v) => ({
    subject: `Reminder: design ${v.round} of ${v.product} still waits for you`,
    body: `Design round ${v.round} of ${v.product} has been waiting for your review. Approve it or ask for changes so the team can go on.`,
  }),
  'sample.review_waiting': (v) => ({
    subject: `Sample ${v.round} of ${v.product} waits for your review`,
    body: `Sample round ${v.round} of ${v.product} arrived from ${v.supplier}. Approve it or ask for changes.`,
  }),
  'sample.review_reminder': (v) => ({
    subject: `Reminder: sample ${v.round} of ${v.product} still waits for you`,
    body: `Sample round ${v.round} of ${v.product} has been waiting for your review. Approve it or ask for changes so production can start.`,
  }),
  'announcement.approval_waiting': (v) => ({
    subject: `Approve the launch announcement of ${v.product}`,
    body: `${v.product} launches ${v.launchAt}. Its announcement goes out only once you approve it: read the draft, edit it if you like, and approve it.`,
  }),
  'announcement.approval_overdue': (v) => ({
    subject: `Launch announcement of ${v.product} is not approved yet`,
    body: `${v.product} launches ${v.launchAt} and its announcement is still not approved. Unapproved, it is not published at the launch.`,
  }),
  'poll.below_minimum': (v) => ({
    subject: `The poll of ${v.product} closed short of its minimum`,
    body: `The poll of ${v.product} got ${v.totalVotes} of the ${v.minVotes} votes it needs. Extend it or cancel the product.`,
  }),
  'demand.below_goal': (v) => ({
    subject: `${v.product} missed its demand goal`,
    body: `Fans reserved ${v.totalUnits} of the ${v.minimumUnits} units required for ${v.product}. Extend the window, override the goal with a reason, or cancel the product.`,
  }),
  'restock.proposed': (v) => ({
    subject: `Restock ${v.number} of ${v.product} is proposed`,
    body: `${v.product} has sold ${v.sellThrough} of its stock. Approve restock ${v.number} (with a supplier and a due date) or decline it.`,
  }),
  'order.due_soon': (v) => ({
    subject: `${v.order} of ${v.product} is due ${v.dueDate}`,
    body: `${v.order} of ${v.product} (${v.supplier}) is due ${v.dueDate} and is not done yet. Check with the supplier how it stands.`,
  }),
  'delivery.failed': (v) => ({
    subject: `A post of ${v.product} could not be delivered`,
    body: `The ${v.event} update of ${v.product} was not delivered to channel ${v.channel}: ${v.error}. Fix the channel and re-send it.`,
  }),
};

const ZH: Record<RenderInput['kind'], Words> = {
  'poll.approval_waiting': (v) => ({ subject: `${v.product} 的投票等待你批准`, body: `粉丝将被问到“${v.question}”。你批准选项之前，一切都不会公开：请批准，或提出修改意见。` }),
  'poll.changes_requested': (v) => ({ subject: `${v.product} 的投票需要修改`, body: `达人对投票选项提出了修改意见：“${v.feedback}”。请修改选项，再由她批准。` }),
  'design.review_waiting': (v) => ({ subject: `${v.product} 的第 ${v.round} 版设计等待你审核`, body: `${v.product} 的第 ${v.round} 版设计（“${v.title}”）已就绪。请批准或提出修改意见。` }),
  'design.review_reminder': (v) => ({ subject: `提醒：${v.product} 的第 ${v.round} 版设计仍在等待你`, body: `${v.product} 的第 ${v.round} 版设计一直在等待你审核。请批准或提出修改意见，团队才能继续。` }),
  'sample.review_waiting': (v) => ({ subject: `${v.product} 的第 ${v.round} 版样品等待你审核`, body: `${v.product} 的第 ${v.round} 版样品已从 ${v.supplier} 送达。请批准或提出修改意见。` }),
  'sample.review_reminder': (v) => ({ subject: `提醒：${v.product} 的第 ${v.round} 版样品仍在等待你`, body: `${v.product} 的第 ${v.round} 版样品一直在等待你审核。请批准或提出修改意见，生产才能开始。` }),
  'announcement.approval_waiting': (v) => ({ subject: `请批准 ${v.product} 的上市公告`, body: `${v.product} 将于 ${v.launchAt} 上市。公告需经你批准才会发布：请阅读草稿，可修改后批准。` }),
  'announcement.approval_overdue': (v) => ({ subject: `${v.product} 的上市公告尚未批准`, body: `${v.product} 将于 ${v.launchAt} 上市，公告仍未批准。未经批准的公告在上市时不会发布。` }),
  'poll.below_minimum': (v) => ({ subject: `${v.product} 的投票未达到最低票数`, body: `${v.product} 的投票获得 ${v.totalVotes} 票，需要 ${v.minVotes} 票。请延长投票或取消该产品。` }),
  'demand.below_goal': (v) => ({ subject: `${v.product} 未达到预订目标`, body: `粉丝为 ${v.product} 预订了 ${v.totalUnits} 件，目标为 ${v.minimumUnits} 件。请延长预订期、说明理由后越过目标，或取消该产品。` }),
  'restock.proposed': (v) => ({ subject: `${v.product} 建议第 ${v.number} 次补货`, body: `${v.product} 已售出库存的 ${v.sellThrough}。请批准第 ${v.number} 次补货（填写供应商和交期）或拒绝。` }),
  'order.due_soon': (v) => ({ subject: `${v.product} 的${v.order}将于 ${v.dueDate} 到期`, body: `${v.product} 的${v.order}（${v.supplier}）将于 ${v.dueDate} 到期，尚未完成。请与供应商确认进度。` }),
  'delivery.failed': (v) => ({ subject: `${v.product} 的一条动态未能发送`, body: `${v.product} 的 ${v.event} 动态未能发送到渠道 ${v.channel}：${v.error}。请修复渠道后重新发送。` }),
};

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A supplier order as people name it: sample-2 → "Sample request 2", production → "The production run", restock-1 → "Restock 1". */
export function orderName(value: unknown, language: ContactLanguage): string {
  const order = text(value);
  const numbered = /^(sample|restock)-(\d+)$/.exec(order);
  if (language === 'zh-CN') {
    if (order === 'production') return '生产订单';
    if (numbered) return numbered[1] === 'sample' ? `第 ${numbered[2]} 次打样请求` : `第 ${numbered[2]} 次补货`;
    return order;
  }
  if (order === 'production') return 'The production run';
  if (numbered) return `${numbered[1] === 'sample' ? 'Sample request' : 'Restock'} ${numbered[2]}`;
  return order;
}

/** A time as the recipient reads it: her language's date and time in her time zone, the zone named. */
export function localTime(value: unknown, language: ContactLanguage, timeZone: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return text(value);
  // dateStyle/timeStyle cannot name the zone; the fields they stand for can.
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(ms));
}

export function renderNotification(input: RenderInput): NotificationText {
  const d = input.details;
  const vars: Vars = {
    product: text(d.productName) || text(input.productId),
    productId: text(input.productId),
    round: text(d.round),
    title: text(d.title),
    supplier: text(d.supplier),
    launchAt: localTime(d.launchAt, input.language, input.timeZone),
    totalVotes: text(d.totalVotes),
    minVotes: text(d.minVotes),
    totalUnits: text(d.totalUnits),
    minimumUnits: text(d.minimumUnits),
    number: text(d.number),
    sellThrough: typeof d.sellThrough === 'number' ? `${Math.round(d.sellThrough * 100)}%` : text(d.sellThrough),
    channel: text(d.channel),
    event: text(d.event),
    error: text(d.error),
    question: text(d.question),
    feedback: text(d.feedback),
    order: orderName(d.order, input.language),
    dueDate: localTime(d.dueDate, input.language, input.timeZone),
  };
  const words = (input.language === 'zh-CN' ? ZH : EN)[input.kind](vars);
  const reference = input.productId ? (input.language === 'zh-CN' ? `\n\n产品：${vars.product}（${input.productId}）` : `\n\nProduct: ${vars.product} (${input.productId})`) : '';
  const page = input.pageLink ? (input.language === 'zh-CN' ? `\n\n在手机上打开你的页面：${input.pageLink}` : `\n\nOpen your page on your phone: ${input.pageLink}`) : '';
  return { subject: words.subject, body: `${words.body}${reference}${page}` };
}

/** One message for several notifications: their subjects as a list, each body below. */
export function renderDigest(items: NotificationText[], language: ContactLanguage): NotificationText {
  const subject = language === 'zh-CN' ? `今天有 ${items.length} 件事等你处理` : `${items.length} ${items.length === 1 ? 'thing waits' : 'things wait'} for you today`;
  const list = items.map((i) => `• ${i.subject}`).join('\n');
  const bodies = items.map((i) => `${i.subject}\n${i.body}`).join('\n\n———\n\n');
  return { subject, body: `${list}\n\n${bodies}` };
}

/**
 * A staff member's sign-in mail. `link` is the real link in the mail sent, and a note that it is left out in
 * the copy stored (the outbox other staff read).
 */
export function renderSignInMail(language: ContactLanguage, link: string, validMinutes: number): NotificationText {
  return language === 'zh-CN'
    ? { subject: '登录孵化器引擎', body: `点击链接登录（${validMinutes} 分钟内有效，只能使用一次）：\n${link}\n\n如果不是你本人请求的，请忽略这封邮件。` }
    : { subject: 'Sign in to the incubator engine', body: `Sign in with this link (valid for ${validMinutes} minutes, once):\n${link}\n\nIf you did not ask for it, ignore this mail.` };
}

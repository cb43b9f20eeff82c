// The words for stages and events that cards, share pages and staff views show, in both languages.
import type { SocialEvent } from './templates';
import type { Language } from './text';

const STAGE_WORDS: Record<Language, Record<string, string>> = {
  en: {
    POLL: 'Fan poll',
    DEMAND: 'Reservations',
    DESIGN: 'Design',
    SAMPLING: 'Sampling',
    PRODUCTION: 'Production',
    LAUNCH: 'Launch',
    LAUNCHED: 'Launched',
    ON_SALE: 'On sale',
    ENDED: 'Sales ended',
    CANCELLED: 'Cancelled',
  },
  'zh-CN': { POLL: '粉丝投票', DEMAND: '预订', DESIGN: '设计', SAMPLING: '打样', PRODUCTION: '生产', LAUNCH: '上新准备', LAUNCHED: '已上新', ON_SALE: '在售', ENDED: '已停售', CANCELLED: '已取消' },
};

const EVENT_WORDS: Record<Language, Record<SocialEvent, string>> = {
  en: {
    POLL_OPENED: 'Fan poll open',
    POLL_MILESTONE: 'Poll milestone',
    POLL_RESULT: 'Poll result',
    DESIGN_APPROVED: 'Design approved',
    SAMPLE_APPROVED: 'Sample approved',
    PRODUCTION_STARTED: 'Production started',
    PRODUCTION_MILESTONE: 'Production update',
    LAUNCH_SCHEDULED: 'Launch date',
    LAUNCH_COUNTDOWN: 'Launch countdown',
    LAUNCHED: 'Launched',
    CANCELLED: 'Cancelled',
    LAUNCH_APPROVAL_OVERDUE: 'Announcement not approved',
    DEMAND_OPENED: 'Reservations open',
    DEMAND_GOAL_REACHED: 'Goal reached',
    DEMAND_MET: 'Reservations closed',
    DEMAND_BELOW_GOAL: 'Below the goal',
    RESERVATIONS_RELEASED: 'Reservations released',
    SOLD_OUT: 'Sold out',
    RESTOCK_PROPOSED: 'Restock proposed',
    RESTOCK_APPROVED: 'Restock coming',
    BACK_IN_STOCK: 'Back in stock',
    SALES_ENDED: 'Sales ended',
    PRODUCT_CANCELLED: 'Not going ahead',
  },
  'zh-CN': {
    POLL_OPENED: '粉丝投票开启',
    POLL_MILESTONE: '投票里程碑',
    POLL_RESULT: '投票结果',
    DESIGN_APPROVED: '设计定稿',
    SAMPLE_APPROVED: '样衣通过',
    PRODUCTION_STARTED: '开始生产',
    PRODUCTION_MILESTONE: '生产进度',
    LAUNCH_SCHEDULED: '上新日期',
    LAUNCH_COUNTDOWN: '上新倒计时',
    LAUNCHED: '正式上新',
    CANCELLED: '已取消',
    LAUNCH_APPROVAL_OVERDUE: '公告未确认',
    DEMAND_OPENED: '开放预订',
    DEMAND_GOAL_REACHED: '预订达标',
    DEMAND_MET: '预订截止',
    DEMAND_BELOW_GOAL: '预订未达标',
    RESERVATIONS_RELEASED: '预订已释放',
    SOLD_OUT: '售罄',
    RESTOCK_PROPOSED: '补货待批',
    RESTOCK_APPROVED: '补货在路上',
    BACK_IN_STOCK: '补货到货',
    SALES_ENDED: '已停售',
    PRODUCT_CANCELLED: '项目终止',
  },
};

export function stageLabel(stage: string, language: Language): string {
  return STAGE_WORDS[language][stage] ?? stage;
}

export function eventLabel(event: SocialEvent, language: Language): string {
  return EVENT_WORDS[language][event];
}

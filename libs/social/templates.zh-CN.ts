// The shipped Simplified Chinese templates, one per social event, in the same order as the English ones.
import type { Catalogue } from './templates';

export const ZH: Catalogue = {
  POLL_OPENED: {
    title: '{keyword}｜下一款由你来选',
    body: '下一款{keyword}由你决定：{options}。投票截止{closesAt}。\n\n每一票都算数，票数最多的设计会投入生产。',
    hashtags: ['粉丝投票', '新品'],
  },
  POLL_MILESTONE: {
    title: '{keyword}投票已有{milestone}人参与',
    body: '已经有{milestone}位粉丝为下一款{keyword}投票啦！投票仍在进行中。\n\n叫上朋友一起投票，票越多首批越多。',
    hashtags: ['粉丝投票'],
  },
  POLL_RESULT: {
    title: '你们选中的{keyword}：{winner}',
    body: '{winner}以{votes}票当选，成为我们的{keyword}。\n\n接下来进入设计阶段，每一步都会和你们分享。',
    hashtags: ['粉丝投票', '结果公布'],
  },
  DESIGN_APPROVED: {
    title: '{keyword}设计定稿啦',
    body: '我们的{keyword}（{product}）设计已经确认。\n\n下一步是打样，第一件样衣很快见。',
    hashtags: ['设计过程', '幕后'],
  },
  SAMPLE_APPROVED: {
    title: '{keyword}样衣通过试穿',
    body: '我亲自试穿了{keyword}（{product}）的样衣，已经确认。\n\n马上开始生产。',
    hashtags: ['打样', '幕后'],
  },
  PRODUCTION_STARTED: {
    title: '{keyword}开工：首批{quantity}件',
    body: '我们的{keyword}（{product}）正式开始生产，首批{quantity}件，按你们的票数定量。\n\n每一步进度都会更新给大家。',
    hashtags: ['为你而做', '生产进度'],
  },
  PRODUCTION_MILESTONE: {
    title: '{keyword}进度：{step}',
    body: '我们的{keyword}（{product}）已完成{step}。\n\n离上新又近了一步。',
    hashtags: ['生产进度', '幕后'],
  },
  LAUNCH_SCHEDULED: {
    title: '{keyword}将于{launchAt}上新',
    body: '记好时间：我们的{keyword}（{product}）将于{launchAt}正式上新。\n\n你们选的、你们一起打造的，第一时间给你们。',
    hashtags: ['上新', '即将发售'],
  },
  LAUNCH_COUNTDOWN: {
    title: '{keyword}上新倒计时{countdown}',
    body: '距离我们的{keyword}（{product}）上新只剩{countdown}。\n\n设好提醒，别错过首批。',
    hashtags: ['倒计时', '上新'],
  },
  LAUNCHED: {
    title: '{keyword}正式上新',
    body: '我们的{keyword}（{product}）现已上新。\n\n谢谢每一位投票、等待和分享的你，这是我们一起完成的作品。',
    hashtags: ['上新', '现货'],
  },
  CANCELLED: {
    title: '{keyword}已取消（内部）',
    body: '{keyword}产品{product}已取消：{reason}。',
    hashtags: [],
  },
  LAUNCH_APPROVAL_OVERDUE: {
    title: '{keyword}上新公告未确认（内部）',
    body: '{keyword}产品{product}的上新公告尚未获得确认，上新时间为{launchAt}。\n\n未经达人确认的公告不会发布。',
    hashtags: [],
  },
  DEMAND_OPENED: {
    title: '{keyword}开放预订',
    body: '预订你的{keyword}（{product}）：{closesAt}前预订满{goal}件就开工。可选款式：{variants}。\n\n现在预订不收费；开工后上新时优先为你保留。',
    hashtags: ['预订', '按需生产'],
  },
  DEMAND_GOAL_REACHED: {
    title: '{keyword}预订达标啦',
    body: '我们的{keyword}（{product}）已预订{units}件，目标{goal}件已达成！\n\n截止前仍可预订，还没订的抓紧哦。',
    hashtags: ['预订达标', '预订'],
  },
  DEMAND_MET: {
    title: '{keyword}确定开工',
    body: '{keyword}（{product}）预订已截止：{reservations}位粉丝共预订{units}件，目标{goal}件。\n\n接下来进入设计阶段，预订的你会第一个拿到。',
    hashtags: ['为你而做', '结果公布'],
  },
  DEMAND_BELOW_GOAL: {
    title: '{keyword}预订未达标（内部）',
    body: '{keyword}产品{product}预订截止：{reservations}份预订共{units}件，目标{goal}件。\n\n请员工决定：延长、说明理由后继续，或取消（预订将被释放）。',
    hashtags: [],
  },
  RESERVATIONS_RELEASED: {
    title: '{keyword}这次未能开工',
    body: '很遗憾，我们的{keyword}（{product}）这次不会制作；{reservations}份预订已全部释放，不会收取任何费用。\n\n谢谢你的预订，你们的投票和预订决定我们的下一款。',
    hashtags: ['感谢'],
  },
  SOLD_OUT: {
    title: '{keyword}售罄：{variants}',
    body: '我们的{keyword}（{product}）{variants}已售罄。\n\n我们正在考虑补货，关注我第一时间知道。',
    hashtags: ['售罄'],
  },
  RESTOCK_PROPOSED: {
    title: '{keyword}第{number}次补货待批（内部）',
    body: '{keyword}产品{product}已售出库存的{sellThrough}，建议第{number}次补货{quantity}件。\n\n请员工批准或拒绝。',
    hashtags: [],
  },
  RESTOCK_APPROVED: {
    title: '{keyword}补货在路上',
    body: '补货来啦：我们的{keyword}（{product}）又有{quantity}件在生产中，预计{dueDate}到货。\n\n谢谢你们让首批这么快卖完。',
    hashtags: ['补货', '即将到货'],
  },
  BACK_IN_STOCK: {
    title: '{keyword}补货到啦',
    body: '我们的{keyword}（{product}）补货到了：{variants}。\n\n喜欢的抓紧，卖完又要等了。',
    hashtags: ['补货到货', '补货'],
  },
  SALES_ENDED: {
    title: '{keyword}已停售',
    body: '我们的{keyword}（{product}）已停止销售。\n\n谢谢每一位投票、预订和购买的你，这是我们一起完成的作品。',
    hashtags: ['感谢'],
  },
  PRODUCT_CANCELLED: {
    title: '{keyword}这次不做了',
    body: '我们的{keyword}（{product}）已停止制作，这一款不会推出。\n\n谢谢一路关注，你们的投票决定我们的下一款。',
    hashtags: ['近况'],
  },
};

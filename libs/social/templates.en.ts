// The shipped English templates, one per social event; placeholders are {name} (template-overrides.ts lists each event's).
import type { Catalogue } from './templates';

export const EN: Catalogue = {
  POLL_OPENED: {
    title: '{keyword}: you choose my next design',
    body: 'Help me pick the {keyword} we make next: {options}. Vote before {closesAt}.\n\nEvery vote counts — the design with the most fans wins and goes into production.',
    hashtags: ['fanvote', 'newcollection'],
  },
  POLL_MILESTONE: {
    title: '{milestone} fans voted on our {keyword}',
    body: '{milestone} of you have already voted for the next {keyword}! The poll is still open.\n\nTell a friend: the more fans vote, the bigger the first batch.',
    hashtags: ['fanvote'],
  },
  POLL_RESULT: {
    title: 'The {keyword} you chose: {winner}',
    body: 'You picked {winner} for our {keyword}, with {votes} votes.\n\nNext: design. I will share every step with you.',
    hashtags: ['fanvote', 'itsdecided'],
  },
  DESIGN_APPROVED: {
    title: 'Our {keyword} design is final',
    body: 'The design of our {keyword} ({product}) is approved.\n\nSamples are next — I will show you the first one soon.',
    hashtags: ['designprocess', 'behindthescenes'],
  },
  SAMPLE_APPROVED: {
    title: 'The {keyword} sample passed my test',
    body: 'I tried the sample of our {keyword} ({product}) and approved it.\n\nProduction starts soon.',
    hashtags: ['sampleday', 'behindthescenes'],
  },
  PRODUCTION_STARTED: {
    title: 'Making {quantity} of our {keyword}',
    body: 'Production of our {keyword} ({product}) has started: {quantity} pieces, sized by your votes.\n\nI will post each step until they ship.',
    hashtags: ['madeforyou', 'production'],
  },
  PRODUCTION_MILESTONE: {
    title: '{keyword} update: {step}',
    body: 'Our {keyword} ({product}) just reached {step}.\n\nLaunch is getting closer.',
    hashtags: ['production', 'behindthescenes'],
  },
  LAUNCH_SCHEDULED: {
    title: 'Our {keyword} launches {launchAt}',
    body: 'Mark the date: our {keyword} ({product}) launches {launchAt}.\n\nYou chose it, you shaped it — now it is yours first.',
    hashtags: ['launchday', 'comingsoon'],
  },
  LAUNCH_COUNTDOWN: {
    title: '{countdown} until our {keyword} launch',
    body: 'Only {countdown} left until our {keyword} ({product}) goes live.\n\nSet a reminder so you do not miss the first batch.',
    hashtags: ['countdown', 'launchday'],
  },
  LAUNCHED: {
    title: 'Our {keyword} is live',
    body: 'Our {keyword} ({product}) is live now.\n\nThank you for voting, waiting and sharing — this one is ours.',
    hashtags: ['launchday', 'nowavailable'],
  },
  CANCELLED: {
    title: '{keyword} cancelled (internal)',
    body: 'The {keyword} product {product} was cancelled: {reason}.',
    hashtags: [],
  },
  LAUNCH_APPROVAL_OVERDUE: {
    title: '{keyword} launch announcement not approved (internal)',
    body: 'The launch announcement of the {keyword} product {product} is not approved yet; it launches {launchAt}.\n\nWithout the influencer\'s approval the announcement is not published.',
    hashtags: [],
  },
  DEMAND_OPENED: {
    title: 'Reserve our {keyword} now',
    body: 'Reserve yours: our {keyword} ({product}) is made if we reach {goal} units by {closesAt}. Pick your variant: {variants}.\n\nA reservation costs nothing now; if we make it, yours is held for you at launch.',
    hashtags: ['reserveyours', 'madetoorder'],
  },
  DEMAND_GOAL_REACHED: {
    title: 'Our {keyword} reached its goal',
    body: 'You did it: {units} units of our {keyword} ({product}) are reserved, the goal was {goal}.\n\nReservations stay open until the deadline, so there is still time to reserve yours.',
    hashtags: ['goalreached', 'reserveyours'],
  },
  DEMAND_MET: {
    title: 'Our {keyword} will be made',
    body: 'Reservations for our {keyword} ({product}) are closed: {reservations} of you reserved {units} units, the goal was {goal}.\n\nDesign comes next, and every reservation holder gets their piece first.',
    hashtags: ['madeforyou', 'itsdecided'],
  },
  DEMAND_BELOW_GOAL: {
    title: '{keyword} below its reservation goal (internal)',
    body: 'Reservations for the {keyword} product {product} closed with {units} units from {reservations} reservations; the goal was {goal}.\n\nStaff decide: extend the window, override with a reason, or cancel (reservations are then released).',
    hashtags: [],
  },
  RESERVATIONS_RELEASED: {
    title: 'Our {keyword} will not be made this time',
    body: 'Our {keyword} ({product}) will not be made this time: the {reservations} reservations are released and nobody is charged.\n\nThank you for reserving: your votes and reservations shape what we try next.',
    hashtags: ['thankyou'],
  },
  SOLD_OUT: {
    title: 'Our {keyword} sold out: {variants}',
    body: 'Our {keyword} ({product}) is sold out in {variants}.\n\nWe are looking at a restock; follow along to hear first.',
    hashtags: ['soldout'],
  },
  RESTOCK_PROPOSED: {
    title: '{keyword} restock {number} proposed (internal)',
    body: 'The {keyword} product {product} has sold {sellThrough} of its stock; restock {number} of {quantity} units is proposed.\n\nStaff approve or decline it.',
    hashtags: [],
  },
  RESTOCK_APPROVED: {
    title: 'More of our {keyword} is coming',
    body: 'Restock coming: {quantity} more pieces of our {keyword} ({product}) are in production, due {dueDate}.\n\nThank you for making the first batch go so fast.',
    hashtags: ['restock', 'comingsoon'],
  },
  BACK_IN_STOCK: {
    title: 'Our {keyword} is back in stock',
    body: 'Our {keyword} ({product}) is back in stock: {variants}.\n\nGrab yours before it goes again.',
    hashtags: ['backinstock', 'restock'],
  },
  SALES_ENDED: {
    title: 'Our {keyword} is no longer on sale',
    body: 'Sales of our {keyword} ({product}) have ended.\n\nThank you to everyone who voted, reserved and bought: this one was ours.',
    hashtags: ['thankyou'],
  },
  PRODUCT_CANCELLED: {
    title: 'Our {keyword} is not going ahead',
    body: 'We have stopped work on our {keyword} ({product}); it will not be made.\n\nThank you for following along: your votes shape what we try next.',
    hashtags: ['update'],
  },
};

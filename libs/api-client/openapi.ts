// Generated from the engine's OpenAPI document by `npm run api-client` (openapi-typescript). Do not edit.

export interface paths {
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the API keys issued (role, influencer or staff member, label, prefix; never the key). */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Issue an API key for staff (optionally a staff member's own) or for one influencer; the key is in the answer, shown only this once (stored hashed). */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key. */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a one-time sign-in link (staff): when the email is an active staff member's, a link `<base>/app/sign-in#token=…` valid SIGN_IN_LINK_TTL is mailed to it. Always 202, whoever the address belongs to. */
        post: operations["SessionsController_signInLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange the token of a sign-in link (used up) or of an influencer's magic link for a browser session: sets the ie_session cookie (HttpOnly, Secure, SameSite=Strict) and answers the session with its CSRF token. */
        post: operations["SessionsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's browser session (from its cookie) with its CSRF token; 401 without one. */
        get: operations["SessionsController_current"];
        put?: never;
        post?: never;
        /** Sign out: the session ends on the server and its cookie is cleared (needs X-CSRF-Token). */
        delete: operations["SessionsController_end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/magic-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The influencer's magic links, newest first: status, who issued each, when it expires (never the link itself). */
        get: operations["MagicLinksController_list"];
        put?: never;
        /** Issue the influencer a magic link to her page, `<base>/app/me#token=…`, valid MAGIC_LINK_TTL (7 days by default) and reusable until then or until revoked; the link is in the answer, shown only this once (stored hashed). */
        post: operations["MagicLinksController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/magic-links/{linkId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke one of the influencer's magic links: it opens nothing more, and every session opened with it ends now; idempotent. */
        post: operations["MagicLinksController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Temporal answer (for load balancers and orchestrators; no API key). */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the influencers with their contact details. */
        get: operations["InfluencersController_list"];
        put?: never;
        /** Register an influencer (a unique handle, a display name, optional contact details); a webhook's signing secret is in the answer, shown only this once. */
        post: operations["InfluencersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/me/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling influencer's own contact details (influencer keys only; never the webhook secret). */
        get: operations["InfluencersController_myContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the calling influencer's own contact details (influencer keys only; fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer. */
        patch: operations["InfluencersController_changeMyContact"];
        trace?: never;
    };
    "/influencers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One influencer with her contact details. */
        get: operations["InfluencersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an influencer's contact details (fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer. */
        patch: operations["InfluencersController_changeContact"];
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products, newest first; influencer keys see only their own. */
        get: operations["ProductsController_list"];
        put?: never;
        /** Create a product with its fan poll; starts the product's workflow in POLL. */
        post: operations["ProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product: stage, pending action, poll, designs, samples, production and launch. */
        get: operations["ProductsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every stage change and action of the product, with actor and time, in order.
         * @description Paginated: at most `limit` events (default 500, at most 1000) after `afterSeq`; `nextAfterSeq` is the `afterSeq` of the next page, null on the last.
         */
        get: operations["ProductsController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the question (optional) and options of a poll waiting for the influencer's approval (DRAFT); screened again, and the influencer is asked to approve the new set. */
        put: operations["ProductActionsController_editPollOptions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the poll now and tally it. Below the minimum, the product waits for extend or cancel. */
        post: operations["ProductActionsController_closePoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the closing time later; reopens a poll that closed below its minimum. */
        post: operations["ProductActionsController_extendPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/designs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the next design round for the influencer to review (DESIGN); imageUrls may name the product's uploaded images (/images/{id}/display). */
        post: operations["ProductActionsController_submitDesign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the next physical sample round (SAMPLING); photoUrls may name the product's uploaded images (/images/{id}/display). */
        post: operations["ProductActionsController_recordSample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/samples/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request the next sample of a registered supplier (SAMPLING): it is sent to the supplier, and the sample recorded when it arrives closes the request. */
        post: operations["ProductActionsController_requestSample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/production": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the production run; quantities per variant default to the demand suggestion (reservations, else poll votes). */
        post: operations["ProductActionsController_startProduction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/production/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the next production milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ LAUNCH). */
        post: operations["ProductActionsController_recordMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule (or reschedule) the launch; countdown updates go out before it and the product goes ON_SALE at the time. */
        post: operations["ProductActionsController_scheduleLaunch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the product with a reason, from any stage before ON_SALE; in DEMAND its reservations are released. */
        post: operations["ProductActionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/demand/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the demand window now and count the reservations: the goal met unlocks DESIGN, below it the product waits for extend, override or cancel. */
        post: operations["ProductActionsController_closeDemand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/demand/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the demand window's closing time later; reopens a window that closed below its goal. */
        post: operations["ProductActionsController_extendDemand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/demand/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock production although the demand goal was missed, with a reason (→ DESIGN). */
        post: operations["ProductActionsController_overrideDemand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/restocks/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the proposed restock (quantities default to the proposal); it is produced with the usual milestones. */
        post: operations["ProductActionsController_approveRestock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/restocks/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the proposed restock with a reason; none is proposed again until more stock ships. */
        post: operations["ProductActionsController_declineRestock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/restocks/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the restock in production with a reason; the product stays on sale. */
        post: operations["ProductActionsController_cancelRestock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/restocks/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the restock's next milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ back in stock). */
        post: operations["ProductActionsController_recordRestockMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the product's sales with a reason (an open restock is cancelled first); the product is ENDED. */
        post: operations["ProductActionsController_endSales"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The product's influencer approves the draft poll's options: the poll opens now (its first public update) and its duration starts now. */
        post: operations["ReviewsController_approvePoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/request-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The product's influencer asks staff to change the draft poll's options, saying what; the poll stays in DRAFT until staff edit them. */
        post: operations["ReviewsController_requestPollChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/designs/{round}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The product's influencer approves a design round (→ SAMPLING) or requests changes with feedback. */
        post: operations["ReviewsController_reviewDesign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/samples/{round}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The product's influencer approves a sample round (→ PRODUCTION) or requests changes with feedback. */
        post: operations["ReviewsController_reviewSample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the vote and reservation connectors (never their secrets). */
        get: operations["WebhookSourcesController_list"];
        put?: never;
        /** Register a vote connector; the response carries its signing secret, shown only this once. */
        post: operations["WebhookSourcesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connector (never its secret). */
        get: operations["WebhookSourcesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-sources/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new signing secret (shown once). The previous secret is still accepted for WEBHOOK_SECRET_GRACE (default 24 h). */
        post: operations["WebhookSourcesController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-sources/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse this source's deliveries with 403 (on every API instance within WEBHOOK_SOURCE_CACHE_TTL). */
        post: operations["WebhookSourcesController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-sources/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept this source's deliveries again after a disable. */
        post: operations["WebhookSourcesController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/votes/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one fan vote (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).
         * @description Sign `${webhook-id}.${webhook-timestamp}.${body}` with HMAC-SHA256 and the source's `whsec_` secret, as every Standard Webhooks library does. The answer comes after the vote is committed: 202 counted; 200 duplicate (the same webhook-id again, or a fan who already voted in this poll; not counted again); 409 when the poll is not open. Retry on 429 (after Retry-After) and 503.
         */
        post: operations["VotesController_vote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/poll/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live poll results for fans: votes per option and the total, at most about a second old. No key needed. 404 while the poll waits for the influencer's approval (DRAFT). */
        get: operations["VotesController_results"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/social-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the influencer's updates read: language, tone, platform, hashtags, disclosure, time zone, templates. */
        get: operations["SocialController_settings"];
        /** Replace the social settings (fields left out take their defaults); applies to updates made from now on. */
        put: operations["SocialController_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the influencer's delivery channels (never their secrets). */
        get: operations["SocialController_channels"];
        put?: never;
        /** Add a channel; a webhook channel's signing secret is in the response, shown only this once. */
        post: operations["SocialController_createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/channels/{channelId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New signing secret for a webhook channel (shown once); for WEBHOOK_SECRET_GRACE (24 h) deliveries carry signatures with the new and the previous secret. */
        post: operations["SocialController_rotateChannelSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/influencers/{id}/channels/{channelId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop delivering to the channel; deliveries still retrying to it end as failed. */
        post: operations["SocialController_disableChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/social-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's social updates in timeline order, with share URL, image URL and optimisation score (internal ones for staff only). */
        get: operations["SocialController_updates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/launch-announcement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The launch announcement: the approved text, or the draft waiting for approval, and the time to approve it by. */
        get: operations["SocialController_announcement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/launch-announcement/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The product's influencer approves the announcement as drafted, or with their own title/body (LAUNCH stage); exactly this goes out at launch. */
        post: operations["SocialController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every delivery of the product's updates: pending, delivered (with the receiver's answer) or failed (attempts, last error). */
        get: operations["SocialController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/deliveries/{deliveryId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed delivery again: the same webhook-id and body, a fresh round of attempts. */
        post: operations["SocialController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public share page of a published update (no key needed): Open Graph/Twitter tags, timeline, poll results, live reservations.
         * @description Each view is counted (not for bots, nor the same visitor again within ATTRIBUTION_REPEAT_WINDOW), for the tracked link in `c` when it is this update's, else as direct.
         */
        get: operations["ShareController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{slug}/card.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The update's 1200×630 PNG card (product, stage, influencer, poll bars); rendered once, then served from storage. */
        get: operations["ShareController_card"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/shop-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reservation events sent to the product's shop (ready at launch, released, expired): each one pending, delivered or failed, with its attempts and last error.
         * @description Paginated: at most `limit` events (default 100, at most 1000) from `offset`, oldest notification first; `counts` covers every event of the product.
         */
        get: operations["ShopEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a social update's tracked link (no key needed): 302 to the update's share page with ?c=<code>; the click is counted.
         * @description A click is not counted for a bot user agent (or none), or when the same visitor clicked the same link within ATTRIBUTION_REPEAT_WINDOW.
         */
        get: operations["LinksController_follow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each stage’s posts brought, per channel: share-page views, clicks, votes, reservations, orders and revenue, with totals and conversions.
         * @description `?format=csv` answers text/csv: a header, a line per row, then a total line; revenue has a column per currency (minor units).
         */
        get: operations["FunnelController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/funnel.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The funnel’s totals as a bar chart (views → clicks → votes → reservations → orders), an SVG image. */
        get: operations["FunnelController_svg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/reservations/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one fan reservation (Standard Webhooks, signed with the webhook source's secret, like votes).
         * @description The answer comes after the reservation is committed: 202 reserved, with the code for the shop's checkout; 200 duplicate (the same webhook-id again, or a fan who already reserved this variant; not counted again, the stored code is returned); 409 when the product takes no reservations now (window not open or past its closing time); 404 unknown product; 422 unknown variant; 400 quantity below 1.
         */
        post: operations["ReservationsController_reserve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live demand for fans: units reserved per variant, share of the goal and time left, at most about a second old. No key needed. */
        get: operations["ReservationsController_demand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the registered shops (never their secrets). */
        get: operations["ShopsController_list"];
        put?: never;
        /** Register a shop; the answer carries its generated secrets, shown only this once. */
        post: operations["ShopsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shops/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One shop (never its secrets). */
        get: operations["ShopsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/shops/{shopId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A standard shop connector delivers an order, cancellation, refund or reservation (Standard Webhooks, signed with the shop's inbound secret).
         * @description Answered after the effect is committed with the delivery's receipt: 202 recorded (or reserved); 200 duplicate (the same webhook-id again, or the same order / cancellation / refund under another webhook-id). Orders only for products ON_SALE (409 otherwise); unknown product, variant or SKU 422; quantity below 1 400; a refund of more than the line ordered minus earlier refunds 422. A cancellation or refund that arrives before its order is stored and applied when the order arrives (the order then counts as cancelled; an early refund is capped at the line's quantity).
         */
        post: operations["ShopWebhooksController_standard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/shopify/{shopId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Shopify's own webhooks (orders/create, orders/cancelled, refunds/create), verified with X-Shopify-Hmac-Sha256 and the app secret; idempotent per X-Shopify-Webhook-Id.
         * @description Line items are matched to variants by SKU; items with other SKUs are ignored (an order with none of ours: 200 ignored). The reservation code is read from the note attribute "reservation_code", else from a discount code shaped like a reservation code; the attribution code from the note attribute "attribution_code". A body that is not Shopify's shape: 400.
         */
        post: operations["ShopWebhooksController_shopify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the registered suppliers (never their secrets). */
        get: operations["SuppliersController_list"];
        put?: never;
        /** Register a supplier with its outbound endpoint; the answer carries the signing secret, shown only this once. */
        post: operations["SuppliersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One supplier (never its secret). */
        get: operations["SuppliersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a supplier: it takes no new orders, and its events still pending fail at their next attempt instead of being sent. */
        post: operations["SuppliersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order events sent to a supplier, newest first: each pending, delivered, failed or cancelled, with its attempts and last error. */
        get: operations["SuppliersController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/supplier-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order events sent to the product's registered suppliers (requests and cancellations), oldest first, each with its status and attempts. */
        get: operations["SupplierEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reminders and alerts written for staff and influencers, newest first: their words, channel and status (the outbox: status=outbox). */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff-members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the staff members, disabled ones too (never a webhook secret). */
        get: operations["StaffMembersController_list"];
        put?: never;
        /** Register a staff member (name, unique email, preferred channel, webhook, language, time zone); a webhook's signing secret is in the answer, shown only this once. */
        post: operations["StaffMembersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff-members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One staff member (never her webhook secret). */
        get: operations["StaffMembersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff member's name or contact details (fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer. */
        patch: operations["StaffMembersController_update"];
        trace?: never;
    };
    "/staff-members/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a staff member: her API keys are refused from now on (not revoked); idempotent. */
        post: operations["StaffMembersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff-members/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled staff member again: her keys that were not revoked work again; idempotent. */
        post: operations["StaffMembersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/sponsorship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's sponsorship and its sponsored posts: disclosure, order reference, fee and status (held, released, blocked, withdrawn), with fee totals per currency. */
        get: operations["SponsorshipController_get"];
        /** Declare (or replace) the brand partner paying for the product's posts: updates made from now on carry the disclosure and are held until their paid-post order is recorded. */
        put: operations["SponsorshipController_declare"];
        post?: never;
        /** End the product's sponsorship for later updates; posts already made stay sponsored (held until their order is recorded). */
        delete: operations["SponsorshipController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/social-updates/{updateId}/sponsorship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the platform's paid-post order for a sponsored post: accepted (order reference and fee) releases its held deliveries; refused (reason) blocks them. Repeating an accepted order is harmless; another reference for a released post is 409. */
        post: operations["SponsorshipController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/moderation/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incubator's own refused terms, and the version of the zh-CN list the screen uses. */
        get: operations["ModerationController_list"];
        put?: never;
        /** Refuse a term in poll questions and options from now on (new products and edits of draft polls); 409 when it is refused already. */
        post: operations["ModerationController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/moderation/terms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop refusing a term (polls already screened are not screened again). */
        delete: operations["ModerationController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's uploaded images, newest first (staff, and the product's influencer). */
        get: operations["ProductImagesController_list"];
        put?: never;
        /**
         * Upload an image of the product's design or sample rounds: the body is the image's bytes (JPEG, PNG or WebP).
         * @description The type is sniffed from the bytes and must be the one Content-Type declares (415 otherwise). At most 10 MiB (413) and 40 megapixels (422, read from the header before decoding). The picture is turned upright by its EXIF orientation, every metadata (EXIF and its GPS position, XMP, ICC, comments) is dropped, and it is stored in three sizes as WebP: thumb (320 px wide), display (1080 px wide) and full (at most 2048 px), never enlarged. At most 200 images per product (409). Name `urls.display` in a design round's imageUrls or a sample round's photoUrls.
         */
        post: operations["ProductImagesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/images/{id}/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One size of an uploaded image, WebP (public: the id is an unguessable UUID); cached for a year, 304 when If-None-Match holds its ETag. */
        get: operations["ImagesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateApiKeyDto: {
            /** @enum {string} */
            role: "staff" | "influencer";
            /** @description Required for influencer keys: the influencer the key acts for. */
            influencerId?: string;
            /**
             * @description Staff keys only, optional: the staff member the key belongs to, so what it does is done by her. While she is disabled the key is refused.
             * @example stf-4k2m9q1z7x3b
             */
            staffMemberId?: string;
            /** @example ops laptop */
            label: string;
        };
        IssuedApiKeyDto: {
            id: string;
            /** @enum {string} */
            role: "staff" | "influencer";
            influencerId: string | null;
            /** @description The staff member a staff key belongs to; null for influencer keys and shared staff keys. */
            staffMemberId: string | null;
            label: string;
            /** @description The first characters of the key, to recognise it; never the secret. */
            prefix: string;
            createdAt: string;
            revokedAt: string | null;
            /**
             * @description The key itself. Shown only in this response; store it now.
             * @example ibk_3k9x…
             */
            key: string;
        };
        FieldError: {
            /** @example poll.options */
            field: string;
            /**
             * @example [
             *       "poll.options must contain at least 2 elements"
             *     ]
             */
            messages: string[];
        };
        ErrorBody: {
            /** @example 409 */
            statusCode: number;
            /** @example Conflict */
            error: string;
            /** @example product p-8f3k2m9q1z is in SAMPLING; design review is accepted only in DESIGN */
            message: string;
            /**
             * @description Stable machine-readable code of a domain refusal.
             * @example WRONG_STAGE
             */
            code?: string;
            /** @description Per-field problems of a request that failed validation. */
            details?: components["schemas"]["FieldError"][];
        };
        ApiKeyDto: {
            id: string;
            /** @enum {string} */
            role: "staff" | "influencer";
            influencerId: string | null;
            /** @description The staff member a staff key belongs to; null for influencer keys and shared staff keys. */
            staffMemberId: string | null;
            label: string;
            /** @description The first characters of the key, to recognise it; never the secret. */
            prefix: string;
            createdAt: string;
            revokedAt: string | null;
        };
        SignInLinkRequestDto: {
            /**
             * @description The staff member's email (any case).
             * @example anna@incubator.example
             */
            email: string;
        };
        AcceptedDto: {
            /** @example If that address belongs to an active staff member, a sign-in link is on its way; it is valid for 15 minutes. */
            message: string;
        };
        CreateSessionDto: {
            /**
             * @description The token from a sign-in link or a magic link (what follows `#token=`).
             * @example q3V…
             */
            token: string;
        };
        SessionDto: {
            /** @enum {string} */
            role: "staff" | "influencer";
            /** @description Set for a staff member's session. */
            staffMemberId: string | null;
            /** @description Set for an influencer's session: the only influencer whose products it reaches. */
            influencerId: string | null;
            /** @description The person's name (a staff member's name, an influencer's display name). */
            name: string;
            /**
             * @description The language her messages (and pages) use.
             * @enum {string}
             */
            language: "en" | "zh-CN";
            /** @description Send it as the X-CSRF-Token header with every request other than GET, HEAD and OPTIONS. */
            csrfToken: string;
            /** @description When the session ends by itself. */
            expiresAt: string;
        };
        IssuedMagicLinkDto: {
            id: string;
            influencerId: string;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description Who issued it: `staff:<key or session id>`, or `notification:<id>` for a link a notification carried. */
            issuedBy: string;
            createdAt: string;
            expiresAt: string;
            revokedAt: string | null;
            /**
             * @description Her link, `<base>/app/me#token=<token>`. Shown only in this response (stored hashed).
             * @example https://engine.example.com/app/me#token=q3V…
             */
            url: string;
        };
        MagicLinkDto: {
            id: string;
            influencerId: string;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description Who issued it: `staff:<key or session id>`, or `notification:<id>` for a link a notification carried. */
            issuedBy: string;
            createdAt: string;
            expiresAt: string;
            revokedAt: string | null;
        };
        HealthDto: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            temporal: "up" | "down";
        };
        ContactChangeDto: {
            /**
             * @description Stored trimmed and in lower case. null removes it (an influencer only: a staff member always has one).
             * @example mia@studio.example
             */
            email?: string | null;
            /**
             * @description How reminders reach the person: `email` (SMTP) or `webhook` (needs webhookUrl).
             * @enum {string}
             */
            preferredChannel?: "email" | "webhook";
            /**
             * @description Where webhook messages are posted, signed (Standard Webhooks) with a `whsec_` secret the answer shows once; giving a URL (even the same one) issues a new secret. Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows). Shown afterwards as scheme and host only. null removes it (not while the preferred channel is webhook).
             * @example https://hooks.example.com/incubator
             */
            webhookUrl?: string | null;
            /**
             * @description The language messages are written in.
             * @enum {string}
             */
            language?: "en" | "zh-CN";
            /**
             * @description IANA time zone the dates in messages are written in, stored in its proper case (asia/shanghai → Asia/Shanghai); UTC offsets are refused.
             * @example Asia/Shanghai
             */
            timeZone?: string;
            /**
             * @description each: every reminder and alert as it comes; daily_digest: one message a day at NOTIFY_DIGEST_HOUR in her time zone; none: not told (nothing is written for her).
             * @enum {string}
             */
            notificationMode?: "each" | "daily_digest" | "none";
        };
        CreateInfluencerDto: {
            /**
             * @description Unique social handle: 2–64 letters, digits, dots, dashes or underscores.
             * @example zhangdayi
             */
            handle: string;
            /** @example Zhang Dayi */
            displayName: string;
            /** @description How the engine reaches her when something waits for her; fields left out take the defaults (no email, the email channel, en, UTC). */
            contact?: components["schemas"]["ContactChangeDto"];
        };
        ContactDto: {
            /** @example mia@studio.example */
            email: string | null;
            /** @enum {string} */
            preferredChannel: "email" | "webhook";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://hooks.example.com/…
             */
            webhookUrl: string | null;
            /** @enum {string} */
            language: "en" | "zh-CN";
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @enum {string} */
            notificationMode: "each" | "daily_digest" | "none";
        };
        IssuedInfluencerDto: {
            /** @example inf-4k2m9q1z7x */
            id: string;
            handle: string;
            displayName: string;
            /** @description How reminders reach her (never the webhook secret). */
            contact: components["schemas"]["ContactDto"];
            createdAt: string;
            /** @description When contact gave a webhookUrl: the `whsec_` secret her messages are signed with. Shown only in this response. */
            webhookSecret?: string;
        };
        InfluencerDto: {
            /** @example inf-4k2m9q1z7x */
            id: string;
            handle: string;
            displayName: string;
            /** @description How reminders reach her (never the webhook secret). */
            contact: components["schemas"]["ContactDto"];
            createdAt: string;
        };
        IssuedContactDto: {
            /** @example mia@studio.example */
            email: string | null;
            /** @enum {string} */
            preferredChannel: "email" | "webhook";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://hooks.example.com/…
             */
            webhookUrl: string | null;
            /** @enum {string} */
            language: "en" | "zh-CN";
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @enum {string} */
            notificationMode: "each" | "daily_digest" | "none";
            /** @description When the change gave a webhookUrl: the `whsec_` secret its messages are signed with. Shown only in this response. */
            webhookSecret?: string;
        };
        PollOptionInputDto: {
            /**
             * @description Stable id fans vote for (letters, digits, - or _); defaults to option-1, option-2, …
             * @example linen-midi
             */
            id?: string;
            /** @example Linen midi dress */
            label: string;
            /** @example Breathable, in sage and sand */
            description?: string;
        };
        PollInputDto: {
            /** @example Which dress should we make for summer? */
            question: string;
            options: components["schemas"]["PollOptionInputDto"][];
            /**
             * @description When the poll closes (ISO-8601). Give this or durationMinutes; only with pollApproval 'none' (an approved poll's duration starts at its approval).
             * @example 2026-12-01T12:00:00Z
             */
            closesAt?: string;
            /**
             * @description How long the poll stays open, in minutes (1 minute to 90 days), from its approval (pollApproval 'influencer') or its creation ('none').
             * @example 4320
             */
            durationMinutes?: number;
            /**
             * @description Fewer votes than this at closing time wait for a staff decision (extend or cancel).
             * @example 100
             */
            minVotes: number;
        };
        VariantInputDto: {
            /**
             * @description Stable id reservations and orders name: lower-case letters, digits and dashes, unique in the product.
             * @example m-black
             */
            id: string;
            /** @example M / black */
            label: string;
            /**
             * @description The shop's SKU, unique across products: how a shop order line finds the variant.
             * @example DRESS-M-BLK
             */
            sku?: string;
        };
        DemandGoalInputDto: {
            /**
             * @description Units fans must reserve for production to unlock.
             * @example 100
             */
            minimumUnits: number;
            /**
             * @description How long reservations are taken after the poll closes, in hours (1 hour to 90 days).
             * @example 336
             */
            windowHours: number;
            /**
             * @description Suggested production per variant = ceil(reserved × (1 + safetyFactor)); default from DEMAND_SAFETY_FACTOR.
             * @example 0.2
             */
            safetyFactor?: number;
        };
        SalesRulesInputDto: {
            /**
             * @description Sell-through (net sold ÷ produced) at which a restock is proposed; default RESTOCK_THRESHOLD.
             * @example 0.7
             */
            restockThreshold?: number;
            /**
             * @description Days of the recent sales rate a restock covers; default RESTOCK_COVER_DAYS.
             * @example 14
             */
            restockCoverDays?: number;
            /**
             * @description Smallest restock per variant that sold anything; default RESTOCK_MINIMUM_UNITS.
             * @example 20
             */
            restockMinimumUnits?: number;
            /**
             * @description Hours reservation holders' stock is held after the launch; default RESERVATION_HOLD.
             * @example 48
             */
            reservationHoldHours?: number;
        };
        CreateProductDto: {
            /** @example Summer dress 2027 */
            name: string;
            /** @example inf-4k2m9q1z7x */
            influencerId: string;
            /**
             * @description The keyword social updates are optimised for.
             * @example linen dress
             */
            targetKeyword: string;
            poll: components["schemas"]["PollInputDto"];
            /** @description What is sold (size / colour); default one variant "one-size". */
            variants?: components["schemas"]["VariantInputDto"][];
            /** @description The demand gate after the poll: fans reserve the winner; production unlocks at minimumUnits within the window. Absent: no gate. */
            demandGoal?: components["schemas"]["DemandGoalInputDto"];
            /**
             * @description The registered shop that sells the product and is told about reservations.
             * @example shop-4k2m9q1z7x
             */
            shopId?: string;
            /**
             * @description Who approves the poll's options before fans see them: 'influencer' (the default) keeps the poll in DRAFT, with nothing public and no votes, until the product's influencer approves it; 'none' opens it at once. The automatic screen runs either way.
             * @enum {string}
             */
            pollApproval?: "influencer" | "none";
            /** @description Restock and reservation-hold rules after the launch; each defaults from the configuration. */
            sales?: components["schemas"]["SalesRulesInputDto"];
        };
        PendingActionDto: {
            /**
             * @description Who acts next; null once the product is final.
             * @enum {string|null}
             */
            by: "fans" | "staff" | "influencer" | "engine" | null;
            /** @example REVIEW_DESIGN */
            action: string;
            /** @example review design round 1 */
            description: string;
        };
        DueDto: {
            /**
             * @description What falls due: the poll's or the demand window's closing, a waiting review's reminder time, an open sample request's, the production run's or a restock's due date, the announcement's approval deadline, the launch.
             * @enum {string}
             */
            kind: "POLL_CLOSES" | "DEMAND_CLOSES" | "REVIEW_DUE" | "SAMPLE_DUE" | "PRODUCTION_DUE" | "ANNOUNCEMENT_DUE" | "LAUNCH" | "RESTOCK_DUE";
            /** Format: date-time */
            at: string;
        };
        PollOptionDto: {
            id: string;
            label: string;
            description?: string;
        };
        ActorDto: {
            /** @enum {string} */
            kind: "staff" | "influencer" | "system";
            /** @description API key id for staff, influencer id for influencers, the timer's name for system. */
            id: string;
            /** @description A staff key's label, in staff keys' answers only. */
            label?: string;
        };
        PollChangesRequestDto: {
            feedback: string;
            /** Format: date-time */
            at: string;
            by: components["schemas"]["ActorDto"];
        };
        PollDraftDto: {
            /** @description How long the poll is open, counted from its approval (ms). */
            durationMs: number;
            /** @description The influencer's last request for changes, until staff edit the options. */
            changesRequested?: components["schemas"]["PollChangesRequestDto"];
            /** Format: date-time */
            approvedAt?: string;
            approvedBy?: components["schemas"]["ActorDto"];
        };
        OptionCountDto: {
            optionId: string;
            votes: number;
            /**
             * Format: date-time
             * @description When its last counted vote arrived (breaks ties); null with no votes.
             */
            lastVoteAt: string | null;
        };
        PollTallyDto: {
            counts: components["schemas"]["OptionCountDto"][];
            totalVotes: number;
            /** Format: date-time */
            at: string;
        };
        PollResultDto: {
            counts: components["schemas"]["OptionCountDto"][];
            totalVotes: number;
            winningOptionId: string;
            /** @description The winner shared the top count and the tie-break rule decided. */
            tieBroken: boolean;
            /** Format: date-time */
            closedAt: string;
        };
        VoteMilestoneDto: {
            /** @example 1000 */
            milestone: number;
            /** @description The total when intake noticed the crossing. */
            totalVotes: number;
            /** Format: date-time */
            at: string;
        };
        PollDto: {
            question: string;
            options: components["schemas"]["PollOptionDto"][];
            /**
             * Format: date-time
             * @description When the poll closes; while DRAFT, provisional (the duration counts from the approval).
             */
            closesAt: string;
            minVotes: number;
            /**
             * @description DRAFT: waiting for the influencer's approval of the options; nothing is public and no votes are taken.
             * @enum {string}
             */
            status: "DRAFT" | "OPEN" | "CLOSING" | "AWAITING_DECISION" | "CLOSED" | "CANCELLED";
            /** @description Present for polls the influencer approves before they open: duration, requested changes, approval. */
            draft?: components["schemas"]["PollDraftDto"];
            /** @description The last tally, also when it fell short of minVotes. */
            lastTally?: components["schemas"]["PollTallyDto"];
            result?: components["schemas"]["PollResultDto"];
            /** @description Vote-count milestones announced so far. */
            milestones?: components["schemas"]["VoteMilestoneDto"][];
        };
        DesignRoundDto: {
            round: number;
            /** @enum {string} */
            status: "PENDING_REVIEW" | "APPROVED" | "CHANGES_REQUESTED";
            /** Format: date-time */
            submittedAt: string;
            submittedBy: components["schemas"]["ActorDto"];
            feedback?: string;
            /** Format: date-time */
            reviewedAt?: string;
            reviewedBy?: components["schemas"]["ActorDto"];
            /**
             * Format: date-time
             * @description When the influencer was last reminded that it waits for her.
             */
            remindedAt?: string;
            /** @description How often she was reminded of it (one per REVIEW_REMINDER_AFTER it waits, up to REVIEW_REMINDER_LIMIT). */
            reminders?: number;
            title: string;
            description: string;
            imageUrls: string[];
        };
        SampleRoundDto: {
            round: number;
            /** @enum {string} */
            status: "PENDING_REVIEW" | "APPROVED" | "CHANGES_REQUESTED";
            /** Format: date-time */
            submittedAt: string;
            submittedBy: components["schemas"]["ActorDto"];
            feedback?: string;
            /** Format: date-time */
            reviewedAt?: string;
            reviewedBy?: components["schemas"]["ActorDto"];
            /**
             * Format: date-time
             * @description When the influencer was last reminded that it waits for her.
             */
            remindedAt?: string;
            /** @description How often she was reminded of it (one per REVIEW_REMINDER_AFTER it waits, up to REVIEW_REMINDER_LIMIT). */
            reminders?: number;
            supplier: string;
            notes: string;
            photoUrls: string[];
        };
        VariantUnitsDto: {
            /** @example m-black */
            variantId: string;
            /** @example 120 */
            units: number;
        };
        ProductionRunDto: {
            quantity: number;
            /** @description Units per variant (they add up to quantity). */
            quantities?: components["schemas"]["VariantUnitsDto"][];
            suggestedQuantity: number;
            supplier: string;
            /** Format: date-time */
            dueDate: string;
            /** Format: date-time */
            startedAt: string;
            /**
             * Format: date-time
             * @description When staff were warned that its due date nears (ORDER_DUE_WARNING before it).
             */
            dueWarnedAt?: string;
        };
        MilestoneRecordDto: {
            /** @enum {string} */
            milestone: "MATERIALS" | "CUTTING" | "SEWING" | "QUALITY_CHECK" | "SHIPPED";
            note?: string;
            /** Format: date-time */
            at: string;
        };
        ProductionDto: {
            /** @description Absent until staff start production. */
            run?: components["schemas"]["ProductionRunDto"];
            milestones: components["schemas"]["MilestoneRecordDto"][];
        };
        LaunchCountdownDto: {
            /** @description How long before the launch it goes out. */
            offsetMs: number;
            /** Format: date-time */
            at: string;
            sent: boolean;
        };
        LaunchAnnouncementTextDto: {
            title: string;
            body: string;
            /** Format: date-time */
            approvedAt: string;
            approvedBy: components["schemas"]["ActorDto"];
        };
        LaunchDto: {
            /** Format: date-time */
            launchAt?: string;
            countdowns: components["schemas"]["LaunchCountdownDto"][];
            /** Format: date-time */
            launchedAt?: string;
            /** @description The announcement as the influencer approved it. */
            announcement?: components["schemas"]["LaunchAnnouncementTextDto"];
            /**
             * Format: date-time
             * @description When staff were alerted that the announcement was still unapproved.
             */
            approvalOverdueAt?: string;
        };
        CancellationDto: {
            reason: string;
            /** Format: date-time */
            at: string;
            by: components["schemas"]["ActorDto"];
            /** @enum {string} */
            fromStage: "POLL" | "DEMAND" | "DESIGN" | "SAMPLING" | "PRODUCTION" | "LAUNCH" | "ON_SALE" | "LAUNCHED" | "ENDED" | "CANCELLED";
        };
        VariantDto: {
            /** @example m-black */
            id: string;
            /** @example M / black */
            label: string;
            /** @description The shop's SKU, unique across products. */
            sku?: string;
        };
        DemandGoalDto: {
            minimumUnits: number;
            /** @description How long reservations are taken after the poll closes. */
            windowMs: number;
            /** @description Suggested production per variant: ceil(reserved units × (1 + safetyFactor)). */
            safetyFactor: number;
        };
        ReservationTallyDto: {
            variants: components["schemas"]["VariantUnitsDto"][];
            totalUnits: number;
            reservations: number;
            /** Format: date-time */
            at: string;
        };
        DecisionDto: {
            reason: string;
            /** Format: date-time */
            at: string;
            by: components["schemas"]["ActorDto"];
        };
        DemandDto: {
            goal: components["schemas"]["DemandGoalDto"];
            /** @enum {string} */
            status: "OPEN" | "CLOSING" | "AWAITING_DECISION" | "MET" | "OVERRIDDEN" | "RELEASED";
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            closesAt: string;
            /**
             * Format: date-time
             * @description When intake first reported the goal reached.
             */
            goalReachedAt?: string;
            lastTally?: components["schemas"]["ReservationTallyDto"];
            /** @description Production per variant suggested from the reservations. */
            suggested?: components["schemas"]["VariantUnitsDto"][];
            /** @description Staff unlocked production although the goal was missed. */
            override?: components["schemas"]["DecisionDto"];
        };
        VariantStockDto: {
            variantId: string;
            produced: number;
            sold: number;
            returned: number;
            /** @description produced − sold + returned − stock still held for reservation holders. */
            available: number;
            /** @description Net units sold per day over the recent window. */
            unitsPerDay: number;
        };
        SalesReportDto: {
            /** Format: date-time */
            at: string;
            variants: components["schemas"]["VariantStockDto"][];
        };
        RestockDto: {
            /** @description 1 for the first restock, and so on. */
            number: number;
            /** @enum {string} */
            status: "PROPOSED" | "IN_PRODUCTION" | "SHIPPED" | "DECLINED" | "CANCELLED";
            /** Format: date-time */
            proposedAt: string;
            /** @description Sell-through (0–1) when it was proposed. */
            sellThrough: number;
            producedWhenProposed: number;
            suggested: components["schemas"]["VariantUnitsDto"][];
            quantities?: components["schemas"]["VariantUnitsDto"][];
            supplier?: string;
            /** Format: date-time */
            dueDate?: string;
            /** Format: date-time */
            approvedAt?: string;
            approvedBy?: components["schemas"]["ActorDto"];
            milestones: components["schemas"]["MilestoneRecordDto"][];
            /** Format: date-time */
            closedAt?: string;
            /** @description Why it was declined or cancelled. */
            reason?: string;
            /**
             * Format: date-time
             * @description When staff were warned that its due date nears (ORDER_DUE_WARNING before it).
             */
            dueWarnedAt?: string;
        };
        SalesDto: {
            /** Format: date-time */
            onSaleAt: string;
            /**
             * Format: date-time
             * @description Stock is held for reservation holders until then.
             */
            holdUntil?: string;
            /** Format: date-time */
            holdReleasedAt?: string;
            /** @description Units produced per variant: the first run plus every shipped restock. */
            produced: components["schemas"]["VariantUnitsDto"][];
            /** @description Variants currently sold out. */
            soldOut: string[];
            lastReport?: components["schemas"]["SalesReportDto"];
            restocks: components["schemas"]["RestockDto"][];
            ended?: components["schemas"]["DecisionDto"];
        };
        ProductLinksDto: {
            self: string;
            timeline: string;
            /** @description The product's workflow in the Temporal UI; in staff keys' answers only. */
            temporalUi?: string;
        };
        ProductDto: {
            /** @example p-8f3k2m9q1z7x */
            id: string;
            name: string;
            influencerId: string;
            targetKeyword: string;
            /** @enum {string} */
            stage: "POLL" | "DEMAND" | "DESIGN" | "SAMPLING" | "PRODUCTION" | "LAUNCH" | "ON_SALE" | "LAUNCHED" | "ENDED" | "CANCELLED";
            pendingAction: components["schemas"]["PendingActionDto"];
            /** @description When what the product waits for falls due (past it, the product is late); absent when it has no time. */
            due?: components["schemas"]["DueDto"];
            workflowId: string;
            createdAt: string;
            /** @description When its last event happened: since then it waits for its pending action. */
            updatedAt: string;
            /** @description Sequence number of the last event reflected here. */
            seq: number;
            /** @description Question, options, closing time, minimum votes, status and, once closed, the result. */
            poll: components["schemas"]["PollDto"];
            /** @description Design rounds: proposal, status, feedback. */
            designs: components["schemas"]["DesignRoundDto"][];
            /** @description Sample rounds: supplier, notes, photos, status, feedback. */
            samples: components["schemas"]["SampleRoundDto"][];
            /** @description Suggested first run, derived from poll demand. */
            suggestedQuantity?: number;
            /** @description The run (quantity, supplier, due date) and milestones recorded. */
            production: components["schemas"]["ProductionDto"];
            /** @description Launch time, countdowns and launchedAt. */
            launch: components["schemas"]["LaunchDto"];
            /** @description Reason, time, who, and the stage it was cancelled from. */
            cancellation?: components["schemas"]["CancellationDto"];
            /** @description What is sold: id, label and SKU of each variant (absent in products created before variants). */
            variants?: components["schemas"]["VariantDto"][];
            /** @description The shop that sells the product. */
            shopId?: string;
            /** @description The demand gate: goal, status, closing time, last reservation tally, suggested production per variant, override. */
            demand?: components["schemas"]["DemandDto"];
            /** @description After the launch: stock produced per variant, sold-out variants, the reservation hold, the last stock report, restocks and the end of sales. */
            sales?: components["schemas"]["SalesDto"];
            links: components["schemas"]["ProductLinksDto"];
        };
        ProductSummaryDto: {
            /** @example p-8f3k2m9q1z7x */
            id: string;
            name: string;
            influencerId: string;
            targetKeyword: string;
            /** @enum {string} */
            stage: "POLL" | "DEMAND" | "DESIGN" | "SAMPLING" | "PRODUCTION" | "LAUNCH" | "ON_SALE" | "LAUNCHED" | "ENDED" | "CANCELLED";
            pendingAction: components["schemas"]["PendingActionDto"];
            /** @description When what the product waits for falls due (past it, the product is late); absent when it has no time. */
            due?: components["schemas"]["DueDto"];
            workflowId: string;
            createdAt: string;
            /** @description When its last event happened: since then it waits for its pending action. */
            updatedAt: string;
        };
        ProductPageDto: {
            items: components["schemas"]["ProductSummaryDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @enum {string} */
        LifecycleEventType: "PRODUCT_CREATED" | "POLL_OPENED" | "POLL_DRAFTED" | "POLL_OPTIONS_EDITED" | "POLL_CHANGES_REQUESTED" | "POLL_APPROVED" | "POLL_EXTENDED" | "POLL_MILESTONE" | "POLL_BELOW_MINIMUM" | "POLL_CLOSED" | "STAGE_CHANGED" | "DESIGN_SUBMITTED" | "DESIGN_APPROVED" | "DESIGN_CHANGES_REQUESTED" | "DESIGN_REVIEW_REMINDER" | "SAMPLE_REQUESTED" | "SAMPLE_RECORDED" | "SAMPLE_APPROVED" | "SAMPLE_CHANGES_REQUESTED" | "SAMPLE_REVIEW_REMINDER" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCH_ANNOUNCEMENT_APPROVED" | "LAUNCH_APPROVAL_OVERDUE" | "LAUNCHED" | "CANCELLED" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_EXTENDED" | "DEMAND_BELOW_GOAL" | "DEMAND_MET" | "DEMAND_OVERRIDDEN" | "RESERVATIONS_RELEASED" | "RESERVATION_HOLD_ENDED" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "RESTOCK_DECLINED" | "RESTOCK_CANCELLED" | "RESTOCK_MILESTONE" | "BACK_IN_STOCK" | "SALES_ENDED" | "ORDER_DUE_SOON";
        TimelineEventDto: {
            seq: number;
            /** @example STAGE_CHANGED */
            type: components["schemas"]["LifecycleEventType"];
            /**
             * @description The stage after the event.
             * @enum {string}
             */
            stage: "POLL" | "DEMAND" | "DESIGN" | "SAMPLING" | "PRODUCTION" | "LAUNCH" | "ON_SALE" | "LAUNCHED" | "ENDED" | "CANCELLED";
            /**
             * @description Who did it; a staff key's label only in staff keys' answers.
             * @example {
             *       "kind": "influencer",
             *       "id": "inf-4k2m9q1z7x"
             *     }
             */
            actor: components["schemas"]["ActorDto"];
            at: string;
            /** @description What the event records; its fields depend on type. */
            data: {
                [key: string]: unknown;
            };
        };
        TimelineDto: {
            productId: string;
            events: components["schemas"]["TimelineEventDto"][];
            /** @description Pass as `afterSeq` for the next page; null when these are the last events. */
            nextAfterSeq: number | null;
        };
        EditPollOptionsDto: {
            /**
             * @description The new question; absent: it stays.
             * @example Which dress should we make for autumn?
             */
            question?: string;
            /** @description The whole new option set (screened again); ids default to option-1, option-2, … */
            options: components["schemas"]["PollOptionInputDto"][];
        };
        ExtendPollDto: {
            /**
             * @description The new closing time; later than the current one.
             * @example 2026-12-08T12:00:00Z
             */
            closesAt: string;
        };
        SubmitDesignDto: {
            /** @example Sage linen midi, v1 */
            title: string;
            /** @example A-line midi with pockets; sage and sand colourways. */
            description: string;
            /**
             * @description http(s) URLs, or paths of the product's uploaded images (`urls.display` of POST /products/{id}/images: `/images/<id>/display`). The first uploaded one is the picture on the share cards once the design is approved.
             * @example [
             *       "/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display",
             *       "https://cdn.example.com/designs/v1-back.png"
             *     ]
             */
            imageUrls?: string[];
        };
        RecordSampleDto: {
            /**
             * @description A supplier named only (nothing is sent to it). Leave both out when the sample answers an open sample request: it came from the requested supplier.
             * @example Hangzhou Silk Works
             */
            supplier?: string;
            /**
             * @description A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.
             * @example sup-4k2m9q1z7x3b
             */
            supplierId?: string;
            /** @example Seams good; colour slightly dark. */
            notes?: string;
            /**
             * @description http(s) URLs, or paths of the product's uploaded images (`/images/<id>/display`).
             * @example [
             *       "/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display"
             *     ]
             */
            photoUrls?: string[];
        };
        RequestSampleDto: {
            /**
             * @description The registered supplier (POST /suppliers) the request is sent to.
             * @example sup-4k2m9q1z7x3b
             */
            supplierId: string;
            /**
             * @description What to make, for the supplier.
             * @example Size M in the approved colourway; use the heavier silk.
             */
            notes?: string;
            /**
             * @description When the sample is wanted; in the future.
             * @example 2027-01-15T00:00:00Z
             */
            dueDate?: string;
        };
        StartProductionDto: {
            /**
             * @description Units to make in all; defaults to the quantity suggested from demand. With quantities it must equal their sum.
             * @example 300
             */
            quantity?: number;
            /** @description Units per variant, every variant of the product once (at least 1 unit in all); defaults to the demand suggestion, else the total split across variants. */
            quantities?: components["schemas"]["VariantUnitsDto"][];
            /**
             * @description A supplier named only: nothing is sent to it. Give this or supplierId.
             * @example Hangzhou Silk Works
             */
            supplier?: string;
            /**
             * @description A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.
             * @example sup-4k2m9q1z7x3b
             */
            supplierId?: string;
            /** @example 2027-02-01T00:00:00Z */
            dueDate: string;
        };
        RecordMilestoneDto: {
            /**
             * @description Recorded in this order; SHIPPED moves the product to LAUNCH.
             * @enum {string}
             */
            milestone: "MATERIALS" | "CUTTING" | "SEWING" | "QUALITY_CHECK" | "SHIPPED";
            /** @example Fabric arrived, 2% short */
            note?: string;
        };
        ScheduleLaunchDto: {
            /** @example 2027-03-01T12:00:00Z */
            launchAt: string;
        };
        CancelProductDto: {
            /** @example Supplier cannot meet the price point */
            reason: string;
        };
        ExtendDemandDto: {
            /**
             * @description The new closing time of the demand window; later than the current one.
             * @example 2026-12-20T12:00:00Z
             */
            closesAt: string;
        };
        ReasonDto: {
            /** @example The influencer backs it; first run small */
            reason: string;
        };
        ApproveRestockDto: {
            /** @description Units per variant, every variant once; defaults to the proposed restock. */
            quantities?: components["schemas"]["VariantUnitsDto"][];
            /**
             * @description A supplier named only: nothing is sent to it. Give this or supplierId.
             * @example Hangzhou Silk Works
             */
            supplier?: string;
            /**
             * @description A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.
             * @example sup-4k2m9q1z7x3b
             */
            supplierId?: string;
            /** @example 2027-04-01T00:00:00Z */
            dueDate: string;
        };
        RecordRestockMilestoneDto: {
            /**
             * @description Recorded in this order; SHIPPED adds the restock to the stock (BACK_IN_STOCK).
             * @enum {string}
             */
            milestone: "MATERIALS" | "CUTTING" | "SEWING" | "QUALITY_CHECK" | "SHIPPED";
            /** @example Fabric arrived */
            note?: string;
        };
        RequestPollChangesDto: {
            /**
             * @description What to change in the poll's options; staff see it in the pending action.
             * @example Add a cotton option, and drop the slip dress
             */
            feedback: string;
        };
        ReviewDto: {
            /** @enum {string} */
            decision: "APPROVE" | "REQUEST_CHANGES";
            /**
             * @description Required when requesting changes: what to change.
             * @example Shorter sleeves, please
             */
            feedback?: string;
        };
        CreateWebhookSourceDto: {
            /** @example Weibo poll connector */
            name: string;
            /**
             * @description The platform whose fans this source reports; every vote it sends must name it.
             * @example weibo
             * @enum {string}
             */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description Deliveries per second this source may make to each API instance before it gets 429 (default WEBHOOK_SOURCE_RATE_LIMIT).
             * @example 1000
             */
            rateLimitPerSecond?: number;
        };
        IssuedWebhookSourceDto: {
            /** @example src-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @example weibo */
            platform: string;
            /** @example 1000 */
            rateLimitPerSecond: number;
            /**
             * @description Where the connector posts votes (on this API's base URL), signed per Standard Webhooks.
             * @example /webhooks/votes/src-4k2m9q1z7x3b
             */
            deliveryPath: string;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            rotatedAt: string | null;
            /** @description Until when the secret replaced by the last rotation is still accepted. */
            previousSecretValidUntil: string | null;
            disabledAt: string | null;
            /**
             * @description The signing secret (`whsec_…`). Shown only in this response; store it in the connector now.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookSourceDto: {
            /** @example src-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @example weibo */
            platform: string;
            /** @example 1000 */
            rateLimitPerSecond: number;
            /**
             * @description Where the connector posts votes (on this API's base URL), signed per Standard Webhooks.
             * @example /webhooks/votes/src-4k2m9q1z7x3b
             */
            deliveryPath: string;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            rotatedAt: string | null;
            /** @description Until when the secret replaced by the last rotation is still accepted. */
            previousSecretValidUntil: string | null;
            disabledAt: string | null;
        };
        VoterDto: {
            /**
             * @description Must be the platform the webhook source was registered for.
             * @example weibo
             * @enum {string}
             */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description The fan's user id or handle on that platform: one vote per fan per poll. Compared after normalisation (invisible characters removed, Unicode NFKC, trimmed, lower case except on douyin and tiktok); white space inside is refused. Stored as sent too.
             * @example 5829301147
             */
            userId: string;
        };
        VoteDto: {
            /**
             * @description The product whose poll the vote is for (a product has one poll).
             * @example p-8f3k2m9q1z7x
             */
            productId: string;
            /**
             * @description One of the poll's option ids.
             * @example option-1
             */
            optionId: string;
            voter: components["schemas"]["VoterDto"];
            /**
             * @description When the fan voted on the platform (ISO-8601).
             * @example 2026-11-24T10:15:30Z
             */
            occurredAt: string;
            /**
             * @description The code of the tracked link (`/r/<code>`, `?c=` on the share page) the fan came through. A code that is not one of this product's links (stale, or another product's) does not refuse the vote: it is counted, unattributed.
             * @example k3m9q2x7za
             */
            attributionCode?: string;
        };
        VoteReceiptDto: {
            /**
             * @description counted: stored and in the tally; duplicate: already had it, not counted again.
             * @enum {string}
             */
            result: "counted" | "duplicate";
            /**
             * @description Why a duplicate was not counted.
             * @enum {string}
             */
            reason?: "redelivery" | "already-voted";
            productId: string;
            /** @description The webhook-id of this delivery. */
            webhookId: string;
        };
        OptionResultDto: {
            /** @example option-1 */
            id: string;
            /** @example Linen wrap dress */
            label: string;
            /** @example 1234 */
            votes: number;
            /**
             * @description Share of all votes, in percent (one decimal).
             * @example 61.7
             */
            percent: number;
        };
        LiveResultsDto: {
            productId: string;
            question: string;
            /** @enum {string} */
            status: "DRAFT" | "OPEN" | "CLOSING" | "AWAITING_DECISION" | "CLOSED" | "CANCELLED";
            closesAt: string;
            /** @example 2000 */
            totalVotes: number;
            options: components["schemas"]["OptionResultDto"][];
            /** @description The winner once the poll has closed. */
            winningOptionId: string | null;
            /** @description When these counts were read; they are at most LIVE_RESULTS_TTL old. */
            asOf: string;
        };
        TemplateOverrideDto: {
            /**
             * @description Placeholders in braces; each event documents the ones it fills.
             * @example {keyword} is here 🎉
             */
            title?: string;
            /**
             * @example Our {keyword} ({product}) is live now.
             *
             *     Thank you!
             */
            body?: string;
            /**
             * @example [
             *       "launchday"
             *     ]
             */
            hashtags?: string[];
        };
        SocialSettingsDto: {
            /**
             * @default en
             * @enum {string}
             */
            language: "en" | "zh-CN";
            /**
             * @description warm adds 💛 to titles, hype 🔥 and an exclamation, minimal nothing.
             * @default warm
             * @enum {string}
             */
            tone: "warm" | "hype" | "minimal";
            /**
             * @description The platform the stored update and share page are written for; default xiaohongshu for zh-CN, instagram for en.
             * @enum {string}
             */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description Added after the keyword tag on every update.
             * @default []
             * @example [
             *       "miastyle"
             *     ]
             */
            signatureHashtags: string[];
            /**
             * @description Paid partnership: every published update is a sponsored post, carrying the platform's disclosure and held until its paid-post order reference is recorded (POST /products/:id/social-updates/:updateId/sponsorship).
             * @default false
             */
            sponsored: boolean;
            /**
             * @description IANA time zone dates in posts are written in.
             * @default UTC
             * @example Asia/Shanghai
             */
            timeZone: string;
            /**
             * @description Per-event template overrides; keys: POLL_OPENED, POLL_MILESTONE, POLL_RESULT, DESIGN_APPROVED, SAMPLE_APPROVED, PRODUCTION_STARTED, PRODUCTION_MILESTONE, LAUNCH_SCHEDULED, LAUNCH_COUNTDOWN, LAUNCHED, CANCELLED, LAUNCH_APPROVAL_OVERDUE, DEMAND_OPENED, DEMAND_GOAL_REACHED, DEMAND_MET, DEMAND_BELOW_GOAL, RESERVATIONS_RELEASED, SOLD_OUT, RESTOCK_PROPOSED, RESTOCK_APPROVED, BACK_IN_STOCK, SALES_ENDED, PRODUCT_CANCELLED.
             * @example {
             *       "LAUNCHED": {
             *         "title": "{keyword} is here 🎉"
             *       }
             *     }
             */
            templates: {
                [key: string]: components["schemas"]["TemplateOverrideDto"];
            };
        };
        CreateChannelDto: {
            /**
             * @description webhook: signed POSTs to url; log: a structured log line for staff.
             * @enum {string}
             */
            kind: "webhook" | "log";
            /** @example Xiaohongshu scheduler */
            name: string;
            /**
             * @description The platform it posts to (the text fits its limits); default: the influencer's platform.
             * @enum {string}
             */
            platform?: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description Required for webhook channels. Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).
             * @example https://scheduler.example.com/hooks/incubator
             */
            url?: string;
        };
        IssuedChannelDto: {
            /** @example ch-4k2m9q1z7x3b */
            id: string;
            influencerId: string;
            /** @enum {string} */
            kind: "webhook" | "log";
            name: string;
            /** @enum {string} */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://scheduler.example.com/…
             */
            url: string | null;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            rotatedAt: string | null;
            /** @description Until when deliveries are also signed with the secret replaced by the last rotation. */
            previousSecretValidUntil: string | null;
            disabledAt: string | null;
            /**
             * @description Webhook channels: the signing secret (`whsec_…`) receivers verify with, shown only in this response.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret?: string;
        };
        ChannelDto: {
            /** @example ch-4k2m9q1z7x3b */
            id: string;
            influencerId: string;
            /** @enum {string} */
            kind: "webhook" | "log";
            name: string;
            /** @enum {string} */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://scheduler.example.com/…
             */
            url: string | null;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            rotatedAt: string | null;
            /** @description Until when deliveries are also signed with the secret replaced by the last rotation. */
            previousSecretValidUntil: string | null;
            disabledAt: string | null;
        };
        ScoreReasonDto: {
            rule: string;
            points: number;
            max: number;
            detail: string;
        };
        OptimisationDto: {
            score: number;
            /** @description The keyword's share of the body's tokens. */
            density: number;
            reasons: components["schemas"]["ScoreReasonDto"][];
        };
        SocialUpdateDto: {
            id: string;
            productId: string;
            /** @description The timeline event it was made from. */
            seq: number;
            /** @enum {string} */
            event: "POLL_OPENED" | "POLL_MILESTONE" | "POLL_RESULT" | "DESIGN_APPROVED" | "SAMPLE_APPROVED" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCHED" | "CANCELLED" | "LAUNCH_APPROVAL_OVERDUE" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_MET" | "DEMAND_BELOW_GOAL" | "RESERVATIONS_RELEASED" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "BACK_IN_STOCK" | "SALES_ENDED" | "PRODUCT_CANCELLED";
            /**
             * @description withheld: a launch announcement the influencer did not approve in time.
             * @enum {string}
             */
            status: "published" | "internal" | "withheld";
            title: string;
            body: string;
            hashtags: string[];
            keyword: string;
            /** @enum {string} */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /** @enum {string} */
            language: "en" | "zh-CN";
            sponsored: boolean;
            shareUrl: string;
            imageUrl: string;
            optimisation: components["schemas"]["OptimisationDto"];
            occurredAt: string;
        };
        SocialUpdatesDto: {
            productId: string;
            updates: components["schemas"]["SocialUpdateDto"][];
        };
        AnnouncementTextDto: {
            title: string;
            body: string;
            hashtags: string[];
            optimisation: components["schemas"]["OptimisationDto"];
        };
        LaunchAnnouncementDto: {
            productId: string;
            /** @enum {string} */
            status: "not_required" | "awaiting_approval" | "approved";
            launchAt: string | null;
            /** @description Approve before this time, or staff are alerted. */
            approveBy: string | null;
            /** @description What goes out at launch: the approved text, or the current draft. */
            text: components["schemas"]["AnnouncementTextDto"];
            approvedAt: string | null;
        };
        ApproveAnnouncementDto: {
            /**
             * @description The title as it should go out; default: the current draft.
             * @example Our linen dress is live 💛
             */
            title?: string;
            /** @description The body as it should go out; default: the current draft. */
            body?: string;
        };
        DeliveryDto: {
            /** @description Also the webhook-id the receiver sees on every attempt. */
            id: string;
            updateId: string;
            /** @enum {string} */
            event: "POLL_OPENED" | "POLL_MILESTONE" | "POLL_RESULT" | "DESIGN_APPROVED" | "SAMPLE_APPROVED" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCHED" | "CANCELLED" | "LAUNCH_APPROVAL_OVERDUE" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_MET" | "DEMAND_BELOW_GOAL" | "RESERVATIONS_RELEASED" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "BACK_IN_STOCK" | "SALES_ENDED" | "PRODUCT_CANCELLED";
            channelId: string;
            /** @enum {string} */
            channelKind: "webhook" | "log";
            /**
             * @description cancelled: its product was cancelled before it went out; withdrawn, never sent again. held: a sponsored post waiting for its paid-post order reference (not sent). blocked: the platform refused that order (not sent unless a new reference is recorded).
             * @enum {string}
             */
            status: "pending" | "held" | "blocked" | "delivered" | "failed" | "cancelled";
            attempts: number;
            lastError: string | null;
            /** @description The receiver's HTTP status when delivered. */
            responseStatus: number | null;
            /** @description The start of the receiver's answer (at most 300 characters; only the first 4 KiB are read). */
            responseBody: string | null;
            resends: number;
            createdAt: string;
            deliveredAt: string | null;
            failedAt: string | null;
            cancelledAt: string | null;
            /**
             * @description The tracked link this delivery posted (on the public base URL): its clicks, and the votes, reservations and orders carrying its code, count for this update and channel in the funnel. null for internal updates.
             * @example /r/k3v9q2m7xa
             */
            trackedLink: string | null;
        };
        DeliveriesDto: {
            productId: string;
            deliveries: components["schemas"]["DeliveryDto"][];
        };
        ShopEventCountsDto: {
            pending: number;
            delivered: number;
            failed: number;
        };
        ShopEventDto: {
            /** @description Also the webhook-id the shop sees on every attempt. */
            id: string;
            /** @description One notification: the product, the kind and the timeline event that decided it. */
            batchId: string;
            /** @enum {string} */
            kind: "reservation.ready" | "reservation.released" | "reservation.expired";
            shopId: string;
            reservationId: string;
            /** @description The reservation's code, which the holder types at the shop's checkout. */
            reservationCode: string;
            variantId: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            /** @description Attempts made (an event not sent after a 410 stopped its batch has none). */
            attempts: number;
            /** @description The last attempt's error; the endpoint is named by its host only. */
            lastError: string | null;
            /** @description The shop's HTTP status when delivered. */
            responseStatus: number | null;
            createdAt: string;
            deliveredAt: string | null;
            failedAt: string | null;
        };
        ShopEventsDto: {
            productId: string;
            /** @description Every event of the product (of the kind asked for), by status. */
            counts: components["schemas"]["ShopEventCountsDto"];
            events: components["schemas"]["ShopEventDto"][];
            /** @description The offset of the next page; null on the last. */
            nextOffset: number | null;
        };
        RevenueDto: {
            /** @example EUR */
            currency: string;
            /**
             * @description Lines of orders not cancelled, less their refunds, in minor units (cents).
             * @example 259000
             */
            amountMinor: number;
        };
        FunnelRowDto: {
            /** @description Counted share-page views (bots and repeats within the window left out). */
            views: number;
            /** @description Counted clicks on tracked links. */
            clicks: number;
            votes: number;
            /** @description Reservations made (whatever became of them). */
            reservations: number;
            reservedUnits: number;
            /** @description Orders not cancelled (in totals each order once, even when its lines came through different links). */
            orders: number;
            /** @description Units on order lines of orders not cancelled. */
            orderedUnits: number;
            revenue: components["schemas"]["RevenueDto"][];
            /**
             * @description link: through a tracked link; direct: share-page views without one; unattributed: votes, reservations and orders without a code of this product.
             * @enum {string}
             */
            source: "link" | "direct" | "unattributed";
            /** @description The stage of the update whose link (or page) it was; null when unattributed. */
            stage: string | null;
            /** @description The channel's name, `direct`, `unattributed`, or `deleted channel`. */
            channel: string;
            channelId: string | null;
        };
        FunnelCountsDto: {
            /** @description Counted share-page views (bots and repeats within the window left out). */
            views: number;
            /** @description Counted clicks on tracked links. */
            clicks: number;
            votes: number;
            /** @description Reservations made (whatever became of them). */
            reservations: number;
            reservedUnits: number;
            /** @description Orders not cancelled (in totals each order once, even when its lines came through different links). */
            orders: number;
            /** @description Units on order lines of orders not cancelled. */
            orderedUnits: number;
            revenue: components["schemas"]["RevenueDto"][];
        };
        ConversionDto: {
            numerator: number;
            denominator: number;
            /** @description numerator ÷ denominator (null when the denominator is 0). */
            rate: number | null;
        };
        FunnelConversionsDto: {
            /** @description Fans (platform and normalised user id) who voted and reserved ÷ fans who voted. */
            voterToReserver: components["schemas"]["ConversionDto"];
            /** @description Reservations whose code is on an order line of an order not cancelled ÷ reservations. */
            reserverToBuyer: components["schemas"]["ConversionDto"];
        };
        FunnelDto: {
            productId: string;
            rows: components["schemas"]["FunnelRowDto"][];
            totals: components["schemas"]["FunnelCountsDto"];
            conversions: components["schemas"]["FunnelConversionsDto"];
            asOf: string;
        };
        ReservingFanDto: {
            /**
             * @description Must be the platform the webhook source was registered for.
             * @example weibo
             * @enum {string}
             */
            platform: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description The fan's user id or handle on that platform, compared after the same normalisation as votes: one reservation per fan and variant.
             * @example 5829301147
             */
            userId: string;
        };
        ReservationDto: {
            /** @example p-8f3k2m9q1z7x */
            productId: string;
            /**
             * @description One of the product's variant ids.
             * @example m-black
             */
            variantId: string;
            /**
             * @description Units; 0 or less is refused with 400.
             * @example 1
             */
            quantity: number;
            fan: components["schemas"]["ReservingFanDto"];
            /**
             * @description When the fan reserved on the platform (ISO-8601).
             * @example 2026-11-24T10:15:30Z
             */
            occurredAt: string;
            /**
             * @description The tracked link's code (/r/<code>) the fan came through, when the connector knows it.
             * @example r7k2m9q1
             */
            attributionCode?: string;
        };
        ReservationReceiptDto: {
            /**
             * @description reserved: stored and counted; duplicate: already had it, not counted again.
             * @enum {string}
             */
            result: "reserved" | "duplicate";
            /**
             * @description Why a duplicate was not counted.
             * @enum {string}
             */
            reason?: "redelivery" | "already-reserved";
            /**
             * @description The reservation code for the shop's checkout (of the stored reservation, for a duplicate).
             * @example K7M2Q9X4TB
             */
            code: string;
            productId: string;
            variantId: string;
            /** @description The webhook id of this delivery. */
            webhookId: string;
        };
        VariantDemandDto: {
            /** @example m-black */
            variantId: string;
            /** @example M / black */
            label: string;
            /**
             * @description Units reserved (reservations held or converted into orders).
             * @example 42
             */
            units: number;
        };
        LiveDemandDto: {
            productId: string;
            /** @enum {string} */
            status: "OPEN" | "CLOSING" | "AWAITING_DECISION" | "MET" | "OVERRIDDEN" | "RELEASED";
            /** @example 100 */
            minimumUnits: number;
            /** @example 64 */
            reservedUnits: number;
            /**
             * @description Reservations (a fan may reserve several units of a variant).
             * @example 51
             */
            reservations: number;
            /**
             * @description reservedUnits ÷ minimumUnits (may pass 1).
             * @example 0.64
             */
            shareOfGoal: number;
            closesAt: string;
            /** @description Until reservations close; 0 once the window is not open. */
            timeLeftMs: number;
            variants: components["schemas"]["VariantDemandDto"][];
            /** @description When these figures were read; at most LIVE_RESULTS_TTL old. */
            asOf: string;
        };
        CreateShopDto: {
            /** @example Mia's store */
            name: string;
            /**
             * @description standard: the shop's connector posts Standard Webhooks envelopes to /webhooks/shops/{id}, signed with the inbound secret this answer shows once; shopify: Shopify posts its own order webhooks to /webhooks/shopify/{id}, signed with the app's client secret, which you give as inboundSecret.
             * @enum {string}
             */
            kind: "standard" | "shopify";
            /** @description shopify only, and required there: the Shopify app's client secret (Shopify signs its webhooks with it). Stored encrypted, never shown again. */
            inboundSecret?: string;
            /**
             * @description Where reservation events are delivered (signed with the outbound secret). Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).
             * @example https://shop.example.com/hooks/incubator
             */
            outboundUrl?: string;
        };
        IssuedShopDto: {
            /** @example shop-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "standard" | "shopify";
            /**
             * @description Where the shop posts its webhooks, on this API's base URL.
             * @example /webhooks/shops/shop-4k2m9q1z7x3b
             */
            deliveryPath: string;
            /** @description Scheme and host only: the path and query often carry a token. */
            outboundUrl: string | null;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            /** @description standard shops: the `whsec_` secret its connector signs with. Shown only in this response. */
            inboundSecret?: string;
            /** @description With an outboundUrl: the `whsec_` secret reservation events are signed with. Shown only in this response. */
            outboundSecret?: string;
        };
        ShopDto: {
            /** @example shop-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "standard" | "shopify";
            /**
             * @description Where the shop posts its webhooks, on this API's base URL.
             * @example /webhooks/shops/shop-4k2m9q1z7x3b
             */
            deliveryPath: string;
            /** @description Scheme and host only: the path and query often carry a token. */
            outboundUrl: string | null;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
        };
        OrderLineDataDto: {
            /** @example line-1 */
            lineId: string;
            /** @description With variantId; or give sku instead. */
            productId?: string;
            variantId?: string;
            /** @description The variant's SKU, instead of productId and variantId. */
            sku?: string;
            /** @example 2 */
            quantity: number;
            /**
             * @description Price of one unit in minor units of currency (cents).
             * @example 4990
             */
            unitPriceMinor: number;
            /** @description The reservation code the customer gave at checkout. */
            reservationCode?: string;
            /** @description The tracked link's code the customer came through. */
            attributionCode?: string;
        };
        OrderCreatedDataDto: {
            /** @example order-1001 */
            orderId: string;
            createdAt: string;
            /** @example USD */
            currency: string;
            lines: components["schemas"]["OrderLineDataDto"][];
        };
        OrderCancelledDataDto: {
            orderId: string;
            cancelledAt: string;
        };
        RefundLineDataDto: {
            /** @description The refunded order line. */
            lineId: string;
            quantity: number;
            /** @description Refunded amount in minor units. */
            amountMinor: number;
        };
        RefundCreatedDataDto: {
            refundId: string;
            orderId: string;
            createdAt: string;
            lines: components["schemas"]["RefundLineDataDto"][];
        };
        ReservationCreatedDataDto: {
            productId: string;
            variantId: string;
            quantity: number;
            /** @description The shop's customer id: one reservation per customer and variant. */
            customerId: string;
            attributionCode?: string;
        };
        ShopWebhookDto: {
            /** @enum {string} */
            type: "order.created" | "order.cancelled" | "refund.created" | "reservation.created";
            /** @description The order, cancellation, refund or reservation: order.created → OrderCreatedDataDto, order.cancelled → OrderCancelledDataDto, refund.created → RefundCreatedDataDto, reservation.created → ReservationCreatedDataDto. */
            data: components["schemas"]["OrderCreatedDataDto"] | components["schemas"]["OrderCancelledDataDto"] | components["schemas"]["RefundCreatedDataDto"] | components["schemas"]["ReservationCreatedDataDto"];
        };
        ShopWebhookReceiptDto: {
            /**
             * @description recorded: stored with its effect on stock; reserved: a reservation (code given); duplicate: already had it; ignored: a Shopify order with none of our SKUs.
             * @enum {string}
             */
            result: "recorded" | "reserved" | "duplicate" | "ignored";
            /** @enum {string} */
            reason?: "redelivery" | "already-recorded" | "already-reserved";
            /** @example order.created */
            type: string;
            /** @description The webhook id of this delivery. */
            webhookId: string;
            orderId?: string;
            refundId?: string;
            /** @description Order lines stored (Shopify: only lines with our SKUs). */
            lines?: number;
            /** @description Reservations this order converted. */
            reservationsConverted?: number;
            /** @description An order that arrived after its cancellation: stored, counted as cancelled. */
            cancelled?: boolean;
            /** @description Cancellations and refunds: whether the order was already received (else kept until it arrives). */
            orderKnown?: boolean;
            /** @description reservation.created: the reservation code. */
            code?: string;
        };
        CreateSupplierDto: {
            /**
             * @description Unique among suppliers, regardless of case.
             * @example Atelier Nord
             */
            name: string;
            /**
             * @description Where order events are delivered (sample, production and restock requests and their cancellations), signed with the outbound secret this answer shows once (Standard Webhooks). Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).
             * @example https://orders.atelier-nord.example/hooks/incubator
             */
            outboundUrl: string;
            /**
             * @description Whom staff write to about an order; the engine sends nothing there.
             * @example orders@atelier-nord.example
             */
            contactEmail?: string;
        };
        IssuedSupplierDto: {
            /** @example sup-4k2m9q1z7x3b */
            id: string;
            name: string;
            contactEmail: string | null;
            /** @description Scheme and host only: the path and query often carry a token. */
            outboundUrl: string;
            /**
             * @description A disabled supplier takes no new orders, and its pending events are not sent.
             * @enum {string}
             */
            status: "active" | "disabled";
            createdAt: string;
            /** @description The `whsec_` secret order events are signed with. Shown only in this response. */
            outboundSecret: string;
        };
        SupplierDto: {
            /** @example sup-4k2m9q1z7x3b */
            id: string;
            name: string;
            contactEmail: string | null;
            /** @description Scheme and host only: the path and query often carry a token. */
            outboundUrl: string;
            /**
             * @description A disabled supplier takes no new orders, and its pending events are not sent.
             * @enum {string}
             */
            status: "active" | "disabled";
            createdAt: string;
        };
        SupplierEventDto: {
            /** @description Also the webhook-id the supplier sees on every attempt. */
            id: string;
            supplierId: string;
            supplierName: string;
            productId: string;
            /**
             * @description The order within its product: sample-<n>, production or restock-<n>; the message carries <productId>/<order> as orderId.
             * @example sample-1
             */
            orderRef: string;
            /** @enum {string} */
            kind: "sample.requested" | "sample.cancelled" | "production.requested" | "production.cancelled" | "restock.requested" | "restock.cancelled";
            /**
             * @description cancelled: a request withdrawn by its order's cancellation before it was delivered (the cancellation is sent instead).
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed" | "cancelled";
            attempts: number;
            /** @description The last attempt's error; the endpoint is named by its host only. */
            lastError: string | null;
            /** @description The supplier's HTTP status when delivered. */
            responseStatus: number | null;
            createdAt: string;
            deliveredAt: string | null;
            failedAt: string | null;
            cancelledAt: string | null;
        };
        NotificationDto: {
            /** @description Also the webhook-id and the email's Message-ID. */
            id: string;
            /** @enum {string} */
            recipientKind: "influencer" | "staff";
            recipientId: string;
            productId: string | null;
            /** @enum {string} */
            kind: "poll.approval_waiting" | "poll.changes_requested" | "design.review_waiting" | "design.review_reminder" | "sample.review_waiting" | "sample.review_reminder" | "announcement.approval_waiting" | "announcement.approval_overdue" | "poll.below_minimum" | "demand.below_goal" | "restock.proposed" | "order.due_soon" | "delivery.failed" | "digest" | "auth.sign_in_link";
            /** @enum {string} */
            channel: "email" | "webhook";
            /** @enum {string} */
            language: "en" | "zh-CN";
            subject: string;
            body: string;
            /**
             * @description pending: being sent; queued: waits for the person's daily digest; digested: sent in digestId; outbox: kept, not sent (lastError says why); sent; failed.
             * @enum {string}
             */
            status: "pending" | "queued" | "digested" | "outbox" | "sent" | "failed";
            attempts: number;
            lastError: string | null;
            digestId: string | null;
            createdAt: string;
            sentAt: string | null;
            failedAt: string | null;
        };
        CreateStaffMemberDto: {
            /** @example Anna Li */
            name: string;
            /**
             * @description Unique among staff members whatever its case; stored trimmed and in lower case.
             * @example anna@incubator.example
             */
            email: string;
            /**
             * @description How reminders reach her: `email` (SMTP, the default) or `webhook` (needs webhookUrl).
             * @enum {string}
             */
            preferredChannel?: "email" | "webhook";
            /**
             * @description Where webhook messages are posted, signed (Standard Webhooks) with a `whsec_` secret the answer shows once; giving a URL (even the same one) issues a new secret. Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows). Shown afterwards as scheme and host only.
             * @example https://hooks.example.com/anna
             */
            webhookUrl?: string;
            /**
             * @description The language messages to her are written in (default en).
             * @enum {string}
             */
            language?: "en" | "zh-CN";
            /**
             * @description IANA time zone the dates in messages are written in, stored in its proper case (asia/shanghai → Asia/Shanghai); UTC offsets are refused. Default UTC.
             * @example Asia/Shanghai
             */
            timeZone?: string;
            /**
             * @description each (default): every alert as it comes; daily_digest: one message a day at NOTIFY_DIGEST_HOUR her time; none.
             * @enum {string}
             */
            notificationMode?: "each" | "daily_digest" | "none";
        };
        IssuedStaffMemberDto: {
            /** @example stf-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @example anna@incubator.example */
            email: string;
            /** @enum {string} */
            preferredChannel: "email" | "webhook";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://hooks.example.com/…
             */
            webhookUrl: string | null;
            /** @enum {string} */
            language: "en" | "zh-CN";
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @enum {string} */
            notificationMode: "each" | "daily_digest" | "none";
            /**
             * @description A disabled member's API keys are refused (401) until she is enabled again; they are not revoked.
             * @enum {string}
             */
            status: "active" | "disabled";
            createdAt: string;
            updatedAt: string;
            disabledAt: string | null;
            /** @description When the request gave a webhookUrl: the `whsec_` secret her messages are signed with. Shown only in this response. */
            webhookSecret?: string;
        };
        StaffMemberDto: {
            /** @example stf-4k2m9q1z7x3b */
            id: string;
            name: string;
            /** @example anna@incubator.example */
            email: string;
            /** @enum {string} */
            preferredChannel: "email" | "webhook";
            /**
             * @description Scheme and host only: the path and query often carry a token.
             * @example https://hooks.example.com/…
             */
            webhookUrl: string | null;
            /** @enum {string} */
            language: "en" | "zh-CN";
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @enum {string} */
            notificationMode: "each" | "daily_digest" | "none";
            /**
             * @description A disabled member's API keys are refused (401) until she is enabled again; they are not revoked.
             * @enum {string}
             */
            status: "active" | "disabled";
            createdAt: string;
            updatedAt: string;
            disabledAt: string | null;
        };
        UpdateStaffMemberDto: {
            /**
             * @description Stored trimmed and in lower case. null removes it (an influencer only: a staff member always has one).
             * @example mia@studio.example
             */
            email?: string | null;
            /**
             * @description How reminders reach the person: `email` (SMTP) or `webhook` (needs webhookUrl).
             * @enum {string}
             */
            preferredChannel?: "email" | "webhook";
            /**
             * @description Where webhook messages are posted, signed (Standard Webhooks) with a `whsec_` secret the answer shows once; giving a URL (even the same one) issues a new secret. Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows). Shown afterwards as scheme and host only. null removes it (not while the preferred channel is webhook).
             * @example https://hooks.example.com/incubator
             */
            webhookUrl?: string | null;
            /**
             * @description The language messages are written in.
             * @enum {string}
             */
            language?: "en" | "zh-CN";
            /**
             * @description IANA time zone the dates in messages are written in, stored in its proper case (asia/shanghai → Asia/Shanghai); UTC offsets are refused.
             * @example Asia/Shanghai
             */
            timeZone?: string;
            /**
             * @description each: every reminder and alert as it comes; daily_digest: one message a day at NOTIFY_DIGEST_HOUR in her time zone; none: not told (nothing is written for her).
             * @enum {string}
             */
            notificationMode?: "each" | "daily_digest" | "none";
            /** @example Anna Li */
            name?: string;
        };
        SponsorshipTermsDto: {
            partner: string;
            defaultFeeMinor: number | null;
            currency: string | null;
            /** @description null: every published update. */
            events: ("POLL_OPENED" | "POLL_MILESTONE" | "POLL_RESULT" | "DESIGN_APPROVED" | "SAMPLE_APPROVED" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCHED" | "CANCELLED" | "LAUNCH_APPROVAL_OVERDUE" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_MET" | "DEMAND_BELOW_GOAL" | "RESERVATIONS_RELEASED" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "BACK_IN_STOCK" | "SALES_ENDED" | "PRODUCT_CANCELLED")[] | null;
            declaredAt: string;
            updatedAt: string;
        };
        SponsoredDeliveryDto: {
            id: string;
            channelId: string;
            /** @enum {string} */
            channelKind: "webhook" | "log";
            platform: string;
            /** @enum {string} */
            status: "pending" | "held" | "blocked" | "delivered" | "failed" | "cancelled";
        };
        SponsoredPostDto: {
            updateId: string;
            seq: number;
            /** @enum {string} */
            event: "POLL_OPENED" | "POLL_MILESTONE" | "POLL_RESULT" | "DESIGN_APPROVED" | "SAMPLE_APPROVED" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCHED" | "CANCELLED" | "LAUNCH_APPROVAL_OVERDUE" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_MET" | "DEMAND_BELOW_GOAL" | "RESERVATIONS_RELEASED" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "BACK_IN_STOCK" | "SALES_ENDED" | "PRODUCT_CANCELLED";
            /** @description The platform the paid post is on (its deliveries are the update's on that platform, and staff's log copy with the first); '*' for a post from before per-platform posts, whose one order covers every platform of its update. */
            platform: string;
            /** @description The brand partner; null when the influencer's settings make her posts sponsored. */
            partner: string | null;
            /**
             * @description What made it sponsored: the product's sponsorship or the influencer's social settings.
             * @enum {string}
             */
            source: "product" | "influencer";
            /**
             * @description The disclosure its text carries.
             * @example 广告
             */
            disclosure: string;
            /**
             * @description held: waiting for the platform's order reference (not sent); released: recorded, sent; blocked: the platform refused the order (not sent); withdrawn: its product was cancelled first.
             * @enum {string}
             */
            status: "held" | "released" | "blocked" | "withdrawn";
            orderReference: string | null;
            feeMinor: number | null;
            currency: string | null;
            refusalReason: string | null;
            createdAt: string;
            /** @description When the platform's answer was recorded. */
            decidedAt: string | null;
            withdrawnAt: string | null;
            deliveries: components["schemas"]["SponsoredDeliveryDto"][];
        };
        FeeTotalDto: {
            /** @example CNY */
            currency: string;
            /** @description Sum of the fees of released posts, in minor units. */
            feeMinor: number;
            posts: number;
        };
        SponsorshipDto: {
            productId: string;
            /** @description The product's sponsorship; null when none is declared (posts may still be sponsored by the influencer's settings). */
            sponsorship: components["schemas"]["SponsorshipTermsDto"] | null;
            posts: components["schemas"]["SponsoredPostDto"][];
            /** @description Fees of released posts per currency. */
            totals: components["schemas"]["FeeTotalDto"][];
            /** @description Posts waiting for their order reference. */
            held: number;
            /** @description Posts whose paid order the platform refused. */
            blocked: number;
        };
        DeclareSponsorshipDto: {
            /**
             * @description The brand partner paying for the posts.
             * @example Linen & Co
             */
            partner: string;
            /**
             * @description The fee per post in minor units (fen, cents), used when a recorded post names none. With `currency`.
             * @example 150000
             */
            defaultFeeMinor?: number;
            /**
             * @description ISO 4217 code of the default fee; required with `defaultFeeMinor`.
             * @example CNY
             */
            currency?: string;
            /** @description Only these events' updates are sponsored posts; without it, every published update. Cancellation notices are never sponsored. */
            events?: ("POLL_OPENED" | "POLL_MILESTONE" | "POLL_RESULT" | "DESIGN_APPROVED" | "SAMPLE_APPROVED" | "PRODUCTION_STARTED" | "PRODUCTION_MILESTONE" | "LAUNCH_SCHEDULED" | "LAUNCH_COUNTDOWN" | "LAUNCHED" | "LAUNCH_APPROVAL_OVERDUE" | "DEMAND_OPENED" | "DEMAND_GOAL_REACHED" | "DEMAND_MET" | "DEMAND_BELOW_GOAL" | "SOLD_OUT" | "RESTOCK_PROPOSED" | "RESTOCK_APPROVED" | "BACK_IN_STOCK" | "SALES_ENDED")[];
        };
        RecordSponsoredOrderDto: {
            /**
             * @description The platform whose order this is: an update published on several platforms is one paid post on each, each released by its own order. Required then; optional when the update is one post.
             * @example xiaohongshu
             * @enum {string}
             */
            platform?: "xiaohongshu" | "weibo" | "douyin" | "instagram" | "tiktok" | "x";
            /**
             * @description accepted: the platform took the paid order (releases the post); refused: it refused it (blocks the post, with the `reason`).
             * @default accepted
             * @enum {string}
             */
            status: "accepted" | "refused";
            /**
             * @description The platform's order reference for the paid post (e.g. a Xiaohongshu Pugongying or Douyin Xingtu order). Required when accepted; unique across the platform's posts.
             * @example PGY-2026-118734
             */
            orderReference?: string;
            /**
             * @description The fee for this post in minor units; defaults to the product sponsorship's default fee.
             * @example 150000
             */
            feeMinor?: number;
            /**
             * @description ISO 4217 code of the fee; defaults to the sponsorship's currency.
             * @example CNY
             */
            currency?: string;
            /**
             * @description Why the platform refused the order; required when refused.
             * @example brand not verified on the platform
             */
            reason?: string;
        };
        CreateModerationTermDto: {
            /**
             * @description A word or phrase refused in poll questions and options; compared with width, case and spacing folded. Chinese terms match inside words, others as whole words.
             * @example 竞品牌
             */
            term: string;
            /**
             * @description Why it is refused, for the next member of staff.
             * @example a competitor's brand
             */
            note?: string;
        };
        ModerationTermDto: {
            /** @example term-4k2m9q1z7x */
            id: string;
            /** @description As staff typed it. */
            term: string;
            /** @description As the screen compares it. */
            normalised: string;
            note?: string;
            createdBy: components["schemas"]["ActorDto"];
            /** Format: date-time */
            createdAt: string;
        };
        ModerationListsDto: {
            /**
             * @description The version of the zh-CN list file the screen uses (README: Moderation).
             * @example 2026.12.1
             */
            zhCnListVersion: string;
            /** @description The incubator's own terms, oldest first. */
            terms: components["schemas"]["ModerationTermDto"][];
        };
        ImageUrlsDto: {
            /**
             * @description 320 px wide (WebP).
             * @example /images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/thumb
             */
            thumb: string;
            /**
             * @description 1080 px wide (WebP); the size design and sample rounds name.
             * @example /images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display
             */
            display: string;
            /**
             * @description At most 2048 px on its longer side (WebP).
             * @example /images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/full
             */
            full: string;
        };
        ImageDto: {
            /**
             * Format: uuid
             * @example 3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10
             */
            id: string;
            /** @example p-7k2m9q4x8v3d */
            productId: string;
            /**
             * @description What staff said it is for; null when they did not say.
             * @enum {string|null}
             */
            purpose: "design" | "sample" | null;
            /**
             * @description The upright picture as uploaded, in pixels.
             * @example 3024
             */
            width: number;
            /** @example 4032 */
            height: number;
            /**
             * @description The upload's type, as its bytes are (sniffed, not taken from the header).
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            /**
             * @description The upload's size in bytes.
             * @example 2481337
             */
            bytes: number;
            /** @description Site-relative paths of its sizes, public (GET /images/{id}/{size}). */
            urls: components["schemas"]["ImageUrlsDto"];
            /** Format: date-time */
            createdAt: string;
        };
        ImageListDto: {
            /** @description Newest first. */
            images: components["schemas"]["ImageDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (within API_KEY_CACHE_TTL on every API instance). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_signInLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInLinkRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests from this address; retry after Retry-After seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description ie_session=<token>; Max-Age=…; Path=/; HttpOnly; Secure; SameSite=Strict */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests from this address; retry after Retry-After seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SessionsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MagicLinksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MagicLinkDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MagicLinksController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedMagicLinkDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MagicLinksController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MagicLinkDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PostgreSQL and Temporal both answer: {"status":"ok","database":"up","temporal":"up"}. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description At least one dependency is down: {"status":"degraded","database":"down","temporal":"up"}. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    InfluencersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluencerDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InfluencersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInfluencerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedInfluencerDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InfluencersController_myContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InfluencersController_changeMyContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedContactDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InfluencersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfluencerDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InfluencersController_changeContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedContactDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductsController_list: {
        parameters: {
            query?: {
                stage?: "POLL" | "DEMAND" | "DESIGN" | "SAMPLING" | "PRODUCTION" | "LAUNCH" | "ON_SALE" | "LAUNCHED" | "ENDED" | "CANCELLED";
                /** @description Staff only; influencer keys always see their own products. */
                influencerId?: string;
                limit?: number;
                /** @description nextCursor of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPageDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductsController_timeline: {
        parameters: {
            query?: {
                /** @description Only events after this sequence number. */
                afterSeq?: number;
                /** @description Most events in one answer. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_editPollOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditPollOptionsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_closePoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_extendPoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendPollDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_submitDesign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitDesignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_recordSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSampleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_requestSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestSampleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_startProduction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartProductionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_recordMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_scheduleLaunch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleLaunchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_closeDemand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_extendDemand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendDemandDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_overrideDemand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_approveRestock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveRestockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_declineRestock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_cancelRestock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_recordRestockMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordRestockMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductActionsController_endSales: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReviewsController_approvePoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReviewsController_requestPollChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPollChangesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReviewsController_reviewDesign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round: number;
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReviewsController_reviewSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round: number;
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSourceDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookSourceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedWebhookSourceDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSourceDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedWebhookSourceDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSourceDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhookSourcesController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSourceDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VotesController_vote: {
        parameters: {
            query?: never;
            header: {
                /** @description `v1,<base64 signature>`, several separated by spaces. */
                "webhook-signature": string;
                /** @description Unix seconds; at most five minutes off. */
                "webhook-timestamp": string;
                /** @description Unique per vote; a redelivery repeats it. */
                "webhook-id": string;
            };
            path: {
                /** @description The webhook source id (deliveryPath of the source). */
                sourceId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoteDto"];
            };
        };
        responses: {
            /** @description Already had it: committed before, not counted again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteReceiptDto"];
                };
            };
            /** @description Committed and counted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteReceiptDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is over 16 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The source is over its rate limit; retry after Retry-After seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VotesController_results: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveResultsDto"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialSettingsDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SocialSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialSettingsDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_channels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChannelDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedChannelDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_rotateChannelSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedChannelDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_disableChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_updates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialUpdatesDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_announcement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchAnnouncementDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveAnnouncementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchAnnouncementDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_deliveries: {
        parameters: {
            query?: {
                status?: "pending" | "held" | "blocked" | "delivered" | "failed" | "cancelled";
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveriesDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SocialController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShareController_page: {
        parameters: {
            query?: {
                /** @description The tracked link the visitor came through (set by /r/<code>). */
                c?: unknown;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShareController_card: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PNG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopEventsController_list: {
        parameters: {
            query?: {
                /** @description Most items in one answer. */
                limit?: number;
                /** @description How many to skip (the previous page's nextOffset, where the answer gives one). */
                offset?: number;
                status?: "pending" | "delivered" | "failed";
                kind?: "reservation.ready" | "reservation.released" | "reservation.expired";
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopEventsDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LinksController_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The code in the posted link. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/s/<slug>?c=<code>` on this site. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An HTML page: no published update has this link. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FunnelController_get: {
        parameters: {
            query?: {
                /** @description csv: the rows and a total line as text/csv. */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelDto"];
                    "text/csv": components["schemas"]["FunnelDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/csv": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/csv": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/csv": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/csv": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/csv": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    FunnelController_svg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An SVG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReservationsController_reserve: {
        parameters: {
            query?: never;
            header: {
                /** @description `v1,<base64 signature>`, several separated by spaces. */
                "webhook-signature": string;
                /** @description Unix seconds; at most five minutes off. */
                "webhook-timestamp": string;
                /** @description Unique per reservation; a redelivery repeats it. */
                "webhook-id": string;
            };
            path: {
                /** @description The webhook source id (the same sources deliver votes). */
                sourceId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReservationDto"];
            };
        };
        responses: {
            /** @description Already had it: committed before, not counted again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationReceiptDto"];
                };
            };
            /** @description Committed and counted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationReceiptDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is over 16 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The source is over its rate limit; retry after Retry-After seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReservationsController_demand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDemandDto"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShopDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedShopDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopWebhooksController_standard: {
        parameters: {
            query?: never;
            header: {
                "webhook-signature": string;
                "webhook-timestamp": string;
                "webhook-id": string;
            };
            path: {
                shopId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShopWebhookDto"];
            };
        };
        responses: {
            /** @description Already had it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopWebhookReceiptDto"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopWebhookReceiptDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ShopWebhooksController_shopify: {
        parameters: {
            query?: never;
            header: {
                /** @description Logged only; the shop is the one in the path. */
                "X-Shopify-Shop-Domain"?: string;
                "X-Shopify-Webhook-Id": string;
                "X-Shopify-Hmac-Sha256": string;
                /** @description orders/create, orders/cancelled, refunds/create */
                "X-Shopify-Topic": string;
            };
            path: {
                shopId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Already had it, or ignored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopWebhookReceiptDto"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopWebhookReceiptDto"];
                };
            };
            /** @description The body is not valid JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppliersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppliersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSupplierDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedSupplierDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppliersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppliersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SuppliersController_events: {
        parameters: {
            query?: {
                /** @description Most items in one answer. */
                limit?: number;
                /** @description How many to skip (the previous page's nextOffset, where the answer gives one). */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierEventDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SupplierEventsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierEventDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description Most items in one answer. */
                limit?: number;
                /** @description How many to skip (the previous page's nextOffset, where the answer gives one). */
                offset?: number;
                /** @description Only staff members' or only influencers' notifications. */
                recipientKind?: "influencer" | "staff";
                /** @description Only this person's (a staff member's or an influencer's id). */
                recipientId?: string;
                /** @description outbox: kept, not sent (no SMTP server configured, or no address). */
                status?: "pending" | "queued" | "digested" | "outbox" | "sent" | "failed";
                /** @description Only this product's. */
                productId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberDto"][];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedStaffMemberDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedStaffMemberDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StaffMembersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SponsorshipController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SponsorshipController_declare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareSponsorshipDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SponsorshipController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SponsorshipController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                updateId: string;
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSponsoredOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsoredPostDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ModerationController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationListsDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ModerationController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModerationTermDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationTermDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ModerationController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductImagesController_list: {
        parameters: {
            query?: {
                /** @description A design round or a sample round. */
                purpose?: "design" | "sample";
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageListDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProductImagesController_upload: {
        parameters: {
            query?: {
                /** @description A design round or a sample round. */
                purpose?: "design" | "sample";
            };
            header?: never;
            path: {
                /** @description The product id (p-…). */
                id: unknown;
            };
            cookie?: never;
        };
        /** @description The image file as it is (not multipart, not base64). */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageDto"];
                };
            };
            /** @description No API key, or the key is unknown or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The key's role may not do this, or the product belongs to another influencer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The product's stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is over 10 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not JPEG, PNG or WebP, or the bytes are not the declared type. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ImagesController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags the caller holds; 304 when one is current. */
                "if-none-match"?: string;
            };
            path: {
                /** @description The image id (a UUID). */
                id: string;
                /** @description thumb (320 px wide), display (1080 px wide) or full (at most 2048 px). */
                size: "thumb" | "display" | "full";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description The ETag in If-None-Match is current: nothing to send. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such resource. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A value is invalid; `details` lists the fields. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal is unreachable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}

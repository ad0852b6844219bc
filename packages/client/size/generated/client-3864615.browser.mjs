// src/generated/active-session.gen.ts
var ActiveSessionResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch details of an active session.
   *
   * Returns details of an ongoing active session for the given meeting ID.
   *
   * `GetActiveSession`: GET /meetings/{meeting_id}/active-session.
   *
   * @param meetingId - ID of the meeting
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(meetingId, options) {
    return this.client.call(
      "GetActiveSession",
      "GET",
      "/meetings/{meeting_id}/active-session",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Kick participants from an active session.
   *
   * Kicks one or more participants from an active session using user ID or custom participant ID.
   *
   * `KickPartcipants`: POST /meetings/{meeting_id}/active-session/kick.
   *
   * @param meetingId - ID of the meeting
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  kick(meetingId, body, options) {
    return this.client.call(
      "KickPartcipants",
      "POST",
      "/meetings/{meeting_id}/active-session/kick",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
  /**
   * Kick all participants.
   *
   * Kicks all participants from an active session for the given meeting ID.
   *
   * `KickAllParticipants`: POST /meetings/{meeting_id}/active-session/kick-all.
   *
   * @param meetingId - ID of the meeting
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  kickAll(meetingId, options) {
    return this.client.call(
      "KickAllParticipants",
      "POST",
      "/meetings/{meeting_id}/active-session/kick-all",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Mute participants of an active session.
   *
   * Mutes one or more participants from an active session using user ID or custom participant ID.
   *
   * `MuteParticipants`: POST /meetings/{meeting_id}/active-session/mute.
   *
   * @param meetingId - ID of the meeting
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  mute(meetingId, body, options) {
    return this.client.call(
      "MuteParticipants",
      "POST",
      "/meetings/{meeting_id}/active-session/mute",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
  /**
   * Mute all participants.
   *
   * Mutes all participants of an active session for the given meeting ID.
   *
   * `MuteAllParticipants`: POST /meetings/{meeting_id}/active-session/mute-all.
   *
   * @param meetingId - ID of the meeting
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  muteAll(meetingId, body, options) {
    return this.client.call(
      "MuteAllParticipants",
      "POST",
      "/meetings/{meeting_id}/active-session/mute-all",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
  /**
   * Create a poll.
   *
   * Creates a new poll in an active session for the given meeting ID.
   *
   * `CreatePoll`: POST /meetings/{meeting_id}/active-session/poll.
   *
   * @param meetingId - ID of the meeting
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  createPoll(meetingId, body, options) {
    return this.client.call(
      "CreatePoll",
      "POST",
      "/meetings/{meeting_id}/active-session/poll",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
};

// src/generated/analytics.gen.ts
var AnalyticsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch day-wise session and recording analytics data for an App.
   *
   * Returns day-wise session and recording analytics data of an App for the specified time range start_date to
   * end_date. If start_date and end_date are not provided, the default time range is set from 30 days ago to the
   * current date.
   *
   * `get-org-analytics`: GET /analytics/daywise.
   *
   * @param query - `start_date`: start date in YYYY-MM-DD format. `end_date`: end date in YYYY-MM-DD format.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  daywise(query, options) {
    return this.client.call("get-org-analytics", "GET", "/analytics/daywise", { query }, options);
  }
  /**
   * Fetch day-wise analytics data for your livestreams.
   *
   * Returns day-wise livestream analytics for the specified time range.
   *
   * `get-livestream-analytics-daywise`: GET /analytics/livestreams/daywise.
   *
   * @param query - `start_time`: Specify the start time as a Unix timestamp in seconds to access the livestream
   * analytics. `end_time`: Specify the end time as a Unix timestamp in seconds to access the livestream analytics.
   * `filters`: Optional filters for livestream analytics.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  livestreamsDaywise(query, options) {
    return this.client.call(
      "get-livestream-analytics-daywise",
      "GET",
      "/analytics/livestreams/daywise",
      { query },
      options
    );
  }
  /**
   * Fetch complete analytics data for your livestreams.
   *
   * Returns livestream analytics for the specified time range.
   *
   * `get-livestream-analytics-complete`: GET /analytics/livestreams/overall.
   *
   * @param query - `start_time`: Specify the start time as a Unix timestamp in seconds to access the livestream
   * analytics. `end_time`: Specify the end time as a Unix timestamp in seconds to access the livestream analytics.
   * `filters`: Optional filters for livestream analytics.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  livestreamsOverall(query, options) {
    return this.client.call(
      "get-livestream-analytics-complete",
      "GET",
      "/analytics/livestreams/overall",
      { query },
      options
    );
  }
};

// src/errors.ts
var RealtimeKitError = class extends Error {
  /** @param detail what happened, without the kind or operation: the message puts them in front. */
  constructor(kind, detail, { cause, ...details } = {}) {
    super(
      `${details.status ?? kind}${details.operationId ? ` ${details.operationId}` : ""}: ${detail}`,
      cause === void 0 ? void 0 : { cause }
    );
    this.name = "RealtimeKitError";
    this.kind = kind;
    for (const key in details) {
      const value = details[key];
      if (value === void 0) continue;
      if (key === "headers") Object.defineProperty(this, key, { value, enumerable: false });
      else Object.assign(this, { [key]: value });
    }
  }
  /** The message and the fields, for logs and JSON: never the request, so never a token; no `set-cookie`. */
  toJSON() {
    const { headers, ...fields } = this;
    const shown = headers && Object.fromEntries([...headers].filter(([name]) => name !== "set-cookie"));
    return { ...fields, name: this.name, message: this.message, headers: shown };
  }
};
function describeErrorBody(body) {
  if (typeof body === "object" && body) {
    const b = body;
    const e = b.error ?? b.errors?.[0] ?? b;
    return { message: e.message || b.detail || b.title || void 0, code: e.code, body };
  }
  const excerpt = typeof body === "string" ? body.replace(/\s+/g, " ").trim().slice(0, 200) : "";
  return {
    message: excerpt ? `the answer is not JSON: ${excerpt}` : "the answer is empty",
    body: excerpt || void 0
  };
}

// src/validate-input.ts
function check(ok, message, details) {
  if (!ok) throw new RealtimeKitError("invalid_argument", message, details);
}
var isPlainObject = (value) => {
  const proto = typeof value === "object" && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
var isId = (value) => typeof value === "string" && value !== "" && value !== "." && value !== "..";
function checkLimits(timeoutMs, maxRetries) {
  check(timeoutMs > 0 && timeoutMs < 2 ** 31, "timeoutMs must be a positive number of milliseconds");
  check(Number.isInteger(maxRetries) && maxRetries >= 0, "maxRetries must be a whole number, 0 or more");
}
var paramCache = {};
var pathParams = (template) => paramCache[template] ??= (template.match(/\{[\w-]+\}/g) ?? []).map((p) => p.slice(1, -1));

// src/pagination.ts
function paginate(fetchPage, query = {}) {
  check(isPlainObject(query), "query must be a plain object");
  return pages(fetchPage, query);
}
async function* pages(fetchPage, query) {
  let page = query.page_no ?? 1;
  const perPage = query.per_page ?? 100;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (; ; ) {
    const { data, paging } = await fetchPage({ ...query, page_no: page, per_page: perPage });
    if (data.length === 0) return;
    if (paging.end_offset <= lastEnd) {
      throw new RealtimeKitError(
        "invalid_response",
        `Page ${page} repeats an earlier page (end_offset ${paging.end_offset})`
      );
    }
    yield* data;
    if (paging.end_offset >= paging.total_count) return;
    lastEnd = paging.end_offset;
    page++;
  }
}

// src/generated/apps.gen.ts
var AppsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all apps.
   *
   * Fetch all apps for your account
   *
   * One page: `{ data, paging }`. `get_apps`: GET /accounts/{account_id}/realtime/kit/apps.
   *
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `search`: Search string that matches apps by name. `sort_order`: Sort order for apps by
   * creation time.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.page("get_apps", "GET", "/accounts/{account_id}/realtime/kit/apps", { query }, options);
  }
  /**
   * Every item of `list`, following `page_no` from the query's (default 1) to the last page, one page in memory at a
   * time.
   *
   * `get_apps`: GET /accounts/{account_id}/realtime/kit/apps.
   *
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `search`: Search string that matches apps by name. `sort_order`: Sort order for apps by
   * creation time.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  listAll(query, options) {
    return paginate((page) => this.list(page, options), query);
  }
  /**
   * Create App.
   *
   * Create new app for your account
   *
   * `create_app`: POST /accounts/{account_id}/realtime/kit/apps.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  create(body, options) {
    return this.client.call("create_app", "POST", "/accounts/{account_id}/realtime/kit/apps", { body }, options);
  }
  /**
   * Fetch app details.
   *
   * Fetch details for an app in your account.
   *
   * `get_app`: GET /accounts/{account_id}/realtime/kit/apps/{app_id}.
   *
   * @param appId - The app id.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(appId, options) {
    return this.client.call(
      "get_app",
      "GET",
      "/accounts/{account_id}/realtime/kit/apps/{app_id}",
      { params: { app_id: appId } },
      options
    );
  }
};

// src/generated/livestreams.gen.ts
var LivestreamsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all livestreams.
   *
   * Returns details of livestreams associated with the given App ID. It includes livestreams created by your App and
   * RealtimeKit meetings that are livestreamed by your App. If you only want details of livestreams created by your App
   * and not RealtimeKit meetings, you can use the `exclude_meetings` query parameter.
   *
   * `fetch_all_livestreams`: GET /livestreams.
   *
   * @param query - `exclude_meetings`: Exclude the RealtimeKit meetings that are livestreamed. `per_page`: Number of
   * results per page. `page_no`: The page number from which you want your page search results to be displayed.
   * `status`: Specifies the status of the operation. `start_time`: Specify the start time range in ISO format to access
   * the live stream. `end_time`: Specify the end time range in ISO format to access the live stream. `sort_order`:
   * Specifies the sorting order for the results.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.call("fetch_all_livestreams", "GET", "/livestreams", { query }, options);
  }
  /**
   * Create an independent livestream.
   *
   * Creates a livestream for the given App ID and returns ingest server, stream key, and playback URL. You can pass
   * custom input to the ingest server and stream key, and freely distribute the content using the playback URL on any
   * player that supports HLS/LHLS.
   *
   * `create_livestream`: POST /livestreams.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  create(body, options) {
    return this.client.call("create_livestream", "POST", "/livestreams", { body }, options);
  }
  /**
   * Fetch livestream details using livestream ID.
   *
   * Returns details of a livestream with sessions for the given livestream ID. Retreive the livestream ID using the
   * `Start livestreaming a meeting` API.
   *
   * `get-v2-livestream-session-livestream-id`: GET /livestreams/{livestream_id}.
   *
   * @param livestreamId - The livestream id.
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(livestreamId, query, options) {
    return this.client.call(
      "get-v2-livestream-session-livestream-id",
      "GET",
      "/livestreams/{livestream_id}",
      { params: { livestream_id: livestreamId }, query },
      options
    );
  }
  /**
   * Fetch active livestream session details.
   *
   * Returns details of all active livestreams for the given livestream ID. Retreive the livestream ID using the `Start
   * livestreaming a meeting` API.
   *
   * `get-v2-active-livestream-session-details`: GET /livestreams/{livestream_id}/active-livestream-session.
   *
   * @param livestreamId - The livestream id.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  activeSession(livestreamId, options) {
    return this.client.call(
      "get-v2-active-livestream-session-details",
      "GET",
      "/livestreams/{livestream_id}/active-livestream-session",
      { params: { livestream_id: livestreamId } },
      options
    );
  }
  /**
   * Fetch livestream session details using livestream session ID.
   *
   * Returns livestream session details for the given livestream session ID. Retrieve the `livestream_session_id`using
   * the `Fetch livestream session details using a session ID` API.
   *
   * `get-v2-livestreams-livestream-session-id`: GET /livestreams/sessions/{livestream-session-id}.
   *
   * @param livestreamSessionId - The livestream-session-id.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  getSessionById(livestreamSessionId, options) {
    return this.client.call(
      "get-v2-livestreams-livestream-session-id",
      "GET",
      "/livestreams/sessions/{livestream-session-id}",
      { params: { "livestream-session-id": livestreamSessionId } },
      options
    );
  }
  /**
   * Fetch active livestreams for a meeting.
   *
   * Returns details of all active livestreams for the given meeting ID.
   *
   * `get-v2-meetings-meetingId-active-livestream`: GET /meetings/{meeting_id}/active-livestream.
   *
   * @param meetingId - ID of the meeting
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  getActive(meetingId, options) {
    return this.client.call(
      "get-v2-meetings-meetingId-active-livestream",
      "GET",
      "/meetings/{meeting_id}/active-livestream",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Stop livestreaming a meeting.
   *
   * Stops the active livestream of a meeting associated with the given meeting ID. Retreive the meeting ID using the
   * `Create a meeting` API.
   *
   * `stop_livestreaming`: POST /meetings/{meeting_id}/active-livestream/stop.
   *
   * @param meetingId - ID of the meeting
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  stop(meetingId, options) {
    return this.client.call(
      "stop_livestreaming",
      "POST",
      "/meetings/{meeting_id}/active-livestream/stop",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Fetch livestream session details for a meeting.
   *
   * Returns livestream session details for the given meeting ID. Retreive the meeting ID using the `Create a meeting`
   * API.
   *
   * `livestream-session-details`: GET /meetings/{meeting_id}/livestream.
   *
   * @param meetingId - ID of the meeting
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  getSession(meetingId, query, options) {
    return this.client.call(
      "livestream-session-details",
      "GET",
      "/meetings/{meeting_id}/livestream",
      { params: { meeting_id: meetingId }, query },
      options
    );
  }
  /**
   * Start livestreaming a meeting.
   *
   * Starts livestream of a meeting associated with the given meeting ID. Retreive the meeting ID using the `Create a
   * meeting` API.
   *
   * `start-livestreaming`: POST /meetings/{meeting_id}/livestreams.
   *
   * @param meetingId - ID of the meeting
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  start(meetingId, body, options) {
    return this.client.call(
      "start-livestreaming",
      "POST",
      "/meetings/{meeting_id}/livestreams",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
};

// src/generated/meetings.gen.ts
var MeetingsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all meetings for an App.
   *
   * Returns all meetings for the given App ID.
   *
   * One page: `{ data, paging }`. `get_all_meetings`: GET /meetings.
   *
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `start_time`: The start time range for which you want to retrieve the meetings. The
   * time must be specified in ISO format. `end_time`: The end time range for which you want to retrieve the meetings.
   * The time must be specified in ISO format. `search`: The search query string. You can search using the meeting ID or
   * title. `status`: Filter meetings by status.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.page("get_all_meetings", "GET", "/meetings", { query }, options);
  }
  /**
   * Every item of `list`, following `page_no` from the query's (default 1) to the last page, one page in memory at a
   * time.
   *
   * `get_all_meetings`: GET /meetings.
   *
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `start_time`: The start time range for which you want to retrieve the meetings. The
   * time must be specified in ISO format. `end_time`: The end time range for which you want to retrieve the meetings.
   * The time must be specified in ISO format. `search`: The search query string. You can search using the meeting ID or
   * title. `status`: Filter meetings by status.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  listAll(query, options) {
    return paginate((page) => this.list(page, options), query);
  }
  /**
   * Create a meeting.
   *
   * Create a meeting for the given App ID.
   *
   * `create_meeting`: POST /meetings.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  create(body, options) {
    return this.client.call("create_meeting", "POST", "/meetings", { body }, options);
  }
  /**
   * Fetch a meeting for an App.
   *
   * Returns a meeting details in an App for the given meeting ID.
   *
   * `get_meeting`: GET /meetings/{meeting_id}.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(meetingId, options) {
    return this.client.call(
      "get_meeting",
      "GET",
      "/meetings/{meeting_id}",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Replace a meeting.
   *
   * Replaces all the details for the given meeting ID.
   *
   * `replace_meeting`: PUT /meetings/{meeting_id}.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  replace(meetingId, body, options) {
    return this.client.call(
      "replace_meeting",
      "PUT",
      "/meetings/{meeting_id}",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
  /**
   * Update a meeting.
   *
   * Updates a meeting in an App for the given meeting ID.
   *
   * `update_meeting`: PATCH /meetings/{meeting_id}.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  update(meetingId, body, options) {
    return this.client.call(
      "update_meeting",
      "PATCH",
      "/meetings/{meeting_id}",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
};

// src/generated/participants.gen.ts
var ParticipantsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all participants of a meeting.
   *
   * Returns all participants detail for the given meeting ID.
   *
   * One page: `{ data, paging }`. `get_meeting_participants`: GET /meetings/{meeting_id}/participants.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(meetingId, query, options) {
    return this.client.page(
      "get_meeting_participants",
      "GET",
      "/meetings/{meeting_id}/participants",
      { params: { meeting_id: meetingId }, query },
      options
    );
  }
  /**
   * Every item of `list`, following `page_no` from the query's (default 1) to the last page, one page in memory at a
   * time.
   *
   * `get_meeting_participants`: GET /meetings/{meeting_id}/participants.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  listAll(meetingId, query, options) {
    return paginate((page) => this.list(meetingId, page, options), query);
  }
  /**
   * Add a participant.
   *
   * Adds a participant to the given meeting ID.
   *
   * `add_participant`: POST /meetings/{meeting_id}/participants.
   *
   * @param meetingId - ID of the meeting. Fetch the meeting ID using the create a meeting API.
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  add(meetingId, body, options) {
    return this.client.call(
      "add_participant",
      "POST",
      "/meetings/{meeting_id}/participants",
      { params: { meeting_id: meetingId }, body },
      options
    );
  }
  /**
   * Fetch a participant's detail.
   *
   * Returns a participant details for the given meeting and participant ID.
   *
   * `get_meeting_participant`: GET /meetings/{meeting_id}/participants/{participant_id}.
   *
   * @param meetingId - ID of the meeting. You can fetch the meeting ID using the create a meeting API.
   * @param participantId - ID of the participant. You can fetch the participant ID using the add a participant API.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(meetingId, participantId, options) {
    return this.client.call(
      "get_meeting_participant",
      "GET",
      "/meetings/{meeting_id}/participants/{participant_id}",
      { params: { meeting_id: meetingId, participant_id: participantId } },
      options
    );
  }
  /**
   * Replace a participant's detail.
   *
   * Replaces a participant's details for the given meeting and participant ID.
   *
   * `replace_participant`: PUT /meetings/{meeting_id}/participants/{participant_id}.
   *
   * @param meetingId - ID of the meeting. You can fetch the meeting ID using the create a meeting API.
   * @param participantId - ID of the participant. You can fetch the participant ID using the add a participant API.
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  replace(meetingId, participantId, body, options) {
    return this.client.call(
      "replace_participant",
      "PUT",
      "/meetings/{meeting_id}/participants/{participant_id}",
      { params: { meeting_id: meetingId, participant_id: participantId }, body },
      options
    );
  }
  /**
   * Edit a participant's detail.
   *
   * Updates a participant's details for the given meeting and participant ID.
   *
   * `edit_participant`: PATCH /meetings/{meeting_id}/participants/{participant_id}.
   *
   * @param meetingId - ID of the meeting. You can fetch the meeting ID using the create a meeting API.
   * @param participantId - ID of the participant. You can fetch the participant ID using the add a participant API.
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  edit(meetingId, participantId, body, options) {
    return this.client.call(
      "edit_participant",
      "PATCH",
      "/meetings/{meeting_id}/participants/{participant_id}",
      { params: { meeting_id: meetingId, participant_id: participantId }, body },
      options
    );
  }
  /**
   * Delete a participant.
   *
   * Deletes a participant for the given meeting and participant ID.
   *
   * `delete_meeting_participant`: DELETE /meetings/{meeting_id}/participants/{participant_id}.
   *
   * @param meetingId - ID of the meeting. You can fetch the meeting ID using the create a meeting API.
   * @param participantId - ID of the participant. You can fetch the participant ID using the add a participant API.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  delete(meetingId, participantId, options) {
    return this.client.call(
      "delete_meeting_participant",
      "DELETE",
      "/meetings/{meeting_id}/participants/{participant_id}",
      { params: { meeting_id: meetingId, participant_id: participantId } },
      options
    );
  }
  /**
   * Refresh participant's authentication token.
   *
   * Regenerates participant's authentication token for the given meeting and participant ID.
   *
   * `regenerate_token`: POST /meetings/{meeting_id}/participants/{participant_id}/token.
   *
   * @param meetingId - ID of the meeting. You can fetch the meeting ID using the create a meeting API.
   * @param participantId - ID of the participant. You can fetch the participant ID using the add a participant API.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  refreshToken(meetingId, participantId, options) {
    return this.client.call(
      "regenerate_token",
      "POST",
      "/meetings/{meeting_id}/participants/{participant_id}/token",
      { params: { meeting_id: meetingId, participant_id: participantId } },
      options
    );
  }
};

// src/generated/presets.gen.ts
var PresetsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all presets.
   *
   * Fetches all the presets belonging to an App.
   *
   * One page: `{ data, paging }`. `get-presets`: GET /presets.
   *
   * @param query - `per_page`: Number of results per page. `page_no`: The page number from which you want your page
   * search results to be displayed. `search`: Search presets by name.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.page("get-presets", "GET", "/presets", { query }, options);
  }
  /**
   * Every item of `list`, following `page_no` from the query's (default 1) to the last page, one page in memory at a
   * time.
   *
   * `get-presets`: GET /presets.
   *
   * @param query - `per_page`: Number of results per page. `page_no`: The page number from which you want your page
   * search results to be displayed. `search`: Search presets by name.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  listAll(query, options) {
    return paginate((page) => this.list(page, options), query);
  }
  /**
   * Create a preset.
   *
   * Creates a preset belonging to the current App
   *
   * `post-presets`: POST /presets.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  create(body, options) {
    return this.client.call("post-presets", "POST", "/presets", { body }, options);
  }
  /**
   * Fetch details of a preset.
   *
   * Fetches details of a preset using the provided preset ID
   *
   * `get-presets-preset_id`: GET /presets/{preset_id}.
   *
   * @param presetId - ID of the preset to fetch
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(presetId, options) {
    return this.client.call(
      "get-presets-preset_id",
      "GET",
      "/presets/{preset_id}",
      { params: { preset_id: presetId } },
      options
    );
  }
  /**
   * Replace a preset.
   *
   * Replace all details for the preset using the provided preset ID.
   *
   * `put-presets-preset_id`: PUT /presets/{preset_id}.
   *
   * @param presetId - ID of the preset to replace
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  replace(presetId, body, options) {
    return this.client.call(
      "put-presets-preset_id",
      "PUT",
      "/presets/{preset_id}",
      { params: { preset_id: presetId }, body },
      options
    );
  }
  /**
   * Update a preset.
   *
   * Update a preset by the provided preset ID
   *
   * `patch-presets-preset_id`: PATCH /presets/{preset_id}.
   *
   * @param presetId - ID of the preset to fetch
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  update(presetId, body, options) {
    return this.client.call(
      "patch-presets-preset_id",
      "PATCH",
      "/presets/{preset_id}",
      { params: { preset_id: presetId }, body },
      options
    );
  }
  /**
   * Delete a preset.
   *
   * Deletes a preset using the provided preset ID
   *
   * `delete-presets-preset_id`: DELETE /presets/{preset_id}.
   *
   * @param presetId - ID of the preset to fetch
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  delete(presetId, options) {
    return this.client.call(
      "delete-presets-preset_id",
      "DELETE",
      "/presets/{preset_id}",
      { params: { preset_id: presetId } },
      options
    );
  }
};

// src/generated/recordings.gen.ts
var RecordingsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all recordings for an App.
   *
   * Returns all recordings for an App. If the `meeting_id` parameter is passed, returns all recordings for the given
   * meeting ID.
   *
   * One page: `{ data, paging }`. `get_all_recordings`: GET /recordings.
   *
   * @param query - `meeting_id`: ID of a meeting. Optional. Will limit results to only this meeting if passed.
   * `page_no`: The page number from which you want your page search results to be displayed. `per_page`: Number of
   * results per page. `expired`: If passed, only shows expired/non-expired recordings on RealtimeKit's bucket.
   * `search`: The search query string. You can search using the meeting ID or title. `sort_by` `sort_order`
   * `start_time`: The start time range for which you want to retrieve the meetings. The time must be specified in ISO
   * format. `end_time`: The end time range for which you want to retrieve the meetings. The time must be specified in
   * ISO format. `status`: Filter by one or more recording status.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.page("get_all_recordings", "GET", "/recordings", { query }, options);
  }
  /**
   * Every item of `list`, following `page_no` from the query's (default 1) to the last page, one page in memory at a
   * time.
   *
   * `get_all_recordings`: GET /recordings.
   *
   * @param query - `meeting_id`: ID of a meeting. Optional. Will limit results to only this meeting if passed.
   * `page_no`: The page number from which you want your page search results to be displayed. `per_page`: Number of
   * results per page. `expired`: If passed, only shows expired/non-expired recordings on RealtimeKit's bucket.
   * `search`: The search query string. You can search using the meeting ID or title. `sort_by` `sort_order`
   * `start_time`: The start time range for which you want to retrieve the meetings. The time must be specified in ISO
   * format. `end_time`: The end time range for which you want to retrieve the meetings. The time must be specified in
   * ISO format. `status`: Filter by one or more recording status.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  listAll(query, options) {
    return paginate((page) => this.list(page, options), query);
  }
  /**
   * Start recording a meeting.
   *
   * Starts recording a meeting. The meeting can be started by an App admin directly, or a participant with permissions
   * to start a recording, based on the type of authorization used.
   *
   * `start_recording`: POST /recordings.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  start(body, options) {
    return this.client.call("start_recording", "POST", "/recordings", { body }, options);
  }
  /**
   * Fetch details of a recording.
   *
   * Returns details of a recording for the given recording ID.
   *
   * `get_one_recording`: GET /recordings/{recording_id}.
   *
   * @param recordingId - ID of the recording
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(recordingId, options) {
    return this.client.call(
      "get_one_recording",
      "GET",
      "/recordings/{recording_id}",
      { params: { recording_id: recordingId } },
      options
    );
  }
  /**
   * Pause/Resume/Stop recording.
   *
   * Pause/Resume/Stop a given recording ID.
   *
   * `pause_resume_stop_recording`: PUT /recordings/{recording_id}.
   *
   * @param recordingId - ID of the recording
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  control(recordingId, body, options) {
    return this.client.call(
      "pause_resume_stop_recording",
      "PUT",
      "/recordings/{recording_id}",
      { params: { recording_id: recordingId }, body },
      options
    );
  }
  /**
   * Fetch active recording.
   *
   * Returns the active recording details for the given meeting ID.
   *
   * `get_active_recording`: GET /recordings/active-recording/{meeting_id}.
   *
   * @param meetingId - ID of the meeting
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  getActive(meetingId, options) {
    return this.client.call(
      "get_active_recording",
      "GET",
      "/recordings/active-recording/{meeting_id}",
      { params: { meeting_id: meetingId } },
      options
    );
  }
  /**
   * Start recording participant audio tracks.
   *
   * Starts track recording for a meeting. Track recording currently records separate participant audio tracks as WebM
   * files in the RealtimeKit bucket. Video track recording is in development. For more information, refer to [Track
   * recording](/realtime/realtimekit/recording-guide/track-recording/).
   *
   * `startTrackRecordingForAMeeting`: POST /recordings/track.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  startTrack(body, options) {
    return this.client.call("startTrackRecordingForAMeeting", "POST", "/recordings/track", { body }, options);
  }
};

// src/generated/sessions.gen.ts
var SessionsResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all sessions of an App.
   *
   * Returns details of all sessions of an App.
   *
   * `GetSessions`: GET /sessions.
   *
   * @param query - `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `sort_by` `sort_order` `start_time`: The start time range for which you want to
   * retrieve the meetings. The time must be specified in ISO format. `end_time`: The end time range for which you want
   * to retrieve the meetings. The time must be specified in ISO format. `participants` `status` `search`: Search string
   * that matches sessions based on meeting title, meeting ID, and session ID. `associated_id`: ID of the meeting that
   * sessions should be associated with.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(query, options) {
    return this.client.call("GetSessions", "GET", "/sessions", { query }, options);
  }
  /**
   * Fetch details of a session.
   *
   * Returns data of the given session ID including recording details.
   *
   * `GetSessionDetails`: GET /sessions/{session_id}.
   *
   * @param sessionId - ID of the session
   * @param query - `include_breakout_rooms`: List all breakout rooms.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(sessionId, query, options) {
    return this.client.call(
      "GetSessionDetails",
      "GET",
      "/sessions/{session_id}",
      { params: { session_id: sessionId }, query },
      options
    );
  }
  /**
   * Fetch all chat messages of a session.
   *
   * Returns a URL to download all chat messages of the session ID in CSV format.
   *
   * `GetSessionChat`: GET /sessions/{session_id}/chat.
   *
   * @param sessionId - ID of the session
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  chat(sessionId, options) {
    return this.client.call(
      "GetSessionChat",
      "GET",
      "/sessions/{session_id}/chat",
      { params: { session_id: sessionId } },
      options
    );
  }
  /**
   * Fetch livestream session details using a session ID.
   *
   * Returns livestream session details for the given session ID. Retreive the session ID using the `Fetch all sessions
   * of an App` API.
   *
   * `get-v2-livestreamsession-session-meetingId-active-livestream`: GET /sessions/{session_id}/livestream-sessions.
   *
   * @param sessionId - The session id.
   * @param query - `per_page`: Number of results per page. `page_no`: The page number from which you want your page
   * search results to be displayed.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  livestreams(sessionId, query, options) {
    return this.client.call(
      "get-v2-livestreamsession-session-meetingId-active-livestream",
      "GET",
      "/sessions/{session_id}/livestream-sessions",
      { params: { session_id: sessionId }, query },
      options
    );
  }
  /**
   * Fetch participants list of a session.
   *
   * Returns a list of participants for the given session ID.
   *
   * `GetSessionParticipants`: GET /sessions/{session_id}/participants.
   *
   * @param sessionId - ID of the session
   * @param query - `search`: The search query string. You can search using participant ID, custom participant ID, or
   * display name. `page_no`: The page number from which you want your page search results to be displayed. `per_page`:
   * Number of results per page. `sort_order` `sort_by` `include_peer_events`: if true, response includes all the peer
   * events of participants. `view`: In breakout room sessions, the view parameter can be set to `raw` for session
   * specific duration for participants or `consolidated` to accumulate breakout room durations.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  participants(sessionId, query, options) {
    return this.client.call(
      "GetSessionParticipants",
      "GET",
      "/sessions/{session_id}/participants",
      { params: { session_id: sessionId }, query },
      options
    );
  }
  /**
   * Fetch details of a participant.
   *
   * Returns details of the given participant ID along with call statistics for the given session ID.
   *
   * `GetParticipantDetails`: GET /sessions/{session_id}/participants/{participant_id}.
   *
   * @param sessionId - ID of the session
   * @param participantId - ID of the participant
   * @param query - `include_peer_events`: if true, response includes all the peer events of participant.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  participant(sessionId, participantId, query, options) {
    return this.client.call(
      "GetParticipantDetails",
      "GET",
      "/sessions/{session_id}/participants/{participant_id}",
      { params: { session_id: sessionId, participant_id: participantId }, query },
      options
    );
  }
  /**
   * Fetch summary of transcripts for a session.
   *
   * Returns a Summary URL to download the Summary of Transcripts for the session ID as plain text.
   *
   * `GetSessionSummary`: GET /sessions/{session_id}/summary.
   *
   * @param sessionId - The session id.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  summary(sessionId, options) {
    return this.client.call(
      "GetSessionSummary",
      "GET",
      "/sessions/{session_id}/summary",
      { params: { session_id: sessionId } },
      options
    );
  }
  /**
   * Generate summary of Transcripts for the session.
   *
   * Trigger Summary generation of Transcripts for the session ID.
   *
   * `post-sessions-session_id-summary`: POST /sessions/{session_id}/summary.
   *
   * @param sessionId - The session id.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  generateSummary(sessionId, options) {
    return this.client.call(
      "post-sessions-session_id-summary",
      "POST",
      "/sessions/{session_id}/summary",
      { params: { session_id: sessionId } },
      options
    );
  }
  /**
   * Fetch the complete transcript for a session.
   *
   * Returns a URL to download the transcript for the session ID in CSV format.
   *
   * `GetSessionTranscript`: GET /sessions/{session_id}/transcript.
   *
   * @param sessionId - ID of the session
   * @param query - `format`: Transcript file format to fetch.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  transcript(sessionId, query, options) {
    return this.client.call(
      "GetSessionTranscript",
      "GET",
      "/sessions/{session_id}/transcript",
      { params: { session_id: sessionId }, query },
      options
    );
  }
  /**
   * Fetch details of peer.
   *
   * Returns participant details for the given peer ID along with call statistics.
   *
   * `GetParticipantDataFromPeerId`: GET /sessions/peer-report/{peer_id}.
   *
   * @param peerId - ID of the peer
   * @param query - `filters`: Filter to apply to the peer report. `include_peer_events`: if true, response includes all
   * the peer events of participant.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  peerReport(peerId, query, options) {
    return this.client.call(
      "GetParticipantDataFromPeerId",
      "GET",
      "/sessions/peer-report/{peer_id}",
      { params: { peer_id: peerId }, query },
      options
    );
  }
};

// src/generated/webhooks.gen.ts
var WebhooksResource = class {
  /** @internal Built by createRealtimeKitClient; the methods send through `client`. */
  constructor(client) {
    this.client = client;
  }
  /**
   * Fetch all webhooks details.
   *
   * Returns details of all webhooks for an App.
   *
   * `getAllWebhooks`: GET /webhooks.
   *
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  list(options) {
    return this.client.call("getAllWebhooks", "GET", "/webhooks", {}, options);
  }
  /**
   * Add a webhook.
   *
   * Adds a new webhook to an App.
   *
   * `addWebhook`: POST /webhooks.
   *
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  create(body, options) {
    return this.client.call("addWebhook", "POST", "/webhooks", { body }, options);
  }
  /**
   * Fetch details of a webhook.
   *
   * Returns webhook details for the given webhook ID.
   *
   * `getWebhook`: GET /webhooks/{webhook_id}.
   *
   * @param webhookId - ID of the webhook
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  get(webhookId, options) {
    return this.client.call(
      "getWebhook",
      "GET",
      "/webhooks/{webhook_id}",
      { params: { webhook_id: webhookId } },
      options
    );
  }
  /**
   * Replace a webhook.
   *
   * Replace all details for the given webhook ID.
   *
   * `replaceWebhook`: PUT /webhooks/{webhook_id}.
   *
   * @param webhookId - ID of the webhook
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  replace(webhookId, body, options) {
    return this.client.call(
      "replaceWebhook",
      "PUT",
      "/webhooks/{webhook_id}",
      { params: { webhook_id: webhookId }, body },
      options
    );
  }
  /**
   * Edit a webhook.
   *
   * Edits the webhook details for the given webhook ID.
   *
   * `editWebhook`: PATCH /webhooks/{webhook_id}.
   *
   * @param webhookId - ID of the webhook
   * @param body - The request body.
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  update(webhookId, body, options) {
    return this.client.call(
      "editWebhook",
      "PATCH",
      "/webhooks/{webhook_id}",
      { params: { webhook_id: webhookId }, body },
      options
    );
  }
  /**
   * Delete a webhook.
   *
   * Removes a webhook for the given webhook ID.
   *
   * `deleteWebhook`: DELETE /webhooks/{webhook_id}.
   *
   * @param webhookId - ID of the webhook
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  delete(webhookId, options) {
    return this.client.call(
      "deleteWebhook",
      "DELETE",
      "/webhooks/{webhook_id}",
      { params: { webhook_id: webhookId } },
      options
    );
  }
  /**
   * Fetch all supported webhook events.
   *
   * Returns the list of webhook event names supported by RealtimeKit.
   *
   * `getAllWebhookEvents`: GET /webhooks/all.
   *
   * @param options - This call only: `signal`, `timeoutMs`, `maxRetries`, `headers`, `accountId`, `appId`.
   */
  events(options) {
    return this.client.call("getAllWebhookEvents", "GET", "/webhooks/all", {}, options);
  }
};

// src/generated/resources.gen.ts
var createResources = (client) => ({
  analytics: new AnalyticsResource(client),
  livestreams: new LivestreamsResource(client),
  meetings: new MeetingsResource(client),
  activeSession: new ActiveSessionResource(client),
  participants: new ParticipantsResource(client),
  presets: new PresetsResource(client),
  recordings: new RecordingsResource(client),
  sessions: new SessionsResource(client),
  webhooks: new WebhooksResource(client),
  apps: new AppsResource(client)
});

// src/internal/api-client.ts
var ApiClient = class {
  /** @param send the client's request pipeline (createSend in request.ts) */
  constructor(send) {
    this.send = send;
  }
  /** `call('get_meeting', 'GET', '/meetings/{meeting_id}', { params: { meeting_id } })`: the operation's `data`. */
  call(operationId, method, path, input, options) {
    return this.sendAs(operationId, method, path, input, options, 1);
  }
  /** `page('get_all_meetings', 'GET', '/meetings', { query })`: one page of a list, `{ data, paging }`. */
  page(operationId, method, path, input, options) {
    return this.sendAs(operationId, method, path, input, options, 2);
  }
  /**
   * Sends the operation through the pipeline (the input object as is: no copy), which unwraps the answer to its `data`
   * (1) or one page, `{ data, paging }` (2), and refuses an answer without them as `invalid_response`. The operation has
   * a body exactly when its input has one: the generated methods write `body` into the input of those operations only.
   */
  sendAs(operationId, method, path, input, options, unwrap) {
    return this.send(operationId, [method, path, "body" in input], input, options, unwrap);
  }
};

// src/attempt.browser.ts
async function attemptOnce(send, timeoutMs, signal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort);
  try {
    return { answer: await send(controller) };
  } catch (thrown) {
    return { thrown, timedOut: controller.signal.aborted && !signal?.aborted };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

// src/answer-too-large.ts
var AnswerTooLarge = class extends Error {
  constructor(limit) {
    super(`the answer is larger than ${limit} bytes`);
    this.limit = limit;
    this.name = "AnswerTooLarge";
  }
};

// src/retry.ts
var isRetrySafe = (method) => method === "GET" || method === "PUT" || method === "DELETE";
var MAX_RETRY_AFTER_SECONDS = 60;
function retryDelay(error, retrySafe, retry) {
  const { kind, status = 0, retryAfter } = error;
  const mendable = kind === "http" ? shouldRetryStatus(status, retrySafe) && !((retryAfter ?? 0) > MAX_RETRY_AFTER_SECONDS) : kind === "timeout" ? retrySafe : kind === "network" && shouldRetryNetworkError(error.cause, retrySafe);
  return !mendable ? void 0 : retryAfter === void 0 ? backoffMs(retry) : retryAfter * 1e3;
}
var shouldRetryStatus = (status, retrySafe) => status === 429 || retrySafe && [408, 500, 502, 503, 504].includes(status);
var shouldRetryNetworkError = (error, retrySafe) => retrySafe || networkCode(error) === "ECONNREFUSED";
var networkCode = (error) => {
  const e = error;
  const code = typeof e?.code === "string" ? e.code : e?.cause?.code;
  return typeof code === "string" ? code : void 0;
};
var backoffMs = (retry, random = Math.random) => random() * Math.min(8e3, 500 * 2 ** retry);
function parseRetryAfter(value, now = Date.now()) {
  const seconds = !value ? Number.NaN : /^\s*\d+\s*$/.test(value) ? +value : /[a-z]{3}/i.test(value) ? Math.ceil((Date.parse(value) - now) / 1e3) : Number.NaN;
  return Number.isNaN(seconds) ? void 0 : Math.max(0, seconds);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    function onAbort() {
      clearTimeout(timer);
      reject(this.reason);
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/transport.ts
function createTransport({ baseUrl, headers: base, fetch, middleware, maxBytes }) {
  const root = baseUrl.replace(/\/+$/, "");
  const intercepted = !!fetch || middleware.length > 0;
  let withBody = base;
  let fixed;
  if (false) {
    withBody = { "content-type": "application/json", ...base };
    if (URL.canParse(root) && !/[?#]/.test(root)) {
      fixed = nodeHttpTarget(root);
      fixed.path = fixed.path.replace(/\/+$/, "");
    }
  }
  function url(template, params, query) {
    let target = root;
    if (false) {
      templates[template] ??= template.split(/\{([\w-]+)\}/);
      const parts = templates[template];
      for (let i = 0; i < parts.length; i++) {
        target += i % 2 ? encodeURIComponent(params[parts[i]]) : parts[i];
      }
    } else target += template.replace(/\{([\w-]+)\}/g, (_, name) => encodeURIComponent(params[name]));
    if (!query) return target;
    let separator = "?";
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== void 0 && item !== null) {
          target += `${separator}${name}=${encodeURIComponent(item)}`;
          separator = "&";
        }
      }
    }
    return target;
  }
  async function sendFetch(method, target, { body, headers, attempt, schemaPath }) {
    const init = {
      method,
      headers: { ...body === void 0 ? {} : { "content-type": "application/json" }, ...base, ...headers },
      body: JSON.stringify(body),
      // undefined when there is no body
      signal: attempt.signal,
      // a redirect is never followed (it could take the token elsewhere, or re-send a write): classify reports it
      redirect: "manual"
    };
    let response;
    if (!intercepted) response = await globalThis.fetch(target, init);
    else {
      let request = new Request(target, init);
      const context = { schemaPath, params: {}, options: { baseUrl: root }, id: Math.random().toString(36).slice(2) };
      for (const m of middleware) {
        const replaced = await m.onRequest?.({ ...context, request });
        if (replaced instanceof Response) {
          response = replaced;
          break;
        }
        if (replaced) request = replaced;
      }
      if (!response) {
        try {
          response = await (fetch ?? globalThis.fetch)(request);
        } catch (error) {
          let thrown = error;
          for (const m of [...middleware].reverse()) {
            const handled = await m.onError?.({ ...context, request, error: thrown });
            if (handled instanceof Response) {
              response = handled;
              break;
            }
            if (handled instanceof Error) thrown = handled;
          }
          if (!response) throw thrown;
        }
        for (const m of [...middleware].reverse()) {
          response = await m.onResponse?.({ ...context, request, response }) ?? response;
        }
      }
    }
    return parse(response, await readText(response, maxBytes));
  }
  function parse(response, text) {
    if (response.ok) {
      if (text.charCodeAt(0) === 60) throw new SyntaxError(HTML_ANSWER);
      return { response, data: text ? JSON.parse(text) : void 0 };
    }
    try {
      return { response, error: text ? JSON.parse(text) : void 0 };
    } catch {
      return { response, error: text };
    }
  }
  const send = false ? (method, target, { body, headers, attempt }) => {
    const fixedHeaders = body === void 0 ? base : withBody;
    const rest = target.slice(root.length);
    const { base: to, path } = fixed && SAFE_PATH.test(rest) ? { base: fixed.base, path: fixed.path + rest || "/" } : nodeHttpTarget(target);
    return nodeHttpSend(to, path, {
      method,
      headers: headers ? { ...fixedHeaders, ...headers } : fixedHeaders,
      body: JSON.stringify(body),
      // undefined when there is no body
      attempt,
      maxBytes,
      read: parse
    });
  } : sendFetch;
  return { url, send };
}
var HTML_ANSWER = "an HTML page";
async function readText(response, maxBytes) {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {
      });
      throw new AnswerTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(size);
  if (chunks.length > 1) {
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return new TextDecoder().decode(bytes);
}

// src/classify.ts
function classifyAnswer({ response, data, error: errorBody }, fail) {
  const { status, ok } = response;
  if (status === 0 || status >= 300 && status < 400) {
    const location = response.headers.get("location")?.split(/[?#]/)[0];
    throw fail(
      "invalid_response",
      `the API answered ${status || "a redirect"}${location ? ` to ${location}` : ""}; redirects are never followed: check baseUrl or proxyUrl`,
      { status: status || void 0 }
    );
  }
  const payload = ok ? data : errorBody;
  if (ok && isPlainObject(payload) && payload.success !== false) return payload;
  const requestId = response.headers.get("cf-ray") ?? void 0;
  if (ok && !isPlainObject(payload)) {
    throw fail("invalid_response", "the API answered with a body that is not a JSON object", { requestId });
  }
  const described = describeErrorBody(payload);
  const message = described.message ?? (ok ? "the answer says success: false, with no error message" : "the answer has no error message");
  return fail("http", message, {
    code: described.code,
    body: described.body,
    status,
    requestId,
    retryAfter: parseRetryAfter(response.headers.get("retry-after")),
    headers: response.headers
  });
}
var NETWORK = true ? {} : {
  ECONNREFUSED: (host) => `connection refused by ${host}`,
  ENOTFOUND: (host) => `${host} was not found (DNS)`,
  EAI_AGAIN: (host) => `${host} could not be looked up (DNS)`,
  ECONNRESET: (host) => `the connection to ${host} was reset`,
  UND_ERR_SOCKET: (host) => `the connection to ${host} closed before the answer`,
  UND_ERR_CONNECT_TIMEOUT: (host) => `connecting to ${host} timed out`
};
function classifyFailure(thrown, timedOut, timeoutMs, host, fail) {
  if (thrown instanceof SyntaxError) {
    throw fail(
      "invalid_response",
      thrown.message === HTML_ANSWER ? `${host} answered an HTML page, not JSON: is the proxy route mounted at that path?` : "the API answered with invalid JSON"
    );
  }
  if (thrown instanceof AnswerTooLarge) {
    throw fail("invalid_response", `${thrown.message} (maxResponseBytes): it was not read`);
  }
  if (timedOut) return fail("timeout", `no answer within ${timeoutMs} ms from ${host}`);
  const code = networkCode(thrown) ?? "";
  const name = thrown instanceof Error ? thrown.name : "";
  const detail = NETWORK[code]?.(host) ?? `${code || (name ? `${name} (see cause)` : "failed")} talking to ${host}`;
  return fail("network", detail, { cause: thrown });
}

// src/join-meeting.ts
function createJoinMeeting(transport, proxy, timeoutMs, host) {
  return async function joinMeeting(meetingId, options = {}) {
    const context = { operationId: "join" };
    check(proxy, "joinMeeting is for a browser client behind the proxy (proxyUrl); on a server, use createJoinTokens");
    check(isId(meetingId), 'meetingId must be a non-empty string other than "." or ".."', context);
    const fail = (kind, message, details) => new RealtimeKitError(kind, message, { ...context, ...details });
    const schemaPath = "/meetings/{meeting_id}/join";
    const url = transport.url(schemaPath, { meeting_id: meetingId });
    const outcome = await attemptOnce(
      (attempt) => transport.send("POST", url, { body: {}, attempt, schemaPath }),
      timeoutMs,
      options.signal
    );
    if (!outcome.answer && options.signal?.aborted) throw fail("aborted", "the caller's signal aborted it");
    const result = outcome.answer ? classifyAnswer(outcome.answer, fail) : classifyFailure(outcome.thrown, !!outcome.timedOut, timeoutMs, host, fail);
    if (result instanceof RealtimeKitError) throw result;
    const { token, participant_id: participantId } = result;
    if (typeof token !== "string" || typeof participantId !== "string") {
      throw fail("invalid_response", "the join route answered without token and participant_id");
    }
    return { token, participantId };
  };
}

// src/rate-budget-store.ts
function memoryRateBudgetStore() {
  const keys = /* @__PURE__ */ new Map();
  const entry = (key) => {
    const found = keys.get(key) ?? { times: [], blockedUntil: 0 };
    keys.set(key, found);
    return found;
  };
  return {
    take(key, requests, windowMs, now) {
      const budget = entry(key);
      if (budget.blockedUntil > now) return budget.blockedUntil;
      const { times } = budget;
      while (times.length > 0 && times[0] <= now - windowMs) times.shift();
      if (times.length >= requests) return times[times.length - requests] + windowMs;
      times.push(now);
      return 0;
    },
    block(key, until) {
      const budget = entry(key);
      budget.blockedUntil = Math.max(budget.blockedUntil, until);
    }
  };
}

// src/raw-client.browser.ts
var createRawClient = (_options) => {
  throw new RealtimeKitError(
    "invalid_argument",
    "raw is not in the browser build: call the methods, or createClient<paths>() from 'openapi-fetch'"
  );
};

// src/request.ts
import {
  APP_PATH_PREFIX
} from "@realtimekit-meetings/core";

// src/attempt-log.ts
function attemptLog(logger, method, url, attempt, attempts, authorized) {
  const started = Date.now();
  return (status, retryInMs) => logger.debug(
    `[realtimekit] ${method} ${url.replace(/^\w+:\/\/[^/]+/, "")} ${status} (attempt ${attempt}/${attempts}, ${Date.now() - started} ms${retryInMs === void 0 ? "" : `, retrying in ${Math.round(retryInMs)} ms`})${authorized ? " Authorization: [redacted]" : ""}`
  );
}

// src/request.ts
function createSend(config) {
  const { transport, proxy, logger, budget } = config;
  return async function send(operationId, route, input = {}, options = {}, unwrap) {
    const method = route[0];
    const context = { operationId, method };
    const fail = (kind, message, details) => new RealtimeKitError(kind, message, { ...context, ...details });
    check(isPlainObject(options), "options must be a plain object", context);
    const [, appPath, hasBody] = route;
    const account = appPath.startsWith("/accounts/");
    const { signal, headers, timeoutMs = config.timeoutMs, maxRetries = config.maxRetries } = options;
    checkLimits(timeoutMs, maxRetries);
    const path = {};
    if (proxy) {
      check(!(options.accountId ?? options.appId), "accountId and appId are fixed by the proxy", context);
      check(!account, "the proxy serves one app: call the account's apps from a server client", context);
    } else {
      path.account_id = options.accountId ?? config.accountId;
      path.app_id = options.appId ?? config.appId;
      check(isId(path.account_id), "options.accountId must be a non-empty string", context);
      check(isId(path.app_id), "options.appId must be a non-empty string", context);
    }
    const { params, query, body } = input;
    for (const name of pathParams(appPath)) {
      if (name === "account_id") continue;
      path[name] = params?.[name];
      check(isId(path[name]), `${name} must be a non-empty string other than "." or ".."`, context);
    }
    check(query === void 0 || isPlainObject(query), "query must be a plain object", context);
    check(
      hasBody ? isPlainObject(body) : body === void 0,
      hasBody ? "body must be a plain object" : "this operation takes no body",
      context
    );
    const schemaPath = proxy || account ? appPath : APP_PATH_PREFIX + appPath;
    let url;
    try {
      url = transport.url(schemaPath, path, query);
    } catch {
      throw fail("invalid_argument", "IDs and query values must be well-formed Unicode");
    }
    const retrySafe = isRetrySafe(method);
    const aborted = () => fail("aborted", "the caller's signal aborted it", { cause: signal.reason });
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted();
      const slot = false ? budget?.take(context, signal) : void 0;
      if (slot) await slot.catch((error) => Promise.reject(signal?.aborted ? aborted() : error));
      const log = logger && attemptLog(logger, method, url, attempt, maxRetries + 1, config.authorized);
      const outcome = await attemptOnce(
        (attempt2) => transport.send(method, url, { body, headers, attempt: attempt2, schemaPath }),
        timeoutMs,
        signal
      );
      if (false) {
        const { response } = outcome.answer;
        const blocking = budget.observe(response.status, response.get ? response : response.headers);
        if (blocking) await blocking;
      }
      if (outcome.answer === void 0 && signal?.aborted) throw aborted();
      let result;
      try {
        result = outcome.answer ? classifyAnswer(outcome.answer, fail) : classifyFailure(outcome.thrown, !!outcome.timedOut, timeoutMs, config.host, fail);
      } catch (error) {
        log?.(error.kind);
        throw error;
      }
      if (!(result instanceof RealtimeKitError)) {
        if (!unwrap) {
          log?.(outcome.answer?.response.status);
          return result;
        }
        const { data, paging } = result;
        const missing = data === void 0 ? "data" : unwrap > 1 && !paging ? "paging" : "";
        log?.(missing ? "invalid_response" : outcome.answer?.response.status);
        if (missing) throw fail("invalid_response", `the API answered without ${missing}`);
        return unwrap > 1 ? { data, paging } : data;
      }
      const blocked = false;
      const delay = attempt <= maxRetries && !blocked ? retryDelay(result, retrySafe, attempt - 1) : void 0;
      log?.(result.status ?? result.kind, delay);
      if (delay === void 0) {
        result.attempts = attempt;
        if (attempt > 1) result.message += ` (${attempt} attempts, ${Date.now() - started} ms in all)`;
        throw result;
      }
      await sleep(delay, signal).catch(() => {
      });
    }
  };
}

// src/request-by-id.browser.ts
var createRequest = (_send) => (operationId, ..._args) => Promise.reject(
  new RealtimeKitError(
    "invalid_argument",
    "request(operationId) is not in the browser build, which carries no table of every operation: call the operation's method (rtk.meetings.get(id))",
    { operationId }
  )
);

// src/create-client.ts
var CLOUDFLARE = "https://api.cloudflare.com/client/v4";
function fromEnvironment() {
  if (true) return {};
  const env = process.env ?? {};
  return {
    apiToken: env.CLOUDFLARE_API_TOKEN || void 0,
    accountId: env.CLOUDFLARE_ACCOUNT_ID || void 0,
    appId: env.REALTIMEKIT_APP_ID || void 0,
    baseUrl: env.CLOUDFLARE_BASE_URL || void 0
  };
}
var OPTIONS = [
  "apiToken",
  "accountId",
  "appId",
  "baseUrl",
  "proxyUrl",
  "dangerouslyAllowBrowser",
  "fetch",
  "timeoutMs",
  "maxRetries",
  "maxResponseBytes",
  "headers",
  "middleware",
  "logger",
  "scope",
  "rateBudget"
];
var normal = (name) => name.toLowerCase().replace(/[^a-z]/g, "");
var closestOption = (name) => OPTIONS.find((known) => normal(known) === normal(name));
var HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
var inBrowser = () => typeof window !== "undefined" && typeof document !== "undefined";
function stringOption(name, value) {
  check(value === void 0 || typeof value === "string", `${name} must be a string, not ${typeof value}`);
  return value;
}
function hostOf(name, value, relativeAllowed) {
  const url = URL.canParse(value) ? new URL(value) : void 0;
  const relative = value.startsWith("/") && !value.startsWith("//");
  check(
    url ? /^https?:$/.test(url.protocol) : relative && relativeAllowed,
    `${name} must be an absolute http(s) URL such as ${name === "proxyUrl" ? "https://app.example.com/api/realtimekit" : CLOUDFLARE}, not "${value}"${relative ? " (a path works only in a browser)" : ""}`
  );
  return url?.host ?? value;
}
function setUp(options) {
  check(isPlainObject(options), "options must be a plain object");
  for (const name of Object.keys(options)) {
    if (OPTIONS.includes(name)) continue;
    const closest = closestOption(name);
    check(
      false,
      `unknown option "${name}"${closest ? `: did you mean "${closest}"?` : `; the options are ${OPTIONS.join(", ")}`}`
    );
  }
  const { fetch, headers, middleware, logger, timeoutMs = 6e4, maxRetries = 2 } = options;
  const { maxResponseBytes = 16 * 1024 * 1024 } = options;
  checkLimits(timeoutMs, maxRetries);
  check(
    Number.isInteger(maxResponseBytes) && maxResponseBytes > 0,
    "maxResponseBytes must be a positive whole number of bytes"
  );
  check(fetch === void 0 || typeof fetch === "function", "fetch must be a function");
  check(headers === void 0 || isPlainObject(headers), "headers must be a plain object of strings");
  for (const [name, value] of Object.entries(headers ?? {})) {
    check(
      typeof value === "string" && HEADER_VALUE.test(value),
      `headers["${name}"] must be a string without line breaks or control characters`
    );
  }
  check(
    middleware === void 0 || Array.isArray(middleware),
    "middleware must be an array of openapi-fetch middleware"
  );
  check(logger === void 0 || typeof logger?.debug === "function", "logger must have a debug(line) method");
  const proxyUrl = stringOption("proxyUrl", options.proxyUrl);
  const proxy = proxyUrl !== void 0;
  const env = proxy ? {} : fromEnvironment();
  const apiToken = stringOption("apiToken", options.apiToken) ?? env.apiToken;
  const accountId = stringOption("accountId", options.accountId) ?? env.accountId;
  const appId = stringOption("appId", options.appId) ?? env.appId;
  const baseUrl = proxyUrl ?? stringOption("baseUrl", options.baseUrl) ?? env.baseUrl ?? CLOUDFLARE;
  const host = hostOf(proxy ? "proxyUrl" : "baseUrl", baseUrl, proxy && inBrowser());
  if (proxy) {
    check(
      (options.apiToken ?? options.accountId ?? options.appId ?? options.baseUrl) === void 0,
      "proxyUrl excludes apiToken, accountId, appId and baseUrl: the proxy holds them"
    );
  } else {
    check(apiToken, "apiToken is missing: pass apiToken or set CLOUDFLARE_API_TOKEN (in a browser, use proxyUrl)");
    check(
      /^[\x21-\x7e]+$/.test(apiToken),
      "apiToken cannot be sent in a header (a space, line break, control or non-ASCII character): copy it again; a trailing newline is the usual cause"
    );
    check(
      accountId,
      "accountId is missing: pass accountId or set CLOUDFLARE_ACCOUNT_ID (a call may still override it)"
    );
    check(appId, "appId is missing: pass appId or set REALTIMEKIT_APP_ID (a call may still override it)");
    check(
      options.dangerouslyAllowBrowser || !inBrowser(),
      "An apiToken in a browser is readable by anyone: use proxyUrl and @realtimekit-meetings/proxy (or dangerouslyAllowBrowser: true)"
    );
  }
  const authorization = apiToken ? { Authorization: `Bearer ${apiToken}` } : void 0;
  const transport = createTransport({
    baseUrl,
    headers: { ...headers, ...authorization },
    fetch,
    middleware: middleware ?? [],
    maxBytes: maxResponseBytes
  });
  const rateBudget = options.rateBudget ?? (proxy ? false : {});
  let budget;
  if (false) {
    check(rateBudget === false || isPlainObject(rateBudget), "rateBudget must be an object or false");
    budget = rateBudget === false ? void 0 : createRateBudget(rateBudget, `account:${accountId}`);
  }
  const config = {
    transport,
    proxy,
    host,
    accountId,
    appId,
    timeoutMs,
    maxRetries,
    authorized: !!apiToken,
    logger,
    budget
  };
  const scope = stringOption("scope", options.scope) || (proxy ? `proxy:${proxyUrl}` : `${accountId}/${appId}`);
  return { config, scope, raw: { baseUrl, headers: { ...headers, ...authorization }, fetch, middleware } };
}
function createRealtimeKitClient(options = {}) {
  const { config, scope, raw: rawOptions } = setUp(options);
  const { transport, proxy, timeoutMs, host } = config;
  const send = createSend(config);
  const client = {
    ...createResources(new ApiClient(send)),
    request: createRequest(send),
    joinMeeting: createJoinMeeting(transport, proxy, timeoutMs, host),
    scope
  };
  let raw;
  Object.defineProperty(client, "raw", {
    get: () => {
      raw ??= createRawClient(rawOptions);
      return raw;
    }
  });
  return client;
}
var createApiClient = (options = {}) => new ApiClient(createSend(setUp(options).config));

// src/generated/resource-clients.gen.ts
function createAnalyticsClient(options) {
  return new AnalyticsResource(createApiClient(options));
}
function createLivestreamsClient(options) {
  return new LivestreamsResource(createApiClient(options));
}
function createMeetingsClient(options) {
  return new MeetingsResource(createApiClient(options));
}
function createActiveSessionClient(options) {
  return new ActiveSessionResource(createApiClient(options));
}
function createParticipantsClient(options) {
  return new ParticipantsResource(createApiClient(options));
}
function createPresetsClient(options) {
  return new PresetsResource(createApiClient(options));
}
function createRecordingsClient(options) {
  return new RecordingsResource(createApiClient(options));
}
function createSessionsClient(options) {
  return new SessionsResource(createApiClient(options));
}
function createWebhooksClient(options) {
  return new WebhooksResource(createApiClient(options));
}
function createAppsClient(options) {
  return new AppsResource(createApiClient(options));
}

// src/join-tokens.ts
function memoryJoinTokenStore(options = {}) {
  const { maxEntries = 1e4 } = options;
  check(Number.isInteger(maxEntries) && maxEntries > 0, "maxEntries must be a positive whole number");
  const map = /* @__PURE__ */ new Map();
  return {
    get: async (key) => {
      const value = map.get(key);
      if (value !== void 0) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set: async (key, value) => {
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value);
    },
    delete: async (key) => {
      map.delete(key);
    },
    compareAndSet: async (key, expected, value) => {
      if ((map.get(key) ?? null) !== expected) return false;
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value);
      return true;
    }
  };
}
var fingerprint = (wanted) => JSON.stringify([wanted.preset_name, wanted.name ?? null, wanted.picture ?? null]);
var encode = (remembered) => JSON.stringify(remembered);
function decode(value) {
  if (!value) return void 0;
  if (!value.startsWith("{")) return { id: value };
  try {
    const parsed = JSON.parse(value);
    if (isId(parsed?.id)) {
      return { id: parsed.id, applied: typeof parsed.applied === "string" ? parsed.applied : void 0 };
    }
    if (typeof parsed?.claim === "string" && typeof parsed.until === "number") return parsed;
  } catch {
  }
  return { claim: "", until: 0 };
}
var isClaim = (record) => !!record && "claim" in record;
var sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var instances = 0;
var isStatus = (error, status) => error instanceof RealtimeKitError && error.status === status;
var isOptionalString = (value) => value === void 0 || typeof value === "string";
function createJoinTokens(options) {
  check(isPlainObject(options), "createJoinTokens needs { client, preset, store? }");
  const { client, preset, store = memoryJoinTokenStore(), defaultName = "Participant", leaseMs = 6e4 } = options;
  check(Number.isInteger(leaseMs) && leaseMs > 0, "leaseMs must be a positive whole number of milliseconds");
  check(typeof defaultName === "string" && defaultName !== "", "defaultName must be a non-empty string");
  check(typeof client?.participants?.add === "function", "client must be a client from createRealtimeKitClient");
  check(
    typeof preset === "string" ? preset !== "" : typeof preset === "function",
    "preset must be a name or a function"
  );
  check(
    ["get", "set", "delete"].every((m) => typeof store?.[m] === "function"),
    "store needs get, set and delete"
  );
  check(
    store.compareAndSet === void 0 || typeof store.compareAndSet === "function",
    "store.compareAndSet must be a function when given"
  );
  const cas = store.compareAndSet?.bind(store);
  const inFlight = /* @__PURE__ */ new Map();
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${++instances}`;
  let claims = 0;
  async function decide(user, meetingId) {
    const presetName = typeof preset === "string" ? preset : await preset(user, meetingId);
    if (typeof presetName !== "string" || presetName === "") {
      throw new TypeError(
        `preset() returned ${presetName === "" ? "an empty string" : typeof presetName} for meeting ${meetingId}: it must return a preset name`
      );
    }
    return { preset_name: presetName, name: user.name || defaultName, picture: user.picture };
  }
  async function lookUp(meetingId, userId) {
    for await (const participant of client.participants.listAll(meetingId, { per_page: 100 })) {
      if (participant.custom_participant_id === userId) return participant.id;
    }
    return void 0;
  }
  async function update(meetingId, key, id, wanted, applied, current, withToken) {
    const now = fingerprint(wanted);
    if (applied !== now) {
      await client.participants.edit(meetingId, id, {
        preset_name: wanted.preset_name,
        name: wanted.name,
        picture: wanted.picture ?? null
      });
      await remember(key, current, encode({ id, applied: now }));
    }
    if (!withToken) return { token: "", participantId: id, created: false };
    const { token } = await client.participants.refreshToken(meetingId, id);
    return { token, participantId: id, created: false };
  }
  async function remember(key, current, value) {
    if (cas) await cas(key, current, value);
    else await store.set(key, value);
  }
  async function addClaimed(meetingId, user, key, wanted, claimed, lookFirst, withToken) {
    let added;
    try {
      const found = lookFirst ? await lookUp(meetingId, user.id) : void 0;
      if (found) return await update(meetingId, key, found, wanted, void 0, claimed, withToken);
      added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    } catch (error) {
      if (!lookFirst && error instanceof RealtimeKitError && error.kind === "rate_limited") {
        await store.delete(key).catch(() => {
        });
        throw error;
      }
      await cas?.(key, claimed, JSON.stringify({ claim: me, until: 0 })).catch(() => false);
      throw error;
    }
    await remember(key, claimed, encode({ id: added.id, applied: fingerprint(wanted) }));
    return { token: withToken ? added.token : "", participantId: added.id, created: true };
  }
  async function joinClaimed(meetingId, user, key, wanted, withToken) {
    const write = cas;
    let wait = 20;
    for (; ; ) {
      const raw = await store.get(key) ?? null;
      const record = decode(raw);
      let lookFirst = !store.durable;
      if (record && !isClaim(record)) {
        try {
          return await update(meetingId, key, record.id, wanted, record.applied, raw, withToken);
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
          lookFirst = false;
        }
      } else if (record) {
        const left = record.until - Date.now();
        if (left > 0) {
          await sleep2(Math.min(left, wait));
          wait = Math.min(wait * 2, 500);
          continue;
        }
        lookFirst = true;
      }
      const claimed = JSON.stringify({ claim: `${me}-${++claims}`, until: Date.now() + leaseMs });
      if (!await write(key, raw, claimed)) continue;
      return addClaimed(meetingId, user, key, wanted, claimed, lookFirst, withToken);
    }
  }
  async function join(meetingId, user, key, withToken) {
    const wanted = await decide(user, meetingId);
    if (cas) return joinClaimed(meetingId, user, key, wanted, withToken);
    const raw = await store.get(key) ?? null;
    const decoded = decode(raw);
    const remembered = isClaim(decoded) ? void 0 : decoded;
    let gone = false;
    if (remembered) {
      try {
        return await update(meetingId, key, remembered.id, wanted, remembered.applied, raw, withToken);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        await store.delete(key);
        gone = true;
      }
    }
    const found = gone ? void 0 : await lookUp(meetingId, user.id);
    if (found) return update(meetingId, key, found, wanted, void 0, null, withToken);
    const added = await client.participants.add(meetingId, { custom_participant_id: user.id, ...wanted });
    await store.set(key, encode({ id: added.id, applied: fingerprint(wanted) }));
    return { token: withToken ? added.token : "", participantId: added.id, created: true };
  }
  const checkArguments = (meetingId, user) => {
    check(isId(meetingId), "meetingId must be a non-empty string");
    check(
      isPlainObject(user) && isId(user.id) && isOptionalString(user.name) && isOptionalString(user.picture),
      "user must be { id, name?, picture? } with a non-empty id"
    );
    return `${client.scope}:${meetingId}:${user.id}`;
  };
  function once(key, run) {
    const pending = (inFlight.get(key) ?? Promise.resolve()).catch(() => void 0).then(run);
    const settled = pending.finally(() => {
      if (inFlight.get(key) === settled) inFlight.delete(key);
    });
    inFlight.set(key, settled);
    return settled;
  }
  async function prepare(meetingId, users, prepareOptions = {}) {
    const { concurrency = 4 } = prepareOptions;
    check(Number.isInteger(concurrency) && concurrency > 0, "concurrency must be a positive whole number");
    check(Array.isArray(users), "users must be an array of { id, name?, picture? }");
    const keys = users.map((user) => checkArguments(meetingId, user));
    const results = new Array(users.length);
    let next = 0;
    const worker = async () => {
      while (next < users.length) {
        const i = next++;
        const user = users[i];
        try {
          const { participantId, created } = await once(
            keys[i],
            () => join(meetingId, user, keys[i], false)
          );
          results[i] = { userId: user.id, ok: true, participantId, created };
        } catch (error) {
          results[i] = { userId: user.id, ok: false, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, users.length) }, worker));
    return results;
  }
  async function joinToken(meetingId, user) {
    const key = checkArguments(meetingId, user);
    const pending = inFlight.get(key);
    if (pending && joining.has(pending)) return pending;
    const started = once(key, () => join(meetingId, user, key, true));
    joining.add(started);
    return started;
  }
  const joining = /* @__PURE__ */ new WeakSet();
  return Object.assign(joinToken, { prepare });
}
export {
  RealtimeKitError,
  createActiveSessionClient,
  createAnalyticsClient,
  createAppsClient,
  createJoinTokens,
  createLivestreamsClient,
  createMeetingsClient,
  createParticipantsClient,
  createPresetsClient,
  createRealtimeKitClient,
  createRecordingsClient,
  createSessionsClient,
  createWebhooksClient,
  memoryJoinTokenStore,
  memoryRateBudgetStore
};

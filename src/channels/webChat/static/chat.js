/* BackCare chat page: connects Microsoft Web Chat (webchat.js, loaded before this file) to our own Direct Line
   endpoint. Plain ES2017 for the browser; no build step. It never logs or stores anything the visitor types. */
/* global window, document, fetch, sessionStorage, localStorage, location, setTimeout, setInterval, clearInterval */
'use strict';

(function () {
  var DIRECT_LINE = location.origin + '/v3/directline';
  var STORAGE_KEY = 'backcare.directline';
  // Kept on the device, across tabs and days: the server's signed word for "the same visitor as before".
  var VISITOR_KEY = 'backcare.visitor';
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  // Direct Line's ConnectionStatus values.
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  var settings = readSettings();
  var region = document.getElementById('webchat');
  var current = null; // { directLine, keeper, ending }
  var starting = false;

  function readSettings() {
    var defaults = {
      botName: 'BackCare',
      accentColor: '#0b6e4f',
      accentTextColor: '#0b6e4f',
      onAccentColor: '#ffffff',
      avatarUrl: '',
      embedded: false,
    };
    var element = document.getElementById('backcare-settings');
    var given = attempt(function () {
      return JSON.parse((element && element.textContent) || '{}');
    }, null);
    return Object.assign(defaults, given && typeof given === 'object' ? given : {});
  }

  /** fn's result, or fallback when it throws. */
  function attempt(fn, fallback) {
    try {
      return fn();
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES2017 has no optional catch binding
    } catch (ignored) {
      return fallback;
    }
  }

  // sessionStorage can throw (storage blocked in a third-party iframe, private modes): the chat then just doesn't
  // survive a reload.
  function loadSession() {
    var stored = attempt(function () {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    }, null);
    if (stored && typeof stored.token === 'string' && typeof stored.conversationId === 'string') return stored;
    if (stored !== null) forgetSession();
    return null;
  }

  function saveSession(token, conversationId) {
    attempt(function () {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: token, conversationId: conversationId }));
    });
  }

  function forgetSession() {
    attempt(function () {
      sessionStorage.removeItem(STORAGE_KEY);
    });
  }

  function loadVisitor() {
    return attempt(function () {
      return localStorage.getItem(VISITOR_KEY);
    }, null);
  }

  function saveVisitor(visitor) {
    attempt(function () {
      localStorage.setItem(VISITOR_KEY, visitor);
    });
  }

  /** After "forget me": this device no longer names the person, and a reload starts a new chat. */
  function forgetVisitor() {
    attempt(function () {
      localStorage.removeItem(VISITOR_KEY);
    });
    forgetSession();
  }

  /**
   * POSTs to a token endpoint; resolves with { token, conversationId, visitor } or rejects with an error carrying
   * .status. `body` is sent as JSON when given.
   */
  async function requestToken(path, bearer, body) {
    var headers = { Accept: 'application/json' };
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    if (body) headers['Content-Type'] = 'application/json';
    var response = await fetch(DIRECT_LINE + path, {
      method: 'POST',
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) {
      var failure = new Error('token request failed');
      failure.status = response.status;
      throw failure;
    }
    var answer = await response.json();
    if (!answer || typeof answer.token !== 'string' || typeof answer.conversationId !== 'string') {
      var invalid = new Error('token response is not a Direct Line token');
      invalid.status = response.status;
      throw invalid;
    }
    if (typeof answer.visitor === 'string') saveVisitor(answer.visitor);
    return { token: answer.token, conversationId: answer.conversationId };
  }

  /**
   * The conversation to show: the one from before a reload when its token can still be refreshed, otherwise a new
   * one. A network failure during the refresh is passed on (Retry tries the refresh again) rather than losing the
   * conversation; any other refusal (expired, unknown, rate limited) starts afresh.
   */
  async function getSession() {
    var stored = loadSession();
    if (stored) {
      try {
        var refreshed = await requestToken('/tokens/refresh', stored.token);
        return { token: refreshed.token, conversationId: refreshed.conversationId, reconnect: true };
      } catch (error) {
        if (typeof error.status !== 'number') throw error;
        forgetSession();
      }
    }
    // A new conversation, as the same visitor when this device was here before.
    var visitor = loadVisitor();
    var created = await requestToken('/tokens/generate', null, visitor ? { visitor: visitor } : null);
    return { token: created.token, conversationId: created.conversationId, reconnect: false };
  }

  function initials(name) {
    var words = String(name).trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return '';
    if (words.length > 1) return (words[0].charAt(0) + words[1].charAt(0)).toUpperCase();
    // One word: its first letter and the next capital, so "BackCare" gives "BC".
    var capital = words[0].slice(1).match(/[A-Z]/);
    return (words[0].charAt(0) + (capital ? capital[0] : '')).toUpperCase();
  }

  function styleOptions() {
    var accent = settings.accentColor;
    var accentText = settings.accentTextColor; // readable on white
    var options = {
      accent: accentText,
      primaryFont: FONT,
      backgroundColor: '#ffffff',
      rootHeight: '100%',
      bubbleBorderRadius: 12,
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBackground: accent,
      bubbleFromUserBorderColor: accent,
      bubbleFromUserTextColor: settings.onAccentColor,
      suggestedActionLayout: 'flow',
      suggestedActionBorderRadius: 999,
      suggestedActionBorderColor: accentText,
      suggestedActionTextColor: accentText,
      suggestedActionBorderColorOnHover: accentText,
      suggestedActionTextColorOnHover: accentText,
      suggestedActionBorderColorOnFocus: accentText,
      suggestedActionTextColorOnFocus: accentText,
      sendBoxButtonColor: accentText,
      sendBoxButtonColorOnHover: accentText,
      sendBoxButtonColorOnFocus: accentText,
      sendBoxButtonKeyboardFocusIndicatorBorderColor: accentText,
      transcriptVisualKeyboardIndicatorColor: accentText,
      sendBoxTextWrap: true,
      botAvatarInitials: initials(settings.botName),
      botAvatarBackgroundColor: accent,
      hideUploadButton: true,
    };
    if (settings.avatarUrl) options.botAvatarImage = settings.avatarUrl;
    return options;
  }

  function clearRegion() {
    while (region.firstChild) region.removeChild(region.firstChild);
  }

  function showStatus(text) {
    clearRegion();
    var status = document.createElement('p');
    status.className = 'bc-status';
    status.setAttribute('role', 'status');
    status.textContent = text;
    region.appendChild(status);
  }

  function showProblem(text, buttonLabel) {
    var hadFocus = region.contains(document.activeElement);
    clearRegion();
    var box = document.createElement('div');
    box.className = 'bc-error';
    box.setAttribute('role', 'alert');
    var message = document.createElement('p');
    message.textContent = text;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'bc-button';
    button.textContent = buttonLabel;
    button.addEventListener('click', start);
    box.appendChild(message);
    box.appendChild(button);
    region.appendChild(box);
    if (hadFocus) button.focus();
  }

  function cannotConnect() {
    showProblem("Sorry, the chat can't connect right now. Please try again in a moment.", 'Retry');
  }

  /** Stops polling and token refreshes for the shown conversation, if any. */
  function stopCurrent() {
    if (!current) return;
    var stopping = current;
    current = null;
    stopping.ending = true;
    clearInterval(stopping.keeper);
    attempt(function () {
      stopping.directLine.end();
    });
  }

  /** Moves focus to the send box once Web Chat has drawn it, unless the visitor has already gone somewhere else. */
  function focusSendBox(attempts) {
    var input = region.querySelector('.webchat__send-box-text-box__input, textarea, input[type="text"]');
    var active = document.activeElement;
    var free = !active || active === document.body || active === document.documentElement;
    if (input && (free || region.contains(active))) {
      input.focus({ preventScroll: true });
    } else if (!input && attempts > 0) {
      setTimeout(function () {
        focusSendBox(attempts - 1);
      }, 100);
    }
  }

  function watch(session) {
    session.directLine.connectionStatus$.subscribe(function (status) {
      if (session.ending || current !== session) return;
      if (status === EXPIRED_TOKEN || status === ENDED) {
        stopCurrent();
        forgetSession();
        showProblem(
          'This chat has ended because it was idle for a while. You can start a new one.',
          'Start a new chat',
        );
      } else if (status === FAILED_TO_CONNECT) {
        stopCurrent();
        forgetSession();
        cannotConnect();
      }
    });
  }

  async function start() {
    if (starting) return;
    starting = true;
    stopCurrent();
    showStatus('Connecting…');
    try {
      if (!window.WebChat || typeof window.WebChat.renderWebChat !== 'function') throw new Error('webchat.js missing');
      var session = await getSession();
      saveSession(session.token, session.conversationId);

      var options = { domain: DIRECT_LINE, token: session.token, webSocket: false };
      if (session.reconnect) options.conversationId = session.conversationId;
      var directLine = window.WebChat.createDirectLine(options);

      // Direct Line refreshes the token every 15 minutes; keep the stored copy current so a reload can reconnect.
      var shown = { directLine: directLine, ending: false, keeper: 0 };
      var remember = function () {
        if (current === shown && typeof directLine.token === 'string')
          saveSession(directLine.token, session.conversationId);
      };
      shown.keeper = setInterval(remember, 60 * 1000);
      current = shown;
      window.addEventListener('pagehide', remember);

      clearRegion();
      var root = document.createElement('div');
      root.className = 'bc-webchat-root';
      region.appendChild(root);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: window.WebChat.createStore({}, forgetOnRequest),
          userID: undefined,
          locale: 'en-GB',
          styleOptions: styleOptions(),
        },
        root,
      );
      watch(shown);
      focusSendBox(50);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES2017 has no optional catch binding
    } catch (ignored) {
      stopCurrent();
      cannotConnect();
    } finally {
      starting = false;
    }
  }

  /** Web Chat store middleware: the bot's "everything deleted" reply says to forget the visitor on this device. */
  function forgetOnRequest() {
    return function (next) {
      return function (action) {
        var activity = action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
        var data = activity && activity.channelData && activity.channelData.backcare;
        if (data && data.forgetDevice === true) forgetVisitor();
        return next(action);
      };
    };
  }

  // Inside the embed bubble: Escape that Web Chat did not use closes the bubble, and the bubble asks for focus when it
  // opens. Messages carry no data beyond their type.
  if (settings.embedded && window.parent && window.parent !== window) {
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) window.parent.postMessage({ type: 'backcare:close' }, '*');
    });
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'backcare:focus') focusSendBox(50);
    });
  }

  if (region) start();
})();

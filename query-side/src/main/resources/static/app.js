/*
 * The live leaderboard page: top 10 of a board and window over server-sent events, and a player lookup.
 * Plain browser JavaScript, no build step, no dependencies. Everything shown is set through textContent.
 */
(function () {
  'use strict';

  var API = 'api/v1/leaderboards';
  var TOP = 10;
  var CONTEXT = 5;
  var WINDOWS = ['all-time', 'daily', 'weekly', 'monthly'];
  var WINDOW_NAMES = { 'all-time': 'all time', daily: 'daily', weekly: 'weekly', monthly: 'monthly' };
  var USER_ID = /^[A-Za-z0-9._-]{1,64}$/;
  var RETRY_MS = 5000;
  var numbers = new Intl.NumberFormat('en-US');
  var dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  var timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  var $ = function (id) { return document.getElementById(id); };
  var el = {
    status: $('status'), statusText: $('status-text'),
    board: $('board'), windows: $('windows'), description: $('board-description'),
    period: $('period'), periodRange: $('period-range'), total: $('total-players'), updated: $('updated'),
    table: $('rankings'), caption: $('rankings-caption'), body: $('rankings-body'),
    empty: $('rankings-empty'), error: $('rankings-error'),
    form: $('lookup-form'), input: $('lookup-input'), message: $('lookup-message'), result: $('lookup-result'),
    player: $('lookup-player'), rank: $('lookup-rank'), score: $('lookup-score'), top: $('lookup-top-percent'),
    lookupCaption: $('lookup-caption'), lookupBody: $('lookup-body')
  };

  var params = new URLSearchParams(location.search);
  var state = {
    boards: [],
    board: params.get('board') || 'global',
    window: WINDOWS.indexOf(params.get('window')) >= 0 ? params.get('window') : 'all-time',
    source: null,
    retry: null,
    lookedUp: null,    // the user id of the last lookup, refreshed when the board or window changes
    lookupSeq: 0
  };

  // ---- connection status ---------------------------------------------------------------------------------------

  function setStatus(name, text) {
    el.status.dataset.state = name;
    el.statusText.textContent = text;
  }

  // ---- the live top 10 -----------------------------------------------------------------------------------------

  function streamUrl() {
    return API + '/' + encodeURIComponent(state.board) + '/stream?window=' + encodeURIComponent(state.window) +
      '&top=' + TOP;
  }

  function connect() {
    disconnect();
    setStatus('connecting', 'Connecting…');
    el.table.setAttribute('aria-busy', 'true');
    var source = new EventSource(streamUrl());
    state.source = source;
    source.onopen = function () {
      if (state.source === source) { setStatus('live', 'Live'); }
    };
    source.addEventListener('leaderboard', function (event) {
      if (state.source !== source) { return; }
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.leaderboardId !== state.board || data.window !== state.window) { return; }
      setStatus('live', 'Live');
      renderRankings(data);
    });
    source.onerror = function () {
      if (state.source !== source) { return; }
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on a non-200 answer (e.g. a restarting server): try again ourselves, and say why.
        setStatus('offline', 'Disconnected, retrying…');
        explainStreamFailure();
        state.retry = setTimeout(connect, RETRY_MS);
      } else {
        setStatus('reconnecting', 'Reconnecting…');
      }
    };
  }

  function disconnect() {
    if (state.retry) { clearTimeout(state.retry); state.retry = null; }
    if (state.source) { state.source.close(); state.source = null; }
  }

  /** EventSource does not expose the failed response; ask the rankings endpoint for the problem it reports. */
  function explainStreamFailure() {
    var board = state.board, win = state.window;
    getJson(API + '/' + encodeURIComponent(board) + '/rankings?window=' + encodeURIComponent(win) + '&limit=' + TOP)
      .then(function (data) {
        if (board === state.board && win === state.window) { renderRankings(data); }
      }, function (problem) {
        if (board === state.board && win === state.window) { showError(problem.message); }
      });
  }

  function showError(text) {
    el.error.textContent = text;
    el.error.hidden = !text;
  }

  function renderRankings(data) {
    showError('');
    el.table.setAttribute('aria-busy', 'false');
    renderPeriod(data.window, data.period);
    el.total.textContent = numbers.format(data.totalPlayers);
    el.updated.textContent = timeFormat.format(new Date());
    var entries = data.entries || [];
    el.empty.hidden = entries.length > 0;
    updateRows(el.body, entries, null, 'ranking-row');
  }

  function renderPeriod(win, period) {
    // all-time has no bounds (the API names its period "all-time" with null start and end)
    if (win === 'all-time' || !period || !period.key) {
      el.period.textContent = 'All time';
      el.periodRange.textContent = '';
      return;
    }
    el.period.textContent = period.key;
    if (period.start && period.end) {
      var start = new Date(period.start);
      var last = new Date(Date.parse(period.end) - 1); // end is exclusive
      el.periodRange.textContent = start.toISOString().slice(0, 10) === last.toISOString().slice(0, 10)
        ? dateFormat.format(start) + ' (UTC)'
        : dateFormat.format(start) + ' – ' + dateFormat.format(last) + ' (UTC)';
    } else {
      el.periodRange.textContent = '';
    }
  }

  /**
   * Updates a table body in place: existing rows are reused and only changed cells are rewritten (so screen
   * readers announce the change, not the whole table); a row whose player or score changed flashes briefly.
   */
  function updateRows(body, entries, highlight, testId) {
    while (body.rows.length > entries.length) { body.deleteRow(-1); }
    entries.forEach(function (entry, i) {
      var row = body.rows[i];
      var fresh = !row;
      if (fresh) {
        row = body.insertRow(-1);
        row.dataset.testid = testId;
        row.insertCell(-1).className = 'num rank';
        row.insertCell(-1).className = 'player';
        row.insertCell(-1).className = 'num score';
      }
      var cells = [String(entry.rank), entry.userId, numbers.format(entry.score)];
      var changed = false;
      for (var c = 0; c < 3; c++) {
        if (row.cells[c].textContent !== cells[c]) { row.cells[c].textContent = cells[c]; changed = true; }
      }
      row.dataset.userId = entry.userId;
      row.dataset.rank = entry.rank;
      row.dataset.score = entry.score;
      if (highlight !== null && entry.userId === highlight) {
        row.classList.add('me');
        row.setAttribute('aria-current', 'true');
      } else {
        row.classList.remove('me');
        row.removeAttribute('aria-current');
      }
      if (changed && !fresh) { flash(row); }
    });
  }

  function flash(row) {
    row.classList.remove('changed');
    void row.offsetWidth; // restart the animation
    row.classList.add('changed');
  }

  // ---- boards and windows --------------------------------------------------------------------------------------

  function loadBoards() {
    getJson(API).then(function (boards) {
      state.boards = boards;
      el.board.textContent = '';
      if (!boards.some(function (b) { return b.leaderboardId === state.board; }) && boards.length) {
        state.board = boards.some(function (b) { return b.leaderboardId === 'global'; })
          ? 'global' : boards[0].leaderboardId;
      }
      boards.forEach(function (b) {
        var option = document.createElement('option');
        option.value = b.leaderboardId;
        option.textContent = b.name || b.leaderboardId;
        option.selected = b.leaderboardId === state.board;
        el.board.appendChild(option);
      });
      el.board.disabled = boards.length === 0;
      selectionChanged();
    }, function (problem) {
      el.board.textContent = '';
      setStatus('offline', 'Unavailable');
      showError('Could not load the boards: ' + problem.message);
    });
  }

  function selectionChanged() {
    var board = state.boards.filter(function (b) { return b.leaderboardId === state.board; })[0];
    el.description.textContent = board && board.description ? board.description : '';
    Array.prototype.forEach.call(el.windows.querySelectorAll('button'), function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.window === state.window));
    });
    var label = (board ? board.name || board.leaderboardId : state.board) + ', ' + WINDOW_NAMES[state.window];
    el.caption.textContent = 'Top ' + TOP + ' players: ' + label;
    document.title = 'Leaderboard · ' + label;
    var query = new URLSearchParams({ board: state.board, window: state.window });
    history.replaceState(null, '', '?' + query.toString());
    // Clear what belonged to the previous selection until the new stream's first event arrives.
    el.body.textContent = '';
    el.empty.hidden = true;
    el.period.textContent = '–';
    el.periodRange.textContent = '';
    el.total.textContent = '–';
    showError('');
    connect();
    if (state.lookedUp) { lookup(state.lookedUp); }
  }

  el.board.addEventListener('change', function () {
    state.board = el.board.value;
    selectionChanged();
  });

  el.windows.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-window]');
    if (!button || button.dataset.window === state.window) { return; }
    state.window = button.dataset.window;
    selectionChanged();
  });

  // ---- player lookup -------------------------------------------------------------------------------------------

  el.form.addEventListener('submit', function (event) {
    event.preventDefault();
    var userId = el.input.value.trim();
    if (!USER_ID.test(userId)) {
      state.lookedUp = null;
      showLookupMessage('A player ID is 1 to 64 letters, digits, “.”, “_” or “-”.', 'invalid');
      el.input.setAttribute('aria-invalid', 'true');
      el.input.focus();
      return;
    }
    el.input.removeAttribute('aria-invalid');
    state.lookedUp = userId;
    lookup(userId);
  });

  function lookup(userId) {
    var seq = ++state.lookupSeq;
    var board = state.board, win = state.window;
    var where = boardName(board) + ' (' + WINDOW_NAMES[win] + ')';
    el.result.setAttribute('aria-busy', 'true');
    getJson(API + '/' + encodeURIComponent(board) + '/players/' + encodeURIComponent(userId) +
      '?window=' + encodeURIComponent(win) + '&context=' + CONTEXT)
      .then(function (data) {
        if (seq !== state.lookupSeq) { return; }
        el.message.hidden = true;
        el.player.textContent = data.userId;
        el.rank.textContent = '#' + data.rank + ' of ' + numbers.format(data.totalPlayers);
        el.score.textContent = numbers.format(data.score);
        el.top.textContent = formatPercent(data.topPercent);
        el.lookupCaption.textContent = 'Players around ' + data.userId + ' on ' + where;
        updateRows(el.lookupBody, data.entries || [], data.userId, 'lookup-row');
        el.result.hidden = false;
        el.result.setAttribute('aria-busy', 'false');
      }, function (problem) {
        if (seq !== state.lookupSeq) { return; }
        if (problem.status === 404) {
          showLookupMessage('No score for “' + userId + '” on ' + where + '.', 'not-found');
        } else {
          showLookupMessage('Lookup failed: ' + problem.message, 'error');
        }
      });
  }

  function showLookupMessage(text, kind) {
    el.result.hidden = true;
    el.lookupBody.textContent = '';
    el.message.textContent = text;
    el.message.dataset.kind = kind;
    el.message.hidden = false;
  }

  function boardName(id) {
    var board = state.boards.filter(function (b) { return b.leaderboardId === id; })[0];
    return board ? board.name || id : id;
  }

  function formatPercent(value) {
    if (typeof value !== 'number') { return '–'; }
    var digits = value >= 10 ? 1 : value >= 0.1 ? 2 : 4;
    return parseFloat(value.toFixed(digits)) + '%';
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  /** GETs JSON; rejects with {status, message}, the message taken from a problem+json body when there is one. */
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.ok) { return response.json(); }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        throw { status: response.status, message: problem.detail || problem.title || ('HTTP ' + response.status) };
      });
    }, function () {
      throw { status: 0, message: 'the server cannot be reached' };
    });
  }

  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', function (event) { if (event.persisted) { connect(); } });
  loadBoards();
}());

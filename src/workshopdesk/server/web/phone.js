/* The phone page's script: keeps the server-rendered page live.
   Renders with DOM nodes and textContent only (never as markup), so workshop text
   can never become markup. Mirrors server/pages.py: keep the two in step.
   Every text a person sees or hears is written T("…"), TN("one", "many", n) or
   TP("context", "…"), with {name} placeholders and plain string literals only: the
   catalogue takes them from
   here, and the server hands each phone this script with them already in the
   workshop's language (server/words.py). */
(function () {
  "use strict";
  var body = document.body;
  var base = body.getAttribute("data-base");
  var kind = body.getAttribute("data-page");
  var number = parseInt(body.getAttribute("data-problem") || "0", 10);
  var revision = body.getAttribute("data-revision") || "";
  var offset = parseInt(body.getAttribute("data-now"), 10) - Date.now();
  var board = null;
  var live = document.getElementById("live");
  var source = null;
  var lastHeard = Date.now();
  var retryDelay = 500;
  var retryTimer = 0;
  var checking = false;
  var gone = false;
  // The laptop says something every HEARTBEAT (server/hub.py: 4 s); two missed in a row
  // mean the feed is lost, even when the phone was never told it closed.
  var SILENCE = 8500;
  var RETRY_MAX = 1500;
  var LIVE = T("Live: changes appear by themselves.");
  var LOST = T("Reconnecting…");
  var language = body.getAttribute("data-language");
  var firstTimer = null;
  try { firstTimer = JSON.parse(document.getElementById("timer").getAttribute("data-timer")); } catch (e) {}
  var initial = { teams: [], round: null };
  try { initial = JSON.parse(body.getAttribute("data-take-part")); } catch (e) {}
  function current() { return board || initial; }

  function h(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined && text !== null) el.textContent = String(text);
    return el;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return params && params.hasOwnProperty(key) ? String(params[key]) : all;
    });
  }
  // A text in the workshop's language (translated as the script was served).
  function T(text, params) { return fill(text, params); }
  // A text whose words depend on where it stands (a context the translator sees).
  function TP(context, text, params) { return fill(text, params); }
  // The form for n (1 or any other number), with {n} and the other placeholders filled.
  function TN(one, many, n, params) {
    var all = { n: n };
    for (var key in params) if (params.hasOwnProperty(key)) all[key] = params[key];
    return fill(n === 1 ? one : many, all);
  }
  var COLOR = /^#[0-9a-fA-F]{3,8}$/;

  function paint(root) {
    var els = root.querySelectorAll("[data-color]");
    for (var i = 0; i < els.length; i++) {
      var c = els[i].getAttribute("data-color");
      if (!COLOR.test(c)) continue;
      var cl = els[i].classList;
      if (cl.contains("team")) els[i].style.setProperty("--team", c);
      else if (cl.contains("problem")) els[i].style.borderTopColor = c;
    }
  }

  function teamChips(ids) {
    var byId = {};
    board.teams.forEach(function (t) { byId[t.id] = t; });
    var box = h("span", "teams");
    ids.forEach(function (id) {
      var t = byId[id];
      if (!t) return;
      var chip = h("span", "team", t.name);
      chip.setAttribute("data-color", t.color);
      box.appendChild(chip);
    });
    return box.childNodes.length ? box : null;
  }

  function solution(s, problemNumber) {
    var marks = { agreed: T("Agreed"), rejected: T("Set aside"), proposed: T("Idea") };
    var li = h("li", "solution " + s.status);
    li.setAttribute("data-id", s.id);
    li.setAttribute("data-problem", problemNumber);
    add(li, h("span", "mark", marks[s.status] || ""), h("span", "text", s.text));
    var meta = [];
    if (s.proposer) meta.push(T("by {name}", { name: s.proposer }));
    if (s.votes) meta.push(TN("{n} vote", "{n} votes", s.votes));
    if (s.dots) meta.push(TN("{n} dot", "{n} dots", s.dots));
    if (meta.length) li.appendChild(h("span", "meta", meta.join(" \u00b7 ")));
    add(li, teamChips(s.team_ids));
    return li;
  }

  function list(items, cls) {
    var ul = h("ul", cls);
    items.forEach(function (item) { ul.appendChild(item); });
    return ul;
  }

  function card(p) {
    var li = h("li", "card" + (p.solved ? " solved" : "") + (p.together ? " together" : ""));
    li.setAttribute("data-color", p.color);
    var a = h("a", "card-link");
    a.href = base + "/P/" + p.number;
    add(a, h("span", "no", p.number), h("span", "card-title", p.title));
    if (p.customer) a.appendChild(h("span", "customer", p.customer));
    if (p.together) a.appendChild(h("span", "together-mark", T("Solved together")));
    li.appendChild(a);
    var shown = p.solutions.filter(function (s) { return s.status !== "rejected"; });
    li.appendChild(shown.length ? list(shown.map(function (s) { return solution(s, p.number); }), "solutions") : h("p", "none", T("No solution yet")));
    return li;
  }

  function details(id, summary, content, openByDefault) {
    var old = document.getElementById(id);
    var d = h("details", "intro");
    d.id = id;
    d.open = old ? old.open : openByDefault;
    add(d, h("summary", null, summary), content);
    return d;
  }

  function fadeJump() {
    // Column chips that do not all fit: fade the cut edge so the row shows it scrolls.
    var nav = document.querySelector("nav.jump");
    if (!nav) return;
    var end = nav.scrollWidth - nav.clientWidth;
    nav.classList.toggle("more-after", nav.scrollLeft < end - 2);
    nav.classList.toggle("more-before", nav.scrollLeft > 2);
  }

  function fitUnderTop() {
    // A jump to a column or a card never lands under the sticky top of the screen.
    var top = document.querySelector(".top");
    document.documentElement.style.scrollPaddingTop = top.offsetHeight + 8 + "px";
  }

  function checkIn(ci) {
    // The check-in weeks later, while the facilitator shows it: what fell due and where
    // each follow-up stands.
    var sec = h("section", "check-in");
    sec.id = "check-in";
    add(sec, h("h2", null, T("Check-in")), h("p", "since", ci.caption));
    if (ci.follow_ups.length) {
      sec.appendChild(list(ci.follow_ups.map(function (f) {
        var li = h("li", "due " + f.status);
        add(li, h("span", "status", f.status_text), h("span", "text", f.text),
          h("span", "meta", f.owner + " \u00b7 #" + f.problem));
        if (f.outcome) li.appendChild(h("span", "outcome", f.outcome));
        return li;
      }), "check-in-list"));
    }
    return sec;
  }

  function boardMain() {
    var out = [];
    var info = board.workshop;
    if (info.goal) out.push(details("goal", T("Our shared goal"), h("p", "text", info.goal), true));
    if (board.check_in) out.push(checkIn(board.check_in));
    if (info.ground_rules.length) {
      out.push(details("rules", T("Ground rules"),
        list(info.ground_rules.map(function (r) { return h("li", null, r); }), "rules"), false));
    }
    var cols = board.columns;
    if (cols.length) {
      var nav = h("nav", "jump");
      nav.setAttribute("aria-label", T("Columns"));
      cols.forEach(function (c, i) {
        var a = h("a", null, c.name + " ");
        a.href = "#c" + i;
        a.appendChild(h("span", null, c.problems.length));
        nav.appendChild(a);
      });
      out.push(nav);
    } else {
      out.push(h("p", "none", T("The board is empty.")));
    }
    cols.forEach(function (c, i) {
      var sec = h("section", "column" + (c.done ? " done" : ""));
      sec.id = "c" + i;
      var h2 = h("h2", null, c.name + " ");
      h2.appendChild(h("span", "count", c.problems.length));
      sec.appendChild(h2);
      sec.appendChild(c.problems.length ? list(c.problems.map(card), "cards") : h("p", "none", T("Nothing here")));
      out.push(sec);
    });
    return out;
  }

  function problemMain() {
    var back = h("a", "back", "\u2039 " + T("Whole board"));
    back.href = base;
    var found = null;
    board.columns.forEach(function (c) {
      c.problems.forEach(function (p) { if (p.number === number) found = { p: p, c: c }; });
    });
    if (!found) return [back, h("p", "none", T("This problem is no longer on the board."))];
    var p = found.p;
    var art = h("article", "problem");
    art.setAttribute("data-color", p.color);
    var where = h("p", "where");
    add(where, h("span", "no", p.number), h("span", "badge stage", found.c.name),
      p.together ? h("span", "badge solved together", T("Solved together"))
        : p.solved ? h("span", "badge solved", T("Solved")) : h("span", "badge open", T("Needs a solution")));
    add(art, where, h("h1", null, p.title));
    if (p.customer) art.appendChild(h("p", "customer", p.customer));
    add(art, teamChips(p.team_ids));
    if (p.tags.length) {
      var tags = h("p", "tags");
      p.tags.forEach(function (t) { tags.appendChild(h("span", "tag", t)); });
      art.appendChild(tags);
    }
    if (p.description) add(art, h("h2", null, T("Impact")), h("p", "text", p.description));
    if (p.stalled_because) add(art, h("h2", null, T("Why it stalled")), h("p", "text", p.stalled_because));
    var sh = h("h2", null, T("Solutions") + " ");
    sh.appendChild(h("span", "count", p.solutions.length));
    art.appendChild(sh);
    if (p.from_team_ids.length) {
      var from = h("div", "from-teams", T("Solutions from:"));
      add(from, teamChips(p.from_team_ids));
      art.appendChild(from);
    }
    var ranked = p.solutions.slice();
    if (board.round && board.round.kind === "vote" && !board.round.open) {
      ranked.sort(function (a, b) { return (b.dots || 0) - (a.dots || 0); });
    }
    art.appendChild(ranked.length ? list(ranked.map(function (s) { return solution(s, p.number); }), "solutions")
      : h("p", "none", T("No solution yet: this is where you come in.")));
    if (p.follow_ups.length) {
      art.appendChild(h("h2", null, T("Follow-ups")));
      art.appendChild(list(p.follow_ups.map(function (f) {
        var li = h("li");
        li.appendChild(h("span", "text", f.text));
        var meta = [f.owner, f.due_text].filter(Boolean);
        if (meta.length) li.appendChild(h("span", "meta", meta.join(" \u00b7 ")));
        return li;
      }), "follow-ups"));
    }
    return [back, art];
  }

  function focusedSolution() {
    // The vote button (by its solution) that has the focus, so a redraw gives it back.
    var el = document.activeElement;
    var li = el && el.classList && el.classList.contains("dot") ? el.closest("li[data-id]") : null;
    return li ? li.getAttribute("data-id") : null;
  }

  function refocus(id) {
    if (!id) return;
    var b = document.querySelector('li[data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"] button.dot');
    if (b) b.focus({ preventScroll: true });
  }

  function render() {
    var spoken = board.workshop.language;
    if (spoken !== language && sessionStorage.getItem("wd-language") !== spoken) {
      // The facilitator changed the workshop's language: the page again, in it (a
      // half-typed idea is kept). Once only, should the page come back unchanged.
      sessionStorage.setItem("wd-language", spoken);
      keepIdea();
      location.reload();
      return;
    }
    var keep = focusedSolution();
    var info = board.workshop;
    document.title = kind === "problem" ? number + " \u00b7 " + info.title : info.title;
    document.getElementById("title").textContent = info.title;
    var prog = board.progress;
    var text = document.querySelector(".progress-text");
    text.textContent = "";
    var of = T("{solved} of {total}", { solved: prog.solved, total: prog.total });
    // Translators: after "5 of 10" in bold; the number it agrees with is the total.
    add(text, h("b", null, of), document.createTextNode(" " + TN("solved", "solved", prog.total)));
    var bar = document.querySelector("#progress progress");
    bar.max = Math.max(prog.total, 1);
    bar.value = prog.solved;
    bar.textContent = of;
    var main = document.getElementById("main");
    var fresh = kind === "problem" ? problemMain() : boardMain();
    var frag = document.createDocumentFragment();
    fresh.forEach(function (el) { frag.appendChild(el); });
    main.textContent = "";
    main.appendChild(frag);
    paint(main);
    fadeJump();
    fitUnderTop();
    tick();
    takePart(keep);
  }

  function clock(ms) {
    var s = Math.ceil(Math.max(0, ms) / 1000);
    var hours = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return hours ? hours + ":" + two(m) + ":" + two(sec) : m + ":" + two(sec);
  }

  function tick() {
    var el = document.getElementById("timer");
    var t = board ? board.timer : firstTimer;
    if (!t) { el.hidden = true; return; }
    var left = t.running && t.ends_at_ms !== null ? Math.max(0, t.ends_at_ms - (Date.now() + offset)) : t.remaining_ms;
    var state = left === 0 ? "up" : (t.running ? "running" : "paused");
    el.className = "timer " + state;
    el.hidden = false;
    var label = el.querySelector(".timer-label") || el.appendChild(h("span", "timer-label"));
    var face = el.querySelector(".timer-clock") || el.appendChild(h("span", "timer-clock"));
    label.textContent = left === 0 ? T("Time's up") : (t.running ? "" : T("Paused") + " ");
    face.textContent = left === 0 ? "" : clock(left);
  }

  function status(text, cls) {
    // Only a change is written, so a screen reader announces each state once.
    if (live.textContent !== text) live.textContent = text;
    live.className = "live" + (cls ? " " + cls : "");
  }

  function onBoard(e) {
    lastHeard = Date.now();
    var data;
    try { data = JSON.parse(e.data); } catch (err) { return; }
    board = data;
    revision = String(data.revision);
    body.setAttribute("data-revision", revision);
    render();
    // This phone's own view changes only with the round or the facilitator's decisions
    // (its own sends bring their answer): not at every dot anyone places.
    var mine = JSON.stringify(data.round) + "|" + data.decided + "|" + (data.contacts && data.contacts.open);
    if (mine !== lastMine) { lastMine = mine; refreshMe(); }
  }

  function connect() {
    clearTimeout(retryTimer);
    if (gone) return;
    if (source) source.close();
    source = new EventSource(base + "/EVENTS?since=" + encodeURIComponent(revision));
    source.addEventListener("board", onBoard);
    source.addEventListener("now", function (e) {
      lastHeard = Date.now();
      var n = parseInt(e.data, 10);
      if (!isNaN(n)) offset = n - Date.now();
    });
    source.onopen = function () {
      lastHeard = Date.now();
      retryDelay = 500;
      status(LIVE, "on");
    };
    source.onerror = function () {
      // The page's own retries (every 1.5 s at most) rather than the browser's slower ones.
      status(LOST, "lost");
      later();
    };
  }

  function later() {
    if (source) { source.close(); source = null; }
    clearTimeout(retryTimer);
    retryTimer = setTimeout(check, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX);
  }

  function check() {
    // A closed feed: is the link still good (server back) or was it replaced?
    if (checking || gone) return;
    checking = true;
    clearTimeout(retryTimer);
    fetch(base + "/BOARD.JSON", { cache: "no-store", credentials: "omit" }).then(function (r) {
      if (r.status === 404) {
        gone = true;
        if (source) { source.close(); source = null; }
        status(T("This link no longer works. Scan the new QR code on the wall."), "gone");
        return;
      }
      if (!r.ok) { later(); return; }
      return r.json().then(function (data) {
        lastHeard = Date.now();
        board = data;
        revision = String(data.revision);
        render();
        connect();
      });
    }).catch(function () { status(LOST, "lost"); later(); })
      .then(function () { checking = false; });
  }

  function wake() {
    if (gone) return;
    var silent = Date.now() - lastHeard > SILENCE;
    if (silent || navigator.onLine === false) status(LOST, "lost");
    if (!source || source.readyState === 2 || silent) {
      if (source && silent) { source.close(); source = null; }
      retryDelay = 500;
      check();
    }
  }

  /* -- taking part: joining, ideas, dots, "I'm done" -------------------------------- */
  var me = null;
  var lastMine = JSON.stringify(initial.round) + "|" + initial.decided + "|" + (initial.contacts && initial.contacts.open);
  var meTimer = 0;
  var sending = false;
  var pendingIdea = null;
  // An idea's state as the laptop names it (ME.JSON), in words.
  var STATES = { "waiting": T("waiting"), "on the wall": T("on the wall"), "not used": T("not used") };

  function keepIdea() {
    var area = document.getElementById("idea-text");
    if (area && area.value.trim()) sessionStorage.setItem("wd-idea-" + number, area.value);
  }

  function post(path, data) {
    // Never wait forever: a send the laptop did not answer in 15 s can be tried again.
    var abort = window.AbortController ? new AbortController() : null;
    var limit = abort ? setTimeout(function () { abort.abort(); }, 15000) : 0;
    return fetch(base + "/" + path, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(data || {}),
      signal: abort ? abort.signal : undefined
    }).then(function (r) {
      clearTimeout(limit);
      return r.json().catch(function () { return {}; }).then(function (answer) {
        if (!r.ok) throw new Error(answer.error || T("That did not reach the laptop. Try again."));
        return answer;
      });
    }, function () {
      clearTimeout(limit);
      throw new Error(T("No answer from the laptop. Try again: nothing is sent twice."));
    });
  }

  function refreshMe() {
    clearTimeout(meTimer);
    meTimer = setTimeout(function () {
      fetch(base + "/ME.JSON", { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) { me = data; takePart(); } })
        .catch(function () {});
    }, 50);
  }

  function say(box, text) {
    box.textContent = text || "";
    box.hidden = !text;
  }

  function openRound() {
    var r = current().round;
    return r && r.open ? r : null;
  }

  function joinSheet() {
    if (document.getElementById("join")) return;
    var sheet = h("div", "sheet");
    sheet.id = "join";
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-modal", "false");
    sheet.setAttribute("aria-labelledby", "join-title");
    var form = h("form", "join");
    var title = h("h2", null, T("Take part from this phone"));
    title.id = "join-title";
    var why = h("p", "hint", T("Say who you are, or stay anonymous — even to the facilitator."));
    var nameLabel = h("label", null, T("Your name"));
    var name = h("input");
    name.type = "text"; name.id = "join-name"; name.maxLength = 200; name.autocomplete = "name";
    nameLabel.htmlFor = "join-name";
    var teamLabel = h("label", null, T("Your team"));
    var team = h("select");
    team.id = "join-team";
    teamLabel.htmlFor = "join-team";
    team.appendChild(h("option", null, T("No team")));
    team.options[0].value = "";
    current().teams.forEach(function (t) {
      var o = h("option", null, t.name);
      o.value = t.id;
      team.appendChild(o);
    });
    var error = h("p", "error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    var buttons = h("div", "buttons");
    var join = h("button", "primary", T("Join"));
    join.type = "submit";
    var anonymous = h("button", "secondary", T("Stay anonymous"));
    anonymous.type = "button";
    var later = h("button", "plain", T("Not now"));
    later.type = "button";
    later.addEventListener("click", function () {
      sessionStorage.setItem("wd-join-later", "1");
      sheet.remove();
    });
    add(buttons, join, anonymous, later);
    add(form, title, why, nameLabel, name, teamLabel, team, error, buttons);
    function send(data) {
      if (sending) return;
      sending = true;
      post("JOIN", data).then(function (answer) {
        me = answer;
        sheet.remove();
        takePart();
      }, function (err) { say(error, err.message); })
        .then(function () { sending = false; });
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!name.value.trim()) { say(error, T("Type your name, or stay anonymous.")); name.focus(); return; }
      send({ name: name.value.trim(), team: team.value || null });
    });
    anonymous.addEventListener("click", function () { send({}); });
    sheet.appendChild(form);
    body.appendChild(sheet);
  }

  function roundBar() {
    var bar = document.getElementById("round");
    if (!bar) {
      bar = h("div", "round");
      bar.id = "round";
      bar.setAttribute("role", "status");
      document.querySelector(".top").appendChild(bar);
    }
    var r = openRound();
    bar.textContent = "";
    if (!r || !me || !me.joined) { bar.hidden = true; fitUnderTop(); return; }
    bar.hidden = false;
    var text = r.kind === "write"
      ? T("Silent writing: your ideas stay private until the facilitator reveals them.")
      : (me.dots_left === null ? T("Voting")
        : TN("{left} of {n} dot left", "{left} of {n} dots left", r.dots, { left: me.dots_left }));
    bar.appendChild(h("span", "round-text", text));
    var done = h("button", "done", me.done ? T("Done ✓") : T("I'm done"));
    done.type = "button";
    done.disabled = !!me.done;
    done.setAttribute("aria-pressed", me.done ? "true" : "false");
    done.addEventListener("click", function () {
      post("DONE").then(function (answer) { me = answer; takePart(); },
        function (err) { say(document.getElementById("phone-error") || bar, err.message); });
    });
    bar.appendChild(done);
    fitUnderTop();
  }

  function voteButtons() {
    var r = openRound();
    if (!r || r.kind !== "vote" || !me || !me.joined || me.blocked) return;
    var items = document.querySelectorAll("li.solution[data-id]");
    for (var i = 0; i < items.length; i++) {
      (function (li) {
        var id = li.getAttribute("data-id");
        if (li.classList.contains("rejected")) return;
        if (r.problem !== null && parseInt(li.getAttribute("data-problem"), 10) !== r.problem) return;
        var on = me.dots.indexOf(id) >= 0;
        // Named "Vote for <the solution>", pressed or not: the words seen are part of the name.
        var b = h("button", "dot" + (on ? " on" : ""));
        var mark = h("span", "dot-mark", on ? "\u25cf" : "\u25cb");
        mark.setAttribute("aria-hidden", "true");
        add(b, mark, document.createTextNode(TP("button", "Vote")),
          h("span", "hide", " " + T("for {solution}", { solution: li.querySelector(".text").textContent })));
        b.type = "button";
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.addEventListener("click", function () {
          b.disabled = true;
          post("DOTS", { solution: id, on: !on }).then(function (answer) { me = answer; takePart(); },
            function (err) { b.disabled = false; say(document.getElementById("phone-error"), err.message); });
        });
        li.appendChild(b);
      })(items[i]);
    }
  }

  function ideaForm() {
    var box = document.getElementById("ideas");
    var can = kind === "problem" && me && me.joined && !me.blocked &&
      document.querySelector("article.problem");
    if (!can) { if (box) box.hidden = true; return; }
    if (!box) {
      // Outside the board's part of the page: a live change never takes a half-typed idea.
      box = h("section", "ideas");
      box.id = "ideas";
      box.setAttribute("aria-labelledby", "ideas-title");
      var title = h("h2", null, T("Your ideas"));
      title.id = "ideas-title";
      var form = h("form", "idea");
      var label = h("label", null, T("Your idea"));
      var area = h("textarea");
      area.id = "idea-text"; area.rows = 3; area.maxLength = 1000;
      label.htmlFor = "idea-text";
      area.value = sessionStorage.getItem("wd-idea-" + number) || "";
      sessionStorage.removeItem("wd-idea-" + number);
      var send = h("button", "primary", T("Send"));
      send.type = "submit";
      add(form, label, area, send);
      var listing = h("div", "my-ideas-box");
      add(box, title, form, listing);
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var text = area.value.trim();
        if (!text || sending) return;
        sending = true;
        send.disabled = true;
        // The same text sent again (after an answer that got lost) is the same request:
        // the laptop keeps it once.
        if (!pendingIdea || pendingIdea.text !== text) {
          pendingIdea = { text: text, id: Date.now().toString(36) + Math.random().toString(36).slice(2, 10) };
        }
        post("P/" + number + "/IDEAS", { text: text, request: pendingIdea.id }).then(function (answer) {
          me = answer;
          pendingIdea = null;
          area.value = "";
          say(document.getElementById("phone-error"), "");
          takePart();
        }, function (err) {
          say(document.getElementById("phone-error"), err.message);
        }).then(function () { sending = false; send.disabled = false; });
      });
      document.getElementById("main").insertAdjacentElement("afterend", box);
    }
    box.hidden = false;
    var mine = (me.ideas || []).filter(function (i) { return i.problem === number; });
    var holder = box.querySelector(".my-ideas-box");
    holder.textContent = "";
    holder.appendChild(mine.length ? list(mine.map(function (i) {
      var li = h("li", "my-idea " + i.state.replace(/ /g, "-"));
      add(li, h("span", "text", i.text),
        h("span", "state", i.private ? T("private until the reveal") : (STATES[i.state] || i.state)));
      return li;
    }), "my-ideas") : h("p", "none", T("Nothing sent yet.")));
  }

  function contactField(id, label, type, autocomplete, value) {
    var l = h("label", null, label);
    var input = h("input");
    input.type = type; input.id = id; input.maxLength = 200; input.autocomplete = autocomplete;
    input.value = value || "";
    l.htmlFor = id;
    return [l, input];
  }

  function contactsBox() {
    // The contact exchange, while the facilitator keeps it open: this phone's own card,
    // and everyone's cards for a phone that shared. Outside the board's part of the page,
    // so a live change never takes a half-typed card.
    var ex = current().contacts;
    var box = document.getElementById("contacts");
    if (!ex || !ex.open || !me) { if (box) box.remove(); return; }
    var editing = box && box.getAttribute("data-editing") === "1";
    var shared = !!me.card;
    var state = (shared && !editing ? "shared:" + ex.shared + ":" + JSON.stringify(me.card) : "form");
    if (box && box.getAttribute("data-state") === state) return;
    if (box && state === "form" && box.querySelector("form")) return;
    if (!box) {
      box = h("section", "contacts");
      box.id = "contacts";
      box.setAttribute("aria-labelledby", "contacts-title");
      document.getElementById("main").insertAdjacentElement("beforebegin", box);
    }
    box.setAttribute("data-state", state);
    box.textContent = "";
    var title = h("h2", null, T("Exchange contacts"));
    title.id = "contacts-title";
    box.appendChild(title);
    if (shared && !editing) {
      var mine = me.card;
      add(box, h("p", "hint", T("Your card is shared.")),
        h("p", "my-card", [mine.name, mine.role, mine.email, mine.phone].filter(Boolean).join(" \u00b7 ")));
      var get = h("a", "button primary", TN("Download {n} card", "Download all {n} cards", ex.shared, { n: ex.shared }));
      get.href = base + "/CONTACTS.VCF";
      get.setAttribute("download", "contacts.vcf");
      var change = h("button", "secondary", T("Change my card"));
      change.type = "button";
      change.addEventListener("click", function () {
        box.setAttribute("data-editing", "1");
        box.removeAttribute("data-state");
        contactsBox();
      });
      var row = h("div", "buttons");
      add(row, get, change);
      box.appendChild(row);
      return;
    }
    var card = me.card || { name: me.name || "", email: "", phone: "", role: "" };
    var form = h("form", "card-form");
    var hint = h("p", "hint", T("Share your card with everyone who shares theirs: only they receive the cards. Yours is kept in the workshop's file as an attendee."));
    var name = contactField("card-name", T("Your name"), "text", "name", card.name);
    var email = contactField("card-email", T("E-mail"), "email", "email", card.email);
    var phone = contactField("card-phone", T("Phone"), "tel", "tel", card.phone);
    var role = contactField("card-role", T("Role"), "text", "organization-title", card.role);
    var error = h("p", "error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    var send = h("button", "primary", T("Share my card"));
    send.type = "submit";
    var row = h("div", "buttons");
    row.appendChild(send);
    if (shared) {
      var keep = h("button", "secondary", T("Keep my card as it is"));
      keep.type = "button";
      keep.addEventListener("click", function () {
        box.removeAttribute("data-editing");
        box.removeAttribute("data-state");
        contactsBox();
      });
      row.appendChild(keep);
    }
    add(form, hint, name[0], name[1], email[0], email[1], phone[0], phone[1], role[0], role[1], error, row);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (sending) return;
      var data = { name: name[1].value.trim(), email: email[1].value.trim(),
        phone: phone[1].value.trim(), role: role[1].value.trim() };
      if (!data.name) { say(error, T("Type your name.")); name[1].focus(); return; }
      if (!data.email && !data.phone) { say(error, T("Add an e-mail address or a phone number, so people can reach you.")); email[1].focus(); return; }
      sending = true;
      send.disabled = true;
      var joined = me.joined ? Promise.resolve(me) : post("JOIN", { name: data.name });
      joined.then(function () { return post("CARD", data); }).then(function (answer) {
        me = answer;
        box.removeAttribute("data-editing");
        box.removeAttribute("data-state");
        var sheet = document.getElementById("join");
        if (sheet) sheet.remove();
        takePart();
      }, function (err) { say(error, err.message); })
        .then(function () { sending = false; send.disabled = false; });
    });
    box.appendChild(form);
  }

  function takePart(focused) {
    if (!me) return;
    var keep = focused || focusedSolution();
    var old = document.querySelectorAll("button.dot");
    for (var i = 0; i < old.length; i++) old[i].remove();
    var err = document.getElementById("phone-error");
    if (!err) {
      err = h("p", "error");
      err.id = "phone-error";
      err.setAttribute("role", "alert");
      err.hidden = true;
      document.getElementById("main").prepend(err);
    }
    if (!me.joined && !sessionStorage.getItem("wd-join-later")) joinSheet();
    roundBar();
    voteButtons();
    ideaForm();
    contactsBox();
    refocus(keep);
  }

  if (sessionStorage.getItem("wd-language") === language) sessionStorage.removeItem("wd-language");
  paint(document);
  fadeJump();
  fitUnderTop();
  refreshMe();
  connect();
  setInterval(tick, 250);
  setInterval(wake, 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) wake(); });
  window.addEventListener("online", function () { retryDelay = 500; check(); });
  window.addEventListener("offline", function () { if (!gone) status(LOST, "lost"); });
  document.addEventListener("scroll", function (e) {
    if (e.target && e.target.classList && e.target.classList.contains("jump")) fadeJump();
  }, true);
  window.addEventListener("resize", function () { fadeJump(); fitUnderTop(); });
  window.addEventListener("pageshow", function (e) { if (e.persisted) wake(); });
})();

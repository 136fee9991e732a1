/* The phone page's script, part 3 of 3: keeps the server-rendered page live — the board
   and a problem drawn again from each new board, the timer, and the live feed with its
   reconnecting. Mirrors server/pages.py: keep the two in step. */
(function () {
  "use strict";
  var P = window.WorkshopDeskPhone;
  var h = P.h, add = P.add, list = P.list, T = P.T, TN = P.TN;
  var body = P.body, base = P.base, kind = P.kind, number = P.number;
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
  function current() { return board || P.initial; }

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



  function render() {
    var spoken = board.workshop.language;
    if (spoken !== language && sessionStorage.getItem("wd-language") !== spoken) {
      // The facilitator changed the workshop's language: the page again, in it (a
      // half-typed idea is kept). Once only, should the page come back unchanged.
      sessionStorage.setItem("wd-language", spoken);
      P.keepIdea();
      location.reload();
      return;
    }
    var keep = P.focusedSolution();
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
    P.takePart(keep);
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
    P.boardChanged(data);
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














  if (sessionStorage.getItem("wd-language") === language) sessionStorage.removeItem("wd-language");
  paint(document);
  fadeJump();
  fitUnderTop();
  P.current = current;
  P.fitUnderTop = fitUnderTop;
  P.refreshMe();
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

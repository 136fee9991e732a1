/* The phone page's script, part 2 of 3: taking part from this phone — joining, ideas,
   dots, "I'm done", and the contact exchange. It keeps this phone's own view (ME.JSON)
   and draws its parts outside the board's, so a live change never takes a half-typed
   text. */
(function (P) {
  "use strict";
  var h = P.h, add = P.add, list = P.list, say = P.say, T = P.T, TN = P.TN, TP = P.TP;
  var body = P.body, base = P.base, kind = P.kind, number = P.number, initial = P.initial;
  function current() { return P.current(); }
  function fitUnderTop() { P.fitUnderTop(); }

  /* -- taking part: joining, ideas, dots, "I'm done" -------------------------------- */
  var me = null;
  var lastMine = JSON.stringify(initial.round) + "|" + initial.decided + "|" + (initial.contacts && initial.contacts.open);
  var meTimer = 0;
  var sending = false;
  var pendingIdea = null;
  // An idea's state as the laptop names it (ME.JSON), in words.
  var STATES = { "waiting": T("waiting"), "on the wall": T("on the wall"), "not used": T("not used") };

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

  function boardChanged(data) {
    // This phone's own view changes only with the round, the facilitator's decisions or
    // the contact exchange opening (its own sends bring their answer): not at every dot
    // anyone places.
    var mine = JSON.stringify(data.round) + "|" + data.decided + "|" + (data.contacts && data.contacts.open);
    if (mine !== lastMine) { lastMine = mine; refreshMe(); }
  }

  P.takePart = takePart; P.refreshMe = refreshMe; P.keepIdea = keepIdea;
  P.focusedSolution = focusedSolution; P.boardChanged = boardChanged;
})(window.WorkshopDeskPhone);

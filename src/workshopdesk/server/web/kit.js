/* The phone page's script, part 1 of 3: what the other parts share (served as one
   script, kit.js + take-part.js + phone.js, by server/app.py).
   Renders with DOM nodes and textContent only (never as markup), so workshop text
   can never become markup. Every text a person sees or hears is written T("…"),
   TN("one", "many", n) or TP("context", "…"), with {name} placeholders and plain string
   literals only: the catalogue takes them from these files, and the server hands each
   phone the script with them already in the workshop's language (server/words.py). */
(function () {
  "use strict";
  var body = document.body;
  var P = window.WorkshopDeskPhone = {};
  P.body = body;
  P.base = body.getAttribute("data-base");
  P.kind = body.getAttribute("data-page");
  P.number = parseInt(body.getAttribute("data-problem") || "0", 10);
  // What the page's script needs to take part before the first live board.
  P.initial = { teams: [], round: null };
  try { P.initial = JSON.parse(body.getAttribute("data-take-part")); } catch (e) {}

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

  function list(items, cls) {
    var ul = h("ul", cls);
    items.forEach(function (item) { ul.appendChild(item); });
    return ul;
  }

  function say(box, text) {
    box.textContent = text || "";
    box.hidden = !text;
  }

  P.h = h; P.add = add; P.T = T; P.TP = TP; P.TN = TN; P.list = list; P.say = say;
})();

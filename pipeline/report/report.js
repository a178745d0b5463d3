// Reader view of the intervju report: renders one interview from the embedded JSON on #doc/<n>.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("intervju-data").textContent);
  var main = document.getElementById("main");
  var reader = document.getElementById("reader");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function topicName(id) { return data.names[id] || id; }
  function chip(label, score) {
    var c = el("span", { "class": "chip", title: label + (score !== undefined ? " · " + score : "") },
               topicName(label));
    c.style.background = data.colors[label] || "#777";
    return c;
  }

  // The text between start and end, split where any entity or evidence span begins or ends.
  function highlighted(doc, start, end) {
    var spans = [];
    doc.ents.forEach(function (e) { if (e[0] < end && e[1] > start) spans.push({ s: e[0], e: e[1], ent: e }); });
    doc.ev.forEach(function (v) { if (v[0] < end && v[1] > start) spans.push({ s: v[0], e: v[1], ev: v }); });
    var cuts = [start, end];
    spans.forEach(function (sp) { cuts.push(Math.max(start, sp.s), Math.min(end, sp.e)); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    var chars = doc.chars || (doc.chars = Array.from(doc.text));  // offsets are code points
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = chars.slice(a, b).join("");
      var cover = spans.filter(function (sp) { return sp.s <= a && sp.e >= b; });
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var node = el("span", null, piece);
      var classes = [], titles = [];
      cover.forEach(function (sp) {
        if (sp.ent) { classes.push("ent", "ent-" + sp.ent[2]); titles.push(sp.ent[2] + ": " + sp.ent[3]); }
        if (sp.ev) {
          classes.push("ev"); titles.push("belägg för " + topicName(sp.ev[2]));
          node.style.setProperty("--evc", data.colors[sp.ev[2]] || "#f0a500");
        }
      });
      node.className = classes.join(" ");
      node.title = titles.join(" · ");
      frag.appendChild(node);
    }
    return frag;
  }

  function show(n) {
    var doc = data.docs[n];
    if (!doc) { return hide(); }
    reader.innerHTML = "";
    reader.appendChild(el("a", { href: "#documents", "class": "back" }, "← Till översikten"));
    var box = el("section", { "class": "docview", "data-doc": doc.id });
    box.appendChild(el("h2", null, doc.title || doc.id));
    var dl = el("dl");
    dl.appendChild(el("dt", null, "Id")); dl.appendChild(el("dd", null, doc.id));
    Object.keys(doc.meta).forEach(function (k) {
      if (k === "title") return;
      var v = doc.meta[k];
      dl.appendChild(el("dt", null, data.fields[k] || k)); dl.appendChild(el("dd", null, typeof v === "object" ? JSON.stringify(v) : String(v)));
    });
    box.appendChild(dl);
    if (doc.topics.length) {
      var p = el("p", null, "Ämnen i dokumentet: ");
      doc.topics.forEach(function (t) { p.appendChild(chip(t[0], t[1])); });
      box.appendChild(p);
    }
    var legend = el("p", { "class": "note mark-legend" });
    ["PER", "ORG", "LOC", "MISC", "TIME"].forEach(function (l) { legend.appendChild(el("span", { "class": "ent ent-" + l }, l)); });
    legend.appendChild(el("span", { "class": "ev" }, "understruket = ämnesbelägg"));
    box.appendChild(legend);
    if (!doc.turns.length) {
      box.appendChild(el("p", { "class": "note" }, "Dokumentet har inga turer (ingen fråga–svar-struktur); hela texten:"));
      var plain = el("div", { "class": "plain" });
      plain.appendChild(highlighted(doc, 0, (doc.chars || (doc.chars = Array.from(doc.text))).length));
      box.appendChild(plain);
    }
    doc.turns.forEach(function (t) {
      var div = el("div", { "class": "turn " + t[0], id: "turn-" + t[4] });
      var who = el("span", { "class": "who" }, t[1] || "(okänd talare)");
      who.appendChild(el("span", { "class": "role" }, (data.roles[t[0]] || t[0]) + " · " + t[4]));
      t[5].forEach(function (h) { who.appendChild(document.createTextNode(" ")); who.appendChild(chip(h[0], h[1])); });
      div.appendChild(who);
      div.appendChild(highlighted(doc, t[2], t[3]));
      box.appendChild(div);
    });
    reader.appendChild(box);
    main.hidden = true;
    reader.hidden = false;
    window.scrollTo(0, 0);
  }
  function hide() { reader.hidden = true; main.hidden = false; }
  function route() {
    var m = /^#doc\/(\d+)$/.exec(window.location.hash);
    if (m) { show(parseInt(m[1], 10)); } else { hide(); }
  }
  window.addEventListener("hashchange", route);
  route();
})();

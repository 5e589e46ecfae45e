/* graphkit alliance map. Every text from the graph goes into the DOM with textContent, never as HTML. */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("gk-data").textContent);
  timings.parsed = performance.now();
  var actors = data.actors, relations = data.relations, documents = data.documents || {};
  var byId = function (id) { return document.getElementById(id); };
  var relationNames = data.legend.map(function (r) { return r.relation; });
  var state = { relations: new Set(relationNames), polarity: "all", minCount: 0 };
  var focusId = data.view.focus || null;
  var visibleNodes = null;  // null: every node; otherwise the ids that keep a visible edge

  // ---- small DOM helpers (text only) ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function plural(n, word, many) { return fmt(n) + " " + (n === 1 ? word : (many || word + "s")); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function words(relation) { return relation.toLowerCase().replace(/_/g, " "); }
  function name(id) { return actors[id] ? actors[id].name : id; }
  function shorten(text, n) { text = String(text || ""); return text.length > n ? text.slice(0, n - 1) + "…" : text; }
  function arrow(rel) {
    return name(rel.source) + (rel.symmetric ? " — " : " → ") + words(rel.relation) +
      (rel.symmetric ? " — " : " → ") + name(rel.target);
  }
  function countLine(rel) {
    var parts = [];
    if (rel.count || !rel.negated_count) { parts.push(plural(rel.count, "mention")); }
    if (rel.hedged_count) { parts.push(rel.hedged_count === rel.count ? "all hedged" : rel.hedged_count + " hedged"); }
    if (rel.negated_count) { parts.push(plural(rel.negated_count, "denial")); }
    if (!rel.evidence.length && !rel.count && !rel.negated_count) { parts = ["structural link (no evidence)"]; }
    return parts.join(" · ");
  }

  // ---- data and filters ----
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  function edgePasses(edge) {
    if (!state.relations.has(edge.relation)) { return false; }
    if (state.polarity === "cooperative" && edge.polarity <= 0) { return false; }
    if (state.polarity === "hostile" && edge.polarity >= 0) { return false; }
    if (state.polarity === "neutral" && edge.polarity !== 0) { return false; }
    return edge.count >= state.minCount;
  }
  function filtersActive() {
    return state.relations.size !== relationNames.length || state.polarity !== "all" || state.minCount > 0;
  }
  var edgesView = new vis.DataView(edges, { filter: edgePasses });
  var nodesView = new vis.DataView(nodes, {
    filter: function (node) { return visibleNodes === null || visibleNodes.has(node.id); }
  });

  function applyFilters() {
    if (!filtersActive()) {
      visibleNodes = null;
    } else {
      visibleNodes = new Set(focusId ? [focusId] : []);
      edges.forEach(function (edge) {
        if (edgePasses(edge)) { visibleNodes.add(edge.from); visibleNodes.add(edge.to); }
      });
    }
    edgesView.refresh();
    nodesView.refresh();
    showStatus();
  }

  function showStatus() {
    var shownNodes = nodesView.length, shownEdges = edgesView.length;
    var text = plural(shownNodes, "actor") + ", " + plural(shownEdges, "relation");
    if (shownNodes !== data.nodes.length || shownEdges !== data.edges.length) {
      text += " shown of " + fmt(data.nodes.length) + " and " + fmt(data.edges.length) + " (page filters)";
    }
    byId("gk-status").textContent = text;
  }

  function showNotes() {
    var notes = byId("gk-notes"), view = data.view, parts = [];
    if (view.focus_name) {
      var depth = (view.depth === undefined ? 1 : view.depth);
      parts.push("Around " + view.focus_name + " (" + plural(depth, "step") + ")");
    }
    (view.description || []).forEach(function (d) { parts.push(d); });
    if (parts.length) { notes.appendChild(el("span", null, parts.join(" · ") + ". ")); }
    if (view.omitted_nodes) {
      var left = "Left out " + plural(view.omitted_nodes, "weaker actor") + " and " +
        plural(view.omitted_edges, "relation") + " (of " + fmt(view.total_nodes) + " actors) to keep the map readable";
      if (view.omitted_examples && view.omitted_examples.length) {
        left += ", largest: " + view.omitted_examples.join(", ");
      }
      var warning = el("span", "gk-warning", left + ". Raise ");
      warning.appendChild(el("code", null, "--max-nodes"));
      warning.appendChild(document.createTextNode(" (max_nodes= in Python) to see more."));
      notes.appendChild(warning);
    }
    if (view.inside_state_dropped) {
      notes.appendChild(el("span", null, " " + plural(view.inside_state_dropped, "relation") +
        " inside one state not drawn."));
    }
  }

  showNotes();  // before the network measures its container: the notes change the header's height

  // ---- network ----
  var container = byId("gk-network");
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  timings.network = performance.now();
  window.network = network;
  var api = window.graphkit = {
    data: data, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, state: state,
    ready: false, applyFilters: applyFilters, timings: timings
  };

  function fitWithMargin() {  // vis fits the nodes; leave room for curved lines and labels
    network.fit({ maxZoomLevel: 1.4 });
    network.moveTo({ scale: network.getScale() * 0.9 });
  }
  function markReady() {
    if (api.ready) { return; }
    if (data.options.physics.enabled) {
      timings.stabilized = performance.now();
      network.setOptions({ physics: { enabled: false } });
      fitWithMargin();
    }
    byId("gk-loading").hidden = true;
    api.ready = true;
    api.readyAt = timings.ready = performance.now();
    document.body.setAttribute("data-ready", "1");
    if (focusId && nodes.get(focusId)) {
      network.selectNodes([focusId]);
      showNode(focusId);
    }
    window.dispatchEvent(new Event("graphkit:ready"));
  }
  byId("gk-loading-text").textContent = "Laying out " + plural(data.nodes.length, "actor") + "…";
  network.once("startStabilizing", function () { timings.stabilizing = performance.now(); });
  network.on("stabilizationProgress", function (p) {
    if (!timings.firstProgress) { timings.firstProgress = performance.now(); }
    byId("gk-progress").value = Math.round(100 * p.iterations / Math.max(p.total, 1));
  });
  if (data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", markReady);
    network.once("stabilized", markReady);
  } else {  // big graphs come with positions: ready once drawn
    byId("gk-loading-text").textContent = "Drawing " + plural(data.nodes.length, "actor") + "…";
    byId("gk-progress").hidden = true;
    network.fit();
    network.once("afterDrawing", function () { timings.stabilized = performance.now(); markReady(); });
  }
  if (!data.nodes.length) {
    byId("gk-loading-text").textContent = "Nothing to show: no actor is left in this view.";
    byId("gk-progress").hidden = true;
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  }

  // ---- tooltip ----
  var tooltip = byId("gk-tooltip");
  function showTooltip(pointer, parts) {
    clear(tooltip);
    parts.forEach(function (p) { tooltip.appendChild(p); });
    tooltip.hidden = false;
    var box = container.getBoundingClientRect(), main = byId("gk-main").getBoundingClientRect();
    var x = pointer.x + box.left - main.left + 14, y = pointer.y + box.top - main.top + 14;
    var width = tooltip.offsetWidth, height = tooltip.offsetHeight;
    if (x + width > main.width) { x = Math.max(4, x - width - 28); }
    if (y + height > main.height) { y = Math.max(4, y - height - 28); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  function bestSentence(rel) {
    var pick = rel.evidence.find(function (e) { return !e.negated && !e.hedged; }) ||
      rel.evidence.find(function (e) { return !e.negated; }) || rel.evidence[0];
    return pick ? pick.sentence : null;
  }
  network.on("hoverEdge", function (params) {
    var rel = relations[params.edge];
    if (!rel) { return; }
    var parts = [el("strong", null, arrow(rel)), el("div", null, countLine(rel))];
    var sentence = bestSentence(rel);
    if (sentence) { parts.push(el("p", "gk-quote", "“" + shorten(sentence, 240) + "”")); }
    parts.push(el("div", "gk-hint", "Click for all evidence."));
    showTooltip(params.pointer.DOM, parts);
  });
  network.on("hoverNode", function (params) {
    var actor = actors[params.node];
    if (!actor) { return; }
    var degree = network.getConnectedEdges(params.node).length;
    var meta = actor.kind + (actor.affiliation ? " · acts for " + (actor.affiliation_name || actor.affiliation) : "");
    showTooltip(params.pointer.DOM, [el("strong", null, actor.name), el("div", null, meta),
      el("div", null, plural(degree, "relation") + " shown · " + plural(actor.strength, "mention")),
      el("div", "gk-hint", "Click for its relations and evidence.")]);
  });
  ["blurEdge", "blurNode", "dragStart", "zoom"].forEach(function (e) { network.on(e, hideTooltip); });
  container.addEventListener("mouseleave", hideTooltip);

  // ---- details panel ----
  var details = byId("gk-details");
  function evidenceItem(e) {
    var item = el("li", (e.negated ? "gk-negated " : "") + (e.hedged ? "gk-hedged" : ""));
    var flags = el("div");
    if (e.negated) { flags.appendChild(el("span", "gk-flag gk-denied", "denied")); }
    if (e.hedged) { flags.appendChild(el("span", "gk-flag gk-hedged-flag", "hedged")); }
    if (e.predicate) { flags.appendChild(el("span", "gk-flag", "“" + e.predicate + "”")); }
    if (flags.childNodes.length) { item.appendChild(flags); }
    item.appendChild(el("blockquote", null, e.sentence));
    var doc = documents[e.doc], source = [];
    source.push(doc && doc.title ? doc.title + " (" + e.doc + ")" : e.doc);
    if (e.date) { source.push(e.date); }
    if (e.attributed_to) { source.push("according to " + e.attributed_to); }
    if (e.via) { source.push("between " + e.via); }
    if (e.confidence !== undefined && e.confidence !== null) { source.push("confidence " + e.confidence); }
    item.appendChild(el("div", "gk-source", source.join(" · ")));
    return item;
  }
  function showEdge(id) {
    var rel = relations[id];
    if (!rel) { return; }
    clear(details);
    details.appendChild(el("h2", null, arrow(rel)));
    if (rel.description) { details.appendChild(el("p", "gk-meta", rel.relation + ": " + rel.description)); }
    var meta = countLine(rel);
    if (rel.sources.length) { meta += " · " + plural(rel.sources.length, "document"); }
    if (rel.first_seen) {
      meta += " · " + rel.first_seen + (rel.last_seen && rel.last_seen !== rel.first_seen ? " to " + rel.last_seen : "");
    }
    details.appendChild(el("p", "gk-meta", meta));
    var list = el("ol"), limit = 200;
    rel.evidence.slice(0, limit).forEach(function (e) { list.appendChild(evidenceItem(e)); });
    details.appendChild(list);
    var more = Math.max(0, rel.evidence.length - limit) + (rel.evidence_more || 0);
    if (more) {
      details.appendChild(el("p", "gk-more", "… and " + more + " more (all of them are in graph.json)"));
    }
    api.selected = { edge: id };
  }
  function showNode(id) {
    var actor = actors[id];
    if (!actor) { return; }
    clear(details);
    details.appendChild(el("h2", null, actor.name));
    var meta = actor.kind + " · id " + id;
    if (actor.affiliation) { meta += " · acts for " + (actor.affiliation_name || actor.affiliation); }
    details.appendChild(el("p", "gk-meta", meta));
    if (actor.folded.length) { details.appendChild(el("p", "gk-meta", "Includes: " + actor.folded.join(", "))); }
    if (actor.aliases.length) { details.appendChild(el("p", "gk-meta", "Also: " + actor.aliases.join(", "))); }
    var own = Object.keys(relations).filter(function (k) {
      return relations[k].source === id || relations[k].target === id;
    }).sort(function (a, b) {
      return (relations[b].count - relations[a].count) || (a < b ? -1 : 1);
    });
    details.appendChild(el("h3", null, plural(own.length, "relation")));
    var list = el("ol"), limit = 60;
    own.slice(0, limit).forEach(function (k) {
      var rel = relations[k], item = el("li");
      var link = el("button", "gk-edge-link", arrow(rel) + " (" + countLine(rel) + ")");
      link.type = "button";
      link.addEventListener("click", function () { selectEdge(k); });
      item.appendChild(link);
      var plain = function (e) { return (e.negated ? 2 : 0) + (e.hedged ? 1 : 0); };
      rel.evidence.slice().sort(function (a, b) { return plain(a) - plain(b); }).slice(0, 2).forEach(function (e) {
        var quote = el("blockquote", null, shorten(e.sentence, 300));
        if (e.negated || e.hedged) { quote.title = e.negated ? "denied" : "hedged"; }
        item.appendChild(quote);
        var tags = [e.doc];
        if (e.date) { tags.push(e.date); }
        if (e.via) { tags.push("between " + e.via); }
        if (e.negated) { tags.push("denied"); }
        if (e.hedged) { tags.push("hedged"); }
        item.appendChild(el("div", "gk-source", tags.join(" · ")));
      });
      if (rel.evidence.length > 2) { item.appendChild(el("div", "gk-more", "+ " + (rel.evidence.length - 2) + " more")); }
      list.appendChild(item);
    });
    details.appendChild(list);
    if (own.length > limit) { details.appendChild(el("p", "gk-more", "… and " + (own.length - limit) + " more")); }
    api.selected = { node: id };
  }
  function selectEdge(id) {
    if (edgesView.get(id)) { network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false }); }
    showEdge(id);
  }
  function selectNode(id) {
    if (nodesView.get(id)) { network.selectNodes([id]); }
    showNode(id);
  }
  function showHint() {
    clear(details);
    details.appendChild(el("p", "gk-hint", "Click a line or an actor to read its evidence."));
    api.selected = null;
  }
  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { showHint(); }
  });
  api.showEdge = showEdge;
  api.showNode = showNode;
  api.selectEdge = selectEdge;
  api.selectNode = selectNode;

  // ---- search ----
  var datalist = byId("gk-actor-list");
  Object.keys(actors).sort(function (a, b) { return actors[a].name.localeCompare(actors[b].name); })
    .forEach(function (id) { var option = el("option"); option.value = actors[id].name; datalist.appendChild(option); });
  function findActor(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { return null; }
    var ids = Object.keys(actors), i, a;
    var tests = [
      function (id, a) { return id.toLowerCase() === q || a.name.toLowerCase() === q; },
      function (id, a) { return a.aliases.concat(a.folded).some(function (s) { return s.toLowerCase() === q; }); },
      function (id, a) { return a.name.toLowerCase().indexOf(q) === 0; },
      function (id, a) { return a.name.toLowerCase().indexOf(q) >= 0 || a.aliases.some(function (s) { return s.toLowerCase().indexOf(q) >= 0; }); }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (i = 0; i < ids.length; i++) { a = actors[ids[i]]; if (tests[t](ids[i], a)) { return ids[i]; } }
    }
    return null;
  }
  function focusActor(query) {
    var id = findActor(query), message = byId("gk-search-message");
    if (!id) { message.textContent = "No actor matches “" + query + "”."; return null; }
    message.textContent = "";
    if (!nodesView.get(id)) {
      message.textContent = actors[id].name + " is hidden by the filters below.";
      showNode(id);
      return id;
    }
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
    selectNode(id);
    return id;
  }
  api.focusActor = focusActor;
  byId("gk-search-go").addEventListener("click", function () { focusActor(byId("gk-search").value); });
  byId("gk-search").addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); focusActor(e.target.value); }
  });
  byId("gk-search").addEventListener("change", function (e) {
    if (actors && findActor(e.target.value)) { focusActor(e.target.value); }
  });

  // ---- filter controls and relation legend ----
  var relationBox = byId("gk-relations"), checkboxes = {};
  var groups = [[1, "+ cooperative"], [0, "0 neutral and structural"], [-1, "− hostile"]];
  groups.forEach(function (group) {
    var members = data.legend.filter(function (r) { return Math.sign(r.polarity) === group[0]; });
    if (!members.length) { return; }
    relationBox.appendChild(el("div", "gk-group", group[1]));
    members.forEach(function (r) {
      var label = el("label"), box = el("input"), swatch = el("span", "gk-swatch");
      box.type = "checkbox";
      box.checked = true;
      box.value = r.relation;
      box.setAttribute("data-relation", r.relation);
      box.addEventListener("change", function () {
        if (box.checked) { state.relations.add(r.relation); } else { state.relations.delete(r.relation); }
        applyFilters();
      });
      swatch.style.background = r.color;
      label.title = r.description + (r.symmetric ? " (mutual)" : "");
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(el("span", null, words(r.relation)));
      label.appendChild(el("span", "gk-n", fmt(r.edges)));
      relationBox.appendChild(label);
      checkboxes[r.relation] = box;
    });
  });
  function setAll(on) {
    relationNames.forEach(function (r) {
      checkboxes[r].checked = on;
      if (on) { state.relations.add(r); } else { state.relations.delete(r); }
    });
    applyFilters();
  }
  byId("gk-all").addEventListener("click", function () { setAll(true); });
  byId("gk-none").addEventListener("click", function () { setAll(false); });
  byId("gk-polarity").addEventListener("change", function (e) { state.polarity = e.target.value; applyFilters(); });
  byId("gk-min-count").addEventListener("input", function (e) {
    state.minCount = Math.max(0, parseInt(e.target.value, 10) || 0);
    applyFilters();
  });
  var labels = byId("gk-labels");
  labels.checked = data.options.edges.font.size > 0;
  labels.addEventListener("change", function () {
    if (labels.checked && !api.labelsLoaded) {  // big pages come without labels on lines
      edges.update(data.edges.map(function (e) { return { id: e.id, label: e.text }; }));
      api.labelsLoaded = true;
    }
    network.setOptions({ edges: { font: { size: labels.checked ? 11 : 0 } } });
  });
  api.labelsLoaded = !data.big;
  byId("gk-reset").addEventListener("click", function () {
    state.polarity = "all"; byId("gk-polarity").value = "all";
    state.minCount = 0; byId("gk-min-count").value = "0";
    setAll(true);
    fitWithMargin();
  });
  byId("gk-fit").addEventListener("click", fitWithMargin);

  // ---- legend: actor kinds ----
  var kinds = byId("gk-kinds");
  var present = new Set(Object.keys(actors).map(function (id) { return actors[id].kind; }));
  data.kinds.forEach(function (k) {
    var item = el("li"), svg = document.createElementNS("http://www.w3.org/2000/svg", "svg"), shape;
    svg.setAttribute("width", "34"); svg.setAttribute("height", "14"); svg.setAttribute("aria-hidden", "true");
    if (k.shape === "square") {
      shape = document.createElementNS(svg.namespaceURI, "rect");
      shape.setAttribute("x", "11"); shape.setAttribute("y", "1"); shape.setAttribute("width", "12"); shape.setAttribute("height", "12");
    } else if (k.shape === "triangle") {
      shape = document.createElementNS(svg.namespaceURI, "path"); shape.setAttribute("d", "M17 1 L24 13 L10 13 z");
    } else if (k.shape === "hexagon") {
      shape = document.createElementNS(svg.namespaceURI, "path"); shape.setAttribute("d", "M13 1 L21 1 L25 7 L21 13 L13 13 L9 7 z");
    } else {
      shape = document.createElementNS(svg.namespaceURI, "circle");
      shape.setAttribute("cx", "17"); shape.setAttribute("cy", "7"); shape.setAttribute("r", "6");
    }
    shape.setAttribute("fill", k.fill); shape.setAttribute("stroke", k.border); shape.setAttribute("stroke-width", "1.5");
    svg.appendChild(shape);
    item.appendChild(svg);
    item.appendChild(el("span", null, k.kind + (present.has(k.kind) ? "" : " (none here)")));
    kinds.appendChild(item);
  });

  showStatus();
}());

/// The viewer's HTML, CSS and JavaScript (written for IncidentMapper; no third-party code).
enum ViewerPage {
    /// The complete page with `payload` (JSON made safe for a script element by `JSONText`).
    static func html(title: String, payload: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>\(xmlEscaped(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <header><h1 id="title"></h1><p id="subtitle"></p></header>
        <main>
        <div id="map" tabindex="0" aria-label="Map. Drag to pan, scroll or use + and - to zoom.">
        <canvas id="canvas"></canvas>
        <div id="controls"><button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button><button id="zoom-out" title="Zoom out" aria-label="Zoom out">&#8722;</button><button id="zoom-fit" title="Show all" aria-label="Show all">&#8634;</button></div>
        <div id="scale"><div id="scale-bar"></div><span id="scale-text"></span><small id="scale-note"></small></div>
        <div id="tooltip" hidden></div>
        </div>
        <aside>
        <section><h2>Layers</h2><ul id="layers"></ul></section>
        <section id="details-section"><h2>Details</h2><p id="details-hint">Hover over or click a feature to see its details.</p><div id="details"></div></section>
        </aside>
        </main>
        <footer><div id="attribution"></div><div id="projection"></div><output id="status" data-features="0" data-drawn="0" data-errors="0"></output></footer>
        <script type="application/json" id="map-data">\(payload)</script>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """
    }

    static let css = """
    :root { --ink: #1f1d1a; --muted: #5c5750; --line: #d9d4cb; --paper: #fbfaf6; --accent: #8c1c3a; }
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; }
    body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
    header { padding: 10px 16px 8px; border-bottom: 1px solid var(--line); background: #fff; }
    h1 { font-size: 20px; margin: 0; }
    #subtitle { margin: 2px 0 0; color: var(--muted); }
    #subtitle:empty { display: none; }
    main { flex: 1; display: flex; min-height: 0; }
    #map { position: relative; flex: 1; min-width: 0; background: #dfe9ef; overflow: hidden; cursor: grab; outline: none; }
    #map.dragging { cursor: grabbing; }
    #map:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
    canvas { display: block; width: 100%; height: 100%; touch-action: none; }
    #controls { position: absolute; top: 10px; left: 10px; display: flex; flex-direction: column; gap: 4px; }
    #controls button { width: 32px; height: 32px; font-size: 18px; line-height: 1; border: 1px solid #bdb6aa; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
    #controls button:hover { background: #f0ede6; }
    #scale { position: absolute; left: 10px; bottom: 10px; background: rgba(255,255,255,.9); padding: 4px 8px 3px; border-radius: 3px; font-size: 11px; }
    #scale-bar { height: 6px; border: 1px solid var(--ink); border-top: none; margin-bottom: 2px; }
    #scale-note { display: block; color: var(--muted); font-size: 10px; }
    #tooltip { position: absolute; pointer-events: none; background: rgba(31,29,26,.92); color: #fff; padding: 4px 8px; border-radius: 3px; font-size: 12px; white-space: nowrap; transform: translate(12px, -50%); }
    aside { width: 320px; flex: none; overflow-y: auto; border-left: 1px solid var(--line); background: #fff; padding: 4px 14px 14px; }
    h2 { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 14px 0 6px; }
    #layers { list-style: none; margin: 0; padding: 0; }
    #layers li { display: flex; align-items: center; gap: 8px; padding: 3px 0; }
    #layers label { display: flex; align-items: center; gap: 8px; cursor: pointer; flex: 1; }
    #layers .count { color: var(--muted); font-variant-numeric: tabular-nums; }
    #layers canvas { width: 22px; height: 14px; flex: none; }
    #details table { width: 100%; border-collapse: collapse; font-size: 13px; }
    #details th { text-align: left; vertical-align: top; color: var(--muted); font-weight: 500; padding: 3px 8px 3px 0; width: 38%; word-break: break-word; }
    #details td { padding: 3px 0; vertical-align: top; word-break: break-word; }
    #details tr + tr { border-top: 1px solid #eeeae3; }
    #details td table { font-size: 12px; background: #faf8f4; }
    #details .feature-title { font-size: 16px; font-weight: 650; margin: 0 0 2px; }
    #details .feature-kind { color: var(--muted); margin: 0 0 8px; }
    footer { border-top: 1px solid var(--line); background: #fff; padding: 6px 16px; font-size: 11.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 24px; }
    #attribution span + span::before { content: " · "; }
    #status { display: none; }
    @media (max-width: 760px) { main { flex-direction: column; } aside { width: auto; max-height: 40%; border-left: none; border-top: 1px solid var(--line); } }
    """

    static let script = #"""
    (function () {
      "use strict";
      var statusEl = document.getElementById("status");
      var errors = [];
      function fail(message) {
        errors.push(String(message));
        statusEl.setAttribute("data-errors", String(errors.length));
        statusEl.setAttribute("data-error-messages", errors.join(" | "));
      }
      window.addEventListener("error", function (e) { fail(e.message || "error"); });

      var data = JSON.parse(document.getElementById("map-data").textContent);
      var POINT_KINDS = { "places": true, "events": true, "claims": true };
      var RANK = { "countries": 0, "zones": 1, "borders": 2, "depth-lines": 3, "claims": 4, "places": 5, "events": 6 };
      var layers = data.layers.slice().sort(function (a, b) { return (RANK[a.kind] - RANK[b.kind]) || (a.order - b.order); });
      var featureTotal = 0;
      layers.forEach(function (l) { featureTotal += l.geojson.features.length; });
      statusEl.setAttribute("data-features", String(featureTotal));

      document.getElementById("title").textContent = data.title;
      document.getElementById("subtitle").textContent = data.subtitle || "";
      var attribution = document.getElementById("attribution");
      data.attribution.forEach(function (line) { var s = document.createElement("span"); s.textContent = line; attribution.appendChild(s); });
      document.getElementById("projection").textContent = "Projection: " + data.projection;

      var mapEl = document.getElementById("map"), canvas = document.getElementById("canvas"), ctx = canvas.getContext("2d");
      var tooltip = document.getElementById("tooltip");
      var width = 0, height = 0, dpr = 1;
      // The view: projected metres at the screen centre and pixels per metre.
      var view = { cx: 0, cy: 0, k: 1 };
      var hovered = null, pinned = null;

      function fit() {
        var v = data.view;
        view.cx = (v[0] + v[2]) / 2; view.cy = (v[1] + v[3]) / 2;
        view.k = Math.min(width / Math.max(v[2] - v[0], 1), height / Math.max(v[3] - v[1], 1));
      }
      function sx(x) { return (x - view.cx) * view.k + width / 2; }
      function sy(y) { return height / 2 - (y - view.cy) * view.k; }
      function wx(px) { return view.cx + (px - width / 2) / view.k; }
      function wy(py) { return view.cy - (py - height / 2) / view.k; }

      function resize() {
        dpr = window.devicePixelRatio || 1;
        var w = mapEl.clientWidth, h = mapEl.clientHeight;
        var first = width === 0;
        width = Math.max(w, 1); height = Math.max(h, 1);
        canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
        if (first) fit();
        draw();
      }

      function label(feature, layer) {
        var p = feature.properties || {};
        var key = layer.style.labelProperty || "name";
        var v = p[key] != null ? p[key] : p.name;
        return v == null ? "" : String(v);
      }

      function pathRing(ring) {
        for (var i = 0; i < ring.length; i++) {
          var x = sx(ring[i][0]), y = sy(ring[i][1]);
          if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
        }
      }

      function marker(style, x, y, r) {
        ctx.beginPath();
        switch (style.marker) {
          case "square": ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
          case "diamond": var s = r * 1.25; ctx.moveTo(x, y - s); ctx.lineTo(x + s, y); ctx.lineTo(x, y + s); ctx.lineTo(x - s, y); ctx.closePath(); break;
          case "triangle": ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r * 1.1, y + r * 0.8); ctx.lineTo(x - r * 1.1, y + r * 0.8); ctx.closePath(); break;
          case "none": r = 1.5; ctx.arc(x, y, r, 0, 2 * Math.PI); break;
          default: ctx.arc(x, y, r, 0, 2 * Math.PI);
        }
        if (style.fill) { ctx.fillStyle = style.fill; ctx.fill(); }
        if (style.stroke) { ctx.strokeStyle = style.stroke; ctx.lineWidth = style.strokeWidth; ctx.stroke(); }
      }

      function arrowhead(line, style) {
        var n = line.length; if (n < 2) return;
        var x1 = sx(line[n - 2][0]), y1 = sy(line[n - 2][1]), x2 = sx(line[n - 1][0]), y2 = sy(line[n - 1][1]);
        var a = Math.atan2(y2 - y1, x2 - x1), L = 9;
        ctx.save(); ctx.setLineDash([]); ctx.beginPath();
        ctx.moveTo(x2, y2);
        ctx.lineTo(x2 - L * Math.cos(a - 0.4), y2 - L * Math.sin(a - 0.4));
        ctx.lineTo(x2 - L * Math.cos(a + 0.4), y2 - L * Math.sin(a + 0.4));
        ctx.closePath(); ctx.fillStyle = style.stroke || "#000"; ctx.fill(); ctx.restore();
      }

      // The screen point halfway along a projected line.
      function middleOf(line) {
        var total = 0, i, lengths = [];
        for (i = 1; i < line.length; i++) {
          var l = Math.hypot(sx(line[i][0]) - sx(line[i - 1][0]), sy(line[i][1]) - sy(line[i - 1][1]));
          lengths.push(l); total += l;
        }
        var left = total / 2;
        for (i = 1; i < line.length; i++) {
          var seg = lengths[i - 1];
          if (seg > 0 && left <= seg) {
            var t = left / seg;
            return [sx(line[i - 1][0]) + t * (sx(line[i][0]) - sx(line[i - 1][0])), sy(line[i - 1][1]) + t * (sy(line[i][1]) - sy(line[i - 1][1]))];
          }
          left -= seg;
        }
        return null;
      }

      function isHighlighted(layer, i) {
        return (hovered && hovered.layer === layer && hovered.index === i) || (pinned && pinned.layer === layer && pinned.index === i);
      }

      function draw() {
        try {
          ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          ctx.clearRect(0, 0, width, height);
          var drawn = 0, labels = [], occupied = [];
          layers.forEach(function (layer) {
            if (!layer.visible) return;
            var st = layer.style;
            ctx.save();
            ctx.globalAlpha = st.opacity;
            ctx.lineJoin = "round"; ctx.lineCap = "round";
            layer.geojson.features.forEach(function (f, i) {
              var hit = isHighlighted(layer, i), any = false;
              f.xy.forEach(function (part) {
                ctx.setLineDash(st.dash || []);
                if (part.t === "pg") {
                  ctx.beginPath(); part.c.forEach(function (ring) { pathRing(ring); ctx.closePath(); });
                  // Areas in point layers (a district named in a report) are tinted, as in the SVG.
                  var areaOpacity = POINT_KINDS[layer.kind] ? 0.2 : st.fillOpacity;
                  if (st.fill) { ctx.save(); ctx.globalAlpha = Math.min(1, st.opacity * areaOpacity * (hit ? 1.8 : 1)); ctx.fillStyle = st.fill; ctx.fill("evenodd"); ctx.restore(); }
                  if (st.stroke) { ctx.strokeStyle = hit ? "#000" : st.stroke; ctx.lineWidth = st.strokeWidth * (hit ? 2 : 1); ctx.stroke(); }
                  any = true;
                } else if (part.t === "ln") {
                  ctx.beginPath(); pathRing(part.c);
                  ctx.strokeStyle = hit ? "#000" : (st.stroke || "#333"); ctx.lineWidth = st.strokeWidth * (hit ? 2 : 1); ctx.stroke();
                  if (layer.kind === "depth-lines") arrowhead(part.c, st);
                  var lineText = st.labelProperty ? label(f, layer) : "";
                  var mid = lineText ? middleOf(part.c) : null;
                  if (mid) labels.push({ text: lineText, x: mid[0], y: mid[1], r: 2, rank: RANK[layer.kind] });
                  any = true;
                } else if (part.t === "pt") {
                  var x = sx(part.c[0]), y = sy(part.c[1]), r = st.markerRadius * (hit ? 1.5 : 1);
                  ctx.setLineDash([]);
                  marker(st, x, y, r);
                  occupied.push([x - r, y - r, x + r, y + r]);
                  var text = st.labelProperty ? label(f, layer) : "";
                  if (text) labels.push({ text: text, x: x, y: y, r: r, rank: RANK[layer.kind] });
                  any = true;
                }
              });
              if (any) drawn += 1;
            });
            ctx.restore();
          });
          drawLabels(labels, occupied);
          statusEl.setAttribute("data-drawn", String(drawn));
          updateScale();
        } catch (e) { fail(e && e.message ? e.message : e); }
      }

      // Greedy placement: right, left, above, below the marker; skipped when all four collide.
      function drawLabels(labels, occupied) {
        ctx.save();
        ctx.font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
        ctx.textBaseline = "middle"; ctx.lineJoin = "round";
        // Only points on screen, highest-ranked layers first, and at most 400 tries per frame so
        // that panning stays smooth with thousands of events.
        labels = labels.filter(function (l) { return l.x >= 0 && l.y >= 0 && l.x <= width && l.y <= height; });
        labels.sort(function (a, b) { return b.rank - a.rank; });
        labels = labels.slice(0, 400);
        var placed = 0;
        labels.forEach(function (l) {
          var w = ctx.measureText(l.text).width + 4, h = 16, d = l.r + 3;
          var candidates = [[l.x + d, l.y - h / 2], [l.x - d - w, l.y - h / 2], [l.x - w / 2, l.y - d - h], [l.x - w / 2, l.y + d]];
          for (var c = 0; c < candidates.length; c++) {
            var b = [candidates[c][0], candidates[c][1], candidates[c][0] + w, candidates[c][1] + h];
            if (b[0] < 0 || b[1] < 0 || b[2] > width || b[3] > height) continue;
            var clash = occupied.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; });
            if (clash) continue;
            occupied.push(b);
            ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,.95)"; ctx.strokeText(l.text, b[0] + 2, b[1] + h / 2);
            ctx.fillStyle = "#1f1d1a"; ctx.fillText(l.text, b[0] + 2, b[1] + h / 2);
            placed += 1;
            return;
          }
        });
        ctx.restore();
        statusEl.setAttribute("data-labels", String(placed));
      }

      function niceLength(limit) {
        var m = Math.pow(10, Math.floor(Math.log10(limit)));
        if (5 * m <= limit) return 5 * m;
        if (2 * m <= limit) return 2 * m;
        return m;
      }
      function updateScale() {
        var metresPerPixel = data.groundMetresPerUnit / view.k;
        var metres = niceLength(metresPerPixel * 130);
        document.getElementById("scale-bar").style.width = (metres / metresPerPixel).toFixed(1) + "px";
        document.getElementById("scale-text").textContent = metres >= 1000 ? (metres / 1000) + " km" : metres + " m";
        document.getElementById("scale-note").textContent = "true at " + data.scaleMeasuredAt;
      }

      // Hit testing in screen pixels: points within their radius + 4 px, lines within 5 px, areas inside.
      function segmentDistance(px, py, a, b) {
        var ax = sx(a[0]), ay = sy(a[1]), bx = sx(b[0]), by = sy(b[1]);
        var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        var t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
        var qx = ax + t * dx - px, qy = ay + t * dy - py;
        return Math.sqrt(qx * qx + qy * qy);
      }
      function inside(x, y, rings) {
        var c = false;
        rings.forEach(function (ring) {
          for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            var yi = ring[i][1], yj = ring[j][1];
            if ((yi > y) !== (yj > y) && x < (ring[j][0] - ring[i][0]) * (y - yi) / (yj - yi) + ring[i][0]) c = !c;
          }
        });
        return c;
      }
      function hitTest(px, py) {
        var x = wx(px), y = wy(py);
        for (var li = layers.length - 1; li >= 0; li--) {
          var layer = layers[li];
          if (!layer.visible) continue;
          var fs = layer.geojson.features;
          for (var i = fs.length - 1; i >= 0; i--) {
            var parts = fs[i].xy;
            for (var p = 0; p < parts.length; p++) {
              var part = parts[p];
              if (part.t === "pt") {
                var dx = sx(part.c[0]) - px, dy = sy(part.c[1]) - py;
                if (Math.sqrt(dx * dx + dy * dy) <= layer.style.markerRadius + 4) return { layer: layer, index: i };
              } else if (part.t === "ln") {
                for (var s = 1; s < part.c.length; s++) if (segmentDistance(px, py, part.c[s - 1], part.c[s]) <= 5) return { layer: layer, index: i };
              } else if (part.t === "pg" && inside(x, y, part.c)) {
                return { layer: layer, index: i };
              }
            }
          }
        }
        return null;
      }

      function formatNumber(v) {
        if (Number.isInteger(v)) return v.toLocaleString("en-GB");
        return v.toLocaleString("en-GB", { maximumFractionDigits: 3 });
      }
      function valueNode(v) {
        if (v === null || v === undefined) { var e = document.createElement("span"); e.textContent = "—"; return e; }
        if (Array.isArray(v)) {
          if (v.every(function (x) { return x === null || typeof x !== "object"; })) {
            return document.createTextNode(v.map(function (x) { return typeof x === "number" ? formatNumber(x) : String(x); }).join(", "));
          }
          var list = document.createElement("div");
          v.forEach(function (x) { list.appendChild(valueNode(x)); });
          return list;
        }
        if (typeof v === "object") return propertyTable(v);
        if (typeof v === "number") return document.createTextNode(formatNumber(v));
        return document.createTextNode(String(v));
      }
      function propertyTable(obj) {
        var table = document.createElement("table");
        Object.keys(obj).forEach(function (key) {
          var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
          th.textContent = key.replace(/_/g, " ");
          td.appendChild(valueNode(obj[key]));
          tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
        });
        return table;
      }
      function showDetails(hit) {
        var box = document.getElementById("details");
        box.textContent = "";
        document.getElementById("details-hint").hidden = !!hit;
        if (!hit) return;
        var f = hit.layer.geojson.features[hit.index];
        var t = document.createElement("p"); t.className = "feature-title"; t.textContent = label(f, hit.layer) || "(unnamed)";
        var k = document.createElement("p"); k.className = "feature-kind"; k.textContent = hit.layer.title + (pinned ? " · pinned, click the map to release" : "");
        box.appendChild(t); box.appendChild(k);
        var props = {};
        if (f.geometry && f.geometry.type === "Point") {
          props["latitude"] = f.geometry.coordinates[1].toFixed(5);
          props["longitude"] = f.geometry.coordinates[0].toFixed(5);
        }
        Object.keys(f.properties || {}).forEach(function (key) { props[key] = f.properties[key]; });
        box.appendChild(propertyTable(props));
      }

      // Pointer: drag to pan, hover for a tooltip, click to pin details.
      var drag = null;
      canvas.addEventListener("pointerdown", function (e) {
        drag = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy, moved: false };
        canvas.setPointerCapture(e.pointerId);
      });
      canvas.addEventListener("pointermove", function (e) {
        var rect = canvas.getBoundingClientRect(), px = e.clientX - rect.left, py = e.clientY - rect.top;
        if (drag) {
          var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
          if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; mapEl.classList.add("dragging"); }
          if (drag.moved) { view.cx = drag.cx - dx / view.k; view.cy = drag.cy + dy / view.k; tooltip.hidden = true; draw(); }
          return;
        }
        var hit = hitTest(px, py);
        var changed = (hit && hovered) ? (hit.layer !== hovered.layer || hit.index !== hovered.index) : hit !== hovered;
        hovered = hit;
        if (hit) {
          tooltip.textContent = (label(hit.layer.geojson.features[hit.index], hit.layer) || "(unnamed)") + " — " + hit.layer.title;
          tooltip.style.left = px + "px"; tooltip.style.top = py + "px"; tooltip.hidden = false;
          canvas.style.cursor = "pointer";
        } else { tooltip.hidden = true; canvas.style.cursor = ""; }
        if (changed) { if (!pinned) showDetails(hit); draw(); }
      });
      canvas.addEventListener("pointerup", function (e) {
        var wasDrag = drag && drag.moved;
        drag = null; mapEl.classList.remove("dragging");
        if (wasDrag) return;
        var rect = canvas.getBoundingClientRect();
        pinned = hitTest(e.clientX - rect.left, e.clientY - rect.top);
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", pinned ? "#feature=" + encodeURIComponent(pinned.layer.id) + "/" + pinned.index : "#");
        }
        showDetails(pinned || hovered);
        draw();
      });
      canvas.addEventListener("pointerleave", function () { hovered = null; tooltip.hidden = true; if (!pinned) showDetails(null); draw(); });

      function zoom(factor, px, py) {
        if (px === undefined) { px = width / 2; py = height / 2; }
        var x = wx(px), y = wy(py);
        view.k = Math.max(1e-6, Math.min(view.k * factor, 10));
        view.cx = x - (px - width / 2) / view.k; view.cy = y + (py - height / 2) / view.k;
        draw();
      }
      canvas.addEventListener("wheel", function (e) {
        e.preventDefault();
        var rect = canvas.getBoundingClientRect();
        zoom(Math.pow(1.0015, -e.deltaY), e.clientX - rect.left, e.clientY - rect.top);
      }, { passive: false });
      document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.5); });
      document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.5); });
      document.getElementById("zoom-fit").addEventListener("click", function () { fit(); draw(); });
      mapEl.addEventListener("keydown", function (e) {
        if (e.key === "+" || e.key === "=") zoom(1.5);
        else if (e.key === "-") zoom(1 / 1.5);
        else if (e.key === "0") { fit(); draw(); }
      });

      // Layer list: a toggle, a swatch drawn with the layer's own style, and the feature count.
      var list = document.getElementById("layers");
      layers.slice().reverse().forEach(function (layer) {
        var li = document.createElement("li"), lab = document.createElement("label"), box = document.createElement("input");
        box.type = "checkbox"; box.checked = layer.visible; box.id = "toggle-" + layer.id;
        box.addEventListener("change", function () { layer.visible = box.checked; if (pinned && pinned.layer === layer) { pinned = null; showDetails(null); } draw(); });
        var sw = document.createElement("canvas"); sw.width = 44; sw.height = 28;
        var c = sw.getContext("2d"), st = layer.style; c.scale(2, 2);
        if (layer.kind === "countries" || layer.kind === "zones") {
          c.globalAlpha = Math.min(1, st.fillOpacity * 2); c.fillStyle = st.fill || "transparent"; c.fillRect(1, 1, 20, 12);
          c.globalAlpha = 1; c.strokeStyle = st.stroke || "transparent"; c.lineWidth = 1; c.strokeRect(1, 1, 20, 12);
        } else if (layer.kind === "borders" || layer.kind === "depth-lines") {
          c.setLineDash(st.dash || []); c.strokeStyle = st.stroke || "#000"; c.lineWidth = Math.min(st.strokeWidth, 3);
          c.beginPath(); c.moveTo(1, 7); c.lineTo(21, 7); c.stroke();
        } else {
          var saved = ctx; ctx = c; marker(st, 11, 7, Math.min(st.markerRadius, 5.5)); ctx = saved;
        }
        var name = document.createElement("span"); name.textContent = layer.title;
        var count = document.createElement("span"); count.className = "count"; count.textContent = String(layer.geojson.features.length);
        lab.appendChild(box); lab.appendChild(sw); lab.appendChild(name);
        li.appendChild(lab); li.appendChild(count); list.appendChild(li);
      });

      // A link to one feature: #feature=LAYER/INDEX pins it on load; pinning updates the address.
      function pinFromHash() {
        var m = /^#feature=([^/]+)\/(\d+)$/.exec(window.location.hash);
        if (!m) return;
        var layer = layers.filter(function (l) { return l.id === decodeURIComponent(m[1]); })[0];
        var index = Number(m[2]);
        if (layer && index < layer.geojson.features.length) { pinned = { layer: layer, index: index }; showDetails(pinned); draw(); }
      }
      window.addEventListener("hashchange", pinFromHash);

      window.addEventListener("resize", resize);
      resize();
      pinFromHash();
      statusEl.setAttribute("data-ready", "true");
    })();
    """#
}

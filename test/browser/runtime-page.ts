// The page of test/browser/addin.test.ts: Microsoft's custom-functions runtime, a recorder around
// CustomFunctions.associate, the built functions.js, then helpers the test calls in the page (call a
// function as Excel does, render the results as a table for the screenshot).

/** The page under test. The recorder sits between Microsoft's runtime and the bundle. */
export const TEST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>critmin functions.js in Microsoft's custom-functions runtime</title>
<link rel="icon" href="data:,">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1f3a5f; }
  #report { display: inline-block; padding: 16px; background: #fff; }
  h1 { font-size: 17px; margin: 0 0 4px; }
  p { margin: 0 0 12px; color: #555; }
  table.results { border-collapse: collapse; }
  table.results > * > tr > th, table.results > * > tr > td { border: 1px solid #c8d0da; padding: 4px 8px; text-align: left; vertical-align: top; }
  table.results > thead th { background: #1f3a5f; color: #fff; }
  table.results td.fn, table.results td.args { font-family: ui-monospace, monospace; white-space: nowrap; }
  table.cells { border-collapse: collapse; }
  table.cells td { border: 1px solid #e1e5ea; padding: 1px 6px; font-family: ui-monospace, monospace; white-space: nowrap; }
  .error { color: #b00020; font-weight: 600; }
  table.cells td.error { white-space: normal; min-width: 420px; max-width: 560px; }
  .message { color: #6b2030; font-weight: 400; }
</style>
<script src="/custom-functions-runtime.js"></script>
<script>
  // Record every association the bundle makes, then hand it to the runtime's own associate.
  window.__critmin = { runtime: typeof CustomFunctions, associations: [] };
  (function () {
    var original = CustomFunctions.associate;
    CustomFunctions.associate = function (id, fn) {
      window.__critmin.associations.push({ id: id, fn: fn });
      return original.apply(this, arguments);
    };
  })();
</script>
<script src="/functions.js"></script>
<script>
  window.__critmin.bundleLoaded = true;
  (function (state) {
    function describe(value) {
      if (Array.isArray(value)) return value.map(describe);
      if (value instanceof CustomFunctions.Error) {
        return { error: value.code, message: value.message, isError: value instanceof Error, wire: JSON.parse(JSON.stringify(value)) };
      }
      if (value === null) return { null: true };
      if (value === undefined) return { undefined: true };
      return value;
    }
    // As Excel calls a function: each declared parameter (null when omitted), then the invocation.
    state.call = function (metadata, id, args) {
      var meta = metadata.functions.find(function (f) { return f.id === id; });
      if (!meta) throw new Error("no metadata for " + id);
      var fn = CustomFunctions._association.mappings[id.toUpperCase()];
      if (typeof fn !== "function") throw new Error("not registered in the runtime: " + id);
      var values = meta.parameters.map(function (_, i) { return i < args.length ? args[i] : null; });
      values.push({ functionName: id, address: "Sheet1!B2", parameterAddresses: [], isInValuePreview: false });
      return describe(fn.apply(null, values));
    };
    state.render = function (title, rows) {
      function cell(v) {
        var td = document.createElement("td");
        if (v && typeof v === "object" && "error" in v) {
          td.className = "error";
          td.textContent = v.error + " ";
          var m = document.createElement("span");
          m.className = "message";
          m.textContent = v.message;
          td.appendChild(m);
        } else {
          td.textContent = typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : String(v);
        }
        return td;
      }
      document.body.textContent = "";
      var h = document.createElement("h1");
      h.textContent = title;
      var p = document.createElement("p");
      p.textContent = "The built functions.js, registered through Microsoft's custom-functions-runtime.js (@microsoft/office-js) in headless Chromium, called as Excel calls it.";
      var t = document.createElement("table");
      t.className = "results";
      t.innerHTML = "<thead><tr><th>Function</th><th>Arguments</th><th>Result</th></tr></thead>";
      var body = document.createElement("tbody");
      rows.forEach(function (r) {
        var tr = document.createElement("tr");
        var fn = document.createElement("td"); fn.className = "fn"; fn.textContent = r.fn;
        var args = document.createElement("td"); args.className = "args"; args.textContent = r.args;
        var res = document.createElement("td");
        var grid = document.createElement("table"); grid.className = "cells";
        r.result.forEach(function (row) {
          var gtr = document.createElement("tr");
          row.forEach(function (v) { gtr.appendChild(cell(v)); });
          grid.appendChild(gtr);
        });
        res.appendChild(grid);
        tr.append(fn, args, res);
        body.appendChild(tr);
      });
      t.appendChild(body);
      var report = document.createElement("div");
      report.id = "report";
      report.append(h, p, t);
      document.body.appendChild(report);
    };
  })(window.__critmin);
</script>
</head>
<body><p>loading…</p></body>
</html>
`;

// A stand-in for Office.js inside Excel, served in place of Microsoft's office.js by the browser
// tests: Office.onReady says Excel; Excel.run hands a small in-memory workbook to the batch. It
// records every sync and write in window.__wb, so a test can check what the pane changed.
// The workbook is given before this script runs, as window.__workbook = { sheets, settings }.
(function () {
  var given = window.__workbook || { sheets: {}, settings: {} };
  var wb = (window.__wb = {
    syncs: 0,
    writes: [],
    settings: Object.assign({}, given.settings),
    sheets: given.sheets,
    calculations: [],
    associated: {},
    startup: [],
  });
  window.CustomFunctions = {
    associate: function (id, fn) {
      wb.associated[id] = fn;
    },
    Error: function (code, message) {
      this.code = code;
      this.message = message || "";
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  function writer(sheet, address) {
    var w = { sheet: sheet, address: address };
    wb.writes.push(w);
    w.format = { autofitColumns: function () {}, font: {} };
    w.clear = function () {};
    return w;
  }
  function nullObject() {
    return { isNullObject: true, load: function () {}, delete: function () {} };
  }
  function sheet(name) {
    return {
      name: name,
      id: "id-" + name,
      isNullObject: false,
      load: function () {},
      getUsedRangeOrNullObject: function () {
        var s = wb.sheets[name];
        if (!s) return nullObject();
        return {
          isNullObject: false,
          load: function () {},
          address: name + "!" + s.address,
          formulas: s.formulas,
          values: s.values,
        };
      },
      getRange: function (address) {
        return writer(name, address);
      },
      copy: function () {
        var c = sheet(name + " (copy)");
        wb.writes.push({ copyOf: name });
        return c;
      },
      tables: {
        add: function (address) {
          var t = {
            address: address,
            columns: {
              getItemAt: function () {
                return {
                  getDataBodyRange: function () {
                    return writer(name, address);
                  },
                };
              },
            },
          };
          wb.writes.push({ table: address });
          return t;
        },
      },
      activate: function () {},
      delete: function () {
        delete wb.sheets[name];
      },
    };
  }
  var names = function () {
    return Object.keys(wb.sheets);
  };
  var context = {
    workbook: {
      worksheets: {
        items: [],
        load: function () {
          this.items = names().map(function (n) {
            return { name: n, id: "id-" + n };
          });
        },
        getItem: function (n) {
          return sheet(n);
        },
        getItemOrNullObject: function (n) {
          return n in wb.sheets ? sheet(n) : nullObject();
        },
        add: function (n) {
          wb.sheets[n] = undefined;
          wb.writes.push({ added: n });
          return sheet(n);
        },
        getActiveWorksheet: function () {
          return sheet(names()[0]);
        },
      },
      settings: {
        getItemOrNullObject: function (key) {
          if (!(key in wb.settings)) return nullObject();
          return {
            isNullObject: false,
            load: function () {},
            value: wb.settings[key],
            delete: function () {
              delete wb.settings[key];
            },
          };
        },
        add: function (key, value) {
          wb.settings[key] = value;
        },
      },
      getActiveCell: function () {
        var w = writer(names()[0], "A1");
        w.load = function () {};
        w.address = names()[0] + "!A1";
        w.rowIndex = 0;
        w.columnIndex = 0;
        return w;
      },
      application: {
        calculate: function (type) {
          wb.calculations.push(type);
        },
      },
    },
    sync: function () {
      wb.syncs++;
      return Promise.resolve();
    },
  };
  window.Excel = {
    run: function (batch) {
      return Promise.resolve().then(function () {
        return batch(context);
      });
    },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    StartupBehavior: { load: "Load", none: "None" },
    addin: {
      setStartupBehavior: function (b) {
        wb.startup.push(b);
        return Promise.resolve();
      },
    },
    onReady: function () {
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
  };
})();

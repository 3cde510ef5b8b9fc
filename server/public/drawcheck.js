// fieldinspect public draw page: recompute a published sha256-ctr-fy-v2 draw in the browser from
// the page's JSON twin (?format=json) and say whether it agrees with the published result.
// Written from central-api.md ("Version 1.1") alone, independently of the server's C++ (core's
// draw.cpp), so that a person need not trust the central system's own check. Plain JS, no
// dependencies: SHA-256 is implemented here because crypto.subtle is missing on plain-http
// origins other than localhost.
(function () {
  'use strict';

  // --- SHA-256 (FIPS 180-4) over a Uint8Array ---------------------------------------------------
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  function sha256(bytes) {
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var bitLength = bytes.length * 8;
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    // The length as a 64-bit big-endian number (messages here are far below 2^32 bits).
    var end = padded.length;
    padded[end - 4] = (bitLength >>> 24) & 0xff;
    padded[end - 3] = (bitLength >>> 16) & 0xff;
    padded[end - 2] = (bitLength >>> 8) & 0xff;
    padded[end - 1] = bitLength & 0xff;
    padded[end - 5] = Math.floor(bitLength / 0x100000000) & 0xff;
    var w = new Array(64);
    for (var off = 0; off < padded.length; off += 64) {
      for (var t = 0; t < 16; t++) {
        var p = off + t * 4;
        w[t] = ((padded[p] << 24) | (padded[p + 1] << 16) | (padded[p + 2] << 8) | padded[p + 3]) >>> 0;
      }
      for (t = 16; t < 64; t++) {
        var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
        var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (t = 0; t < 64; t++) {
        var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var ch = (e & f) ^ (~e & g);
        var t1 = (hh + S1 + ch + K[t] + w[t]) >>> 0;
        var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + maj) >>> 0;
        hh = g; g = f; f = e; e = (d + t1) >>> 0;
        d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0;
      h[3] = (h[3] + d) >>> 0; h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0;
      h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + hh) >>> 0;
    }
    var out = new Uint8Array(32);
    for (var i = 0; i < 8; i++) {
      out[i * 4] = h[i] >>> 24; out[i * 4 + 1] = (h[i] >>> 16) & 0xff;
      out[i * 4 + 2] = (h[i] >>> 8) & 0xff; out[i * 4 + 3] = h[i] & 0xff;
    }
    return out;
  }

  // --- bytes ------------------------------------------------------------------------------------
  function fromHex(hex, bytes) {
    if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/.test(hex) ||
        (bytes !== undefined && hex.length !== bytes * 2))
      throw new Error('不是 ' + (bytes || '') + ' 字节的小写十六进制：' + hex);
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }
  function toHex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }
  function utf8(text) { return new TextEncoder().encode(text); }
  function concat(parts) {
    var n = 0, i;
    for (i = 0; i < parts.length; i++) n += parts[i].length;
    var out = new Uint8Array(n), at = 0;
    for (i = 0; i < parts.length; i++) { out.set(parts[i], at); at += parts[i].length; }
    return out;
  }
  function sha256Hex(bytes) { return toHex(sha256(bytes)); }
  // Byte order for ASCII ids (the interface's ids are ASCII).
  function byId(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // --- the random stream and uniform(n) (steps 2 and 3 of sha256-ctr-fy-v1) --------------------
  var TWO64 = BigInt(1) << BigInt(64);
  function Stream(seed, drawId) {
    this.prefix = concat([seed, utf8(drawId)]);
    this.block = 0;
    this.bytes = null;
    this.used = 4;
  }
  Stream.prototype.next = function () {
    if (this.used === 4) {
      var counter = new Uint8Array(8), v = BigInt(this.block);
      for (var i = 7; i >= 0; i--) { counter[i] = Number(v & BigInt(255)); v >>= BigInt(8); }
      this.bytes = sha256(concat([this.prefix, counter]));
      this.block++;
      this.used = 0;
    }
    var x = BigInt(0);
    for (var j = 0; j < 8; j++) x = (x << BigInt(8)) | BigInt(this.bytes[this.used * 8 + j]);
    this.used++;
    return x;
  };
  Stream.prototype.uniform = function (n) {
    var big = BigInt(n);
    var limit = TWO64 - (TWO64 % big);
    for (;;) {
      var x = this.next();
      if (x < limit) return Number(x % big);
    }
  };
  // Partial Fisher–Yates: the first k of `list` after k swaps (step 4).
  function pick(stream, list, k) {
    var a = list.slice();
    if (k < 0 || k > a.length) throw new Error('k = ' + k + ' 超出候选数量 ' + a.length);
    for (var i = 0; i < k; i++) {
      var j = i + stream.uniform(a.length - i);
      var tmp = a[i]; a[i] = a[j]; a[j] = tmp;
    }
    return a.slice(0, k);
  }

  // Recompute targets and teams. Inspectors are pool positions (1 …), the pool being given in
  // the algorithm's order (by roster id), so no roster id is needed.
  function recompute(d) {
    var stream = new Stream(fromHex(d.seed, 32), d.draw_id);
    var selected = [];
    d.strata.forEach(function (s) {
      selected = selected.concat(pick(stream, s.candidates.slice().sort(byId), s.k));
    });
    var teams = {};
    selected.forEach(function (target) {
      var avoid = (d.conflicts && d.conflicts[target]) || [];
      var eligible = d.pool.map(function (p) { return p.position; })
        .filter(function (n) { return avoid.indexOf(n) < 0; });
      teams[target] = pick(stream, eligible, d.team_size);
    });
    return { selected: selected, teams: teams };
  }

  // RFC 8785 canonical JSON of the strata as the commitment hashes them: members sorted
  // (candidates, category, k), candidates sorted; ids and categories are ASCII, k an integer,
  // where JSON.stringify already writes the canonical form.
  function strataCanonical(strata) {
    return JSON.stringify(strata.map(function (s) {
      return { candidates: s.candidates.slice().sort(byId), category: s.category, k: s.k };
    }));
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // Each check: a sentence and whether it holds. The first failure makes the result disagree.
  // A list of checks and the function that adds one: a sentence and whether it holds (an
  // exception is a failure, its message the reason).
  function checker(out) {
    return function (text, fn) {
      var ok = false, why = '';
      try { ok = fn(); } catch (err) { why = String(err.message || err); }
      out.push({ text: text, ok: ok, why: why });
      return ok;
    };
  }

  function checks(d) {
    var out = [];
    var check = checker(out);
    var c = d.commitment;
    check('算法为 sha256-ctr-fy-v2，抽取编号和每组人数与计划公布的承诺一致', function () {
      return d.algorithm === 'sha256-ctr-fy-v2' && c.algorithm === d.algorithm &&
        d.draw_id === c.draw_id && d.team_size === c.team_size;
    });
    check('各提交方公开的种子的 SHA-256 等于其事先提交的承诺（名称、顺序与计划一致）', function () {
      if (d.parties.length < 2 || d.parties.length !== c.parties.length) return false;
      return d.parties.every(function (p, i) {
        return p.name === c.parties[i].name && p.seed_commitment === c.parties[i].seed_commitment &&
          sha256Hex(fromHex(p.seed, 32)) === p.seed_commitment;
      });
    });
    check('合成种子等于各方种子依次连接后的 SHA-256，其承诺也一致', function () {
      var joined = concat(d.parties.map(function (p) { return fromHex(p.seed, 32); }));
      return sha256Hex(joined) === d.seed && sha256Hex(fromHex(d.seed, 32)) === d.seed_commitment;
    });
    check('候选名单的哈希等于计划公布时冻结的哈希', function () {
      return sha256Hex(utf8(strataCanonical(d.strata))) === c.strata_sha256;
    });
    check('抽取时间晚于计划公布时间', function () {
      return Date.parse(d.drawn_at) > Date.parse(d.published_at);
    });
    var again = null;
    check('在本浏览器中重新计算出的受检对象与公布的一致', function () {
      again = recompute(d);
      return same(again.selected, d.selected);
    });
    check('重新计算出的检查组（姓名、执法证号）与公布的一致', function () {
      if (!again) return false;
      var byPosition = {};
      d.pool.forEach(function (p) { byPosition[p.position] = p; });
      return d.drawn.length === again.selected.length && d.drawn.every(function (row, i) {
        var target = again.selected[i];
        var team = again.teams[target];
        return row.target.id === target && same(team, d.teams[target]) &&
          row.team.length === team.length && row.team.every(function (m, j) {
            var p = byPosition[team[j]];
            return p && m.name === p.name && m.cert_no === p.cert_no;
          });
      });
    });
    return out;
  }

  // --- re-draws (sha256-ctr-fy-v2-redraw), from the chain the plan committed to ---------------
  // r_(k-1) = SHA-256(r_k): the k-th link hashed k times is the published tip.
  function linkBack(link, times) {
    var x = fromHex(link, 32);
    for (var i = 0; i < times; i++) x = sha256(x);
    return toHex(x);
  }

  // Re-draw k's team as pool positions: seed SHA-256(r_k ‖ target id), stream id
  // "<draw id>-R<k>", one stratum holding the target alone (k = 1), then the team among the pool
  // without the target's committed conflicts and everyone excluded from that target by the log's
  // entries 1 … k (whatever their assignments).
  function redrawTeam(d, log, e) {
    var target = e.target.id;
    var stream = new Stream(sha256(concat([fromHex(e.link, 32), utf8(target)])), e.draw_id);
    pick(stream, [target], 1);
    var avoid = ((d.conflicts && d.conflicts[target]) || []).slice();
    log.forEach(function (o) {
      if (o.index <= e.index && o.target.id === target)
        o.excluded.forEach(function (p) {
          if (typeof p.position !== 'number') throw new Error('被排除人员缺少其在人员库中的序号');
          avoid.push(p.position);
        });
    });
    var eligible = d.pool.map(function (p) { return p.position; })
      .filter(function (n) { return avoid.indexOf(n) < 0; });
    return pick(stream, eligible, d.team_size);
  }

  // `r` the re-draw log's twin, `d` the plan's draw twin.
  function redrawChecks(r, d) {
    var out = [];
    var check = checker(out);
    check('链顶端与计划公布时承诺的一致', function () {
      return !d.commitment || d.commitment.redraw_chain_tip === r.redraw_chain_tip;
    });
    var byPosition = {};
    d.pool.forEach(function (p) { byPosition[p.position] = p; });
    r.entries.forEach(function (e, i) {
      var k = e.index;
      check('第 ' + k + ' 次：按顺序记录，链环经 ' + k + ' 次 SHA-256 回到链顶端', function () {
        return k === i + 1 && k <= r.redraw_chain_length &&
          linkBack(e.link, k) === r.redraw_chain_tip;
      });
      check('第 ' + k + ' 次：抽取编号为计划的抽取编号加 -R' + k, function () {
        return e.draw_id === d.draw_id + '-R' + k;
      });
      check('第 ' + k + ' 次：在本浏览器中重新计算出的新检查组（姓名、执法证号）与公布的一致',
        function () {
          var team = redrawTeam(d, r.entries, e);
          return team.length === e.team.length && e.team.every(function (m, j) {
            var p = byPosition[team[j]];
            return p && m.name === p.name && m.cert_no === p.cert_no;
          });
        });
    });
    return out;
  }

  function show(state, text, list) {
    var result = document.getElementById('check-result');
    result.setAttribute('data-state', state);
    result.textContent = text;
    var steps = document.getElementById('check-steps');
    if (!steps) return;
    (list || []).forEach(function (c) {
      var li = document.createElement('li');
      li.className = c.ok ? 'ok' : 'fail';
      li.textContent = (c.ok ? '✓ ' : '✗ ') + c.text + (c.why ? '（' + c.why + '）' : '');
      steps.appendChild(li);
    });
  }

  function load(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  function run() {
    var section = document.getElementById('check');
    if (!section) return;
    var drawUrl = section.getAttribute('data-draw-json');
    // The re-draw page checks its log against the plan's draw; the draw page its draw.
    Promise.all([load(section.getAttribute('data-json')), drawUrl ? load(drawUrl) : null])
      .then(function (both) {
        var list = drawUrl ? redrawChecks(both[0], both[1]) : checks(both[0]);
        var failed = list.filter(function (c) { return !c.ok; });
        if (failed.length === 0)
          show('agree', '一致：本浏览器独立重新计算的抽取结果与公布的结果一致。', list);
        else
          show('disagree', '不一致：' + failed[0].text + ' —— 未通过。', list);
      })
      .catch(function (err) {
        show('error', '无法核验：未能读取本页数据（' + String(err.message || err) + '）。', []);
      });
  }

  // For tests and for anyone with a console: the recomputation itself.
  window.fiDrawCheck = { sha256Hex: sha256Hex, recompute: recompute, checks: checks,
    redrawChecks: redrawChecks };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();

// Thalamus dashboard: polls the REST API; no framework.
const $ = (id) => document.getElementById(id);
let topology = null;
let projection = null;

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.json();
}

function project(nodes) {
  const pts = nodes.map(n => n.longitude !== undefined ? [n.longitude, -n.latitude] : [n.x || 0, -(n.y || 0)]);
  const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const sx = 900 / ((maxX - minX) || 1), sy = 500 / ((maxY - minY) || 1);
  const pos = {};
  nodes.forEach((n, i) => { pos[n.id] = [50 + (pts[i][0] - minX) * sx, 50 + (pts[i][1] - minY) * sy]; });
  return pos;
}

function colour(u, up) {
  if (!up) return '#9aa0a6';
  return u >= 0.8 ? '#d93025' : u >= 0.5 ? '#f29900' : '#1e8e3e';
}

async function drawMap() {
  if (!topology) {
    topology = await getJson('/api/topology');
    projection = project(topology.nodes);
  }
  const links = await getJson('/api/twin/links');
  const byPhysical = {};
  for (const l of links) {
    const p = byPhysical[l.physicalId] || { a: l.source, b: l.target, u: 0, up: true, load: 0 };
    p.u = Math.max(p.u, l.utilization); p.up = p.up && l.up; p.load = Math.max(p.load, l.loadBps);
    byPhysical[l.physicalId] = p;
  }
  let svg = '';
  for (const [id, p] of Object.entries(byPhysical)) {
    const [x1, y1] = projection[p.a], [x2, y2] = projection[p.b];
    const w = 2 + Math.min(8, p.u * 10);
    svg += `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour(p.u, p.up)}" stroke-width="${w}"` +
      (p.up ? '' : ' stroke-dasharray="6 4"') + `><title>${id}: ${(p.u * 100).toFixed(1)}%</title></line>`;
    svg += `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="11" fill="#444">${(p.u * 100).toFixed(0)}%</text>`;
  }
  for (const n of topology.nodes) {
    const [x, y] = projection[n.id];
    svg += `<circle cx="${x}" cy="${y}" r="7" fill="#1d2330"><title>${n.name || n.id}</title></circle>`;
    svg += `<text x="${x + 9}" y="${y + 4}" font-size="13" font-weight="600">${n.id}</text>`;
  }
  $('map').innerHTML = svg;
}

async function drawIntents() {
  const first = await getJson('/api/intents?limit=1');
  const offset = Math.max(0, first.total - 50);
  const page = await getJson('/api/intents?limit=50&offset=' + offset);
  $('count').textContent = `(${page.total} in total; newest 50 shown)`;
  $('intents').innerHTML = page.items.slice().reverse().map(i =>
    `<tr data-id="${i.id}"><td>${i.id.slice(0, 8)}</td><td>${esc(i.key)}</td><td>${i.type}</td>` +
    `<td class="${i.state}">${i.state}</td><td>${esc(i.reason).slice(0, 120)}</td><td>${i.updated.slice(11, 19)}</td></tr>`).join('');
  for (const tr of $('intents').querySelectorAll('tr')) {
    tr.onclick = async () => { $('detail').textContent = JSON.stringify(await getJson('/api/intents/' + tr.dataset.id), null, 2); };
  }
}

function esc(s) { return String(s).replace(/[&<>]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c])); }

async function submit() {
  const text = $('intent').value.trim();
  let body;
  if (text.startsWith('{')) {
    body = text;
  } else {
    body = JSON.stringify({ text, confirm: $('confirm').checked });
  }
  const r = await fetch('/api/intents', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const reply = await r.json();
  $('reply').textContent = r.status + ' ' + JSON.stringify(reply, null, 2);
  drawIntents();
}

$('send').onclick = submit;
$('demo').onclick = () => {
  $('intent').value = JSON.stringify({ key: 'demo-' + Date.now(), type: 'connectivity', priority: 5,
    spec: { source: 'STTL', destination: 'NYCM', bandwidthBps: 1000000000, maxDelayMs: 40 },
    expectations: [{ metric: 'max-link-utilization', op: '<=', target: 0.8 }],
    flags: { weights: { latency: 1.0, size: 0.2 }, limits: { maxLatencyMs: 100 } }, mode: 'apply' }, null, 2);
};

async function tick() {
  try {
    const h = await getJson('/health');
    $('health').textContent = `${h.status} · ${h.intents} intents · English: ${h.english}`;
    await drawMap();
    await drawIntents();
  } catch (e) {
    $('health').textContent = 'unreachable: ' + e.message;
  }
}
tick();
setInterval(tick, 2000);

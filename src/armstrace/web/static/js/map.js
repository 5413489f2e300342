// The world flow map: arcs from supplier to recipient between country points, drawn from
// /api/flows on the bundled Natural Earth outlines (no tiles, no network).
/* global d3, topojson */

import {
  STATUS_COLOURS,
  STATUSES,
  currentFilters,
  defineStatusArrowheads,
  el,
  fetchJSON,
  formatNumber,
  label,
  setStatus,
  transferHref,
  withParams,
} from "./common.js";

const WIDTH = 960;
const HEIGHT = 500;
const frame = document.getElementById("flow-map");
const root = d3.select("#map-svg").attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
// Everything is drawn in one layer that the wheel and drag zoom and pan (Europe is crowded).
const svg = root.append("g").attr("class", "zoom-layer");
const weightBy = frame.dataset.weight === "quantity" ? "quantity" : "transfers";

function flowKey(flow) {
  return `${flow.supplier}>${flow.recipient}`;
}

function drawBase(world, projection) {
  const path = d3.geoPath(projection);
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
  const countries = topojson.feature(world, world.objects.countries).features;
  return svg
    .append("g")
    .selectAll("path")
    .data(countries)
    .join("path")
    .attr("class", "country")
    .attr("d", path);
}

// A curved path from a to b; `bend` moves the control point off the straight line, so the
// arcs of one pair (one per status) and of the two directions of a pair stay apart.
function arcPath(a, b, bend) {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const offset = length * bend;
  const cx = (x1 + x2) / 2 - (dy / length) * offset;
  const cy = (y1 + y2) / 2 + (dx / length) * offset;
  return `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`;
}

function weightOf(flow) {
  return weightBy === "quantity" ? flow.quantity || 0 : flow.n_transfers;
}

function describe(flow) {
  const parts = STATUSES.filter((s) => flow.statuses[s]).map((s) => `${flow.statuses[s]} ${s}`);
  const quantity = flow.quantity ? `, stated quantity ${formatNumber(flow.quantity)}` : "";
  return `${flow.supplier_name} → ${flow.recipient_name}: ${flow.n_transfers} transfer${
    flow.n_transfers === 1 ? "" : "s"
  } (${parts.join(", ")})${quantity}`;
}

async function showPair(flow, filters) {
  const panel = document.getElementById("pair-detail");
  const list = document.getElementById("pair-transfers");
  document.getElementById("pair-title").textContent =
    `${flow.supplier_name} → ${flow.recipient_name}`;
  const tableParams = { ...filters, supplier: flow.supplier, recipient: flow.recipient };
  document.getElementById("pair-table-link").setAttribute("href", withParams("/transfers", tableParams));
  list.replaceChildren(el("li", { class: "muted" }, "Loading…"));
  panel.hidden = false;
  svg.selectAll(".arc").classed("selected", (d) => flowKey(d.flow) === flowKey(flow));
  svg.selectAll(".arc").classed("dimmed", (d) => flowKey(d.flow) !== flowKey(flow));
  d3.selectAll("#flow-list li").classed("selected", function () {
    return this.dataset.key === flowKey(flow);
  });
  try {
    const page = await fetchJSON(withParams("/api/transfers", { ...tableParams, limit: 100 }));
    // The recipient filter also matches end users; the arc is about the recipient itself.
    const transfers = page.transfers.filter((t) => t.recipient === flow.recipient);
    list.replaceChildren(
      ...transfers.map((t) =>
        el(
          "li",
          {},
          el("a", { href: transferHref(t.id), class: "transfer-link" }, label(t.materiel)),
          " ",
          el("span", { class: `badge status-${t.status}` }, t.status),
          el("br"),
          el(
            "span",
            { class: "muted" },
            `${t.stage} · ${t.n_documents} article${t.n_documents === 1 ? "" : "s"} · ` +
              `${t.first_reported || "undated"}`,
          ),
        ),
      ),
    );
  } catch (error) {
    list.replaceChildren(el("li", {}, `Could not load the transfers: ${error.message}`));
  }
}

function drawFlowList(flows, onSelect) {
  const list = document.getElementById("flow-list");
  const total = (flow) => flow.n_transfers;
  list.replaceChildren(
    ...flows.map((flow) => {
      const bar = el("span", { class: "bar" });
      for (const status of STATUSES) {
        const n = flow.statuses[status] || 0;
        if (!n) continue;
        const part = el("span", { title: `${n} ${status}` });
        part.style.width = `${(100 * n) / total(flow)}%`;
        part.style.background = STATUS_COLOURS[status];
        bar.append(part);
      }
      const item = el(
        "li",
        { "data-key": flowKey(flow), tabindex: 0 },
        el("span", {}, `${flow.supplier_name} → ${flow.recipient_name}`),
        el(
          "span",
          { class: "n" },
          weightBy === "quantity" && flow.quantity
            ? formatNumber(flow.quantity)
            : String(flow.n_transfers),
        ),
        bar,
      );
      item.addEventListener("click", () => onSelect(flow));
      item.addEventListener("keydown", (event) => {
        if (event.key === "Enter") onSelect(flow);
      });
      return item;
    }),
  );
}

async function main() {
  const filters = currentFilters();
  let world;
  let graph;
  try {
    [world, graph] = await Promise.all([
      fetchJSON(frame.dataset.worldUrl),
      fetchJSON(frame.dataset.flowsUrl),
    ]);
  } catch (error) {
    setStatus("map-status", `Could not load the map: ${error.message}`);
    return;
  }
  const projection = d3
    .geoNaturalEarth1()
    .fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: "Sphere" });
  const countries = drawBase(world, projection);
  defineStatusArrowheads(root, "arrow-", { refX: 9, size: 13 });

  const nodes = new Map(graph.nodes.map((node) => [node.code, node]));
  const point = (code) => {
    const node = nodes.get(code);
    return node && node.lon !== null && node.lat !== null
      ? projection([node.lon, node.lat])
      : null;
  };
  const involved = new Set(graph.nodes.map((n) => n.numeric).filter(Boolean));
  countries.classed("active", (d) => involved.has(d.id));

  const onMap = graph.flows.filter((f) => point(f.supplier) && point(f.recipient));
  const offMap = graph.flows.filter((f) => !(point(f.supplier) && point(f.recipient)));
  const maxWeight = d3.max(onMap, weightOf) || 1;
  const width = d3.scaleSqrt().domain([0, maxWeight]).range([1.2, 9]);

  const arcs = [];
  for (const flow of onMap) {
    const present = STATUSES.filter((s) => flow.statuses[s]);
    present.forEach((status, index) => {
      const share = flow.statuses[status] / flow.n_transfers;
      arcs.push({ flow, status, bend: 0.18 + 0.09 * index, weight: weightOf(flow) * share });
    });
  }
  // Thick arcs first, so thin ones stay clickable on top.
  arcs.sort((a, b) => b.weight - a.weight);
  svg
    .append("g")
    .selectAll("path")
    .data(arcs)
    .join("path")
    .attr("class", (d) => `arc status-${d.status}`)
    .attr("data-key", (d) => flowKey(d.flow))
    .attr("d", (d) => arcPath(point(d.flow.supplier), point(d.flow.recipient), d.bend))
    .attr("stroke", (d) => STATUS_COLOURS[d.status])
    .attr("stroke-width", (d) => width(d.weight))
    .attr("marker-end", (d) => `url(#arrow-${d.status})`)
    .on("click", (_event, d) => showPair(d.flow, filters))
    .append("title")
    .text((d) => describe(d.flow));

  const placed = graph.nodes.filter((n) => n.lon !== null && n.lat !== null);
  const dots = svg.append("g").selectAll("g").data(placed).join("g");
  dots
    .append("circle")
    .attr("class", (d) => `node-dot${d.home ? " borrowed" : ""}`)
    .attr("r", 3)
    .attr("cx", (d) => projection([d.lon, d.lat])[0])
    .attr("cy", (d) => projection([d.lon, d.lat])[1])
    .append("title")
    .text((d) => (d.home ? `${d.name} (drawn at ${d.home})` : d.name));
  dots
    .append("text")
    .attr("class", "node-label")
    .attr("x", (d) => projection([d.lon, d.lat])[0] + 5)
    .attr("y", (d) => projection([d.lon, d.lat])[1] - 4)
    .text((d) => d.name);

  root.call(
    d3
      .zoom()
      .scaleExtent([1, 8])
      .translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on("zoom", (event) => {
        svg.attr("transform", event.transform);
        // Keep labels, dots and arcs readable at any zoom.
        const k = event.transform.k;
        svg.selectAll(".node-label").attr("font-size", 10 / k).attr("stroke-width", 3 / k);
        svg.selectAll(".node-dot").attr("r", 3 / k);
        svg.selectAll(".arc").attr("stroke-width", (d) => width(d.weight) / Math.sqrt(k));
      }),
  );

  drawFlowList(graph.flows, (flow) => showPair(flow, filters));
  const offMapNote = document.getElementById("off-map");
  offMapNote.textContent = offMap.length
    ? `Not on the map (no single location): ${offMap
        .map((f) => `${f.supplier_name} → ${f.recipient_name}`)
        .join(", ")}.`
    : "";
  const unknown = graph.unknown_party
    ? ` ${graph.unknown_party} transfer(s) with an unknown supplier or recipient are left out.`
    : "";
  setStatus(
    "map-status",
    graph.flows.length
      ? `${graph.flows.length} flows, ${d3.sum(graph.flows, (f) => f.n_transfers)} transfers.${unknown}`
      : `No transfer matches this filter.${unknown}`,
  );
  frame.dataset.ready = "true";
}

main();

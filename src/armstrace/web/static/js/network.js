// The actor network: a force layout of /api/flows (actors as nodes, flows as arrows), with
// the actor counts of /api/actors beside it.
/* global d3 */

import {
  STATUS_COLOURS,
  currentFilters,
  defineStatusArrowheads,
  dominantStatus,
  el,
  fetchJSON,
  setStatus,
  withParams,
} from "./common.js";

const WIDTH = 900;
const HEIGHT = 600;
const frame = document.getElementById("network");
const svg = d3.select("#network-svg").attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);

function radius(node) {
  return 5 + 3 * Math.sqrt(node.supplied + node.received);
}

function showActor(node, filters) {
  document.getElementById("actor-detail").hidden = false;
  document.getElementById("actor-title").textContent = node.name;
  document.getElementById("actor-counts").textContent =
    `Supplies in ${node.supplied} transfer(s), receives in ${node.received}.`;
  document
    .getElementById("actor-supplies-link")
    .setAttribute("href", withParams("/transfers", { ...filters, supplier: node.code }));
  document
    .getElementById("actor-receives-link")
    .setAttribute("href", withParams("/transfers", { ...filters, recipient: node.code }));
  svg.selectAll(".net-node").classed("selected", (d) => d.code === node.code);
}

function fillActorTable(actors, filters) {
  const body = document.querySelector("#actor-table tbody");
  body.replaceChildren(
    ...actors.map((actor) =>
      el(
        "tr",
        {},
        el("td", {}, actor.name),
        el(
          "td",
          { class: "num" },
          actor.supplied
            ? el("a", { href: withParams("/transfers", { ...filters, supplier: actor.code }) }, actor.supplied)
            : "0",
        ),
        el(
          "td",
          { class: "num" },
          actor.received
            ? el("a", { href: withParams("/transfers", { ...filters, recipient: actor.code }) }, actor.received)
            : "0",
        ),
      ),
    ),
  );
}

async function main() {
  const filters = currentFilters();
  let graph;
  let actors;
  try {
    [graph, actors] = await Promise.all([
      fetchJSON(frame.dataset.flowsUrl),
      fetchJSON(withParams("/api/actors", filters)),
    ]);
  } catch (error) {
    setStatus("network-status", `Could not load the network: ${error.message}`);
    return;
  }
  fillActorTable(actors, filters);
  if (!graph.flows.length) {
    setStatus("network-status", "No transfer matches this filter.");
    frame.dataset.ready = "true";
    return;
  }
  defineStatusArrowheads(svg, "net-arrow-", { refX: 10, size: 10 });
  const nodes = graph.nodes.map((node) => ({ ...node }));
  const links = graph.flows.map((flow) => ({
    source: flow.supplier,
    target: flow.recipient,
    flow,
    status: dominantStatus(flow.statuses),
  }));
  const simulation = d3
    .forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.code).distance(110))
    .force("charge", d3.forceManyBody().strength(-420))
    .force("collide", d3.forceCollide().radius((d) => radius(d) + 8))
    .force("x", d3.forceX(WIDTH / 2).strength(0.06))
    .force("y", d3.forceY(HEIGHT / 2).strength(0.08));

  const link = svg
    .append("g")
    .selectAll("path")
    .data(links)
    .join("path")
    .attr("class", "net-link")
    .attr("stroke", (d) => STATUS_COLOURS[d.status])
    .attr("stroke-width", (d) => 1 + 1.5 * Math.sqrt(d.flow.n_transfers))
    .attr("marker-end", (d) => `url(#net-arrow-${d.status})`);
  link.append("title").text(
    (d) => `${d.flow.supplier_name} → ${d.flow.recipient_name}: ${d.flow.n_transfers} transfer(s)`,
  );

  const node = svg
    .append("g")
    .selectAll("g")
    .data(nodes)
    .join("g")
    .attr("class", (d) => `net-node ${d.kind}`)
    .on("click", (_event, d) => showActor(d, filters))
    .call(
      d3
        .drag()
        .on("start", (event, d) => {
          if (!event.active) simulation.alphaTarget(0.2).restart();
          d.fx = d.x;
          d.fy = d.y;
        })
        .on("drag", (event, d) => {
          d.fx = event.x;
          d.fy = event.y;
        })
        .on("end", (event) => {
          if (!event.active) simulation.alphaTarget(0);
        }),
    );
  node.append("circle").attr("r", radius);
  node.append("title").text((d) => `${d.name}: supplies ${d.supplied}, receives ${d.received}`);
  node
    .append("text")
    .attr("x", (d) => radius(d) + 3)
    .attr("y", 4)
    .text((d) => d.name);

  // Arrows end at the target circle's edge, bent a little so both directions show.
  const linkPath = (d) => {
    const dx = d.target.x - d.source.x;
    const dy = d.target.y - d.source.y;
    const length = Math.hypot(dx, dy) || 1;
    const tx = d.target.x - (dx / length) * (radius(d.target) + 2);
    const ty = d.target.y - (dy / length) * (radius(d.target) + 2);
    const bend = length * 0.12;
    const cx = (d.source.x + tx) / 2 - (dy / length) * bend;
    const cy = (d.source.y + ty) / 2 + (dx / length) * bend;
    return `M${d.source.x},${d.source.y} Q${cx},${cy} ${tx},${ty}`;
  };
  const clamp = (value, low, high) => Math.max(low, Math.min(high, value));
  simulation.on("tick", () => {
    for (const d of nodes) {
      d.x = clamp(d.x, 20, WIDTH - 120);
      d.y = clamp(d.y, 20, HEIGHT - 20);
    }
    link.attr("d", linkPath);
    node.attr("transform", (d) => `translate(${d.x},${d.y})`);
  });
  simulation.on("end", () => {
    frame.dataset.ready = "true";
  });
  setStatus(
    "network-status",
    `${nodes.length} actors, ${links.length} flows. Colour: the status most of a flow's transfers have.`,
  );
}

main();

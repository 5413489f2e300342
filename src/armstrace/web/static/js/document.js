// Document page: point at the evidence of one report, or at the sentence a link named.

const marks = Array.from(document.querySelectorAll("#doc-text mark"));

function focus(selected) {
  for (const mark of marks) mark.classList.toggle("focus", selected.includes(mark));
  if (selected.length) selected[0].scrollIntoView({ block: "center" });
}

for (const item of document.querySelectorAll("ol.reports li[data-report]")) {
  item.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    for (const other of document.querySelectorAll("ol.reports li")) {
      other.classList.toggle("active", other === item);
    }
    const report = item.dataset.report;
    focus(marks.filter((mark) => mark.dataset.reports.split(" ").includes(report)));
  });
}

// "#ev-123": the evidence that starts at character 123 of the clean text, which may lie
// inside a longer highlighted run.
const match = /^#ev-(\d+)$/.exec(window.location.hash);
if (match) {
  const offset = Number(match[1]);
  focus(marks.filter((m) => Number(m.dataset.start) <= offset && offset < Number(m.dataset.end)));
}

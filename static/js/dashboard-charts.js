/*
 * The central dashboard's charts (templates/dashboard/charts.html), drawn with Chart.js from
 * our own static files. Each chart reads its data from a json_script tag "<canvas id>-data"
 * made by pmqa4/dashboard/charts.py: every word shown comes from there (Thai, translated), so
 * this file has none. No inline script: the Content-Security-Policy forbids it.
 */
(function () {
  "use strict";

  function read(id) {
    var element = document.getElementById(id + "-data");
    return element ? JSON.parse(element.textContent) : null;
  }

  function axisTitle(text) {
    return { display: Boolean(text), text: text, font: { weight: "bold" } };
  }

  function draw(id, build) {
    var canvas = document.getElementById(id);
    var data = read(id);
    if (!canvas || !data) {
      return null;
    }
    return new window.Chart(canvas, build(data, canvas));
  }

  function statuses(data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set) {
          return { label: set.label, data: set.data, backgroundColor: set.color };
        }),
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: axisTitle(data.yTitle) },
        },
        plugins: { legend: { position: "bottom" } },
      },
    };
  }

  function timeline(data) {
    var top = data.top; // the due-date markers reach the highest line
    var sets = data.steps.map(function (step) {
      return {
        label: step.label,
        data: step.points,
        borderColor: step.color,
        backgroundColor: step.color,
        stepped: "before", // Chart.js: keep the earlier count until the day it changes
        pointRadius: 0,
        borderWidth: 2.5,
      };
    });
    data.due.forEach(function (due) {
      sets.push({
        label: due.label,
        data: [{ x: due.x, y: 0 }, { x: due.x, y: top }],
        borderColor: due.color,
        backgroundColor: due.color,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
      });
    });
    if (data.today) {
      sets.push({
        label: data.today.label,
        data: [{ x: data.today.x, y: 0 }, { x: data.today.x, y: top }],
        borderColor: data.today.color,
        backgroundColor: data.today.color,
        borderWidth: 2,
        pointRadius: 0,
      });
    }
    function dayLabel(value) {
      return Number.isInteger(value) ? data.labels[value] : "";
    }
    return {
      type: "line",
      data: { datasets: sets },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: {
            type: "linear",
            min: 0,
            max: data.labels.length - 1,
            ticks: { maxTicksLimit: 8, callback: dayLabel },
            title: axisTitle(data.xTitle),
          },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: axisTitle(data.yTitle) },
        },
        plugins: {
          legend: { position: "bottom", labels: { boxHeight: 2 } },
          tooltip: { callbacks: { title: function (items) { return items.length ? dayLabel(items[0].parsed.x) : ""; } } },
        },
      },
    };
  }

  function attendance(data, canvas) {
    // Room for every unit's code: past what the page's width holds, the box scrolls sideways.
    canvas.parentElement.style.minWidth = data.labels.length * 13 + "px";
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          {
            type: "line",
            label: data.thresholdLabel,
            data: data.labels.map(function () { return data.threshold; }),
            borderColor: data.colors.threshold,
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
          },
          {
            label: data.label,
            data: data.values,
            backgroundColor: data.reached.map(function (ok) { return ok ? data.colors.reached : data.colors.below; }),
            minBarLength: 3, // a unit at 0 % still shows its (red) bar
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 90, font: { size: 10 } } },
          y: { beginAtZero: true, max: 100, title: axisTitle(data.yTitle) },
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { title: function (items) { return items.length ? data.names[items[0].dataIndex] : ""; } } },
        },
      },
    };
  }

  function kpis(data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          {
            label: data.label,
            data: data.values,
            backgroundColor: data.reaches.map(function (ok) { return ok ? data.colors.reached : data.colors.below; }),
            barPercentage: 1,
            categoryPercentage: 0.95,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { title: axisTitle(data.xTitle) },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: axisTitle(data.yTitle) },
        },
        plugins: { legend: { display: false } },
      },
    };
  }

  function scores(data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set) {
          return { label: set.label, data: set.data, backgroundColor: set.color };
        }),
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          x: { title: axisTitle(data.xTitle) },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: axisTitle(data.yTitle) },
        },
        plugins: { legend: { position: "bottom" }, subtitle: { display: true, text: data.source } },
      },
    };
  }

  function years(data) {
    var sets = data.percents.map(function (set) {
      return { type: "bar", label: set.label, data: set.data, backgroundColor: set.color, yAxisID: "y" };
    });
    data.scores.forEach(function (set) {
      sets.push({
        type: "line",
        label: set.label,
        data: set.data,
        borderColor: set.color,
        backgroundColor: set.color,
        yAxisID: "y2",
        borderWidth: 3,
        pointRadius: 5,
        spanGaps: true,
      });
    });
    return {
      type: "bar",
      data: { labels: data.labels, datasets: sets },
      options: {
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, max: 100, position: "left", title: axisTitle(data.percentTitle) },
          y2: { beginAtZero: true, max: 5, position: "right", grid: { drawOnChartArea: false }, title: axisTitle(data.scoreTitle) },
        },
        plugins: { legend: { position: "bottom" } },
      },
    };
  }

  function start() {
    if (!window.Chart) {
      return;
    }
    var Chart = window.Chart;
    Chart.defaults.font.family = "Sarabun, 'TH Sarabun New', sans-serif";
    Chart.defaults.font.size = 13;
    Chart.defaults.animation = false;
    var drawn = [
      draw("chart-statuses", statuses),
      draw("chart-timeline", timeline),
      draw("chart-attendance", attendance),
      draw("chart-kpis", kpis),
      draw("chart-scores", scores),
      draw("chart-years", years),
    ].filter(Boolean);
    document.body.setAttribute("data-charts-drawn", String(drawn.length));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

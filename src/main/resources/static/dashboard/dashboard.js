// The dashboard: reads the JSON API with the browser's login (same origin) and draws
// with Chart.js. Text from the API goes in through textContent only, never as HTML.
// The API leaves out what is null (a rate without a base), hence the "== null" tests.
(() => {
  'use strict';

  const STAGES = [
    { key: 'sent', label: 'Sent', colour: '#4e79a7' },
    { key: 'delivered', label: 'Delivered', colour: '#59a14f' },
    { key: 'opened', label: 'Opened', colour: '#f28e2b' },
    { key: 'clicked', label: 'Clicked', colour: '#e15759' },
    { key: 'converted', label: 'Converted', colour: '#76b7b2' }
  ];
  const RATES = [
    { key: 'delivery', label: 'Delivery rate', colour: '#59a14f' },
    { key: 'open', label: 'Open rate', colour: '#f28e2b' },
    { key: 'click', label: 'Click rate', colour: '#e15759' },
    { key: 'conversion', label: 'Conversion rate', colour: '#76b7b2' }
  ];
  const COUNT_COLUMNS = ['sent', 'delivered', 'opened', 'clicked', 'converted'];
  const RATE_COLUMNS = ['delivery', 'open', 'click', 'clickToOpen', 'conversion', 'unsubscribe'];

  const count = new Intl.NumberFormat('en');
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
  const wholePercent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

  const journeyPicker = document.getElementById('journey');
  const daysPicker = document.getElementById('days');
  const status = document.getElementById('status');

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#3e4c59';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  async function api(path) {
    // Resolved against the origin, not the page: a page opened as http://user:password@host/
    // would otherwise hand fetch a URL with the login in it, which it refuses.
    const response = await fetch(new URL(path, location.origin),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // not a problem document: keep the status text
      }
      throw new Error(`${path} answered ${response.status}: ${detail}`);
    }
    return response.json();
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  const rate = (value) => (value == null ? '–' : percent.format(value));

  function redraw(canvasId, config) {
    const existing = Chart.getChart(canvasId);
    if (existing) {
      existing.destroy();
    }
    return new Chart(document.getElementById(canvasId), config);
  }

  function period() {
    const to = new Date();
    to.setUTCDate(to.getUTCDate() + 1);
    const from = new Date(to);
    from.setUTCDate(from.getUTCDate() - Number(daysPicker.value));
    const day = (date) => date.toISOString().slice(0, 10);
    return { from: day(from), to: day(to) };
  }

  const stepLabel = (step) => step.name || step.stepId;

  function drawFunnel(report) {
    redraw('funnel-chart', {
      type: 'bar',
      data: {
        labels: report.steps.map(stepLabel),
        datasets: STAGES.map((stage) => ({
          label: stage.label,
          backgroundColor: stage.colour,
          data: report.steps.map((step) => step.counts[stage.key])
        }))
      },
      options: {
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Mails' } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function figureRow(cellTag, label, counts, rates, stepId) {
    const row = element('tr', null, stepId ? { 'data-step': stepId } : {});
    row.append(element('th', label, { scope: 'row' }));
    COUNT_COLUMNS.forEach((key) => row.append(element(cellTag, count.format(counts[key]), { 'data-figure': key })));
    row.append(element(cellTag, money.format(counts.revenue), { 'data-figure': 'revenue' }));
    RATE_COLUMNS.forEach((key) => row.append(element(cellTag, rate(rates[key]), { 'data-rate': key })));
    return row;
  }

  function fillTable(report) {
    const body = document.querySelector('#steps tbody');
    const foot = document.querySelector('#steps tfoot');
    body.replaceChildren(...report.steps.map((step) => figureRow('td', stepLabel(step), step.counts, step.rates, step.stepId)));
    foot.replaceChildren(figureRow('td', 'All steps', report.total, report.totalRates, 'total'));
  }

  function drawDaily(series) {
    redraw('daily-chart', {
      data: {
        labels: series.days.map((day) => day.day),
        datasets: [
          ...RATES.map((r) => ({
            type: 'line',
            label: r.label,
            borderColor: r.colour,
            backgroundColor: r.colour,
            spanGaps: true,
            tension: 0.2,
            yAxisID: 'rate',
            data: series.days.map((day) => day.rates[r.key] ?? null)
          })),
          {
            type: 'bar',
            label: 'Sent',
            backgroundColor: '#c9d6e8',
            yAxisID: 'mails',
            data: series.days.map((day) => day.sent)
          }
        ]
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          rate: { position: 'left', beginAtZero: true, suggestedMax: 1, ticks: { callback: (value) => wholePercent.format(value) } },
          mails: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 },
            title: { display: true, text: 'Mails sent' } },
          x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function experimentTable(experiment) {
    const table = element('table', null, { 'data-experiment': experiment.id });
    table.append(element('caption',
      `${experiment.metric.toLowerCase()} rate per variant against the control (${experiment.results[0]?.name ?? '–'}), ` +
      `significant at ${percent.format(experiment.confidence)} confidence`));
    const head = element('tr');
    ['Variant', 'Assigned', 'Sample', 'Successes', 'Rate', 'Difference', 'p-value', 'Significant']
      .forEach((title) => head.append(element('th', title, { scope: 'col' })));
    table.appendChild(element('thead')).append(head);
    const body = table.appendChild(element('tbody'));
    experiment.results.forEach((result) => {
      const row = body.appendChild(element('tr', null, { 'data-variant': result.name }));
      row.append(element('th', result.name, { scope: 'row' }));
      row.append(element('td', count.format(result.assigned)));
      row.append(element('td', result.sample == null ? '–' : count.format(result.sample)));
      row.append(element('td', result.successes == null ? '–' : count.format(result.successes)));
      row.append(element('td', rate(result.rate), { 'data-rate': 'metric' }));
      row.append(element('td', result.difference == null ? 'control' : signed(result.difference)));
      row.append(element('td', result.pValue == null ? '–' : decimal.format(result.pValue), { 'data-figure': 'pValue' }));
      const significant = result.significant == null ? '–' : result.significant ? 'yes' : 'no';
      row.append(element('td', significant, {
        'data-figure': 'significant',
        class: result.significant ? 'significant' : ''
      }));
    });
    return table;
  }

  function signed(difference) {
    const points = percent.format(Math.abs(difference));
    return `${difference < 0 ? '−' : '+'}${points}`;
  }

  function drawExperiment(canvas, experiment, variantFigures) {
    const names = experiment.results.map((result) => result.name);
    const datasets = RATES.filter((r) => r.key !== 'delivery').map((r) => ({
      label: r.label,
      backgroundColor: r.colour,
      data: names.map((name) => variantFigures.get(name)?.rates[r.key] ?? null)
    }));
    new Chart(canvas, {
      type: 'bar',
      data: { labels: names.map((name) => `Variant ${name}`), datasets },
      options: {
        scales: { y: { beginAtZero: true, suggestedMax: 1, ticks: { callback: (value) => wholePercent.format(value) } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function decisionText(decision) {
    if (!decision) {
      return null;
    }
    const when = new Date(decision.decidedAt).toISOString().slice(0, 16).replace('T', ' ');
    return `Auto-winner: variant ${decision.winner}, chosen ${when} UTC on the ${decision.metric.toLowerCase()} rate ` +
      `(z = ${decimal.format(decision.zScore)}, p = ${decimal.format(decision.pValue)}). New contacts all get it.`;
  }

  async function showExperiments(key, report) {
    const holder = document.getElementById('experiments');
    Object.values(Chart.instances)
      .filter((chart) => holder.contains(chart.canvas))
      .forEach((chart) => chart.destroy());
    const listed = (await api('/api/experiments')).experiments.filter((e) => e.journeyKey === key);
    const ids = new Set(listed.map((e) => e.id));
    report.steps.filter((step) => step.variants.length > 0).forEach((step) => ids.add(`${key}.${step.stepId}`));
    const experiments = (await Promise.all([...ids].sort().map((id) => api(`/api/experiments/${encodeURIComponent(id)}`))))
      .filter((experiment) => experiment !== null);
    if (experiments.length === 0) {
      holder.replaceChildren(element('p', 'This journey has no A/B test in the period.', { class: 'pending' }));
      return;
    }
    const cards = element('div', null, { class: 'experiments' });
    experiments.forEach((experiment) => {
      const step = report.steps.find((s) => s.stepId === experiment.stepId);
      const variantFigures = new Map((step?.variants ?? []).map((v) => [v.variant, v]));
      const card = cards.appendChild(element('article', null, { class: 'experiment', 'data-experiment': experiment.id }));
      card.append(element('h3', `${step ? stepLabel(step) : experiment.stepId} · ${experiment.kind === 'SPLIT' ? 'paths' : 'content'}`));
      if (variantFigures.size > 0) {
        const chart = card.appendChild(element('div', null, { class: 'chart' }));
        const canvas = chart.appendChild(element('canvas', null, {
          role: 'img',
          'aria-label': `Bar chart of the open, click and conversion rates per variant of ${experiment.id}`
        }));
        drawExperiment(canvas, experiment, variantFigures);
      }
      const table = card.appendChild(element('div', null, { class: 'table' }));
      table.append(experimentTable(experiment));
      const decided = decisionText(experiment.decision);
      card.append(decided
        ? element('p', decided, { class: 'decision', 'data-decision': experiment.decision.winner })
        : element('p', experiment.autoWinnerAfter
          ? `No winner yet: one is chosen after ${count.format(experiment.autoWinnerAfter)} contacts per variant and a significant difference.`
          : 'No auto-winner for this test.', { class: 'pending' }));
    });
    holder.replaceChildren(cards);
  }

  let latest = 0;

  async function showJourney() {
    const key = journeyPicker.value;
    if (!key) {
      return;
    }
    const request = ++latest;
    document.body.removeAttribute('data-shown');
    status.classList.remove('error');
    status.textContent = `Loading ${journeyPicker.selectedOptions[0].textContent}…`;
    const { from, to } = period();
    try {
      const path = `/api/journeys/${encodeURIComponent(key)}/stats`;
      const [report, series] = await Promise.all([api(`${path}?from=${from}&to=${to}`), api(`${path}/daily?from=${from}&to=${to}`)]);
      if (request !== latest) {
        return; // another journey or period was picked meanwhile
      }
      drawFunnel(report);
      fillTable(report);
      drawDaily(series);
      await showExperiments(key, report);
      status.textContent = report.steps.length === 0
        ? `No mails of ${journeyPicker.selectedOptions[0].textContent} were queued in the period.`
        : `${journeyPicker.selectedOptions[0].textContent}: mails queued from ${from} up to ${to} (UTC).`;
      history.replaceState(null, '', `?journey=${encodeURIComponent(key)}&days=${daysPicker.value}`);
      document.body.setAttribute('data-shown', key);
    } catch (failure) {
      status.classList.add('error');
      status.textContent = `Could not load the figures: ${failure.message}`;
    }
  }

  async function start() {
    try {
      const journeys = await api('/api/journeys');
      journeyPicker.replaceChildren(...journeys.map((journey) =>
        element('option', `${journey.name || journey.key} (v${journey.version})`, { value: journey.key })));
      const asked = new URLSearchParams(location.search);
      if (journeys.some((journey) => journey.key === asked.get('journey'))) {
        journeyPicker.value = asked.get('journey');
      }
      if ([...daysPicker.options].some((option) => option.value === asked.get('days'))) {
        daysPicker.value = asked.get('days');
      }
      journeyPicker.disabled = journeys.length === 0;
      if (journeys.length === 0) {
        status.textContent = 'No journey is deployed.';
        return;
      }
      await showJourney();
    } catch (failure) {
      status.classList.add('error');
      status.textContent = `Could not load the journeys: ${failure.message}`;
    }
  }

  journeyPicker.addEventListener('change', showJourney);
  daysPicker.addEventListener('change', showJourney);
  document.getElementById('choice').addEventListener('submit', (event) => event.preventDefault());
  start();
})();

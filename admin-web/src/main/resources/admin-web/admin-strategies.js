// Section "How to answer each mood": match, lift or calm per emotion. The rows and the options come from the
// box (GET /admin/api/choices), so a new strategy needs no change here.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  let built = false;

  function build(choices) {
    if (built) return;
    built = true;
    const rows = choices.emotion.map((emotion) => {
      const row = document.createElement('div');
      row.className = 'strategy-row';
      const label = document.createElement('label');
      label.htmlFor = `strategy-${emotion.value}`;
      label.textContent = emotion.label;
      const select = document.createElement('select');
      select.id = `strategy-${emotion.value}`;
      select.name = emotion.value;
      select.setAttribute('aria-describedby', `error-strategies.${emotion.value} hint-strategies`);
      choices.strategy.forEach((strategy) => select.append(new Option(strategy.label, strategy.value)));
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `error-strategies.${emotion.value}`;
      error.hidden = true;
      row.append(label, select, error);
      return row;
    });
    $('strategy-rows').replaceChildren(...rows);
    $('hint-strategies').replaceChildren(...choices.strategy.map((s) => {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = s.label;
      item.append(name, `: ${s.hint}`);
      return item;
    }));
  }

  admin.section({
    name: 'strategies',
    fill(settings, choices) {
      build(choices);
      Object.entries(settings.strategies).forEach(([emotion, strategy]) => {
        const select = $(`strategy-${emotion}`);
        if (select) select.value = strategy;
      });
    },
    collect() {
      const strategies = {};
      document.querySelectorAll('#strategy-rows select').forEach((select) => {
        strategies[select.name] = select.value;
      });
      return { strategies };
    },
  });
})();

// The owner's "Phones and YouTube" section: where QR codes open songs, the optional YouTube search, its
// daily quota budget and its API key (sent once, never shown back: the box answers with a hint only).
// Shown while the owner's sections are (that is, signed in); it fetches its own CSRF token from the session.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const section = $('youtube-form');
  let csrf = null;

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (!csrf) csrf = (await call('GET', '/admin/api/session')).csrfToken;
      headers['X-CSRF-Token'] = csrf;
    }
    const response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* empty answer */ }
    if (!response.ok) {
      const error = new Error(data.error || `the box answered ${response.status}`);
      error.status = response.status;
      error.fields = data.fields || {};
      throw error;
    }
    return data;
  }

  function showErrors(fields) {
    section.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
    section.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
    Object.entries(fields).forEach(([field, text]) => {
      const slot = document.getElementById(`error-${field}`);
      if (!slot) return;
      slot.textContent = text;
      slot.hidden = false;
      const input = section.querySelector(`[aria-describedby~="error-${CSS.escape(field)}"]`);
      if (input) input.setAttribute('aria-invalid', 'true');
    });
  }

  function say(text, isError) {
    const out = $('youtube-saved');
    out.textContent = text;
    out.classList.toggle('error', Boolean(isError));
  }

  function fillSettings(settings) {
    const y = settings.youtube;
    section.querySelector(`input[name="phoneLink"][value="${y.phoneLink}"]`).checked = true;
    $('youtube-search').checked = y.searchEnabled;
    $('youtube-quota').value = y.dailyQuotaUnits;
  }

  function fillStatus(s) {
    $('youtube-key-state').textContent = s.keySet ? `A key is stored (ending ${s.keyHint}).` : 'No key stored.';
    $('youtube-key-remove').hidden = !s.keySet;
    const resets = new Date(s.quotaResetsAt).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    const searches = Math.floor(s.unitsUsedToday / s.searchCost);
    $('youtube-quota-used').textContent = `${s.unitsUsedToday} of ${s.dailyBudget} units today `
      + `(${searches} searches at ${s.searchCost} units); resets ${resets} (midnight Pacific time).`;
    $('youtube-cache').textContent = `${s.linkOnlyTracks} YouTube songs on the box from ${s.cachedSearches} `
      + `saved searches${s.lastSearch ? `; last search: "${s.lastSearch}"` : ''}.`;
    $('youtube-state').textContent = s.active ? 'Searching YouTube for songs that fit the mood.'
      : (s.searchEnabled ? 'On, but no API key is stored yet.' : 'Off: only the songs on this box.');
    const notice = $('youtube-notice');
    if (s.notice) {
      const until = s.notice.until ? ` (until ${new Date(s.notice.until).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })})` : '';
      notice.textContent = s.notice.message + until;
    }
    notice.hidden = !s.notice;
  }

  async function load() {
    try {
      const [settings, status] = await Promise.all([call('GET', '/admin/api/settings'), call('GET', '/admin/api/youtube')]);
      fillSettings(settings.settings);
      fillStatus(status);
      section.hidden = false;
    } catch (e) {
      section.hidden = true; // signed out, or a box without this section
    }
  }

  section.addEventListener('submit', async (event) => {
    event.preventDefault();
    showErrors({});
    say('');
    const quota = $('youtube-quota').value.trim();
    const button = $('youtube-save');
    button.disabled = true;
    try {
      const view = await call('PUT', '/admin/api/settings', { youtube: {
        phoneLink: section.querySelector('input[name="phoneLink"]:checked').value,
        searchEnabled: $('youtube-search').checked,
        // Sent as typed when it is not a whole number, so the box's message explains what is wrong.
        dailyQuotaUnits: /^\d+$/.test(quota) ? Number(quota) : quota,
      } });
      fillSettings(view.settings);
      fillStatus(await call('GET', '/admin/api/youtube'));
      say(`Saved at ${new Date().toLocaleTimeString()}`);
    } catch (e) {
      showErrors(e.fields || {});
      say(e.message, true);
      if (e.status === 403) csrf = null;
    } finally {
      button.disabled = false;
    }
  });

  $('youtube-key-save').addEventListener('click', async () => {
    showErrors({});
    say('');
    try {
      fillStatus(await call('PUT', '/admin/api/youtube/key', { apiKey: $('youtube-key').value }));
      $('youtube-key').value = '';
      say('API key saved.');
    } catch (e) {
      showErrors(e.fields || {});
      say(e.message, true);
      if (e.status === 403) csrf = null;
    }
  });

  // Enter in the key field saves the key, not the settings above it.
  $('youtube-key').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      $('youtube-key-save').click();
    }
  });

  $('youtube-key-remove').addEventListener('click', async () => {
    try {
      fillStatus(await call('DELETE', '/admin/api/youtube/key', {}));
      say('API key removed; YouTube songs were taken off the box.');
    } catch (e) {
      say(e.message, true);
    }
  });

  // Follows the owner's sections: shown when the owner is signed in, hidden when not.
  const owner = $('owner');
  new MutationObserver(() => {
    csrf = null;
    if (owner.hidden) section.hidden = true;
    else load();
  }).observe(owner, { attributes: true, attributeFilter: ['hidden'] });
})();

// Admin sign-in and settings. Every request that changes something carries the session's CSRF token in the
// X-CSRF-Token header; the session cookie itself is HttpOnly, so this script never sees it.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const FORMS = ['setup-form', 'signin-form', 'settings-form'];
  let csrf = null;

  /** JSON in and out; the server's {error, fields} comes back as the rejection's reason. */
  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrf) headers['X-CSRF-Token'] = csrf;
    }
    const response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* an empty or non-JSON answer */ }
    if (!response.ok) {
      const error = new Error(data.error || `the box answered ${response.status}`);
      error.status = response.status;
      error.fields = data.fields || {};
      throw error;
    }
    if (data.csrfToken) csrf = data.csrfToken; // a sign-in starts a new session with a new token
    return data;
  }

  function message(text, isError) {
    const box = $('admin-message');
    box.textContent = text || '';
    box.hidden = !text;
    box.classList.toggle('error', Boolean(isError));
  }

  function showOnly(formId) {
    FORMS.forEach((id) => { $(id).hidden = id !== formId; });
  }

  function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  }

  /** Puts each field's message under its input and focuses the first bad input; returns what had no place. */
  function showFieldErrors(form, fields) {
    const unplaced = [];
    let first = null;
    Object.entries(fields).forEach(([field, text]) => {
      const slot = document.getElementById(`error-${field}`);
      if (!slot) { unplaced.push(`${field}: ${text}`); return; }
      slot.textContent = text;
      slot.hidden = false;
      const input = form.querySelector(`[aria-describedby~="error-${CSS.escape(field)}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        if (!first) first = input;
      }
    });
    if (first) first.focus();
    return unplaced;
  }

  const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

  function fillSettings(view) {
    const s = view.settings;
    $('settings-languages').value = s.languages.join(', ');
    $('settings-favourites').value = s.favouriteArtists.join(', ');
    $('settings-excluded').value = s.excludedArtists.join(', ');
    $('settings-volume-cap').value = Math.round(s.volumeCap * 100);
    $('settings-dim-start').value = s.screenSchedule.nightDimStart;
    $('settings-dim-end').value = s.screenSchedule.nightDimEnd;
    $('settings-problem').textContent = view.problem || '';
    $('settings-problem').hidden = !view.problem;
  }

  async function showSettings() {
    fillSettings(await call('GET', '/admin/api/settings'));
    showOnly('settings-form');
  }

  /** Asks the box which form fits: first-run setup, sign-in or the settings. */
  async function start() {
    let session;
    try {
      session = await call('GET', '/admin/api/session');
    } catch (e) {
      showOnly(null);
      message(e.status === 404 ? 'Settings are not available on this box; the status below is.'
        : 'Cannot reach the box right now. Reload the page to try again.', e.status !== 404);
      return;
    }
    $('setup-min').textContent = session.minPasswordLength;
    if (!session.passwordSet) {
      showOnly('setup-form');
    } else if (!session.signedIn) {
      showOnly('signin-form');
      $('signin-password').focus();
    } else {
      await showSettings();
    }
  }

  /** Runs a form's request with its button disabled; 403 means the session is gone, so start over. */
  async function submit(form, button, work) {
    clearFieldErrors(form);
    message('');
    button.disabled = true;
    try {
      await work();
    } catch (e) {
      const unplaced = showFieldErrors(form, e.fields || {});
      message([e.message, ...unplaced].join(' · '), true);
      if (e.status === 403 || e.status === 401) setTimeout(start, 0);
    } finally {
      button.disabled = false;
    }
  }

  $('setup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit($('setup-form'), $('setup-submit'), async () => {
      await call('POST', '/admin/api/setup',
        { password: $('setup-password').value, confirm: $('setup-confirm').value });
      $('setup-password').value = '';
      $('setup-confirm').value = '';
      message('Password set. You are signed in.');
      await showSettings();
    });
  });

  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit($('signin-form'), $('signin-submit'), async () => {
      try {
        await call('POST', '/admin/api/signin', { password: $('signin-password').value });
      } finally {
        $('signin-password').value = '';
      }
      await showSettings();
    });
  });

  $('settings-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('settings-saved').textContent = '';
    submit($('settings-form'), $('settings-save'), async () => {
      const cap = $('settings-volume-cap').value.trim();
      const view = await call('PUT', '/admin/api/settings', {
        languages: list($('settings-languages').value),
        favouriteArtists: list($('settings-favourites').value),
        excludedArtists: list($('settings-excluded').value),
        // An empty or non-numeric box goes to the server as is, so its message explains it.
        volumeCap: cap !== '' && !Number.isNaN(Number(cap)) ? Number(cap) / 100 : cap,
        screenSchedule: { nightDimStart: $('settings-dim-start').value, nightDimEnd: $('settings-dim-end').value },
      });
      fillSettings(view);
      $('settings-saved').textContent = `Saved at ${new Date().toLocaleTimeString()}`;
    });
  });

  $('signout').addEventListener('click', async () => {
    try {
      await call('POST', '/admin/api/signout', {});
    } catch (e) { /* signed out or not, start over */ }
    csrf = null;
    message('Signed out.');
    start();
  });

  start();
})();

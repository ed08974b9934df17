// Admin core: sign-in, first run, and the frame every settings section plugs into. Every request that
// changes something carries the session's CSRF token in the X-CSRF-Token header; the session cookie itself is
// HttpOnly, so no script here ever sees it.
//
// A section is one <form data-section="NAME"> in index.html plus one script that calls
// MoodboxAdmin.section({ name, fill(view), collect() }). fill gets every settings answer from the box;
// collect returns the fields that form saves (a partial settings object). The core saves it with PUT, puts
// each field's error next to its input, and refills every section from the box's answer. Sections that are
// not about settings (status, password, library scans) use MoodboxAdmin.call and MoodboxAdmin.onSignedIn.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const GATES = ['setup-form', 'signin-form'];
  const sections = new Map();
  const signedInListeners = [];
  let csrf = null;
  let signedIn = false;
  let choices = null;

  /** JSON in and out; the server's {error, fields} comes back as the rejection's reason. */
  async function call(method, path, body, accept) {
    const headers = { 'Accept': accept || 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrf) headers['X-CSRF-Token'] = csrf;
    }
    const response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok && accept && accept !== 'application/json') return response.blob();
    let data = {};
    try { data = await response.json(); } catch (e) { /* an empty or non-JSON answer */ }
    if (!response.ok) {
      const error = new Error(data.error || `the box answered ${response.status}`);
      error.status = response.status;
      error.fields = data.fields || {};
      if (response.status === 401 && signedIn) setTimeout(start, 0); // the session ran out: back to sign-in
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

  function showGate(formId) {
    GATES.forEach((id) => { $(id).hidden = id !== formId; });
    $('owner').hidden = formId !== null || !signedIn;
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
      if (!slot || !form.contains(slot)) { unplaced.push(`${field}: ${text}`); return; }
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

  /** Runs a form's request with its button disabled and puts any refusal where the owner looks. */
  async function submit(form, button, work) {
    clearFieldErrors(form);
    message('');
    const status = form.querySelector('.saved');
    if (status) status.textContent = '';
    if (button) button.disabled = true;
    try {
      await work();
    } catch (e) {
      const unplaced = showFieldErrors(form, e.fields || {});
      const text = [e.message, ...unplaced].join(' · ');
      const local = form.querySelector('.form-error');
      if (local) { local.textContent = text; local.hidden = false; } else message(text, true);
      if (e.status === 403) setTimeout(start, 0);
    } finally {
      if (button) button.disabled = false;
    }
  }

  function fillAll(view) {
    $('settings-problem').textContent = view.problem || '';
    $('settings-problem').hidden = !view.problem;
    sections.forEach((section) => section.fill && section.fill(view.settings, choices));
  }

  /** A section registers itself; its form's submit saves what collect() returns. */
  function section(definition) {
    sections.set(definition.name, definition);
    const form = document.querySelector(`form[data-section="${definition.name}"]`);
    if (!form || !definition.collect) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      submit(form, button, async () => {
        const view = await call('PUT', '/admin/api/settings', definition.collect());
        fillAll(view);
        const saved = form.querySelector('.saved');
        if (saved) saved.textContent = `Saved at ${new Date().toLocaleTimeString()}`;
      });
    });
  }

  async function showOwner() {
    signedIn = true;
    if (!choices) choices = await call('GET', '/admin/api/choices');
    fillAll(await call('GET', '/admin/api/settings'));
    showGate(null);
    signedInListeners.forEach((listener) => listener(choices));
  }

  /** Asks the box which form fits: first-run setup, sign-in or the owner's sections. */
  async function start() {
    let session;
    signedIn = false;
    try {
      session = await call('GET', '/admin/api/session');
    } catch (e) {
      showGate(null);
      message(e.status === 404 ? 'Settings are not available on this box.'
        : 'Cannot reach the box right now. Reload the page to try again.', true);
      return;
    }
    $('setup-min').textContent = session.minPasswordLength;
    if (!session.passwordSet) {
      showGate('setup-form');
    } else if (!session.signedIn) {
      showGate('signin-form');
      $('signin-password').focus();
    } else {
      await showOwner();
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
      await showOwner();
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
      await showOwner();
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

  window.MoodboxAdmin = {
    call,
    section,
    submit,
    message,
    isSignedIn: () => signedIn,
    /** Called with the server's choices each time the owner's sections appear (after sign-in). */
    onSignedIn: (listener) => signedInListeners.push(listener),
    /** "a, b ,c" as ["a", "b", "c"]. */
    list: (text) => text.split(',').map((s) => s.trim()).filter(Boolean),
  };

  // Section scripts load after this one (defer keeps document order) and register first; then the page starts.
  document.addEventListener('DOMContentLoaded', start);
})();

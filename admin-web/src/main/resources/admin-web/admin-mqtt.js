// Section "Home Assistant / MQTT": the broker link (saved with the other settings as the `mqtt` object), the
// link's state from GET /admin/api/mqtt (refreshed every few seconds while signed in), and the broker password,
// which is sent once and never shown back: the box only says whether one is stored.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 3000;
  let timer = null;

  const when = (iso) => new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function showStatus(s) {
    const words = {
      off: 'Off: the box is not linked to a broker.',
      connecting: `Connecting to ${s.broker}…`,
      connected: `Connected to ${s.broker}.`,
      refused_credentials: `Refused by ${s.broker}: wrong user name or password.`,
      refused: `Refused by ${s.broker}.`,
      tls_failed: `TLS failed with ${s.broker || 'the broker'}.`,
      unreachable: `Cannot reach ${s.broker}.`,
    };
    const state = $('mqtt-state');
    state.textContent = [words[s.state] || s.stateLabel, s.detail].filter(Boolean).join(' ');
    state.dataset.state = s.state;
    state.classList.toggle('error', !['off', 'connecting', 'connected'].includes(s.state));
    $('mqtt-last').textContent = s.lastMessageAt ? `Last message ${when(s.lastMessageAt)}. Topics under ${s.baseTopic}/.`
      : `Topics under ${s.baseTopic}/.`;
    $('hint-mqtt-base').textContent = `Empty means ${s.baseTopic.startsWith('moodbox/') ? 'moodbox/<this box\'s name>' : 'the default'}; in use now: ${s.baseTopic}.`;
    $('mqtt-ignored').textContent = s.ignored || '';
    $('mqtt-ignored').hidden = !s.ignored;
    $('mqtt-password-state').textContent = s.passwordSet ? 'A password is stored (never shown).' : 'No password stored.';
    $('mqtt-password-remove').hidden = !s.passwordSet;
    const g = s.group;
    let group = '';
    if (g) {
      const what = { applied: `applied (${g.changed.join(', ')})`, unchanged: 'the same as before: not applied again',
        refused: `refused: ${Object.entries(g.errors).map(([f, m]) => `${f} ${m}`).join('; ')}`,
        'no document': 'none published' }[g.state] || g.state;
      group = `Group "${g.group}": last document ${when(g.at)}, ${what}.`;
      if (g.state === 'applied') group += ' Your changes made here after that win until the group sends a new document.';
    }
    $('mqtt-group-state').textContent = group;
  }

  async function refresh() {
    clearTimeout(timer);
    if (!admin.isSignedIn()) return;
    try {
      showStatus(await admin.call('GET', '/admin/api/mqtt'));
    } catch (e) { /* signed out or the box is away: the next sign-in starts again */ }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  admin.section({
    name: 'mqtt',
    fill(settings) {
      const m = settings.mqtt;
      $('mqtt-enabled').checked = m.enabled;
      $('mqtt-host').value = m.host;
      $('mqtt-port').value = m.port;
      $('mqtt-tls').checked = m.tls;
      $('mqtt-ca').value = m.caFile;
      $('mqtt-user').value = m.user;
      $('mqtt-base').value = m.baseTopic;
      $('mqtt-prefix').value = m.discoveryPrefix;
      $('mqtt-share-mood').checked = m.shareMood;
      $('mqtt-follow').checked = m.followGroup;
      $('mqtt-group').value = m.group;
      refresh();
    },
    collect() {
      const port = $('mqtt-port').value.trim();
      return { mqtt: {
        enabled: $('mqtt-enabled').checked,
        host: $('mqtt-host').value,
        // Sent as typed when it is not a whole number, so the box's message explains what is wrong.
        port: /^\d+$/.test(port) ? Number(port) : port,
        tls: $('mqtt-tls').checked,
        caFile: $('mqtt-ca').value,
        user: $('mqtt-user').value,
        baseTopic: $('mqtt-base').value,
        discoveryPrefix: $('mqtt-prefix').value,
        shareMood: $('mqtt-share-mood').checked,
        followGroup: $('mqtt-follow').checked,
        group: $('mqtt-group').value,
      } };
    },
  });

  // TLS follows the port the owner types (plain on 1883, TLS elsewhere), until they tick the box themselves.
  $('mqtt-port').addEventListener('change', () => { $('mqtt-tls').checked = $('mqtt-port').value.trim() !== '1883'; });

  const form = $('mqtt-form');
  $('mqtt-password-save').addEventListener('click', () => admin.submit(form, $('mqtt-password-save'), async () => {
    try {
      showStatus(await admin.call('PUT', '/admin/api/mqtt/password', { password: $('mqtt-password').value }));
    } finally {
      $('mqtt-password').value = '';
    }
    $('mqtt-password-saved').textContent = 'Password saved; the box connects again with it.';
  }));

  $('mqtt-password').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { // Enter saves the password, not the link settings above it
      event.preventDefault();
      $('mqtt-password-save').click();
    }
  });

  $('mqtt-password-remove').addEventListener('click', () => admin.submit(form, $('mqtt-password-remove'), async () => {
    showStatus(await admin.call('DELETE', '/admin/api/mqtt/password', {}));
    $('mqtt-password-saved').textContent = 'Password removed.';
  }));

  admin.onSignedIn(refresh);
})();

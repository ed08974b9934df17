// Section "Status": what the box is doing, read every few seconds from GET /admin/api/status (signed in only:
// it includes the mood of whoever stands at the screen).
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const NAMES = { angry: 'Angry', disgust: 'Disgusted', fear: 'Afraid', happy: 'Happy', sad: 'Sad',
                  surprise: 'Surprised', neutral: 'Neutral' };
  const REFRESH_MS = 3000;
  const $ = (id) => document.getElementById(id);
  let timer = 0;

  function duration(seconds) {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    if (d > 0) return `${d} d ${h} h`;
    if (h > 0) return `${h} h ${m} min`;
    return `${m} min ${seconds % 60} s`;
  }

  function show(state) {
    const mood = state.mood;
    const name = NAMES[mood.emotion] || mood.emotion;
    if (mood.source === 'override') {
      $('admin-mood').textContent = name;
      $('admin-mood-detail').textContent = 'chosen on the screen';
    } else if (!mood.present) {
      $('admin-mood').textContent = 'Nobody in view';
      $('admin-mood-detail').textContent = 'the screen rests';
    } else {
      $('admin-mood').textContent = name;
      $('admin-mood-detail').textContent = `${Math.round(mood.confidence * 100)}% sure`
        + (mood.sure ? '' : ' (not sure yet)');
    }

    const playback = state.playback;
    const volume = `volume ${Math.round(playback.volume * 100)}% of at most ${Math.round(playback.volumeCap * 100)}%`;
    if (playback.track && playback.status !== 'stopped') {
      $('admin-playing').textContent = playback.track.title;
      $('admin-playing-detail').textContent = [playback.track.artist, playback.status === 'paused' ? 'paused' : null,
        volume].filter(Boolean).join(' · ');
    } else {
      $('admin-playing').textContent = 'Nothing';
      $('admin-playing-detail').textContent = volume;
    }
    if (playback.error) $('admin-playing-detail').textContent += ` · problem: ${playback.error}`;

    $('admin-catalog').textContent = `${state.catalogSize} ${state.catalogSize === 1 ? 'song' : 'songs'}`;
    $('admin-output').textContent = playback.output || 'unknown';

    const vision = state.vision;
    $('admin-camera').textContent = state.cameraOn ? 'On' : 'Off';
    $('admin-camera-detail').textContent = vision
      ? [vision.camera, vision.cameraState, vision.message].filter(Boolean).join(' · ') : 'no camera loop';
    $('admin-fps').textContent = vision ? `${vision.framesPerSecond.toFixed(1)} frames per second` : '–';
    $('admin-fps-detail').textContent = vision ? [`${vision.faces} ${vision.faces === 1 ? 'face' : 'faces'} in the last frame`,
      `${vision.detectionsPerSecond.toFixed(1)} full detections and ${vision.readingsPerSecond.toFixed(1)} emotion readings a second`,
      `vision thread ${vision.cpuPercent.toFixed(0)}% of one core`].join(' · ') : '';
    $('admin-models').textContent = vision ? vision.models : '–';
    const stages = $('admin-stages');
    stages.replaceChildren(...(vision ? vision.stages : []).map((stage) => {
      const row = document.createElement('tr');
      const what = document.createElement('th');
      what.scope = 'row';
      what.textContent = stage.name;
      const ms = document.createElement('td');
      ms.textContent = `${stage.ms.toFixed(1)} ms`;
      row.append(what, ms);
      return row;
    }));
    $('admin-stages-table').hidden = !vision || vision.stages.length === 0;

    const t = state.cpuTemperature;
    $('admin-temperature').textContent = t ? `${t.celsius.toFixed(1)} °C` : 'not readable';
    $('admin-temperature-detail').textContent = t ? t.zone : 'this system does not let the box read it';
    $('admin-uptime').textContent = duration(state.uptimeSeconds);

    // Standing conditions (storage full, a catalog rebuilt after damage) stay on top until they are over.
    const notices = state.notices || [];
    $('admin-notices').hidden = notices.length === 0;
    $('admin-notices').replaceChildren(...notices.map((n) => {
      const item = document.createElement('li');
      item.className = 'notice';
      item.textContent = n.text;
      return item;
    }));

    const problems = state.recentProblems;
    $('admin-problems-none').hidden = problems.length > 0;
    $('admin-problems').replaceChildren(...problems.slice(0, 20).map((p) => {
      const item = document.createElement('li');
      item.className = p.level === 'ERROR' ? 'problem error' : 'problem';
      const when = document.createElement('time');
      when.dateTime = p.at;
      when.textContent = `${new Date(p.at).toLocaleString()} · ${p.level} · ${p.logger}`;
      const text = document.createElement('span');
      text.textContent = p.count > 1 ? `${p.message} (×${p.count})` : p.message;
      item.append(when, text);
      return item;
    }));

    $('admin-updated').classList.remove('stale');
    $('admin-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
  }

  async function refresh() {
    clearTimeout(timer);
    if (!admin.isSignedIn()) return; // the next sign-in starts it again
    try {
      show(await admin.call('GET', '/admin/api/status'));
    } catch (e) {
      $('admin-updated').classList.add('stale');
      $('admin-updated').textContent = 'Cannot reach the box right now; retrying…';
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  admin.onSignedIn(refresh);
  admin.section({ name: 'status' });
})();

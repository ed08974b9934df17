// Section "Camera and face reading": which camera, which detector and model (the selects come from the box,
// GET /admin/api/choices, so new options need no change here), and the one-shot preview picture.
// The preview is taken only when the owner taps the button; it is shown on this phone and nowhere else,
// and it is dropped from the page when hidden or when the page is left. The box does not keep it.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  let visionFields = [];

  function buildVisionSelects(choices) {
    const fields = Object.entries(choices.vision || {});
    if (visionFields.length === fields.length) return;
    visionFields = fields.map(([field]) => field);
    $('vision-selects').replaceChildren(...fields.flatMap(([field, select]) => {
      const label = document.createElement('label');
      label.htmlFor = `settings-${field}`;
      label.textContent = select.label;
      const input = document.createElement('select');
      input.id = `settings-${field}`;
      input.name = field;
      input.setAttribute('aria-describedby', `hint-${field} error-${field}`);
      select.options.forEach((option) => input.append(new Option(option.label, option.value)));
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.id = `hint-${field}`;
      const showHint = () => {
        const chosen = select.options.find((o) => o.value === input.value);
        hint.textContent = chosen && chosen.hint ? chosen.hint : '';
      };
      input.addEventListener('change', showHint);
      input.showHint = showHint;
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `error-${field}`;
      error.hidden = true;
      return [label, input, hint, error];
    }));
  }

  async function loadCameras() {
    try {
      const cameras = await admin.call('GET', '/admin/api/cameras');
      const list = $('camera-devices');
      list.replaceChildren(...cameras.devices.map((device) => new Option(device, device)));
      $('camera-found').textContent = cameras.devices.length
        ? `Found on this box: ${cameras.devices.join(', ')}.` : 'No video devices found on this box.';
      $('camera-running').textContent = cameras.running
        ? `Now reading: ${cameras.running} (${cameras.state}).` : 'No camera loop runs on this box.';
      $('camera-preview').disabled = !cameras.canPreview;
    } catch (e) { /* shown by the status section */ }
  }

  function hidePreview() {
    const image = $('preview-image');
    image.removeAttribute('src');
    image.hidden = true;
    $('preview-hide').hidden = true;
  }

  $('camera-preview').addEventListener('click', () => {
    const button = $('camera-preview');
    const form = $('camera-form');
    admin.submit(form, button, async () => {
      hidePreview();
      $('preview-state').textContent = 'Taking one picture…';
      try {
        const jpeg = await admin.call('POST', '/admin/api/camera/preview', {}, 'image/jpeg');
        // A data: URL (the page's policy allows no other image source than the box); it lives in this page only.
        const dataUrl = await new Promise((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result);
          reader.onerror = () => reject(new Error('could not show the picture'));
          reader.readAsDataURL(jpeg);
        });
        $('preview-image').src = dataUrl;
        $('preview-image').hidden = false;
        $('preview-hide').hidden = false;
        $('preview-state').textContent = `Picture taken at ${new Date().toLocaleTimeString()}.`;
      } catch (e) {
        $('preview-state').textContent = '';
        throw e;
      }
    });
  });
  $('preview-hide').addEventListener('click', () => {
    hidePreview();
    $('preview-state').textContent = 'Picture removed from this page.';
  });
  window.addEventListener('pagehide', hidePreview);

  admin.onSignedIn(loadCameras);

  admin.section({
    name: 'camera',
    fill(settings, choices) {
      buildVisionSelects(choices);
      $('settings-camera').value = settings.cameraSource;
      $('settings-camera-on').checked = settings.cameraOn;
      visionFields.forEach((field) => {
        const select = $(`settings-${field}`);
        if (select && settings[field] !== undefined) {
          select.value = settings[field];
          select.showHint();
        }
      });
    },
    collect() {
      const changes = { cameraSource: $('settings-camera').value, cameraOn: $('settings-camera-on').checked };
      visionFields.forEach((field) => { changes[field] = $(`settings-${field}`).value; });
      return changes;
    },
  });
})();

// The slice browser of /series: a slider (and buttons) over the instances of the series in InstanceNumber
// order and a frame selector for multi-frame objects; each choice loads
// GET /api/series/{id}/instances/{n} (InstanceNumber, frames) and shows .../{n}/rendered?frame=k.
(function () {
  var root = document.getElementById('slice-browser');
  if (!root) {
    return;
  }
  var base = root.getAttribute('data-base');
  var count = parseInt(root.getAttribute('data-count'), 10);
  var slider = document.getElementById('slice');
  var frame = document.getElementById('frame');
  var image = document.getElementById('slice-image');
  var label = document.getElementById('slice-label');
  var frames = document.getElementById('frame-count');
  var status = document.getElementById('slice-status');
  var asked = 0;

  function problem(response) {
    return response.json().then(function (p) { throw new Error(p.detail || response.status); },
      function () { throw new Error('HTTP ' + response.status); });
  }

  function render() {
    status.textContent = '';
    image.src = base + '/' + slider.value + '/rendered?frame=' + frame.value;
  }

  function showSlice() {
    var n = slider.value;
    var mine = ++asked;
    label.textContent = 'Slice ' + n + ' of ' + count;
    fetch(base + '/' + n, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : problem(response); })
      .then(function (slice) {
        if (mine !== asked) {
          return;
        }
        label.textContent = 'Slice ' + n + ' of ' + count
          + (slice.instanceNumber === null || slice.instanceNumber === undefined ? '' : ' · InstanceNumber ' + slice.instanceNumber);
        frame.max = slice.frames;
        if (parseInt(frame.value, 10) > slice.frames) {
          frame.value = 1;
        }
        frame.disabled = slice.frames < 2;
        frames.textContent = 'of ' + slice.frames;
        render();
      })
      .catch(function (e) {
        if (mine === asked) {
          image.removeAttribute('src');
          status.textContent = 'Slice ' + n + ' is not shown: ' + e.message;
        }
      });
  }

  function step(by) {
    var next = parseInt(slider.value, 10) + by;
    if (next >= 1 && next <= count) {
      slider.value = next;
      showSlice();
    }
  }

  if (count < 1) {
    status.textContent = 'This series has no archived instance.';
    return;
  }
  // while the slider is dragged, only the slice it rests on is loaded
  var settling = null;
  slider.addEventListener('input', function () {
    label.textContent = 'Slice ' + slider.value + ' of ' + count;
    clearTimeout(settling);
    settling = setTimeout(showSlice, 150);
  });
  frame.addEventListener('change', render);
  document.getElementById('slice-previous').addEventListener('click', function () { step(-1); });
  document.getElementById('slice-next').addEventListener('click', function () { step(1); });
  image.addEventListener('error', function () {
    if (image.getAttribute('src')) {
      status.textContent = 'This slice cannot be displayed here.';
    }
  });
  showSlice();
}());

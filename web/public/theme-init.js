// Sets the theme on <html data-theme> before the first paint, so a dark page never flashes light.
// index.html loads this file as a blocking script (the CSP forbids inline scripts). It does what
// src/theme/theme.ts does (readChoice, resolveTheme, applyTheme); the app takes over once it runs.
(function () {
  var choice = null;
  try {
    choice = window.localStorage.getItem('authorworks.theme');
  } catch (e) {
    // storage blocked: follow the system
  }
  var theme = choice === 'dark' || choice === 'light' ? choice : 'light';
  if (choice !== 'dark' && choice !== 'light') {
    try {
      if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) theme = 'dark';
    } catch (e) {
      // no media queries: light
    }
  }
  document.documentElement.setAttribute('data-theme', theme);
})();

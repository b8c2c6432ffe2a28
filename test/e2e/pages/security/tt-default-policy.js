// A page's own Trusted Types default policy that lets the TalkJS script URL (and nothing else)
// through: what a page enforcing Trusted Types needs for the talkjs package's loader snippet.
if (window.trustedTypes) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL: (url) => {
      if (url === 'https://cdn.talkjs.com/talk.js') return url;
      throw new TypeError(`blocked script URL ${url}`);
    },
  });
}

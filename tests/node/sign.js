// Signs a webhook the way the carrier does, with the carrier's official library.
// stdin: {"token": "...", "url": "...", "params": {"Name": "value", ...}}
// stdout: the X-Twilio-Signature value.
'use strict';
const twilio = require('twilio');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { token, url, params } = JSON.parse(input);
  process.stdout.write(twilio.getExpectedTwilioSignature(token, url, params));
});

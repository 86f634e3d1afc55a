// Reads waveform.json and waveform.dat with BBC waveform-data and prints what it understood, as JSON.
// usage: node check-waveform.mjs waveform.json waveform.dat
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WaveformData = createRequire(import.meta.url)('waveform-data');
const [jsonPath, datPath] = process.argv.slice(2);

const describe = (waveform) => ({
  length: waveform.length,
  channels: waveform.channels,
  sampleRate: waveform.sample_rate,
  scale: waveform.scale,
  bits: waveform.bits,
  duration: waveform.duration,
  maxPeak: Math.max(...waveform.channel(0).max_array()),
  minPeak: Math.min(...waveform.channel(0).min_array()),
});

const fromJson = WaveformData.create(JSON.parse(readFileSync(jsonPath, 'utf8')));
const bytes = readFileSync(datPath);
// waveform-data wants a real ArrayBuffer, not a Node Buffer (which may be a view on a shared pool).
const fromDat = WaveformData.create(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
console.log(JSON.stringify({ json: describe(fromJson), dat: describe(fromDat) }));

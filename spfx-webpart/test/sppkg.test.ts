/** @jest-environment node */
/*
 * The package `npm run build` made (CI builds before it tests): a zip whose feature holds the
 * three web parts, with the manifests' ids, hosts and translations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

interface Entry { readonly name: string; readonly data: Buffer }

/** Reads a zip's central directory (stored and deflated entries, which is all SPFx writes). */
function unzip(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const manifest = (name: string): { id: string; alias: string; supportedHosts: string[] } =>
  JSON.parse(readFileSync(join(__dirname, '..', 'src', 'webparts', name, `${name[0]?.toUpperCase()}${name.slice(1)}WebPart.manifest.json`), 'utf8').replace(/^\s*\/\/.*$/gmu, '').replace(/\/\/ Advanced/gu, ''));

describe('shareworthy.sppkg', () => {
  const entries = unzip(readFileSync(join(__dirname, '..', 'sharepoint', 'solution', 'shareworthy.sppkg')));
  const names = entries.map((entry) => entry.name);

  it.each(['share', 'feed', 'report'])('holds the %s web part manifest with SharePoint and Teams hosts', (name) => {
    const { id, alias, supportedHosts } = manifest(name);
    expect(supportedHosts).toEqual(expect.arrayContaining(['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp']));
    const xml = entries.find((entry) => entry.name.endsWith(`/WebPart_${id}.xml`));
    expect(xml).toBeDefined();
    const text = xml?.data.toString('utf8') ?? '';
    expect(text).toContain(alias);
    expect(text).toContain('SharePointWebPart');
    expect(text).toContain('TeamsTab');
  });

  it('ships the bundles and both languages of every web part', () => {
    for (const bundle of ['share-web-part', 'feed-web-part', 'report-web-part']) expect(names.some((n) => n.startsWith(`ClientSideAssets/${bundle}_`) && n.endsWith('.js'))).toBe(true);
    for (const strings of ['Share', 'Feed', 'Report']) {
      for (const locale of ['en-us', 'fr-fr']) expect(names.some((n) => n.startsWith(`ClientSideAssets/${strings}WebPartStrings_${locale}_`))).toBe(true);
    }
    const app = entries.find((entry) => entry.name === 'AppManifest.xml')?.data.toString('utf8') ?? '';
    expect(app).toContain('Name="shareworthy"');
  });
});

/**
 * Reads one file out of a zip archive (stored or deflated, no zip64), so provisioning needs no
 * `unzip` on the machine. Checks the entry's size and CRC-32.
 */
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

function endOfCentralDirectory(zip: Buffer, file: string): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error(`${file} is not a zip archive: no end-of-central-directory record`);
}

/** The bytes of `entry` (e.g. `kubectl/kubectl`) inside the zip file `file`. */
export function readZipEntry(file: string, entry: string): Buffer {
  const zip = readFileSync(file);
  const eocd = endOfCentralDirectory(zip, file);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
      throw new Error(`${file}: corrupt central directory at byte ${offset}`);
    }
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name !== entry) continue;
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) {
      throw new Error(`${file}: corrupt local header for ${entry}`);
    }
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) {
      throw new Error(`${file}: ${entry} uses compression method ${method}, expected 0 (stored) or 8 (deflate)`);
    }
    const data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    if (data.length !== size || crc32(data) !== crc) {
      throw new Error(`${file}: ${entry} fails its size or CRC-32 check; delete the download and retry`);
    }
    return data;
  }
  throw new Error(`${file} has no entry ${entry}`);
}

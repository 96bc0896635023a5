/**
 * The text of an imported file from its bytes. Spreadsheets re-save CSV and vCard files in other
 * encodings than the UTF-8 the exports are written in: Excel's "CSV" is Windows-1252 on Western
 * systems, its "Unicode Text" is UTF-16 LE with a byte order mark. Reading those as UTF-8 stored
 * names like "Jos� M�ller" without a word, so each encoding is told apart here, and a guess says so.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * A sentence for the preview when the encoding was guessed or the text is damaged, naming the
   * file: "Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check
   * the names below." Absent when the file said its encoding (a byte order mark) or is UTF-8.
   */
  notice?: string;
}

/**
 * Byte order marks first (UTF-16 LE/BE, UTF-8); then strict UTF-8; a file that is not UTF-8 is
 * read as Windows-1252, the usual encoding of a file a spreadsheet re-saved on a Western system.
 * One exception: a UTF-8 file with a few damaged bytes (cut off mid-character, one stray byte)
 * stays UTF-8, since reading its many good accented letters as Windows-1252 would garble them all
 * ("JosÃ©"); the damaged places show as "�" and the notice says how many.
 */
export function decodeText(fileName: string, bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: told apart below.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { damaged, accented } = countUtf8(lenient);
  if (accented > damaged) {
    return {
      text: lenient,
      encoding: 'utf-8',
      notice: `${fileName} is UTF-8 with ${damaged === 1 ? '1 damaged character' : `${damaged} damaged characters`}, shown as “�”. Check the names below.`,
    };
  }
  return {
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    notice: `${fileName} is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.`,
  };
}

/**
 * In text decoded leniently as UTF-8: the replacement characters (bytes that were not UTF-8) and
 * the other characters beyond ASCII (well-formed multi-byte sequences, which Windows-1252 text
 * almost never holds by chance).
 */
function countUtf8(text: string): { damaged: number; accented: number } {
  let damaged = 0;
  let accented = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) damaged += 1;
    else if (code > 0x7f) accented += 1;
  }
  return { damaged, accented };
}

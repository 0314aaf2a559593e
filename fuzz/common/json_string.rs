//! A reference reading of a JSON string literal's content, written apart
//! from the parsers (by UTF-16 units, as `JSON.parse` reads it) so that the
//! fuzz targets can check them against it.

/// The text a browser shows for the JSON string `"content"`: escapes
/// decoded, each unpaired surrogate one U+FFFD. `None` when `"content"` is
/// not a JSON string (a bare quote, a control character, a bad escape).
pub fn shown(content: &str) -> Option<String> {
    let mut units: Vec<u16> = Vec::new();
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\u{0}'..='\u{1f}' => return None,
            '\\' => {
                let unit = match chars.next()? {
                    '"' => 0x22,
                    '\\' => 0x5c,
                    '/' => 0x2f,
                    'b' => 0x08,
                    'f' => 0x0c,
                    'n' => 0x0a,
                    'r' => 0x0d,
                    't' => 0x09,
                    'u' => {
                        let mut unit = 0u16;
                        for _ in 0..4 {
                            unit = unit * 16 + chars.next()?.to_digit(16)? as u16;
                        }
                        unit
                    }
                    _ => return None,
                };
                units.push(unit);
            }
            c => units.extend(c.encode_utf16(&mut [0; 2]).iter()),
        }
    }
    Some(String::from_utf16_lossy(&units))
}
